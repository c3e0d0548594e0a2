"""The workbook's live formulas, recalculated by headless LibreOffice, agree with `summarize`.

Many deals (seller and buyer × certain/possible/none/unknown, partial and out-of-order
estimates, lo = hi, fractions) are exported, recalculated in one `soffice` call, and every
named result is compared with the summary of spec §2. Then a manager's edits — a new
walk-away, a concession flipped in or out, the role switched — are made with openpyxl
(formulas kept), recalculated again, and compared with the summary of the edited deal.
"""

from __future__ import annotations

import copy
import random
import shutil
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import SAMPLES
from tests.domain.builders import pack, set_in_active
from worksheet.domain.deal import Anchors, Concession, Deal, Fallback, TheirEstimate
from worksheet.domain.summary import Summary, summarize
from worksheet.export.xlsx import export_xlsx
from worksheet.io import load

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="needs LibreOffice's soffice on PATH to recalculate the workbook",
    ),
]

CHECK_NAMES = {
    "no_walk_away": "CheckWalkAway",
    "walk_away_beyond_limit": "CheckLimitWalkAway",
    "package_cost_over_limit": "CheckLimitPackageCost",
    "target_worse_than_walk_away": "CheckTarget",
    "opening_weaker_than_target": "CheckOpening",
    "walk_away_worse_than_batna": "CheckBatna",
    "estimate_out_of_order": "CheckEstimate",
    "concession_value_unknown": "CheckPackageValues",
}


