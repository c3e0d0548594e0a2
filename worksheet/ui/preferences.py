"""Preferences: the language of the window, the prep sheet and the workbook."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from worksheet import i18n
from worksheet.i18n import _
from worksheet.ui import language


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        system = i18n.LANGUAGES[i18n.system_language()]
        self.language.addItem(_("System language ({language})").format(language=system), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        found = self.language.findData(language.saved_language())
        self.language.setCurrentIndex(max(found, 0))
        self.language.setAccessibleName(_("Language"))
        form.addRow(_("&Language"), self.language)
        layout.addLayout(form)
        note = QLabel(
            _(
                "The window, the prep sheet and the workbook speak this language. Numbers and "
                "dates follow its usual style; .deal files stay the same in every language."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return self.language.currentData()


def restart_note(code: str) -> str:
    """What the user is told after choosing another language: it applies on the next start."""
    name = i18n.LANGUAGES[code or i18n.system_language()]
    return _(
        "Deal Worksheet will speak {language} from the next time you start it. Your work "
        "stays as it is."
    ).format(language=name)


def ask_preferences(parent: QWidget) -> tuple[str, bool]:
    """Show the dialog; (chosen language code or "" for the system's, accepted)."""
    dialog = PreferencesDialog(parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.choice(), ok


def edit_preferences(parent: QWidget) -> str | None:
    """Preferences… : save the choice; when it changes the language, say when it applies.
    Returns the note shown (None when nothing changed)."""
    from worksheet.ui import dialogs

    before = language.saved_language()
    choice, ok = ask_preferences(parent)
    if not ok or choice == before:
        return None
    language.save_language(choice)
    effective = choice or i18n.system_language()
    if effective == i18n.language():
        return None
    note = restart_note(choice)
    dialogs.show_info(parent, _("Language"), note)
    return note
