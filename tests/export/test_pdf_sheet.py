"""The one-page PDF prep sheet: what it says, how it is built, and how it is written.

The golden file tests/export/golden/software-renewal-a4.pdf is regenerated, after a deliberate
change to the sheet, with:

    python3 -m worksheet export resources/samples/software-renewal.deal \
        --pdf tests/export/golden/software-renewal-a4.pdf --paper a4

Look at it (pdftoppm -png -r 80) before committing the new file.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from tests.conftest import ROOT, SAMPLES
from tests.domain.builders import pack
from worksheet.domain.deal import (
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Listening,
    Meeting,
    Objection,
    TheirEstimate,
    Vision,
)
from worksheet.domain.summary import summarize
from worksheet.export.pdf import export_pdf, render_pdf
from worksheet.io import load
from worksheet.present.numbers import format_money
from worksheet.present.sentences import status_sentence
from worksheet.present.words import STATUSES as STATUS_TITLES

GOLDEN = Path(__file__).parent / "golden" / "software-renewal-a4.pdf"
STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


# --- helpers shared with test_pdf_overflow.py


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    pages = reader(data).pages
    return "\n".join(page.extract_text() for page in pages)


def squash(text: str) -> str:
    """Without any whitespace, so line wrapping does not matter when looking for a phrase."""
    return "".join(text.split())


def fonts_of(data: bytes) -> list[dict]:
    """Every font used by the page, with its descriptor, resolved."""
    page = reader(data).pages[0]
    fonts = page["/Resources"]["/Font"]
    found = []
    for ref in fonts.values():
        font = ref.get_object()
        if "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        else:
            descriptor = font.get("/FontDescriptor")
        found.append(
            {
                "base": str(font["/BaseFont"]),
                "subtype": str(font["/Subtype"]),
                "descriptor": descriptor.get_object() if descriptor is not None else None,
            }
        )
    return found


def assert_sound_page(data: bytes) -> None:
    """One page, every font embedded, no standard-14 font, no annotations, no images."""
    pdf = reader(data)
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert "/Annots" not in page
    fonts = fonts_of(data)
    assert fonts
    for font in fonts:
        base = font["base"].lstrip("/").split("+", 1)[-1]
        assert base not in STANDARD_14, font
        assert font["descriptor"] is not None and "/FontFile2" in font["descriptor"], font
    xobjects = page["/Resources"].get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            assert ref.get_object().get("/Subtype") != "/Image"
    # The whole file too (reportlab writes objects uncompressed; only page content is packed).
    assert re.search(rb"/Subtype\s*/Image", data) is None
    assert b"/URI" not in data and b"/Annot" not in data and b"/XObject" not in data


def word_boxes(data: bytes, tmp_path: Path) -> tuple[tuple[float, float], list[tuple]]:
    """Page size and (word, xMin, yMin, xMax, yMax) from poppler's pdftotext -bbox."""
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed; .ci/run installs it"
    source = tmp_path / "boxes.pdf"
    source.write_bytes(data)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8", "replace")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)">', html)
    assert size
    words = [
        (m.group(5), *(float(m.group(i)) for i in range(1, 5)))
        for m in re.finditer(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" '
            r'xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
            html,
        )
    ]
    return (float(size.group(1)), float(size.group(2))), words


def assert_inside_margins(data: bytes, tmp_path: Path) -> None:
    (width, height), words = word_boxes(data, tmp_path)
    assert words
    edge = 30.0  # the sheet's margin is 34 pt; a glyph's side bearing may reach a little further
    for word, x0, y0, x1, y1 in words:
        assert x0 >= edge and x1 <= width - edge, (word, x0, x1)
        assert y0 >= edge and y1 <= height - edge, (word, y0, y1)


# --- the samples


