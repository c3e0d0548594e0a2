"""The zone chart's inputs and geometry, shared by the window's chart and the prep sheet's:
our price marks, the legend, the role colours, nicely rounded ticks, and value labels that
never overlap. Pure arithmetic on widths the caller measures in its own units (pixels in the
window, points on the sheet), so the two charts place things by the same rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from worksheet.domain.deal import Deal
from worksheet.i18n import N_, Words, _

ZONE_ORDER: tuple[str, ...] = ("best", "likely", "worst")

#: The legend's words, the same under the window's chart and the prep sheet's diagram.
LEGEND: Words = Words(
    {
        "theirs": N_("their walk-away (estimate)"),
        # When the package's value to them moves their estimate, the filled shape is the
        # estimate with the package (what the zone is computed against), a dashed one the bare
        # price.
        "theirs_package": N_("their walk-away + package"),
        "theirs_bare": N_("bare price"),
        "zone": N_("deal zone"),
        "us": N_("our offers"),
        "them": N_("their offers"),
        "asks": N_("other packages' asks"),
    }
)


def legend_items(
    *, package_moves: bool, zones: bool, ours: bool, theirs: bool, asks: bool = False
) -> list[str]:
    """The legend's entries, in order, as keys of `LEGEND`."""
    items = ["theirs_package", "theirs_bare"] if package_moves else ["theirs"]
    if zones:
        items.append("zone")
    if asks:
        items.append("asks")
    if ours:
        items.append("us")
    if theirs:
        items.append("them")
    return items


def price_marks(
    walk_away: Decimal | None,
    package_walk_away: Decimal | None,
    target: Decimal | None,
    opening: Decimal | None,
    *,
    seller: bool,
    show_walk_away: bool = True,
    show_target: bool = True,
) -> list[tuple[str, str, Decimal]]:
    """Our prices to mark on a price axis, as (key, word, amount), in the same words in the
    window's chart and on the prep sheet. The walk-away shows twice only when the package moves
    it; `show_walk_away=False` (a discreet copy) leaves both out, `show_target=False` the target."""
    marks: list[tuple[str, str, Decimal]] = []
    if show_walk_away and package_walk_away is not None:
        if walk_away is not None and walk_away != package_walk_away:
            marks.append(("walk_away", _("walk-away"), walk_away))
            limit = _("package floor") if seller else _("package ceiling")
            marks.append(("floor", limit, package_walk_away))
        else:
            marks.append(("floor", _("walk-away"), package_walk_away))
    if show_target and target is not None:
        marks.append(("target", _("target"), target))
    if opening is not None:
        marks.append(("opening", _("opening"), opening))
    return marks


#: A package name on the chart is cut to this many characters (with "…") when space is short.
SHORT_NAME = 14


def package_asks(deal: Deal) -> list[tuple[str, str, Decimal]]:
    """The other packages' asks to mark beside the active package's zone, as (package id,
    name, ask), in the deal's order: every package with an ask except the active one (an
    unnamed package is called by its place, "package 2")."""
    marks: list[tuple[str, str, Decimal]] = []
    for place, package in enumerate(deal.packages, start=1):
        if package.id == deal.active_package or package.ask is None:
            continue
        name = " ".join(package.name.split()) or _("package {place}").format(place=place)
        marks.append((package.id, name, package.ask))
    return marks


