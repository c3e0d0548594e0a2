"""Column layout of the PDF prep sheet: sections flowed into two columns, cut to fit one page."""

from __future__ import annotations

from dataclasses import dataclass

from worksheet.export.pdf.chart_parts import INK, RULE
from worksheet.export.pdf.measure import (
    Section,
    Styles,
    measured_height,
    natural_height,
    paragraph,
    surely_too_tall,
)
from worksheet.export.pdf.text import BOLD, draw_text, fit_line, right_to_left

#: A heading must never end a column alone: it needs this many lines of its first item below it.
KEEP_LINES = 2
#: Entries up to this many lines are never split between columns.
SPLIT_LINES = 6
#: Sections shorter than this share of a column move whole to the next column rather than split.
KEEP_TOGETHER = 0.3


class Heading:
    """A section heading: bold title over a hairline. Titles are our own words, never user text."""

    def __init__(self, title: str, styles: Styles) -> None:
        self.title = title
        self.styles = styles

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        self.width = width
        return width, self.styles.heading_height

    def drawOn(self, canvas, x: float, y: float) -> None:
        size = self.styles.heading_size
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        title = fit_line(self.title, BOLD, size, self.width)
        if right_to_left():
            draw_text(canvas, x + self.width, y + 4 + size * 0.3, title, BOLD, size, align="right")
        else:
            draw_text(canvas, x, y + 4 + size * 0.3, title, BOLD, size)
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.5)
        canvas.line(x, y + 2, x + self.width, y + 2)
        canvas.restoreState()


@dataclass
class Placed:
    column: int
    top: float  # distance from the top of the column
    flowable: object


@dataclass
class Flowed:
    placed: list[Placed]
    used: list[float]  # height used in each column
    fits: bool


def section_blocks(
    section: Section, styles: Styles, width: float, quota: float | None
) -> list[object]:
    """The heading and items of a section, cut with the "more" mark to fit `quota` (None: all)."""
    # Measured only when a quota can cut the section (most sheets are never cut).
    mark_h = 0.0 if quota is None else measured_height(styles.more_mark(), width) + styles.item_gap
    blocks: list[object] = [Heading(section.title, styles)]
    used = styles.heading_height
    cut = False
    for index in range(section.count):
        item = section.item(index)
        flow = paragraph(item, styles)
        h = measured_height(flow, width) + styles.item_gap
        last = index == section.count - 1 and not item.cut
        if quota is None or used + h + (0 if last else mark_h) <= quota:
            blocks.append(flow)
            used += h
            cut = cut or item.cut
            continue
        room = quota - used - mark_h
        if room >= 2 * styles.body.leading:
            parts = flow.split(width, room)
            if len(parts) == 2:
                blocks.append(parts[0])
        cut = True
        break
    if cut:
        blocks.append(styles.more_mark())
    return blocks


def flow_columns(
    sections: list[list[object]],
    styles: Styles,
    width: float,
    height: float,
    columns: int = 2,
    *,
    keep_together: bool = True,
) -> Flowed:
    """Place the sections' blocks top to bottom, column after column, splitting long paragraphs."""
    placed: list[Placed] = []
    used = [0.0] * columns
    col = 0

    def next_column() -> bool:
        nonlocal col
        col += 1
        return col < columns

    for blocks in sections:
        title = blocks[0].title if isinstance(blocks[0], Heading) else ""
        queue = list(blocks)
        started = False
        whole = sum(measured_height(b, width) for b in blocks) + styles.item_gap * (len(blocks) - 1)
        if (
            keep_together
            and used[col] + whole > height
            and whole <= KEEP_TOGETHER * height
            and col < columns - 1
            and used[col] > 0
        ):
            next_column()
        while queue:
            block = queue.pop(0)
            h = measured_height(block, width)
            gap = 0.0 if isinstance(block, Heading) else styles.item_gap
            if isinstance(block, Heading):
                following = measured_height(queue[0], width) if queue else 0.0
                need = h + min(following, KEEP_LINES * styles.body.leading)
                if used[col] + need > height and not next_column():
                    return Flowed(placed, used, False)
                placed.append(Placed(col, used[col], block))
                used[col] += h
                started = True
                continue
            if used[col] + h <= height:
                placed.append(Placed(col, used[col], block))
                used[col] += h + gap
                continue
            room = height - used[col]
            # Short entries move whole to the next column; only long ones are split, and only
            # when a couple of lines fit here.
            splittable = h > SPLIT_LINES * styles.body.leading
            fits_some = room >= KEEP_LINES * styles.body.leading
            parts = block.split(width, room) if splittable and fits_some else []
            if len(parts) == 2:
                placed.append(Placed(col, used[col], parts[0]))
                used[col] += measured_height(parts[0], width)
                queue.insert(0, parts[1])
            else:
                queue.insert(0, block)
            if not next_column():
                return Flowed(placed, used, False)
            if title:
                queue.insert(0, Heading(f"{title} (cont.)", styles))
        if started:
            used[col] += styles.section_gap
    return Flowed(placed, used, True)


def water_fill(heights: list[float], budget: float) -> list[float]:
    """Quotas that shorten only the tallest sections: each gets min(height, cap) within budget."""
    if sum(heights) <= budget:
        return list(heights)
    order = sorted(heights)
    remaining = budget
    for i, h in enumerate(order):
        share = remaining / (len(order) - i)
        if h >= share:
            return [min(x, share) for x in heights]
        remaining -= h
    return list(heights)


def fit_sections(
    sections: list[Section],
    styles: Styles,
    width: float,
    height: float,
    *,
    truncate: bool,
    columns: int = 2,
) -> Flowed:
    """Lay the sections out at this size; with `truncate`, cut the longest ones until all fit."""
    capacity = columns * height
    if not truncate:
        if surely_too_tall(sections, styles, width, capacity):
            return Flowed([], [0.0] * columns, False)
        # Measure only until the total passes the page: then this size cannot work anyway.
        total = 0.0
        for section in sections:
            total += natural_height(section, styles, width, capacity - total)
            if total > capacity:
                return Flowed([], [0.0] * columns, False)
        blocks = [section_blocks(s, styles, width, None) for s in sections]
        return flow_columns(blocks, styles, width, height, columns)
    natural = [natural_height(s, styles, width, capacity) for s in sections]

    # Continuation headings, split paragraphs and sections kept whole waste some room, so the
    # budget the quotas share is searched for: the largest one whose flow still fits.
    def attempt(budget: float) -> Flowed:
        quotas = water_fill(natural, budget)
        blocks = [
            section_blocks(s, styles, width, None if q >= n else q - styles.section_gap)
            for s, q, n in zip(sections, quotas, natural, strict=True)
        ]
        # An overfull sheet uses every line, so small sections may split here.
        return flow_columns(blocks, styles, width, height, columns, keep_together=False)

    low, high = 0.0, capacity
    best: Flowed | None = None
    for _ in range(12):
        middle = (low + high) / 2
        result = attempt(middle)
        if result.fits:
            best, low = result, middle
        else:
            high = middle
    return best if best is not None else attempt(0.0)