@pytest.mark.parametrize("name", ["software-renewal", "equipment-lease", "job-offer"])
def test_sample_sheet_tells_the_deal(name: str, tmp_path: Path) -> None:
    deal = load(SAMPLES / f"{name}.deal")
    summary = summarize(deal)
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    assert_inside_margins(data, tmp_path)
    flat = squash(text_of(data))
    money = lambda a: format_money(a, deal.currency)  # noqa: E731
    for phrase in (
        deal.title,
        deal.counterpart.name,
        deal.meeting.place,
        deal.vision.goal,
        deal.vision.success,
        deal.vision.their_win,
        money(deal.anchors.opening),
        money(deal.anchors.target),
        money(deal.anchors.walk_away),
        STATUS_TITLES[summary.status],
        status_sentence(summary, deal.currency),
    ):
        assert squash(phrase) in flat, phrase
    for question in deal.listening.questions:
        assert squash(question) in flat
    for objection in deal.listening.objections:
        assert squash(objection.response) in flat


def test_concessions_in_planned_order_with_the_package_marked() -> None:
    deal = Deal(
        title="Order check",
        concessions=[
            Concession(what="Gamma gift", ask_in_return="Gamma ask", order=3),
            Concession(what="Alpha gift", ask_in_return="Alpha ask", order=1),
            Concession(what="Unordered gift", ask_in_return="Last ask"),
            Concession(what="Beta gift", ask_in_return="Beta ask", order=2),
        ],
    )
    pack(deal, [False, True, False, False])
    flat = squash(text_of(render_pdf(deal, paper="a4")))
    positions = [flat.index(squash(c.what)) for c in deal.concessions_in_order()]
    assert positions == sorted(positions)
    assert squash("Alpha gift → Alpha ask") in flat
    assert flat.count("Inthepackage") == 1
    assert flat.count("Notinthepackage") == 3


def test_fallback_ladder_starts_with_the_batna() -> None:
    deal = Deal(
        title="Ladder",
        fallbacks=[
            Fallback(kind="mini_deal", what="Smaller pilot deal"),
            Fallback(kind="keep_door_open", what="Call again in spring"),
            Fallback(kind="batna", what="Sell to the other buyer", value=Decimal(50)),
        ],
    )
    flat = squash(text_of(render_pdf(deal, paper="a4")))
    batna = flat.index("Selltotheotherbuyer")
    assert batna < flat.index("Smallerpilotdeal") < flat.index("Callagaininspring")


def test_readiness_and_warnings_are_printed() -> None:
    deal = Deal(title="Warn", anchors=Anchors(target=Decimal(90), walk_away=Decimal(100)))
    summary = summarize(deal)
    flat = squash(text_of(render_pdf(deal, paper="a4")))
    assert squash(f"Readiness {summary.readiness_done} of 7") in flat
    for warning in summary.warnings:
        assert squash(warning.message) in flat
    assert squash("Goal written down — still to do") in flat


# --- hostile text, languages, fonts


def test_texts_of_many_short_lines_cannot_push_the_page_apart(tmp_path: Path) -> None:
    many = "\n".join(["x"] * 400)
    deal = Deal(
        title=many,
        counterpart=Counterpart(name=many, organization=many),
        meeting=Meeting(place=many, attendees=many),
        their_estimate=TheirEstimate(walk_away_likely=Decimal(5), confidence=many, source=many),
        vision=Vision(goal=many),
        anchors=Anchors(walk_away=Decimal(4)),
        price_unit=many,
    )
    data = render_pdf(deal, paper="letter")
    assert_sound_page(data)
    assert_inside_margins(data, tmp_path)
    flat = squash(text_of(data))
    # The page is laid out to its end: the diagram, the sections and the readiness list.
    for words in ("Dealzone", "Vision", "Readiness", "morein the worksheet"):
        assert squash(words) in flat, words


HOSTILE = [
    "<b>not bold</b>",
    "<font color=red>not red</font>",
    "<para>not a para</para>",
    '<img src="http://example.com/x.png"/>',
    '<a href="http://example.com">link</a>',
    "Tom &amp; Jerry",
    "Ben & Jerry's",
    "<br/>",
    "&lt;escaped&gt;",
]


