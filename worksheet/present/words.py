"""The words for every code a deal holds, one table each.

Every output (window, PDF, workbook, command line) looks its words up here, through `word()`,
so an unknown code (a file from a newer release) gets a readable word, never the raw code.
"""

from __future__ import annotations

from collections.abc import Mapping

from worksheet.i18n import N_, Words, _

#: What kind of negotiation (`kind`).
KINDS: Words = Words(
    {
        "sale": N_("Sale"),
        "purchase": N_("Purchase"),
        "job_offer": N_("Job offer"),
        "renewal": N_("Renewal"),
        "partnership": N_("Partnership"),
        "other": N_("Other"),
    }
)
KIND_FALLBACK = N_("Negotiation")

#: Which side of the price we are on (`role`): the choice in the window.
ROLES: Words = Words(
    {
        "seller": N_("We sell (we want a higher price)"),
        "buyer": N_("We buy (we want a lower price)"),
    }
)
#: The same, as a short word for headers ("Seller side").
ROLE_SHORT: Words = Words({"seller": N_("Seller"), "buyer": N_("Buyer")})
#: The same, inside a sentence ("we are the seller").
ROLE_PHRASES: Words = Words({"seller": N_("we are the seller"), "buyer": N_("we are the buyer")})

#: Fallback kinds (`fallbacks[].kind`). One word each, everywhere.
FALLBACK_KINDS: Words = Words(
    {
        "batna": N_("Best alternative (BATNA)"),
        "alternative_offer": N_("Alternative offer"),
        "mini_deal": N_("Smaller or trial deal"),
        "walk_away_condition": N_("Walk-away condition"),
        "keep_door_open": N_("Keep the door open"),
    }
)
FALLBACK_FALLBACK = N_("Other fallback")

#: Whose interest (`listening.interests[].party`).
PARTIES: Words = Words({"theirs": N_("Theirs"), "ours": N_("Ours")})
PARTY_FALLBACK = N_("Either side")

#: Who made an offer (`offers[].by`).
OFFER_BY: Words = Words({"us": N_("Us"), "them": N_("Them")})
OFFER_BY_FALLBACK = N_("Someone")

#: Where a concession stands (`concessions[].status`).
CONCESSION_STATUSES: Words = Words(
    {
        "planned": N_("Planned"),
        "offered": N_("Offered"),
        "given": N_("Given"),
        "traded": N_("Traded"),
        "dropped": N_("Dropped"),
    }
)
CONCESSION_STATUS_FALLBACK = N_("Other")

#: The zone status, as a title.
STATUSES: Words = Words(
    {
        "certain": N_("Deal zone: certain"),
        "possible": N_("Deal zone: possible"),
        "none": N_("No deal zone"),
        "unknown": N_("Deal zone unknown"),
    }
)
STATUS_FALLBACK = STATUSES.source("unknown")

#: The three zones, as the chart and the tables name them.
ZONES: Words = Words({"best": N_("best case"), "likely": N_("likely"), "worst": N_("worst case")})

#: The seven readiness checks (spec order lives in the domain; these are their words).
READINESS: Words = Words(
    {
        "goal": N_("Goal written down"),
        "target": N_("Target price set"),
        "walk_away": N_("Walk-away price set"),
        "their_estimate": N_("Their walk-away estimated"),
        "batna": N_("Best alternative (BATNA) named"),
        "trades": N_("A concession with something asked in return"),
        "questions": N_("At least three follow-up questions"),
    }
)
READINESS_FALLBACK = N_("Another check")

#: Short titles of the warnings, for lists and headers (the full message says the numbers).
WARNINGS: Words = Words(
    {
        "no_walk_away": N_("No walk-away price"),
        "target_worse_than_walk_away": N_("Target worse than the walk-away"),
        "opening_weaker_than_target": N_("Opening weaker than the target"),
        "walk_away_worse_than_batna": N_("Walk-away worse than the best alternative"),
        "estimate_out_of_order": N_("Their estimate is out of order"),
        "concession_value_unknown": N_("A concession has no value to them"),
        "walk_away_beyond_limit": N_("Walk-away beyond the manager's limit"),
        "package_cost_over_limit": N_("Package costs more than the manager's limit"),
        "package_ask_beyond_walk_away": N_("A package asks beyond its own walk-away"),
    }
)
WARNING_FALLBACK = N_("Something to check")

#: The live checks of the workbook, one per warning, as conditions that read "OK" when met
#: (worded apart from the readiness items, so no two rows share a label).
CHECK_LABELS: Words = Words(
    {
        "no_walk_away": N_("Walk-away given, so the zone can be computed"),
        "target_worse_than_walk_away": N_("Target at least as good as walk-away"),
        "opening_weaker_than_target": N_("Opening beyond the target"),
        "walk_away_worse_than_batna": N_("Walk-away beats the best alternative"),
        "estimate_out_of_order": N_("Their estimate in order"),
        "concession_value_unknown": N_("Every package concession has a value to them"),
    }
)


def word(table: Mapping[str, str], code: object, fallback: str) -> str:
    """The word for `code` in `table`; an unknown or missing code gets `fallback`, never itself."""
    if isinstance(code, str):
        found = table.get(code)
        if found is not None:
            return found
    return _(fallback)


def kind_word(code: object) -> str:
    return word(KINDS, code, KIND_FALLBACK)


def role_word(code: object) -> str:
    return word(ROLE_SHORT, code, ROLE_SHORT.source("seller"))


def role_phrase(code: object) -> str:
    return word(ROLE_PHRASES, code, ROLE_PHRASES.source("seller"))


def fallback_word(code: object) -> str:
    # The spec: a fallback without kind counts as a BATNA.
    if code is None or code == "":
        return FALLBACK_KINDS["batna"]
    return word(FALLBACK_KINDS, code, FALLBACK_FALLBACK)


def party_word(code: object) -> str:
    return word(PARTIES, code, PARTY_FALLBACK)


def offer_by_word(code: object) -> str:
    return word(OFFER_BY, code, OFFER_BY_FALLBACK)


def concession_status_word(code: object) -> str:
    return word(CONCESSION_STATUSES, code, CONCESSION_STATUS_FALLBACK)


def status_word(code: object) -> str:
    return word(STATUSES, code, STATUS_FALLBACK)


def readiness_word(code: object) -> str:
    return word(READINESS, code, READINESS_FALLBACK)


def warning_word(code: object) -> str:
    return word(WARNINGS, code, WARNING_FALLBACK)


def choices(table: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """A table as (code, word) pairs in its order, for a choice box (in today's language)."""
    return tuple(table.items())


def limit_word(role: object) -> str:
    """Our limit for the package: a seller's floor, a buyer's ceiling."""
    return _("package ceiling") if role == "buyer" else _("package floor")
