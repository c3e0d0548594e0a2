"""The words of the eight original pages come from `worksheet/present/forms.py`: every caption,
prompt, example, heading, intro, table word and column title the page shows is the one present
decides for its field, in the language of the moment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from worksheet import i18n
from worksheet.i18n import _
from worksheet.present import forms
from worksheet.ui.document import DealDocument
from worksheet.ui.models.base import ListTableModel
from worksheet.ui.pages import SECTIONS, page_class
from worksheet.ui.pages.table import TableView

FORM_PAGES = (
    "deal",
    "vision",
    "anchors",
    "concessions",
    "fallbacks",
    "listening",
    "offers",
    "notes",
)


@pytest.fixture(params=["en", "de"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def _build(qtbot, key: str):
    page = page_class(key)(DealDocument())
    qtbot.addWidget(page)
    return page


def test_the_eight_pages_are_the_ones_present_describes() -> None:
    keys = [key for key, *_rest in SECTIONS]
    assert set(FORM_PAGES) <= set(keys)
    assert set(forms.PAGES) == set(FORM_PAGES)
    # The sidebar names every page by present's word.
    assert [title for _k, title, *_rest in SECTIONS] == [forms.SIDEBAR[k] for k in keys]


@pytest.mark.parametrize("key", FORM_PAGES)
def test_each_page_shows_present_s_words_for_its_fields(qtbot, language, key: str) -> None:
    page = _build(qtbot, key)
    words = forms.page(key)
    labels = [w.text() for w in page.findChildren(QLabel)]
    assert _(words.title) in labels
    assert page._prompts[f"intro.{key}"][1] == _(words.intro)
    for (page_key, _name), part in forms.PARTS.items():
        if page_key == key:
            assert _(part.title) in labels
            if part.intro:
                assert _(part.intro) in labels

    bound = [path for path in page._bindings if path in forms.FIELDS]
    # Every field the page binds has its words in present, and nothing else is bound.
    assert bound == list(page._bindings)
    expected_captions = set()
    for path in bound:
        field = forms.FIELDS[path]
        widget = page.widget_for(path)
        assert widget.accessibleName() == _(field.caption), path
        dotted = ".".join(path)
        if field.prompt:
            label, default = page._prompts[dotted]
            assert default == _(field.prompt), path
            assert label.text() == _(field.prompt) and not label.isHidden(), path
            assert widget.accessibleDescription() == _(field.prompt), path
        else:
            assert dotted not in page._prompts or not page._prompts[dotted][1]
        if f"example.{dotted}" in page._examples:
            shown = page._examples[f"example.{dotted}"][0].placeholderText()
            assert shown == _(field.example), path
        expected_captions.add(_(field.caption))
    # The captions beside the fields are exactly those words (the notes page has none).
    captions = {c.text() for c in page._captions}
    assert captions <= expected_captions
    if key != "notes":
        assert captions == expected_captions


@pytest.mark.parametrize("key", ["concessions", "fallbacks", "listening", "offers"])
def test_each_table_shows_present_s_titles_help_and_placeholder(qtbot, language, key) -> None:
    page = _build(qtbot, key)
    views = page.findChildren(TableView)
    assert views
    labels = {w.text() for w in page.findChildren(QLabel)}
    for view in views:
        model = view.model()
        assert isinstance(model, ListTableModel)
        table = forms.TABLES[tuple(model.LIST_PATH)]
        assert view.placeholder_text == _(table.placeholder)
        if table.title:
            assert _(table.title) in labels
            assert _(table.prompt) in labels
        for index, column in enumerate(model.COLUMNS):
            words = forms.COLUMNS[(tuple(model.LIST_PATH), column.key)]
            header = model.headerData(index, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            assert header == _(words.title)
            tip = model.headerData(index, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if words.help:
                assert _(words.help) in tip
        # Every column present names for this table is shown.
        shown = {(tuple(model.LIST_PATH), c.key) for c in model.COLUMNS}
        assert shown == {k for k in forms.COLUMNS if k[0] == tuple(model.LIST_PATH)}


def test_a_german_page_is_german_and_an_english_one_english(qtbot) -> None:
    # The lookups happen at show time: the same table gives each language its words.
    english = _build(qtbot, "anchors")
    i18n.set_language("de")
    try:
        german = _build(qtbot, "anchors")
    finally:
        i18n.set_language("en")
    path = ("anchors", "walk_away")
    prompt = forms.field(*path).prompt
    assert english._prompts["anchors.walk_away"][1] == prompt
    assert german._prompts["anchors.walk_away"][1] not in ("", prompt)


def test_no_page_or_model_of_the_eight_declares_its_own_words() -> None:
    # The extractor's reading of declarative words (TITLE, INTRO, helper and Column arguments)
    # finds none left in these modules: their words are all in present/forms.py.
    from worksheet.i18n.__main__ import PACKAGE, declared_ui_words

    modules = {f"worksheet/ui/pages/{key}.py" for key in FORM_PAGES} | {
        f"worksheet/ui/models/{name}.py"
        for name in ("concessions", "fallbacks", "interests", "objections", "offers", "questions")
    }
    left = [(m, f, n) for m, f, n in declared_ui_words(PACKAGE) if f in modules]
    assert left == []
    # The same reading does find words where they are still declared in a page (the check
    # looks at the right files).
    assert any(f == "worksheet/ui/pages/packages.py" for _m, f, _n in declared_ui_words(PACKAGE))
