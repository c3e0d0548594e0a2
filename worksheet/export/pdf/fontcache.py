"""Parsed TrueType fonts for the PDF sheet, kept in the user cache folder between runs.

reportlab parses a whole TTF (cmap, metrics, glyph offsets) each time a process loads it,
which costs more than reading the parsed tables back (docs/benchmarks.md). The parsed tables
are pickled once and read back. The cache is only a shortcut: any doubt about an entry (another font
file, reportlab or Python version, an unreadable or odd file) means parsing the font again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from weakref import WeakKeyDictionary

from worksheet import paths
from worksheet.speed import collector_paused

log = logging.getLogger(__name__)

#: Bump when what is stored changes.
FORMAT = 1
#: Widths of this text are stored with an entry and checked when it is read back.
PROBE = "Hamburgefonstiv 0123 €£ ΑΩ Жж"


def _key(name: str, path: Path) -> tuple:
    import reportlab

    stat = path.stat()
    return (
        FORMAT,
        name,
        str(path.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        reportlab.__version__,
        sys.version_info[:2],
    )


def _cache_file(key: tuple) -> Path:
    digest = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:24]
    # paths has no public cache folder yet; "cache" is one of the kinds it knows.
    return paths.cache_dir() / "fonts" / f"{key[1]}@{digest}.pickle"


def _scale(units_per_em: int):
    """The em → PDF units function reportlab builds while parsing (a lambda, so not pickled)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _probe(font) -> list[float]:
    return [font.stringWidth(PROBE, size) for size in (7.5, 10.0)]


#: Strings up to this length have their widths remembered (words, spaces, short labels).
MEMO_TEXT = 48
#: The memo starts afresh past this many entries, so a huge deal cannot make it grow forever.
MEMO_ENTRIES = 20_000

_font_class: list[type] = []


def font_class() -> type:
    """reportlab's TTFont, remembering the widths of short strings.

    Layout measures the same words again at every type size it tries, and reportlab sums
    each word's glyph widths in Python every time: ~7,700 calls for ~1,700 different
    (text, size) pairs on the renewal sample. The remembered number is the one reportlab
    computed, so nothing on the page moves.
    """
    if not _font_class:
        from reportlab.pdfbase.ttfonts import TTFont

        class SheetFont(TTFont):
            def stringWidth(self, text, size, encoding="utf8"):  # reportlab calls it so
                if len(text) > MEMO_TEXT:
                    return TTFont.stringWidth(self, text, size, encoding)
                try:
                    memo = self._sheet_widths
                except AttributeError:
                    memo = self._sheet_widths = {}
                key = (text, size, encoding)
                width = memo.get(key)
                if width is None:
                    if len(memo) >= MEMO_ENTRIES:
                        memo.clear()
                    width = memo[key] = TTFont.stringWidth(self, text, size, encoding)
                return width

            def addObjects(self, doc):
                # Its ToUnicode maps are written with this font's cluster texts in view.
                from worksheet.export.pdf import shaping

                shaping.writing.append(self)
                try:
                    TTFont.addObjects(self, doc)
                finally:
                    shaping.writing.pop()

        _font_class.append(SheetFont)
    return _font_class[0]


def load_font(name: str, path: Path):
    """A TTFont (see `font_class`) for `path`, from the cache when it holds this very file."""
    # A face is thousands of small lists and tuples made in one go and kept: the collector
    # would walk the heap several times while they appear and find no garbage.
    with collector_paused():
        return _load(name, path)


def _load(name: str, path: Path):
    try:
        key = _key(name, path)
    except OSError:
        key = None  # TTFont below reports the missing file
    if key is not None:
        font = _read(key, path)
        if font is not None:
            return font
    font = font_class()(name, str(path))
    if key is not None:
        _write(key, font, path)
    return font


def _read(key: tuple, path: Path):
    from reportlab.pdfbase.ttfonts import TTFontFace

    target = _cache_file(key)
    try:
        with open(target, "rb") as handle:
            stored = pickle.load(handle)
        stored_key, font_state, face_state, widths = stored
        if stored_key != key:
            return None
        data = path.read_bytes()
        if len(data) != key[3]:
            return None
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(face_state)
        face._ttf_data = data
        face._pdfScale = _scale(face.unitsPerEm)
        cls = font_class()
        font = cls.__new__(cls)
        font.__dict__.update(font_state)
        font.face = face
        font.state = WeakKeyDictionary()
        if _probe(font) != widths:
            return None
    except FileNotFoundError:
        return None
    except Exception as exc:  # a bad cache entry must never stop an export
        log.debug("ignoring the font cache entry %s: %s", target, exc)
        return None
    return font


def _write(key: tuple, font, path: Path) -> None:
    """Store the parsed font when it is made of what `_read` rebuilds; otherwise store nothing."""
    face = font.face
    skip = ("face", "state", "_sheet_widths", "_sheet_actual")
    font_state = {k: v for k, v in font.__dict__.items() if k not in skip}
    face_state = {k: v for k, v in face.__dict__.items() if k not in ("_ttf_data", "_pdfScale")}
    units = getattr(face, "unitsPerEm", None)
    expected = (
        isinstance(font.state, WeakKeyDictionary)
        and not font.state
        and isinstance(units, int)
        and units > 0
        and all(face._pdfScale(x) == _scale(units)(x) for x in (1.0, 733.0, 2048.0, -91.5))
        and len(face._ttf_data) == key[3]
    )
    if not expected:
        return
    target = _cache_file(key)
    temp_name = None
    try:
        blob = pickle.dumps((key, font_state, face_state, _probe(font)), pickle.HIGHEST_PROTOCOL)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".font.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        # Atomic: a reader sees the old entry, none, or the whole new one.
        os.replace(temp_name, target)
        temp_name = None
        # Entries for an earlier font file or reportlab would never be read again.
        for old in target.parent.glob(f"{key[1]}@*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except Exception as exc:  # a cache that cannot be written only makes exports slower
        log.debug("could not cache the font %s: %s", path.name, exc)
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
