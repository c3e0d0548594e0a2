"""File › New from Template: one entry per kind, a worksheet whose prompts fit the kind."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet import i18n, paths
from worksheet.domain.deal import KINDS
from worksheet.io.templates import load_template

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)

BUNDLED = sorted(paths.templates_dir().glob("*.dealtemplate"))


def _entries(window) -> list[str]:
    menu = window.templates.menu
    menu.aboutToShow.emit()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menu_offers_every_kind_in_the_worksheet_order(window):
    names = [load_template(p) for p in BUNDLED]
    by_kind = {t.kind: t.name for t in names}
    entries = _entries(window)
    assert entries[: len(KINDS)] == [by_kind[k] for k in KINDS]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.templates.menu.menuAction() in file_menu.actions()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_a_template_opens_a_worksheet_whose_prompts_fit_the_kind(window, dialogs, path):
    template = load_template(path)
    action = next(a for a in _actions(window) if a.text() == template.name)
    action.trigger()
    doc = window.doc
    assert doc.deal.kind == template.kind and doc.path is None
    assert doc.display_name == f"New {template.name}"
    assert doc.deal.listening.questions == template.deal.listening.questions
    # Readiness: what the template asks the user to do is still open.
    missing = window.summary.readiness_missing
    assert "questions" not in missing and {"goal", "walk_away", "batna", "trades"} <= set(missing)
    # Every prompt of the template is under its field on its page.
    for key, text in template.prompts.items():
        section = key.split(".", 1)[1] if key.startswith("intro.") else _page_of(key)
        page = window.show_page(section)
        QApplication.processEvents()
        assert page.prompt_text(key) == text, key


def _actions(window):
    menu = window.templates.menu
    menu.aboutToShow.emit()
    return menu.actions()


def _page_of(key: str) -> str:
    first = key.removeprefix("example.").split(".")[0]
    return {
        "counterpart": "deal",
        "meeting": "deal",
        "title": "deal",
        "kind": "deal",
        "role": "deal",
        "currency": "deal",
        "price_unit": "deal",
        "their_estimate": "anchors",
    }.get(first, first)


def test_the_kind_decides_the_prompts_of_any_deal(window, sample):
    page = window.show_page("vision")
    default = page.prompt_text("vision.approach")
    assert window.open_path(sample)  # a renewal
    renewal = load_template(paths.templates_dir() / "renewal.dealtemplate")
    assert page.prompt_text("vision.approach") == renewal.prompts["vision.approach"]
    # Changing the kind on the deal page changes the words; undo brings them back.
    deal_page = window.show_page("deal")
    combo = deal_page.widget_for(("kind",))
    combo.activated.emit(combo.findData("job_offer"))
    job = load_template(paths.templates_dir() / "job-offer.dealtemplate")
    assert page.prompt_text("vision.approach") == job.prompts["vision.approach"]
    window.doc.undo_stack.undo()
    assert page.prompt_text("vision.approach") == renewal.prompts["vision.approach"]
    assert default  # an empty worksheet has words there too


def test_a_bad_user_template_is_listed_with_its_reason(window):
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "lease.dealtemplate").write_text(
        json.dumps({"format": "deal-worksheet", "version": 1, "template": {"name": "Lease"}}),
        encoding="utf-8",
    )
    (folder / "broken.dealtemplate").write_text('{"format": "deal-worksheet"', encoding="utf-8")
    actions = _actions(window)
    lease = next(a for a in actions if a.text() == "Lease")
    assert lease.isEnabled()
    broken = next(a for a in actions if a.text().startswith("broken.dealtemplate"))
    assert not broken.isEnabled()
    assert "not valid JSON" in broken.toolTip() and "\n" not in broken.toolTip()


def test_a_template_asks_before_replacing_unsaved_work(window, dialogs):
    window.page("deal").widget_for(("title",)).textEdited.emit("Mine")
    window.doc.deal.title = "Mine"
    dialogs.save_changes[:] = ["cancel"]
    template = load_template(BUNDLED[0])
    assert not window.templates.open_template(template)
    assert dialogs.asked_save_changes and window.doc.deal.title == "Mine"


@pytest.fixture
def in_language(qapp):
    from PySide6.QtCore import QLocale

    from worksheet.ui import language

    before = QLocale()

    def use(code: str) -> None:
        assert language.apply_language(qapp, code) == code

    yield use
    language.apply_language(qapp, "en")
    QLocale.setDefault(before)


RENEWAL_DE = {
    "anchors.walk_away": "Der niedrigste Jahrespreis, zu dem Sie verlängern. Darunter ist eine "
    "kleinere Verlängerung oder ihn ziehen zu lassen besser.",
    "intro.deal": "Eine Verlängerung: Sie kennen diesen Kunden, und er weiß, was ihn ein Wechsel "
    "kostet. Notieren Sie das Verlängerungsdatum: Es gibt das Tempo vor.",
}


@pytest.mark.parametrize("code", ["de", "en"])
def test_a_bundled_templates_prompts_speak_the_windows_language(
    make_window, in_language, code, sample
):
    in_language(code)
    renewal = load_template(paths.templates_dir() / "renewal.dealtemplate")
    expected = RENEWAL_DE if code == "de" else {k: renewal.prompts[k] for k in RENEWAL_DE}
    # From the template (the menu entry is translated too) …
    window = make_window(autosave=False)
    window.show()
    entry = "Verlängerung" if code == "de" else "Renewal"
    action = next(a for a in _actions(window) if a.text() == entry)
    assert window.templates.open_template(renewal)
    assert action.toolTip() == (
        i18n._(renewal.description) if code == "de" else renewal.description
    )
    assert code == "en" or action.toolTip() != renewal.description
    for key, text in expected.items():
        section = key.split(".", 1)[1] if key.startswith("intro.") else _page_of(key)
        page = window.show_page(section)
        QApplication.processEvents()
        assert page.prompt_text(key) == text, key
    # … and from a renewal deal opened from a file: the prompts of its kind.
    other = make_window(autosave=False)
    assert other.open_path(sample)
    prices = other.show_page("anchors")
    assert prices.prompt_text("anchors.walk_away") == expected["anchors.walk_away"]
    # The template file stays English.
    assert renewal.prompts["anchors.walk_away"].startswith("The lowest yearly price")


def test_a_user_templates_prompts_show_as_written(make_window, in_language):
    in_language("de")
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "lease.dealtemplate").write_text(
        json.dumps(
            {
                "format": "deal-worksheet",
                "version": 1,
                "template": {"name": "Lease", "description": "Renting an office."},
                "kind": "other",
                "prompts": {"vision.goal": "What lease, for how long?"},
            }
        ),
        encoding="utf-8",
    )
    window = make_window(autosave=False)
    action = next(a for a in _actions(window) if a.text() == "Lease")
    assert action.toolTip() == "Renting an office."
    action.trigger()
    page = window.show_page("vision")
    QApplication.processEvents()
    assert page.prompt_text("vision.goal") == "What lease, for how long?"
