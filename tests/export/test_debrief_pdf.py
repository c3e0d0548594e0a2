"""The one-page debrief PDF: what it says, that user text stays text, and the command line."""

from __future__ import annotations

import io
from decimal import Decimal as D

from pypdf import PdfReader

from tests.conftest import SAMPLES
from worksheet.cli import main
from worksheet.domain.deal import Concession, Offer, Outcome, ReviewItem
from worksheet.export.pdf.debrief import export_debrief, render_debrief
from worksheet.io import load


def debriefed():
    deal = load(SAMPLES / "software-renewal.deal")
    deal.offers = [
        Offer(at=f"2027-03-14T14:{i:02d}:00", by=("us", "them")[i % 2], amount=D(100000 + i * 500))
        for i in range(40)
    ]
    deal.concessions.append(
        Concession(id="zz", what="Free onboarding", cost_to_us=D(4000), status="given")
    )
    deal.outcome = Outcome(
        status="agreed",
        date="2027-03-14",
        price=D(116000),
        terms='<a href="http://evil.example">click</a> <img src="x.png"/> =HYPERLINK("x")',
        went_well="Listened first. " * 200,
        do_differently="Open higher.",
        review=[ReviewItem("Each concession I gave came with something back", False)],
    )
    return deal


def text_of(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def test_one_page_with_the_outcome_against_the_plan():
    data = render_debrief(debriefed())
    text, reader = text_of(data)
    assert len(reader.pages) == 1
    assert "Agreed on 2027-03-14 at $116,000" in text
    assert "Offers made (40)" in text and "The last 14 of 40 offers" in text
    assert "Free onboarding" in text
    assert "Each concession I gave came with something back" in text
    assert "walk-away $104,000" in text


def test_hostile_text_stays_text():
    data = render_debrief(debriefed())
    text, reader = text_of(data)
    assert '<a href="http://evil.example">click</a>' in text
    page = reader.pages[0]
    assert "/Annots" not in page
    resources = page["/Resources"]
    assert "/XObject" not in resources  # no image came from the text


def test_discreet_copy_leaves_the_walk_away_out():
    text, _ = text_of(render_debrief(debriefed(), discreet=True))
    assert "$104,000" not in text.split("Offers made")[0].split("Our plan:")[1].split("\n")[0]
    assert "walk-away $" not in text


def test_written_atomically_and_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "d.pdf"
    export_debrief(debriefed(), out)
    assert out.read_bytes().startswith(b"%PDF")
    cli_out = tmp_path / "cli.pdf"
    assert main(["export", str(SAMPLES / "software-renewal.deal"), "--debrief", str(cli_out)]) == 0
    assert cli_out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] and not any(
        p.name.endswith(".tmp") for p in tmp_path.iterdir()
    )


def test_a_price_past_the_floor_and_every_check_are_named():
    deal = debriefed()
    deal.outcome.price = D(110000)
    text, _ = text_of(render_debrief(deal))
    assert "The agreed price is worse for us than our package floor ($114,900)." in text
    assert "✗ I asked a question before every concession I made" in text.replace("  ", " ")
    hidden, _ = text_of(render_debrief(deal, discreet=True))
    assert "package floor" not in hidden


def test_the_command_line_never_writes_the_debrief_over_the_deal(tmp_path, capsys):
    deal_path = tmp_path / "d.deal"
    deal_path.write_bytes((SAMPLES / "software-renewal.deal").read_bytes())
    before = deal_path.read_bytes()
    assert main(["export", str(deal_path), "--debrief", str(deal_path)]) == 2
    assert deal_path.read_bytes() == before
    assert capsys.readouterr().err.count("\n") == 1
    out = tmp_path / "same.pdf"
    assert main(["export", str(deal_path), "--pdf", str(out), "--debrief", str(out)]) == 2
    assert not out.exists()
