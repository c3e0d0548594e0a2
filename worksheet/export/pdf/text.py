"""Text for the PDF prep sheet: embedded fonts, per-run font fallback, simple bidi, safe markup."""

from __future__ import annotations

import re
import unicodedata

from worksheet import paths

REGULAR = "DWSans"
BOLD = "DWSans-Bold"
FALLBACK = "DWFallback"

#: Our font names → the files shipped in resources/fonts (with their licences beside them).
FONT_FILES: dict[str, str] = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}

#: Fields longer than this cannot fit on the page even at the smallest type, so they are cut
#: before any measuring: it keeps a 20,000-character field from being wrapped six times.
TEXT_CAP = 5000

_fonts: dict[str, object] = {}
_main_cmap: dict[int, int] = {}
_fallback_cmap: dict[int, int] = {}


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
    if name in (REGULAR, BOLD):
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 1, 1, BOLD)
        addMapping(BOLD, 0, 0, BOLD)
        addMapping(BOLD, 1, 0, BOLD)
        addMapping(BOLD, 0, 1, BOLD)
        addMapping(BOLD, 1, 1, BOLD)
    else:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)


def register_fonts() -> None:
    """Register the Latin/Greek/Cyrillic faces; the big CJK font loads only when a text needs it."""
    _register(REGULAR)
    _register(BOLD)
    if not _main_cmap:
        _main_cmap.update(_fonts[REGULAR].face.charToGlyph)  # type: ignore[attr-defined]


def _fallback_has(code: int) -> bool:
    if not _fallback_cmap:
        _register(FALLBACK)
        _fallback_cmap.update(_fonts[FALLBACK].face.charToGlyph)  # type: ignore[attr-defined]
    return code in _fallback_cmap


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


# --- right-to-left: a deliberately small bidi so Hebrew and Arabic read in the right order.
# Full Unicode bidi (and Arabic shaping) would need python-bidi; this keeps each line's runs in
# visual order, which is enough for names and short notes to be legible.

_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|.", re.DOTALL)


def _direction(ch: str) -> str:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "D"
    return "N"


def _reverse_rtl(segment: str) -> str:
    """Reverse an RTL run character by character, but keep numbers such as 1,250.50 as they are."""
    tokens = _TOKEN.findall(segment)
    return "".join(reversed(tokens)).translate(_MIRROR)


def visual_line(line: str) -> str:
    """One line in visual (left-to-right drawing) order."""
    dirs = [_direction(ch) for ch in line]
    if "R" not in dirs:
        return line
    strong = [d for d in dirs if d in ("L", "R")]
    base = strong[0]
    # Neutrals and digits between two runs of the same direction join them; otherwise the base.
    resolved = list(dirs)
    n = len(line)
    i = 0
    while i < n:
        if resolved[i] in ("L", "R"):
            i += 1
            continue
        j = i
        while j < n and resolved[j] not in ("L", "R"):
            j += 1
        before = resolved[i - 1] if i > 0 else base
        after = resolved[j] if j < n else base
        fill = before if before == after else base
        if all(d == "D" for d in dirs[i:j]):
            fill = before if i > 0 else after  # a bare number belongs to its neighbour
        for k in range(i, j):
            resolved[k] = fill
        i = j
    runs: list[tuple[str, str]] = []
    for ch, d in zip(line, resolved, strict=True):
        if runs and runs[-1][1] == d:
            runs[-1] = (runs[-1][0] + ch, d)
        else:
            runs.append((ch, d))
    pieces = [_reverse_rtl(text) if d == "R" else text for text, d in runs]
    if base == "R":
        pieces.reverse()
    return "".join(pieces)


def font_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """Split text into (run, font name) by whether DejaVu has the glyph; CJK goes to Droid."""
    register_fonts()
    runs: list[tuple[str, str]] = []
    current = font
    for ch in text:
        code = ord(ch)
        if code > 0xFFFF:
            # reportlab writes characters beyond the BMP (emoji…) into the font's ToUnicode map
            # as invalid 5-digit hex, which breaks copying text out of the PDF; a visible mark
            # keeps the file valid.
            ch, code = "\ufffd", 0xFFFD
        if ch.isspace() and current == FALLBACK and _fallback_has(code):
            name = FALLBACK  # a space between CJK words stays in their run
        elif code in _main_cmap:
            name = font
        elif _fallback_has(code):
            name = FALLBACK
        elif unicodedata.category(ch) == "Cf":
            continue  # invisible formatting (zero-width space, bidi marks): nothing to draw
        else:
            # In neither font (emoji, Hangul…): a visible replacement mark says something was
            # there, where an empty glyph would silently hide it.
            ch, name = "\ufffd", font
        if runs and runs[-1][1] == name:
            runs[-1] = (runs[-1][0] + ch, name)
        else:
            runs.append((ch, name))
        current = name
    return runs


#: reportlab wraps the visual (reordered) string from the left, which would put the start of
#: a long right-to-left line on its last printed line. Such lines are therefore broken into
#: chunks short enough to fit one printed line before reordering, so they read top-down.
RTL_CHUNK = 40
#: The first chunk is shorter: it often shares its printed line with a bold label.
RTL_FIRST_CHUNK = 22


def _is_rtl(line: str) -> bool:
    for ch in line:
        kind = _direction(ch)
        if kind in ("L", "R"):
            return kind == "R"
    return False


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


def markup(text: str, *, font: str = REGULAR) -> str:
    """User text as safe Paragraph markup: escaped, bidi-ordered, with font runs for CJK."""
    lines: list[str] = []
    for line in clean(text).split("\n"):
        lines.extend(_rtl_chunks(line) if len(line) > RTL_CHUNK and _is_rtl(line) else [line])
    out: list[str] = []
    for line in lines:
        parts: list[str] = []
        for run, name in font_runs(visual_line(line), font):
            safe = escape(run)
            parts.append(safe if name == font else f'<font name="{FALLBACK}">{safe}</font>')
        out.append("".join(parts))
    return "<br/>".join(out)


def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, name, size) for run, name in font_runs(text, font))


def draw_text(
    canvas, x: float, y: float, text: str, font: str, size: float, *, align: str = "left"
) -> float:
    """Draw one line on the canvas with font fallback; returns its width."""
    line = visual_line(clean(text).replace("\n", " "))
    width = text_width(line, font, size)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for run, name in font_runs(line, font):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)
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
