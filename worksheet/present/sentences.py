"""Sentences built from a deal's summary, the same in the window, the PDF, the workbook and the
command line."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from worksheet.i18n import N_, _, ngettext
from worksheet.present.numbers import (
    DEAL_SEPARATORS,
    NBSP,
    Separators,
    chance_phrase,
    format_money,
    format_range,
    is_no_chance,
)

if TYPE_CHECKING:
    from worksheet.domain.summary import Summary

OUT_OF_ORDER = N_(
    "Their walk-away estimate is out of order (lowest, most likely, highest), "
    "so the zone cannot be worked out."
)
NEED_WALK_AWAY = N_("Set your walk-away price to see where a deal can happen.")
NEED_ESTIMATE = N_("Estimate their walk-away to see where a deal can happen.")
NOT_ESTIMATED = N_("not estimated yet")
OUT_OF_ORDER_SHORT = N_("out of order (lowest ≤ most likely ≤ highest)")


def exact_chance(summary: Summary) -> Decimal | float | None:
    """The chance as exactly as the summary knows it, so it is rounded once, for people."""
    exact = getattr(summary, "chance", None)
    return exact if exact is not None else summary.probability


def limit_phrase(summary: Summary, seps: Separators = DEAL_SEPARATORS, currency: str = "USD"):
    amount = format_money(summary.package_walk_away, currency, seps=seps)
    if summary.role == "buyer":
        return _("our package ceiling of {amount}").format(amount=amount)
    return _("our package floor of {amount}").format(amount=amount)


def _status_templates(seller: bool) -> dict[str, str]:
    """The zone sentences for one side, each whole (translated as one sentence)."""
    if seller:
        return {
            "certain": _(
                "Even our most cautious guess of their walk-away leaves room above our "
                "package floor of {limit}: a deal is there to be made. Likely zone {zone}."
            ),
            "edge": _(
                "A deal is only just possible: our package floor of {limit} meets our most "
                "hopeful guess of their walk-away, {guess}, and nothing above it; the "
                "chance is next to none."
            ),
            "possible": _(
                "A deal is possible, with a chance of {chance}: it needs their walk-away "
                "above our package floor of {limit}. {where}"
            ),
            "none": _(
                "No deal zone: even our most hopeful guess of their walk-away is {gap} short of "
                "our package floor of {limit}. Rethink the package or the walk-away, or prepare "
                "the fallbacks."
            ),
        }
    return {
        "certain": _(
            "Even our most cautious guess of their walk-away leaves room below our "
            "package ceiling of {limit}: a deal is there to be made. Likely zone {zone}."
        ),
        "edge": _(
            "A deal is only just possible: our package ceiling of {limit} meets our "
            "most hopeful guess of their walk-away, {guess}, and nothing below it; the "
            "chance is next to none."
        ),
        "possible": _(
            "A deal is possible, with a chance of {chance}: it needs their walk-away "
            "below our package ceiling of {limit}. {where}"
        ),
        "none": _(
            "No deal zone: even our most hopeful guess of their walk-away is {gap} beyond "
            "our package ceiling of {limit}. Rethink the package or the walk-away, or prepare "
            "the fallbacks."
        ),
    }


LIKELY_ZONE = N_("Likely zone {zone}.")
HOPEFUL_ZONE = N_("Only our most hopeful guess leaves a zone: {zone}.")


def status_sentence(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The zone status in plain words: what it means, the chance, and the zone or the gap.

    Seller and buyer get the same story mirrored: our package floor (seller) or ceiling
    (buyer) against their estimated walk-away. Each variant is one whole sentence to
    translate, never pieced together from words.
    """
    s = summary

    def money(a: Decimal | None) -> str:
        return format_money(a, currency, seps=seps)

    def zone(z) -> str:
        return format_range(z.low, z.high, currency, seps=seps)

    if s.status == "unknown":
        if s.has_warning("estimate_out_of_order"):
            return _(OUT_OF_ORDER)
        if s.package_walk_away is None:
            return _(NEED_WALK_AWAY)
        return _(NEED_ESTIMATE)
    seller = s.role != "buyer"
    words = _status_templates(seller)
    amount = money(s.package_walk_away)
    if s.status == "certain":
        assert s.likely is not None
        return words["certain"].format(limit=amount, zone=zone(s.likely))
    if s.status == "possible":
        assert s.best is not None
        chance = exact_chance(s)
        if is_no_chance(chance):
            # Our limit sits exactly on their most hopeful guess: one price, nothing more.
            guess = money(s.best.low if seller else s.best.high)
            return words["edge"].format(limit=amount, guess=guess)
        if s.likely is not None:
            where = _(LIKELY_ZONE).format(zone=zone(s.likely))
        else:
            where = _(HOPEFUL_ZONE).format(zone=zone(s.best))
        return words["possible"].format(chance=chance_phrase(chance), limit=amount, where=where)
    return words["none"].format(gap=money(s.gap), limit=amount)


