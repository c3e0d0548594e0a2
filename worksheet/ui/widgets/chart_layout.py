"""Where everything on the ZOPA chart goes: `layout_chart` turns its input into geometry.

Kept apart from painting so tests can check where things go (`ZopaChart.chartModel()`) and
so a repaint only draws: the layout runs once per change of data, size, font or palette.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF

from worksheet.i18n import _
from worksheet.present.chart import (
    LEGEND,
    ask_words,
    legend_items,
    pick_ticks,
    place_labels,
    price_marks,
    short_name,
)
from worksheet.present.numbers import format_chance, format_money
from worksheet.present.words import STATUSES as STATUS_TITLES
from worksheet.present.words import ZONES as ZONE_WORDS
from worksheet.ui.widgets.chart_data import (
    EMPTY_MESSAGE,
    MAX_TRIANGLE,
    MIN_TRIANGLE,
    PAD,
    ZONE_H,
    ZONES,
    ChartFonts,
    ChartInput,
    zone_pitch,
    zones_height,
)
from worksheet.ui.widgets.chart_geometry import ChartLabel, ChartModel
from worksheet.ui.widgets.colors import Accents

_LABEL_GAP = 10.0
_MAX_SHIFT = 36.0


def layout_chart(
    data: ChartInput | None,
    width: float,
    height: float,
    fonts: ChartFonts,
    colors: Accents,
    show_status: bool = True,
) -> ChartModel:
    """Every position the chart paints, for this data at this size; pure geometry."""
    model = ChartModel(width=width, height=height)
    fm = QFontMetricsF(fonts.small)
    line = fm.height()
    top = PAD
    if data is None:
        model.message = _(EMPTY_MESSAGE)
        return model
    if show_status:
        model.status_text = STATUS_TITLES[data.status]
        model.status_detail = _status_detail(data)
        model.rows["status"] = top
        top += QFontMetricsF(fonts.bold).height() + 6
    if data.status == "unknown" or data.their_package is None or data.package_walk_away is None:
        model.message = data.missing or data.sentence
        model.rows["message"] = top
        return model

    _layout_horizontal(model, data, fm)
    bounds = (PAD, width - PAD)
    # Two label rows per side when there is height for them, else one row (names shortened
    # or dropped) on their side first: labels are never cut and never overlap.
    their_by_rows = {rows: _their_labels(model, data, fm, bounds, colors, rows) for rows in (2, 1)}
    our_by_rows = {rows: _our_labels(model, data, fm, bounds, colors, rows) for rows in (2, 1)}
    for their_max, our_max in ((2, 2), (1, 2), (2, 1), (1, 1)):
        their, ours = their_by_rows[their_max], our_by_rows[our_max]
        their_rows = 1 + max((row for row, _unused in their), default=0)
        our_rows = 1 + max((row for row, _unused in ours), default=0)
        fixed = _fixed_height(top, line, their_rows, our_rows)
        if fixed + MIN_TRIANGLE <= height:
            break

    spare = height - fixed - MIN_TRIANGLE
    # The legend wraps, up to three lines, rather than leave out a mark that is drawn.
    legend_lines = _legend_lines(_legend_items(model), fm, bounds)
    legend_rows = min(len(legend_lines), 3)
    while legend_rows and spare < legend_rows * (line + 2) + 4:
        legend_rows -= 1
    with_legend = legend_rows > 0
    if with_legend:
        spare -= legend_rows * (line + 2) + 4
    triangle_h = MIN_TRIANGLE + max(0.0, min(spare, MAX_TRIANGLE - MIN_TRIANGLE))

    y = top
    model.rows["their_labels"] = y
    y += their_rows * (line + 2)
    model.rows["their_top"] = y
    y += triangle_h
    model.rows["their_base"] = y
    y += 5
    model.rows["zones"] = y
    model.rows["zones_bottom"] = y + zones_height(line)
    y += zones_height(line) + 6
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
    _place_zone_labels(model, data, fm)
    _add_hotspots(model, data)
    if with_legend:
        model.rows["legend"] = y + 6
        _place_legend(model, legend_lines[:legend_rows], fm, bounds)
    return model


def _fixed_height(top: float, line: float, their_rows: int, our_rows: int) -> float:
    """Everything but their distribution and the legend, from the top edge to the bottom."""
    return (
        top
        + their_rows * (line + 2)
        + 5
        + zones_height(line)
        + 6
        + 14
        + our_rows * (line + 2)
        + 2
        + 6
        + line
        + PAD
    )


def _layout_horizontal(model: ChartModel, data: ChartInput, fm: QFontMetricsF) -> None:
    """The price range, ticks and every mark's x."""
    assert data.their_package is not None and data.package_walk_away is not None
    lo, mid, hi = data.their_package
    values = [lo, mid, hi, data.package_walk_away]
    values.extend(v for v in (data.walk_away, data.target, data.opening) if v is not None)
    if data.their is not None:
        values.extend(data.their)
    values.extend(amount for amount, _unused in data.offers)
    values.extend(ask for _unused, _unused, ask in data.asks)
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
    left, right = PAD + 4, width - PAD - 4
    model.plot = (left, right)

    def tick_text(value: Decimal) -> str:
        return format_money(value, data.currency, seps=data.seps)

    line = fm.height()
    for value, x, label_left in pick_ticks(
        low,
        high,
        left,
        right,
        lambda v: fm.horizontalAdvance(tick_text(v)),
        (PAD, width - PAD),
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
    for package_id, _unused, ask in data.asks:
        markers[f"ask:{package_id}"] = x(ask)
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
    entries: list[tuple[str, list[tuple[str, str]], float, QColor]],
    fm: QFontMetricsF,
    bounds: tuple[float, float],
    max_rows: int,
) -> list[tuple[int, ChartLabel]]:
    """Labels "name value" near their x in up to `max_rows` rows, in the longest wording
    that fits: entries are (key, [(name, value)] longest first, anchor x, colour).

    The rects come back with the right x and width, and the row each label goes in.
    """
    return _place_wordings(entries, fm, bounds, max_rows)[1]


