"""The window's language: the saved choice (or the system's), Qt's own words for it, the
number style that goes with it, and right to left for Arabic."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from worksheet import i18n
from worksheet.ui.document import settings

#: The QSettings key; "" (or absent) follows the system.
KEY = "language"
#: The locale that speaks a language when the system's own locale speaks another.
DEFAULT_LOCALES: dict[str, str] = {"en": "en_US", "de": "de_DE", "es": "es_ES", "ar": "ar_EG"}

_translators: list[QTranslator] = []


def saved_language() -> str:
    value = settings().value(KEY, "")
    return value if isinstance(value, str) and value in i18n.LANGUAGES else ""


def save_language(code: str) -> None:
    store = settings()
    store.setValue(KEY, code)
    store.sync()


def locale_for(code: str) -> QLocale:
    """The system's locale when it speaks `code` (its country's numbers), else that language's
    usual one (`de_DE` for German)."""
    system = QLocale.system()
    if system.name().split("_")[0] == code:
        return system
    return QLocale(DEFAULT_LOCALES.get(code, "en_US"))


def apply_language(app: QApplication, choice: str | None = None) -> str:
    """Speak the saved (or given) language from now on: call before the window is built."""
    code = i18n.set_language(saved_language() if choice is None else choice)
    QLocale.setDefault(locale_for(code))
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if code != i18n.SOURCE_LANGUAGE:
        # Qt's own words: the standard buttons (Cancel, Save…), the file dialog, context menus.
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(code), "qtbase", "_", folder):
            app.installTranslator(translator)
            _translators.append(translator)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if i18n.is_right_to_left(code)
        else Qt.LayoutDirection.LeftToRight
    )
    return code