def recalculate(*batches: tuple[list[Path], Path]) -> list[list[Path]]:
    """Open workbooks in headless LibreOffice (which computes every formula) and save them.

    Each batch of (files, out_dir) is one `soffice` call with its own profile folder; the
    calls run side by side, since LibreOffice spends about half a second on each file.
    """
    running = []
    for files, out_dir in batches:
        out_dir.mkdir(parents=True, exist_ok=True)
        profile = out_dir.parent / f"lo-profile-{uuid.uuid4().hex[:8]}"
        command = [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        running.append((proc, files, out_dir))
    results = []
    for proc, files, out_dir in running:
        try:
            stdout, stderr = proc.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        outputs = [out_dir / f.name for f in files]
        missing = [p.name for p in outputs if not p.exists()]
        assert not missing, f"LibreOffice wrote no {missing}: {stdout} {stderr}"
        results.append(outputs)
    return results


def D(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def deal(
    role: str,
    W: str | None,
    L: str | None,
    M: str | None,
    H: str | None,
    package: tuple[tuple[str | None, str | None, bool], ...] = (),
    target: str | None = None,
    opening: str | None = None,
    batna: tuple[str, ...] = (),
) -> Deal:
    made = Deal(
        title=f"{role} {W} {L}/{M}/{H}",
        role=role,
        anchors=Anchors(target=D(target), opening=D(opening), walk_away=D(W)),
        their_estimate=TheirEstimate(
            walk_away_low=D(L), walk_away_likely=D(M), walk_away_high=D(H)
        ),
        concessions=[
            Concession(
                what=f"c{i}",
                cost_to_us=D(c),
                value_to_them=D(v),
                order=len(package) - i,
            )
            for i, (c, v, _inside) in enumerate(package)
        ],
        fallbacks=[Fallback(kind="batna", what="b", value=D(v)) for v in batna]
        + [Fallback(kind="mini_deal", what="m", value=D("1"))],
    )
    return pack(made, [inside for _c, _v, inside in package])


PACKAGE = (("500", "2000", True), ("300", None, True), ("1000", "4000", False))

CASES: dict[str, Deal] = {
    # seller: floor s = W + C (C = 800 in PACKAGE), their ceiling moved up by V (2000)
    "seller-certain": deal("seller", "100000", "104000", "110000", "120000", PACKAGE),
    "seller-possible": deal(
        "seller",
        "100000",
        "95000",
        "101000",
        "112000",
        PACKAGE,
        target="90000",
        opening="85000",
        batna=("100500", "80000"),
    ),
    "seller-none": deal("seller", "130000", "95000", "101000", "112000", PACKAGE),
    "seller-unknown-no-walk-away": deal("seller", None, "95000", "101000", "112000", PACKAGE),
    "seller-unknown-no-estimate": deal("seller", "100000", None, None, None, PACKAGE),
    "seller-only-likely": deal("seller", "99000", None, "100000", None),
    "seller-only-low": deal("seller", "99000", "100000", None, None),
    "seller-only-high": deal("seller", "101000", None, None, "100000"),
    "seller-low-high": deal("seller", "99999.5", "99000", None, "100001"),
    "seller-likely-high": deal("seller", "99500", None, "99000", "101000"),
    "seller-low-likely": deal("seller", "99500", "98000", "100000", None),
    "seller-out-of-order": deal("seller", "99000", "100000", "90000", "110000", PACKAGE),
    "seller-lo-equals-hi-yes": deal("seller", "100000", "100000", "100000", "100000"),
    "seller-lo-equals-hi-no": deal("seller", "100000.0001", "100000", "100000", "100000"),
    "seller-fractions": deal(
        "seller",
        "1000.1",
        "999.95",
        "1000.2",
        "1001.35",
        (("0.05", "0.1", True), ("0.15", "0.2", True)),
    ),
    "seller-at-mode": deal("seller", "100", "90", "100", "130"),
    # buyer: ceiling b = W - C, their floor moved down by V
    "buyer-certain": deal("buyer", "62000", "52000", "57000", "60000", PACKAGE),
    "buyer-possible": deal(
        "buyer",
        "58000",
        "52000",
        "57000",
        "61000",
        PACKAGE,
        target="59000",
        opening="60000",
        batna=("57000", "70000"),
    ),
    "buyer-none": deal("buyer", "40000", "52000", "57000", "60000", PACKAGE),
    "buyer-unknown": deal("buyer", None, "52000", "57000", "60000"),
    "buyer-only-likely": deal("buyer", "57000", None, "57000", None),
    "buyer-out-of-order": deal("buyer", "57000", "52000", "61000", "60000"),
    "buyer-lo-equals-hi": deal("buyer", "56999", "57000", None, "57000"),
    "buyer-lo-equals-hi-at": deal("buyer", "57000", None, "57000", None),
    "buyer-low-high": deal("buyer", "56000", "52000", None, "61000", PACKAGE),
}


def random_deals(count: int, seed: int) -> dict[str, Deal]:
    """Deterministic random deals whose amounts come from a few values, so ties (s = lo,
    lo = hi, L = M…) and every fill-in path turn up often."""
    rng = random.Random(seed)
    values = ["90", "95", "97.5", "100", "100.25", "104", "110", "120"]

    def maybe(p_none: float) -> str | None:
        return None if rng.random() < p_none else rng.choice(values)

    out = {}
    for i in range(count):
        package = tuple(
            (
                rng.choice(["0", "1.5", "4", None]),
                rng.choice(["0", "2", "5.75", None]),
                rng.random() < 0.6,
            )
            for _ in range(rng.randint(0, 3))
        )
        out[f"random-{i}"] = deal(
            rng.choice(["seller", "buyer"]),
            maybe(0.15),
            maybe(0.4),
            maybe(0.4),
            maybe(0.4),
            package,
            target=maybe(0.5),
            opening=maybe(0.5),
            batna=tuple(v for v in (maybe(0.5),) if v is not None),
        )
    return out


CASES.update(random_deals(16, seed=20270114))


def test_the_cases_cover_every_status_for_both_roles() -> None:
    seen = {(d.role, summarize(d).status) for d in CASES.values()}
    assert seen == {
        (r, s) for r in ("seller", "buyer") for s in ("certain", "possible", "none", "unknown")
    }


def named(wb, name: str):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")].value


def blank(value: object) -> bool:
    return value is None or value == ""


def assert_amount(wb, name: str, expected: Decimal | None, where: str) -> None:
    value = named(wb, name)
    if expected is None:
        assert blank(value), f"{where}: {name} = {value!r}, expected blank"
        return
    assert isinstance(value, (int, float)), f"{where}: {name} = {value!r}, expected {expected}"
    assert abs(Decimal(repr(value)) - expected) <= Decimal("1e-6"), f"{where}: {name}"


def assert_matches_summary(wb, d: Deal, s: Summary, where: str) -> None:
    """Every named value of the recalculated workbook equals the summary of the deal."""
    assert named(wb, "ZopaStatus") == s.status, where
    assert_amount(wb, "WalkAway", d.anchors.walk_away, where)
    assert_amount(wb, "Target", d.anchors.target, where)
    e = d.their_estimate
    for name, amount in (
        ("TheirLow", e.walk_away_low),
        ("TheirLikely", e.walk_away_likely),
        ("TheirHigh", e.walk_away_high),
    ):
        assert_amount(wb, name, amount, where)
    assert_amount(wb, "PackageCost", s.package_cost, where)
    assert_amount(wb, "PackageValue", s.package_value, where)
    assert_amount(wb, "PackageWalkAway", s.package_walk_away, where)
    for name, amount in (
        ("EstimateLow", s.their_low),
        ("EstimateLikely", s.their_likely),
        ("EstimateHigh", s.their_high),
        ("PackageLow", s.their_low_package),
        ("PackageLikely", s.their_likely_package),
        ("PackageHigh", s.their_high_package),
        ("Gap", None if s.gap is None else round(s.gap, 2)),  # to cents, as the app shows it
    ):
        assert_amount(wb, name, amount, where)
    for zone_name, zone in (
        ("Worst", s.worst),
        ("Likely", s.likely),
        ("Best", s.best),
        ("Zopa", s.likely),
    ):
        assert_amount(wb, f"{zone_name}Low", None if zone is None else zone.low, where)
        assert_amount(wb, f"{zone_name}High", None if zone is None else zone.high, where)
    probability = named(wb, "ZopaProbability")
    if s.probability is None:
        assert blank(probability), where
    else:
        assert abs(probability - s.probability) <= 1e-4, (where, probability, s.probability)
    flagged = {code for code, name in CHECK_NAMES.items() if named(wb, name) != "OK"}
    assert flagged == {w.code for w in s.warnings}, where


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory):
    """Every case exported, and edited by a 'manager'; both sets recalculated by LibreOffice."""
    base = tmp_path_factory.mktemp("xlsx-lo")
    exported = base / "exported"
    exported.mkdir()
    edited_dir = base / "edited"
    edited_dir.mkdir()
    originals: dict[str, Path] = {}
    edited: dict[str, tuple[Deal, Path]] = {}
    for key, d in CASES.items():
        path = exported / f"{key}.xlsx"
        export_xlsx(d, path)
        originals[key] = path
        changed, out = manager_edit(d, path, edited_dir / f"{key}.xlsx")
        edited[key] = (changed, out)
    renewal = load(SAMPLES / "software-renewal.deal")
    discreet = exported / "discreet.xlsx"
    export_xlsx(renewal, discreet, discreet=True)
    discreet_edit = edited_dir / "discreet.xlsx"
    wb = load_workbook(discreet)
    cell_of(wb, "WalkAway").value = 104000
    wb.save(discreet_edit)

    present = exported / "present-edit.xlsx"
    export_xlsx(renewal, present)
    present_edit = edited_dir / "present-edit.xlsx"
    wb = load_workbook(present)
    cell_of(wb, "WalkAway").value = None
    cell_of(wb, "Role").value = "buyer"
    wb.save(present_edit)
    gap = exported / "present-gap.xlsx"
    export_xlsx(GAP_DEAL, gap)

    hostile = exported / "hostile.xlsx"
    export_xlsx(Deal(concessions=[Concession(what=t) for t in HOSTILE]), hostile)

    first, second = recalculate(
        ([*originals.values(), discreet, hostile, present, gap], base / "first"),
        ([p for _, p in edited.values()] + [discreet_edit, present_edit], base / "second"),
    )
    return {
        "first": {p.stem: load_workbook(p, data_only=True) for p in first},
        "second": {p.stem: load_workbook(p, data_only=True) for p in second},
        "edited": {k: d for k, (d, _) in edited.items()},
        "renewal": renewal,
    }


def cell_of(wb, name: str):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def manager_edit(d: Deal, source: Path, target: Path) -> tuple[Deal, Path]:
    """A manager's edits with openpyxl, formulas kept, and the same edits on a copy of the deal."""
    changed = copy.deepcopy(d)
    wb = load_workbook(source)
    walk_away = cell_of(wb, "WalkAway")
    new_walk_away = (d.anchors.walk_away or Decimal(100000)) + Decimal("1500.25")
    walk_away.value = float(new_walk_away)
    changed.anchors.walk_away = new_walk_away
    flags = [
        row[0]
        for row in wb["Concessions"][
            wb.defined_names["ConcessionInPackage"].attr_text.split("!")[1].replace("$", "")
        ]
    ]
    planned = changed.concessions_in_order()
    if planned:
        flags[0].value = not flags[0].value
        set_in_active(changed, planned[0], not changed.in_active(planned[0]))
    if "only" in source.stem:  # switch sides too: the zone must follow the role cell
        role = "buyer" if d.role == "seller" else "seller"
        cell_of(wb, "Role").value = role
        changed.role = role
    wb.save(target)
    return changed, target


@pytest.mark.parametrize("key", list(CASES))
def test_recalculated_names_equal_the_summary(recalculated, key: str) -> None:
    d = CASES[key]
    assert_matches_summary(recalculated["first"][key], d, summarize(d), key)


@pytest.mark.parametrize("key", list(CASES))
def test_after_a_managers_edits_the_zone_follows(recalculated, key: str) -> None:
    changed = recalculated["edited"][key]
    assert_matches_summary(
        recalculated["second"][key], changed, summarize(changed), f"{key} edited"
    )


def test_discreet_copy_has_no_zone_even_when_a_walk_away_is_typed(recalculated) -> None:
    # The discreet policy leaves out our limits and our estimate of their side, so the copy
    # holds no zone; a walk-away typed into it alone cannot make one.
    wb = recalculated["first"]["discreet"]
    assert named(wb, "ZopaStatus") == "unknown"
    assert blank(named(wb, "ZopaProbability")) and blank(named(wb, "ZopaLow"))
    assert named(wb, "PackageCost") == "(left out)"
    assert named(wb, "CheckWalkAway").startswith("Walk-away left out of this discreet copy")
    assert named(wb, "Opening") == 126000  # what we would say out loud stays
    assert blank(named(wb, "Target")) and blank(named(wb, "TheirLow"))
    typed = recalculated["second"]["discreet"]
    assert named(typed, "ZopaStatus") == "unknown"


def test_workbook_words_follow_the_managers_edits(recalculated) -> None:
    # The software renewal with its walk-away cleared and the role switched (see the fixture).
    wb = recalculated["second"]["present-edit"]
    ws = wb["Summary"]
    assert "we are the buyer" in ws["A2"].value and "per year" in ws["A2"].value
    labels = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    walk_away_row = labels["Walk-away price set"]
    assert ws.cell(row=walk_away_row, column=2).value == "✗ missing"
    target_row = labels["Target price set"]
    assert ws.cell(row=target_row, column=2).value == "✓ done"
    assert ws.cell(row=labels["Done"], column=2).value == "6 of 7"
    before = recalculated["first"]["present-edit"]["Summary"]
    assert "we are the seller" in before["A2"].value
    assert before.cell(row=walk_away_row, column=2).value == "✓ done"


def test_gap_is_rounded_like_the_app(recalculated) -> None:
    wb = recalculated["first"]["present-gap"]
    d = GAP_DEAL
    s = summarize(d)
    assert s.gap is not None and s.gap != round(s.gap, 2)
    assert named(wb, "Gap") == float(round(s.gap, 2))


GAP_DEAL = Deal(
    anchors=Anchors(walk_away=Decimal("1000.1234")),
    their_estimate=TheirEstimate(
        walk_away_low=Decimal("800.0001"), walk_away_high=Decimal("900.0002")
    ),
)


HOSTILE = ["=1+1", "_x0041_ stays", "line\r\nbreak", "@SUM(A1)", "#N/A", "+1+1", "\t=1"]


def test_hostile_text_survives_libreoffice(recalculated) -> None:
    ws = recalculated["first"]["hostile"]["Concessions"]
    got = [ws.cell(row=r, column=2) for r in range(4, 4 + len(HOSTILE))]
    assert all(c.data_type == "s" for c in got)
    # LibreOffice keeps a CR LF pair as one line break (LF), as it does for typed text.
    expected = [t.replace("\r\n", "\n") for t in HOSTILE]
    assert [c.value for c in got] == expected


@pytest.mark.parametrize("key", list(CASES))
def test_chance_words_match_the_app(recalculated, key: str) -> None:
    from worksheet.present.numbers import chance_phrase
    from worksheet.present.sentences import exact_chance

    wb = recalculated["first"][key]
    ((sheet, ref),) = list(wb.defined_names["ZopaProbability"].destinations)
    cell = wb[sheet][ref.replace("$", "")]
    words = wb[sheet].cell(row=cell.row, column=cell.column + 1).value
    s = summarize(CASES[key])
    if s.probability is None:
        assert blank(words)
        return
    exact = exact_chance(s)
    if (Decimal(exact) * 200) % 2 == 1:  # exactly x.5 %: the spreadsheet rounds it up
        return
    assert words == chance_phrase(exact), key


def _sentence_comparable(s: Summary) -> bool:
    """Spreadsheets round halves away from zero, the app half to even: skip the exact ties."""
    from worksheet.present.sentences import exact_chance

    exact = exact_chance(s)
    if exact is not None and (Decimal(exact) * 200) % 2 == 1:
        return False
    amounts = [s.package_walk_away, s.gap]
    for z in (s.likely, s.best):
        if z is not None:
            amounts += [z.low, z.high]
    return not any(a is not None and (a * 200) % 2 == 1 for a in amounts)


@pytest.mark.parametrize("key", list(CASES))
def test_status_sentence_is_the_apps_live(recalculated, key: str) -> None:
    from worksheet.present.sentences import status_sentence

    for batch, d in (("first", CASES[key]), ("second", recalculated["edited"][key])):
        s = summarize(d)
        if not _sentence_comparable(s):
            continue
        words = named(recalculated[batch][key], "ZopaSentence")
        assert words == status_sentence(s, d.currency), (key, batch)
