"""``newsfuse stories list|show ID|refresh``: read the story store, and bring its briefings up to date."""

from __future__ import annotations

import argparse
import json
import re
import sys

from newsfuse.commands.arguments import add_db, add_words

__all__ = ["register", "run_list", "run_refresh", "run_show"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stories",
        help="list the stories of a stream's store, or show one with its briefing",
        description="Read the stories that `newsfuse stream` built.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="most recent stories first", description="List stories.")
    add_db(listing)
    listing.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    listing.add_argument("--since", default=None, help="only stories active on or after this ISO date")
    listing.add_argument("--json", action="store_true", help="one JSON object per story")
    listing.add_argument(
        "--junk", action="store_true", help="also list junk articles (archive placeholders, paywall stubs)"
    )
    listing.set_defaults(handler=run_list)
    show = actions.add_parser(
        "show", help="one story: its briefing and articles", description="Show a story."
    )
    show.add_argument("story_id", metavar="ID", help="a story id from `newsfuse stories list`")
    add_db(show)
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or the stored JSON"
    )
    show.set_defaults(handler=run_show)
    refresh = actions.add_parser(
        "refresh",
        help="summarize every story whose briefing is missing or behind (after `stream --no-briefings`)",
        description="Bring every stale briefing up to date, most recently active stories first.",
    )
    add_db(refresh)
    add_words(refresh)
    refresh.set_defaults(handler=run_refresh)


#: What --since takes: a calendar date, YYYY-MM-DD (``date.fromisoformat`` also takes "20240501").
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_since(since: str | None) -> None:
    import datetime as dt

    from newsfuse.errors import ConfigError

    if since is None:
        return
    try:
        if not ISO_DAY.fullmatch(since):
            raise ValueError(since)
        dt.date.fromisoformat(since)
    except ValueError:
        raise ConfigError(f"--since {since}: not an ISO date (YYYY-MM-DD)") from None


def run_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from newsfuse.errors import ConfigError
    from newsfuse.stream.store import open_store

    _check_since(args.since)
    if args.limit < 1:
        raise ConfigError(f"--limit {args.limit}: must be at least 1")
    store = open_store(args.db, create=False)
    try:
        rows = store.stories(limit=args.limit, since=args.since, junk=args.junk)
    finally:
        store.close()
    for row in rows:
        if args.json:
            print(json.dumps(asdict(row), ensure_ascii=False))
        else:
            if row.junk:
                note = f" (junk: {row.junk})"
            elif row.briefed_size < row.size:
                note = " (briefing pending)"
            else:
                note = ""
            print(f"{row.id}\t{row.first_date}..{row.last_date}\t{row.size} articles\t{row.title[:70]}{note}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from newsfuse.errors import InputError
    from newsfuse.stream.store import open_store

    store = open_store(args.db, create=False)
    try:
        row = store.story(args.story_id)
        if row is None:
            raise InputError(f"story {args.story_id}: not in {store.url}; see `newsfuse stories list`")
        briefing = store.briefing(args.story_id)
        articles = store.story_articles(args.story_id)
    finally:
        store.close()
    if args.format == "json":
        record = {
            "id": row.id, "size": row.size, "first_date": row.first_date, "last_date": row.last_date,
            "title": row.title, "briefed_size": row.briefed_size, "junk": row.junk, "briefing": briefing,
            "articles": [{"id": a.id, "date": a.date, "title": a.title} for a in articles],
        }  # fmt: skip
        print(json.dumps(record, ensure_ascii=False))
        return 0
    out = [f"{row.title}", f"{row.id} · {row.size} articles · {row.first_date} to {row.last_date}", ""]
    if row.junk:
        out.append(f"(junk, no briefing: {row.junk})")
    elif briefing is None:
        out.append("(no briefing yet)")
    else:
        if row.briefed_size < row.size:
            out.append(f"(briefing covers {row.briefed_size} of {row.size} articles; refresh pending)")
        out += [f"{s['text']} [{', '.join(s['sources'])}]" for s in briefing.get("summary", [])]
    out += ["", "Articles:"] + [f"  {a.date}  {a.id}  {a.title}" for a in articles]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    from newsfuse.config import options_from
    from newsfuse.stream.refresh import Refresher
    from newsfuse.stream.store import open_store

    store = open_store(args.db, create=False)
    try:
        before = len(store.stale_stories())
        refresher = Refresher(store.url, options_from(words=args.words)).start()
        refresher.finish()
        left = store.stale_stories()
    finally:
        store.close()
    print(
        f"newsfuse stories refresh: {refresher.briefings} briefings saved for {before} stale stories "
        f"in {refresher.seconds:.1f} s; {len(left)} could not be summarized",
        file=sys.stderr,
    )
    return 0
