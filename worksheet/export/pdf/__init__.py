"""The one-page PDF prep sheet: paper choice, rendering with reportlab, and an atomic write."""

from __future__ import annotations

import io
import locale
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from worksheet.domain.deal import Deal
from worksheet.io.atomic import write_atomic

log = logging.getLogger(__name__)

PAPERS = ("a4", "letter")

#: Territories whose paper is US Letter (the rest of the world uses A4), as in glibc's LC_PAPER.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "NI", "PA", "PR", "SV", "DO", "BZ"}
)

#: Windows reports locales by English names ("English_United States.1252").
_WINDOWS_NAMES = {
    "united states": "US",
    "canada": "CA",
    "mexico": "MX",
    "philippines": "PH",
    "chile": "CL",
    "colombia": "CO",
    "venezuela": "VE",
    "costa rica": "CR",
    "guatemala": "GT",
    "nicaragua": "NI",
    "panama": "PA",
    "puerto rico": "PR",
    "el salvador": "SV",
    "dominican republic": "DO",
    "belize": "BZ",
}


def _territory(name: str) -> str | None:
    """`en_US.UTF-8@euro` → `US`; `English_United States.1252` → `US`; `C` → None."""
    base = name.split(".", 1)[0].split("@", 1)[0]
    if "_" not in base and "-" not in base:
        return None
    territory = base.replace("-", "_").split("_", 1)[1]
    if len(territory) == 2 and territory.isalpha():
        return territory.upper()
    return _WINDOWS_NAMES.get(territory.strip().lower())


def paper_for_locale(
    environ: Mapping[str, str] | None = None, fallback_locale: str | None = None
) -> str:
    """ "letter" or "a4" from LC_ALL, then LC_PAPER, then LANG (POSIX order); A4 when unknown.

    `fallback_locale` is what the operating system reports when none of the variables is set
    (Windows and macOS apps usually start without them).
    """
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(variable, "").strip()
        if value:
            territory = _territory(value)
            return "letter" if territory in LETTER_TERRITORIES else "a4"
    if fallback_locale:
        return "letter" if _territory(fallback_locale) in LETTER_TERRITORIES else "a4"
    return "a4"


def default_paper() -> str:
    try:
        system = locale.getlocale()[0]
    except ValueError:
        system = None
    return paper_for_locale(os.environ, system)


def _page_size(paper: str | None) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, LETTER

    chosen = default_paper() if paper is None else paper.lower()
    if chosen not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}; use 'a4' or 'letter'")
    return A4 if chosen == "a4" else LETTER


def _lock_down_reportlab() -> None:
    """Nothing on the sheet comes from a URL: refuse every scheme and host, should any slip in."""
    from reportlab import rl_config

    rl_config.trustedHosts = None
    rl_config.trustedSchemes = []


#: Patterns reportlab compiles while platypus imports and we never use (what deferring them
#: buys: docs/benchmarks.md). The URL one only serves URL hyphenation when a style sets
#: `uriWasteReduce`; the CJK one only a legacy word-wrap helper. Matched by their source: a
#: changed reportlab compiles as usual.
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
_CJK_SPLIT_PATTERN = "([\u2e80-\uffff])"


def _deferrable(pattern: object) -> bool:
    return isinstance(pattern, str) and (
        pattern.startswith(_URI_PATTERN_START) or pattern == _CJK_SPLIT_PATTERN
    )


def _import_platypus() -> None:
    """Import reportlab.platypus with the patterns above compiled only if ever used."""
    from worksheet.speed import import_deferring_patterns

    import_deferring_patterns("reportlab.platypus", _deferrable)


def render_pdf(deal: Deal, *, paper: str | None = None, discreet: bool = False) -> bytes:
    """The prep sheet as PDF bytes: exactly one page, fonts embedded, the same bytes every time."""
    from worksheet.domain.summary import summarize
    from worksheet.export.pdf.sheet import draw_sheet

    if discreet:
        from worksheet.present.discreet import discreet_deal

        # The one discreet policy: the sheet only ever sees what the copy may show.
        deal = discreet_deal(deal)
    _import_platypus()
    summary = summarize(deal)
    return one_page(
        paper,
        lambda title: f"Prep sheet — {title}" if title else "Prep sheet",
        deal.title,
        lambda canvas, width, height: draw_sheet(
            canvas, deal, summary, width, height, discreet=discreet
        ),
    )


def one_page(
    paper: str | None,
    document_title: Callable[[str], str],
    deal_title: str,
    draw: Callable[[Any, float, float], None],
) -> bytes:
    """One PDF page as bytes, for every sheet this app prints: reportlab locked down, our
    fonts registered and the only ones in the file, the document title made from the deal's
    (one clean line), and `draw(canvas, width, height)` filling the page."""
    from reportlab.pdfgen.canvas import Canvas

    from worksheet.export.pdf.text import REGULAR, clean, register_fonts

    _lock_down_reportlab()
    register_fonts()
    width, height = _page_size(paper)
    buffer = io.BytesIO()
    # invariant=1 fixes the dates and ids inside the file, so tests can compare bytes.
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=9,
        pageCompression=1,
    )
    canvas.setTitle(document_title(clean(deal_title).replace("\n", " ").strip()[:200]))
    canvas.setCreator("Deal Worksheet")
    canvas.setAuthor("")
    draw(canvas, width, height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def export_pdf(
    deal: Deal, path: str | os.PathLike, *, paper: str | None = None, discreet: bool = False
) -> None:
    """Write the sheet to `path` atomically: a failure leaves any earlier file as it was."""
    target = Path(path)
    data = render_pdf(deal, paper=paper, discreet=discreet)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(2, f"the folder {folder} does not exist", str(target))
    write_atomic(target, data)
    log.info("wrote the prep sheet %s (%d bytes)", target, len(data))
