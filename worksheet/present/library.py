"""Words for the deal library and the calibration panel (no Qt): column titles, outcome and
state words, and the calibration hints in plain language."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.calibration import MIN_HISTORY, Calibration
from worksheet.i18n import N_, Words, _, ngettext

WINDOW_TITLE = N_("Deal Library")
SEARCH_PLACEHOLDER = N_("Search titles, counterparts, kinds, outcomes…")

#: (key, title) of the list's columns, in order; titles shown through `_()`.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", N_("Title")),
    ("counterpart", N_("Counterpart")),
    ("kind", N_("Kind")),
    ("meeting_date", N_("Meeting")),
    ("outcome", N_("Outcome")),
    ("readiness", N_("Ready")),
)

KIND_WORDS: Words = Words(
    {
        "sale": N_("Sale"),
        "purchase": N_("Purchase"),
        "job_offer": N_("Job offer"),
        "renewal": N_("Renewal"),
        "partnership": N_("Partnership"),
        "other": N_("Other"),
    }
)

OUTCOME_WORDS: Words = Words(
    {
        "open": N_("Open"),
        "agreed": N_("Agreed"),
        "walked_away": N_("Walked away"),
        "postponed": N_("Postponed"),
    }
)

STATE_WORDS: Words = Words({"broken": N_("Cannot be read"), "missing": N_("Missing")})


def count_sentence(shown: int, total: int, broken: int) -> str:
    if shown == total:
        text = ngettext("{total} deal", "{total} deals", total).format(total=f"{total:,}")
    else:
        text = ngettext("{shown} of {total} deal", "{shown} of {total} deals", total).format(
            shown=f"{shown:,}", total=f"{total:,}"
        )
    if broken:
        text = ngettext(
            "{text} · {broken} cannot be read", "{text} · {broken} cannot be read", broken
        ).format(text=text, broken=f"{broken:,}")
    return text


def percent(value: Decimal | float | None) -> str:
    if value is None:
        return "—"
    number = float(value) * 100
    sign = "+" if number > 0.05 else ""
    return f"{sign}{number:.1f}%"


def calibration_lines(cal: Calibration) -> list[str]:
    """The panel's sentences, and what `deal-worksheet calibration` prints for people."""
    n = cal.count
    if not cal.enough:
        if n == 0:
            first = _("Not enough history yet: no agreed deal with an estimate of their walk-away.")
        else:
            first = ngettext(
                "Not enough history yet: {count} agreed deal with an estimate of their walk-away.",
                "Not enough history yet: {count} agreed deals with an estimate of their walk-away.",
                n,
            ).format(count=n)
        return [
            first,
            _(
                "After {count} or more, this shows how well your estimates matched the prices."
            ).format(count=MIN_HISTORY),
        ]
    lines = [
        ngettext(
            "{inside} of {count} agreed price fell inside your estimated range.",
            "{inside} of {count} agreed prices fell inside your estimated range.",
            n,
        ).format(inside=cal.inside, count=n),
        _("Median distance from your likely estimate: {percent}.").format(
            percent=percent(cal.median_error)
        ),
    ]
    if cal.seller_reached_likely is not None:
        lines.append(
            _("As seller, the price reached your likely estimate in {percent} of deals.").format(
                percent=f"{round(cal.seller_reached_likely * 100)}%"
            )
        )
    if cal.buyer_reached_likely is not None:
        lines.append(
            _(
                "As buyer, the price stayed at or under your likely estimate in {percent} of deals."
            ).format(percent=f"{round(cal.buyer_reached_likely * 100)}%")
        )
    lines.extend(calibration_hints(cal))
    return lines


def calibration_hints(cal: Calibration) -> list[str]:
    """Hints, not verdicts: an agreed price only bounds their real walk-away."""
    if not cal.enough:
        return []
    n = cal.count
    outside = n - cal.inside
    hints: list[str] = []
    if outside * 2 > n:
        hints.append(
            ngettext(
                "Hint: your ranges may have been too narrow in {outside} of {count} deal: "
                "consider widening them.",
                "Hint: your ranges may have been too narrow in {outside} of {count} deals: "
                "consider widening them.",
                n,
            ).format(outside=outside, count=n)
        )
    elif cal.inside == n and n >= 5:
        hints.append(
            _("Hint: every price fell inside your range; it may be wider than it needs to be.")
        )
    if cal.median_error is not None:
        if cal.median_error > Decimal("0.05"):
            hints.append(
                _(
                    "Hint: prices tended to land above your likely guess; "
                    "their room may be larger than you think."
                )
            )
        elif cal.median_error < Decimal("-0.05"):
            hints.append(
                _(
                    "Hint: prices tended to land below your likely guess; "
                    "your estimates may lean optimistic."
                )
            )
    if not hints:
        hints.append(_("Hint: your estimates look about right so far; keep recording outcomes."))
    hints.append(_("These are hints: an agreed price only tells you a bound on their real limit."))
    return hints
