"""What the Packages page, the prep sheet's package table and the workbook's Packages sheet say:
labels, help texts and each package's figures as text (spec §2.5). No Qt, reportlab or openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheet.domain.deal import Deal, Package
from worksheet.domain.summary import PackageSummary, Summary, round_cents
from worksheet.i18n import N_, Words, _
from worksheet.present.numbers import DASH, format_chance, format_money

#: The figure rows of a package, in the order every output shows them: (key, label, help).
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("active", N_("Active"), N_("The package the live zone and chart are worked out for.")),
    ("name", N_("Name"), N_("What you call this offer.")),
    ("ask", N_("Ask"), N_("The price you ask with this package.")),
    ("cost_to_us", N_("Cost to us"), N_("What its concessions cost us together.")),
    ("value_to_them", N_("Value to them"), N_("What its concessions are worth to them.")),
    (
        "net",
        N_("Net"),
        N_(
            "What the deal is worth to us as a price: the ask with the cost taken off "
            "(a buyer: added on, and lower is better)."
        ),
    ),
    (
        "acceptance",
        N_("Chance of acceptance"),
        N_("How likely their walk-away is on our side of the ask, from your estimate of it."),
    ),
    (
        "expected_value",
        N_("Expected value"),
        N_("The net if they accept, your best alternative if not, weighed by the chance."),
    ),
    (
        "best_ask",
        N_("Best ask"),
        N_(
            "The ask that makes the most of our gain over the walk-away times the chance "
            "they accept."
        ),
    ),
)
#: The figure labels by key, in the current language on every lookup.
LABELS: Words = Words({key: label for key, label, _help in FIGURES})

#: English in the code; shown through `_()` where it is used.
MESO_NOTE = N_("The packages with an ask form a MESO: equal nets, different concessions.")
MESO_MARK = "MESO"
NO_CONCESSIONS = N_("price only")
NOT_DESCRIBED = N_("(not described)")
#: A package's tick for one concession, as the workbook import's review writes a change.
TICK_WORDS: Words = Words({True: N_("included"), False: N_("left out")})  # type: ignore[dict-item]


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
        return _(NO_CONCESSIONS)
    return "; ".join(" ".join(c.what.split()) or _(NOT_DESCRIBED) for c in items)


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
