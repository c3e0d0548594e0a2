"""The sign-off on paper: the PDF's footer says who approved, and loudly when the approval was
given for numbers that have changed since (spec §2.6); without a sign-off the page is as
before."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pytest

from tests.conftest import SAMPLES
from worksheet.domain.signoff import BASIS_KEY, approval_basis
from worksheet.export.pdf import render_pdf
from worksheet.io import load
from worksheet.present.signoff import decision_from_words, status_line


def text_of(pdf: bytes) -> str:
    return " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


@pytest.fixture
def approved():
    deal = load(SAMPLES / "software-renewal.deal")
    deal.sign_off.by = "Dana Reyes"
    deal.sign_off.decision = "approved"
    deal.sign_off.date = "2026-12-01"
    deal.extra[BASIS_KEY] = approval_basis(deal)
    return deal


def test_pdf_footer_shows_a_current_approval(approved):
    assert "Approved by Dana Reyes on 2026-12-01." in text_of(render_pdf(approved, paper="a4"))


def test_pdf_footer_shows_an_approval_for_an_earlier_version(approved):
    approved.their_estimate.walk_away_likely = Decimal(101000)
    text = text_of(render_pdf(approved, paper="letter"))
    assert "Approved for an earlier version by Dana Reyes" in text
    assert "their most likely walk-away" in text
    assert "Approved by" not in text


def test_pdf_without_a_sign_off_says_nothing_about_one():
    deal = load(SAMPLES / "software-renewal.deal")
    text = text_of(render_pdf(deal, paper="a4"))
    assert "Approved" not in text and "signed off" not in text


def test_hostile_reviewer_name_stays_text_on_the_pdf(approved):
    approved.sign_off.by = '<font color="red">Eve</font> (javascript:alert(1))'
    pdf = render_pdf(approved, paper="a4")
    assert b"/JavaScript" not in pdf and b"/URI" not in pdf
    assert "<font color=" in text_of(pdf)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Approved", "approved"),
        ("  approved ", "approved"),
        ("Changes requested", "changes_requested"),
        ("changes_requested", "changes_requested"),
        ("REJECTED", "rejected"),
        ("", ""),
        ("Maybe", None),
    ],
)
def test_decision_words_from_the_workbook(typed, code):
    assert decision_from_words(typed) == code


def test_an_approval_without_recorded_numbers_is_never_current(approved):
    del approved.extra[BASIS_KEY]
    assert status_line(approved).startswith("Approved for an earlier version")
