"""The manager's approval and the numbers it was given for (spec §2.6), and the deal's id.

An approval holds for the numbers the manager saw. When the decision becomes "approved" the app
records those numbers (the *basis*) in the deal's top-level key `sign_off_basis`; any later
change to an amount of spec §2.1 (our walk-away, their walk-away estimate, the cost and value
of the package) or to the active package makes the approval one "for an earlier version".
The basis is plain JSON kept with the deal's unknown top-level keys, so a file stays a valid
version 2 file and an older app keeps it untouched (spec §1: unknown top-level keys are kept).

The deal id (`deal_id`, same place) ties a manager workbook to the deal it was exported from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from worksheet.domain.deal import Deal, money_text
from worksheet.i18n import N_

BASIS_KEY = "sign_off_basis"
DEAL_ID_KEY = "deal_id"

#: The numbers an approval covers, in the order they are listed when one changed.
BASIS_FIELDS: tuple[str, ...] = (
    "walk_away",
    "their_low",
    "their_likely",
    "their_high",
    "package",
    "package_concessions",
    "package_cost",
    "package_value",
)

#: Words for each basis field, for "changed since the approval: …".
BASIS_LABELS: dict[str, str] = {
    "walk_away": N_("our walk-away"),
    "their_low": N_("their lowest walk-away"),
    "their_likely": N_("their most likely walk-away"),
    "their_high": N_("their highest walk-away"),
    "package": N_("the active package"),
    "package_concessions": N_("the concessions in the package"),
    "package_cost": N_("the package cost"),
    "package_value": N_("the package value"),
}

#: The approval states every output shows.
NONE, APPROVED, STALE, CHANGES_REQUESTED, REJECTED = (
    "none",
    "approved",
    "stale",
    "changes_requested",
    "rejected",
)


def approval_basis(deal: Deal) -> dict[str, str | None]:
    """The numbers an approval of this deal covers, as plain JSON values (decimal texts)."""
    from worksheet.domain.summary import summarize

    summary = summarize(deal)
    est = deal.their_estimate
    members = [c.id for c in deal.package_concessions(deal.active())]
    return {
        "walk_away": money_text(deal.anchors.walk_away),
        "their_low": money_text(est.walk_away_low),
        "their_likely": money_text(est.walk_away_likely),
        "their_high": money_text(est.walk_away_high),
        "package": deal.active_package,
        "package_concessions": ",".join(sorted(members)),
        "package_cost": money_text(summary.package_cost),
        "package_value": money_text(summary.package_value),
    }


def recorded_basis(deal: Deal) -> dict | None:
    value = deal.extra.get(BASIS_KEY)
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class Approval:
    """Where the sign-off stands: one of the states above, and what changed for a stale one."""

    state: str
    changed: tuple[str, ...] = ()


def approval(deal: Deal) -> Approval:
    """The sign-off state: an approval whose numbers changed since (or were never recorded)
    is `stale`, so no output presents it as current."""
    decision = deal.sign_off.decision
    if decision == "changes_requested":
        return Approval(CHANGES_REQUESTED)
    if decision == "rejected":
        return Approval(REJECTED)
    if decision != "approved":
        return Approval(NONE)
    recorded = recorded_basis(deal)
    current = approval_basis(deal)
    if recorded is None:
        return Approval(STALE, (N_("the numbers it was given for (not recorded)"),))
    changed = tuple(
        BASIS_LABELS[k] for k in BASIS_FIELDS if _plain(recorded.get(k)) != current.get(k)
    )
    return Approval(STALE, changed) if changed else Approval(APPROVED)


def _plain(value) -> str | None:
    # A basis read back from a file may hold JSON numbers (Decimal) where we wrote texts.
    if value is None or isinstance(value, str):
        return value
    from decimal import Decimal

    if isinstance(value, Decimal):
        return money_text(value)
    return str(value)


def derived_deal_id(deal: Deal) -> str:
    """A stable id for a deal that has none yet, from what identifies it to the user."""
    basis = "\x1f".join((deal.title.strip(), deal.kind, deal.role, deal.currency))
    return "d-" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def deal_id(deal: Deal) -> str:
    """The deal's id: the stored one, else one derived from its title, kind, role and currency."""
    stored = deal.extra.get(DEAL_ID_KEY)
    if isinstance(stored, str) and stored.strip():
        return stored
    return derived_deal_id(deal)
