"""Text for the PDF prep sheet: embedded fonts for every script, font runs, bidi, safe markup."""

from __future__ import annotations

import re
import unicodedata

from worksheet import paths
from worksheet.export.pdf import shaping

REGULAR = "DWSans"
BOLD = "DWSans-Bold"
FALLBACK = "DWFallback"  # CJK ideographs and kana
ARABIC = "DWArabic"
ARABIC_BOLD = "DWArabic-Bold"
HEBREW = "DWHebrew"
HEBREW_BOLD = "DWHebrew-Bold"
DEVANAGARI = "DWDevanagari"
DEVANAGARI_BOLD = "DWDevanagari-Bold"
HANGUL = "DWHangul"
EMOJI = "DWEmoji"

#: Our font names → the files shipped in resources/fonts (with their licences beside them).
FONT_FILES: dict[str, str] = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    HEBREW_BOLD: "NotoSansHebrew-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
    HANGUL: "DWHangul-Regular.ttf",
    EMOJI: "DWEmoji-Regular.ttf",
}
#: The bold face of each regular one (a face without bold is its own bold).
BOLD_OF: dict[str, str] = {
    REGULAR: BOLD,
    ARABIC: ARABIC_BOLD,
    HEBREW: HEBREW_BOLD,
    DEVANAGARI: DEVANAGARI_BOLD,
}
#: Scripts whose letters come from their own face even where DejaVu has a glyph: DejaVu's
#: Arabic and Hebrew lack the joining and mark positioning that shaping needs.
SCRIPT_FACES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, HEBREW),
    (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x1F000, 0x1FAFF, EMOJI),  # DejaVu has a few emoji, in another style than the rest
)
#: Where a character no script face claims is looked for, after the main face.
FALLBACKS = (FALLBACK, HANGUL, EMOJI)

#: Fields longer than this cannot fit on the page even at the smallest type, so they are cut
#: before any measuring: it keeps a 20,000-character field from being wrapped six times.
TEXT_CAP = 5000

#: The sheet being drawn reads right to left (its language is Arabic): paragraphs are laid
#: out by `rtl_paragraph` as a whole, lines start at the right.
_direction = {"rtl": False}

_fonts: dict[str, object] = {}
_cmaps: dict[str, dict[int, int]] = {}
_main_cmap: dict[int, int] = {}
#: The characters below the script faces' ranges that DejaVu draws, as a set of str.
_main_chars: set[str] = set()


def _register(name: str) -> None:
    if name in _fonts:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from worksheet.export.pdf.fontcache import load_font

    path = paths.fonts_dir() / FONT_FILES[name]
    try:
        font = load_font(name, path)
    except (OSError, TTFError) as exc:
        raise OSError(
            f"the PDF font {path.name} is missing or unreadable in {path.parent}"
        ) from exc
    pdfmetrics.registerFont(font)
    _fonts[name] = font
    # <b> inside a paragraph must map to our own faces, never to a standard-14 font.
    regular = next((r for r, b in BOLD_OF.items() if name in (r, b)), name)
    bold = BOLD_OF.get(regular, regular)
    if bold != regular and bold != name:
        _register(bold)
    for face in {regular, bold, name}:
        for italic in (0, 1):
            addMapping(face, 0, italic, regular)
            addMapping(face, 1, italic, bold)


def register_fonts() -> None:
    """Register the Latin/Greek/Cyrillic faces; the others load when a text needs them."""
    _register(REGULAR)
    _register(BOLD)
    shaping.install()
    if not _main_cmap:
        _main_cmap.update(_fonts[REGULAR].face.charToGlyph)  # type: ignore[attr-defined]
        _main_chars.update(chr(c) for c in _main_cmap if c < 0x0590)


def _has(name: str, code: int) -> bool:
    cmap = _cmaps.get(name)
    if cmap is None:
        _register(name)
        cmap = _cmaps[name] = dict(_fonts[name].face.charToGlyph)  # type: ignore[attr-defined]
    return code in cmap


