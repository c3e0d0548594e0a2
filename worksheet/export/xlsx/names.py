"""The workbook's input cells by defined name, and the marks that say who made it for which deal.

Shared by the exporter (which names the cells) and the importer (which reads them back), so the
two can never disagree. No openpyxl here: the command line imports it cheaply.
"""

from __future__ import annotations

from worksheet.i18n import N_

#: Custom document properties written at export.
MARK_PROPERTY = "DealWorksheetWorkbook"
#: Version of the workbook's named-cell layout; the importer reads this version only.
MARK_VERSION = "1"
DEAL_ID_PROPERTY = "DealWorksheetDealId"
#: Set on a discreet copy: its blanks are numbers left out, not numbers cleared.
DISCREET_PROPERTY = "DealWorksheetDiscreet"

#: Single money cells: defined name -> (deal path, label, negative allowed).
MONEY_INPUTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Target", ("anchors", "target"), N_("Target")),
    ("Opening", ("anchors", "opening"), N_("Opening")),
    ("WalkAway", ("anchors", "walk_away"), N_("Walk-away")),
    ("TheirTarget", ("their_estimate", "target"), N_("Their target")),
    ("TheirLow", ("their_estimate", "walk_away_low"), N_("Their walk-away, lowest")),
    ("TheirLikely", ("their_estimate", "walk_away_likely"), N_("Their walk-away, most likely")),
    ("TheirHigh", ("their_estimate", "walk_away_high"), N_("Their walk-away, highest")),
    ("LimitWalkAway", ("sign_off", "limits", "walk_away"), N_("Sign-off: walk-away limit")),
    (
        "LimitPackageCost",
        ("sign_off", "limits", "package_cost"),
        N_("Sign-off: package cost limit"),
    ),
)

#: Sign-off text cells: defined name -> (field of SignOff, label).
SIGN_OFF_INPUTS: tuple[tuple[str, str, str], ...] = (
    ("SignOffBy", "by", N_("Sign-off: reviewed by")),
    ("SignOffRole", "role", N_("Sign-off: role")),
    ("SignOffDecision", "decision", N_("Sign-off: decision")),
    ("SignOffDate", "date", N_("Sign-off: date")),
    ("SignOffComment", "comment", N_("Sign-off: comment")),
)

#: Column ranges on the Concessions sheet, one row per concession; `ConcessionId` says which.
CONCESSION_ID = "ConcessionId"
CONCESSION_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("ConcessionCost", "cost_to_us", N_("Concession “{name}”: cost to us")),
    ("ConcessionValue", "value_to_them", N_("Concession “{name}”: value to them")),
    ("ConcessionInPackage", "in_package", N_("Concession “{name}”: in the package")),
)

#: Row ranges on the Packages sheet, one column per package; `PackageId` says which.
PACKAGE_ID = "PackageId"
PACKAGE_ASK = "PackageAsk"
#: The tick grid (one row per concession, one column per package, in `PackageId`'s order) and
#: a hidden column beside it naming each row's concession.
PACKAGE_TICKS = "PackageTicks"
PACKAGE_TICK_ID = "PackageTickId"

#: The approval state written at export (a result, not an input).
SIGN_OFF_STATUS = "SignOffStatus"
