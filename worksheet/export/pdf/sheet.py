"""Draws the one-page prep sheet: header, numbers and diagram, two columns, notes box, footer."""

from __future__ import annotations

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.export.pdf.chart import draw_zopa_chart
from worksheet.export.pdf.chart_parts import CHART_HEIGHT, INK, MUTED, RULE
from worksheet.export.pdf.layout import Flowed, fit_sections
from worksheet.export.pdf.measure import Styles, measured_height, surely_too_tall
from worksheet.export.pdf.sections import GREEN, MUTED_HEX, build_sections, muted, nice_date
from worksheet.export.pdf.text import (
    BOLD,
    REGULAR,
    cap,
    draw_text,
    fit_line,
    markup,
    right_to_left,
    set_right_to_left,
    text_width,
)
from worksheet.i18n import N_, _, is_right_to_left, language
from worksheet.present.forms import SECTION_TITLES, field
from worksheet.present.numbers import format_money, language_separators
from worksheet.present.sentences import (
    estimate_text,
    likely_estimate,
    package_moves_estimate,
    package_sentence,
    status_sentence,
)
from worksheet.present.words import STATUSES as STATUS_TITLES
from worksheet.present.words import kind_word

THEIR_PLAIN = N_("Their walk-away")
THEIR_BARE = N_("Their walk-away, bare price")
THEIR_PACKAGE = N_("With our package")

DISCREET_NOTE = N_(
    "This sheet shows only what we would say at the table; our limits, estimates and notes "
    "are left out."
)

MARGIN = 34.0
GUTTER = 18.0
FOOTER = 16.0
#: Body sizes tried in turn, largest first; 7 pt is the smallest we accept as readable.
SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)
NOTES_MIN = 54.0
NOTES_LINE = 16.0

STATUS_COLOURS = {"certain": GREEN, "possible": "#B7791F", "none": "#B83227", "unknown": MUTED_HEX}


def draw_sheet(
    canvas, deal: Deal, summary: Summary, width: float, height: float, *, discreet: bool
) -> None:
    """Everything on the one page; nothing is drawn outside the margins. A sheet in a
    right-to-left language is mirrored: the numbers box on the right, the first column on
    the right, every paragraph flush right (the price diagram keeps its axis, low to high)."""
    set_right_to_left(is_right_to_left())
    left, right = MARGIN, width - MARGIN
    content = right - left
    top = _draw_header(canvas, deal, left, height - MARGIN, content)
    bottom = MARGIN + FOOTER

    sections = build_sections(deal, summary, discreet=discreet)
    column_w = (content - GUTTER) / 2
    chosen = None
    for index, size in enumerate(SIZES):
        styles = Styles(size)
        last = index == len(SIZES) - 1
        # The band is never lower than the diagram, so this is the most the columns could get:
        # a size too tall even for that is passed over before its band is built.
        tallest = top - (CHART_HEIGHT + 6) - 10 - bottom
        if not last and surely_too_tall(sections, styles, column_w, 2 * tallest):
            continue
        band = _band(deal, summary, styles, content, discreet=discreet)
        column_h = top - band.height - 10 - bottom
        flowed = fit_sections(sections, styles, column_w, column_h, truncate=False)
        if not flowed.fits and last:
            flowed = fit_sections(sections, styles, column_w, column_h, truncate=True)
        if flowed.fits or last:
            chosen = (styles, band, column_h, flowed)
            break
    assert chosen is not None
    styles, band, column_h, flowed = chosen
    band.draw(canvas, left, top)
    columns_top = top - band.height - 10
    _draw_columns(canvas, flowed, left, columns_top, column_w, column_h)
    _draw_notes_boxes(canvas, flowed, left, columns_top, column_w, column_h, styles)
    _draw_footer(canvas, left, right, discreet=discreet, deal=deal)