def _place_wordings(
    entries: list[tuple[str, list[tuple[str, str]], float, QColor]],
    fm: QFontMetricsF,
    bounds: tuple[float, float],
    max_rows: int,
) -> tuple[int, list[tuple[int, ChartLabel]]]:
    """`_place_group`, also saying which wording level was used (-1: none fits)."""
    if not entries:
        return 0, []
    line = fm.height()
    space = fm.horizontalAdvance(" ")
    levels = max(len(wordings) for _unused, wordings, _unused, _unused in entries)
    texts: list[list[tuple[str, str]]] = []
    variants: list[list[float]] = []
    for level in range(levels):
        chosen = [
            wordings[min(level, len(wordings) - 1)]
            for _unused, wordings, _unused, _unused in entries
        ]
        texts.append(chosen)
        variants.append(
            [
                fm.horizontalAdvance(name)
                + (space if name and value else 0.0)
                + fm.horizontalAdvance(value)
                for name, value in chosen
            ]
        )
    anchors = [anchor for _unused, _unused, anchor, _unused in entries]
    placed = place_labels(variants, anchors, bounds[0], bounds[1], _LABEL_GAP, max_rows, _MAX_SHIFT)
    if placed is None:
        return -1, []  # not even the shortest wording fits: marks and axis still tell the story
    level, positions = placed
    out = []
    for (key, _kind, anchor, color), (name, value), w, (row, left) in zip(
        entries, texts[level], variants[level], positions, strict=True
    ):
        label = ChartLabel(key, name, value, QRectF(left, 0, w, line), QPointF(anchor, 0), color)
        out.append((row, label))
    return level, out


def _their_labels(
    model: ChartModel,
    data: ChartInput,
    fm: QFontMetricsF,
    bounds: tuple[float, float],
    colors: Accents,
    max_rows: int,
) -> list[tuple[int, ChartLabel]]:
    assert data.their_package is not None
    words = {"their_low": _("low"), "their_likely": _("likely"), "their_high": _("high")}
    groups: dict[Decimal, list[str]] = {}
    for key, value in zip(words, data.their_package, strict=True):
        groups.setdefault(value, []).append(key)
    entries = []
    for value, keys in groups.items():
        money = format_money(value, data.currency, seps=data.seps)
        if len(keys) == 3:
            long, short = _("their walk-away"), _("theirs")
        else:
            short = "–".join(words[k] for k in keys)
            # Translators: {words} is "likely", or a range of the words "low", "likely", "high".
            long = _("their {words}").format(words=short) if "their_likely" in keys else short
        # Longest first; names alone beat bare numbers, which the axis can place anyway.
        wordings = [(long, money), (short, money), (short, ""), ("", money)]
        entries.append((keys[0], wordings, model.x_of(value), colors.theirs))
    return _place_group(entries, fm, bounds, max_rows)


