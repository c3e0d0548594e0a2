"""The window's language: the Preferences choice is remembered and applies on the next start
(the dialog says so); an Arabic window is laid out right to left; Qt's own buttons follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from worksheet import i18n
from worksheet.ui import language, preferences


@pytest.fixture
def restore_language(qapp):
    before = QLocale()
    yield
    language.apply_language(qapp, "en")
    QLocale.setDefault(before)


def test_preferences_remember_the_language_and_say_when_it_applies(
    qtbot, monkeypatch, restore_language
) -> None:
    from worksheet.ui import dialogs
    from worksheet.ui.main_window import MainWindow

    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(preferences, "ask_preferences", lambda parent: ("de", True))
    note = preferences.edit_preferences(window)
    assert language.saved_language() == "de"
    assert shown == [note]
    assert "Deutsch" in note and "next time you start" in note
    # The window itself keeps its language until then: nothing typed is lost to a rebuild.
    assert window.nav.item(0).text() == "Deal"
    # Choosing what is already saved says nothing.
    assert preferences.edit_preferences(window) is None
    # The next start speaks German.
    language.apply_language(QApplication.instance())
    assert i18n.language() == "de"
    german = MainWindow(autosave=False)
    qtbot.addWidget(german)
    assert german.nav.item(0).text() == "Verhandlung"
    menus = [a.text() for a in german.menuBar().actions()]
    # Menus found by their (translated) titles still get their entries and their place.
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"], menus
    edit = german.menuBar().actions()[1].menu()
    assert any(a.text().startswith("Zeile &hinzufügen") for a in edit.actions())


def test_the_dialog_offers_the_system_language_and_every_shipped_one(qtbot) -> None:
    language.save_language("es")
    dialog = preferences.PreferencesDialog()
    qtbot.addWidget(dialog)
    items = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert items == ["", "en", "de", "es", "ar"]
    assert dialog.choice() == "es"
    dialog.language.setCurrentIndex(0)
    assert dialog.choice() == ""  # follow the system


def test_an_arabic_window_reads_right_to_left(qtbot, restore_language) -> None:
    from worksheet.ui.main_window import MainWindow

    app = QApplication.instance()
    assert language.apply_language(app, "ar") == "ar"
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().zeroDigit() == "٠"  # Egyptian Arabic numbers in the fields
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(0).text() == "الصفقة"
    # Qt's own words come from Qt's Arabic catalog.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"
    language.apply_language(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_money_typed_in_the_locale_forms_is_read(restore_language, qapp) -> None:
    from decimal import Decimal

    from worksheet.ui.widgets.money_field import parse_amount

    for code, typed in (("de", "1.234,50"), ("es", "1234,50"), ("ar", "١٬٢٣٤٫٥٠")):
        language.apply_language(qapp, code)
        locale = QLocale()
        assert parse_amount(typed, locale.decimalPoint(), locale.groupSeparator()) == Decimal(
            "1234.50"
        ), code
