"""The Summary sheet: deal, vision, prices (inputs), the live zone, checks, readiness, sign-off."""

from __future__ import annotations

from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from worksheet.export.xlsx.book import (
    ALERT_FONT,
    BOX,
    HEAD_FONT,
    INPUT_FILL,
    LABEL_FONT,
    NOTE_FONT,
    PROBABILITY_FORMAT,
    RESULT_FILL,
    SUBTITLE_FONT,
    TITLE_FONT,
    WARN_FILL,
    WRAP_TOP,
    Book,
    fit_row,
    merge,
    page_setup,
    set_widths,
)
from worksheet.export.xlsx.cells import money_format
from worksheet.export.xlsx.names import SIGN_OFF_INPUTS, SIGN_OFF_STATUS
from worksheet.export.xlsx.workings import CHART_ROWS
from worksheet.export.xlsx.zone import (
    ALIASES,
    RAW_CHANCE,
    RESULTS,
    STATUS_WORDS_FORMULA,
    checks,
    package_cost_formula,
)
from worksheet.i18n import N_, _
from worksheet.present.forms import SECTION_TITLES, VISION_OUTPUT_LABELS, WORKBOOK_WORDS
from worksheet.present.numbers import chance_formula, chance_words_expression, currency_places
from worksheet.present.sentences import status_sentence_formula
from worksheet.present.signoff import (
    DECISION_WORDS,
    LABELS,
    is_stale,
    status_line,
    workbook_decisions,
)
from worksheet.present.summary import KEY_NUMBERS
from worksheet.present.words import STATUSES as STATUS_TITLES
from worksheet.present.words import kind_word

LAST_COL = 5  # A..E
#: The workbook's names for the parts of the status sentence (present.sentences).
SENTENCE_NAMES = {
    "is_seller": "IsSeller",
    "walk_away": "WalkAway",
    "limit": "PackageWalkAway",
    "out_of_order": "AND(EstimateCount>0,NOT(EstimateInOrder))",
    "status": "ZopaStatus",
    "gap": "Gap",
    "likely_low": "LikelyLow",
    "likely_high": "LikelyHigh",
    "best_low": "BestLow",
    "best_high": "BestHigh",
    "chance": RAW_CHANCE,
}
#: The key numbers' words (seller, buyer), the same as the window's summary panel.
NUMBER_WORDS = {key: (seller, buyer) for key, seller, buyer in KEY_NUMBERS}
DONE = "✓ done"
MISSING = "✗ missing"
#: Readiness checks whose inputs are cells of this sheet, as live conditions.
READINESS_FORMULAS = {
    "target": "ISNUMBER(Target)",
    "walk_away": "ISNUMBER(WalkAway)",
    "their_estimate": "COUNT(TheirLow,TheirLikely,TheirHigh)>0",
}
INPUT = PatternFill("solid", fgColor=INPUT_FILL)
RESULT = PatternFill("solid", fgColor=RESULT_FILL)


def _quoted(key: str) -> str:
    """A word of the sheet in the current language, inside a formula's double quotes."""
    return _(WORKBOOK_WORDS[key]).replace('"', '""')


def _live_words(seller: str, buyer: str) -> str:
    """A label that follows the Role cell: the seller's words or the buyer's."""
    return f'=IF(IsSeller,"{_quoted(seller)}","{_quoted(buyer)}")'


