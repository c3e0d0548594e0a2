"""Start the window: the Qt application, palette, icon, the first document, and `--screenshot`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

import worksheet
from worksheet import paths
from worksheet.speed import freeze_survivors, pause_collector

log = logging.getLogger(__name__)

PROG = "deal-worksheet"
SCREENSHOT_SIZE = (1280, 800)
PNG_QUALITY = 80


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (used with --dark, e.g. for screenshots)."""
    p = QPalette()
    # Fields a shade lighter than the window, as on macOS: Fusion outlines check boxes and
    # frames with a darker window colour, which would vanish on an even darker field.
    window, base, text = QColor("#26282b"), QColor("#34363a"), QColor("#e6e6e6")
    disabled = QColor("#7f8287")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#3a3c41"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#3a3c40"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3c40"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9a9ea5"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#79b8ff"))
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ff8a80"))
        p.setColor(group, QPalette.ColorRole.Light, QColor("#45474c"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#3a3c40"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#26282b"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#1a1b1e"))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor("#111214"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#35373b"))
    return p


#: Platform plugins without a window manager (offscreen, bare X) say what they cannot do;
#: that is expected there and not worth the user's attention.
_PLATFORM_LIMITS = ("does not support", "propagateSizeHints")

_qt_log = logging.getLogger("qt")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to our log instead of straight to the terminal."""
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or any(
        limit in message for limit in _PLATFORM_LIMITS
    ):
        _qt_log.debug("%s", message)
    elif kind == QtMsgType.QtWarningMsg:
        _qt_log.warning("%s", message)
    else:
        _qt_log.error("%s", message)


class FileOpenHandler(QObject):
    """Opens the files that macOS hands over as FileOpen events (Finder, Dock, "Open With").

    On a cold start the first file arrives this way too, before the window exists: it is kept
    until `attach()` gives the window. Installed only on macOS, the one platform that sends
    these events, so no other platform pays for a Python filter on every application event.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = None
        self.pending: list[str] = []

    def attach(self, window) -> None:
        self._window = window
        pending, self.pending = self.pending, []
        for path in pending:
            window.open_path(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        path = event.file()  # type: ignore[attr-defined]
        if path:
            if self._window is None:
                self.pending.append(path)
            else:
                self._window.open_path(path)
        return True


def install_file_open_handler(app: QApplication) -> FileOpenHandler:
    handler = FileOpenHandler(app)
    app.installEventFilter(handler)
    return handler


def make_app(argv: list[str] | None = None, *, dark: bool = False) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Someone who sets QT_DEBUG_PLUGINS wants Qt's own words on the terminal, debug or not.
        if not os.environ.get("QT_DEBUG_PLUGINS"):
            qInstallMessageHandler(_qt_message)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(worksheet.APP_NAME)
    app.setApplicationDisplayName(worksheet.APP_NAME)
    app.setOrganizationName("Deal Worksheet")
    app.setApplicationVersion(worksheet.__version__)
    QGuiApplication.setDesktopFileName(worksheet.APP_ID)
    icon = paths.icons_dir() / "deal-worksheet.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    from worksheet.ui.language import apply_language

    apply_language(app)
    return app  # type: ignore[return-value]


def run(args: argparse.Namespace) -> int:
    """The window's entry point (`deal-worksheet [FILE] [--screenshot OUT.png] [--dark]`)."""
    screenshot = getattr(args, "screenshot", None)
    file = getattr(args, "file", None)
    dark = bool(getattr(args, "dark", False))
    # Start-up makes tens of thousands of objects that live as long as the window (modules,
    # classes, Qt's enums, widgets). Scanning them for garbage again and again while starting,
    # and once more at exit, is wasted time: collect nothing until the window is up, then
    # freeze them out of later collections. Objects made after that are collected as usual.
    pause_collector()
    try:
        app = make_app(dark=dark)
    except Exception as exc:  # e.g. no display and no offscreen platform
        freeze_survivors(resume=True)
        print(f"{PROG}: error: the window cannot start: {exc}", file=sys.stderr)
        return 1
    if screenshot:
        try:
            return take_screenshot(app, Path(screenshot), file)
        finally:
            _started()
            _uninstall_message_handler()

    from worksheet.ui.main_window import MainWindow

    file_open = install_file_open_handler(app) if sys.platform == "darwin" else None
    window = MainWindow()
    start(window, file)
    if file_open is not None:
        file_open.attach(window)
    window.show()
    from worksheet.ui.navigation import fit_to_screen

    # The first start's size (or one saved on a bigger screen) must fit a laptop's screen;
    # once more a moment later, when the window manager has put its frame around the window.
    QTimer.singleShot(0, lambda: fit_to_screen(window))
    QTimer.singleShot(400, lambda: fit_to_screen(window))
    QTimer.singleShot(0, _started)
    # Ask about crashed work once the window is on screen, so the dialog has a parent to sit on.
    QTimer.singleShot(0, window.offer_restore)
    try:
        return app.exec()
    finally:
        _uninstall_message_handler()


def _uninstall_message_handler() -> None:
    """Qt may still talk while it shuts down; a Python handler then runs in a dying interpreter
    and can crash the exit (seen with QT_DEBUG_PLUGINS=1). Hand the messages back to Qt first."""
    qInstallMessageHandler(None)


def _started() -> None:
    """Once the window is up: keep start-up objects out of the garbage collector's way."""
    freeze_survivors(resume=True)


def start(window, file: str | None) -> None:
    """The first document: FILE if given, the sample on the very first start, else empty."""
    from worksheet.ui.document import settings

    s = settings()
    if file:
        window.open_path(file)
        return
    if not s.value("firstStartDone", False, type=bool):
        s.setValue("firstStartDone", True)
        s.sync()
        sample = paths.default_sample()
        if sample.is_file():
            window.open_sample(sample)


def take_screenshot(app: QApplication, out: Path, file: str | None) -> int:
    """Open FILE (or the sample) at 1280×800, save the window as a PNG and return the exit code."""
    from PySide6.QtCore import QBuffer, QIODevice

    from worksheet.io import DealFileError, load
    from worksheet.io.atomic import real_path, shown, write_atomic
    from worksheet.ui.files import sample_title
    from worksheet.ui.main_window import MainWindow

    source = Path(file) if file else paths.default_sample()
    try:
        deal = load(source)
    except DealFileError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(autosave=False)
    if file:
        window.doc.replace(deal, real_path(source))
    else:
        window.doc.replace(deal, None, untitled_name=f"{sample_title(source)} (copy)")
    window.resize(*SCREENSHOT_SIZE)
    # The picture is rendered once, by grab(), once the window is on screen, active and laid
    # out; painting it to the screen first as well would only draw everything twice.
    window.setUpdatesEnabled(False)
    window.show()
    try:
        settle(app, window)
        window.setUpdatesEnabled(True)
        image = window.grab().toImage()
        if image.isNull():
            raise OSError("the window could not be drawn")
        if (image.width(), image.height()) != SCREENSHOT_SIZE:
            # On a high-DPI screen the grab has device pixels; the picture promises 1280×800.
            image = image.scaled(
                *SCREENSHOT_SIZE,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            image.setDevicePixelRatio(1)
        # Quality 80 is zlib's fast level for PNG: the same pixels, a file of about the same
        # size (±5 % on the samples), a quarter less time than the default level.
        png = QBuffer()
        png.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(png, "PNG", PNG_QUALITY):
            raise OSError(f"cannot write {shown(out)}")
        write_atomic(out, bytes(png.data()))
    except Exception as exc:
        print(f"{PROG}: error: screenshot failed: {shown(str(exc))}", file=sys.stderr)
        return 1
    finally:
        window.doc.undo_stack.setClean()
        window.close()
    return 0


def settle(app: QApplication, window, timeout_s: float = 5.0) -> None:
    """Wait until the window is on screen and laid out (and painted, unless its updates are
    off), without a fixed sleep."""
    import time

    deadline = time.monotonic() + timeout_s
    handle = window.windowHandle()
    app.processEvents()  # delivers the expose event, which lays the window out (and paints)
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        time.sleep(0.002)  # a real display server answers in its own time
        app.processEvents()
    # One more pass for what the expose posted (deferred resizes, zero-time timers).
    app.processEvents()