def _draw_header(canvas, deal: Deal, left: float, top: float, width: float) -> float:
    """Kicker, title (two lines at most), who and when; returns the y below the header."""
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle

    canvas.saveState()
    canvas.setFillColorRGB(*MUTED)
    kicker = _("NEGOTIATION PREP SHEET")
    rtl = right_to_left()
    draw_text(
        canvas,
        left + width if rtl else left,
        top - 7,
        kicker,
        BOLD,
        7,
        align="right" if rtl else "left",
    )
    side = _("We sell") if deal.is_seller else _("We buy")
    unit = f" {deal.price_unit.strip()}" if deal.price_unit.strip() else ""
    right_text = f"{kind_word(deal.kind)} · {side} · {deal.currency}{unit}"
    draw_text(
        canvas,
        left if rtl else left + width,
        top - 7,
        fit_line(right_text, REGULAR, 7.5, width * 0.6),
        REGULAR,
        7.5,
        align="left" if rtl else "right",
    )
    y = top - 12

    style = ParagraphStyle(
        "title", fontName=BOLD, fontSize=16, leading=19.5, textColor=Color(*INK), splitLongWords=1
    )
    title = deal.title.strip() or _("Untitled deal")
    para = _fit_paragraph(title, style, width, max_lines=2)
    h = para.wrap(width, 100)[1]
    para.drawOn(canvas, left, y - h)
    y -= h + 3

    who = " · ".join(
        t
        for t in (
            deal.counterpart.name.strip(),
            deal.counterpart.organization.strip(),
            deal.counterpart.style.strip(),
        )
        if t
    )
    meeting = " · ".join(
        t
        for t in (
            nice_date(deal.meeting.date) if deal.meeting.date.strip() else "",
            deal.meeting.place.strip(),
            _("with {attendees}").format(attendees=deal.meeting.attendees.strip())
            if deal.meeting.attendees.strip()
            else "",
        )
        if t
    )
    line_style = ParagraphStyle(
        "who",
        fontName=REGULAR,
        fontSize=8.5,
        leading=10.5,
        textColor=Color(*INK),
        splitLongWords=1,
    )
    for label, text in ((_("Counterpart"), who), (_("Meeting"), meeting)):
        if not text:
            continue
        # Attendees matter at the table, so these lines may take two lines before being cut.
        prefix = f'<font name="{BOLD}" color="{MUTED_HEX}">{label}</font>\u2002'
        para = _fit_paragraph(text, line_style, width, max_lines=2, prefix=prefix)
        h = para.wrap(width, 100)[1]
        para.drawOn(canvas, left, y - h)
        y -= h + 1
    y -= 5
    canvas.setStrokeColorRGB(*INK)
    canvas.setLineWidth(1.2)
    canvas.line(left, y, left + width, y)
    canvas.restoreState()
    return y - 8


def _fit_paragraph(text: str, style, width: float, max_lines: int, prefix: str = ""):
    """User text (after our own `prefix` markup) cut with an ellipsis to at most `max_lines`."""
    from worksheet.export.pdf.text import Paragraph

    text, _cut = cap(text, 600)
    limit = style.leading * max_lines + 0.1

    def build(body: str):
        return Paragraph(prefix + markup(body), style)

    para = build(text)
    if para.wrap(width, 1000)[1] <= limit:
        return para
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if build(text[:mid].rstrip() + "…").wrap(width, 1000)[1] <= limit:
            low = mid
        else:
            high = mid - 1
    return build(text[:low].rstrip() + "…")


class _Band:
    """The numbers box beside the ZOPA diagram and its status words, measured at one size."""

    def __init__(
        self,
        table,
        table_w: float,
        status,
        chart_w: float,
        discreet: bool,
        deal: Deal,
        summary: Summary,
    ) -> None:
        self.table, self.table_w, self.status, self.chart_w = table, table_w, status, chart_w
        self.discreet, self.deal, self.summary = discreet, deal, summary
        self.table_h = table.wrap(table_w, 1000)[1]
        self.status_h = status.wrap(chart_w, 1000)[1]
        if discreet:  # no diagram: it would place our floor against their estimate
            self.height = max(self.table_h, self.status_h)
        else:
            self.height = max(self.table_h, CHART_HEIGHT + 6 + self.status_h)

    def draw(self, canvas, left: float, top: float) -> None:
        if right_to_left():
            self.table.drawOn(canvas, left + self.chart_w + GUTTER, top - self.table_h)
            chart_x = left
        else:
            self.table.drawOn(canvas, left, top - self.table_h)
            chart_x = left + self.table_w + GUTTER
        if self.discreet:
            self.status.drawOn(canvas, chart_x, top - self.status_h)
            return
        draw_zopa_chart(
            canvas, chart_x, top, self.chart_w, self.deal, self.summary, discreet=self.discreet
        )
        self.status.drawOn(canvas, chart_x, top - CHART_HEIGHT - 6 - self.status_h)


