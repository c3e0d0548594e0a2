"""Deals for the benchmarks: the shipped sample, and the sample grown to 2,000 concessions."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from worksheet.domain.deal import Concession, Deal
from worksheet.io import dumps, load

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "software-renewal.deal"

#: The size the issue names for the "big deal" rows.
BIG_CONCESSIONS = 2_000

# Hostile-but-valid text, so the big deal costs what real multilingual notes cost to parse,
# escape and lay out (not only ASCII fast paths).
_WORDS = (
    "Net-60 payment terms",
    "Zwei Jahre Laufzeit, Preis fest",
    "Поддержка 24/7 на первый квартал",
    "专属客户经理",
    'Onboarding for the Dallas depot <b>not bold</b> & "quoted"',
    "=SUM(A1:A9) stays text",
)


def sample_deal() -> Deal:
    return load(SAMPLE)


def big_deal(concessions: int = BIG_CONCESSIONS) -> Deal:
    """The sample grown to `concessions` concessions: its own first, then varied extra ones.

    The extras stay out of the package, so the summary, the zone and the chart are exactly the
    sample's and only the length of the list differs between the "sample" and "2,000" rows.
    Deterministic, so every run and every machine measures the same document.
    """
    deal = copy.deepcopy(sample_deal())
    items: list[Concession] = list(deal.concessions)
    for i in range(len(items), concessions):
        word = _WORDS[i % len(_WORDS)]
        items.append(
            Concession(
                id=f"c{i + 1}",
                what=f"{word} #{i + 1}",
                cost_to_us=Decimal(50 + (i * 37) % 900) + Decimal("0.25"),
                value_to_them=None if i % 97 == 0 else Decimal(80 + (i * 53) % 1500),
                ask_in_return=f"ask {i + 1}: a reference call" if i % 3 else "",
                order=i if i % 5 else None,
                notes="" if i % 4 else f"note {i}: " + word * 3,
            )
        )
    deal.concessions = items
    return deal


def write_deal(deal: Deal, path: Path) -> Path:
    path.write_text(dumps(deal), encoding="utf-8")
    return path


#: The size the issue names for the packages rows.
BIG_PACKAGES = 20
MESO_CONCESSIONS = 30


def packaged_deal(packages: int = BIG_PACKAGES) -> Deal:
    """The 2,000-concession deal with `packages` packages side by side, each holding every
    second to every twentieth concession and priced near the target."""
    from worksheet.domain.deal import Package

    deal = big_deal()
    ids = [c.id for c in deal.concessions]
    deal.packages = [
        Package(
            id=f"p{n + 1}",
            name=f"Package {n + 1}",
            ask=Decimal(118000 + 500 * n),
            concessions=ids[:: n + 2],
        )
        for n in range(packages)
    ]
    deal.active_package = "p1"
    return deal


def meso_deal(concessions: int = MESO_CONCESSIONS) -> Deal:
    """The sample with `concessions` varied concessions, all offerable, for the MESO builder."""
    deal = copy.deepcopy(sample_deal())
    deal.concessions = [
        Concession(
            id=f"c{i + 1}",
            what=f"{_WORDS[i % len(_WORDS)]} #{i + 1}",
            cost_to_us=Decimal(100 + (i * 379) % 4000),
            value_to_them=Decimal(200 + (i * 613) % 7000),
        )
        for i in range(concessions)
    ]
    deal.packages, deal.active_package = [], None
    return deal