def _script_face(code: int) -> str | None:
    if code < 0x0590:
        return None
    for low, high, name in SCRIPT_FACES:
        if low <= code <= high:
            return name
    return None


def _fallback_has(code: int) -> bool:
    return _has(FALLBACK, code)


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, so user text can never open a tag in Paragraph markup.

    Written here rather than taken from xml.sax.saxutils, whose import pulls in urllib and
    http at every export's start-up (docs/benchmarks.md).
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def clean(text: str) -> str:
    """Make any user string printable: lone surrogates, control characters and CRs go."""
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co")
    )
    return unicodedata.normalize("NFC", text)


def cap(text: str, limit: int = TEXT_CAP) -> tuple[str, bool]:
    """Cut `text` to `limit` characters at a space when one is near; say whether it was cut."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind(" ", limit - 80, limit)
    return text[: cut if cut > 0 else limit].rstrip() + " …", True


def font_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """Split text (in logical order) into (run, font name) by which face draws each character.

    Arabic, Hebrew and Devanagari letters take their own face, and the digits, spaces and
    punctuation around them stay in it when it has them (a shaped word then needs one font);
    the rest comes from DejaVu, else CJK, Hangul or emoji; a character no face has becomes a
    visible replacement mark, where an empty glyph would silently hide it.
    """
    register_fonts()
    if not text:
        return []
    if _main_chars.issuperset(text):
        return [(text, font)]  # DejaVu draws it all (most texts): no per-character work
    bold = font == BOLD
    runs: list[tuple[str, str]] = []
    current = font
    for ch in text:
        code = ord(ch)
        script = _script_face(code)
        if script is not None:
            name = BOLD_OF.get(script, script) if bold else script
            if not _has(name, code):
                name = font if code in _main_cmap else "\ufffd"
        elif current != font and current != FALLBACK and _sticks(ch) and _has(current, code):
            name = current  # punctuation and digits around a shaped word stay in its face
        elif ch.isspace() and current != font and _has(current, code):
            name = current  # a space between CJK (or Arabic…) words stays in their run
        elif code in _main_cmap:
            name = font
        else:
            name = next((f for f in FALLBACKS if _has(f, code)), "\ufffd")
        if 0x1F3FB <= code <= 0x1F3FF or 0xFE00 <= code <= 0xFE0F:
            continue  # skin tones and emoji/text selectors: nothing to draw in outline
        if name == "\ufffd":
            if unicodedata.category(ch) in ("Cf", "Mn") and not ch.isalnum():
                continue  # invisible formatting, variation selectors: nothing to draw
            ch, name = "\ufffd", font
        if runs and runs[-1][1] == name:
            runs[-1] = (runs[-1][0] + ch, name)
        else:
            runs.append((ch, name))
        current = name
    return runs


def _sticks(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("EN", "ES", "ET", "CS", "ON", "NSM", "AN", "WS")


def visual_runs(line: str, font: str = REGULAR, base: int | None = None) -> list[tuple[str, str]]:
    """One line as (text, font) runs in drawing order (left to right), bidi by python-bidi.

    Right-to-left words stay in logical order inside a run: HarfBuzz shapes each one and
    lays its glyphs out right to left. Neutral characters between them are mirrored here.
    """
    out: list[tuple[str, str]] = []
    for piece, rtl in shaping.visual_pieces(line, base):
        if not rtl:
            out.extend(font_runs(piece, font))
            continue
        for word in shaping.visual_words(piece):
            if not word:
                continue
            for text, name in reversed(font_runs(word, font)):
                out.append((text if shaping.has_rtl(text) else shaping.mirrored(text), name))
    merged: list[tuple[str, str]] = []
    for text, name in out:
        if merged and merged[-1][1] == name:
            merged[-1] = (merged[-1][0] + text, name)
        else:
            merged.append((text, name))
    return merged


def shaped_style(style, text: str):
    """`style`, or its twin that shapes with HarfBuzz when `text` has a script that needs it.

    Shaping costs a HarfBuzz call per word, so Latin, Greek, Cyrillic and CJK text, which
    reads the same without, is laid out the plain way.
    """
    if not shaping.needs_shaping(text):
        return style
    twin = getattr(style, "_sheet_shaped", None)
    if twin is None:
        from reportlab.lib.styles import ParagraphStyle

        twin = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
        style._sheet_shaped = twin
    return twin


#: reportlab wraps the visual (reordered) string from the left, which would put the start of
#: a long right-to-left line on its last printed line. Such lines are therefore broken into
#: chunks short enough to fit one printed line before reordering, so they read top-down.
RTL_CHUNK = 40
#: The first chunk is shorter: it often shares its printed line with a bold label.
RTL_FIRST_CHUNK = 22


def _is_rtl(line: str) -> bool:
    if not shaping.has_rtl(line):
        return False  # most lines: no need to load python-bidi
    from bidi import get_base_level

    return get_base_level(line) == 1


def _rtl_chunks(line: str) -> list[str]:
    chunks: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        limit = RTL_CHUNK if chunks else RTL_FIRST_CHUNK
        if current and len(candidate) > limit:
            chunks.append(current)
            current = word
        else:
            current = candidate
    chunks.append(current)
    return chunks


def set_right_to_left(rtl: bool) -> None:
    _direction["rtl"] = rtl


def right_to_left() -> bool:
    return _direction["rtl"]


def markup(text: str, *, font: str = REGULAR) -> str:
    """User text as safe Paragraph markup: escaped, in bidi order, with a font run per script.

    Pass the result through `shaped_style` to pick the paragraph's style. On a right-to-left
    sheet the text stays in logical order: `rtl_paragraph` orders the whole paragraph, labels
    and user text together.
    """
    if _direction["rtl"]:
        return "<br/>".join(escape(line) for line in clean(text).split("\n"))
    lines: list[str] = []
    for line in clean(text).split("\n"):
        lines.extend(_rtl_chunks(line) if len(line) > RTL_CHUNK and _is_rtl(line) else [line])
    out: list[str] = []
    for line in lines:
        parts: list[str] = []
        for run, name in visual_runs(line, font):
            safe = escape(run)
            parts.append(safe if name == font else f'<font name="{name}">{safe}</font>')
        out.append("".join(parts))
    return "<br/>".join(out)


def _pieces(text: str, font: str, size: float) -> list[tuple[object, str, float]]:
    """(drawable text, font, width) in drawing order; shaped words come from HarfBuzz."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[tuple[object, str, float]] = []
    for run, name in visual_runs(text, font, base=1 if _direction["rtl"] else None):
        if not shaping.needs_shaping(run):
            out.append((run, name, stringWidth(run, name, size)))
            continue
        for word in run.split(" "):
            if word:
                shaped, width = shaping.shape(word, name, size)
                out.append((shaped, name, width))
            out.append((" ", name, stringWidth(" ", name, size)))
        out.pop()  # the space after the last word
    return out


