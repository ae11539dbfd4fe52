"""The layout stays as designed: data flows one way, modules keep their privates, ``__all__`` is honest.

Static checks over the source (``ast``), so they cost nothing and name the offending line.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsfuse

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsfuse"
SCRIPTS = ROOT / "scripts"

#: Stages in the order data flows through them; a module may import its own rank or lower only.
RANKS = {
    "model": 0, "config": 0, "errors": 0, "text": 0, "dates": 0, "numbers": 0,
    "ingest": 1, "segment": 2, "represent": 3, "relevance": 4, "align": 5, "state": 6,
    "select": 7, "cite": 8, "attribute": 9, "render": 10, "pipeline": 11,
    "evaluate": 12, "baselines": 12, "evaluate_reading": 12,
    "batch": 13, "stream": 13, "server": 13, "commands": 13, "cli": 13,
}  # fmt: skip
#: Stages a briefing's summary cannot do without: none may reach the optional attribution stage.
CORE = ("ingest", "segment", "represent", "relevance", "align", "select", "cite")


def _modules(folder: Path) -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(folder.rglob("*.py")):
        name = ".".join(path.relative_to(folder.parent).with_suffix("").parts)
        yield name, path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(tree: ast.Module) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported newsfuse module, names taken from it) of every import, nested ones too."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsfuse"):
            yield node.lineno, node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("newsfuse"):
                    yield node.lineno, alias.name, []


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for name, path, tree in _modules(SRC):
        if name == "newsfuse.__init__":
            continue  # the public surface re-exports lazily
        mine = RANKS[_stage(name)]
        for line, module, _ in _imports(tree):
            stage = _stage(module)
            if module != "newsfuse" and RANKS[stage] > mine:
                wrong.append(f"{path.name}:{line} ({_stage(name)}) imports {module} ({stage})")
    assert not wrong, wrong


def test_the_summary_path_never_imports_attribution() -> None:
    wrong = [
        f"{path.relative_to(SRC)}:{line} imports {module}"
        for name, path, tree in _modules(SRC)
        if _stage(name) in CORE
        for line, module, _ in _imports(tree)
        if _stage(module) == "attribute"
    ]
    assert not wrong, wrong


def _module_aliases(tree: ast.Module) -> set[str]:
    """Local names bound to imported newsfuse modules ("import newsfuse.x as y", "from newsfuse import x")."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(
                (a.asname or a.name).split(".")[0] for a in node.names if a.name.startswith("newsfuse")
            )
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsfuse"):
            for alias in node.names:
                try:
                    importlib.import_module(f"{node.module}.{alias.name}")
                except ImportError:
                    continue
                names.add(alias.asname or alias.name)
    return names


#: bench_html.py can score an older checkout (PYTHONPATH=...) whose file reader had no public
#: way to read a page: it calls that version's own helpers, not this one's.
OLDER_CHECKOUT = {"bench_html.py": {"readers._cap", "readers._decode"}}


@pytest.mark.parametrize("folder", [SRC, SCRIPTS], ids=["src", "scripts"])
def test_no_private_name_is_taken_from_another_module(folder: Path) -> None:
    wrong = []
    for name, path, tree in _modules(folder):
        for line, module, taken in _imports(tree):
            private = [t for t in taken if t.startswith("_") and not t.startswith("__")]
            if private and module != name:
                wrong.append(f"{path.name}:{line} takes {private} from {module}")
        aliases = _module_aliases(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and f"{node.value.id}.{node.attr}" not in OLDER_CHECKOUT.get(path.name, ())
            ):
                wrong.append(f"{path.name}:{node.lineno} reads {node.value.id}.{node.attr}")
    assert not wrong, wrong


@pytest.mark.parametrize("folder", [SRC, SCRIPTS], ids=["src", "scripts"])
def test_nothing_patches_another_module(folder: Path) -> None:
    """Tuning and tools inject encoders and scorers; none overwrites a module's globals."""
    wrong = []
    for _, path, tree in _modules(folder):
        aliases = _module_aliases(tree)
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in aliases
                ):
                    wrong.append(f"{path.name}:{node.lineno} sets {target.value.id}.{target.attr}")
    assert not wrong, wrong


def _public_definitions(tree: ast.Module) -> set[str]:
    out = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            out.add(node.name)
    return out


def test_every_module_exports_what_it_defines() -> None:
    """``__all__`` names only what exists, and every public function and class is in it."""
    wrong = []
    for info in pkgutil.walk_packages(newsfuse.__path__, "newsfuse."):
        module = importlib.import_module(info.name)
        path = Path(module.__file__ or "")
        exported = getattr(module, "__all__", None)
        if exported is None:
            if _public_definitions(ast.parse(path.read_text(encoding="utf-8"))):
                wrong.append(f"{info.name}: no __all__")
            continue
        wrong += [f"{info.name}: __all__ names missing {n}" for n in exported if not hasattr(module, n)]
        if info.name.startswith("newsfuse.commands."):
            continue  # a command module's register/run are found by name, not imported
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrong += [f"{info.name}: {n} not in __all__" for n in _public_definitions(tree) - set(exported)]
    assert not wrong, wrong


def test_the_package_surface() -> None:
    assert sorted(newsfuse.__all__) == newsfuse.__all__
    for name in newsfuse.__all__:
        assert getattr(newsfuse, name) is not None
