"""Column layout of the PDF prep sheet: sections flowed into two columns, cut to fit one page."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from worksheet.export.pdf_chart_parts import INK, MUTED, RULE
from worksheet.export.pdf_text import BOLD, REGULAR, draw_text, fit_line

MORE_MARK = "… more in the worksheet"
#: A heading must never end a column alone: it needs this many lines of its first item below it.
KEEP_LINES = 2
#: Entries up to this many lines are never split between columns.
SPLIT_LINES = 6
#: Sections shorter than this share of a column move whole to the next column rather than split.
KEEP_TOGETHER = 0.3


@dataclass
class Item:
    """One entry of a section, as safe Paragraph markup (user text already escaped)."""

    markup: str
    bullet: str | None = None
    cut: bool = False  # the text was cut before layout, so the section shows the "more" mark
    muted: bool = False
    paragraphs: dict[float, object] = field(default_factory=dict, repr=False)
    #: The markup parsed once (its fragments untouched by any wrap, and the cleaned text): each
    #: further type size reuses it with the size changed instead of parsing again.
    parsed: tuple[list, str] | None = field(default=None, repr=False)


@dataclass
class Section:
    title: str
    count: int
    make: Callable[[int], Item]  # items are built lazily: a section may hold 10,000 of them
    _items: dict[int, Item] = field(default_factory=dict, repr=False)

    def item(self, index: int) -> Item:
        if index not in self._items:
            self._items[index] = self.make(index)
        return self._items[index]


class Styles:
    """Paragraph styles for one body size; everything on the sheet scales from it."""

    def __init__(self, size: float) -> None:
        from reportlab.lib.colors import Color
        from reportlab.lib.styles import ParagraphStyle

        self.size = size
        ink, muted = Color(*INK), Color(*MUTED)
        self.body = ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=size,
            leading=size * 1.22,
            textColor=ink,
            leftIndent=size * 1.35,
            bulletIndent=0,
            bulletFontName=REGULAR,
            bulletFontSize=size,
            splitLongWords=1,
            allowOrphans=1,
            allowWidows=1,
        )
        self.plain = ParagraphStyle("plain", parent=self.body, leftIndent=0)
        self.muted = ParagraphStyle(
            "muted",
            parent=self.body,
            textColor=muted,
            fontSize=size - 0.8,
            leading=(size - 0.8) * 1.22,
        )
        self.mark = ParagraphStyle("mark", parent=self.muted, leftIndent=0)
        self.item_gap = size * 0.22
        self.heading_size = size + 1.2
        self.heading_height = self.heading_size * 1.2 + 3
        self.section_gap = size * 0.75
        self._more_mark = None

    def more_mark(self):
        """The "more in the worksheet" line, made once per size: every cut section shows it, and
        one flowable may be drawn in several places (it is wrapped at the column width only)."""
        if self._more_mark is None:
            from reportlab.platypus import Paragraph

            self._more_mark = Paragraph(MORE_MARK, self.mark)
        return self._more_mark


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
        draw_text(
            canvas, x, y + 4 + size * 0.3, fit_line(self.title, BOLD, size, self.width), BOLD, size
        )
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.5)
        canvas.line(x, y + 2, x + self.width, y + 2)
        canvas.restoreState()


def paragraph(item: Item, styles: Styles):
    """The item's Paragraph at this size, made once: layout tries many cuts of the same items."""
    key = styles.size
    cached = item.paragraphs.get(key)
    if cached is not None:
        return cached
    made = _make_paragraph(item, styles)
    item.paragraphs[key] = made
    return made


def _style(item: Item, styles: Styles):
    if item.bullet is None:
        return styles.mark if item.muted else styles.plain
    return styles.muted if item.muted else styles.body


def _make_paragraph(item: Item, styles: Styles):
    from reportlab.platypus import Paragraph

    style = _style(item, styles)
    if item.parsed is not None:
        # Parsing the markup is half the cost of measuring an item, and only the size differs
        # between tries, so the first parse's fragments are copied at the new size.
        fragments, text = item.parsed
        frags = [
            f.clone(fontSize=style.fontSize, link=list(f.link), us_lines=list(f.us_lines))
            for f in fragments
        ]
        return Paragraph(text, style, bulletText=item.bullet, frags=frags)
    made = Paragraph(item.markup, style, bulletText=item.bullet)
    # Fragments of another size (a <font size> or <super> in the markup) could not simply be
    # resized, so such an item is parsed at every size, as are split or odd paragraphs.
    if all(_plain_fragment(f, style.fontSize) for f in made.frags):
        item.parsed = (
            [f.clone(link=list(f.link), us_lines=list(f.us_lines)) for f in made.frags],
            made.text,
        )
    return made


def _plain_fragment(fragment, size: float) -> bool:
    return (
        type(fragment).__name__ == "ParaFrag"
        and getattr(fragment, "fontSize", None) == size
        and not getattr(fragment, "rise", 0)
        and isinstance(getattr(fragment, "link", None), list)
        and isinstance(getattr(fragment, "us_lines", None), list)
        and not hasattr(fragment, "cbDefn")
    )


def measured_height(flowable, width: float) -> float:
    """The flowable's height at this width, wrapped once: layout asks about the same ones often."""
    known = getattr(flowable, "_sheet_height", None)
    if known is not None and known[0] == width:
        return known[1]
    height = flowable.wrap(width, 10_000)[1]
    flowable._sheet_height = (width, height)
    return height


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


def _least_lines(item: Item, styles: Styles, width: float) -> int:
    """No more lines than reportlab breaks the item into, counted without breaking it.

    Every printed line holds at most the line width of text, and only spaces vanish at a
    break, so the width of the non-space text over the line width, rounded up, between
    forced breaks, is a floor on the line count. When in doubt the floor is 0.
    """
    if item.parsed is None:
        return 0
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = _style(item, styles)
    line = width - style.leftIndent - style.rightIndent - min(style.firstLineIndent, 0)
    if line <= 0:
        return 0
    lines, run = 0, 0.0
    for fragment in item.parsed[0]:
        if getattr(fragment, "lineBreak", False):
            lines += math.ceil(run / line - 1e-6)
            run = 0.0
            continue
        text = getattr(fragment, "text", None)
        if not isinstance(text, str):
            return 0
        run += stringWidth("".join(text.split()), fragment.fontName, style.fontSize)
    return lines + math.ceil(run / line - 1e-6)


def least_height(section: Section, styles: Styles, width: float, limit: float) -> float:
    """A floor on `natural_height`, cheap enough to rule a type size out before wrapping."""
    total = styles.heading_height
    for index in range(section.count):
        item = section.item(index)
        style = _style(item, styles)
        paragraph(item, styles)  # parses the item, once for all sizes
        total += _least_lines(item, styles, width) * style.leading + styles.item_gap
        if total > limit:
            break
    return total + styles.section_gap


def surely_too_tall(sections: list[Section], styles: Styles, width: float, capacity: float) -> bool:
    """True when even the floor of the sections' heights passes `capacity`: then this size
    cannot work, and no paragraph needs breaking into lines to know it."""
    floor = 0.0
    for section in sections:
        floor += least_height(section, styles, width, capacity - floor)
        if floor > capacity + 1:
            return True
    return False


def natural_height(section: Section, styles: Styles, width: float, limit: float) -> float:
    """The section's full height, measured only until it passes `limit` (enough to compare)."""
    total = styles.heading_height
    for index in range(section.count):
        total += measured_height(paragraph(section.item(index), styles), width) + styles.item_gap
        if total > limit:
            break
    return total + styles.section_gap


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
