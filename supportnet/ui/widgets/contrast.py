"""WCAG contrast, and quiet text that stays readable in whatever palette is in use.

Qt's default quiet colour (the PlaceholderText role: text at half strength) stands about
3.9:1 against a light window, under WCAG 1.4.3's 4.5:1, and themes vary. The app's
secondary lines (card subtitles, helper text, past rows) use that role, so one keeper on
the application palette lifts it just enough towards the text colour, measured against the
window and the fields, whenever the palette changes (a system switch to dark, a theme).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

#: WCAG AA for text (1.4.3), with a little room for rounding to whole channel values.
TEXT_RATIO = 4.6
#: WCAG AA for the boundaries of fields and other controls (1.4.11), with the same room.
BORDER_RATIO = 3.2

#: The backgrounds secondary text is read on: the window, fields and lists, striped rows.
BACKGROUNDS = (
    QPalette.ColorRole.Window,
    QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase,
)
#: Roles made legible (Disabled is left alone: WCAG exempts inactive controls).
QUIET_ROLES = (QPalette.ColorRole.PlaceholderText,)
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """The relative luminance of an opaque colour, as WCAG 2 defines it."""
    rgb = colour.toRgb()
    return (
        0.2126 * _channel(rgb.redF())
        + 0.7152 * _channel(rgb.greenF())
        + 0.0722 * _channel(rgb.blueF())
    )


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as seen on ``background`` (its transparency blended in)."""
    alpha = colour.alphaF()
    return mix(colour, background, alpha) if alpha < 1.0 else QColor(colour)


def ratio(colour: QColor, background: QColor) -> float:
    """WCAG contrast of ``colour`` (blended if translucent) on an opaque ``background``."""
    first, second = luminance(over(colour, background)), luminance(background)
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``first`` and the rest of ``second``, channel by channel (opaque)."""
    return QColor.fromRgbF(
        first.redF() * share + second.redF() * (1 - share),
        first.greenF() * share + second.greenF() * (1 - share),
        first.blueF() * share + second.blueF() * (1 - share),
    )


def towards(colour: QColor, target: QColor, backgrounds: Iterable[QColor], wanted: float) -> QColor:
    """``colour``, moved just far enough towards ``target`` to stand ``wanted``:1 on each
    of ``backgrounds``; unchanged (translucency and all) if it already does."""
    grounds = list(backgrounds)
    if all(ratio(colour, ground) >= wanted for ground in grounds):
        return QColor(colour)
    start = over(colour, grounds[0])
    for step in range(1, 41):
        moved = mix(target, start, step / 40)
        if all(ratio(moved, ground) >= wanted for ground in grounds):
            return moved
    return QColor(target)


def border_colour(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """A field's outline: the window colour moved towards the text until it stands
    :data:`BORDER_RATIO`:1 against both the window and the field."""
    window = palette.color(group, QPalette.ColorRole.Window)
    field = palette.color(group, QPalette.ColorRole.Base)
    text = palette.color(group, QPalette.ColorRole.Text)
    return towards(window, text, (window, field), BORDER_RATIO)


def focus_colour(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """A focus ring's colour: the highlight, moved towards the text just far enough to stand
    :data:`BORDER_RATIO`:1 against the window and the fields (a dark theme's highlight
    alone stands under 3:1 on its window)."""
    return towards(
        palette.color(group, QPalette.ColorRole.Highlight),
        palette.color(group, QPalette.ColorRole.Text),
        (
            palette.color(group, QPalette.ColorRole.Window),
            palette.color(group, QPalette.ColorRole.Base),
        ),
        BORDER_RATIO,
    )


def legible(palette: QPalette) -> QPalette | None:
    """``palette`` with its quiet text readable on every background, or ``None`` if it
    already is."""
    changed = QPalette(palette)
    touched = False
    for group in _GROUPS:
        grounds = [palette.color(group, role) for role in BACKGROUNDS]
        text = palette.color(group, QPalette.ColorRole.Text)
        for role in QUIET_ROLES:
            current = palette.color(group, role)
            lifted = towards(current, text, grounds, TEXT_RATIO)
            if lifted != current:
                changed.setColor(group, role, lifted)
                touched = True
    return changed if touched else None


class QuietTextKeeper(QObject):
    """Keeps the application palette's quiet text legible as the palette changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("quiet-text-keeper")
        self._app = app
        # paletteChanged is the one notice that needs no filter on every event the app
        # sees; it follows setPalette and the system's own light/dark switches.
        app.paletteChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Lift the quiet text if the palette in use would leave it too faint."""
        adjusted = legible(self._app.palette())
        if adjusted is not None:  # setting it again notifies once more, then it's legible
            self._app.setPalette(adjusted)


def keep_quiet_text_legible(app: QApplication) -> QuietTextKeeper:
    """Start (once) the keeper of ``app``'s quiet text; returns it."""
    existing = app.findChild(QuietTextKeeper, "quiet-text-keeper")
    return existing if isinstance(existing, QuietTextKeeper) else QuietTextKeeper(app)
