"""The words for every code a deal holds, one table each.

Every output (window, PDF, workbook, command line) looks its words up here, through `word()`,
so an unknown code (a file from a newer release) gets a readable word, never the raw code.
"""

from __future__ import annotations

from collections.abc import Mapping

#: What kind of negotiation (`kind`).
KINDS: dict[str, str] = {
    "sale": "Sale",
    "purchase": "Purchase",
    "job_offer": "Job offer",
    "renewal": "Renewal",
    "partnership": "Partnership",
    "other": "Other",
}
KIND_FALLBACK = "Negotiation"

#: Which side of the price we are on (`role`): the choice in the window.
ROLES: dict[str, str] = {
    "seller": "We sell (we want a higher price)",
    "buyer": "We buy (we want a lower price)",
}
#: The same, as a short word for headers ("Seller side").
ROLE_SHORT: dict[str, str] = {"seller": "Seller", "buyer": "Buyer"}
#: The same, inside a sentence ("we are the seller").
ROLE_PHRASES: dict[str, str] = {"seller": "we are the seller", "buyer": "we are the buyer"}

#: Fallback kinds (`fallbacks[].kind`). One word each, everywhere.
FALLBACK_KINDS: dict[str, str] = {
    "batna": "Best alternative (BATNA)",
    "alternative_offer": "Alternative offer",
    "mini_deal": "Smaller or trial deal",
    "walk_away_condition": "Walk-away condition",
    "keep_door_open": "Keep the door open",
}
FALLBACK_FALLBACK = "Other fallback"

#: Whose interest (`listening.interests[].party`).
PARTIES: dict[str, str] = {"theirs": "Theirs", "ours": "Ours"}
PARTY_FALLBACK = "Either side"

#: Who made an offer (`offers[].by`).
OFFER_BY: dict[str, str] = {"us": "Us", "them": "Them"}
OFFER_BY_FALLBACK = "Someone"

#: Where a concession stands (`concessions[].status`).
CONCESSION_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "offered": "Offered",
    "given": "Given",
    "traded": "Traded",
    "dropped": "Dropped",
}
CONCESSION_STATUS_FALLBACK = "Other"

#: The zone status, as a title.
STATUSES: dict[str, str] = {
    "certain": "Deal zone: certain",
    "possible": "Deal zone: possible",
    "none": "No deal zone",
    "unknown": "Deal zone unknown",
}
STATUS_FALLBACK = STATUSES["unknown"]

#: The three zones, as the chart and the tables name them.
ZONES: dict[str, str] = {"best": "best case", "likely": "likely", "worst": "worst case"}
ZONE_ROWS: dict[str, str] = {"worst": "Worst case", "likely": "Likely", "best": "Best case"}

#: The seven readiness checks (spec order lives in the domain; these are their words).
READINESS: dict[str, str] = {
    "goal": "Goal written down",
    "target": "Target price set",
    "walk_away": "Walk-away price set",
    "their_estimate": "Their walk-away estimated",
    "batna": "Best alternative (BATNA) named",
    "trades": "A concession with something asked in return",
    "questions": "At least three follow-up questions",
}
READINESS_FALLBACK = "Another check"

#: Short titles of the warnings, for lists and headers (the full message says the numbers).
WARNINGS: dict[str, str] = {
    "no_walk_away": "No walk-away price",
    "target_worse_than_walk_away": "Target worse than the walk-away",
    "opening_weaker_than_target": "Opening weaker than the target",
    "walk_away_worse_than_batna": "Walk-away worse than the best alternative",
    "estimate_out_of_order": "Their estimate is out of order",
    "concession_value_unknown": "A concession has no value to them",
    "walk_away_beyond_limit": "Walk-away beyond the manager's limit",
    "package_cost_over_limit": "Package costs more than the manager's limit",
    "package_ask_beyond_walk_away": "A package asks beyond its own walk-away",
}
WARNING_FALLBACK = "Something to check"

#: The live checks of the workbook, one per warning, as conditions that read "OK" when met
#: (worded apart from the readiness items, so no two rows share a label).
CHECK_LABELS: dict[str, str] = {
    "no_walk_away": "Walk-away given, so the zone can be computed",
    "target_worse_than_walk_away": "Target at least as good as walk-away",
    "opening_weaker_than_target": "Opening beyond the target",
    "walk_away_worse_than_batna": "Walk-away beats the best alternative",
    "estimate_out_of_order": "Their estimate in order",
    "concession_value_unknown": "Every package concession has a value to them",
}

#: Section titles, the same in the window's navigation, the PDF and the workbook.
SECTIONS: dict[str, str] = {
    "deal": "Deal",
    "vision": "Vision",
    "anchors": "Anchors",
    "their_estimate": "Their side",
    "concessions": "Concessions",
    "fallbacks": "Fallbacks",
    "listening": "Listening",
    "offers": "Offers",
    "notes": "Notes",
    "summary": "Summary",
    "numbers": "Numbers",
    "zone": "Deal zone",
    "readiness": "Readiness",
    "warnings": "Check these",
    "questions": "Questions to ask",
    "trades": "Trades",
    "interests": "Interests",
    "objections": "Objections",
}


def word(table: Mapping[str, str], code: object, fallback: str) -> str:
    """The word for `code` in `table`; an unknown or missing code gets `fallback`, never itself."""
    if isinstance(code, str):
        found = table.get(code)
        if found is not None:
            return found
    return fallback


def kind_word(code: object) -> str:
    return word(KINDS, code, KIND_FALLBACK)


def role_word(code: object) -> str:
    return word(ROLE_SHORT, code, ROLE_SHORT["seller"])


def role_phrase(code: object) -> str:
    return word(ROLE_PHRASES, code, ROLE_PHRASES["seller"])


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
    """A table as (code, word) pairs in its order, for a choice box."""
    return tuple(table.items())


def limit_word(role: object) -> str:
    """Our limit for the package: a seller's floor, a buyer's ceiling."""
    return "package ceiling" if role == "buyer" else "package floor"
