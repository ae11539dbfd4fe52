"""HTML extraction on trafilatura's own evaluation pages (issue 16): newsfuse beside trafilatura.

    .venv/bin/python scripts/bench_html.py                 # every system, tuning / held-out / all
    .venv/bin/python scripts/bench_html.py --half tuning   # the tuning half only (held-out not read)
    .venv/bin/python scripts/bench_html.py --rules         # what each cleaning rule costs and gains
    .venv/bin/python scripts/bench_html.py --show          # newsfuse's misses and leaks, page by page
    PYTHONPATH=/tmp/before/src .venv/bin/python scripts/bench_html.py --newsfuse-only
                                                           # an older checkout's newsfuse, same pages

Reads ``../shared/data/trafilatura-eval-dev.tar.gz`` (495 pages, ``evaldata.json`` with 'with'
snippets that must be kept and 'without' snippets that must go) straight from the tarball:
nothing is unpacked or copied. Scored exactly like trafilatura's ``tests/eval_common.py``:
whitespace collapsed, substring match, a page that yields nothing (or an exception) counts as
empty; precision = kept 'with' / (kept 'with' + kept 'without'), recall = kept 'with' / all 'with'.

Pages are split once, by the SHA-256 of their file name (first byte even: tuning, odd:
held-out). Settings and rules were chosen on the tuning half only; the held-out half is what
the targets are read on.

Systems, all given the page's bytes:
* trafilatura.extract with newsfuse's old settings (``favor_precision``, no tables);
* trafilatura.extract with its own evaluation settings (``eval_common.EXTRACT_OPTS``:
  no comments, tables, no formatting; balanced mode with fallbacks);
* newsfuse as shipped: the file reader, then ``clean_document`` (trafilatura with
  ``clean.EXTRACTION``, then the line rules for HTML). Its text is scored with the headline
  when a line was moved into ``title`` (the headline is kept, as the title; trafilatura's text
  keeps it as a line). A page set aside as junk counts as empty;
  one set aside for its language is scored on its cleaned text (language is not a cleaning
  judgement) and counted separately, with the figure as if it were empty beside it;
* newsfuse's extraction with every rule for pasted page text (``origin="text"``), the line
  rules newsfuse used to apply to HTML: what ``--rules`` breaks down.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tarfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARBALL = ROOT.parent / "shared" / "data" / "trafilatura-eval-dev.tar.gz"
HALVES = ("tuning", "held-out")


@dataclass(frozen=True)
class Page:
    file: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    data: bytes

    @property
    def half(self) -> str:
        return HALVES[hashlib.sha256(self.file.encode()).digest()[0] % 2]


def load_pages(path: Path) -> list[Page]:
    if not path.exists():
        sys.exit(f"{path} is absent (the shared data lives beside the repository in ../shared)")
    with tarfile.open(path) as tar:
        evaldata = json.load(tar.extractfile("evaldata.json"))  # type: ignore[arg-type]
        pages = []
        for item in evaldata.values():
            member = tar.extractfile(f"pages/{item['file']}")
            if member is None:
                sys.exit(f"{path}: pages/{item['file']} is missing")
            pages.append(Page(item["file"], tuple(item["with"]), tuple(item["without"]), member.read()))
    return sorted(pages, key=lambda p: p.file)


def norm(text: str) -> str:
    """Whitespace collapsed, as eval_common.norm."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    pages: int = 0
    empty: list[str] = field(default_factory=list)

    def add(self, page: Page, result: str | None) -> None:
        text = norm(result) if isinstance(result, str) else ""
        tp = sum(norm(w) in text for w in page.with_) if text else 0
        fp = sum(norm(w) in text for w in page.without) if text else 0
        self.tp += tp
        self.fp += fp
        self.fn += len(page.with_) - tp
        self.tn += len(page.without) - fp
        self.pages += 1
        if not text:
            self.empty.append(page.file)

    def row(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return f"{precision:9.3f} {recall:6.3f} {f1:6.3f} {len(self.empty):6d}"


@dataclass
class Result:
    text: str | None
    status: str = "kept"
    reason: str | None = None
    removed: tuple = ()
    kind: str = "html"


def trafilatura_system(**options: object) -> Callable[[Page], Result]:
    import trafilatura

    def run(page: Page) -> Result:
        try:
            return Result(trafilatura.extract(page.data, **options))  # type: ignore[arg-type]
        except Exception as exc:  # eval_common: a crash is a full miss
            return Result(None, "error", repr(exc))

    return run


def _read_html(page: Page):  # -> newsfuse.model.Document
    from newsfuse.ingest import readers

    if hasattr(readers, "documents_from_bytes"):
        (doc,) = readers.documents_from_bytes(page.data, page.file, html=True)
        return doc
    # An older checkout (PYTHONPATH=...): its file reader decoded to str and cut at 500,000 chars.
    from newsfuse.model import Document

    text = readers._cap(readers._decode(page.data, page.file), page.file)  # type: ignore[attr-defined]
    return Document(id="d1", source=page.file, text=text, raw=text, kind="html")


def newsfuse_shipped(page: Page) -> Result:
    from newsfuse.errors import InputError
    from newsfuse.ingest.clean import clean_document

    try:
        doc = clean_document(_read_html(page))
    except InputError as exc:  # refused by the reader: an empty page, as eval_common counts it
        return Result(None, "refused", str(exc))
    from newsfuse.ingest import clean

    TITLE_REASON = getattr(clean, "TITLE_REASON", "headline (kept as the title)")  # noqa: N806
    # A headline moved into the title is kept, not lost: score it with the text.
    moved = any(r.reason == TITLE_REASON for r in doc.removed)
    text = f"{doc.title}\n{doc.text}" if moved and doc.title else doc.text
    return Result(text, doc.status, doc.reason, doc.removed, doc.kind)


def newsfuse_text_rules(page: Page) -> Result:
    from newsfuse.ingest.clean import TITLE_REASON, clean_text, html_to_text

    text, meta = html_to_text(page.data, page.file)
    cleaned, found, removed, _ = clean_text(text, known_title=meta.get("title"), origin="text")
    title = found.get("title")
    moved = title and any(r.reason == TITLE_REASON and r.text == title for r in removed)
    return Result(f"{title}\n{cleaned}" if moved else cleaned, removed=removed)


SYSTEMS: dict[str, Callable[[], Callable[[Page], Result]]] = {
    "trafilatura, newsfuse's old settings": lambda: trafilatura_system(
        include_comments=False, include_tables=False, favor_precision=True
    ),
    "trafilatura, its evaluation settings": lambda: trafilatura_system(
        include_comments=False, include_tables=True, include_formatting=False
    ),
    "newsfuse as shipped": lambda: newsfuse_shipped,
    "newsfuse extraction + pasted-text rules": lambda: newsfuse_text_rules,
}


def run_systems(pages: list[Page], names: Iterable[str]) -> dict[str, list[Result]]:
    out = {}
    for name in names:
        system = SYSTEMS[name]()
        start = time.perf_counter()
        out[name] = [system(page) for page in pages]
        print(f"  ran {name!r} on {len(pages)} pages in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return out


def report(pages: list[Page], results: dict[str, list[Result]], halves: Iterable[str]) -> None:
    print(
        f"{'system':44s} {'half':9s} {'pages':>5s} {'precision':>9s} {'recall':>6s} {'F1':>6s} {'empty':>6s}  set aside"
    )
    for name, rows in results.items():
        for half in halves:
            chosen = [(p, r) for p, r in zip(pages, rows, strict=True) if half in ("all", p.half)]
            score, as_empty = Score(), Score()
            aside: Counter[str] = Counter()
            for page, result in chosen:
                junk = result.status in ("junk", "error", "refused")
                score.add(page, None if junk else result.text)
                as_empty.add(page, None if result.status != "kept" else result.text)
                if result.status != "kept":
                    aside[result.status] += 1
            note = ", ".join(f"{n} {s}" for s, n in sorted(aside.items())) or "0"
            transcripts = sum(r.kind == "transcript" for _, r in chosen)
            note += f"; {transcripts} taken for transcripts" if transcripts else ""
            print(f"{name:44s} {half:9s} {score.pages:5d} {score.row()}  {note}")
            if aside.get("unsupported-language"):
                print(
                    f"{'  (language set-asides counted as empty)':44s} {half:9s} {as_empty.pages:5d} {as_empty.row()}"
                )
    for name, rows in results.items():
        for page, result in zip(pages, rows, strict=True):
            if page.half not in halves and "all" not in halves:
                continue
            if result.status != "kept" or not (result.text or "").strip():
                print(f"  {name}: {page.file} ({page.half}): {result.status}: {result.reason or 'no text'}")


def _touches(line: str, snippet: str) -> bool:
    line = norm(line)
    return bool(line) and (line in snippet or snippet in line)


def rule_costs(pages: list[Page], results: dict[str, list[Result]], half: str) -> None:
    """Per removal reason: 'with' snippets it took out (cost) and 'without' snippets (gain).

    A snippet that trafilatura's output (newsfuse's settings) holds and the cleaned text does not
    is put down to every removed line that contains it or that it contains.
    """
    from newsfuse.ingest.clean import html_to_text

    # Each page's extraction, once: both systems below compare against it.
    extracted_text = {
        page.file: norm(html_to_text(page.data, page.file)[0]) for page in pages if half in ("all", page.half)
    }
    for name in ("newsfuse extraction + pasted-text rules", "newsfuse as shipped"):
        cost: Counter[str] = Counter()
        gain: Counter[str] = Counter()
        for page, result in zip(pages, results[name], strict=True):
            if half not in ("all", page.half):
                continue
            extracted = extracted_text[page.file]
            kept = norm(result.text or "")
            for snippets, counter in ((page.with_, cost), (page.without, gain)):
                for snippet in map(norm, snippets):
                    if snippet in extracted and snippet not in kept:
                        reasons = {r.reason for r in result.removed if _touches(r.text, snippet)}
                        for reason in reasons or {"(no single removed line: split or rewritten)"}:
                            counter[reason] += 1
        print(f"\n{name}, {half} half: snippets removed by each rule")
        print(f"  {'reason':50s} {'article (with)':>14s} {'boilerplate (without)':>22s}")
        for reason in sorted(set(cost) | set(gain), key=lambda r: (-cost[r], -gain[r])):
            print(f"  {reason:50s} {cost[reason]:14d} {gain[reason]:22d}")


def show(pages: list[Page], results: list[Result], half: str) -> None:
    by_page: dict[str, list[str]] = defaultdict(list)
    for page, result in zip(pages, results, strict=True):
        if half not in ("all", page.half):
            continue
        text = norm(result.text or "") if result.status == "kept" else ""
        by_page[page.file] += [f"LOST  {norm(w)[:110]}" for w in page.with_ if norm(w) not in text]
        by_page[page.file] += [f"LEFT  {norm(w)[:110]}" for w in page.without if norm(w) in text]
    for file, lines in sorted(by_page.items()):
        for line in lines:
            print(f"{file[:40]:40s} {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=TARBALL)
    parser.add_argument("--rules", action="store_true", help="cost and gain of each cleaning rule")
    parser.add_argument("--show", action="store_true", help="newsfuse's lost and left snippets")
    parser.add_argument(
        "--newsfuse-only",
        action="store_true",
        help="only 'newsfuse as shipped' (with PYTHONPATH at an older checkout's src: its figures)",
    )
    parser.add_argument(
        "--half",
        choices=(*HALVES, "all", "both"),
        default="both",
        help="pages to report (default: each half and all); --rules and --show default to tuning",
    )
    args = parser.parse_args(argv)
    pages = load_pages(args.data)
    halves = Counter(p.half for p in pages)
    print(f"{len(pages)} pages: {halves['tuning']} tuning, {halves['held-out']} held-out\n")
    detail_half = "tuning" if args.half == "both" else args.half
    # Only the pages reported are read: a tuning run never extracts the held-out half.
    wanted = detail_half if args.show or args.rules else args.half
    if wanted in HALVES:
        pages = [p for p in pages if p.half == wanted]
    if args.show:
        results = run_systems(pages, ["newsfuse as shipped"])
        show(pages, results["newsfuse as shipped"], detail_half)
        return 0
    names = list(SYSTEMS) if args.rules else list(SYSTEMS)[:3]
    if args.newsfuse_only:
        names = ["newsfuse as shipped"]
    results = run_systems(pages, names)
    report(pages, results, (*HALVES, "all") if args.half == "both" else (args.half,))
    if args.rules:
        rule_costs(pages, results, detail_half)
    return 0


if __name__ == "__main__":
    sys.exit(main())
