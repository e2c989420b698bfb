"""A constant marked ``N_("…")`` is English until ``_()`` translates it: where one area marks
it and another shows it, the second must call ``_()``, or German shows English (and a
comparison with the English breaks once the text on screen is German).

The check reads SupportNet's source: module-level names assigned ``N_(…)`` (or a dict, tuple
or list holding ``N_(…)``), followed through ``from … import`` (and ``module.NAME``) into
every module that uses them. It flags a marked name (or an item of a marked table)
outside ``_()``/``ngettext``/``pgettext`` where that can only be wrong:

- handed straight to a Qt setter or widget (``setText``, ``setToolTip``, ``QLabel(…)``…);
- compared (``==``, ``!=``, ``in (…)``): compare kinds, ids or keys, never display text;
- pasted into an f-string, joined with ``+``/``%``, or said as a fallback (``x or NAME``);
- worked on as text (``NAME.lower()``, ``NAME.format(…)``, ``NAME.removesuffix(…)``).

Passing one on to a function, returning it, iterating over a table or looking an item up
is left alone: the code that shows it calls ``_()``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import supportnet

PACKAGE = Path(supportnet.__file__).parent
TRANSLATING = {"_", "ngettext", "pgettext"}
#: Qt methods that show their text argument to the user.
SETTERS = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setStatusTip",
    "setWhatsThis",
    "setTitle",
    "setLabelText",
    "setTabText",
    "setItemText",
    "addAction",
    "addItem",
    "addTab",
    "showMessage",
}
#: Qt widgets whose first argument is their text.
WIDGETS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
}
#: What a table (a dict or tuple of N_) is looked up with: the item is translated later.
TABLE_METHODS = {"get", "items", "values", "keys", "index", "count"}
#: Uses that are right as they stand, by (module, name), and why.
ALLOWED = {
    # The English guidance is a constant on purpose (tests and the CLI's --help compare with
    # it); fallback_guidance() says it in the user's language.
    ("supportnet.safety.crisis_lines", "_FALLBACK"),
    # Typing the English DELETE is accepted too, in any language; the German word as well.
    ("supportnet.ui.data.delete_dialog", "CONFIRM_WORD"),
    # A default compared to learn it wasn't given, then translated: `title = _(DEFAULT…)`.
    ("supportnet.ui.widgets.dialogs", "DEFAULT_ERROR_TITLE"),
    ("supportnet.ui.widgets.dialogs", "CANCEL"),
}


@dataclass(frozen=True, order=True)
class Problem:
    module: str
    line: int
    name: str
    why: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.name} {self.why}"


def _is_n_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_"


def _holds_n(node: ast.AST) -> bool:
    return any(_is_n_call(inner) for inner in ast.walk(node))


def _marked_here(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Module-level names assigned N_(…) or a table holding N_(…); the tables among them."""
    found, tables = set(), set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if _is_n_call(value):
            found |= names
        elif isinstance(value, (ast.Dict, ast.Tuple, ast.List, ast.Set)) and _holds_n(value):
            found |= names
            tables |= names
    return found, tables


