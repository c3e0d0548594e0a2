"""Accent colours that read well on light and dark palettes, chosen from the widget's palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from worksheet.present.chart import ROLE_COLOURS


@dataclass(frozen=True)
class Accents:
    """Colours for the chart and the panels; `dark` says which set was chosen."""

    dark: bool
    ours: QColor
    ours_asks: QColor  # our other packages' asks: our colour, lighter
    theirs: QColor
    theirs_fill: QColor
    theirs_fill_strong: QColor
    zone_best: QColor
    zone_likely: QColor
    zone_worst: QColor
    gap: QColor
    ok: QColor
    warning: QColor
    error: QColor


def is_dark(palette: QPalette) -> bool:
    """A palette is dark when its window colour is darker than its text colour."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def accents(palette: QPalette) -> Accents:
    """The accent set for this palette: deeper tones on light backgrounds, lighter tones on dark."""
    if is_dark(palette):
        return Accents(
            dark=True,
            ours=QColor("#79b8ff"),
            ours_asks=QColor("#b3d5ff"),
            theirs=QColor("#f0a35e"),
            theirs_fill=QColor(240, 163, 94, 60),
            theirs_fill_strong=QColor(240, 163, 94, 150),
            zone_best=QColor("#2f5d46"),
            zone_likely=QColor("#3f8a63"),
            zone_worst=QColor("#6cc393"),
            gap=QColor("#ff7b72"),
            ok=QColor("#6cc393"),
            warning=QColor("#f0b04a"),
            error=QColor("#ff8a80"),
        )
    return Accents(
        dark=False,
        ours=QColor("#1a5fb4"),
        ours_asks=QColor(ROLE_COLOURS["ours_asks"]),
        theirs=QColor("#b45309"),
        theirs_fill=QColor(217, 119, 6, 40),
        theirs_fill_strong=QColor(217, 119, 6, 120),
        zone_best=QColor("#c3e4d0"),
        zone_likely=QColor("#8fcca9"),
        zone_worst=QColor("#3d9a6a"),
        gap=QColor("#c0392b"),
        ok=QColor("#2e8540"),
        warning=QColor("#a15c00"),
        error=QColor("#b3261e"),
    )


def blend(a: QColor, b: QColor, share_a: float) -> QColor:
    """A mix of two colours; `share_a` of the first."""
    return QColor.fromRgbF(
        a.redF() * share_a + b.redF() * (1 - share_a),
        a.greenF() * share_a + b.greenF() * (1 - share_a),
        a.blueF() * share_a + b.blueF() * (1 - share_a),
    )


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: the text colour pulled towards the background, readable in both modes."""
    return blend(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.62
    )
