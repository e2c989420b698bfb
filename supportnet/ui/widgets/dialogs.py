"""Every message box SupportNet shows is made here, so tests can replace these functions;
and the one default width of each kind of dialog."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from supportnet import APP_NAME
from supportnet.i18n import N_, _, ngettext
from supportnet.model.text import amount

DEFAULT_ERROR_TITLE = N_("SupportNet can't continue")
#: The safe answer of a question, unless the caller words its own.
CANCEL = N_("Cancel")


class DialogWidth(Enum):
    """One default width per kind of dialog, in ems (the width of "M" in its font), so the
    windows of one kind open alike and follow the font size."""

    #: A question, a confirmation, a passphrase, one small choice.
    SMALL = 46
    #: A form: a plan, a person, a group, a check-in, a care team.
    EDITOR = 62
    #: A big picker or an export, with a list or a preview to read.
    BIG = 104


def dialog_width(widget: QWidget, kind: DialogWidth) -> int:
    """``kind``'s width in pixels for ``widget``'s font, kept inside the screen."""
    width = widget.fontMetrics().horizontalAdvance("M") * kind.value
    screen = widget.screen()
    if screen is not None:
        width = min(width, int(screen.availableGeometry().width() * 0.95))
    return width


def use_width(dialog: QWidget, kind: DialogWidth) -> int:
    """Keep ``dialog`` at ``kind``'s width or wider (call it before the dialog is shown)."""
    width = dialog_width(dialog, kind)
    dialog.setMinimumWidth(width)
    return width


def open_at_width(dialog: QWidget, kind: DialogWidth) -> None:
    """Size a built form at ``kind``'s width (wider only if its fields need it), as tall
    as its wrapped lines need at that width."""
    width = max(dialog_width(dialog, kind), dialog.minimumSizeHint().width())
    layout = dialog.layout()
    height = dialog.sizeHint().height()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    dialog.resize(width, max(height, dialog.minimumSizeHint().height()))


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Paths and messages can be copied (to search for them, or to tell someone).
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    return box


def _add_close(box: QMessageBox) -> None:
    close = box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
    close.setAccessibleName(_("Close"))
    box.setDefaultButton(close)
    box.setEscapeButton(close)


def make_error_box(
    parent: QWidget | None, message: str, *, title: str = DEFAULT_ERROR_TITLE
) -> QMessageBox:
    """A plain message box for a problem SupportNet understands (never a traceback)."""
    if title == DEFAULT_ERROR_TITLE:
        title = _(DEFAULT_ERROR_TITLE)
    # An information icon, not the red "critical" one: this is news, not an alarm.
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    _add_close(box)
    return box


def show_error(parent: QWidget | None, message: str, *, title: str = DEFAULT_ERROR_TITLE) -> None:
    """Tell the person plainly that something didn't work, and wait until they close it."""
    make_error_box(parent, message, title=title).exec()


def confirm(
    parent: QWidget | None,
    title: str,
    question: str,
    *,
    yes_text: str,
    no_text: str = CANCEL,
    details: str = "",
) -> bool:
    """Ask a yes/no question with buttons that say what they do. No is the safe default."""
    if no_text == CANCEL:
        no_text = _(CANCEL)
    box = _box(parent, QMessageBox.Icon.Question, title, question, details)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    yes.setAccessibleName(yes_text)
    no.setAccessibleName(no_text)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


FRESH_START_TITLE = N_("SupportNet found backups of your network")
OPEN_BACKUPS = N_("Open backups folder")


def fresh_start_texts(newest: Path) -> tuple[str, str]:
    """What the start-afresh box says: the reassurance first, then how to restore."""
    return (
        _("Your backups are safe in {folder}.").format(folder=newest.parent),
        # Translators: the command line stays as it is ("supportnet restore" is typed).
        _(
            "Your network itself isn't in this folder, but its backups are. To bring it back, "
            "quit and restore the newest backup. In a terminal, that is:\n\n"
            'supportnet restore "{backup}"\n\n'
            "(Someone who helps you with your computer can do this with you.)\n\n"
            "Or start a new, empty store here; your backups stay where they are."
        ).format(backup=newest),
    )