def _band(deal: Deal, summary: Summary, styles: Styles, width: float, *, discreet: bool) -> _Band:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle

    from worksheet.export.pdf.text import Paragraph

    seps = language_separators(language())
    money = lambda a: markup(format_money(a, deal.currency, seps=seps))  # noqa: E731
    table_w = width * 0.37
    chart_w = width - table_w - GUTTER
    size = styles.size
    cell = ParagraphStyle("cell", parent=styles.plain, fontSize=size, leading=size * 1.22)
    label = ParagraphStyle("label", parent=cell, textColor=Color(*MUTED))
    head = ParagraphStyle("head", parent=cell, fontName=BOLD, fontSize=size + 0.3)
    big = ParagraphStyle(
        "big", parent=cell, fontName=BOLD, fontSize=size + 1, leading=(size + 1) * 1.15
    )
    rows: list[list] = []
    spans: list[int] = []

    def heading(text: str) -> None:
        spans.append(len(rows))
        rows.append([Paragraph(text, head), ""])

    value_w = table_w * 0.57 - 4  # the value column less its right padding

    def row(name: str, value: str, style=big) -> None:
        rows.append([Paragraph(name, label), Paragraph(value, unsplit(value, style, value_w))])

    a = deal.anchors
    heading(_(SECTION_TITLES["our_numbers"]))
    row(_(field("anchors", "opening").caption), money(a.opening))
    if discreet:
        return _discreet_band(rows, spans, cell, table_w, chart_w, deal, summary)
    row(_(field("anchors", "target").caption), money(a.target))
    walk_away = f'<font color="#B83227">{money(a.walk_away)}</font>'
    row(_(field("anchors", "walk_away").caption), walk_away)
    if summary.package_cost and summary.package_walk_away is not None:
        limit = _("Package ceiling") if summary.role == "buyer" else _("Package floor")
        row(limit, money(summary.package_walk_away), cell)
    est = deal.their_estimate
    heading(_(SECTION_TITLES["their_side"]))
    row(_(field("their_estimate", "target").caption), money(est.target))
    cur = deal.currency
    if summary.their_low is not None:
        moves = package_moves_estimate(summary)
        # The same figures as the diagram beside it: the bare estimate, and, when the package
        # moves it, the estimate with the package that the zone is computed against.
        for name, package in (
            ((THEIR_BARE, False), (THEIR_PACKAGE, True)) if moves else ((THEIR_PLAIN, False),)
        ):
            spread = markup(estimate_text(summary, cur, package=package, seps=seps))
            likely = markup(likely_estimate(summary, cur, package=package, seps=seps))
            most = muted(_("most likely"))
            row(_(name), f"<b>{spread}</b><br/>{most} <b>{likely}</b>", cell)
    else:
        text = muted(markup(estimate_text(summary, cur, package=False, seps=seps)))
        row(_(THEIR_PLAIN), text, cell)
    # The band has a fixed place on the page, so its user texts are held to a few lines
    # (a text of many short lines is as dangerous as a long one).
    if est.confidence.strip():
        value = _fit_paragraph(est.confidence, cell, table_w * 0.57 - 4, max_lines=2)
        caption = _(field("their_estimate", "confidence").caption)
        rows.append([Paragraph(caption, label), value])
    if est.source.strip():
        prefix = muted(_("Based on:")) + " "
        rows.append([_fit_paragraph(est.source, cell, table_w - 4, max_lines=4, prefix=prefix), ""])
        spans.append(-len(rows))  # negative: a spanning row without a rule

    table = _band_table(rows, spans, size, table_w)

    title = STATUS_TITLES.get(summary.status) or summary.status
    colour = STATUS_COLOURS.get(summary.status, MUTED_HEX)
    # In a discreet copy the zone's ends and its chance would give our floor away.
    words = "" if discreet else markup(status_sentence(summary, deal.currency, seps))
    status_text = f'<font color="{colour}"><b>{markup(title)}.</b></font> {words}'
    # The package sits under the status (not in the numbers box) to balance the band's heights.
    n_package = len(deal.package_concessions(deal.active()))
    if n_package:
        sentence = package_sentence(
            summary, deal.currency, n_package, costs=not discreet, seps=seps
        )
        status_text += f"<br/>{markup(sentence)}"
    status = Paragraph(
        status_text, ParagraphStyle("status", parent=cell, fontSize=size, leading=size * 1.3)
    )
    return _Band(table, table_w, status, chart_w, discreet, deal, summary)


def _draw_columns(
    canvas, flowed: Flowed, left: float, top: float, column_w: float, column_h: float
) -> None:
    columns = max(len(flowed.used), 1 + max((p.column for p in flowed.placed), default=0))
    for placed in flowed.placed:
        column = columns - 1 - placed.column if right_to_left() else placed.column
        x = left + column * (column_w + GUTTER)
        # Layout wrapped every block at this width already, which is what drawOn uses.
        h = measured_height(placed.flowable, column_w)
        y = top - placed.top - h
        placed.flowable.drawOn(canvas, x, y)


