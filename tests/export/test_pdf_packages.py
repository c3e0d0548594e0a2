"""The prep sheet's packages to offer: a compact list with the MESO set marked, on its one page;
the discreet copy names each package's ask and contents only."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import SAMPLES
from tests.export.test_pdf_sheet import assert_sound_page, squash, text_of
from worksheet.domain.deal import Concession, Package
from worksheet.export.pdf import render_pdf
from worksheet.io import load


def renewal():
    return load(SAMPLES / "software-renewal.deal")


def test_packages_to_offer_with_the_meso_marked() -> None:
    data = render_pdf(renewal(), paper="a4")
    assert_sound_page(data)
    flat = squash(text_of(data))
    assert squash("Packages to offer (MESO: offer together)") in flat
    for name, ask in (
        ("Full service", "$121,000"),
        ("Terms and onboarding", "$115,000"),
        ("Onboarding and named engineer", "$120,000"),
    ):
        assert squash(f"{name} — ask {ask}") in flat
    assert flat.count("MESO") == 4  # the heading and each of the three
    assert squash("net $110,100 · chance 42%") in flat
    assert squash("gives: Free onboarding for the Dallas depot; Named support engineer") in flat


def test_a_set_that_is_no_meso_is_not_marked() -> None:
    deal = renewal()
    deal.packages[2].ask = Decimal(140000)  # its net no longer within 2 %
    flat = squash(text_of(render_pdf(deal, paper="a4")))
    assert "Packagestooffer" in flat and "MESO" not in flat


def test_discreet_copy_shows_asks_and_contents_only() -> None:
    flat = squash(text_of(render_pdf(renewal(), paper="a4", discreet=True)))
    assert squash("Full service — ask $121,000") in flat
    assert squash("gives: Net-60 payment terms instead of net-30") in flat
    for hidden in ("net $110,100", "chance", "MESO", "active", "$110,100"):
        assert squash(hidden) not in flat, hidden


def test_many_long_packages_stay_on_one_page() -> None:
    deal = renewal()
    deal.concessions += [
        Concession(id=f"x{i}", what=f"Extra concession number {i} " * 3) for i in range(30)
    ]
    deal.packages = [
        Package(
            id=f"q{i}",
            name=f"Package {i} with a long descriptive name " * 2,
            ask=Decimal(110000 + i),
            concessions=[c.id for c in deal.concessions[i % 5 :: 3]],
        )
        for i in range(25)
    ]
    data = render_pdf(deal, paper="letter")
    assert_sound_page(data)  # one page, nothing outside the margins
    assert "Packagestooffer" in squash(text_of(data))


def test_hostile_package_names_stay_text() -> None:
    deal = renewal()
    deal.packages[0].name = '<a href="http://x">link</a> <img src="y"/> =HYPERLINK("z")'
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    assert b"/URI" not in data and b"/Annot" not in data and b"/XObject" not in data
    assert squash('<a href="http://x">link</a>') in squash(text_of(data))
