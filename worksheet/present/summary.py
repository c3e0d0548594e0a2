"""The summary as people read it: the status title and sentence and the key numbers, with their
words and amounts, for the window's summary panel, the prep sheet and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from worksheet.i18n import N_, _
from worksheet.present.numbers import DEAL_SEPARATORS, Separators, format_chance, format_money
from worksheet.present.sentences import exact_chance, status_sentence
from worksheet.present.words import status_word

if TYPE_CHECKING:
    from worksheet.domain.summary import Summary

#: Key numbers in reading order: (key, words for a seller, words for a buyer). Short words,
#: as the chart says them; the tips say the whole thing.
KEY_NUMBERS: tuple[tuple[str, str, str], ...] = (
    ("package_cost", N_("Cost to us"), N_("Cost to us")),
    ("package_value", N_("Value to them"), N_("Value to them")),
    ("package_walk_away", N_("Package floor"), N_("Package ceiling")),
    ("probability", N_("Chance of a deal"), N_("Chance of a deal")),
    ("gap", N_("Gap to close"), N_("Gap to close")),
)
KEY_NUMBER_TIPS: dict[str, tuple[str, str]] = {
    "package_cost": (N_("What the concessions in the package cost us."),) * 2,
    "package_value": (N_("What the concessions in the package are worth to them."),) * 2,
    "package_walk_away": (
        N_(
            "Our walk-away plus the package cost: the lowest price that still pays for the package."
        ),
        N_("Our walk-away minus the package cost: the highest price we can pay with the package."),
    ),
    "probability": (N_("How likely a deal is, from the spread of our estimate of them."),) * 2,
    "gap": (N_("How far apart we are when even our best guess leaves no deal zone."),) * 2,
}


@dataclass(frozen=True)
class KeyNumber:
    key: str
    label: str
    value: str
    tip: str


@dataclass(frozen=True)
class SummaryText:
    """Everything the summary says, as strings."""

    title: str
    sentence: str
    numbers: tuple[KeyNumber, ...]

    def number(self, key: str) -> KeyNumber:
        return next(n for n in self.numbers if n.key == key)


def summary_text(
    summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS
) -> SummaryText:
    seller = summary.role != "buyer"

    def money(amount):
        return format_money(amount, currency, seps=seps)

    values = {
        "package_cost": money(summary.package_cost),
        "package_value": money(summary.package_value),
        "package_walk_away": money(summary.package_walk_away),
        "probability": format_chance(exact_chance(summary)),
        "gap": money(summary.gap),
    }
    numbers = tuple(
        KeyNumber(
            key,
            _(seller_words if seller else buyer_words),
            values[key],
            _(KEY_NUMBER_TIPS[key][0 if seller else 1]),
        )
        for key, seller_words, buyer_words in KEY_NUMBERS
    )
    return SummaryText(
        title=status_word(summary.status),
        sentence=status_sentence(summary, currency, seps),
        numbers=numbers,
    )
