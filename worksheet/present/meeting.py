"""Words for the meeting view and the debrief: scores, the proposed counter, concession
statuses, totals, warnings and the after-action checklist. No Qt: the window and the debrief
PDF render these sentences."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.meeting import ConcessionTotals, Counter, OfferScore
from worksheet.i18n import N_, Words, _, ngettext
from worksheet.present.numbers import format_money

VIEW_TITLE = N_("At the Table")
WALK_AWAY_KEY_NAME = "W"
WALK_AWAY_HINT = N_("Hold {key} to see your walk-away")
ENTRY_HINT = N_("Type an amount — Enter: their offer · Shift+Enter: ours · Esc: leave")
NO_OFFERS = N_("No offers yet. Type the first number you hear and press Enter.")


def walk_away_hint() -> str:
    return _(WALK_AWAY_HINT).format(key=WALK_AWAY_KEY_NAME)


BY_WORDS: Words = Words({"them": N_("They"), "us": N_("We")})

STATUS_LABELS: Words = Words(
    {
        "planned": N_("Planned"),
        "offered": N_("Offered"),
        "given": N_("Given"),
        "traded": N_("Traded"),
        "dropped": N_("Dropped"),
    }
)

STATUS_HELP: Words = Words(
    {
        "planned": N_("not yet on the table"),
        "offered": N_("put on the table, not yet given"),
        "given": N_("given away, nothing back recorded"),
        "traded": N_("given for what we asked in return"),
        "dropped": N_("taken off the table"),
    }
)

#: The concession table's column that marks the active package's concessions.
IN_PACKAGE_HEADER = N_("In package")
IN_PACKAGE_YES = "✓"
IN_PACKAGE_NO = "—"


def in_package_help(inside: bool, package_name: str | None) -> str:
    """The tooltip of a concession's package cell: which package, and whether it holds it."""
    if package_name is None:
        return _("No active package: choose one on the Packages page.")
    name = package_name or _("unnamed")
    if inside:
        return _("In the active package '{name}'").format(name=name)
    return _("Not in the active package '{name}'").format(name=name)


ZONE_WORDS: Words = Words(
    {
        "inside": N_("inside the zone"),
        "short": N_("outside the zone"),
        "beyond": N_("beyond their estimated limit"),
        None: N_("zone not known"),  # type: ignore[dict-item]
    }
)

OUTCOME_LABELS: Words = Words(
    {
        "open": N_("Still open"),
        "agreed": N_("Agreed"),
        "walked_away": N_("Walked away"),
        "postponed": N_("Postponed"),
    }
)

#: The after-action checklist the debrief asks, in the order it asks. The English sentence is
#: what the file records (`ReviewItem.check`); it is shown through `_()`.
REVIEW_CHECKS: tuple[str, ...] = (
    N_("I asked a question before every concession I made"),
    N_("Each concession I gave came with something back"),
    N_("Our walk-away and our alternative stayed private"),
    N_("I heard out the reason behind each objection before answering"),
    N_("Our steps got smaller as we went"),
    N_("I let them make the last move before I moved again"),
)


def money(amount: Decimal | None, currency: str) -> str:
    return format_money(amount, currency)


def _signed_gap(amount: Decimal, currency: str) -> str:
    return format_money(abs(amount), currency)


def score_words(score: OfferScore, currency: str) -> list[str]:
    """Short phrases for one offer's score, most important first."""
    if score.amount is None:
        return [_("no amount")]
    words = [ZONE_WORDS[score.zone]]
    if score.to_target is not None:
        gap = _signed_gap(score.to_target, currency)
        if score.to_target == 0:
            words.append(_("meets our target"))
        elif score.to_target > 0:
            words.append(_("{amount} better than target").format(amount=gap))
        else:
            words.append(_("{amount} short of target").format(amount=gap))
    if score.moved is not None:
        moved = _signed_gap(score.moved, currency)
        if score.by == "them":
            if score.moved > 0:
                words.append(_("moved {amount} our way").format(amount=moved))
            elif score.moved < 0:
                words.append(_("moved {amount} back").format(amount=moved))
            else:
                words.append(_("did not move"))
        else:
            if score.moved < 0:
                words.append(_("we gave {amount}").format(amount=moved))
            elif score.moved > 0:
                words.append(_("we asked {amount} more").format(amount=moved))
            else:
                words.append(_("we held"))
    if score.past_walk_away:
        words.append(_("worse than our walk-away"))
    return words