def short_name(name: str, limit: int = SHORT_NAME) -> str:
    """A package's name cut to `limit` characters, ending in "…" when cut."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def ask_words(name: str, money: str) -> str:
    """What an other package's ask mark means, for the window's tooltip."""
    return _("Our ask for package '{name}': {money} (not the active package)").format(
        name=name, money=money
    )


#: Colours by role (light palette; the window has a dark one of its own for dark themes):
#: ours blue, theirs orange, zones green from the one that holds even in the worst case.
ROLE_COLOURS: dict[str, str] = {
    "ours": "#1a5fb4",
    # Our other packages' asks: our blue, lighter, so the active package's marks stay first.
    "ours_asks": "#5a8fd6",
    "theirs": "#b45309",
    "gap": "#c0392b",
    "zone_worst": "#3d9a6a",
    "zone_likely": "#8fcca9",
    "zone_best": "#c3e4d0",
}


def rgb(colour: str) -> tuple[float, float, float]:
    """`#1a5fb4` → (0.102, 0.373, 0.706), for the PDF."""
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


#: Steps finer than a cent make tick labels nobody can read.
MIN_STEP = Decimal("0.01")
_NICE = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_step(span: float, count: int) -> Decimal:
    """A step of 1, 2, 2.5 or 5 × 10^k that cuts `span` into about `count` parts."""
    if span <= 0 or count < 1:
        return MIN_STEP
    raw = span / count
    power = Decimal(10) ** math.floor(math.log10(raw))
    for nice in _NICE:
        step = nice * power
        if float(step) >= raw:
            return max(step, MIN_STEP)
    return max(_NICE[-1] * power, MIN_STEP)  # pragma: no cover - the loop always returns


def ticks_between(low: float, high: float, step: Decimal) -> list[Decimal]:
    """Every multiple of `step` in [low, high], as exact decimals for clean labels."""
    first = math.ceil(Decimal(repr(low)) / step)
    last = math.floor(Decimal(repr(high)) / step)
    return [step * k for k in range(first, last + 1)]


def place_row(
    items: Sequence[tuple[float, float]], left: float, right: float, gap: float
) -> list[float] | None:
    """Left edges for labels (anchor x, width) in one row, as close to centred on their anchors
    as possible without overlapping and inside [left, right]; None when they cannot all fit.

    Overlapping neighbours are merged into clusters that sit where the average label wants to
    be, which keeps every label near its mark instead of pushing a whole row sideways.
    """
    if not items:
        return []
    total = sum(width for _item, width in items) + gap * (len(items) - 1)
    if total > right - left + 1e-6:
        return None
    order = sorted(range(len(items)), key=lambda i: items[i][0])
    # A cluster: member indices, their offsets from the cluster start, total width, start.
    clusters: list[tuple[list[int], list[float], float, float]] = []

    def best_start(members: list[int], offsets: list[float], width: float) -> float:
        wanted = [
            items[i][0] - off - items[i][1] / 2 for i, off in zip(members, offsets, strict=True)
        ]
        start = sum(wanted) / len(wanted)
        return min(max(start, left), right - width)

    for i in order:
        members, offsets, width = [i], [0.0], items[i][1]
        start = best_start(members, offsets, width)
        while clusters and clusters[-1][3] + clusters[-1][2] + gap > start + 1e-9:
            prev_members, prev_offsets, prev_width, _start = clusters.pop()
            shift = prev_width + gap
            members = prev_members + members
            offsets = prev_offsets + [off + shift for off in offsets]
            width = prev_width + gap + width
            start = best_start(members, offsets, width)
        clusters.append((members, offsets, width, start))

    lefts = [0.0] * len(items)
    for members, offsets, _width, start in clusters:
        for i, off in zip(members, offsets, strict=True):
            lefts[i] = start + off
    return lefts


def place_rows(
    items: Sequence[tuple[float, float]],
    left: float,
    right: float,
    gap: float,
    max_rows: int,
    max_shift: float,
) -> list[tuple[int, float]] | None:
    """(row, left edge) per label, using the fewest rows in which no label strays more than
    `max_shift` from its anchor; with all rows in use any fitting placement is accepted.
    None when even `max_rows` rows cannot hold them."""
    if not items:
        return []
    order = sorted(range(len(items)), key=lambda i: items[i][0])
    fallback: list[tuple[int, float]] | None = None
    for rows in range(1, max_rows + 1):
        result: list[tuple[int, float]] = [(0, 0.0)] * len(items)
        worst = 0.0
        fits = True
        for row in range(rows):
            members = order[row::rows]  # alternate neighbours between rows
            lefts = place_row([items[i] for i in members], left, right, gap)
            if lefts is None:
                fits = False
                break
            for i, x in zip(members, lefts, strict=True):
                result[i] = (row, x)
                worst = max(worst, abs(x + items[i][1] / 2 - items[i][0]))
        if not fits:
            continue
        if worst <= max_shift:
            return result
        if fallback is None or rows == max_rows:
            fallback = result
    return fallback


def place_labels(
    variants: Sequence[Sequence[float]],
    anchors: Sequence[float],
    left: float,
    right: float,
    gap: float,
    max_rows: int,
    max_shift: float,
) -> tuple[int, list[tuple[int, float]]] | None:
    """Try each text variant's widths (longest wording first); return the first variant index
    that fits with its placement, or None when even the shortest cannot be placed."""
    for index, widths in enumerate(variants):
        placed = place_rows(
            list(zip(anchors, widths, strict=True)), left, right, gap, max_rows, max_shift
        )
        if placed is not None:
            return index, placed
    return None


def pick_ticks(
    low: float,
    high: float,
    plot_left: float,
    plot_right: float,
    label_width: Callable[[Decimal], float],
    bounds: tuple[float, float],
    gap: float = 14.0,
) -> list[tuple[Decimal, float, float]]:
    """The most ticks (at most 8) whose labels fit without overlap: (value, x, label left).

    Labels are centred on their tick, then pulled inside `bounds` so none is cut at an edge.
    """
    span = high - low
    width = plot_right - plot_left
    for count in range(8, 0, -1):
        step = nice_step(span, count)
        values = ticks_between(low, high, step)
        if not values:
            continue
        xs = [plot_left + (float(v) - low) / span * width for v in values]
        widths = [label_width(v) for v in values]
        lefts = [
            min(max(x - w / 2, bounds[0]), bounds[1] - w) for x, w in zip(xs, widths, strict=True)
        ]
        spaced = all(lefts[k + 1] >= lefts[k] + widths[k] + gap for k in range(len(values) - 1))
        if spaced:
            return list(zip(values, xs, lefts, strict=True))
    return []
