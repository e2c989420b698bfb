"""The GUI composition root: crash handling, unlocking the store, first run, the main window."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

import supportnet
from supportnet.data.keys import PassphrasePurpose
from supportnet.data.recovery_keeper import RecoveryKeeper, has_record, unlock_hint
from supportnet.data.store import Store, open_store
from supportnet.data.store_key import AUTO_BACKEND
from supportnet.i18n import N_, _
from supportnet.model.errors import (
    KeyringEntryMissingError,
    PassphraseRequiredError,
    SupportNetError,
    WrongPassphraseError,
)
from supportnet.model.settings import reset_notice
from supportnet.model.zones import system_zone_name
from supportnet.runtime import code_cache
from supportnet.runtime.memory import settle
from supportnet.services import Services
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.ui_state import UiState
from supportnet.ui.start import RecoveryKeyRequested
from supportnet.ui.start.crash_reporter import install_excepthooks
from supportnet.ui.widgets.first_paint import when_first_painted

# The start's dialogs (passphrase, recovery key, welcome) and the message boxes load when
# one is first shown: opening with the key in the keyring shows none of them.
if TYPE_CHECKING:
    from supportnet.ui.shell.auto_backups import AutoBackups
    from supportnet.ui.shell.reminders import ReminderService
    from supportnet.ui.start.recovery_dialog import RecoveryKeyDialog
    from supportnet.ui.start.recovery_unlock import Reason
    from supportnet.ui.start.welcome import StartChoice

#: Matches the .desktop file's name (without ".desktop"); Wayland uses it as the app id.
DESKTOP_FILE_NAME = supportnet.APP_ID
OPEN_ERROR_TITLE = N_("SupportNet can't open your data")

#: Asks for a passphrase: (why, a message to show by the field or None) -> passphrase or None.
AskPassphrase = Callable[[PassphrasePurpose, str | None], str | None]
#: Asks how to begin on the first run.
ChooseStart = Callable[[], "StartChoice"]
#: Opens the store with its recovery key (asking for it): the store, or None if cancelled.
RecoverStore = Callable[[Path, "Reason"], Store | None]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _dialog_first(show: Callable[_P, _R]) -> Callable[_P, _R]:
    """``show``, which may put a dialog up before the main window, with the app's whole
    style in place first (:func:`~supportnet.ui.widgets.style.use_clear_indicators`)."""

    @functools.wraps(show)
    def styled(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        from supportnet.ui.widgets.style import use_clear_indicators

        use_clear_indicators()
        return show(*args, **kwargs)

    return styled


# --- Opening the store ---------------------------------------------------------------------


def open_store_interactively(
    data_dir: Path,
    ask: AskPassphrase,
    *,
    keyring_backend: Any = AUTO_BACKEND,
    opener: Callable[..., Store] | None = None,
    recover: RecoverStore | None = None,
) -> Store | None:
    """Open the store, asking for the passphrase again after a wrong one.

    With ``recover``, a forgotten passphrase (the dialog's "Use your recovery key…") or a
    lost keyring entry can be met with the recovery key. Returns None if the person chose
    Quit; other problems raise :class:`SupportNetError`.
    """
    # The recovery record's check (a key derivation, ~20 ms) waits for the first paint:
    # after_first_paint's offer_recovery_key checks it, and makes it for a store without one.
    opener = opener or functools.partial(open_store, check_recovery=False)
    message: str | None = None
    while True:
        asker = _Asker(ask, message)
        try:
            return opener(data_dir, passphrase=asker, keyring_backend=keyring_backend)
        except WrongPassphraseError:
            from supportnet.ui.start.unlock_dialog import WRONG_PASSPHRASE

            message = _(WRONG_PASSPHRASE)
        except PassphraseRequiredError:
            if asker.cancelled:
                return None
            raise
        except RecoveryKeyRequested:
            from supportnet.ui.start.recovery_unlock import Reason

            if recover is None:
                raise
            store = recover(data_dir, Reason.PASSPHRASE)
            if store is not None:
                return store
            message = None  # back to the passphrase, as if nothing happened
        except KeyringEntryMissingError as exc:
            if recover is None or not has_record(data_dir):
                raise
            from supportnet.ui.start.recovery_unlock import KEYRING_OFFER, Reason

            said = exc.message.removesuffix(f" {unlock_hint()}")  # the app has no command
            if not _offer_recovery_unlock(f"{said} {_(KEYRING_OFFER)}"):
                return None
            store = recover(data_dir, Reason.KEYRING)
            if store is not None:
                return store


@_dialog_first
def _offer_recovery_unlock(said: str) -> bool:
    from supportnet.ui.widgets import dialogs

    return dialogs.offer_recovery_unlock(None, said)


class _Asker:
    """A passphrase provider that remembers whether the person chose Quit."""

    def __init__(self, ask: AskPassphrase, message: str | None) -> None:
        self._ask = ask
        self._message = message
        self.cancelled = False

    def __call__(self, purpose: PassphrasePurpose) -> str | None:
        answer = self._ask(purpose, self._message)
        self.cancelled = answer is None
        return answer


def onboard(store: Store, choose: ChooseStart, *, today: date, zone: str) -> StartChoice | None:
    """The first-run choice, made once. Returns it, or None if it wasn't asked.

    A store that already holds data (made from the command line, say) is never offered the
    example network: mixing made-up people into a real network would be confusing.
    """
    settings = store.settings.load()
    if settings.onboarded:
        return None
    choice: StartChoice | None = None
    if store.is_empty():
        choice = choose()
        from supportnet.ui.start.welcome import StartChoice

        if choice is StartChoice.EXAMPLE:
            from supportnet.demo.loader import load_demo

            load_demo(store, today, zone)
    store.settings.update(onboarded=True)
    return choice


@dataclass(slots=True)
class Launch:
    """What starting up came to: an exit code, or an open store and its window."""

    exit_code: int
    store: Store | None = None
    window: MainWindow | None = None
    #: The first-run choice, when it was made this time.
    choice: StartChoice | None = None


def _ask_with_dialog(
    purpose: PassphrasePurpose,
    message: str | None,
    offer_recovery: bool = False,
    crisis: CrisisHelpService | None = None,
) -> str | None:
    """SUPPORTNET_PASSPHRASE first (non-interactive use), then the dialog.

    After a wrong passphrase (``message`` set) the dialog asks, whatever the environment says.
    """
    if message is None:
        from_env = os.environ.get("SUPPORTNET_PASSPHRASE")
        if from_env is not None:
            return from_env
    return _ask_passphrase(purpose, message, offer_recovery, crisis)


@_dialog_first
def _ask_passphrase(
    purpose: PassphrasePurpose,
    message: str | None,
    offer_recovery: bool,
    crisis: CrisisHelpService | None,
) -> str | None:
    from supportnet.ui.start.unlock_dialog import ask_passphrase

    return ask_passphrase(purpose, message, None, offer_recovery, crisis)


#: The variables a locale is read from (the first one set decides).
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_environ(
    environ: Mapping[str, str] | None = None, system_locale: str | None = None
) -> dict[str, str]:
    """The environment, with the system's locale as ``LANG`` when no locale variable is set.

    An app started from the macOS Finder (or some desktop launchers) has no ``LANG``; Qt
    still knows the system's locale ("en_GB"), and the crisis lines' country follows it.
    """
    found = dict(os.environ if environ is None else environ)
    if not any(found.get(name) for name in _LOCALE_VARIABLES):
        found["LANG"] = system_locale if system_locale is not None else QLocale.system().name()
    return found


def launch(
    data_dir: Path,
    *,
    ask: AskPassphrase | None = None,
    choose: ChooseStart | None = None,
    keyring_backend: Any = AUTO_BACKEND,
    recover: RecoverStore | None = None,
    today: date | None = None,
    zone: str | None = None,
) -> Launch:
    """Unlock the store, make the first-run choice and build the main window (not shown).

    Known problems are shown in a plain message and give exit code 1; Quit gives 0. The
    passphrase dialog, the recovery-key dialog and the welcome dialog are the defaults for
    ``ask``/``recover``/``choose``.
    """
    if not _fresh_start_is_wanted(data_dir):
        return Launch(0)
    # The crisis lines and the country chosen for them need no key: every screen before
    # the store opens offers them ("Need help now?"), and the window's "Hard day?".
    crisis = CrisisHelpService(data_dir, locale_environ())
    if ask is None:
        # The "Use your recovery key…" way out only where a recovery record can keep it.
        ask = functools.partial(
            _ask_with_dialog, offer_recovery=has_record(data_dir), crisis=crisis
        )
    if recover is None:
        recover = functools.partial(
            _recover_with_dialog, keyring_backend=keyring_backend, crisis=crisis
        )
    if choose is None:
        choose = functools.partial(_ask_start_choice, crisis=crisis)
    try:
        store = open_store_interactively(
            data_dir, ask, keyring_backend=keyring_backend, recover=recover
        )
    except SupportNetError as exc:
        _show_error(exc.message, _(OPEN_ERROR_TITLE))
        return Launch(1)
    if store is None:
        return Launch(0)
    try:
        # Asked before onboarding, whose save would quietly store the defaults.
        unreadable = store.settings.load_checked().reset
        if unreadable:  # stored as defaults now, so the notice is given once
            store.settings.repair(unreadable)
        choice = onboard(
            store, choose, today=today or date.today(), zone=zone or system_zone_name()
        )
        window = MainWindow(
            Services.of(store),
            data_location=str(data_dir),
            key_location=store.key_info.where,
            ui_state=UiState.for_data_dir(data_dir),
            crisis=crisis,
        )
        window.recovery_keeper = RecoveryKeeper.for_store(store, lambda: datetime.now(UTC))
        window.allow_deleting(store, keyring_backend)  # File ▸ Delete all my data…
    except SupportNetError as exc:
        store.close()
        _show_error(exc.message, _(OPEN_ERROR_TITLE))
        return Launch(1)
    except BaseException:
        store.close()
        raise
    window.note_when_shown(reset_notice(unreadable))
    return Launch(0, store, window, choice)


def _fresh_start_is_wanted(data_dir: Path) -> bool:
    """False if the store is gone but its backups are here, and the person chose Quit.

    Starting a new store there without a word would bury the backups, so say they are
    safe and how to restore them first; starting afresh stays possible (the backups are
    left alone, and never thinned: they are another store's).
    """
    from supportnet.data.damage import lost_store_message, newest_backup

    newest = newest_backup(data_dir)
    if lost_store_message(data_dir) is None or newest is None:
        return True
    return _confirm_fresh_start(newest)


@_dialog_first
def _confirm_fresh_start(newest: Path) -> bool:
    from supportnet.ui.widgets import dialogs

    return dialogs.confirm_fresh_start(None, newest)


@_dialog_first
def _show_error(message: str, title: str) -> None:
    from supportnet.ui.widgets import dialogs

    dialogs.show_error(None, message, title=title)


@_dialog_first
def _recover_with_dialog(data_dir: Path, reason: Reason, **options: Any) -> Store | None:
    """The recovery-key dialog (:func:`~supportnet.ui.start.recovery_unlock.recover_with_dialog`),
    its module loaded when it is first needed."""
    from supportnet.ui.start.recovery_unlock import recover_with_dialog

    return recover_with_dialog(data_dir, reason, **options)


@_dialog_first
def _ask_start_choice(**options: Any) -> StartChoice:
    """The first run's welcome (:func:`~supportnet.ui.start.welcome.ask_start_choice`), its
    module loaded when it is first needed."""
    from supportnet.ui.start.welcome import ask_start_choice

    return ask_start_choice(**options)


def _application(argv: list[str]) -> QApplication:
    QApplication.setOrganizationName(supportnet.APP_NAME)
    QApplication.setApplicationName(supportnet.APP_NAME)
    QApplication.setApplicationVersion(supportnet.__version__)
    QApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication(argv or [supportnet.APP_NAME.lower()])
    from supportnet.ui.language import install_language

    install_language(app)  # before any window: pages translate their words as they build
    from supportnet.ui.widgets.contrast import keep_quiet_text_legible

    # The rest of the app's style (ui.widgets.style) waits for the window's first paint, or
    # for a dialog shown before it (_dialog_first).
    keep_quiet_text_legible(app)
    from supportnet.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())  # from the package: an installed copy has it too
    return app


def run_gui(data_dir: Path, argv: list[str]) -> int:
    """Run SupportNet's window on the store in ``data_dir``; returns the exit code."""
    reporter = install_excepthooks()
    app = _application(argv)
    reporter.attach()
    started = launch(data_dir)
    if started.window is None or started.store is None:
        return started.exit_code
    try:
        # After the first paint: the reminders and the automatic backups start, then the
        # recovery key on first start, or weekly after "Later".
        window, keeper, store = started.window, started.window.recovery_keeper, started.store
        running: list[ReminderService | AutoBackups] = []
        over: list[bool] = []  # the event loop has ended: the store is closing

        def after_paint() -> None:
            if over:
                return
            running.append(start_reminders(window, store, app))
            running.append(start_auto_backups(window, store))
            after_first_paint(window, keeper, started.choice)

        when_first_painted(window, after_paint)
        started.window.show()
        try:
            return app.exec()
        finally:
            over.append(True)
            for service in reversed(running):  # the backups, then the reminders
                service.stop()
            window.background.wait()  # a backup still running finishes before the store closes
    finally:
        started.store.close()


def offer_recovery_key(window: MainWindow, keeper: Any) -> RecoveryKeyDialog | None:
    """The recovery key's dialog when it is due (its module loads after the first paint)."""
    from supportnet.ui.start.recovery_dialog import offer_recovery_key as offer

    return offer(window, keeper)


def after_first_paint(window: MainWindow, keeper: Any, choice: StartChoice | None) -> None:
    """The recovery key when it is due; then, for "Bring in people from my contacts", the
    file chooser and the preview (after the key's window closes, never on top of it).

    First, the rest of the app's style (it waited for this), and what starting made is set
    aside from the garbage collector's walks, so a walk later doesn't stall the window
    (:mod:`supportnet.runtime.memory`)."""
    from supportnet.ui.widgets.style import use_clear_indicators

    use_clear_indicators()
    settle()
    code_cache.keep()
    key_dialog = offer_recovery_key(window, keeper)
    if choice is None:  # no first-run choice this time (the welcome's module stays out)
        return
    from supportnet.ui.start.welcome import StartChoice

    if choice is not StartChoice.CONTACTS:
        return
    if key_dialog is None:
        window.import_contacts()
    else:
        key_dialog.finished.connect(lambda _result: window.import_contacts())


def start_auto_backups(window: MainWindow, store: Store) -> AutoBackups:
    """Today's automatic backup after the first paint, then hourly, on the window's worker."""
    from supportnet.ui.shell.auto_backups import AutoBackups

    checker = AutoBackups(
        Services.of(store).backups, window.background, window.show_note, parent=window
    )
    checker.start()
    return checker


def start_reminders(window: MainWindow, store: Store, app: QApplication) -> ReminderService:
    """Start the reminder timer (and the tray icon, where the desktop has a tray; desktop
    notifications over D-Bus where it has none or the person chose them)."""
    from supportnet.ui.shell.desktop_notifications import for_this_desktop
    from supportnet.ui.shell.reminders import ReminderService

    service = ReminderService(
        Services.of(store),
        icon=app.windowIcon(),
        notifications=for_this_desktop(),
        parent=window,
    )
    service.attach_window(window)
    service.start()
    window.keep_running = lambda: service.tray is not None and store.settings.load().keep_in_tray
    return service