def confirm_fresh_start(parent: QWidget | None, newest: Path) -> bool:
    """The store is gone but its backups are here: start a new one anyway?

    Quit is the default and Esc; "Open backups folder" shows them and asks again.
    """
    text, details = fresh_start_texts(newest)
    box = _box(parent, QMessageBox.Icon.Information, _(FRESH_START_TITLE), text, details)
    open_folder = box.addButton(_(OPEN_BACKUPS), QMessageBox.ButtonRole.ActionRole)
    fresh = box.addButton(_("Start a new, empty store"), QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    for button in (open_folder, fresh, quit_):
        button.setAccessibleName(button.text())
    box.setDefaultButton(quit_)
    box.setEscapeButton(quit_)
    while True:
        box.exec()
        if box.clickedButton() is not open_folder:
            return box.clickedButton() is fresh
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(newest.parent)))


def offer_recovery_unlock(parent: QWidget | None, message: str) -> bool:
    """The store's key can't be found, but the recovery key can open it: use it, or Quit?"""
    title = _("SupportNet can't open your data")
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    use = box.addButton(_("Use your recovery key…"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    use.setAccessibleName(_("Use your recovery key"))
    quit_button.setAccessibleName(_("Quit"))
    box.setDefaultButton(use)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is use


def about_text(version: str, data_location: str, key_location: str) -> str:
    """What the About box says, as plain text."""
    return "\n\n".join(
        [
            f"{APP_NAME} {version}",
            _(
                "Map your support network and plan gentle reach-outs. Everything stays on this "
                "computer, encrypted; nothing is sent anywhere."
            ),
            _("Your data is kept in:\n{location}").format(location=data_location),
            _("Its key is kept in:\n{location}").format(location=key_location),
        ]
    )


def make_about_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, _("About {app}").format(app=APP_NAME), text)
    _add_close(box)
    return box


def show_about(parent: QWidget | None, version: str, data_location: str, key_location: str) -> None:
    """The About box: version, where the data lives and how its key is kept."""
    text = about_text(version, data_location, key_location)
    make_about_box(parent, text).exec()


# --- Deleting, closing an editor, exporting -------------------------------------------------


def delete_question(
    name: str, plans: int, checkins: int, *, group: bool = False, teams: str = ""
) -> str:
    """E.g. "Delete Sam? Their 2 plans and 37 check-ins will be deleted too. You can undo this.".

    ``teams`` says what it means for the care teams they are on (the services word it)."""
    sentences = [_("Delete {name}?").format(name=name)]
    things = ""
    if plans and checkins:
        # Translators: "2 plans and 37 check-ins" (each already counted in its own words).
        things = _("{plans} and {checkins}").format(
            plans=amount(plans, "plan", "plans"),
            checkins=amount(checkins, "check-in", "check-ins"),
        )
    elif plans:
        things = amount(plans, "plan", "plans")
    elif checkins:
        things = amount(checkins, "check-in", "check-ins")
    if things:
        total = plans + checkins
        if group:
            # Translators: a group's plans and check-ins ("Its 2 plans…"); the count
            # chooses the verb ("Its plan will…", "Its 2 plans will…").
            going = ngettext(
                "Its {things} will be deleted too.", "Its {things} will be deleted too.", total
            )
        else:
            # Translators: a person's plans and check-ins ("Their 2 plans…").
            going = ngettext(
                "Their {things} will be deleted too.", "Their {things} will be deleted too.", total
            )
        sentences.append(going.format(things=things))
    if teams:
        sentences.append(teams)
    sentences.append(_("You can undo this."))
    return " ".join(sentences)


def confirm_delete(
    parent: QWidget | None,
    name: str,
    plans: int,
    checkins: int,
    *,
    group: bool = False,
    teams: str = "",
) -> bool:
    """Ask before deleting someone, naming what goes with them and what it means for the
    care teams they are on. Cancel is the default."""
    return confirm(
        parent,
        _("Delete from your network"),
        delete_question(name, plans, checkins, group=group, teams=teams),
        yes_text=_("Delete {name}").format(name=name),
        no_text=_("Keep"),
    )


#: "You've made changes to … that aren't saved yet." as whole sentences, per thing edited
#: (German says "an diesem Plan", "an dieser Person": a fragment can't be glued in).
UNSAVED = {
    "check-in": N_("You've made changes to this check-in that aren't saved yet."),
    "plan": N_("You've made changes to this plan that aren't saved yet."),
    "care team": N_("You've made changes to this care team that aren't saved yet."),
    "person": N_("You've made changes to this person that aren't saved yet."),
    "group": N_("You've made changes to this group that aren't saved yet."),
}
#: The same for something with a name: a person's or a group's as it is typed…
UNSAVED_NAMED = N_("You've made changes to {name} that aren't saved yet.")
#: …and a plan's title or a team's name, in quotes.
UNSAVED_TITLED = N_("You've made changes to “{title}” that aren't saved yet.")


def unsaved_changes(kind: str, name: str = "", *, quoted: bool = False) -> str:
    """The sentence :func:`confirm_discard` shows for ``kind`` (a key of :data:`UNSAVED`),
    naming ``name`` when there is one (in quotes when ``quoted``)."""
    if not name:
        return _(UNSAVED[kind])
    if quoted:
        return _(UNSAVED_TITLED).format(title=name)
    return _(UNSAVED_NAMED).format(name=name)


def confirm_discard(parent: QWidget | None, message: str) -> bool:
    """Ask before closing an editor that holds changes (``message``: the whole sentence, from
    :func:`unsaved_changes`). Keep editing is the default."""
    return confirm(
        parent,
        _("Close without saving?"),
        message,
        yes_text=_("Close without saving"),
        no_text=_("Keep editing"),
    )


#: File dialog filters for exporting the map, and the format each one means.
EXPORT_FILTERS = {
    N_("PNG image (*.png)"): ("png", None),
    N_("SVG drawing (*.svg)"): ("svg", None),
    N_("PDF, A4 paper (*.pdf)"): ("pdf", "A4"),
    N_("PDF, US Letter paper (*.pdf)"): ("pdf", "Letter"),
}


def export_filters() -> dict[str, tuple[str, str | None]]:
    """:data:`EXPORT_FILTERS` as the file dialog shows them, in the person's language."""
    return {_(shown): meant for shown, meant in EXPORT_FILTERS.items()}


def ask_pdf_path(parent: QWidget | None, title: str, directory: str, name: str) -> Path | None:
    """Ask where to save a PDF (``name`` in ``directory`` offered first; no directory: the
    name alone); ".pdf" is added when the name typed has no such ending. None: cancelled."""
    from PySide6.QtWidgets import QFileDialog

    start = str(Path(directory) / name) if directory else name
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, start, _("PDF (*.pdf)"))
    if not chosen:
        return None
    final = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
    return final if may_replace(parent, chosen, final) else None