def counter_sentence(counter: Counter, currency: str) -> str:
    """What the concession pattern proposes next, in one line."""
    m = lambda a: format_money(a, currency)  # noqa: E731
    if counter.kind == "none":
        return _("Set an opening, a target and a walk-away to get a proposed counter.")
    if counter.kind == "open":
        return _("Open with {amount}.").format(amount=m(counter.amount))
    if counter.kind == "accept":
        return _(
            "Their last offer, {amount}, is at least what we would ask next: consider it."
        ).format(amount=m(counter.amount))
    if counter.kind == "hold":
        return _("Hold at {amount}: a smaller step would say little.").format(
            amount=m(counter.amount)
        )
    return _("Counter with {amount}: a step of {step}.").format(
        amount=m(counter.amount), step=m(counter.step)
    )


def totals_sentence(totals: ConcessionTotals, currency: str) -> str:
    given = totals.by_status.get("given", 0) + totals.traded
    if not given:
        return _("Nothing given yet.")
    return ngettext(
        "Given {given}: cost to us {cost}, worth {worth} to them · "
        "{traded} of {given} traded for something back.",
        "Given {given}: cost to us {cost}, worth {worth} to them · "
        "{traded} of {given} traded for something back.",
        given,
    ).format(
        given=given,
        traded=totals.traded,
        cost=format_money(totals.given_cost, currency),
        worth=format_money(totals.given_value, currency),
    )


def got_sentence(totals: ConcessionTotals) -> str:
    if not totals.got:
        return _("Got in return: nothing recorded yet.")
    return _("Got in return: {items}.").format(items="; ".join(totals.got))


def warning_sentence(code: str, what: str) -> str:
    if code == "given_without_trade":
        return _(
            "“{what}” is marked given with nothing back: is there something to ask for it?"
        ).format(what=what)
    if code == "offer_past_walk_away":
        return _(
            "Our offer {amount} is worse than our walk-away. Take a moment before going on."
        ).format(amount=what)
    return what


def walk_away_word(floor: Decimal | None, walk_away: Decimal | None, seller: bool) -> str:
    """ "walk-away", or the package floor/ceiling when the package moves it."""
    if floor is not None and walk_away is not None and floor != walk_away:
        return _("package floor") if seller else _("package ceiling")
    return _("walk-away")


def walk_away_text(
    floor: Decimal | None, currency: str, walk_away: Decimal | None = None, seller: bool = True
) -> str:
    if floor is None:
        return _("Walk-away: not set")
    moved = floor is not None and walk_away is not None and floor != walk_away
    if not moved:
        return _("Walk-away {amount}").format(amount=format_money(floor, currency))
    sentence = (
        _("Walk-away {amount}; with the concessions on the table, package floor {floor}")
        if seller
        else _("Walk-away {amount}; with the concessions on the table, package ceiling {floor}")
    )
    return sentence.format(
        amount=format_money(walk_away, currency), floor=format_money(floor, currency)
    )


def bounds_sentence(at_least: Decimal | None, at_most: Decimal | None, currency: str) -> str:
    if at_least is None and at_most is None:
        return _("Their offers revealed no bound on their walk-away.")
    if at_least is not None and at_most is not None:
        return _("Their walk-away lies between {low} and {high}.").format(
            low=format_money(at_least, currency), high=format_money(at_most, currency)
        )
    if at_least is not None:
        return _("Their walk-away is at least {amount}.").format(
            amount=format_money(at_least, currency)
        )
    return _("Their walk-away is at most {amount}.").format(amount=format_money(at_most, currency))
