"""What the PDF prep sheet says: the deal turned into sections of safe Paragraph markup."""

from __future__ import annotations

from datetime import date, datetime

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.export.pdf.measure import Item, Section
from worksheet.export.pdf.text import cap, markup
from worksheet.i18n import N_, _, language, ngettext
from worksheet.present.forms import SECTION_TITLES, VISION_OUTPUT_LABELS
from worksheet.present.numbers import format_money, language_separators, native_digits
from worksheet.present.packages import MESO_MARK, package_lines
from worksheet.present.warnings import warning_text
from worksheet.present.words import fallback_word, readiness_word

MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


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
    seps = language_separators(language())
    return native_digits(
        _("{weekday} {day} {month} {year}").format(
            weekday=_(WEEKDAYS[day.weekday()]),
            day=day.day,
            month=_(MONTHS[day.month - 1]),
            year=day.year,
        ),
        seps,
    )


def nice_moment(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    seps = language_separators(language())
    day = _("{day} {month} {year}").format(
        day=moment.day, month=_(MONTHS[moment.month - 1]), year=moment.year
    )
    if (moment.hour, moment.minute) != (0, 0):
        day = _("{date}, {time}").format(date=day, time=f"{moment:%H:%M}")
    return native_digits(day, seps)


def build_sections(deal: Deal, summary: Summary, *, discreet: bool) -> list[Section]:
    # Even the currency code is escaped: a deal built in code need not have passed the loader.
    seps = language_separators(language())
    money = lambda a: markup(format_money(a, deal.currency, seps=seps))  # noqa: E731
    sections: list[Section] = []

    vision_fields = [
        (_(label), getattr(deal.vision, name))
        for name, label in VISION_OUTPUT_LABELS["pdf"].items()
    ]
    vision = [(label, text) for label, text in vision_fields if text.strip()]
    if vision:

        def vision_item(i: int) -> Item:
            label, text = vision[i]
            body, cut = safe(text)
            return Item(f"<b>{label}</b>  {body}", cut=cut)

        sections.append(Section(_(SECTION_TITLES["vision"]), len(vision), vision_item))

    ordered = deal.concessions_in_order()
    if ordered:

        def concession_item(i: int) -> Item:
            c = ordered[i]
            what, cut1 = safe(c.what or _("(not described)"))
            ask, cut2 = (
                safe(c.ask_in_return)
                if c.ask_in_return.strip()
                else (muted(_("nothing asked in return yet")), False)
            )
            if discreet:  # only what we would say: no package, costs, values or notes
                return Item(f"{what} {ARROW} <b>{ask}</b>", bullet=f"{i + 1}.", cut=cut1 or cut2)
            in_package = _("In the package")
            details = [
                f'<font color="{GREEN}"><b>{in_package}</b></font>'
                if deal.in_active(c)
                else _("Not in the package")
            ]
            if not discreet and c.cost_to_us is not None:
                details.append(_("costs us {amount}").format(amount=money(c.cost_to_us)))
            if c.value_to_them is not None:
                details.append(_("worth {amount} to them").format(amount=money(c.value_to_them)))
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
        title = _(SECTION_TITLES["concessions"]).format(
            count=native_digits(f"{len(ordered):,}", seps)
        )
        sections.append(Section(title, len(ordered), concession_item))

    offers_to_make = package_lines(deal, summary)
    if offers_to_make:

        def package_item(i: int) -> Item:
            line = offers_to_make[i]
            name, cut1 = safe(line.name)
            gives, cut2 = safe(line.gives)
            text = f"<b>{name}</b> — ask <b>{markup(line.ask)}</b>"
            if not discreet:  # the net and the chance are worked out from what we keep back
                text += muted(f" · net {markup(line.net)} · chance {markup(line.chance)}")
                if line.active:
                    text += f' <font color="{GREEN}"><b>active</b></font>'
                if line.in_meso:
                    text += f" <b>{MESO_MARK}</b>"
            text += "<br/>" + muted(_("gives: {concessions}").format(concessions=gives))
            return Item(text, bullet="▸", cut=cut1 or cut2)

        if not discreet and summary.meso:
            title = _(SECTION_TITLES["packages_meso"]).format(mark=MESO_MARK)
        else:
            title = _(SECTION_TITLES["packages"])
        sections.append(Section(title, len(offers_to_make), package_item))

    fallbacks = sorted(deal.fallbacks, key=lambda f: f.kind != "batna")  # stable: BATNA first
    if fallbacks:

        def fallback_item(i: int) -> Item:
            f = fallbacks[i]
            what, cut1 = safe(f.what or _("(not described)"))
            text = f"<b>{markup(fallback_word(f.kind))}</b>  {what}"
            if f.value is not None and not (discreet and f.kind == "batna"):
                text += f" — <b>{money(f.value)}</b>"
            cut2 = False
            if f.trigger.strip():
                trigger, cut2 = safe(f.trigger)
                text += "<br/>" + muted(_("When: {trigger}").format(trigger=trigger))
            return Item(text, bullet="•", cut=cut1 or cut2)

        sections.append(Section(_(SECTION_TITLES["fallbacks"]), len(fallbacks), fallback_item))

    interests = deal.listening.interests
    if interests:

        def interest_item(i: int) -> Item:
            it = interests[i]
            what, cut1 = safe(it.what or _("(not described)"))
            whose = _("Ours:") if it.party == "ours" else _("Theirs:")
            text = f"<b>{whose}</b> {what}"
            cut2 = False
            if it.why.strip():
                why, cut2 = safe(it.why)
                text += muted(" " + _("— why: {why}").format(why=why))
            return Item(text, bullet="•", cut=cut1 or cut2)

        sections.append(Section(_(SECTION_TITLES["interests"]), len(interests), interest_item))

    objections = deal.listening.objections
    if objections:

        def objection_item(i: int) -> Item:
            ob = objections[i]
            said, cut1 = safe(ob.objection or _("(not described)"))
            text = _("“{objection}”").format(objection=said)
            cut2 = cut3 = False
            if ob.why.strip():
                why, cut2 = safe(ob.why)
                text += muted(" " + _("— because {why}").format(why=why))
            if ob.response.strip():
                response, cut3 = safe(ob.response)
                text += f"<br/>{ARROW} {response}"
            return Item(text, bullet="•", cut=cut1 or cut2 or cut3)

        sections.append(Section(_(SECTION_TITLES["objections"]), len(objections), objection_item))

    questions = [q for q in deal.listening.questions if q.strip()]
    if questions:

        def question_item(i: int) -> Item:
            text, cut = safe(questions[i])
            return Item(text, bullet="☐", cut=cut)

        sections.append(Section(_(SECTION_TITLES["questions"]), len(questions), question_item))

    offers = deal.offers
    if offers:

        def offer_item(i: int) -> Item:
            o = offers[i]
            when, cut1 = safe(nice_moment(o.at)) if o.at.strip() else ("", False)
            if o.by == "us":
                offered = _("We offered {amount}").format(amount=money(o.amount))
            else:
                offered = _("They offered {amount}").format(amount=money(o.amount))
            text = f"<b>{offered}</b>"
            if when:
                text += muted(f" · {when}")
            cut2 = False
            if o.terms.strip():
                terms, cut2 = safe(o.terms)
                text += f" · {terms}"
            return Item(text, bullet="○" if o.by == "us" else "▲", cut=cut1 or cut2)

        sections.append(Section(_(SECTION_TITLES["offers"]), len(offers), offer_item))

    notes = [
        (label, text)
        for label, text in (
            (
                _("About {name}").format(name=deal.counterpart.name.strip())
                if deal.counterpart.name.strip()
                else _("About them"),
                deal.counterpart.notes,
            ),
            (_("Notes"), deal.notes),
        )
        if text.strip()
    ]
    if notes:

        def note_item(i: int) -> Item:
            label, text = notes[i]
            body, cut = safe(text)
            head, _cut = safe(label)
            return Item(f"<b>{head}</b>  {body}", cut=cut)

        sections.append(Section(_(SECTION_TITLES["worksheet_notes"]), len(notes), note_item))

    if discreet:  # readiness and warnings speak of what the copy leaves out
        return sections
    warnings = list(summary.warnings)

    # Missing checks are the to-do list, one line each; the done ones share a single line.
    missing = [c for c in summary.readiness if not c.done]
    done = [c for c in summary.readiness if c.done]
    lines: list[Item] = [
        Item(_("<b>{check}</b> — still to do").format(check=readiness_word(c.code)), bullet="☐")
        for c in missing
    ]
    if done:
        if not missing:
            words = ngettext(
                "The {count} check is done.", "All {count} checks are done.", len(done)
            ).format(count=native_digits(str(len(done)), seps))
        else:
            words = _("Done: {checks}.").format(
                checks=" · ".join(readiness_word(c.code) for c in done)
            )
        lines.append(Item(muted(words), bullet="✓", muted=True))
    lines += [Item(markup(warning_text(w, deal.currency, seps)), bullet="⚠") for w in warnings]

    count = len(summary.readiness)
    done_count, total = (native_digits(str(n), seps) for n in (summary.readiness_done, count))
    if warnings:
        title = ngettext(
            "Readiness {done} of {total} and {count} warning",
            "Readiness {done} of {total} and {count} warnings",
            len(warnings),
        ).format(done=done_count, total=total, count=native_digits(str(len(warnings)), seps))
    else:
        title = _("Readiness {done} of {total}").format(done=done_count, total=total)
    sections.append(Section(title, len(lines), lambda i: lines[i]))
    return sections
