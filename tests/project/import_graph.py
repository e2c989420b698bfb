"""SupportNet's imports read from the source by AST, as a graph; for the layering test."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    """One import in a module: the module it names, on which line, and whether it runs."""

    target: str
    line: int
    type_checking: bool = False


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _relative_base(module: str, is_package: bool, level: int) -> list[str]:
    parts = module.split(".")
    if not is_package:
        parts.pop()
    return parts[: len(parts) - (level - 1)] if level > 1 else parts


def find_imports(
    source: str,
    module: str = "supportnet.x",
    *,
    is_package: bool = False,
    known: frozenset[str] | set[str] = frozenset(),
) -> list[Import]:
    """Every import in ``source`` (the text of ``module``), at any depth, names resolved.

    ``from a import b`` names ``a.b`` when that is a module in ``known``, else ``a``.
    """
    found: list[Import] = []

    def visit(node: ast.AST, type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            hidden = type_checking
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for part in child.body:
                    visit_one(part, True)
                for part in child.orelse:
                    visit_one(part, hidden)
                continue
            visit_one(child, hidden)

    def visit_one(node: ast.AST, type_checking: bool) -> None:
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, line, type_checking) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*_relative_base(module, is_package, node.level), *filter(None, [base])]
                )
            for alias in node.names:
                whole = f"{base}.{alias.name}"
                found.append(Import(whole if whole in known else base, line, type_checking))
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in {"import_module", "__import__"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append(Import(first.value, line, type_checking))
        visit(node, type_checking)

    visit(ast.parse(source), False)
    return found


def import_map(sources: dict[str, tuple[str, bool]]) -> dict[str, list[Import]]:
    known = set(sources)
    return {
        name: find_imports(text, name, is_package=is_package, known=known)
        for name, (text, is_package) in sources.items()
    }


def layer_of(module: str) -> str | None:
    """The package ``module`` belongs to ("ui.app" for the composition root); None outside
    SupportNet."""
    parts = module.split(".")
    if parts[0] != "supportnet":
        return None
    if len(parts) == 1:
        return "supportnet"
    if parts[1:3] == ["ui", "app"]:
        return "ui.app"
    return parts[1]


def all_sources(package: Path) -> dict[str, tuple[str, bool]]:
    """Module name → (source, is a package), for every module under ``package``."""
    root = package.parent
    sources = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        sources[".".join(parts)] = (path.read_text(encoding="utf-8"), path.name == "__init__.py")
    return sources


def import_graph(imports: dict[str, list[Import]]) -> dict[str, set[str]]:
    """Which SupportNet modules each one imports.

    Counted: module-level and function-level imports (both run, early or late, and a loop
    through a function-level import is still a loop in the design). Not counted: imports
    under ``if TYPE_CHECKING:``, which never run and only name types for annotations; and
    the implicit import of a module's parent packages, which every submodule has.
    """
    return {
        name: {i.target for i in found if not i.type_checking and i.target in imports} - {name}
        for name, found in imports.items()
    }


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each loop in ``graph`` as a path from a module back to itself, one per tangle.

    A tangle is a strongly connected set of modules (Tarjan's algorithm, without recursion);
    the path shown is one loop through its first module.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    tangles: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                tangle = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    tangle.add(member)
                    if member == node:
                        break
                if len(tangle) > 1 or node in graph.get(node, ()):
                    tangles.append(tangle)
    return [_loop_through(min(tangle), tangle, graph) for tangle in tangles]


def _loop_through(start: str, tangle: set[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest path from ``start`` back to itself inside ``tangle`` (breadth first)."""
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph.get(node, ())):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return [*reversed(path), start]
                if child in tangle and child not in parent:
                    parent[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"{start} is in a tangle but on no loop")
