"""Every script on the prep sheet: Arabic joined and in logical order, Devanagari conjuncts,
Hebrew, Hangul and emoji from embedded faces, checked against HarfBuzz and poppler."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import uharfbuzz
from fontTools.ttLib import TTFont

from tests.export.test_pdf_sheet import assert_sound_page, fonts_of
from worksheet import paths
from worksheet.domain.deal import Deal, Listening, Vision
from worksheet.export.pdf import render_pdf
from worksheet.export.pdf import text as pdf_text

ARABIC_WORD = "المفاوضات"
HINDI_WORD = "क्षमता"
KOREAN = "협상 준비"
EMOJI = "😀🤝💰"


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed; .ci/run installs it"
    source = tmp_path / "sheet.pdf"
    source.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(source), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")


STRINGS = (pypdf.generic.TextStringObject, pypdf.generic.ByteStringObject)


def _outline(glyf, name: str) -> tuple:
    """A glyph's flattened outline: what identifies it across the font and its subset."""
    coords, ends, _ = glyf[name].getCoordinates(glyf)
    return tuple(coords), tuple(ends)


def _drawn_outlines(data: bytes, face: str) -> list[tuple]:
    """The outlines of the glyphs drawn with the embedded face `face`, in drawing order."""
    pdf = pypdf.PdfReader(io.BytesIO(data))
    page = pdf.pages[0]
    resources = page["/Resources"]["/Font"]
    subsets: dict[str, tuple] = {}
    for key, ref in resources.items():
        font = ref.get_object()
        if str(font["/BaseFont"]).split("+", 1)[-1] != face:
            continue
        program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        embedded = TTFont(io.BytesIO(program))
        cmap = embedded["cmap"].getcmap(1, 0) or embedded["cmap"].getcmap(3, 0)
        subsets[key] = (embedded["glyf"], cmap.cmap)
    assert subsets, f"{face} is not embedded"
    content = pypdf.generic.ContentStream(page.get_contents(), pdf)
    drawn: list[tuple] = []
    current = None
    for operands, operator in content.operations:
        if operator == b"Tf":
            current = subsets.get(str(operands[0]))
        elif current is not None and operator in (b"Tj", b"TJ"):
            glyf, cmap = current
            strings = operands[0] if operator == b"TJ" else [operands[0]]
            for item in strings:
                if isinstance(
                    item, (pypdf.generic.TextStringObject, pypdf.generic.ByteStringObject)
                ):
                    raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    for code in raw:
                        name = cmap[code]
                        assert name != ".notdef"
                        drawn.append(_outline(glyf, name))
    return drawn


def _harfbuzz_outlines(font_file: str, word: str) -> tuple[list[tuple], list[int]]:
    """HarfBuzz's shaping of `word` with the very font file we ship: outlines and glyph ids."""
    path = paths.fonts_dir() / font_file
    blob = uharfbuzz.Blob(path.read_bytes())
    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    buf = uharfbuzz.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    # The features reportlab asks HarfBuzz for.
    uharfbuzz.shape(font, buf, {"kern": True, "liga": True, "dlig": True})
    gids = [info.codepoint for info in buf.glyph_infos]
    source = TTFont(str(path))
    order = source.getGlyphOrder()
    return [_outline(source["glyf"], order[g]) for g in gids], gids


def _nominal_gids(font_file: str, word: str) -> list[int]:
    source = TTFont(str(paths.fonts_dir() / font_file))
    cmap, order = source.getBestCmap(), source.getGlyphOrder()
    return [order.index(cmap[ord(ch)]) for ch in word]


def test_arabic_is_drawn_joined_exactly_as_harfbuzz_shapes_it(tmp_path: Path) -> None:
    data = render_pdf(Deal(title="Plan", vision=Vision(goal=ARABIC_WORD)), paper="a4")
    assert_sound_page(data)
    expected, gids = _harfbuzz_outlines("NotoSansArabic-Regular.ttf", ARABIC_WORD)
    # HarfBuzz picks joined (initial, medial, final) forms, not the letters' own glyphs.
    assert gids != list(reversed(_nominal_gids("NotoSansArabic-Regular.ttf", ARABIC_WORD)))
    assert _drawn_outlines(data, "NotoSansArabic-Regular") == expected


