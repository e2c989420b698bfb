"""The rules that make translation work, read from the source (docs/voice.md, the I18N
notes in docs/architecture.md):

- ``_()``, ``ngettext()`` and ``pgettext()`` are never called while a module is imported
  (at module level, in a class body, in a default argument): the language is chosen at
  start, after the imports, so such a string would stay English forever;
- a module that imports ``_`` never rebinds the name (``for _ in …``), or a later
  ``_("…")`` in that scope calls whatever was bound;
- ``_()`` is given a literal or a name (an ``N_``-marked constant), never an f-string:
  an f-string's text is not in the catalog.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "supportnet"
CALLS = {"_", "ngettext", "pgettext"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        yield str(path.relative_to(ROOT.parent)), ast.parse(path.read_text(), str(path))


def _imports_underscore(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module in ("supportnet.i18n", "i18n")
        and any(alias.name == "_" and alias.asname is None for alias in node.names)
        for node in ast.walk(tree)
    )


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    """Translation calls in ``node`` that run when it is evaluated (not inside a function
    or lambda defined there)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Lambda):
            continue
        if (
            isinstance(current, ast.Call)
            and isinstance(current.func, ast.Name)
            and current.func.id in CALLS
        ):
            yield current
        stack.extend(ast.iter_child_nodes(current))


def _import_time(tree: ast.Module) -> Iterator[ast.Call]:
    """Calls evaluated on import: module and class bodies, decorators, defaults."""
    bodies: list[list[ast.stmt]] = [tree.body]
    while bodies:
        for statement in bodies.pop():
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for default in [*statement.args.defaults, *statement.args.kw_defaults]:
                    if default is not None:
                        yield from _calls(default)
                for decorator in statement.decorator_list:
                    yield from _calls(decorator)
            elif isinstance(statement, ast.ClassDef):
                for decorator in statement.decorator_list:
                    yield from _calls(decorator)
                bodies.append(statement.body)
            elif isinstance(statement, (ast.If, ast.Try)):
                bodies.append(statement.body)
                bodies.append(statement.orelse)
            else:
                yield from _calls(statement)


def _rebinds(tree: ast.Module) -> Iterator[int]:
    """Lines that bind ``_`` in a module that imports it."""
    if not _imports_underscore(tree):
        return
    for node in ast.walk(tree):
        stored = isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
        if stored or (isinstance(node, ast.arg) and node.arg == "_"):
            yield node.lineno


def _formatted(tree: ast.Module) -> Iterator[int]:
    """Lines where a translation call is given an f-string."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in CALLS
            and any(isinstance(arg, ast.JoinedStr) for arg in node.args)
        ):
            yield node.lineno


def test_nothing_is_translated_while_a_module_is_imported() -> None:
    found = [f"{name}:{call.lineno}" for name, tree in _modules() for call in _import_time(tree)]
    assert found == [], "use N_() for the constant and _() where it is shown"


def test_a_module_that_imports_underscore_never_rebinds_it() -> None:
    found = [f"{name}:{line}" for name, tree in _modules() for line in _rebinds(tree)]
    assert found == [], "rename the throwaway `_` (it hides the translation function)"


def test_translation_calls_take_a_literal_or_a_marked_name() -> None:
    found = [f"{name}:{line}" for name, tree in _modules() for line in _formatted(tree)]
    assert found == [], "an f-string's text isn't in the catalog: use {placeholders}"


def test_the_rules_see_a_broken_module() -> None:
    bad = ast.parse(
        "from supportnet.i18n import _\n"
        "TITLE = _('Today')\n"
        "class A:\n    label = _('x')\n"
        "def f(text=_('y')):\n    for _ in range(2):\n        pass\n"
        "def g(name):\n    return _(f'Hi {name}')\n"
        "def h():\n    return _('fine'), [_('fine') for x in 'ab']\n"
    )
    assert sorted(call.lineno for call in _import_time(bad)) == [2, 4, 5]
    assert list(_rebinds(bad)) == [6]
    assert list(_formatted(bad)) == [9]
