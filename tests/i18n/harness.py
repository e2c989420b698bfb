"""The pseudo-locale harness: every visible string a window shows, and those that were not
routed through supportnet.i18n (not wrapped in ``[!! … !!]``) or don't fit their widget.

Render a page or dialog with ``i18n.set_language(i18n.PSEUDO)`` chosen *before* it is built,
then call :func:`untranslated` and :func:`clipped` on it. Strings that are the user's data
or a service's own name (a person's name, "Samaritans", a phone number) are passed in as
``data``; strings without a letter (numbers, "·") are never words to translate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from supportnet.i18n import CLOSE, OPEN, is_pseudo

#: (where, what kind of text, the text)
Found = tuple[str, str, str]


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()!r})"


def visible_strings(root: QWidget) -> Iterator[Found]:
    """Every string ``root`` and its visible descendants show or say: titles, labels,
    buttons, combo items, placeholders, headers, tooltips, accessible names."""
    yield _where(root), "window title", root.windowTitle()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = _where(widget)
        yield where, "tooltip", widget.toolTip()
        yield where, "accessible name", widget.accessibleName()
        yield where, "accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield where, "label", widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, "button", widget.text()
        elif isinstance(widget, QLineEdit):
            yield where, "placeholder", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield where, "group title", widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, "tab", widget.tabText(i)
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, "combo item", widget.itemText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _item_texts(where, widget)
        for action in widget.actions():
            yield where, "action", action.text()
            yield where, "action tooltip", action.toolTip()


def _item_texts(where: str, view: QAbstractItemView) -> Iterator[Found]:
    """A view's column headers and its rows' text (the first :data:`ROWS`; a row's words
    such as "about every 3 weeks" are translated too, its names are data)."""
    model = view.model()
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list model, whose columnCount Qt keeps private
        columns = 1
    for section in range(columns):
        head = model.headerData(section, Qt.Orientation.Horizontal)
        yield where, "header", head if isinstance(head, str) else ""
    for row in range(min(model.rowCount(top), ROWS)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column, top), role)
                yield where, "item", value if isinstance(value, str) else ""


#: How many rows of each list or table are read.
ROWS = 200


def _is_word(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def untranslated(root: QWidget, data: Callable[[str], bool] = lambda _text: False) -> list[Found]:
    """The strings ``root`` shows that hold words outside their pseudo-translated parts
    ("[!! Phone call !!]: leftover English" too), unless those words are ``data`` (the whole
    string, or each piece left between the translated parts). An action's tooltip Qt
    derives from its text counts as its text."""
    return [
        (where, kind, text)
        for where, kind, text in visible_strings(root)
        if not is_routed(text, data)
    ]


#: An innermost pseudo-translated part (one holding no other); a rich text's tags and
#: entities, which are no words.
_PSEUDO_PART = re.compile(
    re.escape(OPEN) + r"(?:(?!" + re.escape(OPEN) + r").)*?" + re.escape(CLOSE), re.DOTALL
)
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")


def is_routed(text: str, data: Callable[[str], bool] = lambda _text: False) -> bool:
    """Whether ``text`` shows no word that bypassed supportnet.i18n: no word at all, all
    ``data``, or routed with only data or no words beside its translated parts."""
    return not text.strip() or not _is_word(text) or data(text) or _all_routed(text, data)


def _all_routed(text: str, data: Callable[[str], bool]) -> bool:
    """Whether every piece of ``text`` left between its translated parts is data or no
    word; a text without any translated part is never routed."""
    if not is_pseudo(text):
        return False
    # Innermost first, so a translated sentence holding a translated word goes whole.
    text = _MARKUP.sub(" ", text)
    while (fewer := _PSEUDO_PART.sub("\0", text)) != text:
        text = fewer
    pieces = text.split("\0")
    return all(not _is_word(piece) or data(piece.strip(" \n:·,;()–-—\"'“”„")) for piece in pieces)


def clipped(root: QWidget) -> list[Found]:
    """Labels that don't wrap and buttons whose text is wider than the widget shown."""
    out = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if widget.textFormat() == Qt.TextFormat.RichText:
                continue
            text = widget.text()
            if widget.buddy() is not None:  # "&Where you are" shows no "&"
                text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = widget.fontMetrics().horizontalAdvance(text)
            if needed > widget.contentsRect().width():
                out.append((_where(widget), "label", widget.text()))
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width()
        ):
            out.append((_where(widget), "button", widget.text()))
    return out


def translated_twice(root: QWidget) -> list[Found]:
    """Strings that are a translation translated again (``_(_(x))``): a wrapping that holds
    one wrapping and nothing else. (A sentence with a translated word in it, "Mark as done:
    [!! … !!]", holds words of its own too.)"""
    import re

    from supportnet.i18n import CLOSE, OPEN

    again = re.compile(
        re.escape(OPEN)
        + re.escape(OPEN)
        + r"[^\[\]]*?"
        + re.escape(CLOSE)
        + r"[ ·]*"
        + re.escape(CLOSE)
    )
    return [found for found in visible_strings(root) if again.search(found[2])]