def test_arabic_copies_out_in_logical_order(tmp_path: Path) -> None:
    sentence = "السعر النهائي للعقد"
    deal = Deal(title="Plan", vision=Vision(goal=sentence, success="لا تنازل بلا مقابل"))
    data = render_pdf(deal, paper="a4")
    extracted = _pdftotext(data, tmp_path)
    assert sentence in extracted
    # The lam-alef ligature (one glyph for two letters) comes out as its two letters.
    assert "لا تنازل بلا مقابل" in extracted


def test_hindi_conjuncts_are_shaped(tmp_path: Path) -> None:
    data = render_pdf(Deal(title="Plan", vision=Vision(goal=HINDI_WORD)), paper="a4")
    assert_sound_page(data)
    expected, gids = _harfbuzz_outlines("NotoSansDevanagari-Regular.ttf", HINDI_WORD)
    # क्ष is one conjunct glyph, so fewer glyphs than characters.
    assert len(gids) < len(HINDI_WORD)
    assert _drawn_outlines(data, "NotoSansDevanagari-Regular") == expected


def test_hebrew_reads_right_to_left_and_copies_in_order(tmp_path: Path) -> None:
    question = "מה המחיר הסופי?"
    data = render_pdf(Deal(title="Plan", listening=Listening(questions=[question])), paper="a4")
    assert_sound_page(data)
    assert "מה המחיר הסופי" in _pdftotext(data, tmp_path)
    expected, _ = _harfbuzz_outlines("NotoSansHebrew-Regular.ttf", "המחיר")
    drawn = _drawn_outlines(data, "NotoSansHebrew-Regular")
    # Words are drawn right to left: the last word first, each one's letters reversed.
    assert drawn[: len(expected)] == _harfbuzz_outlines("NotoSansHebrew-Regular.ttf", "הסופי")[0]


@pytest.mark.parametrize(
    ("text", "face"), [(KOREAN, "DWHangul-Regular"), (EMOJI, "DWEmoji-Regular")]
)
def test_hangul_and_emoji_come_from_an_embedded_face(text: str, face: str, tmp_path: Path) -> None:
    data = render_pdf(Deal(title="Plan", vision=Vision(their_win=text)), paper="a4")
    assert_sound_page(data)
    drawn = _drawn_outlines(data, face)  # asserts no .notdef glyph
    assert len(drawn) == len(text.replace(" ", ""))
    assert all(outline[0] for outline in drawn)  # every glyph has an outline
    assert "".join(text.split()) in "".join(_pdftotext(data, tmp_path).split())


def test_every_script_on_one_page(tmp_path: Path) -> None:
    deal = Deal(
        title="Renewal · Продление · Ανανέωση",
        vision=Vision(
            goal=f"{ARABIC_WORD} 1,250.50 (نهائي)",
            success=f"{HINDI_WORD} और प्रतिनिधि",
            their_win=f"{KOREAN} {EMOJI}",
        ),
        listening=Listening(questions=["מה המחיר הסופי?", "价格谈判准备", "交渉の準備"]),
    )
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    names = {f["base"].split("+", 1)[-1] for f in fonts_of(data)}
    assert {
        "DejaVuSans",
        "NotoSansArabic-Regular",
        "NotoSansHebrew-Regular",
        "NotoSansDevanagari-Regular",
        "DWHangul-Regular",
        "DWEmoji-Regular",
        "DroidSansFallback",
    } <= names
    flat = "".join(_pdftotext(data, tmp_path).split())
    for piece in ("Продление", "Ανανέωση", "价格谈判准备", "협상준비", EMOJI, ARABIC_WORD):
        assert piece in flat


def test_brackets_inside_right_to_left_text_are_mirrored() -> None:
    runs = pdf_text.visual_runs("دولار (شامل) and English")
    drawn = "".join(t for t, _ in runs)
    # Drawn left to right: the English words, then "(شامل)" with its brackets facing it.
    assert drawn.startswith("and English (")
    assert drawn.index("(") < drawn.index("شامل") < drawn.index(")")


def test_shaping_is_only_asked_for_text_that_needs_it() -> None:
    from reportlab.lib.styles import ParagraphStyle

    plain = ParagraphStyle("p")
    assert pdf_text.shaped_style(plain, "Price 价格 Ελληνικά 한국어") is plain
    assert pdf_text.shaped_style(plain, "سعر").shaping == 1
    assert pdf_text.shaped_style(plain, HINDI_WORD).shaping == 1