def _our_labels(
    model: ChartModel,
    data: ChartInput,
    fm: QFontMetricsF,
    bounds: tuple[float, float],
    colors: Accents,
    max_rows: int,
) -> list[tuple[int, ChartLabel]]:
    assert data.package_walk_away is not None
    marks = price_marks(
        data.walk_away, data.package_walk_away, data.target, data.opening, seller=data.seller
    )
    groups: dict[Decimal, list[tuple[str, str]]] = {}
    for key, word, value in marks:
        groups.setdefault(value, []).append((key, word))
    entries = []
    for value, pairs in groups.items():
        word = " = ".join(w for _unused, w in pairs)
        short = " = ".join(w.replace("package ", "") for _unused, w in pairs)
        money = format_money(value, data.currency, seps=data.seps)
        wordings = [(word, money), (short, money), (short, ""), ("", money)]
        entries.append((pairs[0][0], wordings, model.x_of(value), colors.ours))
    asks = []
    for package_id, name, ask in data.asks:
        money = format_money(ask, data.currency, seps=data.seps)
        cut = short_name(name)
        wordings = [(name, money), (cut, money), (cut, ""), ("", money)]
        asks.append((f"ask:{package_id}", wordings, model.x_of(ask), colors.ours_asks))
    # The other packages' asks share our rows, but ours come first: our labels keep the
    # wording they have alone, and the asks get names only where that leaves room.
    level, alone = _place_wordings(entries, fm, bounds, max_rows)
    if not asks or level < 0:
        return alone
    kept = [
        (key, [wordings[min(level, len(wordings) - 1)]], x, colour)
        for key, wordings, x, colour in entries
    ]
    _unused, together = _place_wordings(kept + asks, fm, bounds, max_rows)
    return together or alone


def _place_zone_labels(model: ChartModel, data: ChartInput, fm: QFontMetricsF) -> None:
    """Bars for the zones, each named inside when it fits, else beside it on the free side."""
    top = model.rows["zones"]
    line = fm.height()
    for row, name in enumerate(ZONES):
        span = model.zones.get(name)
        if span is None:
            continue
        y = top + row * zone_pitch(line)
        x1, x2 = min(span), max(span)
        if x2 - x1 < 3:
            x1, x2 = (x1 + x2) / 2 - 1.5, (x1 + x2) / 2 + 1.5  # a single price still shows
        bar = QRectF(x1, y, x2 - x1, ZONE_H)
        model.zone_bars[name] = bar
        w = fm.horizontalAdvance(ZONE_WORDS[name])
        label_y = bar.center().y() - line / 2
        if bar.width() >= w + 8:
            model.zone_labels[name] = (QRectF(bar.center().x() - w / 2, label_y, w, line), True)
        elif x2 + 4 + w <= model.width - PAD:
            model.zone_labels[name] = (QRectF(x2 + 4, label_y, w, line), False)
        else:
            model.zone_labels[name] = (QRectF(max(PAD, x1 - 4 - w), label_y, w, line), False)
    if model.gap is not None:
        x1, x2 = min(model.gap), max(model.gap)
        word = f"gap {format_money(data.gap, data.currency, seps=data.seps)}"
        w = fm.horizontalAdvance(word) + 6
        left = min(max((x1 + x2) / 2 - w / 2, PAD), model.width - PAD - w)
        zones_h = zones_height(line)
        model.gap_label = (word, QRectF(left, top + zones_h / 2 - line / 2, w, line))