def test_hostile_markup_comes_out_as_literal_text(tmp_path: Path) -> None:
    deal = Deal(
        title=HOSTILE[0],
        counterpart=Counterpart(name=HOSTILE[1], notes=" ".join(HOSTILE)),
        vision=Vision(goal=HOSTILE[2], success=HOSTILE[3]),
        concessions=[Concession(what=h, ask_in_return=h) for h in HOSTILE],
        listening=Listening(
            questions=list(HOSTILE),
            objections=[Objection(objection=h, response=h) for h in HOSTILE],
        ),
        currency="<b>",  # a deal built in code, not loaded, may carry anything
        anchors=Anchors(target=Decimal(1)),
    )
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    assert_inside_margins(data, tmp_path)
    flat = squash(text_of(data))
    for text in HOSTILE:
        assert squash(text) in flat, text
    assert squash("<b> 1") in flat


def test_many_scripts_are_embedded_and_extractable() -> None:
    samples = {
        "polish": "zażółć gęślą jaźń",
        "cyrillic": "Съешь же ещё этих мягких булок",
        "greek": "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία",
        "chinese": "价格谈判准备",
        "japanese": "交渉の準備をする",
    }
    deal = Deal(
        title=samples["polish"],
        vision=Vision(
            goal=samples["cyrillic"], success=samples["greek"], their_win=samples["chinese"]
        ),
        listening=Listening(questions=[samples["japanese"]]),
    )
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    flat = squash(text_of(data))
    for text in samples.values():
        assert squash(text) in flat
    names = {f["base"].split("+", 1)[-1] for f in fonts_of(data)}
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"} <= names


def test_text_map_stays_valid_with_emoji(caplog) -> None:
    data = render_pdf(Deal(title="Deal 😀 done", notes="🚀 launch"), paper="a4")
    flat = squash(text_of(data))
    assert "Deal😀done" in flat and "🚀launch" in flat
    assert "invalid hex" not in caplog.text


def test_latin_only_sheet_does_not_embed_the_cjk_font() -> None:
    data = render_pdf(load(SAMPLES / "job-offer.deal"), paper="a4")
    names = {f["base"].split("+", 1)[-1] for f in fonts_of(data)}
    assert "DroidSansFallback" not in names
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= names


def test_right_to_left_text_is_drawn(tmp_path: Path) -> None:
    deal = Deal(title="RTL", vision=Vision(goal="שלום עולם and مرحبا"))
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    _, words = word_boxes(data, tmp_path)
    drawn = "".join(w[0] for w in words)
    # Drawn in visual order; whichever way the extractor reads it, every letter is there.
    for letter in "שלוםעולםمرحبا":
        assert letter in drawn


# --- discreet copy


def _secret_deal(*, gap: bool) -> Deal:
    """Numbers chosen so that none of them can appear by accident elsewhere on the sheet."""
    deal = Deal(
        title="Discreet check",
        role="seller",
        anchors=Anchors(opening=Decimal(171717), target=Decimal(161616), walk_away=Decimal(123457)),
        their_estimate=TheirEstimate(
            walk_away_low=Decimal(111000) if not gap else Decimal(50000),
            walk_away_likely=Decimal(140000) if not gap else Decimal(60000),
            walk_away_high=Decimal(150000) if not gap else Decimal(70000),
        ),
        concessions=[
            Concession(
                what="Free setup",
                cost_to_us=Decimal(3331),
                value_to_them=Decimal(6000),
                ask_in_return="Longer term",
            ),
            Concession(
                what="Training day",
                cost_to_us=Decimal(2229),
                value_to_them=Decimal(4000),
                ask_in_return="Reference",
            ),
        ],
        fallbacks=[
            Fallback(kind="batna", what="Other customer", value=Decimal(98761)),
            Fallback(kind="batna", what="Second customer", value=Decimal(124681)),
        ],
    )
    return pack(deal, [True, True])


