"""Text helpers of the PDF sheet: cleaning, escaping, font runs and right-to-left order."""

from __future__ import annotations

import re

from worksheet.export.pdf.text import (
    ARABIC,
    EMOJI,
    FALLBACK,
    HANGUL,
    HEBREW,
    REGULAR,
    cap,
    clean,
    font_runs,
    markup,
    visual_runs,
)


def visual(line: str) -> list[str]:
    """The drawn runs' texts, left to right."""
    return [text for text, _ in visual_runs(line)]


def test_markup_escapes_reportlab_tags_and_entities() -> None:
    out = markup('<b>x</b> <img src="a.png"/> &amp; & <para>')
    assert "<b>" not in out and "<img" not in out and "<para>" not in out
    assert out == ('&lt;b&gt;x&lt;/b&gt; &lt;img src="a.png"/&gt; &amp;amp; &amp; &lt;para&gt;')


def test_markup_turns_line_breaks_into_br_and_nothing_else() -> None:
    assert markup("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"


def test_cjk_runs_use_the_fallback_font() -> None:
    runs = font_runs("Price 价格 – 日本")
    assert runs == [("Price ", REGULAR), ("价格 ", FALLBACK), ("– ", REGULAR), ("日本", FALLBACK)]
    out = markup("a 价格")
    assert out == f'a <font name="{FALLBACK}">价格</font>'


def test_spaces_between_cjk_stay_in_the_cjk_run() -> None:
    assert font_runs("中文 日本") == [("中文 日本", FALLBACK)]


def test_latin_greek_cyrillic_polish_stay_in_dejavu() -> None:
    text = "zażółć gęślą jaźń Ελληνικά Кириллица €£₹"
    assert font_runs(text) == [(text, REGULAR)]


def test_clean_drops_controls_and_lone_surrogates() -> None:
    assert clean("a\x00b\x07c\td\ud800e\r\nf") == "abc d\ufffde\nf"


def test_clean_composes_accents() -> None:
    assert clean("z\u0307") == "ż"


def test_cap_cuts_long_text_at_a_space_and_says_so() -> None:
    text = "word " * 3000
    short, cut = cap(text, 1000)
    assert cut and len(short) <= 1002 and short.endswith(" …")
    assert cap("short", 1000) == ("short", False)


def test_rtl_words_are_laid_out_right_to_left_each_kept_for_harfbuzz() -> None:
    # Each word stays in logical order (HarfBuzz draws its letters right to left); the words
    # themselves and the number between them are placed by python-bidi.
    assert visual_runs("שלום") == [("שלום", HEBREW)]
    assert visual("מחיר 1,250") == ["1,250 ", "מחיר"]
    assert "".join(visual("שלום עולם")) == "עולם שלום"


def test_rtl_inside_ltr_keeps_the_ltr_words_in_place() -> None:
    assert visual_runs("Call שלום today") == [
        ("Call ", REGULAR),
        ("שלום", HEBREW),
        (" today", REGULAR),
    ]


def test_ltr_text_is_untouched() -> None:
    text = "Net-60 (payment) terms [2027] 1,250.50"
    assert visual(text) == [text]


def test_arabic_digits_and_punctuation_stay_in_the_arabic_face() -> None:
    # A shaped word must come from one face; the Arabic comma and digits are in it.
    assert font_runs("السعر، 2027") == [("السعر، 2027", ARABIC)]


def test_characters_no_font_has_become_a_visible_mark() -> None:
    # A private-use character is in none of the faces.
    assert font_runs("a\ue123b") == [("a\ufffdb", REGULAR)]
    # An invisible bidi isolate that no font draws is simply left out.
    assert font_runs("a\u2066b") == [("ab", REGULAR)]


def test_hangul_and_emoji_have_their_own_faces() -> None:
    assert font_runs("a한b") == [("a", REGULAR), ("한", HANGUL), ("b", REGULAR)]
    # Variation selectors and skin tones have nothing to draw in outline.
    assert font_runs("ok 😀\ufe0f👍🏽!") == [("ok ", REGULAR), ("😀👍", EMOJI), ("!", REGULAR)]


def test_long_rtl_line_is_broken_so_it_reads_top_down() -> None:
    words = ["אחד", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"] * 2
    lines = markup(" ".join(words)).split("<br/>")
    assert len(lines) > 1
    # The first printed line holds the first words, the first one drawn rightmost.
    lines = [re.sub("<[^>]+>", "", line) for line in lines]
    assert lines[0].split(" ")[-1] == words[0]
    assert all(len(line) <= 40 for line in lines)
    # Left-to-right text of the same length is left to reportlab's own wrapping.
    assert "<br/>" not in markup("word " * 30)
