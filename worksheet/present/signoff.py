"""What every output says about the manager's sign-off: decision words and the one status line.

No Qt, no reportlab, no openpyxl: the window, the PDF and the workbook render these texts.
"""

from __future__ import annotations

from worksheet.domain.deal import Deal
from worksheet.domain.signoff import APPROVED, CHANGES_REQUESTED, REJECTED, STALE, approval

#: The decision as people read it (and as the workbook's decision cell offers it).
DECISION_WORDS: dict[str, str] = {
    "": "No decision yet",
    "approved": "Approved",
    "changes_requested": "Changes requested",
    "rejected": "Rejected",
}

#: The workbook's drop-down: the words a manager picks (blank means no decision).
WORKBOOK_DECISIONS: tuple[str, ...] = ("Approved", "Changes requested", "Rejected")

STALE_TITLE = "Approved for an earlier version"

LABELS: dict[str, str] = {
    "by": "Reviewed by",
    "role": "Their role",
    "decision": "Decision",
    "date": "Date",
    "comment": "Comment",
    "limit_walk_away": "Walk-away limit",
    "limit_package_cost": "Package cost limit",
}


def decision_from_words(text: str) -> str | None:
    """A decision code from what a manager typed ("approved", "Changes requested"…), or None."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    if wanted in ("", "no decision yet", "none"):
        return ""
    for code, words in DECISION_WORDS.items():
        if wanted in (words.casefold(), code.replace("_", " ")):
            return code
    return None


def _who(deal: Deal) -> str:
    s = deal.sign_off
    who = s.by.strip()
    if who and s.role.strip():
        who += f" ({s.role.strip()})"
    text = f" by {who}" if who else ""
    if s.date:
        text += f" on {s.date}"
    return text


def status_line(deal: Deal, *, short: bool = False) -> str:
    """One sentence: who decided what and when, and whether an approval is still current.
    `short` leaves out the advice (for the PDF's one footer line)."""
    state = approval(deal)
    if state.state == APPROVED:
        return f"Approved{_who(deal)}."
    if state.state == STALE:
        changed = ", ".join(state.changed)
        advice = "" if short else " Ask again before the meeting."
        return f"{STALE_TITLE}{_who(deal)}: changed since: {changed}.{advice}"
    if state.state == CHANGES_REQUESTED:
        return f"Changes requested{_who(deal)}."
    if state.state == REJECTED:
        return f"Rejected{_who(deal)}."
    return "Not signed off yet."


def is_stale(deal: Deal) -> bool:
    return approval(deal).state == STALE