def estimate_text(
    summary: Summary, currency: str, *, package: bool, seps: Separators = DEAL_SEPARATORS
) -> str:
    """Their walk-away estimate as a range (`$88,000 – $112,000`), before the package or, with
    `package`, moved by the package's value to them (what the zone is computed against)."""
    if summary.has_warning("estimate_out_of_order"):
        return _(OUT_OF_ORDER_SHORT)
    if package:
        low, high = summary.their_low_package, summary.their_high_package
    else:
        low, high = summary.their_low, summary.their_high
    if low is None or high is None:
        return _(NOT_ESTIMATED)
    return format_range(low, high, currency, seps=seps)


def likely_estimate(
    summary: Summary, currency: str, *, package: bool, seps: Separators = DEAL_SEPARATORS
) -> str:
    value = summary.their_likely_package if package else summary.their_likely
    return format_money(value, currency, seps=seps)


def package_moves_estimate(summary: Summary) -> bool:
    """Whether the package's value to them moves their estimate (so 'before' ≠ 'after')."""
    return bool(summary.package_value) and summary.their_low is not None


def package_sentence(
    summary: Summary,
    currency: str,
    count: int,
    *,
    costs: bool = True,
    seps: Separators = DEAL_SEPARATORS,
) -> str:
    """`The package (2 concessions) costs us $6,500 and is worth $12,000 to them.`"""
    worth = format_money(summary.package_value, currency, seps=seps)
    if costs:
        text = ngettext(
            "The package ({count} concession) costs us {cost} and is worth {worth} to them.",
            "The package ({count} concessions) costs us {cost} and is worth {worth} to them.",
            count,
        )
        return text.format(
            count=count, cost=format_money(summary.package_cost, currency, seps=seps), worth=worth
        )
    text = ngettext(
        "The package ({count} concession) is worth {worth} to them.",
        "The package ({count} concessions) is worth {worth} to them.",
        count,
    )
    return text.format(count=count, worth=worth)


def estimate_legend(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The legend line that says their estimate is drawn as moved by the package."""
    value = format_money(summary.package_value, currency, seps=seps)
    sign = "+" if summary.role != "buyer" else "−"
    return _("their walk-away with the package ({change} value to them)").format(
        change=f"{sign}{value}"
    )


# --- the same status sentence as a live spreadsheet formula --------------------------------
#
# The workbook recomputes the zone when a manager edits it, so its sentence cannot be written
# once at export: this builds, from the same words as `status_sentence` above, a formula over
# the workbook's named cells. tests/export/test_xlsx_libreoffice.py recalculates it in
# LibreOffice and compares it with `status_sentence` for every case.


def _lit(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _filled(sentence: str, parts: dict[str, str]) -> str:
    """A translated sentence as a formula: its words as text, each `{field}` the expression
    for it, joined with `&`."""
    import string

    pieces: list[str] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(sentence):
        if literal:
            pieces.append(_lit(literal))
        if field is not None:
            pieces.append(parts[field])
    return "&".join(pieces) if pieces else '""'


def status_sentence_formula(
    format_whole: str, format_cents: str, chance_words: str, names: dict[str, str]
) -> str:
    """`status_sentence` as a formula. `format_whole`/`format_cents` are the money number
    formats without and with the currency's decimals; `chance_words` a formula expression that
    words the chance (`chance_phrase`); `names` maps the workbook's names: is_seller, walk_away,
    limit (our package floor or ceiling), out_of_order, status, gap, likely_low, likely_high,
    best_low, best_high, chance (the exact chance)."""
    n = names

    def money(cell: str) -> str:
        return (
            f"IF(ROUND({cell},2)=ROUND({cell},0),TEXT({cell},{_lit(format_whole)}),"
            f"TEXT({cell},{_lit(format_cents)}))"
        )

    def zone(low: str, high: str) -> str:
        a, b = money(low), money(high)
        return f"IF({a}={b},{a},{a}&{_lit(NBSP + '– ')}&{b})"

    seller = n["is_seller"]
    limit = money(n["limit"])
    likely = zone(n["likely_low"], n["likely_high"])
    hopeful = zone(n["best_low"], n["best_high"])
    ours, theirs = _status_templates(True), _status_templates(False)

    def both(key: str, **parts: str) -> str:
        return f"IF({seller},{_filled(ours[key], parts)},{_filled(theirs[key], parts)})"

    unknown = (
        f"IF({n['out_of_order']},{_lit(_(OUT_OF_ORDER))},"
        f"IF(NOT(ISNUMBER({n['walk_away']})),{_lit(_(NEED_WALK_AWAY))},"
        f"{_lit(_(NEED_ESTIMATE))}))"
    )
    certain = both("certain", limit=limit, zone=likely)
    edge = both("edge", limit=limit, guess=money(f"IF({seller},{n['best_low']},{n['best_high']})"))
    where = (
        f"IF(ISNUMBER({n['likely_low']}),{_filled(_(LIKELY_ZONE), {'zone': likely})},"
        f"{_filled(_(HOPEFUL_ZONE), {'zone': hopeful})})"
    )
    possible = (
        f"IF(({n['chance']})<=0,{edge},"
        f"{both('possible', chance=chance_words, limit=limit, where=where)})"
    )
    none = both("none", gap=money(n["gap"]), limit=limit)
    status = n["status"]
    return (
        f'=IF({status}="certain",{certain},IF({status}="possible",{possible},'
        f'IF({status}="none",{none},{unknown})))'
    )
