"""The zone bar of the meeting view: our opening and target, the estimated zone, every offer,
and our walk-away only while the user holds the key for it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from worksheet.domain.deal import Deal
from worksheet.domain.meeting import MeetingState
from worksheet.i18n import N_, _
from worksheet.present.meeting import walk_away_word
from worksheet.present.numbers import format_money
from worksheet.ui.widgets.colors import accents, muted_text


class ZoneBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting-zone-bar")
        self.setAccessibleName(_("Zone bar"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._deal: Deal | None = None
        self._state: MeetingState | None = None
        self.walk_away_shown = False

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() * 7)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.fontMetrics().height() * 7)

    def set_state(self, deal: Deal, state: MeetingState) -> None:
        self._deal, self._state = deal, state
        self.update()

    def show_walk_away(self, shown: bool) -> None:
        if shown != self.walk_away_shown:
            self.walk_away_shown = shown
            self.update()

    # ------------------------------------------------------------------ geometry

    def marks(self) -> list[tuple[str, str, Decimal]]:
        """(key, word, amount) of the labelled marks, walk-away only while shown."""
        deal, state = self._deal, self._state
        if deal is None or state is None:
            return []
        out: list[tuple[str, str, Decimal]] = []
        if deal.anchors.opening is not None:
            out.append(("opening", _("opening"), deal.anchors.opening))
        if deal.anchors.target is not None:
            out.append(("target", _("target"), deal.anchors.target))
        if self.walk_away_shown and state.floor is not None:
            word = walk_away_word(state.floor, deal.anchors.walk_away, deal.is_seller)
            out.append(("walk_away", word, state.floor))
        return out

    def _span(self) -> tuple[Decimal, Decimal] | None:
        deal, state = self._deal, self._state
        if deal is None or state is None:
            return None
        values = [a for _k, _w, a in self.marks()]
        s = state.summary
        values += [v for v in (s.their_low_package, s.their_high_package) if v is not None]
        offers = [o.amount for o in deal.offers if o.amount is not None]
        if offers:
            values += [min(offers), max(offers)]
        if not values:
            return None
        low, high = min(values), max(values)
        pad = (high - low) * Decimal("0.06") or (abs(high) * Decimal("0.05")) or Decimal(1)
        return low - pad, high + pad

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        acc = accents(pal)
        muted = muted_text(pal)
        span = self._span()
        rect = QRectF(self.rect()).adjusted(16, 4, -16, -4)
        fm = self.fontMetrics()
        line_h = fm.height()
        bar = QRectF(rect.left(), rect.top() + line_h * 1.6, rect.width(), line_h * 2.0)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(bar, 6, 6)
        if span is None or self._deal is None or self._state is None:
            p.setPen(muted)
            p.drawText(bar, Qt.AlignmentFlag.AlignCenter, _("Set your prices to see the zone"))
            return
        low, high = span
        width = float(high - low) or 1.0

        def x_of(amount: Decimal) -> float:
            return bar.left() + float(amount - low) / width * bar.width()

        s = self._state.summary
        currency = self._deal.currency
        # Their estimated range (moved by the package): the calm backdrop of the bar.
        if s.their_low_package is not None and s.their_high_package is not None:
            left, right = x_of(s.their_low_package), x_of(s.their_high_package)
            p.setBrush(acc.theirs_fill)
            p.drawRoundedRect(QRectF(left, bar.top(), max(right - left, 3), bar.height()), 4, 4)
        zone = s.best
        if zone is not None and self.walk_away_shown:
            left, right = x_of(zone.low), x_of(zone.high)
            p.setBrush(acc.zone_likely)
            p.drawRect(
                QRectF(
                    left, bar.top() + bar.height() * 0.3, max(right - left, 2), bar.height() * 0.4
                )
            )

        # Offers: theirs above the bar, ours below; the latest of each drawn strongest.
        offers = self._deal.offers
        last_index = {"us": -1, "them": -1}
        for i, o in enumerate(offers):
            if o.amount is not None:
                last_index[o.by] = i
        radius = max(3.0, line_h * 0.22)
        for i, o in enumerate(offers):
            if o.amount is None:
                continue
            colour = QColor(acc.theirs if o.by == "them" else acc.ours)
            latest = i == last_index[o.by]
            if not latest:
                colour.setAlphaF(0.35)
            p.setBrush(colour)
            y = bar.top() + bar.height() * (0.25 if o.by == "them" else 0.75)
            r = radius * (1.6 if latest else 1.0)
            p.drawEllipse(QPointF(x_of(o.amount), y), r, r)

        # Labelled marks: a tick through the bar and the word with the amount.
        font = QFont(self.font())
        p.setFont(font)
        above = True
        for key, word, amount in sorted(self.marks(), key=lambda m: m[2]):
            x = x_of(amount)
            colour = acc.error if key == "walk_away" else pal.color(QPalette.ColorRole.WindowText)
            p.setPen(QPen(colour, 2.5 if key == "walk_away" else 1.6))
            p.drawLine(QPointF(x, bar.top() - 4), QPointF(x, bar.bottom() + 4))
            text = f"{word} {format_money(amount, currency)}"
            w = fm.horizontalAdvance(text)
            tx = min(max(x - w / 2, rect.left()), rect.right() - w)
            ty = bar.top() - 8 if above else bar.bottom() + 6 + fm.ascent()
            p.drawText(QPointF(tx, ty), text)
            above = not above
        # A legend line, quiet, under everything, each dot in its own colour.
        y = bar.bottom() + line_h * 1.7
        x = rect.left()
        p.setFont(self.font())
        for colour, text in (
            (acc.theirs, N_("their offers (top row)")),
            (acc.ours, N_("our offers (bottom row)")),
            (acc.theirs_fill_strong, N_("their estimated range")),
        ):
            text = _(text)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(QPointF(x + radius, y + line_h / 2), radius, radius)
            p.setPen(muted)
            x += radius * 2 + 6
            # Placed by x from the left like the dots (the bar is a number line, also in a
            # right-to-left window): the alignment must not flip with the layout direction.
            p.drawText(
                QRectF(x, y, rect.width(), line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
                text,
            )
            x += fm.horizontalAdvance(text) + 24
