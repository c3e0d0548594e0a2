"""The one-page debrief PDF: the outcome held against the plan (zone, offers, concessions given
and got, the review). Drawn line by line on the canvas: user text only ever goes through
`draw_text` (plain strings, never markup), so it cannot add links, images or tags, and every
block has a line budget so the page never overflows."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from worksheet.domain.calibration import point_for
from worksheet.domain.deal import Deal
from worksheet.domain.meeting import meeting_state, their_walk_away_bounds
from worksheet.export.pdf.sections import nice_moment
from worksheet.export.pdf.text import BOLD, REGULAR, clean, draw_text, fit_line, text_width
from worksheet.i18n import N_, _, ngettext
from worksheet.present import meeting as words
from worksheet.present.numbers import format_money

MARGIN = 40.0
INK = (0.11, 0.12, 0.14)
MUTED = (0.42, 0.45, 0.5)
OURS = (0.10, 0.37, 0.71)
THEIRS = (0.71, 0.33, 0.04)
BAND = (0.97, 0.89, 0.80)
OK = (0.18, 0.52, 0.25)
WARN = (0.63, 0.36, 0.0)
#: The offer table shows the latest offers; the rest are counted.
MAX_OFFER_ROWS = 14
MAX_CONCESSION_ROWS = 10

#: The outcome's first line, whole, by whether a date, an agreed price and a package are known.
_OUTCOME_LINES: dict[tuple[bool, bool, bool], str] = {
    (False, False, False): N_("{status}"),
    (True, False, False): N_("{status} on {date}"),
    (False, True, False): N_("{status} at {price}"),
    (True, True, False): N_("{status} on {date} at {price}"),
    (False, False, True): N_("{status} with package “{package}”"),
    (True, False, True): N_("{status} on {date} with package “{package}”"),
    (False, True, True): N_("{status} at {price} with package “{package}”"),
    (True, True, True): N_("{status} on {date} at {price} with package “{package}”"),
}


class _Page:
    """A cursor down the page that never draws below the bottom margin."""

    def __init__(self, canvas, width: float, height: float) -> None:
        self.c = canvas
        self.left = MARGIN
        self.right = width - MARGIN
        self.y = height - MARGIN
        self.bottom = MARGIN + 18
        self.full = False

    @property
    def width(self) -> float:
        return self.right - self.left

    def room(self, needed: float) -> bool:
        if self.y - needed < self.bottom:
            self.full = True
            return False
        return True

    def line(
        self,
        text: str,
        *,
        size: float = 9.5,
        font: str = REGULAR,
        colour=INK,
        x: float | None = None,
        width: float | None = None,
        advance: bool = True,
    ) -> bool:
        lead = size * 1.35
        if not self.room(lead):
            return False
        left = self.left if x is None else x
        w = (self.right - left) if width is None else width
        self.c.setFillColorRGB(*colour)
        draw_text(self.c, left, self.y - size, fit_line(text, font, size, w), font, size)
        if advance:
            self.y -= lead
        return True

    def heading(self, text: str) -> None:
        if not self.room(30):
            return
        self.y -= 8
        self.line(text, size=11.5, font=BOLD)
        self.c.setStrokeColorRGB(0.82, 0.84, 0.87)
        self.c.setLineWidth(0.6)
        self.c.line(self.left, self.y + 2, self.right, self.y + 2)
        self.y -= 3

    def paragraph(self, label: str, text: str, max_lines: int, size: float = 9.5) -> None:
        text = clean(text).strip()
        if not text:
            return
        label_w = 110.0
        self.line(label, size=size, font=BOLD, colour=MUTED, advance=False)
        for i, row in enumerate(_wrap(text, REGULAR, size, self.width - label_w, max_lines)):
            if not self.line(row, size=size, x=self.left + label_w) and i == 0:
                return


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap to at most `max_lines`, the last one ending in … when text is left."""
    out: list[str] = []
    for para in text.split("\n"):
        current = ""
        for word in para.split(" "):
            trial = f"{current} {word}" if current else word
            if text_width(trial, font, size) <= width or not current:
                current = trial
            else:
                out.append(current)
                current = word
            if len(out) > max_lines:
                break
        out.append(current)
        if len(out) > max_lines:
            break
    if len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = fit_line(out[-1] + " …", font, size, width)
        if not out[-1].endswith("…"):
            out[-1] = fit_line(out[-1] + "…", font, size, width)
    return out


