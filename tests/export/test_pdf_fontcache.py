"""The parsed-font cache: used when it holds the very font file, ignored whenever in doubt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from worksheet import paths
from worksheet.export.pdf import fontcache
from worksheet.export.pdf.fontcache import PROBE, load_font

GOLDEN = Path(__file__).parent / "golden" / "software-renewal-a4.pdf"


@pytest.fixture
def font_file(tmp_path: Path) -> Path:
    # A private copy, so touching it cannot disturb the fonts other tests use.
    copy = tmp_path / "fonts" / "DejaVuSans.ttf"
    copy.parent.mkdir()
    shutil.copy2(paths.fonts_dir() / "DejaVuSans.ttf", copy)
    return copy


def _entries() -> list[Path]:
    return sorted((paths._folder("cache") / "fonts").glob("*.pickle"))


def _no_parsing(monkeypatch) -> None:
    from reportlab.pdfbase import ttfonts

    def refuse(*args, **kwargs):
        raise AssertionError("the font was parsed instead of read from the cache")

    monkeypatch.setattr(ttfonts.TTFontFace, "__init__", refuse)


def _same_font(a, b) -> None:
    assert a.fontName == b.fontName
    assert a.face.charWidths == b.face.charWidths
    assert a.face.charToGlyph == b.face.charToGlyph
    assert a.face._ttf_data == b.face._ttf_data
    assert [a.face._pdfScale(x) for x in (1, 517, 2048)] == [
        b.face._pdfScale(x) for x in (1, 517, 2048)
    ]
    assert a.stringWidth(PROBE, 9) == b.stringWidth(PROBE, 9)


def test_the_second_load_reads_the_cache_and_gives_the_same_font(font_file, monkeypatch) -> None:
    parsed = load_font("CacheTest", font_file)
    assert [p.name for p in _entries()] and _entries()[0].name.startswith("CacheTest@")
    _no_parsing(monkeypatch)
    cached = load_font("CacheTest", font_file)
    assert cached is not parsed
    _same_font(cached, parsed)


def test_a_damaged_entry_is_ignored_and_replaced(font_file, monkeypatch) -> None:
    parsed = load_font("CacheTest", font_file)
    (entry,) = _entries()
    entry.write_bytes(b"not a pickle at all")
    again = load_font("CacheTest", font_file)
    _same_font(again, parsed)
    assert entry.read_bytes() != b"not a pickle at all"
    _no_parsing(monkeypatch)
    _same_font(load_font("CacheTest", font_file), parsed)


def test_an_entry_for_another_font_name_is_not_used(font_file) -> None:
    load_font("CacheTest", font_file)
    other = load_font("CacheOther", font_file)
    assert other.fontName == "CacheOther"
    assert len(_entries()) == 2


def test_a_changed_font_file_is_parsed_again_and_the_old_entry_goes(font_file) -> None:
    load_font("CacheTest", font_file)
    (first,) = _entries()
    stat = font_file.stat()
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    load_font("CacheTest", font_file)
    (second,) = _entries()
    assert second != first


def test_an_unwritable_cache_folder_only_costs_time(font_file, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setattr(fontcache.paths, "_folder", lambda kind: blocker / kind)
    font = load_font("CacheTest", font_file)
    assert font.stringWidth(PROBE, 9) > 0
    assert blocker.read_text() == "a file where the cache folder would go"


_CHILD = """
import sys
from worksheet.export.pdf import render_pdf
from worksheet.io.document import load

if sys.argv[2] == "cached":
    from reportlab.pdfbase import ttfonts

    def refuse(*args, **kwargs):
        raise SystemExit("a font was parsed although the cache holds it")

    ttfonts.TTFontFace.__init__ = refuse
sys.stdout.buffer.write(render_pdf(load(sys.argv[1]), paper="a4"))
"""


def test_a_sheet_drawn_with_cached_fonts_is_byte_identical(tmp_path) -> None:
    env = {"PATH": "", "DEAL_WORKSHEET_HOME": str(tmp_path), "LANG": "C.UTF-8"}
    runs = []
    for mode in ("first", "cached"):
        runs.append(
            subprocess.run(
                [sys.executable, "-c", _CHILD, str(SAMPLES / "software-renewal.deal"), mode],
                capture_output=True,
                cwd=ROOT,
                env=env,
                timeout=60,
                check=True,
            ).stdout
        )
    assert len(list((tmp_path / "cache" / "fonts").glob("*.pickle"))) == 2
    assert runs[0] == runs[1] == GOLDEN.read_bytes()


def test_remembered_widths_are_reportlabs_own(font_file, monkeypatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    monkeypatch.setattr(fontcache, "MEMO_ENTRIES", 50)
    ours = load_font("CacheTest", font_file)
    plain = TTFont("PlainTest", str(font_file))
    texts = [" ", "the", "Walk-away", "€1,250.50", "", "zażółć", "x" * 200, PROBE]
    texts += [f"word{i}" for i in range(120)]
    for _ in range(2):  # the second pass is answered from the memo
        for text in texts:
            for size in (7, 7.5, 8.0, 9.5):
                assert ours.stringWidth(text, size) == plain.stringWidth(text, size)
    assert 0 < len(ours._sheet_widths) <= 50


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_collector_as_it_found_it(font_file, enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        load_font("CacheTest", font_file)  # parsed
        load_font("CacheTest", font_file)  # read back
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