def _add_hotspots(model: ChartModel, data: ChartInput) -> None:
    """What each mark, label and bar means, in a full sentence for the tooltip."""
    assert data.their_package is not None and data.package_walk_away is not None
    money = lambda amount: format_money(amount, data.currency, seps=data.seps)  # noqa: E731
    words: dict[str, str] = {}
    moved = data.walk_away is not None and data.walk_away != data.package_walk_away
    if moved:
        assert data.walk_away is not None
        cost = abs(data.package_walk_away - data.walk_away)
        words["walk_away"] = _("Our walk-away: {amount}").format(amount=money(data.walk_away))
        if data.seller:
            text = _("Our floor with the package: {amount} (walk-away + package cost {cost})")
        else:
            text = _("Our ceiling with the package: {amount} (walk-away − package cost {cost})")
        words["floor"] = text.format(amount=money(data.package_walk_away), cost=money(cost))
    else:
        words["floor"] = _("Our walk-away: {amount}").format(amount=money(data.package_walk_away))
    if data.target is not None:
        words["target"] = _("Our target: {amount}").format(amount=money(data.target))
    if data.opening is not None:
        words["opening"] = _("Our opening: {amount}").format(amount=money(data.opening))
    shifted = data.their is not None and data.their != data.their_package
    if shifted:
        guesses = (
            _("Their walk-away, lowest guess: {amount} (moved by the package's value to them)"),
            _(
                "Their walk-away, most likely guess: {amount} (moved by the package's value "
                "to them)"
            ),
            _("Their walk-away, highest guess: {amount} (moved by the package's value to them)"),
        )
    else:
        guesses = (
            _("Their walk-away, lowest guess: {amount}"),
            _("Their walk-away, most likely guess: {amount}"),
            _("Their walk-away, highest guess: {amount}"),
        )
    for package_id, name, ask in data.asks:
        words[f"ask:{package_id}"] = ask_words(name, money(ask))
    for key, text, value in zip(
        ("their_low", "their_likely", "their_high"), guesses, data.their_package, strict=True
    ):
        words[key] = text.format(amount=money(value))

    spots = model.hotspots
    for label in model.labels:
        if label.key in words:
            spots.append((QRectF(label.rect), words[label.key]))
    zone_names = {
        "best": _("Best-case zone: {low} – {high}"),
        "likely": _("Likely zone: {low} – {high}"),
        "worst": _("Worst-case zone: {low} – {high}"),
    }
    for name, bar in model.zone_bars.items():
        zone = data.zones[name]
        assert zone is not None
        text = zone_names[name].format(low=money(zone[0]), high=money(zone[1]))
        spots.append((QRectF(bar).adjusted(0, -1, 0, 1), text))
        spots.append((QRectF(model.zone_labels[name][0]), text))
    if model.gap is not None and data.gap is not None:
        x1, x2 = min(model.gap), max(model.gap)
        text = _("No deal zone: {gap} apart even at our best guess of their walk-away").format(
            gap=money(data.gap)
        )
        zones_h = model.rows["zones_bottom"] - model.rows["zones"]
        spots.append((QRectF(x1, model.rows["zones"], max(x2 - x1, 4.0), zones_h), text))
    their_band = (model.rows["their_top"] - 2, model.rows["their_base"] + 5)
    our_band = (model.rows["ours"] - 8, model.rows["ours"] + 12)
    for key, text in words.items():
        x = model.markers.get(key)
        if x is None:
            continue
        top, bottom = their_band if key.startswith("their") else our_band
        spots.append((QRectF(x - 5, top, 10, bottom - top), text))
    seen: set[tuple[int, str]] = set()
    for amount, by in data.offers:
        x = model.x_of(amount)
        if (round(x), by) in seen:
            continue
        seen.add((round(x), by))
        if by == "them":
            where = QRectF(x - 5, model.rows["their_base"] - 5, 10, 10)
            spots.append((where, _("Their offer: {amount}").format(amount=money(amount))))
        else:
            where = QRectF(x - 5, model.rows["ours"] + 3, 10, 10)
            spots.append((where, _("Our offer: {amount}").format(amount=money(amount))))


def _legend_items(model: ChartModel) -> list[tuple[str, str]]:
    """An entry for every kind of mark the chart draws, in the words and order of the prep
    sheet's legend (worksheet.present.chart)."""
    keys = legend_items(
        package_moves="their_likely_before" in model.markers,
        zones=True,
        ours=any(by == "us" for _amount, by in model.offers),
        theirs=any(by == "them" for _amount, by in model.offers),
        asks=any(key.startswith("ask:") for key in model.markers),
    )
    return [(_LEGEND_KEYS[key], LEGEND[key]) for key in keys]


#: present.chart's legend keys -> the marks this chart paints for them.
_LEGEND_KEYS = {
    "theirs": "their",
    "theirs_package": "their",
    "theirs_bare": "their_before",
    "zone": "zone",
    "us": "offer_us",
    "them": "offer_them",
    "asks": "asks",
}


def _legend_lines(
    items: list[tuple[str, str]], fm: QFontMetricsF, bounds: tuple[float, float]
) -> list[list[tuple[str, str, float]]]:
    """Entries (key, words, width) flowed into lines that fit between the bounds."""
    lines: list[list[tuple[str, str, float]]] = []
    x = bounds[0]
    for key, text in items:
        w = 18 + fm.horizontalAdvance(text)
        if not lines or x + w > bounds[1]:
            if w > bounds[1] - bounds[0]:
                continue  # wider than the chart: left out rather than cut
            lines.append([])
            x = bounds[0]
        lines[-1].append((key, text, w))
        x += w + 16
    return lines


def _place_legend(
    model: ChartModel,
    lines: list[list[tuple[str, str, float]]],
    fm: QFontMetricsF,
    bounds: tuple[float, float],
) -> None:
    top = model.rows["legend"]
    for n, entries in enumerate(lines):
        x = bounds[0]
        y = top + n * (fm.height() + 2)
        for key, text, w in entries:
            model.legend.append((key, text, QRectF(x, y, w, fm.height())))
            x += w + 16


def _status_detail(data: ChartInput) -> str:
    if data.status in ("certain", "possible"):
        return f"· {format_chance(data.probability)} chance"
    if data.status == "none" and data.gap is not None:
        return f"· {format_money(data.gap, data.currency, seps=data.seps)} apart"
    return ""
