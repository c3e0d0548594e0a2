"""Words for the deal library and the calibration panel (no Qt): column titles, outcome and
state words, and the calibration hints in plain language."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.calibration import MIN_HISTORY, Calibration

WINDOW_TITLE = "Deal Library"
SEARCH_PLACEHOLDER = "Search titles, counterparts, kinds, outcomes…"

#: (key, title) of the list's columns, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("counterpart", "Counterpart"),
    ("kind", "Kind"),
    ("meeting_date", "Meeting"),
    ("outcome", "Outcome"),
    ("readiness", "Ready"),
)

KIND_WORDS = {
    "sale": "Sale",
    "purchase": "Purchase",
    "job_offer": "Job offer",
    "renewal": "Renewal",
    "partnership": "Partnership",
    "other": "Other",
}

OUTCOME_WORDS = {
    "open": "Open",
    "agreed": "Agreed",
    "walked_away": "Walked away",
    "postponed": "Postponed",
}

STATE_WORDS = {"broken": "Cannot be read", "missing": "Missing"}


def count_sentence(shown: int, total: int, broken: int) -> str:
    files = "deal" if total == 1 else "deals"
    text = f"{total:,} {files}" if shown == total else f"{shown:,} of {total:,} {files}"
    if broken:
        text += f" · {broken:,} cannot be read"
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
        have = "no agreed deal" if n == 0 else f"{n} agreed deal{'s' if n != 1 else ''}"
        return [
            f"Not enough history yet: {have} with an estimate of their walk-away.",
            f"After {MIN_HISTORY} or more, this shows how well your estimates matched the prices.",
        ]
    lines = [
        f"{cal.inside} of {n} agreed prices fell inside your estimated range.",
        f"Median distance from your likely estimate: {percent(cal.median_error)}.",
    ]
    if cal.seller_reached_likely is not None:
        lines.append(
            f"As seller, the price reached your likely estimate in "
            f"{round(cal.seller_reached_likely * 100)}% of deals."
        )
    if cal.buyer_reached_likely is not None:
        lines.append(
            f"As buyer, the price stayed at or under your likely estimate in "
            f"{round(cal.buyer_reached_likely * 100)}% of deals."
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
            f"Hint: your ranges may have been too narrow in {outside} of {n} deals: "
            "consider widening them."
        )
    elif cal.inside == n and n >= 5:
        hints.append(
            "Hint: every price fell inside your range; it may be wider than it needs to be."
        )
    if cal.median_error is not None:
        if cal.median_error > Decimal("0.05"):
            hints.append(
                "Hint: prices tended to land above your likely guess; "
                "their room may be larger than you think."
            )
        elif cal.median_error < Decimal("-0.05"):
            hints.append(
                "Hint: prices tended to land below your likely guess; "
                "your estimates may lean optimistic."
            )
    if not hints:
        hints.append("Hint: your estimates look about right so far; keep recording outcomes.")
    hints.append("These are hints: an agreed price only tells you a bound on their real limit.")
    return hints