def _draw_notes_boxes(
    canvas,
    flowed: Flowed,
    left: float,
    top: float,
    column_w: float,
    column_h: float,
    styles: Styles,
) -> None:
    """A ruled box for handwriting in each column that has room left at the bottom."""
    canvas.saveState()
    for index, used in enumerate(flowed.used):
        column = len(flowed.used) - 1 - index if right_to_left() else index
        gap = 4 if used else 0
        room = column_h - used - gap
        if room < NOTES_MIN:
            continue
        x = left + column * (column_w + GUTTER)
        y_top = top - used - gap
        canvas.setFillColorRGB(*INK)
        if right_to_left():
            draw_text(
                canvas,
                x + column_w,
                y_top - styles.heading_size,
                _(SECTION_TITLES["notes"]),
                BOLD,
                styles.heading_size,
                align="right",
            )
        else:
            notes = _(SECTION_TITLES["notes"])
            draw_text(canvas, x, y_top - styles.heading_size, notes, BOLD, styles.heading_size)
        box_top = y_top - styles.heading_size - 5
        box_h = box_top - (top - column_h)
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.6)
        canvas.roundRect(x, box_top - box_h, column_w, box_h, 3, stroke=1, fill=0)
        canvas.setLineWidth(0.35)
        line_y = box_top - NOTES_LINE
        while line_y > box_top - box_h + 6:
            canvas.line(x + 6, line_y, x + column_w - 6, line_y)
            line_y -= NOTES_LINE
    canvas.restoreState()


def _draw_footer(
    canvas, left: float, right: float, *, discreet: bool, deal: Deal | None = None
) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, MARGIN + 8, right, MARGIN + 8)
    canvas.setFillColorRGB(*MUTED)
    lead = _("Prepared with Deal Worksheet")
    used = draw_text(canvas, left, MARGIN, lead, REGULAR, 6.5)
    tail = (
        draw_text(canvas, right, MARGIN, _("Discreet copy"), REGULAR, 6.5, align="right")
        if (discreet)
        else 0.0
    )
    if deal is not None and (deal.sign_off.decision or deal.sign_off.by.strip()):
        # The manager's sign-off, and loudly so when it was given for earlier numbers (§2.6).
        from worksheet.present.signoff import is_stale, status_line

        stale = is_stale(deal)
        font = BOLD if stale else REGULAR
        if stale:
            canvas.setFillColorRGB(0.61, 0.0, 0.02)
        x = left + used + 8
        room = right - tail - 8 - x
        draw_text(
            canvas, x, MARGIN, fit_line(status_line(deal, short=True), font, 6.5, room), font, 6.5
        )
    canvas.restoreState()


def _band_table(rows: list, spans: list[int], size: float, table_w: float):
    from reportlab.lib.colors import Color
    from reportlab.platypus import Table, TableStyle

    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
        ("FONT", (0, 0), (-1, -1), REGULAR, size),
    ]
    for r in spans:
        if r < 0:
            commands.append(("SPAN", (0, -r - 1), (1, -r - 1)))
            continue
        commands.append(("SPAN", (0, r), (1, r)))
        commands.append(("LINEBELOW", (0, r), (1, r), 0.5, Color(*RULE)))
        if r:
            commands.append(("TOPPADDING", (0, r), (1, r), size * 0.8))
    widths = [table_w * 0.43, table_w * 0.57]
    if right_to_left():  # label on the right of its value; spanning rows stay as they are
        spanned = {r if r >= 0 else -r - 1 for r in spans}
        rows = [row if i in spanned else list(reversed(row)) for i, row in enumerate(rows)]
        widths.reverse()
    return Table(rows, colWidths=widths, style=TableStyle(commands))


def _discreet_band(rows, spans, cell, table_w, chart_w, deal, summary) -> _Band:
    """A discreet copy's band: our opening, and a line saying what the copy is."""
    from reportlab.lib.styles import ParagraphStyle

    from worksheet.export.pdf.text import Paragraph

    table = _band_table(rows, spans, cell.fontSize, table_w)
    title = _("Discreet copy.")
    text = f'<font color="{MUTED_HEX}"><b>{title}</b> {markup(_(DISCREET_NOTE))}</font>'
    style = ParagraphStyle("status", parent=cell, leading=cell.fontSize * 1.3)
    return _Band(table, table_w, Paragraph(text, style), chart_w, True, deal, summary)


def unsplit(value: str, style, width: float):
    """`style` for a cell whose amounts must never be split: long words are not broken, and
    the size shrinks until the widest word (a 14-digit amount, say) fits the column."""
    import html
    import re

    from reportlab.lib.styles import ParagraphStyle

    plain = html.unescape(re.sub(r"<[^>]+>", " ", value))
    widest = max((text_width(w, BOLD, style.fontSize) for w in plain.split(" ") if w), default=0)
    scale = min(1.0, width / widest) if widest else 1.0
    return ParagraphStyle(
        f"{style.name}-whole",
        parent=style,
        splitLongWords=0,
        fontSize=style.fontSize * scale,
        leading=style.leading * max(scale, 0.85),
    )