def _zone_strip(page: _Page, deal: Deal) -> None:
    """The plan and the talk on one axis: their estimated range, our marks, offers, the price."""
    state = meeting_state(deal)
    s = state.summary
    marks: list[tuple[str, Decimal, tuple]] = []
    if deal.anchors.opening is not None:
        marks.append((_("opening"), deal.anchors.opening, OURS))
    if deal.anchors.target is not None:
        marks.append((_("target"), deal.anchors.target, OURS))
    if state.floor is not None and not page.discreet:  # type: ignore[attr-defined]
        moved = state.floor != deal.anchors.walk_away
        word = (
            (_("package floor") if deal.is_seller else _("package ceiling"))
            if moved
            else _("walk-away")
        )
        marks.append((word, state.floor, (0.70, 0.15, 0.12)))
    price = deal.outcome.price if deal.outcome.status == "agreed" else None
    if price is not None:
        marks.append((_("agreed"), price, OK))
    values = [m[1] for m in marks]
    values += [v for v in (s.their_low_package, s.their_high_package) if v is not None]
    values += [o.amount for o in deal.offers if o.amount is not None]
    if not values or not page.room(64):
        return
    low, high = min(values), max(values)
    pad = (high - low) * Decimal("0.06") or abs(high) * Decimal("0.05") or Decimal(1)
    low, high = low - pad, high + pad
    span = float(high - low) or 1.0
    c = page.c
    top = page.y - 24
    bar_y, bar_h = top - 18, 16.0

    def x_of(v: Decimal) -> float:
        return page.left + float(v - low) / span * page.width

    c.setFillColorRGB(0.95, 0.96, 0.97)
    c.rect(page.left, bar_y, page.width, bar_h, stroke=0, fill=1)
    if s.their_low_package is not None and s.their_high_package is not None:
        c.setFillColorRGB(*BAND)
        left = x_of(s.their_low_package)
        c.rect(left, bar_y, max(x_of(s.their_high_package) - left, 2), bar_h, stroke=0, fill=1)
    for o in deal.offers:
        if o.amount is None:
            continue
        c.setFillColorRGB(*(THEIRS if o.by == "them" else OURS))
        y = bar_y + bar_h * (0.72 if o.by == "them" else 0.28)
        c.circle(x_of(o.amount), y, 2.2, stroke=0, fill=1)
    # Labels take the first of four lanes (above, below, higher, lower) where they fit.
    lanes: list[list[tuple[float, float]]] = [[], [], [], []]
    lane_y = (bar_y + bar_h + 6, bar_y - 11, bar_y + bar_h + 16, bar_y - 21)
    for word, value, colour in sorted(marks, key=lambda m: m[1]):
        x = x_of(value)
        c.setStrokeColorRGB(*colour)
        c.setLineWidth(1.6 if word == "agreed" else 1.0)
        c.line(x, bar_y - 3, x, bar_y + bar_h + 3)
        label = f"{word} {format_money(value, deal.currency)}"
        w = text_width(label, REGULAR, 7.5)
        tx = min(max(x - w / 2, page.left), page.right - w)
        lane = next(
            (
                i
                for i, used in enumerate(lanes)
                if all(tx + w + 4 < a or tx > b + 4 for a, b in used)
            ),
            len(lanes) - 1,
        )
        lanes[lane].append((tx, tx + w))
        c.setFillColorRGB(*colour)
        draw_text(c, tx, lane_y[lane], label, REGULAR, 7.5)
    page.y = bar_y - (28 if lanes[3] else 18)
    page.line(
        _("Shaded: your estimate of their walk-away · dots: their offers (upper), ours (lower)"),
        size=7.5,
        colour=MUTED,
    )


