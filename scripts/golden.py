"""Save briefings before a refactoring and list what changed after it.

    python scripts/golden.py save /tmp/golden       # before: --sections all JSON of the inputs
    python scripts/golden.py compare /tmp/golden    # after: every difference, key by key

Inputs: the bundled example, the Sony example and the 60 raw dev clusters (the last two from
../shared). The saved files hold research-only text, so keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = {
    "cyclone": ROOT / "examples" / "cyclone-landfall",
    "sony": ROOT.parent / "shared" / "examples" / "sony-interview",
    "dev": ROOT.parent / "shared" / "data" / "multinews-raw-dev.jsonl",
}
LISTS = ("summary", "quotes", "facts", "disagreements", "timeline", "documents")


def briefings(path: Path) -> list[dict]:
    """The ``--sections all`` JSON briefings of one input, one per cluster."""
    command = [
        sys.executable,
        "-m",
        "newsfuse.cli",
        "summarize",
        str(path),
        "--sections",
        "all",
        "--format",
        "json",
    ]
    text = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
    if text.startswith("{\n"):
        return [json.loads(text)]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def compare(old: list[dict], new: list[dict]) -> list[str]:
    """Lines describing each difference (items only before '-', only after '+')."""
    out = []
    for before, after in zip(old, new, strict=True):
        for key in sorted(set(before) | set(after)):
            if before.get(key) == after.get(key):
                continue
            out.append(f"== {before['id']} {key}")
            if key in LISTS:
                gone = [json.dumps(x, ensure_ascii=False) for x in before.get(key, [])]
                came = [json.dumps(x, ensure_ascii=False) for x in after.get(key, [])]
                out += [f"  - {x}" for x in gone if x not in came]
                out += [f"  + {x}" for x in came if x not in gone]
            else:
                out.append(f"  {before.get(key)!r} -> {after.get(key)!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path, help="where the saved briefings live (outside the repository)")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, path in INPUTS.items():
        if not path.exists():
            print(f"{name}: {path} is absent, skipped")
            continue
        saved = args.folder / f"{name}.json"
        if args.action == "save":
            saved.write_text(json.dumps(briefings(path), ensure_ascii=False) + "\n", encoding="utf-8")
            continue
        lines = compare(json.loads(saved.read_text(encoding="utf-8")), briefings(path))
        changed += sum(line.startswith("==") for line in lines)
        print("\n".join(lines))
    if args.action == "compare":
        print(f"{changed} (cluster, key) pairs differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
