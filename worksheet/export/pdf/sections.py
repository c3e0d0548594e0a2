"""What the PDF prep sheet says: the deal turned into sections of safe Paragraph markup."""

from __future__ import annotations

from datetime import date, datetime

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.export.pdf.measure import Item, Section
from worksheet.export.pdf.text import cap, markup
from worksheet.present.numbers import format_money
from worksheet.present.words import fallback_word

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


GREEN = "#2E7D4F"
MUTED_HEX = "#6B7280"
ARROW = f'<font color="{MUTED_HEX}">→</font>'


def safe(text: str) -> tuple[str, bool]:
    """User text → (markup, was it cut). Every user string on the sheet passes through here."""
    short, cut = cap(text)
    return markup(short), cut


def muted(text_markup: str) -> str:
    return f'<font color="{MUTED_HEX}">{text_markup}</font>'


def nice_date(text: str) -> str:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return text
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def nice_moment(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    clock = f", {moment:%H:%M}" if (moment.hour, moment.minute) != (0, 0) else ""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}{clock}"


def build_sections(deal: Deal, summary: Summary, *, discreet: bool) -> list[Section]:
    # Even the currency code is escaped: a deal built in code need not have passed the loader.
    money = lambda a: markup(format_money(a, deal.currency))  # noqa: E731
    sections: list[Section] = []

    vision_fields = [
        ("Goal", deal.vision.goal),
        ("Success looks like", deal.vision.success),
        ("What they win", deal.vision.their_win),
        ("Relationship afterwards", deal.vision.relationship),
        ("Approach", deal.vision.approach),
    ]
    vision = [(label, text) for label, text in vision_fields if text.strip()]
    if vision:

        def vision_item(i: int) -> Item:
            label, text = vision[i]
            body, cut = safe(text)
            return Item(f"<b>{label}</b>  {body}", cut=cut)

        sections.append(Section("Vision", len(vision), vision_item))

    ordered = deal.concessions_in_order()
    if ordered:

        def concession_item(i: int) -> Item:
            c = ordered[i]
            what, cut1 = safe(c.what or "(not described)")
            ask, cut2 = (
                safe(c.ask_in_return)
                if c.ask_in_return.strip()
                else (muted("nothing asked in return yet"), False)
            )
            if discreet:  # only what we would say: no package, costs, values or notes
                return Item(f"{what} {ARROW} <b>{ask}</b>", bullet=f"{i + 1}.", cut=cut1 or cut2)
            details = [
                f'<font color="{GREEN}"><b>In the package</b></font>'
                if c.in_package
                else "Not in the package"
            ]
            if not discreet and c.cost_to_us is not None:
                details.append(f"costs us {money(c.cost_to_us)}")
            if c.value_to_them is not None:
                details.append(f"worth {money(c.value_to_them)} to them")
            notes, cut3 = safe(c.notes) if c.notes.strip() else ("", False)
            line2 = muted(" · ".join(details[1:])) if len(details) > 1 else ""
            second = details[0] + (f"{muted(' · ')}{line2}" if line2 else "")
            if notes:
                second += muted(" · ") + muted(notes)
            return Item(
                f"{what} {ARROW} <b>{ask}</b><br/>{second}",
                bullet=f"{i + 1}.",
                cut=cut1 or cut2 or cut3,
            )

        # The package's size is in the band above; the heading stays short enough for one line.
        title = f"Concessions: give → get ({len(ordered):,})"
        sections.append(Section(title, len(ordered), concession_item))

    fallbacks = sorted(deal.fallbacks, key=lambda f: f.kind != "batna")  # stable: BATNA first
    if fallbacks:

        def fallback_item(i: int) -> Item:
            f = fallbacks[i]
            what, cut1 = safe(f.what or "(not described)")
            text = f"<b>{markup(fallback_word(f.kind))}</b>  {what}"
            if f.value is not None and not (discreet and f.kind == "batna"):
                text += f" — <b>{money(f.value)}</b>"
            cut2 = False
            if f.trigger.strip():
                trigger, cut2 = safe(f.trigger)
                text += "<br/>" + muted(f"When: {trigger}")
            return Item(text, bullet="•", cut=cut1 or cut2)

        sections.append(Section("Fallbacks, BATNA first", len(fallbacks), fallback_item))

    interests = deal.listening.interests
    if interests:

        def interest_item(i: int) -> Item:
            it = interests[i]
            what, cut1 = safe(it.what or "(not described)")
            text = f"<b>{'Ours' if it.party == 'ours' else 'Theirs'}:</b> {what}"
            cut2 = False
            if it.why.strip():
                why, cut2 = safe(it.why)
                text += muted(f" — why: {why}")
            return Item(text, bullet="•", cut=cut1 or cut2)

        sections.append(Section("Interests and the why behind them", len(interests), interest_item))

    objections = deal.listening.objections
    if objections:

        def objection_item(i: int) -> Item:
            ob = objections[i]
            said, cut1 = safe(ob.objection or "(not described)")
            text = f"“{said}”"
            cut2 = cut3 = False
            if ob.why.strip():
                why, cut2 = safe(ob.why)
                text += muted(f" — because {why}")
            if ob.response.strip():
                response, cut3 = safe(ob.response)
                text += f"<br/>{ARROW} {response}"
            return Item(text, bullet="•", cut=cut1 or cut2 or cut3)

        sections.append(Section("Objections and our responses", len(objections), objection_item))

    questions = [q for q in deal.listening.questions if q.strip()]
    if questions:

        def question_item(i: int) -> Item:
            text, cut = safe(questions[i])
            return Item(text, bullet="☐", cut=cut)

        sections.append(Section("Questions to ask", len(questions), question_item))

    offers = deal.offers
    if offers:

        def offer_item(i: int) -> Item:
            o = offers[i]
            when, cut1 = safe(nice_moment(o.at)) if o.at.strip() else ("", False)
            who = "We offered" if o.by == "us" else "They offered"
            text = f"<b>{who} {money(o.amount)}</b>"
            if when:
                text += muted(f" · {when}")
            cut2 = False
            if o.terms.strip():
                terms, cut2 = safe(o.terms)
                text += f" · {terms}"
            return Item(text, bullet="○" if o.by == "us" else "▲", cut=cut1 or cut2)

        sections.append(Section("Offers so far", len(offers), offer_item))

    notes = [
        (label, text)
        for label, text in (
            (f"About {deal.counterpart.name.strip() or 'them'}", deal.counterpart.notes),
            ("Notes", deal.notes),
        )
        if text.strip()
    ]
    if notes:

        def note_item(i: int) -> Item:
            label, text = notes[i]
            body, cut = safe(text)
            head, _ = safe(label)
            return Item(f"<b>{head}</b>  {body}", cut=cut)

        sections.append(Section("Notes from the worksheet", len(notes), note_item))

    if discreet:  # readiness and warnings speak of what the copy leaves out
        return sections
    warnings = list(summary.warnings)

    # Missing checks are the to-do list, one line each; the done ones share a single line.
    missing = [c for c in summary.readiness if not c.done]
    done = [c for c in summary.readiness if c.done]
    lines: list[Item] = [Item(f"<b>{c.label}</b> — still to do", bullet="☐") for c in missing]
    if done:
        words = (
            f"All {len(done)} checks are done."
            if not missing
            else "Done: " + " · ".join(c.label for c in done) + "."
        )
        lines.append(Item(muted(words), bullet="✓", muted=True))
    lines += [Item(markup(w.message), bullet="⚠") for w in warnings]

    count = len(summary.readiness)
    title = f"Readiness {summary.readiness_done} of {count}"
    if warnings:
        title += f" and {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    sections.append(Section(title, len(lines), lambda i: lines[i]))
    return sections
