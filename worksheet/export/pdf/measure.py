"""Measuring the sheet's entries: paragraphs parsed once for every type size, wrapped heights,
and height floors cheap enough to rule a size out before any line is broken."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from worksheet.export.pdf.chart_parts import INK, MUTED
from worksheet.export.pdf.text import (
    REGULAR,
    right_aligned,
    right_to_left,
    rtl_paragraph,
    shaped_style,
)

#: Ends a section that had to be shortened.
MORE_MARK = "… more in the worksheet"


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
    rtl_markup: str | None = field(default=None, repr=False)


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


def paragraph(item: Item, styles: Styles):
    """The item's Paragraph at this size, made once: layout tries many cuts of the same items."""
    key = styles.size
    cached = item.paragraphs.get(key)
    if cached is not None:
        return cached
    made = _make_paragraph(item, styles)
    item.paragraphs[key] = made
    return made


def item_style(item: Item, styles: Styles):
    if item.bullet is None:
        style = styles.mark if item.muted else styles.plain
    else:
        style = styles.muted if item.muted else styles.body
    if right_to_left():
        style = right_aligned(style)
    return shaped_style(style, _text(item))


def _text(item: Item) -> str:
    """The item's markup as laid out: on a right-to-left sheet, ordered by `rtl_paragraph`
    with its bullet at the start (the right)."""
    if not right_to_left():
        return item.markup
    if item.rtl_markup is None:
        body = f"{item.bullet}\u2002{item.markup}" if item.bullet else item.markup
        item.rtl_markup = rtl_paragraph(body)
    return item.rtl_markup


def _bullet(item: Item):
    return None if right_to_left() else item.bullet


def _make_paragraph(item: Item, styles: Styles):
    from reportlab.platypus import Paragraph

    style = item_style(item, styles)
    if item.parsed is not None:
        # Parsing the markup is half the cost of measuring an item, and only the size differs
        # between tries, so the first parse's fragments are copied at the new size.
        fragments, text = item.parsed
        frags = [
            f.clone(fontSize=style.fontSize, link=list(f.link), us_lines=list(f.us_lines))
            for f in fragments
        ]
        return Paragraph(text, style, bulletText=_bullet(item), frags=frags)
    made = Paragraph(_text(item), style, bulletText=_bullet(item))
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


def least_lines(item: Item, styles: Styles, width: float) -> int:
    """No more lines than reportlab breaks the item into, counted without breaking it.

    Every printed line holds at most the line width of text, and only spaces vanish at a
    break, so the width of the non-space text over the line width, rounded up, between
    forced breaks, is a floor on the line count. When in doubt the floor is 0.
    """
    if item.parsed is None:
        return 0
    style = item_style(item, styles)
    if style.shaping:
        return 0  # shaped glyphs (ligatures, conjuncts) may be narrower than the letters
    from reportlab.pdfbase.pdfmetrics import stringWidth

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
        style = item_style(item, styles)
        paragraph(item, styles)  # parses the item, once for all sizes
        total += least_lines(item, styles, width) * style.leading + styles.item_gap
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
