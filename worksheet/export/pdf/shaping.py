"""Complex scripts on the prep sheet: bidi order from python-bidi, shaping through reportlab.

reportlab 5 shapes text with HarfBuzz (`uharfbuzz`) when a paragraph style asks for it
(`shaping=1`) or `drawString(..., shaping=True)`; every TrueType font is `shapable`. Three
things are left to us, and this module does them:

* **Order.** reportlab's own right-to-left support needs `rlbidi`, which is not published;
  the Unicode bidi algorithm comes from python-bidi instead (its reference implementation in
  `bidi.algorithm`, whose per-character levels we read). A line becomes *pieces* in visual
  order; a right-to-left piece keeps its words in logical order (HarfBuzz lays each one out
  right to left itself), only the order of the words is reversed.
* **One font per shaped word.** reportlab shapes a word with the font of its first fragment
  even when the word changes font half way (an Arabic word in parentheses from DejaVu): the
  wrapper below shapes each single-font part on its own.
* **Copyable text.** A shaped glyph with no character of its own (an Arabic joined form, a
  Devanagari conjunct) gets a private-use code from reportlab, so copying it out of the PDF
  gave private-use characters; the text of the glyph's cluster is remembered and written into
  the font's ToUnicode map instead (poppler's reading of it is the reference: it copies
  right-to-left text in logical order). Characters beyond the BMP (emoji) are written there as
  UTF-16 pairs (reportlab writes them as invalid five-digit codes).
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Characters that only read right when shaped (joining, reordering, marks) or are RTL.
_COMPLEX = "[\u0590-\u08ff\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff\ufb1d-\ufdff\ufe70-\ufeff]"
#: Letters and marks that shaping changes; digits of the Arabic script (which HarfBuzz would
#: lay out right to left, as it guesses the direction from the script) are not among them.
_LETTERS = (
    "[\u0590-\u065f\u066a\u066d-\u06ef\u06fa-\u08ff\u0900-\u097f\ua8e0-\ua8ff"
    "\u1cd0-\u1cff\ufb1d-\ufdff\ufe70-\ufeff]"
)
#: Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their forms).
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    # Compiled on first use: a sheet in Latin letters only never needs the last two.
    return re.compile(source)


def _has_letters(text: str) -> bool:
    return _pattern(_LETTERS).search(text) is not None


_PRIVATE = range(0xE000, 0xF900)
_PRESENTATION = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))

_installed: list[bool] = []


def needs_shaping(text: str) -> bool:
    return _pattern(_COMPLEX).search(text) is not None


def has_rtl(text: str) -> bool:
    return _pattern(_RTL).search(text) is not None


# --- order -------------------------------------------------------------------------------


def visual_pieces(line: str, base: int | None = None) -> list[tuple[str, bool]]:
    """`line` as (text, right_to_left) pieces in visual (left-to-right drawing) order.

    The levels come from python-bidi; a right-to-left piece is a run of logical text that is
    drawn reversed, which `visual_words` and HarfBuzz do word by word. `base` 1 lays the line
    out as right-to-left text whatever it starts with (a sheet in Arabic); None lets the
    line's first strong character decide.
    """
    return [(line[low:high], rtl) for low, high, rtl in visual_spans(line, base)]


def visual_spans(line: str, base: int | None = None) -> list[tuple[int, int, bool]]:
    """`visual_pieces` as (start, end, right_to_left) slices of `line`."""
    if not has_rtl(line):
        return [(0, len(line), False)] if line else []
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    level = uba.get_base_level(line) if base is None else base
    storage["base_level"] = level
    storage["base_dir"] = ("L", "R")[level]
    uba.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    pieces: list[tuple[list[int], bool]] = []
    for char in storage["chars"]:
        index, rtl = char["index"], char["level"] % 2 == 1
        if pieces and pieces[-1][1] == rtl:
            last = pieces[-1][0][-1]
            if index == (last - 1 if rtl else last + 1):
                pieces[-1][0].append(index)
                continue
        pieces.append(([index], rtl))
    return [(min(indices), max(indices) + 1, rtl) for indices, rtl in pieces]


def mirrored(text: str) -> str:
    """Neutral characters drawn inside right-to-left text: reversed, brackets mirrored (rule
    L4, with python-bidi's table of mirrored characters)."""
    from bidi.mirror import MIRRORED

    return "".join(MIRRORED.get(ch, ch) for ch in reversed(text))


def visual_words(text: str) -> list[str]:
    """The words (and the spaces between) of a right-to-left piece, in visual order."""
    return list(reversed(re.split("( +)", text)))


# --- shaping -----------------------------------------------------------------------------


def install() -> None:
    """Put the per-font shaping wrapper and the ToUnicode writer in place, once."""
    if _installed:
        return
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    original = ttfonts.shapeFragWord

    def shape_frag_word(word, *args, **kwargs):
        return _shape_by_font(original, word, *args, **kwargs)

    ttfonts.shapeFragWord = shape_frag_word
    paragraph.shapeFragWord = shape_frag_word
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    _installed.append(True)


def _shape_by_font(original, word, *args, **kwargs):
    from reportlab.pdfbase.ttfonts import ShapedStr

    parts = word[1:]
    if any(isinstance(text, ShapedStr) for _, text in parts):
        return word  # shaped already (a split paragraph's words come back this way)
    if not parts or any(hasattr(frag, "cbDefn") for frag, _ in parts):
        return original(word, *args, **kwargs)
    groups: list[list] = []
    for frag, text in parts:
        if groups and groups[-1][0][0].fontName == frag.fontName:
            groups[-1].append((frag, text))
        else:
            groups.append([(frag, text)])
    if not _has_letters("".join(text for _, text in parts)):
        return word  # digits and punctuation only: drawn as they are, left to right
    if len(groups) == 1:
        shaped = original(word, *args, **kwargs)
        _note(shaped, "".join(t for _, t in parts))
        return shaped
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord

    width = 0.0
    items: list = []
    changed = False
    for group in groups:
        sub_width = sum(stringWidth(t, f.fontName, f.fontSize) for f, t in group)
        if not _has_letters("".join(t for _, t in group)):
            width += sub_width
            items.extend(group)
            continue
        shaped = original([sub_width, *group], *args, **kwargs)
        if isinstance(shaped, ShapedFragWord):
            changed = True
            _note(shaped, "".join(t for _, t in group))
        width += shaped[0]
        items.extend(shaped[1:])
    if not changed:
        return word
    return makeShapedFragWord(word)([width, *items])


def _note(shaped, text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import ShapedFragWord

    if isinstance(shaped, ShapedFragWord):
        for frag, piece in shaped[1:]:
            remember(getFont(frag.fontName), text, piece)


def _actual_text(font) -> dict[int, str]:
    try:
        return font._sheet_actual
    except AttributeError:
        font._sheet_actual = {}
        return font._sheet_actual


def shape(text: str, font_name: str, size: float):
    """`text` (one word in one font, logical order) shaped: (drawable string, width)."""
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr, uharfbuzz

    install()
    font = getFont(font_name)
    if uharfbuzz is None or not getattr(font, "shapable", False) or not _has_letters(text):
        return text, stringWidth(text, font_name, size)
    shaped = shapeStr(text, font_name, size)
    remember(font, text, shaped)
    if isinstance(shaped, ShapedStr):
        return shaped, sum(sd.x_advance for sd in shaped.__shapeData__) * size / 1000
    return shaped, stringWidth(shaped, font_name, size)


def remember(font, text: str, shaped) -> None:
    """Note the cluster text of every private-use glyph of `shaped` (shaped from `text`)."""
    data = getattr(shaped, "__shapeData__", None)
    if not data:
        return
    actual = _actual_text(font)
    clusters = sorted({sd.cluster for sd in data if sd.cluster >= 0})
    ends = {
        c: (clusters[i + 1] if i + 1 < len(clusters) else len(text)) for i, c in enumerate(clusters)
    }
    seen: set[int] = set()
    for char, sd in zip(shaped, data, strict=False):
        code = ord(char)
        if code not in _PRIVATE:
            seen.add(sd.cluster)
            continue
        piece = text[sd.cluster : ends.get(sd.cluster, len(text))]
        if sd.cluster in seen:
            piece = ""
        seen.add(sd.cluster)
        if piece and not actual.get(code):
            # Viewers copy right-to-left text by reversing it character by character, the
            # letters of one joined glyph included; stored drawn-order, they come out right.
            actual[code] = piece[::-1] if has_rtl(piece) else piece


# --- ToUnicode -----------------------------------------------------------------------------

#: Set by SheetFont.addObjects while reportlab writes that font's ToUnicode maps.
writing: list = []


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def _glyph_text(code: int, actual: dict[int, str]) -> str:
    text = actual.get(code)
    if text:
        return text
    if any(code in r for r in _PRESENTATION):
        letters = unicodedata.normalize("NFKC", chr(code))  # a ligature: its letters
        return letters[::-1] if has_rtl(letters) else letters  # drawn order (see remember)
    return chr(code)


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with cluster texts and UTF-16 pairs (see the module doc)."""
    actual = getattr(writing[-1], "_sheet_actual", {}) if writing else {}
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(_glyph_text(v, actual))}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)
