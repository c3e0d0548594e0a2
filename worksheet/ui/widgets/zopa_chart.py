"""The ZOPA chart: our walk-away, their estimated walk-away and the deal zones on a price axis."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.domain.text import STATUS_TITLES, format_money, format_probability, status_sentence
from worksheet.ui.widgets.chart_layout import pick_ticks, place_labels
from worksheet.ui.widgets.colors import Accents, accents, blend

ZONES: tuple[str, ...] = ("best", "likely", "worst")
ZONE_WORDS = {"best": "best case", "likely": "likely", "worst": "worst case"}
EMPTY_MESSAGE = "Fill in your walk-away and their estimate to see where a deal can happen."
NEED_BOTH = (
    "The chart appears once your walk-away price and your estimate of their walk-away "
    "(lowest, most likely, highest) are filled in."
)
NEED_OURS = "Fill in your walk-away price: the chart shows where it meets their estimate."
NEED_THEIRS = (
    "Estimate their walk-away (lowest, most likely, highest guess) to see the deal zone; "
    "even one number is enough to start."
)
NEED_ORDER = (
    "Put their walk-away estimate in order (lowest ≤ most likely ≤ highest) to draw the chart."
)


def _unknown_message(deal: Deal, summary: Summary) -> str:
    """What is missing for the chart, in a sentence that says what to do about it."""
    if summary.has_warning("estimate_out_of_order"):
        return NEED_ORDER
    ours = summary.package_walk_away is not None
    theirs = summary.their_low is not None
    if not ours and not theirs:
        return NEED_BOTH
    return NEED_THEIRS if ours else NEED_OURS


_PAD = 8.0
_LABEL_GAP = 10.0
_MAX_SHIFT = 36.0
_ZONE_H = 11.0
_ZONE_PITCH = 14.0
_ZONES_H = 2 * _ZONE_PITCH + _ZONE_H
_MIN_TRIANGLE = 12.0
_MAX_TRIANGLE = 60.0


@dataclass(frozen=True)
class ChartInput:
    """The numbers the chart draws, copied out of the deal and summary once per `setData`."""

    seller: bool
    currency: str
    status: str
    probability: float | None
    gap: Decimal | None
    sentence: str
    missing: str  # what to fill in when the zone is unknown
    walk_away: Decimal | None
    package_walk_away: Decimal | None
    target: Decimal | None
    opening: Decimal | None
    their: tuple[Decimal, Decimal, Decimal] | None  # their walk-away L, M, H
    their_package: tuple[Decimal, Decimal, Decimal] | None  # moved by the package: lo, mid, hi
    zones: dict[str, tuple[Decimal, Decimal] | None]
    offers: tuple[tuple[Decimal, str], ...]


@dataclass
class ChartLabel:
    key: str
    name: str
    value: str
    rect: QRectF
    anchor: QPointF
    color: QColor


@dataclass
class ChartModel:
    """Computed geometry in widget pixels, also exposed to tests via `ZopaChart.chartModel()`."""

    width: float
    height: float
    message: str | None = None
    status_text: str = ""
    status_detail: str = ""
    domain: tuple[float, float] = (0.0, 1.0)
    plot: tuple[float, float] = (0.0, 1.0)
    rows: dict[str, float] = field(default_factory=dict)
    zones: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    gap: tuple[float, float] | None = None
    markers: dict[str, float] = field(default_factory=dict)
    ticks: list[tuple[Decimal, float, QRectF, str]] = field(default_factory=list)
    labels: list[ChartLabel] = field(default_factory=list)
    offers: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str, QRectF]] = field(default_factory=list)

    def x_of(self, value: Decimal | float) -> float:
        low, high = self.domain
        left, right = self.plot
        return left + (float(value) - low) / (high - low) * (right - left)


def chart_input(deal: Deal, summary: Summary) -> ChartInput:
    """Copy what the chart needs; offers are read here so painting never walks the deal."""
    their = None
    if summary.their_low is not None and summary.their_likely is not None:
        assert summary.their_high is not None
        their = (summary.their_low, summary.their_likely, summary.their_high)
    their_package = None
    if summary.their_low_package is not None and summary.their_likely_package is not None:
        assert summary.their_high_package is not None
        their_package = (
            summary.their_low_package,
            summary.their_likely_package,
            summary.their_high_package,
        )
    zones = {
        name: None if zone is None else (zone.low, zone.high)
        for name, zone in (
            ("best", summary.best),
            ("likely", summary.likely),
            ("worst", summary.worst),
        )
    }
    offers = tuple((offer.amount, offer.by) for offer in deal.offers if offer.amount is not None)
    return ChartInput(
        seller=summary.role != "buyer",
        currency=deal.currency,
        status=summary.status,
        probability=summary.probability,
        gap=summary.gap,
        sentence=status_sentence(summary, deal.currency),
        missing=_unknown_message(deal, summary) if summary.status == "unknown" else "",
        walk_away=deal.anchors.walk_away,
        package_walk_away=summary.package_walk_away,
        target=deal.anchors.target,
        opening=deal.anchors.opening,
        their=their,
        their_package=their_package,
        zones=zones,
        offers=offers,
    )


class ZopaChart(QWidget):
    """Painted chart of the zone of possible agreement; call `setData(deal, summary)` on change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._input: ChartInput | None = None
        self._model: ChartModel | None = None
        self._show_status = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAccessibleName("Deal zone chart")
        self.setAccessibleDescription(EMPTY_MESSAGE)

    # --- public interface -------------------------------------------------------------------

    def setData(self, deal: Deal, summary: Summary) -> None:
        data = chart_input(deal, summary)
        if data == self._input:
            return
        self._input = data
        self._model = None
        self.setAccessibleDescription(data.sentence)
        self.update()

    def setShowStatus(self, show: bool) -> None:
        """Hide the status line when a heading just above already says it (the summary panel)."""
        if show != self._show_status:
            self._show_status = show
            self._model = None
            self.update()

    def chartModel(self) -> ChartModel:
        """The geometry as it would be painted now (computed on demand, then cached)."""
        model = self._model
        # A hidden widget's resize arrives as an event only when shown: compare sizes instead.
        if model is None or (model.width, model.height) != (self.width(), self.height()):
            model = self._model = self._layout()
        return model

    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 180)

    # --- events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._model = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._model = None
            self.update()
        super().changeEvent(event)

    # --- layout ---------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(7.0, size * 0.88))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def _layout(self) -> ChartModel:
        width, height = float(self.width()), float(self.height())
        model = ChartModel(width=width, height=height)
        data = self._input
        _, small, bold = self._fonts()
        fm = QFontMetricsF(small)
        line = fm.height()
        top = _PAD
        if data is None:
            model.message = EMPTY_MESSAGE
            return model
        if self._show_status:
            model.status_text = STATUS_TITLES[data.status]
            model.status_detail = _status_detail(data)
            model.rows["status"] = top
            top += QFontMetricsF(bold).height() + 6
        if data.status == "unknown" or data.their_package is None or data.package_walk_away is None:
            model.message = data.missing or data.sentence
            model.rows["message"] = top
            return model

        self._layout_horizontal(model, data, fm)
        colors = accents(self.palette())
        bounds = (_PAD, width - _PAD)
        # Two label rows per side when there is height for them, else one row (names shortened
        # or dropped) on their side first: labels are never cut and never overlap.
        their_by_rows = {
            rows: self._their_labels(model, data, fm, bounds, colors, rows) for rows in (2, 1)
        }
        our_by_rows = {
            rows: self._our_labels(model, data, fm, bounds, colors, rows) for rows in (2, 1)
        }
        for their_max, our_max in ((2, 2), (1, 2), (2, 1), (1, 1)):
            their, ours = their_by_rows[their_max], our_by_rows[our_max]
            their_rows = 1 + max((row for row, _ in their), default=0)
            our_rows = 1 + max((row for row, _ in ours), default=0)
            fixed = self._fixed_height(top, line, their_rows, our_rows)
            if fixed + _MIN_TRIANGLE <= height:
                break

        spare = height - fixed - _MIN_TRIANGLE
        with_legend = spare >= line + 6
        if with_legend:
            spare -= line + 6
        triangle_h = _MIN_TRIANGLE + max(0.0, min(spare, _MAX_TRIANGLE - _MIN_TRIANGLE))

        y = top
        model.rows["their_labels"] = y
        y += their_rows * (line + 2)
        model.rows["their_top"] = y
        y += triangle_h
        model.rows["their_base"] = y
        y += 5
        model.rows["zones"] = y
        y += _ZONES_H + 6
        model.rows["ours"] = y + 6
        y += 14
        model.rows["our_labels"] = y
        y += our_rows * (line + 2) + 2
        model.rows["axis"] = y
        model.rows["tick_labels"] = y + 6
        y += 6 + line
        for labels, first_row, anchor_y in (
            (their, model.rows["their_labels"], model.rows["their_top"]),
            (ours, model.rows["our_labels"], model.rows["ours"]),
        ):
            for row, label in labels:
                label.rect.moveTop(first_row + row * (line + 2))
                label.anchor.setY(anchor_y)
                model.labels.append(label)
        model.ticks = [
            (value, x, QRectF(rect.left(), model.rows["tick_labels"], rect.width(), line), text)
            for value, x, rect, text in model.ticks
        ]
        if with_legend:
            model.rows["legend"] = y + 6
            self._place_legend(model, fm, bounds)
        return model

    @staticmethod
    def _fixed_height(top: float, line: float, their_rows: int, our_rows: int) -> float:
        """Everything but their distribution and the legend, from the top edge to the bottom."""
        return (
            top
            + their_rows * (line + 2)
            + 5
            + _ZONES_H
            + 6
            + 14
            + our_rows * (line + 2)
            + 2
            + 6
            + line
            + _PAD
        )

    def _layout_horizontal(self, model: ChartModel, data: ChartInput, fm: QFontMetricsF) -> None:
        """The price range, ticks and every mark's x."""
        assert data.their_package is not None and data.package_walk_away is not None
        lo, mid, hi = data.their_package
        values = [lo, mid, hi, data.package_walk_away]
        values.extend(v for v in (data.walk_away, data.target, data.opening) if v is not None)
        if data.their is not None:
            values.extend(data.their)
        values.extend(amount for amount, _ in data.offers)
        smallest, largest = float(min(values)), float(max(values))
        span = largest - smallest
        if span < max(abs(largest) * 1e-9, 0.05):
            # All equal (or as good as): show a modest window around the value.
            half = max(abs(largest) * 0.05, 1.0)
            low, high = smallest - half, largest + half
        else:
            low, high = smallest - span * 0.05, largest + span * 0.05
        if low < 0 <= smallest:
            low = 0.0  # prices here are never negative: do not invent a negative scale
        model.domain = (low, high)
        width = model.width
        left, right = _PAD + 4, width - _PAD - 4
        model.plot = (left, right)

        def tick_text(value: Decimal) -> str:
            return format_money(value, data.currency)

        line = fm.height()
        for value, x, label_left in pick_ticks(
            low,
            high,
            left,
            right,
            lambda v: fm.horizontalAdvance(tick_text(v)),
            (_PAD, width - _PAD),
        ):
            text = tick_text(value)
            rect = QRectF(label_left, 0, fm.horizontalAdvance(text), line)
            model.ticks.append((value, x, rect, text))

        x = model.x_of
        markers = model.markers
        names = ("their_low", "their_likely", "their_high")
        for name, value in zip(names, data.their_package, strict=True):
            markers[name] = x(value)
        if data.their is not None and data.their != data.their_package:
            for name, value in zip(names, data.their, strict=True):
                markers[f"{name}_before"] = x(value)
        markers["floor"] = x(data.package_walk_away)
        markers["walk_away"] = markers["floor"] if data.walk_away is None else x(data.walk_away)
        if data.target is not None:
            markers["target"] = x(data.target)
        if data.opening is not None:
            markers["opening"] = x(data.opening)
        for name in ZONES:
            zone = data.zones[name]
            model.zones[name] = None if zone is None else (x(zone[0]), x(zone[1]))
        if data.status == "none":
            a, b = (hi, data.package_walk_away) if data.seller else (data.package_walk_away, lo)
            model.gap = (x(a), x(b))
        seen: set[tuple[int, str]] = set()
        for amount, by in data.offers:
            key = (round(x(amount)), by)
            if key not in seen:  # thousands of offers collapse to one mark per pixel
                seen.add(key)
                model.offers.append((x(amount), by))

    def _place_group(
        self,
        entries: list[tuple[str, list[tuple[str, str]], float, QColor]],
        fm: QFontMetricsF,
        bounds: tuple[float, float],
        max_rows: int,
    ) -> list[tuple[int, ChartLabel]]:
        """Labels "name value" near their x in up to `max_rows` rows, in the longest wording
        that fits: entries are (key, [(name, value)] longest first, anchor x, colour).

        The rects come back with the right x and width, and the row each label goes in.
        """
        if not entries:
            return []
        line = fm.height()
        space = fm.horizontalAdvance(" ")
        levels = max(len(wordings) for _, wordings, _, _ in entries)
        texts: list[list[tuple[str, str]]] = []
        variants: list[list[float]] = []
        for level in range(levels):
            chosen = [wordings[min(level, len(wordings) - 1)] for _, wordings, _, _ in entries]
            texts.append(chosen)
            variants.append(
                [
                    fm.horizontalAdvance(name)
                    + (space if name and value else 0.0)
                    + fm.horizontalAdvance(value)
                    for name, value in chosen
                ]
            )
        anchors = [anchor for _, _, anchor, _ in entries]
        placed = place_labels(
            variants, anchors, bounds[0], bounds[1], _LABEL_GAP, max_rows, _MAX_SHIFT
        )
        if placed is None:
            return []  # not even the shortest wording fits: marks and axis still tell the story
        level, positions = placed
        out = []
        for (key, _, anchor, color), (name, value), w, (row, left) in zip(
            entries, texts[level], variants[level], positions, strict=True
        ):
            label = ChartLabel(
                key, name, value, QRectF(left, 0, w, line), QPointF(anchor, 0), color
            )
            out.append((row, label))
        return out

    def _their_labels(
        self,
        model: ChartModel,
        data: ChartInput,
        fm: QFontMetricsF,
        bounds: tuple[float, float],
        colors: Accents,
        max_rows: int,
    ) -> list[tuple[int, ChartLabel]]:
        assert data.their_package is not None
        words = {"their_low": "low", "their_likely": "likely", "their_high": "high"}
        groups: dict[Decimal, list[str]] = {}
        for key, value in zip(words, data.their_package, strict=True):
            groups.setdefault(value, []).append(key)
        entries = []
        for value, keys in groups.items():
            money = format_money(value, data.currency)
            if len(keys) == 3:
                long, short = "their walk-away", "theirs"
            else:
                short = "–".join(words[k] for k in keys)
                long = f"their {short}" if "their_likely" in keys else short
            # Longest first; names alone beat bare numbers, which the axis can place anyway.
            wordings = [(long, money), (short, money), (short, ""), ("", money)]
            entries.append((keys[0], wordings, model.x_of(value), colors.theirs))
        return self._place_group(entries, fm, bounds, max_rows)

    def _our_labels(
        self,
        model: ChartModel,
        data: ChartInput,
        fm: QFontMetricsF,
        bounds: tuple[float, float],
        colors: Accents,
        max_rows: int,
    ) -> list[tuple[int, ChartLabel]]:
        assert data.package_walk_away is not None
        limit = "floor" if data.seller else "ceiling"
        marks: list[tuple[str, str, Decimal]] = []
        if data.walk_away is not None and data.walk_away != data.package_walk_away:
            marks.append(("walk_away", "walk-away", data.walk_away))
            marks.append(("floor", f"package {limit}", data.package_walk_away))
        else:
            marks.append(("floor", "walk-away", data.package_walk_away))
        if data.target is not None:
            marks.append(("target", "target", data.target))
        if data.opening is not None:
            marks.append(("opening", "opening", data.opening))
        groups: dict[Decimal, list[tuple[str, str]]] = {}
        for key, word, value in marks:
            groups.setdefault(value, []).append((key, word))
        entries = []
        for value, pairs in groups.items():
            word = " = ".join(w for _, w in pairs)
            short = " = ".join(w.replace("package ", "") for _, w in pairs)
            money = format_money(value, data.currency)
            wordings = [(word, money), (short, money), (short, ""), ("", money)]
            entries.append((pairs[0][0], wordings, model.x_of(value), colors.ours))
        return self._place_group(entries, fm, bounds, max_rows)

    def _place_legend(
        self, model: ChartModel, fm: QFontMetricsF, bounds: tuple[float, float]
    ) -> None:
        items = [("their", "their walk-away (estimate)"), ("zone", "deal zone")]
        if any(by == "us" for _, by in model.offers):
            items.append(("offer_us", "our offers"))
        if any(by == "them" for _, by in model.offers):
            items.append(("offer_them", "their offers"))
        x = bounds[0]
        top = model.rows["legend"]
        for key, text in items:
            w = 18 + fm.horizontalAdvance(text)
            if x + w > bounds[1]:
                break  # an entry that does not fit is left out rather than cut
            model.legend.append((key, text, QRectF(x, top, w, fm.height())))
            x += w + 16

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.chartModel()
        palette = self.palette()
        colors = accents(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        background = palette.color(QPalette.ColorRole.Window)
        muted = blend(text, background, 0.62)
        faint = blend(text, background, 0.22)
        base, small, bold = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self.rect(), background)

        if "status" in model.rows:
            self._paint_status(painter, model, bold, small, text, muted, colors)
        if model.message is not None:
            top = model.rows.get("message", _PAD)
            box = QRectF(_PAD, top, model.width - 2 * _PAD, model.height - top - _PAD)
            painter.setPen(QPen(faint, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            painter.setPen(muted)
            painter.setFont(base)
            painter.drawText(
                box.adjusted(16, 8, -16, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                model.message,
            )
            painter.end()
            return

        data = self._input
        assert data is not None
        self._paint_their(painter, model, data, colors)
        self._paint_zones(painter, model, data, colors, small, text, background)
        self._paint_ours(painter, model, data, colors, background)
        self._paint_axis(painter, model, small, text, muted, faint)
        self._paint_labels(painter, model, small, text, muted)
        self._paint_legend(painter, model, small, muted, colors)
        painter.end()

    def _paint_status(self, painter, model, bold, small, text, muted, colors) -> None:
        top = model.rows["status"]
        painter.setFont(bold)
        painter.setPen(text)
        fm = QFontMetricsF(bold)
        painter.drawText(QPointF(_PAD, top + fm.ascent()), model.status_text)
        if model.status_detail:
            x = _PAD + fm.horizontalAdvance(model.status_text) + 10
            painter.setFont(self.font())
            painter.setPen(muted)
            painter.drawText(QPointF(x, top + fm.ascent()), model.status_detail)

    def _paint_their(self, painter: QPainter, model: ChartModel, data: ChartInput, colors) -> None:
        top, base = model.rows["their_top"], model.rows["their_base"]
        m = model.markers
        before = [m.get(f"{n}_before") for n in ("their_low", "their_likely", "their_high")]
        if all(v is not None for v in before):
            # Their estimate before the package, dashed; an arrow shows where the package moves it.
            painter.setPen(QPen(_alpha(colors.theirs, 140), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(_triangle(before[0], before[1], before[2], top, base))  # type: ignore[arg-type]
            _arrow(painter, before[1], m["their_likely"], top - 1, colors.theirs)  # type: ignore[arg-type]
        shape = _triangle(m["their_low"], m["their_likely"], m["their_high"], top, base)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.theirs_fill)
        painter.drawPolygon(shape)
        # The part of their range on our side of the floor is the chance of a deal: shade it darker.
        floor = m["floor"]
        if data.seller:
            side = QRectF(floor, top - 2, model.width - floor, base - top + 4)
        else:
            side = QRectF(0, top - 2, floor, base - top + 4)
        path = QPainterPath()
        path.addPolygon(shape)
        clip = QPainterPath()
        clip.addRect(side)
        painter.setBrush(colors.theirs_fill_strong)
        painter.drawPath(path.intersected(clip))
        painter.setPen(QPen(colors.theirs, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(shape)
        painter.drawLine(QPointF(m["their_likely"], top), QPointF(m["their_likely"], base))
        # Their offers sit on their base line.
        painter.setPen(QPen(colors.theirs.darker(130) if not colors.dark else colors.theirs, 1.0))
        painter.setBrush(colors.theirs)
        for x, by in model.offers:
            if by == "them":
                painter.drawPolygon(_diamond(x, base, 4.0))

    def _paint_zones(self, painter, model, data, colors, small, text, background) -> None:
        top = model.rows["zones"]
        fills = {"best": colors.zone_best, "likely": colors.zone_likely, "worst": colors.zone_worst}
        fm = QFontMetricsF(small)
        painter.setFont(small)
        for row, name in enumerate(ZONES):
            y = top + row * _ZONE_PITCH
            span = model.zones.get(name)
            if span is None:
                continue
            x1, x2 = min(span), max(span)
            if x2 - x1 < 3:
                x1, x2 = (x1 + x2) / 2 - 1.5, (x1 + x2) / 2 + 1.5  # a single price still shows
            rect = QRectF(x1, y, x2 - x1, _ZONE_H)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fills[name])
            painter.drawRoundedRect(rect, 2.5, 2.5)
            word = ZONE_WORDS[name]
            w = fm.horizontalAdvance(word)
            # Name the bar inside when it fits, else beside it on the free side.
            if rect.width() >= w + 8:
                on_fill = _readable_on(fills[name], text, background)
                painter.setPen(on_fill)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), word)
            else:
                painter.setPen(text)
                if x2 + 4 + w <= model.width - _PAD:
                    where = QRectF(x2 + 4, y - 1, w, 13)
                else:
                    where = QRectF(max(_PAD, x1 - 4 - w), y - 1, w, 13)
                painter.drawText(where, int(Qt.AlignmentFlag.AlignVCenter), word)
        if model.gap is not None:
            x1, x2 = min(model.gap), max(model.gap)
            rect = QRectF(x1, top, max(x2 - x1, 2.0), _ZONES_H)
            painter.setPen(QPen(colors.gap, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(_alpha(colors.gap, 70), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
            word = f"gap {format_money(data.gap, data.currency)}"
            w = fm.horizontalAdvance(word)
            cx = min(max((x1 + x2) / 2 - w / 2, _PAD), model.width - _PAD - w)
            box = QRectF(cx - 3, rect.center().y() - 7, w + 6, 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(colors.gap)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), word)

    def _paint_ours(self, painter, model, data, colors, background) -> None:
        y = model.rows["ours"]
        m = model.markers
        xs = [m[k] for k in ("walk_away", "floor", "target", "opening") if k in m]
        # The floor runs up through the zones to their distribution: deals close on one side of it.
        painter.setPen(QPen(colors.ours, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(m["floor"], model.rows["their_top"] - 2), QPointF(m["floor"], y))
        painter.setPen(QPen(_alpha(colors.ours, 150), 2.0))
        painter.drawLine(QPointF(min(xs), y), QPointF(max(xs), y))
        if abs(m["walk_away"] - m["floor"]) >= 1:
            _arrow(painter, m["walk_away"], m["floor"], y - 7, colors.ours)
            painter.setPen(QPen(colors.ours, 1.6))
            painter.setBrush(background)
            painter.drawEllipse(QPointF(m["walk_away"], y), 4.0, 4.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.ours)
        painter.drawPolygon(_up_triangle(m["floor"], y, 5.5))
        if "target" in m:
            painter.drawPolygon(_diamond(m["target"], y, 4.5))
        if "opening" in m:
            painter.drawEllipse(QPointF(m["opening"], y), 3.5, 3.5)
        painter.setPen(QPen(colors.ours, 1.0))
        painter.setBrush(background)
        for x, by in model.offers:
            if by == "us":
                painter.drawEllipse(QPointF(x, y + 8), 2.5, 2.5)

    def _paint_axis(self, painter, model, small, text, muted, faint) -> None:
        y = model.rows["axis"]
        left, right = model.plot
        painter.setPen(QPen(faint, 1.0))
        painter.drawLine(QPointF(left, y + 0.5), QPointF(right, y + 0.5))
        painter.setFont(small)
        for _, x, rect, label in model.ticks:
            painter.setPen(QPen(faint, 1.0))
            painter.drawLine(QPointF(round(x) + 0.5, y), QPointF(round(x) + 0.5, y + 4))
            painter.setPen(muted)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def _paint_labels(self, painter, model, small, text, muted) -> None:
        fm = QFontMetricsF(small)
        painter.setFont(small)
        space = fm.horizontalAdvance(" ")
        for label in model.labels:
            rect = label.rect
            if not rect.left() + 4 <= label.anchor.x() <= rect.right() - 4:
                # Leader line when the label had to move away from its mark.
                y_label = rect.top() if rect.top() > label.anchor.y() else rect.bottom()
                painter.setPen(QPen(_alpha(label.color, 120), 1.0))
                painter.drawLine(
                    QPointF(label.anchor.x(), label.anchor.y()),
                    QPointF(min(max(label.anchor.x(), rect.left()), rect.right()), y_label),
                )
            x = rect.left()
            baseline = rect.top() + fm.ascent()
            if label.name:
                painter.setPen(label.color)
                painter.drawText(QPointF(x, baseline), label.name)
                x += fm.horizontalAdvance(label.name) + space
            painter.setPen(text)
            painter.drawText(QPointF(x, baseline), label.value)

    def _paint_legend(self, painter, model, small, muted, colors) -> None:
        fm = QFontMetricsF(small)
        painter.setFont(small)
        for key, word, rect in model.legend:
            cy = rect.center().y()
            x = rect.left()
            painter.setPen(Qt.PenStyle.NoPen)
            if key == "their":
                painter.setBrush(colors.theirs_fill_strong)
                painter.drawPolygon(_triangle(x, x + 7, x + 14, cy - 5, cy + 5))
            elif key == "zone":
                for i, fill in enumerate((colors.zone_best, colors.zone_likely, colors.zone_worst)):
                    painter.setBrush(fill)
                    painter.drawRect(QRectF(x + i * 4.7, cy - 4, 4.7, 8))
            elif key == "offer_us":
                painter.setPen(QPen(colors.ours, 1.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x + 7, cy), 2.5, 2.5)
            else:
                painter.setBrush(colors.theirs)
                painter.drawPolygon(_diamond(x + 7, cy, 4.0))
            painter.setPen(muted)
            painter.drawText(QPointF(x + 18, rect.top() + fm.ascent()), word)


def _status_detail(data: ChartInput) -> str:
    if data.status in ("certain", "possible"):
        return f"· {format_probability(data.probability)} chance"
    if data.status == "none" and data.gap is not None:
        return f"· {format_money(data.gap, data.currency)} apart"
    return ""


def _alpha(color: QColor, alpha: int) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out


def _readable_on(fill: QColor, text: QColor, background: QColor) -> QColor:
    """Whichever of the text and background colours contrasts more with a fill."""
    light = fill.lightnessF()
    return (
        text
        if abs(text.lightnessF() - light) >= abs(background.lightnessF() - light)
        else background
    )


def _triangle(x1: float, x2: float, x3: float, top: float, base: float) -> QPolygonF:
    if x3 - x1 < 4:  # a point estimate: draw a narrow spike so it stays visible
        x1, x3 = x2 - 3, x2 + 3
    return QPolygonF([QPointF(x1, base), QPointF(x2, top), QPointF(x3, base)])


def _diamond(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


def _up_triangle(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x - r, y + r * 0.8), QPointF(x, y - r), QPointF(x + r, y + r * 0.8)])


def _arrow(painter: QPainter, x_from: float, x_to: float, y: float, color: QColor) -> None:
    """A horizontal arrow showing how far the package moves a walk-away."""
    if abs(x_to - x_from) < 6:
        return
    painter.setPen(QPen(color, 1.3))
    painter.drawLine(QPointF(x_from, y), QPointF(x_to, y))
    head = 4.5 if x_to > x_from else -4.5
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(
        QPolygonF([QPointF(x_to, y), QPointF(x_to - head, y - 3), QPointF(x_to - head, y + 3)])
    )