def may_replace(parent: QWidget | None, chosen: str, final: Path) -> bool:
    """Whether ``final`` may be written: the file dialog asked about replacing the name
    typed (``chosen``), not about the one an ending was added to, so ask about that here."""
    if Path(chosen) == final or not final.exists():
        return True
    return confirm(
        parent,
        _("Replace the file?"),
        _("There is already a file called {name} in {folder}. Replace it?").format(
            name=final.name, folder=final.parent
        ),
        yes_text=_("Replace it"),
        no_text=_("Keep it"),
    )


def ask_export_path(
    parent: QWidget | None, directory: str, suggested_name: str
) -> tuple[str, str, str | None] | None:
    """Ask where to save the map: (path, "png" | "svg" | "pdf", page size or None), or None.

    A name typed with a known ending wins over the chosen filter; without one, the
    filter's ending is added.
    """
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    start = str(Path(directory) / f"{suggested_name}.png")
    path, chosen = QFileDialog.getSaveFileName(
        parent, _("Export the map"), start, ";;".join(export_filters())
    )
    if not path:
        return None
    final, suffix, page = export_choice(path, chosen)
    return (final, suffix, page) if may_replace(parent, path, Path(final)) else None


def export_choice(path: str, chosen_filter: str) -> tuple[str, str, str | None]:
    """The format and page size meant by a file name and the filter picked beside it."""
    from pathlib import Path

    suffix, page = export_filters().get(chosen_filter, ("png", None))
    typed = Path(path).suffix.lower().lstrip(".")
    if typed in ("png", "svg", "pdf"):
        if typed != suffix:
            suffix, page = typed, ("A4" if typed == "pdf" else None)
        return path, suffix, page
    return f"{path}.{suffix}", suffix, page


def show_done(parent: QWidget | None, message: str, *, title: str) -> None:
    """Say plainly how something the person asked for went (a backup saved, say)."""
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    _add_close(box)
    box.exec()


def documents_folder() -> Path:
    """Where a file the person saves is offered first: their Documents folder if there is
    one, else their home folder."""
    from PySide6.QtCore import QStandardPaths

    home = Path.home()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (Path(documents) if documents else None, home / "Documents"):
        if candidate is not None and candidate != home and candidate.is_dir():
            return candidate
    return home
