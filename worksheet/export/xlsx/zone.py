"""The live zone of possible agreement: spec §2.1 as spreadsheet formulas over named input cells.

Every formula refers to workbook-scope names, never to addresses, so the sheets can move
things around freely and a manager reading `=IF(ZoneReady, …)` sees what it means. Only
functions both Excel and LibreOffice know are used (IF, AND, OR, NOT, ISNUMBER, COUNT, N,
ROUND, SUMIFS, SUMPRODUCT, MIN, MAX); no LET, LAMBDA or IFS.

Amounts carry at most 4 decimals and the mean of two of them at most 5, so every sum is
rounded to 5 places: equal decimals then become equal floating-point numbers and the
comparisons of §2.1 (`s ≤ lo` …) come out as with exact decimals.
"""

from __future__ import annotations

from dataclasses import dataclass

from worksheet.i18n import _
from worksheet.present.words import CHECK_LABELS

#: What a discreet copy shows instead of a number it leaves out.
LEFT_OUT = "(left out)"

#: Names of the input cells (on the Summary and Concessions sheets), for reference.
INPUT_NAMES = ("Role", "Target", "Opening", "WalkAway", "TheirLow", "TheirLikely", "TheirHigh")


@dataclass(frozen=True)
class Step:
    """One named formula cell: what it is called, what it computes, and why, in plain words."""

    name: str
    label: str
    formula: str
    kind: str  # "money", "probability", "flag", "count", "text"
    why: str


def _zone_end(seller_cond: str, seller_value: str, buyer_cond: str, buyer_value: str) -> str:
    return (
        f'=IF(ZoneReady,IF(IsSeller,IF({seller_cond},{seller_value},""),'
        f'IF({buyer_cond},{buyer_value},"")),"")'
    )


_S = "PackageWalkAway"
#: §2.1 step 5/6 zones: the seller's [s, x] when s ≤ x; the buyer's [x, b] when x ≤ b.
_WORST = (f"{_S}<=PackageLow", "PackageHigh<=" + _S)
_LIKELY = (f"{_S}<=PackageLikely", "PackageLikely<=" + _S)
_BEST = (f"{_S}<=PackageHigh", "PackageLow<=" + _S)


#: The exact chance (before the 4-decimal rounding of the reported figure), for its words.
RAW_CHANCE = (
    "IF(PackageLow=PackageHigh,"
    f"IF(IsSeller,IF({_S}<=PackageLow,1,0),IF(PackageLow<={_S},1,0)),"
    "IF(IsSeller,1-TriangularCdf,TriangularCdf))"
)


def package_cost_formula(discreet: bool) -> str:
    total = "ROUND(SUMIFS(ConcessionCost,ConcessionInPackage,TRUE),5)"
    if discreet:
        # The costs were left out; show that rather than a misleading zero.
        return f'=IF(COUNT(ConcessionCost)=0,"{LEFT_OUT}",{total})'
    return "=" + total