@pytest.mark.parametrize("gap", [False, True])
def test_discreet_copy_leaves_out_our_hidden_numbers(gap: bool) -> None:
    deal = _secret_deal(gap=gap)
    summary = summarize(deal)
    money = lambda a: format_money(a, deal.currency)  # noqa: E731
    hidden = [
        money(deal.anchors.walk_away),
        money(Decimal(98761)),
        money(Decimal(124681)),
        money(summary.package_cost),
        money(Decimal(3331)),
        money(Decimal(2229)),
        money(summary.package_walk_away),
    ]
    if gap:
        assert summary.gap is not None
        hidden.append(money(summary.gap))
    else:
        assert summary.likely is not None
        # A seller's zone starts at our floor; its other end is their side, so it may show.
        hidden.append(money(summary.likely.low))
    full = squash(text_of(render_pdf(deal, paper="a4")))
    discreet_data = render_pdf(deal, paper="a4", discreet=True)
    assert_sound_page(discreet_data)
    discreet = squash(text_of(discreet_data))
    # The full sheet shows each of them, so their absence below means something.
    for amount in hidden:
        assert squash(amount) in full, amount
        assert squash(amount) not in discreet, amount
    assert "walk_away_worse_than_batna" in {w.code for w in summary.warnings}
    assert "worsethanthebestalternative" in full
    assert "worsethanthebestalternative" not in discreet
    assert "Discreetcopy" in discreet and "Discreetcopy" not in full
    # What we would say out loud stays: our opening; the target, the package's value to them
    # and the zone's status are ours to know (the discreet policy, worksheet.present.discreet).
    assert squash(money(Decimal(171717))) in discreet
    for amount in (Decimal(161616), summary.package_value):
        assert squash(money(amount)) in full and squash(money(amount)) not in discreet
    assert squash(STATUS_TITLES[summary.status]) in full
    assert squash(STATUS_TITLES[summary.status]) not in discreet


# --- repeatable output


def test_output_is_repeatable_and_matches_the_golden_file() -> None:
    deal = load(SAMPLES / "software-renewal.deal")
    first = render_pdf(deal, paper="a4")
    assert render_pdf(deal, paper="a4") == first
    assert first == GOLDEN.read_bytes(), (
        "the sheet changed; if on purpose, regenerate the golden file (see this module's docstring)"
    )


# --- writing the file


def test_export_writes_atomically_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old sheet")
    deal = load(SAMPLES / "job-offer.deal")

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="Permission denied"):
        export_pdf(deal, out, paper="a4")
    assert out.read_bytes() == b"old sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.pdf"]  # no temp file left

    monkeypatch.undo()
    export_pdf(deal, out, paper="a4")
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(reader(out.read_bytes()).pages) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.pdf"]


def test_export_into_a_missing_folder_says_so(tmp_path) -> None:
    with pytest.raises(OSError, match="does not exist"):
        export_pdf(Deal(title="x"), tmp_path / "nope" / "sheet.pdf")


def test_export_onto_a_folder_fails_cleanly(tmp_path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(OSError):
        export_pdf(Deal(title="x"), target)
    assert target.is_dir() and list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_file_gets_ordinary_permissions(tmp_path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(Deal(title="x"), out, paper="a4")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_command_line_export_without_display_or_qt(tmp_path) -> None:
    out = tmp_path / "sheet.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    script = (
        "import sys\n"
        "from worksheet.cli import main\n"
        f"rc = main(['export', {str(SAMPLES / 'equipment-lease.deal')!r}, '--pdf', {str(out)!r},"
        " '--paper', 'letter'])\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert_sound_page(data)
    box = reader(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_importing_the_exporter_loads_no_reportlab() -> None:
    script = (
        "import sys, worksheet.export.pdf, worksheet.cli\n"
        "loaded = sorted(m for m in sys.modules if 'reportlab' in m)\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_reportlab_may_fetch_nothing() -> None:
    from reportlab import rl_config
    from reportlab.lib.utils import open_for_read

    render_pdf(Deal(title="x"), paper="a4")
    assert not rl_config.trustedHosts and rl_config.trustedSchemes == []
    with pytest.raises(OSError):
        open_for_read("http://127.0.0.1:9/x.png")
