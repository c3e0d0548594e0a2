"""File › New from Template, and the prompts of the deal's kind under the fields.

A template (see `worksheet/io/templates.py`) starts a worksheet for one kind of negotiation.
Its prompts stay while that document is open; any other deal shows the prompts of the bundled
template for its kind, and changing the kind changes them.

The bundled templates' words (name, description, prompts) are English in their files and
extracted into the catalogs (`python -m worksheet.i18n extract`); they are looked up with `_()`
where they are shown. A user's own template is not in the catalogs and shows as written.
"""

from __future__ import annotations

import copy
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from worksheet import paths
from worksheet.i18n import _
from worksheet.io.errors import DealFileError
from worksheet.io.templates import SUFFIX, Template, find_templates, kind_order, load_template

if TYPE_CHECKING:
    from worksheet.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def bundled_template(kind: str) -> Template | None:
    """The bundled template of a kind (`job_offer` → `job-offer.dealtemplate`), if it loads."""
    path = paths.templates_dir() / f"{kind.replace('_', '-')}{SUFFIX}"
    if not path.is_file():
        return None
    try:
        return load_template(path)
    except DealFileError as exc:
        log.warning("%s", exc)
        return None


class Templates(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.prompts: dict[str, str] = {}
        self._pending: Template | None = None
        self._cache: dict[str, dict[str, str]] = {}
        self.menu = QMenu("New from &Template", window)
        self.menu.aboutToShow.connect(self.fill_menu)
        sample_menu = window.actions.new_from_sample.menuAction()
        for action in window.menuBar().actions():
            file_menu = action.menu()
            if file_menu is not None and sample_menu in file_menu.actions():
                file_menu.insertMenu(sample_menu, self.menu)
                break
        doc = window.doc
        doc.dealReplaced.connect(self._deal_replaced)
        doc.valueSet.connect(self._value_set)
        window.stack.currentChanged.connect(lambda _i: self._apply_to(window.stack.currentWidget()))
        self._deal_replaced()

    # ------------------------------------------------------------------ the menu

    def available(self):
        found = find_templates(paths.templates_dir(), paths.user_templates_dir())
        found.templates.sort(
            key=lambda t: (
                t.path is None or paths.templates_dir() not in t.path.parents,
                *kind_order(t),
            )
        )
        return found

    @staticmethod
    def is_bundled(template: Template) -> bool:
        return template.path is not None and paths.templates_dir() in template.path.parents

    def fill_menu(self) -> None:
        self.menu.clear()
        found = self.available()
        for template in found.templates:
            name, description = template.name, template.description
            if self.is_bundled(template):
                name, description = _(name), _(description) if description else description
            action = self.menu.addAction(name.replace("&", "&&"))
            action.setStatusTip(description)
            action.setToolTip(description)
            action.triggered.connect(lambda _=False, t=template: self.open_template(t))
        for path, problem in found.problems:
            action = self.menu.addAction(f"{path.name} — cannot be used")
            action.setEnabled(False)
            action.setToolTip(problem)
            action.setStatusTip(problem)
        if self.menu.isEmpty():
            self.menu.addAction("No Templates Installed").setEnabled(False)
        self.menu.addSeparator()
        folder = self.menu.addAction("Show My Templates Folder")
        folder.setStatusTip(f"Add your own {SUFFIX} files here: {paths.user_templates_dir()}")
        folder.triggered.connect(self.show_user_folder)

    def show_user_folder(self) -> None:
        folder = paths.user_templates_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.window.statusBar().showMessage(f"Cannot make {folder}: {exc.strerror}", 8_000)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_template(self, template: Template) -> bool:
        """A new, unsaved worksheet from the template (Save asks where to put it)."""
        w = self.window
        if not w.maybe_save():
            return False
        w.autosaver.remove()
        self._pending = template
        w.doc.replace(copy.deepcopy(template.deal), None, untitled_name=f"New {template.name}")
        w.show_page("deal")
        w.statusBar().showMessage(
            f"New {template.name.lower()} worksheet: the hints under the fields are for this kind",
            8_000,
        )
        return True

    # ------------------------------------------------------------------ prompts

    def prompts_for_kind(self, kind: str) -> dict[str, str]:
        if kind not in self._cache:
            template = bundled_template(kind)
            self._cache[kind] = dict(template.prompts) if template else {}
        return self._cache[kind]

    def _deal_replaced(self) -> None:
        pending, self._pending = self._pending, None
        kind = self.window.doc.deal.kind
        self.set_prompts(pending.prompts if pending else self.prompts_for_kind(kind))

    def _value_set(self, path) -> None:
        if tuple(path) == ("kind",):
            self.set_prompts(self.prompts_for_kind(self.window.doc.deal.kind))

    def set_prompts(self, prompts: dict[str, str]) -> None:
        self.prompts = prompts
        for page in self.window.built_pages():
            self._apply_to(page)

    def _apply_to(self, page) -> None:
        if hasattr(page, "set_prompts"):
            page.set_prompts(self.shown_prompts())

    def shown_prompts(self) -> dict[str, str]:
        """The prompts in the language in use: a bundled template's words come from the
        catalog; words the catalog does not know (a user's template) come back as written."""
        return {key: _(text) if text else text for key, text in self.prompts.items()}
