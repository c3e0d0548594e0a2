"""The chart's computed geometry in widget pixels: what `layout_chart` works out and
`paint_chart` draws, also handed to tests by `ZopaChart.chartModel()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor


@dataclass
class ChartLabel:
    """One value label on the chart: its text, where it sits and its colour."""

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
    #: Zone name → its bar, and → (where its name goes, whether inside the bar).
    zone_bars: dict[str, QRectF] = field(default_factory=dict)
    zone_labels: dict[str, tuple[QRectF, bool]] = field(default_factory=dict)
    gap_label: tuple[str, QRectF] | None = None
    #: Areas that explain themselves on hover: (area, words), labels and bars before marks.
    hotspots: list[tuple[QRectF, str]] = field(default_factory=list)

    def tooltip_at(self, point: QPointF) -> str:
        """Words for what is under the pointer; the mark nearest in x wins where marks crowd."""
        found = [(rect, text) for rect, text in self.hotspots if rect.contains(point)]
        if not found:
            return ""
        return min(found, key=lambda hit: abs(hit[0].center().x() - point.x()))[1]

    def x_of(self, value: Decimal | float) -> float:
        low, high = self.domain
        left, right = self.plot
        return left + (float(value) - low) / (high - low) * (right - left)
