"""Words for the meeting view and the debrief: scores, the proposed counter, concession
statuses, totals, warnings and the after-action checklist. No Qt: the window and the debrief
PDF render these sentences."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.meeting import ConcessionTotals, Counter, OfferScore
from worksheet.present.numbers import format_money

VIEW_TITLE = "At the Table"
WALK_AWAY_KEY_NAME = "W"
WALK_AWAY_HINT = f"Hold {WALK_AWAY_KEY_NAME} to see your walk-away"
ENTRY_HINT = "Type an amount — Enter: their offer · Shift+Enter: ours · Esc: leave"
NO_OFFERS = "No offers yet. Type the first number you hear and press Enter."

BY_WORDS = {"them": "They", "us": "We"}

STATUS_LABELS: dict[str, str] = {
    "planned": "Planned",
    "offered": "Offered",
    "given": "Given",
    "traded": "Traded",
    "dropped": "Dropped",
}

STATUS_HELP: dict[str, str] = {
    "planned": "not yet on the table",
    "offered": "put on the table, not yet given",
    "given": "given away, nothing back recorded",
    "traded": "given for what we asked in return",
    "dropped": "taken off the table",
}

#: The concession table's column that marks the active package's concessions.
IN_PACKAGE_HEADER = "In package"
IN_PACKAGE_YES = "✓"
IN_PACKAGE_NO = "—"


def in_package_help(inside: bool, package_name: str | None) -> str:
    """The tooltip of a concession's package cell: which package, and whether it holds it."""
    if package_name is None:
        return "No active package: choose one on the Packages page."
    name = package_name or "unnamed"
    return f"In the active package '{name}'" if inside else f"Not in the active package '{name}'"


ZONE_WORDS: dict[str | None, str] = {
    "inside": "inside the zone",
    "short": "outside the zone",
    "beyond": "beyond their estimated limit",
    None: "zone not known",
}

OUTCOME_LABELS: dict[str, str] = {
    "open": "Still open",
    "agreed": "Agreed",
    "walked_away": "Walked away",
    "postponed": "Postponed",
}

#: The after-action checklist the debrief asks, in the order it asks.
REVIEW_CHECKS: tuple[str, ...] = (
    "I asked a question before every concession I made",
    "Each concession I gave came with something back",
    "Our walk-away and our alternative stayed private",
    "I heard out the reason behind each objection before answering",
    "Our steps got smaller as we went",
    "I let them make the last move before I moved again",
)


def money(amount: Decimal | None, currency: str) -> str:
    return format_money(amount, currency)


def _signed_gap(amount: Decimal, currency: str) -> str:
    return format_money(abs(amount), currency)


def score_words(score: OfferScore, currency: str) -> list[str]:
    """Short phrases for one offer's score, most important first."""
    if score.amount is None:
        return ["no amount"]
    words = [ZONE_WORDS[score.zone]]
    if score.to_target is not None:
        if score.to_target >= 0:
            words.append(
                "meets our target"
                if score.to_target == 0
                else f"{_signed_gap(score.to_target, currency)} better than target"
            )
        else:
            words.append(f"{_signed_gap(score.to_target, currency)} short of target")
    if score.moved is not None:
        if score.by == "them":
            if score.moved > 0:
                words.append(f"moved {_signed_gap(score.moved, currency)} our way")
            elif score.moved < 0:
                words.append(f"moved {_signed_gap(score.moved, currency)} back")
            else:
                words.append("did not move")
        else:
            if score.moved < 0:
                words.append(f"we gave {_signed_gap(score.moved, currency)}")
            elif score.moved > 0:
                words.append(f"we asked {_signed_gap(score.moved, currency)} more")
            else:
                words.append("we held")
    if score.past_walk_away:
        words.append("worse than our walk-away")
    return words


def counter_sentence(counter: Counter, currency: str) -> str:
    """What the concession pattern proposes next, in one line."""
    m = lambda a: format_money(a, currency)  # noqa: E731
    if counter.kind == "none":
        return "Set an opening, a target and a walk-away to get a proposed counter."
    if counter.kind == "open":
        return f"Open with {m(counter.amount)}."
    if counter.kind == "accept":
        return (
            f"Their last offer, {m(counter.amount)}, is at least what we would ask next: "
            "consider it."
        )
    if counter.kind == "hold":
        return f"Hold at {m(counter.amount)}: a smaller step would say little."
    return f"Counter with {m(counter.amount)}: a step of {m(counter.step)}."


def totals_sentence(totals: ConcessionTotals, currency: str) -> str:
    given = totals.by_status.get("given", 0) + totals.traded
    if not given:
        return "Nothing given yet."
    got = f"{totals.traded} of {given} traded for something back"
    return (
        f"Given {given}: cost to us {format_money(totals.given_cost, currency)}, "
        f"worth {format_money(totals.given_value, currency)} to them · {got}."
    )


def got_sentence(totals: ConcessionTotals) -> str:
    if not totals.got:
        return "Got in return: nothing recorded yet."
    return "Got in return: " + "; ".join(totals.got) + "."


def warning_sentence(code: str, what: str) -> str:
    if code == "given_without_trade":
        return f"“{what}” is marked given with nothing back: is there something to ask for it?"
    if code == "offer_past_walk_away":
        return f"Our offer {what} is worse than our walk-away. Take a moment before going on."
    return what


def walk_away_word(floor: Decimal | None, walk_away: Decimal | None, seller: bool) -> str:
    """ "walk-away", or the package floor/ceiling when the package moves it."""
    if floor is not None and walk_away is not None and floor != walk_away:
        return "package floor" if seller else "package ceiling"
    return "walk-away"


def walk_away_text(
    floor: Decimal | None, currency: str, walk_away: Decimal | None = None, seller: bool = True
) -> str:
    if floor is None:
        return "Walk-away: not set"
    word = walk_away_word(floor, walk_away, seller)
    if word == "walk-away":
        return f"Walk-away {format_money(floor, currency)}"
    return (
        f"Walk-away {format_money(walk_away, currency)}; with the concessions on the table, "
        f"{word} {format_money(floor, currency)}"
    )


def bounds_sentence(at_least: Decimal | None, at_most: Decimal | None, currency: str) -> str:
    if at_least is None and at_most is None:
        return "Their offers revealed no bound on their walk-away."
    if at_least is not None and at_most is not None:
        return (
            f"Their walk-away lies between {format_money(at_least, currency)} and "
            f"{format_money(at_most, currency)}."
        )
    if at_least is not None:
        return f"Their walk-away is at least {format_money(at_least, currency)}."
    return f"Their walk-away is at most {format_money(at_most, currency)}."