def _module_of(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


@dataclass
class _Module:
    tree: ast.Module
    is_package: bool
    #: Marked names usable here, by the name they go by.
    marked: set[str]
    #: Those that are tables (a dict, tuple or list of N_).
    tables: set[str]
    #: Local names for SupportNet modules (``from supportnet.x import wording``).
    modules: dict[str, str]


def _resolve(sources: dict[str, tuple[str, bool]]) -> dict[str, _Module]:
    """Each module with the marked names it defines or imports (to a fixed point)."""
    parsed = {
        name: _Module(ast.parse(text), is_package, set(), set(), {})
        for name, (text, is_package) in sources.items()
    }
    for module in parsed.values():
        module.marked, module.tables = _marked_here(module.tree)
    changed = True
    while changed:
        changed = False
        for name, module in parsed.items():
            for node in ast.walk(module.tree):
                if isinstance(node, ast.ImportFrom):
                    origin = _module_of(node, name, module.is_package)
                    for alias in node.names:
                        local = alias.asname or alias.name
                        sub = f"{origin}.{alias.name}"
                        if sub in parsed:
                            module.modules[local] = sub
                        elif (
                            origin in parsed
                            and alias.name in parsed[origin].marked
                            and local not in module.marked
                        ):
                            module.marked.add(local)
                            if alias.name in parsed[origin].tables:
                                module.tables.add(local)
                            changed = True
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.asname and alias.name in parsed:
                            module.modules[alias.asname] = alias.name
    return parsed


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _translated(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether ``node`` is inside the arguments of a ``_()``-style call."""
    current = node
    while current in parents:
        parent = parents[current]
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        if (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Name)
            and parent.func.id in TRANSLATING
            and current is not parent.func
        ):
            return True
        current = parent
    return False


def _uses(module: _Module, parsed: dict[str, _Module]) -> Iterator[tuple[ast.expr, str, bool]]:
    """Each place a marked name is read, with the name and whether it is a table."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in module.marked:
                yield node, node.id, node.id in module.tables
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in module.modules
            and node.attr in parsed[module.modules[node.value.id]].marked
        ):
            origin = parsed[module.modules[node.value.id]]
            yield node, f"{node.value.id}.{node.attr}", node.attr in origin.tables


def _why(use: ast.expr, parents: dict[ast.AST, ast.AST], table: bool) -> str | None:
    """What is wrong with ``use`` where it stands, or None."""
    shown: ast.AST = use
    parent = parents.get(use)
    # An item of a table is what gets shown: NAME[key] stands for the name.
    if isinstance(parent, ast.Subscript) and parent.value is use:
        shown, parent = parent, parents.get(parent)
    if isinstance(parent, ast.Compare):
        operands = [parent.left, *parent.comparators]
        if shown in operands and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in parent.ops):
            return "is compared as text: compare a kind or key (or _(NAME))"
    if isinstance(parent, (ast.Tuple, ast.List, ast.Set)):
        grand = parents.get(parent)
        if (
            isinstance(grand, ast.Compare)
            and parent in grand.comparators
            and any(isinstance(op, (ast.In, ast.NotIn)) for op in grand.ops)
        ):
            return "is compared as text (in …): compare a kind or key"
    if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.Or):
        return "is the text said when nothing else is (x or NAME) untranslated"
    if isinstance(parent, ast.FormattedValue):
        return "is pasted into an f-string untranslated"
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, (ast.Add, ast.Mod)):
        return "is joined into text untranslated"
    if (
        isinstance(parent, ast.Attribute)
        and parent.value is shown
        and not (table and shown is use and parent.attr in TABLE_METHODS)
    ):
        return f"is used as text (.{parent.attr}) untranslated"
    owner = None
    if isinstance(parent, ast.Call) and shown in parent.args:
        owner = parent
    elif isinstance(parent, ast.keyword) and isinstance(parents.get(parent), ast.Call):
        owner = parents[parent]
    if isinstance(owner, ast.Call):
        func = owner.func
        if isinstance(func, ast.Attribute) and func.attr in SETTERS:
            return f"goes to {func.attr}() untranslated"
        if isinstance(func, ast.Name) and func.id in WIDGETS:
            return f"goes to {func.id}() untranslated"
    return None


def problems(sources: dict[str, tuple[str, bool]]) -> list[Problem]:
    """Every marked name used where it must have been translated, in ``sources``
    (module name: (source, is a package's ``__init__``))."""
    parsed = _resolve(sources)
    found = []
    for name, module in parsed.items():
        parents = _parents(module.tree)
        for use, label, table in _uses(module, parsed):
            if _translated(use, parents) or (name, label) in ALLOWED:
                continue
            why = _why(use, parents, table)
            if why is not None:
                found.append(Problem(name, use.lineno, label, why))
    return sorted(found)


def _sources() -> dict[str, tuple[str, bool]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        out[name] = (path.read_text(encoding="utf-8"), is_package)
    return out


BROKEN = """
from supportnet.i18n import N_, _
TITLE = N_("Hello")
KINDS = {"a": N_("A kind")}

def show(label, other, kind):
    label.setText(TITLE)
    if other == TITLE:
        pass
    label.setToolTip(KINDS["a"])
    said = f"{TITLE}!" or KINDS.get(kind) or TITLE
    quiet = TITLE.lower()
    button = QPushButton(text=KINDS[kind])
    if other in (TITLE, _(TITLE)):
        pass
    label.setText(_(TITLE))
    label.setText(_(KINDS.get(kind, KINDS["a"])).format(n=1))
    for word in KINDS.values():
        label.addItem(_(word))
    return TITLE
"""

USER = """
from supportnet.fake.words import TITLE as HEADING
from supportnet.fake import words

def show(label):
    label.setWindowTitle(HEADING)
    label.setAccessibleName(words.TITLE)
    label.setText(_(HEADING))
"""


def test_the_check_finds_marked_names_shown_or_compared_untranslated() -> None:
    found = problems(
        {
            "supportnet.fake.words": (BROKEN, False),
            "supportnet.fake.user": (USER, False),
            "supportnet.fake": ("", True),
        }
    )
    assert [(p.module.rsplit(".", 1)[-1], p.line, p.name) for p in found] == [
        ("user", 6, "HEADING"),
        ("user", 7, "words.TITLE"),
        ("words", 7, "TITLE"),
        ("words", 8, "TITLE"),
        ("words", 10, "KINDS"),
        ("words", 11, "TITLE"),
        ("words", 11, "TITLE"),
        ("words", 12, "TITLE"),
        ("words", 13, "KINDS"),
        ("words", 14, "TITLE"),
    ]


def test_no_marked_name_is_shown_or_compared_untranslated() -> None:
    found = problems(_sources())
    assert not found, "call _() where these are shown:\n" + "\n".join(map(str, found))
