"""Every key of the main window, read from the window itself, so the list never drifts.

Menus first, in the menu bar's order; then the actions pages hold themselves (named, with a
shortcut), under their page; then the keys widgets handle without an action, which they
declare as a :class:`~supportnet.ui.widgets.page_keys.KeyList` in ``PAGE_KEYS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from supportnet.i18n import _
from supportnet.ui.widgets.page_keys import KeyList

_NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True)
class Row:
    """One line: what it does and its keys as this desktop writes them."""

    what: str
    keys: str


@dataclass
class Group:
    """A menu's or a page's keys."""

    title: str
    rows: list[Row] = field(default_factory=list)


def plain(text: str) -> str:
    """A menu text as read: no "&" marks, no trailing "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def keys_text(sequences: list[QKeySequence]) -> str:
    """``sequences`` as this desktop writes them, each once ("Ctrl+Shift+Z, Ctrl+Y")."""
    texts = [s.toString(_NATIVE) for s in sequences if not s.isEmpty()]
    return ", ".join(dict.fromkeys(texts))


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def _page_of(window: Any, widget: QWidget | None) -> str | None:
    """The title of the page ``widget`` sits on, if it is on one."""
    if widget is None:
        return None
    for index, page in enumerate(window.shown_pages):
        holder = window.pages.widget(index)
        if holder is widget or holder.isAncestorOf(widget):
            return str(page.title)
    return None


def _group(groups: dict[str, Group], title: str) -> Group:
    return groups.setdefault(title, Group(title))


def window_shortcuts(window: Any) -> list[Group]:
    """The groups of keys of ``window`` (a MainWindow), as they are now.

    Each action with a shortcut appears once: in the first menu that holds it, else under
    the page it belongs to. Build the pages first (``build_all_pages``) to see all of them.
    """
    groups: dict[str, Group] = {}
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        # Translators: a group in Help ▸ Keyboard shortcuts: "File menu".
        title = _("{menu} menu").format(menu=plain(top.text()))
        for action in _menu_actions(menu):
            if action.shortcuts() and id(action) not in seen:
                seen.add(id(action))
                _group(groups, title).rows.append(Row(plain(action.text()), _keys(action)))
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts() or not plain(action.text()):
            continue
        seen.add(id(action))
        parent = action.parent()
        if isinstance(parent, QWidget) and parent.window() is not window:
            continue  # a dialog's, open over the window: not one of the window's keys
        page = _page_of(window, parent if isinstance(parent, QWidget) else None)
        _group(groups, _where(page)).rows.append(Row(plain(action.text()), _keys(action)))
    for shortcut in window.findChildren(QShortcut):
        # A shortcut says what it does in its What's This text; one without is a duplicate
        # of an action's key for one widget (Undo in a text field, say).
        if shortcut.key().isEmpty() or not shortcut.whatsThis():
            continue
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.window() is not window:
            continue
        page = _page_of(window, parent if isinstance(parent, QWidget) else None)
        row = Row(shortcut.whatsThis(), keys_text([shortcut.key()]))
        _group(groups, _where(page)).rows.append(row)
    lists: dict[int, KeyList] = {}
    for widget in window.findChildren(QWidget):
        declared = getattr(type(widget), "PAGE_KEYS", None)
        if isinstance(declared, KeyList) and id(declared) not in lists:
            lists[id(declared)] = declared
            # A KeyList's words are marked with N_ where it is declared, said here.
            group = _group(groups, _(declared.heading))
            group.rows += [Row(_(key.what), key.text()) for key in declared.keys]
    return list(groups.values())


def _where(page: str | None) -> str:
    """The group of a key that works on a page, or anywhere."""
    if page is None:
        return _("Anywhere in the window")
    return _("On the {page} page").format(page=page)


def _keys(action: QAction) -> str:
    return keys_text(list(action.shortcuts()))