def draw_debrief(canvas, deal: Deal, width: float, height: float, *, discreet: bool) -> None:
    page = _Page(canvas, width, height)
    page.discreet = discreet  # type: ignore[attr-defined]
    cur = deal.currency
    m = lambda a: format_money(a, cur)  # noqa: E731
    o = deal.outcome

    page.line(_("Debrief"), size=9, colour=MUTED)
    page.line(deal.title or _("Untitled deal"), size=17, font=BOLD)
    who = ", ".join(t for t in (deal.counterpart.name, deal.counterpart.organization) if t)
    meta = [
        t
        for t in (
            who,
            deal.meeting.date and _("meeting {date}").format(date=deal.meeting.date),
            _("we are the seller") if deal.is_seller else _("we are the buyer"),
        )
        if t
    ]
    page.line(" · ".join(meta), size=9.5, colour=MUTED)

    page.heading(_("Outcome"))
    status = words.OUTCOME_LABELS.get(o.status, o.status)
    at_price = o.status == "agreed" and o.price is not None
    pkg = deal.package_by_id(o.package)
    first = _(_OUTCOME_LINES[(bool(o.date), at_price, pkg is not None)]).format(
        status=status,
        date=o.date,
        price=m(o.price) if at_price else "",
        package=(pkg.name or pkg.id) if pkg is not None else "",
    )
    page.line(first, size=11, font=BOLD)
    page.paragraph(_("Terms"), o.terms, 3)

    page.heading(_("Against the plan"))
    _zone_strip(page, deal)
    if discreet:
        plan = _("Our plan: opening {opening} · target {target}").format(
            opening=m(deal.anchors.opening), target=m(deal.anchors.target)
        )
    else:
        plan = _("Our plan: opening {opening} · target {target} · walk-away {walk_away}").format(
            opening=m(deal.anchors.opening),
            target=m(deal.anchors.target),
            walk_away=m(deal.anchors.walk_away),
        )
    page.line(plan)
    e = deal.their_estimate
    page.line(
        _("Their walk-away, estimated: {low} – {likely} – {high} (low – likely – high)").format(
            low=m(e.walk_away_low), likely=m(e.walk_away_likely), high=m(e.walk_away_high)
        )
    )
    price = o.price if o.status == "agreed" else None
    state_floor = meeting_state(deal).floor
    point = point_for(deal)
    if point is not None:
        if point.error is None:
            hint = (
                _(
                    "The agreed price fell inside your estimated range. A hint, not a verdict: "
                    "a price only bounds their real limit."
                )
                if point.inside
                else _(
                    "The agreed price fell outside your estimated range. A hint, not a verdict: "
                    "a price only bounds their real limit."
                )
            )
        else:
            hint = (
                _(
                    "The agreed price fell inside your estimated range, {error} from the likely. "
                    "A hint, not a verdict: a price only bounds their real limit."
                )
                if point.inside
                else _(
                    "The agreed price fell outside your estimated range, {error} from the "
                    "likely. A hint, not a verdict: a price only bounds their real limit."
                )
            ).format(error=f"{float(point.error) * 100:+.1f}%")
        for row in _wrap(hint, REGULAR, 9.5, page.width, 2):
            page.line(row, colour=OK if point.inside else WARN)
    at_least = o.their_walk_away_at_least
    at_most = o.their_walk_away_at_most
    if at_least is None and at_most is None:
        at_least, at_most = their_walk_away_bounds(deal)
    page.line(words.bounds_sentence(at_least, at_most, cur))
    if price is not None and state_floor is not None and not discreet:
        below = price < state_floor if deal.is_seller else price > state_floor
        if below:
            word = words.walk_away_word(state_floor, deal.anchors.walk_away, deal.is_seller)
            moved = word != _("walk-away")
            if not moved:
                worse = _("The agreed price is worse for us than our walk-away ({amount}).")
            elif deal.is_seller:
                worse = _("The agreed price is worse for us than our package floor ({amount}).")
            else:
                worse = _("The agreed price is worse for us than our package ceiling ({amount}).")
            page.line(worse.format(amount=m(state_floor)), colour=WARN)

    state = meeting_state(deal)
    page.heading(_("Offers made ({count})").format(count=len(deal.offers)))
    if not deal.offers:
        page.line(_("No offers were logged."), colour=MUTED)
    shown = state.scores[-MAX_OFFER_ROWS:]
    if len(state.scores) > len(shown):
        page.line(
            ngettext(
                "The last {shown} of {count} offer:",
                "The last {shown} of {count} offers:",
                len(state.scores),
            ).format(shown=len(shown), count=len(state.scores)),
            colour=MUTED,
        )
    cols = (page.left, page.left + 100, page.left + 134, page.left + 218)
    for score in shown:
        offer = deal.offers[score.index]
        when = nice_moment(offer.at) if offer.at else ""
        if not page.line(when, size=8.5, colour=MUTED, x=cols[0], width=96, advance=False):
            break
        page.line(
            words.BY_WORDS.get(score.by, score.by),
            size=8.5,
            x=cols[1],
            width=36,
            advance=False,
            colour=THEIRS if score.by == "them" else OURS,
        )
        page.line(m(score.amount), size=8.5, font=BOLD, x=cols[2], width=86, advance=False)
        page.line(" · ".join(words.score_words(score, cur)), size=8.5, x=cols[3])

    page.heading(_("Concessions given and got"))
    totals = state.totals
    page.line(words.totals_sentence(totals, cur))
    moved = [c for c in deal.concessions if c.status != "planned"]
    for c in moved[:MAX_CONCESSION_ROWS]:
        status = words.STATUS_LABELS.get(c.status, c.status)
        what = c.what or _("(unnamed)")
        if c.status == "traded" and c.ask_in_return:
            text = _("{status}: {what} (costs us {cost}) → got: {got}").format(
                status=status, what=what, cost=m(c.cost_to_us), got=c.ask_in_return
            )
        else:
            text = _("{status}: {what} (costs us {cost})").format(
                status=status, what=what, cost=m(c.cost_to_us)
            )
        colour = WARN if c.status == "given" else INK
        page.line(text, size=9, colour=colour)
    if len(moved) > MAX_CONCESSION_ROWS:
        more = len(moved) - MAX_CONCESSION_ROWS
        page.line(
            ngettext("…and {count} more", "…and {count} more", more).format(count=more),
            size=9,
            colour=MUTED,
        )

    page.heading(_("Review"))
    page.paragraph(_("Went well"), o.went_well, 4)
    page.paragraph(_("Do differently"), o.do_differently, 4)
    if not o.review:
        page.line(_("The after-action checklist was not filled in."), size=9, colour=MUTED)
    else:
        # Every question the debrief asks, so an unticked one shows as not kept.
        kept = {r.check: r.kept for r in o.review}
        checks = list(words.REVIEW_CHECKS) + [
            r.check for r in o.review if r.check not in words.REVIEW_CHECKS
        ]
        for check in checks:
            done = kept.get(check, False)
            page.line(f"{'✓' if done else '✗'}  {_(check)}", size=9, colour=OK if done else WARN)

    canvas.setFillColorRGB(*MUTED)
    note = (
        _("Private: your own after-action notes · discreet copy · Deal Worksheet")
        if discreet
        else _("Private: your own after-action notes · Deal Worksheet")
    )
    draw_text(canvas, page.left, MARGIN, note, REGULAR, 7.5)


def render_debrief(deal: Deal, *, paper: str | None = None, discreet: bool = False) -> bytes:
    from worksheet.export.pdf import one_page

    return one_page(
        paper,
        lambda title: _("Debrief — {title}").format(title=title) if title else _("Debrief"),
        deal.title,
        lambda canvas, width, height: draw_debrief(canvas, deal, width, height, discreet=discreet),
    )


def export_debrief(
    deal: Deal, path: str | os.PathLike, *, paper: str | None = None, discreet: bool = False
) -> Path:
    """Write the debrief to `path` through the one atomic writer."""
    from worksheet.io.atomic import write_atomic

    data = render_debrief(deal, paper=paper, discreet=discreet)
    return write_atomic(Path(path), data)