#: Helper cells, in the order the Workings sheet shows them (spec §2.1 steps 1–7).
HELPERS: tuple[Step, ...] = (
    Step(
        "IsSeller",
        "We are the seller",
        '=Role<>"buyer"',
        "flag",
        "Anything but “buyer” in the role cell counts as seller, as in the app.",
    ),
    Step(
        "EstimateCount",
        "Their walk-away guesses entered",
        "=COUNT(TheirLow,TheirLikely,TheirHigh)",
        "count",
        "Step 1: with no guess at all the zone is unknown.",
    ),
    Step(
        "FillLow",
        "Lowest guess, filled in",
        '=IF(EstimateCount=0,"",IF(ISNUMBER(TheirLow),TheirLow,'
        "IF(ISNUMBER(TheirLikely),TheirLikely,TheirHigh)))",
        "money",
        "Step 2: a missing lowest guess takes the most likely one, else the highest.",
    ),
    Step(
        "FillHigh",
        "Highest guess, filled in",
        '=IF(EstimateCount=0,"",IF(ISNUMBER(TheirHigh),TheirHigh,'
        "IF(ISNUMBER(TheirLikely),TheirLikely,TheirLow)))",
        "money",
        "Step 2: a missing highest guess takes the most likely one, else the lowest.",
    ),
    Step(
        "FillLikely",
        "Most likely guess, filled in",
        '=IF(EstimateCount=0,"",IF(ISNUMBER(TheirLikely),TheirLikely,'
        "IF(AND(ISNUMBER(TheirLow),ISNUMBER(TheirHigh)),ROUND((TheirLow+TheirHigh)/2,5),FillLow)))",
        "money",
        "Step 2: a missing most likely guess is the middle of the other two, or the one given.",
    ),
    Step(
        "EstimateInOrder",
        "Guesses run lowest ≤ likely ≤ highest",
        "=IF(EstimateCount=0,FALSE,AND(FillLow<=FillLikely,FillLikely<=FillHigh))",
        "flag",
        "Step 3: out of order, the zone is unknown.",
    ),
    Step(
        "EstimateLow",
        "Their walk-away, lowest",
        '=IF(EstimateInOrder,FillLow,"")',
        "money",
        "The filled-in estimate the summary uses (blank when unknown).",
    ),
    Step(
        "EstimateLikely",
        "Their walk-away, most likely",
        '=IF(EstimateInOrder,FillLikely,"")',
        "money",
        "As above.",
    ),
    Step(
        "EstimateHigh",
        "Their walk-away, highest",
        '=IF(EstimateInOrder,FillHigh,"")',
        "money",
        "As above.",
    ),
    Step(
        "ValueUnknownCount",
        "Package concessions with no value to them",
        "=SUMPRODUCT((ConcessionInPackage=TRUE)*(1-ISNUMBER(ConcessionValue)))",
        "count",
        "Step 4: these count as 0 and raise a check on the Summary.",
    ),
    Step(
        "PackageShift",
        "Their side moves by",
        "=IF(IsSeller,PackageValue,-PackageValue)",
        "money",
        "Steps 5–6: the package's value raises a buyer's ceiling or lowers a seller's floor.",
    ),
    Step(
        "ZoneReady",
        "Zone can be computed",
        "=AND(ISNUMBER(PackageWalkAway),EstimateInOrder)",
        "flag",
        "Needs our walk-away and an in-order estimate.",
    ),
    Step(
        "TriangularCdf",
        "Chance their walk-away is below ours",
        '=IF(ZoneReady,IF(PackageLow=PackageHigh,"",'
        f"IF({_S}<=PackageLow,0,IF({_S}>=PackageHigh,1,IF({_S}<=PackageLikely,"
        f"({_S}-PackageLow)^2/((PackageHigh-PackageLow)*(PackageLikely-PackageLow)),"
        f'1-(PackageHigh-{_S})^2/((PackageHigh-PackageLow)*(PackageHigh-PackageLikely)))))),"")',
        "probability",
        "Step 7: the triangular distribution from lowest through most likely to highest.",
    ),
)

#: The named results (their cells sit on the Summary sheet).
RESULTS: dict[str, Step] = {
    s.name: s
    for s in (
        Step(
            "PackageWalkAway",
            "Our walk-away with the package",
            "=IF(ISNUMBER(WalkAway),ROUND(IF(IsSeller,WalkAway+N(PackageCost),"
            'WalkAway-N(PackageCost)),5),"")',
            "money",
            "A seller's floor rises by the package cost; a buyer's ceiling drops by it.",
        ),
        Step(
            "PackageLow",
            "Their walk-away with the package: lowest",
            '=IF(EstimateInOrder,ROUND(FillLow+PackageShift,5),"")',
            "money",
            "",
        ),
        Step(
            "PackageLikely",
            "most likely",
            '=IF(EstimateInOrder,ROUND(FillLikely+PackageShift,5),"")',
            "money",
            "",
        ),
        Step(
            "PackageHigh",
            "highest",
            '=IF(EstimateInOrder,ROUND(FillHigh+PackageShift,5),"")',
            "money",
            "",
        ),
        Step(
            "WorstLow",
            "Worst case",
            _zone_end(_WORST[0], _S, _WORST[1], "PackageHigh"),
            "money",
            "",
        ),
        Step("WorstHigh", "", _zone_end(_WORST[0], "PackageLow", _WORST[1], _S), "money", ""),
        Step(
            "LikelyLow",
            "Likely",
            _zone_end(_LIKELY[0], _S, _LIKELY[1], "PackageLikely"),
            "money",
            "",
        ),
        Step("LikelyHigh", "", _zone_end(_LIKELY[0], "PackageLikely", _LIKELY[1], _S), "money", ""),
        Step("BestLow", "Best case", _zone_end(_BEST[0], _S, _BEST[1], "PackageLow"), "money", ""),
        Step("BestHigh", "", _zone_end(_BEST[0], "PackageHigh", _BEST[1], _S), "money", ""),
        Step(
            "ZopaStatus",
            "Status",
            '=IF(ZoneReady,IF(ISNUMBER(WorstLow),"certain",IF(ISNUMBER(BestLow),"possible","none")),'
            '"unknown")',
            "text",
            "",
        ),
        Step(
            "ZopaProbability",
            "Chance of a deal",
            f'=IF(ZoneReady,ROUND({RAW_CHANCE},4),"")',
            "probability",
            "",
        ),
        Step(
            "Gap",
            "Gap to close",
            # Rounded to cents, as the app shows it.
            '=IF(ZoneReady,IF(ISNUMBER(BestLow),"",'
            f'ROUND(IF(IsSeller,{_S}-PackageHigh,PackageLow-{_S}),2)),"")',
            "money",
            "",
        ),
    )
}

