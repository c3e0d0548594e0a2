"""What the Packages page, the prep sheet's package table and the workbook's Packages sheet say:
labels, help texts and each package's figures as text (spec §2.5). No Qt, reportlab or openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheet.domain.deal import Deal, Package
from worksheet.domain.summary import PackageSummary, Summary, round_cents
from worksheet.present.numbers import DASH, format_chance, format_money

#: The figure rows of a package, in the order every output shows them: (key, label, help).
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("active", "Active", "The package the live zone and chart are worked out for."),
    ("name", "Name", "What you call this offer."),
    ("ask", "Ask", "The price you ask with this package."),
    ("cost_to_us", "Cost to us", "What its concessions cost us together."),
    ("value_to_them", "Value to them", "What its concessions are worth to them."),
    (
        "net",
        "Net",
        "What the deal is worth to us as a price: the ask with the cost taken off "
        "(a buyer: added on, and lower is better).",
    ),
    (
        "acceptance",
        "Chance of acceptance",
        "How likely their walk-away is on our side of the ask, from your estimate of it.",
    ),
    (
        "expected_value",
        "Expected value",
        "The net if they accept, your best alternative if not, weighed by the chance.",
    ),
    (
        "best_ask",
        "Best ask",
        "The ask that makes the most of our gain over the walk-away times the chance they accept.",
    ),
)
LABELS: dict[str, str] = {key: label for key, label, _help in FIGURES}

MESO_NOTE = "The packages with an ask form a MESO: equal nets, different concessions."
MESO_MARK = "MESO"
NO_CONCESSIONS = "price only"
#: A package's tick for one concession, as the workbook import's review writes a change.
TICK_WORDS = {True: "included", False: "left out"}


def package_name(package: Package) -> str:
    """The name people see: the package's name on one line, or its id when it has none."""
    return " ".join(package.name.split()) or package.id


def figure_text(key: str, figures: PackageSummary, currency: str) -> str:
    """One figure as text: money in the deal's currency, the chance as a percentage; a dash
    where §2.5 leaves it unset (no ask, no estimate, no walk-away or no alternative)."""
    value = getattr(figures, key)
    if value is None:
        return DASH
    if key == "acceptance":
        return format_chance(value)
    if key in ("expected_value", "best_ask"):
        value = round_cents(value)
    return format_money(value, currency)


def contents_text(deal: Deal, package: Package) -> str:
    """What a package gives, in the deal's list order: "Net-60 terms; Free onboarding"."""
    items = deal.package_concessions(package)
    if not items:
        return NO_CONCESSIONS
    return "; ".join(" ".join(c.what.split()) or "(not described)" for c in items)


@dataclass(frozen=True)
class PackageLine:
    """One package as the prep sheet lists it."""

    name: str
    ask: str
    gives: str
    net: str
    chance: str
    active: bool
    in_meso: bool


def package_lines(deal: Deal, summary: Summary) -> list[PackageLine]:
    """Every package with its figures as text, MESO members marked (spec §2.5's test)."""
    by_id = {p.id: p for p in summary.packages}
    meso = summary.meso
    out = []
    for package in deal.packages:
        figures = by_id.get(package.id)
        out.append(
            PackageLine(
                name=package_name(package),
                ask=format_money(package.ask, deal.currency) if package.ask is not None else DASH,
                gives=contents_text(deal, package),
                net=figure_text("net", figures, deal.currency) if figures else DASH,
                chance=figure_text("acceptance", figures, deal.currency) if figures else DASH,
                active=package.id == deal.active_package,
                in_meso=meso and package.ask is not None,
            )
        )
    return out


def money_or_blank(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else format_money(amount, currency)
