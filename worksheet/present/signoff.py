"""What every output says about the manager's sign-off: decision words and the one status line.

No Qt, no reportlab, no openpyxl: the window, the PDF and the workbook render these texts.
"""

from __future__ import annotations

from worksheet.domain.deal import Deal
from worksheet.domain.signoff import APPROVED, CHANGES_REQUESTED, REJECTED, STALE, approval
from worksheet.i18n import N_, Words, _

#: The decision as people read it (and as the workbook's decision cell offers it), in the
#: current language on every lookup.
DECISION_WORDS: Words = Words(
    {
        "": N_("No decision yet"),
        "approved": N_("Approved"),
        "changes_requested": N_("Changes requested"),
        "rejected": N_("Rejected"),
    }
)

#: The workbook's drop-down: the words a manager picks (blank means no decision). English
#: here; `workbook_decisions()` gives them in the current language.
WORKBOOK_DECISIONS: tuple[str, ...] = (N_("Approved"), N_("Changes requested"), N_("Rejected"))

STALE_TITLE = N_("Approved for an earlier version")

LABELS: Words = Words(
    {
        "by": N_("Reviewed by"),
        "role": N_("Their role"),
        "decision": N_("Decision"),
        "date": N_("Date"),
        "comment": N_("Comment"),
        "limit_walk_away": N_("Walk-away limit"),
        "limit_package_cost": N_("Package cost limit"),
    }
)


def workbook_decisions() -> tuple[str, ...]:
    """The drop-down's words in the current language."""
    return tuple(_(word) for word in WORKBOOK_DECISIONS)


def decision_from_words(text: str) -> str | None:
    """A decision code from what a manager typed ("approved", "Changes requested"…, in English
    or the current language), or None."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    if wanted in ("", "no decision yet", "none", _("No decision yet").casefold()):
        return ""
    for code in DECISION_WORDS:
        choices = (
            DECISION_WORDS.source(code).casefold(),
            DECISION_WORDS[code].casefold(),
            code.replace("_", " "),
        )
        if wanted in choices:
            return code
    return None


#: Each state's sentence, whole, by whether a reviewer and a date are known.
_SENTENCES: dict[tuple[str, bool, bool], str] = {
    (APPROVED, True, True): N_("Approved by {who} on {date}."),
    (APPROVED, True, False): N_("Approved by {who}."),
    (APPROVED, False, True): N_("Approved on {date}."),
    (APPROVED, False, False): N_("Approved."),
    (STALE, True, True): N_(
        "Approved for an earlier version by {who} on {date}: changed since: {changed}."
    ),
    (STALE, True, False): N_("Approved for an earlier version by {who}: changed since: {changed}."),
    (STALE, False, True): N_(
        "Approved for an earlier version on {date}: changed since: {changed}."
    ),
    (STALE, False, False): N_("Approved for an earlier version: changed since: {changed}."),
    (CHANGES_REQUESTED, True, True): N_("Changes requested by {who} on {date}."),
    (CHANGES_REQUESTED, True, False): N_("Changes requested by {who}."),
    (CHANGES_REQUESTED, False, True): N_("Changes requested on {date}."),
    (CHANGES_REQUESTED, False, False): N_("Changes requested."),
    (REJECTED, True, True): N_("Rejected by {who} on {date}."),
    (REJECTED, True, False): N_("Rejected by {who}."),
    (REJECTED, False, True): N_("Rejected on {date}."),
    (REJECTED, False, False): N_("Rejected."),
}


def _who(deal: Deal) -> str:
    s = deal.sign_off
    who = s.by.strip()
    if who and s.role.strip():
        return _("{name} ({role})").format(name=who, role=s.role.strip())
    return who


def status_line(deal: Deal, *, short: bool = False) -> str:
    """One sentence: who decided what and when, and whether an approval is still current.
    `short` leaves out the advice (for the PDF's one footer line)."""
    state = approval(deal)
    if state.state not in (APPROVED, STALE, CHANGES_REQUESTED, REJECTED):
        return _("Not signed off yet.")
    who, when = _who(deal), deal.sign_off.date
    sentence = _(_SENTENCES[(state.state, bool(who), bool(when))])
    changed = ", ".join(_(field) for field in state.changed)
    text = sentence.format(who=who, date=when, changed=changed)
    if state.state == STALE and not short:
        text += " " + _("Ask again before the meeting.")
    return text


def is_stale(deal: Deal) -> bool:
    return approval(deal).state == STALE
