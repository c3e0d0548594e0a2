"""Translations: every catalog covers every message, the compiled catalogs are current,
placeholders survive translation, plural forms, the system locale, language number styles,
and the Qt-free outputs (prep sheet) speaking the chosen language."""

from __future__ import annotations

import io
import re
import string
from decimal import Decimal

import pytest

from worksheet import i18n
from worksheet.i18n import __main__ as tool

LANGUAGES = tool.targets()


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def template():
    return tool.extract_template()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_of_the_code_is_translated(code: str, template) -> None:
    # Run `python -m worksheet.i18n all` after adding words; it lists what is missing.
    assert tool.untranslated(code, template) == []


def test_the_extraction_finds_marked_calls_and_declared_page_words(template) -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    assert "Set your walk-away price to see where a deal can happen." in ids  # _() / N_()
    assert "The package ({count} concession) is worth {worth} to them." in ids  # ngettext
    assert "Where we want to end up" in ids  # a form word of present/forms.py (N_)
    assert (
        "Before the numbers, decide what a good outcome looks like — for you and for them." in ids
    )
    assert "Ask in return" in ids  # a table column title, also in present/forms.py


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogs_are_those_of_the_po_files(code: str) -> None:
    from babel.messages.mofile import write_mo

    catalog = tool._read(tool.po_path(code), code)
    fresh = io.BytesIO()
    write_mo(fresh, catalog, use_fuzzy=False)
    assert tool.mo_path(code).read_bytes() == fresh.getvalue(), (
        "the .mo is stale: run python -m worksheet.i18n compile"
    )


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_the_placeholders_and_markup(code: str) -> None:
    catalog = tool._read(tool.po_path(code), code)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = _fields(ids[-1])
        # Every form uses only the English placeholders; a single sentence uses them all, and
        # so does a counted sentence's general form (others may say "one" or "two" in words).
        assert _fields(strings[-1]) == wanted, (message.id, strings[-1])
        for text in strings:
            assert _fields(text) <= wanted, (message.id, text)
            assert re.findall(r"</?b>", text) == re.findall(r"</?b>", ids[0]), (message.id, text)
            assert text.count("&") == ids[0].count("&"), (message.id, text)  # menu accelerators


def test_plural_forms_follow_each_language() -> None:
    one, many = (
        "The package ({count} concession) is worth {worth} to them.",
        "The package ({count} concessions) is worth {worth} to them.",
    )
    i18n.set_language("de")
    assert "Zugeständnis)" in i18n.ngettext(one, many, 1)
    assert "Zugeständnisse)" in i18n.ngettext(one, many, 3)
    i18n.set_language("ar")
    forms = {n: i18n.ngettext(one, many, n) for n in (1, 2, 3, 11, 100)}
    assert len(set(forms.values())) == 5  # one, two, few, many, other: five different words
    i18n.set_language("en")
    assert i18n.ngettext(one, many, 1).startswith("The package (1") is False  # still a template


def test_words_tables_answer_in_the_language_of_the_moment() -> None:
    from worksheet.present.words import KINDS, kind_word, readiness_word

    i18n.set_language("de")
    assert kind_word("sale") == "Verkauf" and KINDS["renewal"] == "Verlängerung"
    assert readiness_word("walk_away") == "Schmerzgrenze festgelegt"
    i18n.set_language("es")
    assert kind_word("sale") == "Venta"
    i18n.set_language("en")
    assert kind_word("sale") == "Sale"
    assert kind_word("nonsense") == "Negotiation"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LC_ALL": "ar_EG.UTF-8", "LANG": "de_DE.UTF-8"}, "ar"),
        ({"LANGUAGE": "fr:es", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_locale_picks_the_language(environ: dict, expected: str) -> None:
    assert i18n.system_language(environ) == expected


def test_numbers_in_each_language_style() -> None:
    from worksheet.present.numbers import format_money, language_separators

    amount = Decimal("1234.5")
    assert format_money(amount, "EUR", seps=language_separators("de")) == "1.234,50\u00a0€"
    assert format_money(amount, "EUR", seps=language_separators("es")) == "1234,50\u00a0€"
    assert format_money(Decimal(12345), "EUR", seps=language_separators("es")) == "12.345\u00a0€"
    assert format_money(amount, "USD", seps=language_separators("ar")) == "١٬٢٣٤٫٥٠\u00a0$"
    assert format_money(amount, "USD", seps=language_separators("en")) == "$1,234.50"


def test_a_sentence_is_whole_in_every_language() -> None:
    from tests.conftest import SAMPLES
    from worksheet.domain.summary import summarize
    from worksheet.io import load
    from worksheet.present.numbers import language_separators
    from worksheet.present.sentences import status_sentence

    deal = load(SAMPLES / "software-renewal.deal")
    summary = summarize(deal)
    i18n.set_language("de")
    german = status_sentence(summary, deal.currency, language_separators("de"))
    assert german.startswith("Eine Einigung ist möglich") and "114.900\u00a0$" in german
    assert "{" not in german


def test_the_prep_sheet_speaks_the_language(tmp_path) -> None:
    from tests.conftest import SAMPLES
    from tests.export.test_pdf_scripts import _pdftotext
    from tests.export.test_pdf_sheet import assert_sound_page, squash
    from worksheet.export.pdf import render_pdf
    from worksheet.io import load

    deal = load(SAMPLES / "software-renewal.deal")
    for code, words in (
        ("de", ("VORBEREITUNGSBLATT", "Unsere Zahlen", "Schmerzgrenze", "104.000\u00a0$")),
        ("es", ("HOJADEPREPARACIÓN", "Nuestrascifras", "Preciolímite", "104.000\u00a0$")),
        ("ar", ("أرقامنا", "حد الانسحاب", "١٠٤٬٠٠٠")),
    ):
        i18n.set_language(code)
        data = render_pdf(deal, paper="a4")
        assert_sound_page(data)
        flat = squash(_pdftotext(data, tmp_path))  # poppler copies Arabic in logical order
        for word in words:
            assert squash(word) in flat, (code, word)


def test_no_module_that_translates_rebinds_the_gettext_underscore() -> None:
    """`for _, x in …` inside a function that also calls `_()` makes `_` local to the whole
    function, and the translation call fails at run time; modules that import gettext's `_`
    use real names for throwaway values."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "worksheet"
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_underscore = any(
            isinstance(node, ast.ImportFrom) and any("_" in (a.name, a.asname) for a in node.names)
            for node in ast.walk(tree)
        )
        if not imports_underscore:
            continue
        found += [
            f"{path.relative_to(root.parent)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
        ]
    assert not found, found