class SummarySheet:
    def __init__(self, book: Book, ws: Any) -> None:
        self.book = book
        self.ws = ws
        self.row = 1
        money = max(17.0, book.money_width)
        self.widths = {1: 42, 2: money, 3: money, 4: money, 5: 22}
        self.wide = sum(self.widths[c] for c in range(2, LAST_COL + 1))  # the merged B:E area

    # ---- little layout helpers -------------------------------------------------------------

    def _next(self, gap: int = 0) -> int:
        self.row += 1 + gap
        return self.row

    def _label(self, row: int, label: str) -> None:
        self.book.fixed(self.ws, f"A{row}", _(label), font=LABEL_FONT)

    def _long_text(self, label: str, text: str, where: str) -> None:
        """A label and a user text spread over B:E, with the row grown to show it all."""
        row = self._next()
        self._label(row, label)
        written = self.book.text(self.ws, f"B{row}", text, where).value
        merge(self.ws, f"B{row}:E{row}")
        fit_row(self.ws, row, written, self.wide)

    def _band(self, title: str) -> None:
        row = self._next(gap=1)
        self.book.band(self.ws, row, _(title), LAST_COL)

    def _money_input(
        self, label: str, name: str, amount: Any, *, left_out: bool = False, hint: str = ""
    ) -> None:
        row = self._next()
        self._label(row, label)
        self.book.money(self.ws, f"B{row}", amount, left_out=left_out, fill=INPUT, border=BOX)
        self.book.name(name, self.ws, f"B{row}")
        if hint:
            self.book.fixed(self.ws, f"C{row}", _(hint), font=NOTE_FONT)

    def _result(self, ref: str, name: str) -> None:
        step = RESULTS[name]
        fmt = {"money": self.book.money_format, "probability": PROBABILITY_FORMAT}.get(step.kind)
        self.book.formula(self.ws, ref, step.formula, fmt, fill=RESULT, border=BOX)
        self.book.name(name, self.ws, ref)
        for alias, target in ALIASES.items():
            if target == name:
                self.book.name(alias, self.ws, ref)

    # ---- the sheet ---------------------------------------------------------------------------

    def build(self) -> None:
        book, ws, deal = self.book, self.ws, self.book.deal
        set_widths(ws, self.widths)
        book.text(ws, "A1", book.title or _(WORKBOOK_WORDS["untitled"]), "title", font=TITLE_FONT)
        merge(ws, "A1:E1")
        # 16-point text: about 0.65 as many characters per line, 1.4 times the line height.
        fit_row(ws, 1, book.title, (self.wide + self.widths[1]) * 0.65, minimum=17)
        ws.row_dimensions[1].height = min(409.0, ws.row_dimensions[1].height * 1.4)
        side = WORKBOOK_WORDS["seller"] if deal.is_seller else WORKBOOK_WORDS["buyer"]
        unit = " ".join(book.guard.clean(deal.price_unit, "price_unit").split())
        currency = book.guard.clean(deal.currency, "currency").replace('"', "")[:8]
        sentence = _(WORKBOOK_WORDS["subtitle"])
        subtitle = sentence.format(role=_(side), currency=currency) + f", {unit}"
        # Live: the side follows the Role cell; the user's unit is read from its own text cell
        # (PriceUnit), never written into a formula.
        before, after = (
            part.format(currency=currency).replace('"', '""')
            for part in sentence.split("{role}", 1)
        )
        book.formula(
            ws,
            "A2",
            f'="{before}"&IF(IsSeller,"{_quoted("seller")}","{_quoted("buyer")}")&'
            f'"{after}"&IF(LEN(PriceUnit)>0,", "&PriceUnit,"")',
            font=SUBTITLE_FONT,
        )
        merge(ws, "A2:E2")
        fit_row(ws, 2, subtitle, self.wide + self.widths[1])
        self.row = 2
        if book.discreet:
            row = self._next()
            book.fixed(
                ws,
                f"A{row}",
                _(WORKBOOK_WORDS["discreet_note"]),
                font=ALERT_FONT,
                alignment=WRAP_TOP,
            )
            merge(ws, f"A{row}:E{row}")
            ws.row_dimensions[row].height = 2 * 15 + 4
        row = self._next()
        book.fixed(
            ws,
            f"A{row}",
            _(WORKBOOK_WORDS["inputs_note"]),
            font=NOTE_FONT,
        )
        merge(ws, f"A{row}:E{row}")

        self._deal()
        self._vision()
        self._prices()
        self._zone()
        self._checks()
        self._readiness()
        if not book.discreet:  # the manager's copy only: a discreet copy crosses the table
            self._sign_off()
        if deal.notes.strip():
            self._band(SECTION_TITLES["notes"])
            self._long_text(WORKBOOK_WORDS["anything_else"], deal.notes, "notes")
        ws.freeze_panes = "A3"
        page_setup(book, ws, landscape=False, title_rows="1:2")

    def _deal(self) -> None:
        book, ws, deal = self.book, self.ws, self.book.deal
        self._band(SECTION_TITLES["deal"])
        row = self._next()
        self._label(row, WORKBOOK_WORDS["kind"])
        book.text(ws, f"B{row}", kind_word(deal.kind), "kind")
        row = self._next()
        self._label(row, WORKBOOK_WORDS["we_are_the"])
        book.text(
            ws,
            f"B{row}",
            "buyer" if not deal.is_seller else "seller",
            "role",
            fill=INPUT,
            border=BOX,
        )
        book.name("Role", ws, f"B{row}")
        role_rule = DataValidation(type="list", formula1='"seller,buyer"', allow_blank=False)
        role_rule.error = _(WORKBOOK_WORDS["role_error"])
        ws.add_data_validation(role_rule)
        role_rule.add(f"B{row}")
        book.fixed(ws, f"C{row}", _(WORKBOOK_WORDS["role_hint"]), font=NOTE_FONT)
        row = self._next()
        self._label(row, WORKBOOK_WORDS["prices_are"])
        book.text(ws, f"B{row}", deal.price_unit, "price_unit")
        merge(ws, f"B{row}:E{row}")
        book.name("PriceUnit", ws, f"B{row}")
        cp = deal.counterpart
        who = " — ".join(p for p in (cp.name.strip(), cp.organization.strip()) if p)
        self._long_text(WORKBOOK_WORDS["counterpart"], who, "counterpart")
        if cp.style.strip():
            self._long_text(WORKBOOK_WORDS["their_style"], cp.style, "counterpart.style")
        if cp.notes.strip():
            self._long_text(WORKBOOK_WORDS["about_them"], cp.notes, "counterpart.notes")
        m = deal.meeting
        when_where = " · ".join(p for p in (m.date.strip(), m.place.strip()) if p)
        self._long_text(WORKBOOK_WORDS["meeting"], when_where, "meeting")
        if m.attendees.strip():
            self._long_text(WORKBOOK_WORDS["attendees"], m.attendees, "meeting.attendees")

    def _vision(self) -> None:
        v = self.book.deal.vision
        self._band(SECTION_TITLES["vision"])
        for name, label in VISION_OUTPUT_LABELS["xlsx"].items():
            self._long_text(label, getattr(v, name), f"vision.{name}")

    def _prices(self) -> None:
        deal, discreet = self.book.deal, self.book.discreet
        a, e = deal.anchors, deal.their_estimate
        self._band(SECTION_TITLES["our_prices"])
        self._money_input(WORKBOOK_WORDS["target"], "Target", a.target)
        self._money_input(WORKBOOK_WORDS["opening"], "Opening", a.opening)
        self._money_input(
            WORKBOOK_WORDS["walk_away"],
            "WalkAway",
            a.walk_away,
            left_out=discreet,
            hint=WORKBOOK_WORDS["walk_away_hint"],
        )
        self._band(SECTION_TITLES["their_estimate"])
        self._money_input(WORKBOOK_WORDS["their_target"], "TheirTarget", e.target)
        self._money_input(
            WORKBOOK_WORDS["their_low"],
            "TheirLow",
            e.walk_away_low,
            hint=WORKBOOK_WORDS["their_low_hint"],
        )
        self._money_input(
            WORKBOOK_WORDS["their_likely"],
            "TheirLikely",
            e.walk_away_likely,
            hint=WORKBOOK_WORDS["their_likely_hint"],
        )
        self._money_input(WORKBOOK_WORDS["their_high"], "TheirHigh", e.walk_away_high)
        if e.confidence.strip():
            self._long_text(WORKBOOK_WORDS["confidence"], e.confidence, "their_estimate.confidence")
        if e.source.strip():
            self._long_text(WORKBOOK_WORDS["based_on"], e.source, "their_estimate.source")

    def _zone(self) -> None:
        book, ws = self.book, self.ws
        # The zone, its chart, the checks and the sign-off print together on a fresh page.
        ws.row_breaks.append(Break(id=self.row + 1))
        self._band(SECTION_TITLES["zone"])
        row = self._next()
        self._label(row, WORKBOOK_WORDS["status"])
        self._result(f"B{row}", "ZopaStatus")
        words = STATUS_WORDS_FORMULA.format(**STATUS_TITLES)
        book.formula(ws, f"C{row}", words, font=HEAD_FONT)
        merge(ws, f"C{row}:E{row}")
        row = self._next()
        self._label(row, NUMBER_WORDS["probability"][0])
        self._result(f"B{row}", "ZopaProbability")
        # In the app's words ("about 83%"), live.
        book.formula(ws, f"C{row}", chance_formula(RAW_CHANCE, "ZoneReady"), font=HEAD_FONT)
        if not book.discreet:  # a discreet copy has no zone to put in words
            row = self._next()
            self._label(row, WORKBOOK_WORDS["in_words"])
            currency = book.deal.currency
            sentence = status_sentence_formula(
                money_format(currency, 0),
                money_format(currency, currency_places(currency)),
                chance_words_expression(RAW_CHANCE),
                SENTENCE_NAMES,
            )
            cell = book.formula(ws, f"B{row}", sentence, alignment=WRAP_TOP)
            book.name("ZopaSentence", ws, f"B{row}")
            merge(ws, f"B{row}:E{row}")
            ws.row_dimensions[row].height = 3 * 15 + 4
            cell.alignment = WRAP_TOP
        row = self._next()
        book.table_head(ws, row, [_(WORKBOOK_WORDS[k]) for k in ("range_head", "from", "to")])
        # Which of their guesses is the worst case depends on our side, so the label is live too.
        for label, low, high in (
            (_live_words("worst_seller", "worst_buyer"), "WorstLow", "WorstHigh"),
            (f'="{_quoted("likely")}"', "LikelyLow", "LikelyHigh"),
            (_live_words("best_seller", "best_buyer"), "BestLow", "BestHigh"),
        ):
            row = self._next()
            book.formula(ws, f"A{row}", label, font=LABEL_FONT)
            self._result(f"B{row}", low)
            self._result(f"C{row}", high)
        row = self._next()
        self._label(row, NUMBER_WORDS["gap"][0])
        self._result(f"B{row}", "Gap")

        row = self._next(gap=1)
        book.table_head(
            ws,
            row,
            [
                _(WORKBOOK_WORDS["package_head"]),
                NUMBER_WORDS["package_cost"][0],
                NUMBER_WORDS["package_value"][0],
            ],
        )
        row = self._next()
        self._label(row, WORKBOOK_WORDS["package_marked"])
        cost = book.formula(
            ws,
            f"B{row}",
            package_cost_formula(book.discreet),
            book.money_format,
            fill=RESULT,
            border=BOX,
        )
        cost.alignment = WRAP_TOP
        book.name("PackageCost", ws, f"B{row}")
        book.formula(
            ws,
            f"C{row}",
            "=ROUND(SUMIFS(ConcessionValue,ConcessionInPackage,TRUE),5)",
            book.money_format,
            fill=RESULT,
            border=BOX,
        )
        book.name("PackageValue", ws, f"C{row}")
        book.fixed(ws, f"D{row}", _(WORKBOOK_WORDS["package_flip"]), font=NOTE_FONT)
        row = self._next()
        seller_words, buyer_words = NUMBER_WORDS["package_walk_away"]
        # The same words as the window and the sheet, and live: they follow the Role cell.
        book.formula(
            ws, f"A{row}", f'=IF(IsSeller,"{seller_words}","{buyer_words}")', font=LABEL_FONT
        )
        self._result(f"B{row}", "PackageWalkAway")
        row = self._next()
        book.table_head(
            ws,
            row,
            [_(WORKBOOK_WORDS[k]) for k in ("moved_head", "lowest", "most_likely", "highest")],
        )
        row = self._next()
        self._label(row, WORKBOOK_WORDS["package_moved"])
        self._result(f"B{row}", "PackageLow")
        self._result(f"C{row}", "PackageLikely")
        self._result(f"D{row}", "PackageHigh")
        self.chart_row = self._next(gap=1)
        self.row = self.chart_row + CHART_ROWS

    def _checks(self) -> None:
        book, ws = self.book, self.ws
        self._band(SECTION_TITLES["checks"])
        warn = PatternFill("solid", fgColor=WARN_FILL)
        first = self.row + 1
        for check in checks(book.discreet):
            row = self._next()
            self._label(row, check.label)
            # One line, not wrapped: the sentence runs on over the empty cells to its right.
            book.formula(ws, f"B{row}", check.formula)
            book.name(check.name, ws, f"B{row}")
        ws.conditional_formatting.add(
            f"B{first}:E{self.row}",
            FormulaRule(formula=[f'$B{first}<>"OK"'], fill=warn, font=ALERT_FONT),
        )

    def _readiness(self) -> None:
        book, ws, summary = self.book, self.ws, self.book.summary
        if book.discreet:  # readiness speaks of what the copy leaves out
            return
        self._band(SECTION_TITLES["readiness"])
        first = self.row + 1
        for check in summary.readiness:
            row = self._next()
            self._label(row, check.label)
            live = READINESS_FORMULAS.get(check.code)
            if live is not None:  # follows the input cells on this sheet
                book.formula(ws, f"B{row}", f'=IF({live},"{DONE}","{MISSING}")')
            else:  # lives on other sheets as text: as it was when exported
                book.fixed(ws, f"B{row}", f"{DONE if check.done else MISSING} (at export)")
        last = self.row
        row = self._next()
        self._label(row, WORKBOOK_WORDS["done"])
        total = len(summary.readiness)
        book.formula(
            ws, f"B{row}", f'=COUNTIF(B{first}:B{last},"{DONE}*")&" of {total}"', font=HEAD_FONT
        )
        ws.conditional_formatting.add(
            f"B{first}:B{last}",
            FormulaRule(formula=[f'LEFT($B{first},1)="{MISSING[0]}"'], font=ALERT_FONT),
        )

    def _sign_off(self) -> None:
        """The block a manager fills in: every input cell has a defined name the app reads back."""
        book, ws, deal = self.book, self.ws, self.book.deal
        sign = deal.sign_off
        # The block a manager fills in prints whole, on a page of its own.
        ws.row_breaks.append(Break(id=self.row + 1))
        self._band(SECTION_TITLES["signoff"])
        row = self._next()
        self._label(row, WORKBOOK_WORDS["signoff_status"])
        status = book.fixed(ws, f"B{row}", status_line(deal), alignment=WRAP_TOP)
        if is_stale(deal):
            status.font = ALERT_FONT
        merge(ws, f"B{row}:E{row}")
        fit_row(ws, row, status.value, self.wide)
        book.name(SIGN_OFF_STATUS, ws, f"B{row}")
        for name, attr, _label in SIGN_OFF_INPUTS:
            row = self._next()
            self._label(row, LABELS[attr])
            value = getattr(sign, attr)
            if attr == "decision":
                value = DECISION_WORDS[value] if value else ""
            cell = book.text(ws, f"B{row}", value, f"sign_off.{attr}", fill=INPUT, border=BOX)
            for col in "CDE":
                book.style(ws[f"{col}{row}"], fill=INPUT, border=BOX)
            merge(ws, f"B{row}:E{row}")
            book.name(name, ws, f"B{row}")
            if attr == "decision":
                words = workbook_decisions()
                choices = ",".join(w.replace(",", " ").replace('"', "'") for w in words)
                rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
                rule.error = _("Pick one of: {choices} (or leave it blank).").format(
                    choices=", ".join(words)
                )
                ws.add_data_validation(rule)
                rule.add(f"B{row}")
            elif attr == "date":
                cell.number_format = "@"  # typed as text, YYYY-MM-DD, so no locale reads it
            if attr == "comment":
                ws.row_dimensions[row].height = max(80.0, ws.row_dimensions[row].height or 0)
                fit_row(ws, row, cell.value, self.wide, minimum=80)
            else:
                ws.row_dimensions[row].height = 22
        limits = sign.limits
        for name, amount, label, hint in (
            (
                "LimitWalkAway",
                limits.walk_away,
                LABELS["limit_walk_away"],
                N_("the worst walk-away allowed"),
            ),
            (
                "LimitPackageCost",
                limits.package_cost,
                LABELS["limit_package_cost"],
                N_("the most the package may cost us"),
            ),
        ):
            self._money_input(label, name, amount, left_out=book.discreet, hint=hint)
        row = self._next()
        book.fixed(
            ws,
            f"A{row}",
            _(
                "Type the decision as {approved}, {changes} or {rejected} and the date as "
                "YYYY-MM-DD. The app reads these yellow cells back with File › Import Manager's "
                "Workbook and shows every change before applying it."
            ).format(
                approved=DECISION_WORDS["approved"],
                changes=DECISION_WORDS["changes_requested"],
                rejected=DECISION_WORDS["rejected"],
            ),
            font=NOTE_FONT,
            alignment=WRAP_TOP,
        )
        merge(ws, f"A{row}:E{row}")
        ws.row_dimensions[row].height = 2 * 15 + 4
