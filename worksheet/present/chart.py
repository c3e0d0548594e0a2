"""The zone chart's inputs and geometry, shared by the window's chart and the prep sheet's."""

from __future__ import annotations

from decimal import Decimal

from worksheet.present.words import ZONES as ZONE_WORDS

ZONE_ORDER: tuple[str, ...] = ("best", "likely", "worst")


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
            marks.append(("walk_away", "walk-away", walk_away))
            limit = "package floor" if seller else "package ceiling"
            marks.append(("floor", limit, package_walk_away))
        else:
            marks.append(("floor", "walk-away", package_walk_away))
    if show_target and target is not None:
        marks.append(("target", "target", target))
    if opening is not None:
        marks.append(("opening", "opening", opening))
    return marks


__all__ = ["ZONE_ORDER", "ZONE_WORDS", "price_marks"]