#: The likely zone under the names the brief asks for; they point at the Likely cells.
ALIASES = {"ZopaLow": "LikelyLow", "ZopaHigh": "LikelyHigh"}

STATUS_WORDS_FORMULA = (
    '=IF(ZopaStatus="certain","{certain}",IF(ZopaStatus="possible","{possible}",'
    'IF(ZopaStatus="none","{none}","{unknown}")))'
)


@dataclass(frozen=True)
class Check:
    """A live version of one spec §2.2 warning: "OK" or the problem in a sentence."""

    code: str
    name: str
    label: str
    formula: str


def _said(sentence: str) -> str:
    """A (translated) sentence as the body of an Excel string literal."""
    return sentence.replace('"', '""')


def checks(discreet: bool) -> tuple[Check, ...]:
    """The live checks, their sentences in the current language (the formulas keep the
    file's English function names; "OK" stays the code the Summary's colouring tests)."""
    no_walk_away = (
        _said(_("Walk-away left out of this discreet copy: no zone is computed."))
        if discreet
        else _said(_("No walk-away price: the zone cannot be computed."))
    )
    target = _said(_("The target is worse for us than the walk-away."))
    opening = _said(_("The opening leaves no room beyond the target."))
    batna = _said(_("The best alternative pays better than this walk-away."))
    return (
        Check(
            "no_walk_away",
            "CheckWalkAway",
            CHECK_LABELS["no_walk_away"],
            f'=IF(ISNUMBER(WalkAway),"OK","{no_walk_away}")',
        ),
        Check(
            "target_worse_than_walk_away",
            "CheckTarget",
            CHECK_LABELS["target_worse_than_walk_away"],
            "=IF(AND(ISNUMBER(Target),ISNUMBER(WalkAway)),IF(IF(IsSeller,Target<WalkAway,"
            f'Target>WalkAway),"{target}",'
            '"OK"),"OK")',
        ),
        Check(
            "opening_weaker_than_target",
            "CheckOpening",
            CHECK_LABELS["opening_weaker_than_target"],
            "=IF(AND(ISNUMBER(Opening),ISNUMBER(Target)),IF(IF(IsSeller,Opening<Target,"
            f'Opening>Target),"{opening}",'
            '"OK"),"OK")',
        ),
        Check(
            "walk_away_worse_than_batna",
            "CheckBatna",
            CHECK_LABELS["walk_away_worse_than_batna"],
            "=IF(AND(ISNUMBER(WalkAway),COUNT(BatnaValues)>0),IF(IF(IsSeller,"
            "WalkAway<MAX(BatnaValues),WalkAway>MIN(BatnaValues)),"
            f'"{batna}",'
            '"OK"),"OK")',
        ),
        Check(
            "estimate_out_of_order",
            "CheckEstimate",
            CHECK_LABELS["estimate_out_of_order"],
            '=IF(AND(EstimateCount>0,NOT(EstimateInOrder)),"'
            + _said(_("Their guesses must run lowest ≤ most likely ≤ highest; zone unknown."))
            + '","OK")',
        ),
        Check(
            "concession_value_unknown",
            "CheckPackageValues",
            CHECK_LABELS["concession_value_unknown"],
            '=IF(ValueUnknownCount>0,ValueUnknownCount&" '
            + _said(_("package concession(s) with no value to them; counted as 0."))
            + '","OK")',
        ),
    ) + (() if discreet else limit_checks())


def limit_checks() -> tuple[Check, ...]:
    """The manager's limits (spec §2.2), live: the limit cells are in the sign-off block,
    which only the manager's (not a discreet) copy has."""
    beyond = _said(_("The walk-away is beyond the limit the manager set."))
    over = _said(_("The package costs more than the manager allows."))
    return (
        Check(
            "walk_away_beyond_limit",
            "CheckLimitWalkAway",
            _("Walk-away within the manager's limit"),
            "=IF(AND(ISNUMBER(WalkAway),ISNUMBER(LimitWalkAway)),IF(IF(IsSeller,"
            "WalkAway<LimitWalkAway,WalkAway>LimitWalkAway),"
            f'"{beyond}","OK"),"OK")',
        ),
        Check(
            "package_cost_over_limit",
            "CheckLimitPackageCost",
            _("Package cost within the manager's limit"),
            "=IF(AND(ISNUMBER(PackageCost),ISNUMBER(LimitPackageCost)),IF(PackageCost>"
            f'LimitPackageCost,"{over}",'
            '"OK"),"OK")',
        ),
    )