def text_width(text: str, font: str, size: float) -> float:
    return sum(width for _, _, width in _pieces(text, font, size))


def draw_text(
    canvas, x: float, y: float, text: str, font: str, size: float, *, align: str = "left"
) -> float:
    """Draw one line on the canvas with font fallback, bidi and shaping; returns its width."""
    pieces = _pieces(clean(text).replace("\n", " "), font, size)
    width = sum(w for _, _, w in pieces)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for drawable, name, piece_width in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, drawable)
        x += piece_width
    return width


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, cut with an ellipsis so it is no wider than `width`."""
    text = clean(text).replace("\n", " ")
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, min(len(text), 400)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid].rstrip() + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def Paragraph(text: str, style, **kwargs):
    """reportlab's Paragraph with the style `shaped_style` picks for this text (and on a
    right-to-left sheet, laid out by `rtl_paragraph` and set flush right)."""
    from reportlab.platypus import Paragraph as Made

    if _direction["rtl"]:
        text = rtl_paragraph(text)
        style = right_aligned(style)
    return Made(text, shaped_style(style, text), **kwargs)


def right_aligned(style):
    """`style` set flush right, with its indents on the right (made once per style)."""
    twin = getattr(style, "_sheet_right", None)
    if twin is None:
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        twin = ParagraphStyle(
            f"{style.name}-rtl",
            parent=style,
            alignment=TA_RIGHT,
            leftIndent=style.rightIndent,
            rightIndent=style.leftIndent,
        )
        style._sheet_right = twin
    return twin


# --- a right-to-left sheet: whole paragraphs (our words and the user's) in bidi order

_TOKEN = re.compile(r"(<[^>]+>|&(?:amp|lt|gt|quot);)")
_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def _tag_name(tag: str) -> str:
    return tag.strip("</>").split()[0] if tag.strip("</>") else ""


def rtl_paragraph(marked: str, font: str = REGULAR) -> str:
    """Paragraph markup in logical order → the same, laid out right to left: every line (and
    long lines in chunks, so they read top-down) in python-bidi's visual order with base
    direction right to left, the bold and colour tags kept on their characters, and the
    font runs of every script."""
    lines: list[list[tuple[str, tuple[str, ...]]]] = [[]]
    stack: list[str] = []
    for token in _TOKEN.split(marked):
        if not token:
            continue
        if token.startswith("<"):
            name = _tag_name(token)
            if name == "br":
                lines.append([])
            elif token.startswith("</"):
                for i in range(len(stack) - 1, -1, -1):
                    if _tag_name(stack[i]) == name:
                        del stack[i]
                        break
            else:
                stack.append(token)
            continue
        text = _ENTITY.get(token, token)
        attrs = tuple(t for t in stack if not t.startswith("<font name="))
        lines[-1].append((text, attrs))
    out: list[str] = []
    for segments in lines:
        plain = "".join(text for text, _attrs in segments)
        marks: list[tuple[str, ...]] = []
        for text, attrs in segments:
            marks.extend([attrs] * len(text))
        start = 0
        for chunk in _rtl_chunks(plain) if len(plain) > RTL_CHUNK else [plain]:
            at = plain.find(chunk, start)
            at = start if at < 0 else at
            out.append(_rtl_line(chunk, marks[at : at + len(chunk)], font))
            start = at + len(chunk)
    return "<br/>".join(out)


def _rtl_line(line: str, marks: list[tuple[str, ...]], font: str) -> str:
    parts: list[str] = []
    for low, high, rtl in shaping.visual_spans(line, base=1):
        segments: list[tuple[str, tuple[str, ...]]] = []
        for i in range(low, high):
            if segments and segments[-1][1] == marks[i]:
                segments[-1] = (segments[-1][0] + line[i], marks[i])
            else:
                segments.append((line[i], marks[i]))
        if rtl:
            segments.reverse()
        for text, attrs in segments:
            runs = visual_runs(text, font, base=1) if not rtl else _rtl_runs(text, font)
            for run, name in runs:
                safe = escape(run)
                if name != font:
                    safe = f'<font name="{name}">{safe}</font>'
                closing = "".join(f"</{_tag_name(t)}>" for t in reversed(attrs))
                parts.append("".join(attrs) + safe + closing)
    return "".join(parts)


def _rtl_runs(text: str, font: str) -> list[tuple[str, str]]:
    """A right-to-left piece's words in visual order (as `visual_runs` lays them out)."""
    out: list[tuple[str, str]] = []
    for word in shaping.visual_words(text):
        if word:
            for run, name in reversed(font_runs(word, font)):
                out.append((run if shaping.has_rtl(run) else shaping.mirrored(run), name))
    return out
