"""Reading the manager's workbook back: the review lists exactly the cells a manager changed,
applying them gives the expected deal, and hostile files are refused or read safely with one
clear line while the deal stays as it was."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import ROOT, SAMPLES
from worksheet.domain.signoff import APPROVED, BASIS_KEY, STALE, approval
from worksheet.domain.summary import summarize
from worksheet.export.xlsx import export_xlsx
from worksheet.export.xlsx.importer import (
    WorkbookRefused,
    apply_changes,
    review_bytes,
    review_workbook,
)
from worksheet.io import dumps, load

SAMPLE = SAMPLES / "software-renewal.deal"

#: The edits a manager makes in the round trip, by the key the review gives each.
EDITED_KEYS = {
    "anchors.walk_away",
    "their_estimate.walk_away_high",
    "sign_off.decision",
    "sign_off.comment",
}


def named(wb, name: str, row: int = 0):
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    cells = wb[sheet][ref.replace("$", "")]
    if isinstance(cells, tuple):
        return cells[row][0]
    return cells


@pytest.fixture
def deal():
    return load(SAMPLE)


@pytest.fixture
def exported(deal, tmp_path) -> Path:
    path = tmp_path / "manager.xlsx"
    export_xlsx(deal, path)
    return path


def manager_edits(path: Path, out: Path) -> None:
    """What a manager does: a lower walk-away, a higher estimate, a cheaper concession, one
    concession out of the package, an approval with a comment."""
    wb = load_workbook(path)
    named(wb, "WalkAway").value = 101000
    named(wb, "TheirHigh").value = 115000
    named(wb, "ConcessionCost", 0).value = 700
    flag = named(wb, "ConcessionInPackage", 1)
    flag.value = not flag.value
    named(wb, "SignOffDecision").value = "Approved"
    named(wb, "SignOffComment").value = "Fine — hold the line at 101k."
    wb.save(out)


def concession_keys(deal) -> set[str]:
    ordered = deal.concessions_in_order()
    first, second = ordered[0], ordered[1]
    ident = [c.id or f"#{deal.concessions.index(c)}" for c in (first, second)]
    return {f"concessions[{ident[0]}].cost_to_us", f"concessions[{ident[1]}].in_package"}


def test_untouched_workbook_lists_no_changes(deal, exported):
    review = review_workbook(deal, exported)
    assert review.changes == []
    assert review.notes == []


def test_review_lists_exactly_the_managers_edits_and_applying_gives_the_expected_deal(
    deal, exported, tmp_path
):
    edited = tmp_path / "edited.xlsx"
    manager_edits(exported, edited)
    before = dumps(deal)
    review = review_workbook(deal, edited)
    assert {c.key for c in review.changes} == EDITED_KEYS | concession_keys(deal)
    assert all(c.ok for c in review.changes), [c.line() for c in review.changes]
    walk = next(c for c in review.changes if c.key == "anchors.walk_away")
    assert (walk.old, walk.new) == ("$104,000", "$101,000")
    assert dumps(deal) == before  # reviewing changes nothing

    after = apply_changes(deal, review.changes, review.basis)
    assert after.anchors.walk_away == Decimal(101000)
    assert after.their_estimate.walk_away_high == Decimal(115000)
    first, second = deal.concessions_in_order()[:2]
    i, j = deal.concessions.index(first), deal.concessions.index(second)
    assert after.concessions[i].cost_to_us == Decimal(700)
    assert after.in_active(after.concessions[j]) != deal.in_active(deal.concessions[j])
    assert after.sign_off.decision == "approved"
    assert after.sign_off.comment == "Fine — hold the line at 101k."
    # The approval covers the numbers the manager saw, so it is current in the applied deal.
    assert approval(after).state == APPROVED
    assert summarize(after).package_cost != summarize(deal).package_cost
    # A later change to an amount of §2.1 makes it an approval for an earlier version.
    after.anchors.walk_away = Decimal(99000)
    assert approval(after).state == STALE
    assert "our walk-away" in approval(after).changed


def test_rejecting_a_number_the_manager_approved_leaves_the_approval_stale(
    deal, exported, tmp_path
):
    edited = tmp_path / "edited.xlsx"
    manager_edits(exported, edited)
    review = review_workbook(deal, edited)
    chosen = [c for c in review.changes if c.key != "anchors.walk_away"]
    after = apply_changes(deal, chosen, review.basis)
    assert after.sign_off.decision == "approved"
    assert approval(after).state == STALE
    assert after.extra[BASIS_KEY]["walk_away"] == "101000"


def test_workbook_shows_a_stale_approval_as_such(deal, tmp_path):
    deal.sign_off.decision = "approved"
    deal.sign_off.by = "Dana Reyes"
    deal.extra[BASIS_KEY] = {"walk_away": "1"}
    path = tmp_path / "stale.xlsx"
    export_xlsx(deal, path)
    wb = load_workbook(path)
    status = named(wb, "SignOffStatus").value
    assert status.startswith("Approved for an earlier version by Dana Reyes")
    assert named(wb, "SignOffDecision").value == "Approved"


def test_limits_feed_the_two_warnings(deal):
    deal.sign_off.limits.walk_away = Decimal(105000)
    deal.sign_off.limits.package_cost = Decimal(1000)
    codes = [w.code for w in summarize(deal).warnings]
    assert "walk_away_beyond_limit" in codes
    assert "package_cost_over_limit" in codes
    deal.sign_off.limits.walk_away = Decimal(104000)
    deal.sign_off.limits.package_cost = summarize(deal).package_cost
    codes = [w.code for w in summarize(deal).warnings]
    assert "walk_away_beyond_limit" not in codes
    assert "package_cost_over_limit" not in codes


# ---------------------------------------------------------------------- hostile workbooks


def _rezip(source: Path, out: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, replace.get(info.filename, old.read(info.filename)))


def _edit(exported: Path, out: Path, change) -> Path:
    wb = load_workbook(exported)
    change(wb)
    wb.save(out)
    return out


def _with_doctype(exported: Path, out: Path, doctype: bytes) -> Path:
    with zipfile.ZipFile(exported) as z:
        xml = z.read("xl/workbook.xml")
    head, _, rest = xml.partition(b"?>")
    _rezip(exported, out, {"xl/workbook.xml": head + b"?>" + doctype + rest})
    return out


def _zip_bomb(out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    return out


def _wide_bomb(out: Path) -> Path:
    """Each member under the ratio (about 40 to 1), together past 200 MiB unpacked."""
    import os

    seed = os.urandom(20_000)
    block = b"".join(bytes([seed[i]]) + b"\0" * 99 for i in range(20_000))  # 2 MB
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        for i in range(110):
            z.writestr(f"xl/media/blob{i}.bin", block)
    return out


def _other_deal(tmp_path: Path) -> Path:
    other = load(SAMPLES / "job-offer.deal")
    path = tmp_path / "other.xlsx"
    export_xlsx(other, path)
    return path


def _plain_workbook(out: Path) -> Path:
    wb = Workbook()
    wb.active["A1"] = "Budget"
    wb.save(out)
    return out


def _big_file(out: Path) -> Path:
    with out.open("wb") as fh:
        fh.write(b"PK")
        fh.truncate(21 * 1024 * 1024)
    return out


def _fifo(out: Path) -> Path:
    import os

    os.mkfifo(out)
    return out


def _folder(out: Path) -> Path:
    out.mkdir()
    return out


ENTITY_BOMB = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
EXTERNAL_ENTITY = b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

#: name -> (maker(exported, tmp_path) -> path, words the one line must hold)
REFUSED = {
    "not a zip": (
        lambda e, t: (t / "notzip.xlsx").write_bytes(b"just text") and t / "notzip.xlsx",
        "not a zip archive",
    ),
    "damaged zip": (
        lambda e, t: (t / "cut.xlsx").write_bytes(e.read_bytes()[:400]) and t / "cut.xlsx",
        "damaged",
    ),
    "zip bomb": (lambda e, t: _zip_bomb(t / "bomb.xlsx"), "zip bomb"),
    "zip unpacking past 200 MiB": (lambda e, t: _wide_bomb(t / "wide.xlsx"), "200 MiB"),
    "over 20 MiB": (lambda e, t: _big_file(t / "big.xlsx"), "20 MiB"),
    "a pipe": (lambda e, t: _fifo(t / "pipe.xlsx"), "not a regular file"),
    "a folder": (lambda e, t: _folder(t / "folder.xlsx"), "folder"),
    "XML entity bomb": (
        lambda e, t: _with_doctype(e, t / "lol.xlsx", ENTITY_BOMB),
        "declares XML entities",
    ),
    "external entity": (
        lambda e, t: _with_doctype(e, t / "xxe.xlsx", EXTERNAL_ENTITY),
        "declares XML entities",
    ),
    "another deal's workbook": (lambda e, t: _other_deal(t), "made for another deal"),
    "not made by this app": (
        lambda e, t: _plain_workbook(t / "plain.xlsx"),
        "not a workbook exported by Deal Worksheet",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_workbook_is_refused_with_one_line_and_the_deal_untouched(
    case, deal, exported, tmp_path
):
    make, words = REFUSED[case]
    path = make(exported, tmp_path)
    before = dumps(deal)
    with pytest.raises(WorkbookRefused) as caught:
        review_workbook(deal, path)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message and len(message) < 200
    assert dumps(deal) == before


def _cell_case(change):
    return lambda e, t: _edit(e, t / "cell.xlsx", change)


def _set(name: str, value, row: int = 0):
    def change(wb):
        named(wb, name, row).value = value

    return change


def _drop_name(wb):
    del wb.defined_names["WalkAway"]


def _rename_like_a_spreadsheet_app(wb):
    """Excel and LibreOffice rewrite every name that points at a sheet they rename."""
    wb["Summary"].title = "Overview"
    for defined in wb.defined_names.values():
        defined.attr_text = defined.attr_text.replace("'Summary'!", "'Overview'!")
    named(wb, "WalkAway").value = 100500


def _rename_only(wb):
    wb["Concessions"].title = "Extras"


#: name -> (edit, the key of the one change or None, words of the line (error or note))
READ_SAFELY = {
    "formula =1+1": (_set("WalkAway", "=1+1"), "anchors.walk_away", "formula (=1+1)"),
    "formula =HYPERLINK": (
        _set("SignOffComment", '=HYPERLINK("http://evil.example","click")'),
        "sign_off.comment",
        "formula",
    ),
    "text in a price": (_set("Target", "abc"), "anchors.target", "not a plain decimal amount"),
    "10^13 amount": (
        _set("TheirLow", 10**13),
        "their_estimate.walk_away_low",
        "amounts must stay below 10^12",
    ),
    "negative price": (_set("Opening", -5), "anchors.opening", "must not be negative"),
    "a date that is none": (_set("SignOffDate", "31/11/2026"), "sign_off.date", "not a date"),
    "an unknown decision": (
        _set("SignOffDecision", "Maybe"),
        "sign_off.decision",
        "unknown decision",
    ),
    "deleted defined name": (_drop_name, None, "no cell named WalkAway"),
    "sheet renamed without its names": (_rename_only, None, "not in the workbook"),
}


@pytest.mark.parametrize("case", sorted(READ_SAFELY))
def test_bad_cell_is_reported_with_the_fields_message_and_nothing_else_changes(
    case, deal, exported, tmp_path
):
    change, key, words = READ_SAFELY[case]
    path = _cell_case(change)(exported, tmp_path)
    before = dumps(deal)
    review = review_workbook(deal, path)
    assert dumps(deal) == before
    if key is None:
        assert review.changes == []
        assert any(words in note for note in review.notes), review.notes
    else:
        assert [c.key for c in review.changes] == [key]
        refused = review.changes[0]
        assert not refused.ok and words in refused.error
        assert "\n" not in refused.line()
        assert review.applicable == []
        # A refused cell is never applied, even when handed over.
        assert dumps(apply_changes(deal, review.changes)) == before


def test_sheets_renamed_by_a_spreadsheet_app_are_still_read(deal, exported, tmp_path):
    path = _cell_case(_rename_like_a_spreadsheet_app)(exported, tmp_path)
    review = review_workbook(deal, path)
    assert [c.key for c in review.changes] == ["anchors.walk_away"]
    assert review.changes[0].value == Decimal(100500)


def test_discreet_copy_is_refused_since_its_blanks_are_left_out_numbers(deal, tmp_path):
    path = tmp_path / "discreet.xlsx"
    export_xlsx(deal, path, discreet=True)
    before = dumps(deal)
    with pytest.raises(WorkbookRefused, match="discreet copy"):
        review_workbook(deal, path)
    assert dumps(deal) == before


def test_openpyxl_reads_xml_through_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_review_from_bytes_refuses_an_entity_even_if_the_zip_check_is_bypassed(deal, exported):
    """defusedxml is the second wall: openpyxl itself refuses a DTD with entities."""
    from worksheet.export.xlsx import importer

    data = io.BytesIO()
    with zipfile.ZipFile(exported) as old, zipfile.ZipFile(data, "w") as new:
        for info in old.infolist():
            body = old.read(info.filename)
            if info.filename == "xl/workbook.xml":
                head, _, rest = body.partition(b"?>")
                body = head + b"?>" + ENTITY_BOMB + rest
            new.writestr(info, body)
    original = importer.check_archive
    try:
        importer.check_archive = lambda raw: None
        with pytest.raises(WorkbookRefused):
            review_bytes(deal, data.getvalue())
    finally:
        importer.check_archive = original


# ---------------------------------------------------------------------- command line


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worksheet", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )


def test_import_review_command_prints_the_same_changes_as_json(deal, exported, tmp_path):
    edited = tmp_path / "edited.xlsx"
    manager_edits(exported, edited)
    done = _run("import-review", str(SAMPLE), str(edited), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    expected = review_workbook(deal, edited)
    assert data["changes"] == [c.to_json() for c in expected.changes]
    people = _run("import-review", str(SAMPLE), str(edited))
    assert people.returncode == 0
    assert "Walk-away: $104,000 → $101,000" in people.stdout


def test_import_review_command_refuses_with_one_line(tmp_path):
    bomb = _zip_bomb(tmp_path / "bomb.xlsx")
    done = _run("import-review", str(SAMPLE), str(bomb))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "zip bomb" in done.stderr


# ---------------------------------------------------------------------- through LibreOffice


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice's soffice")
def test_round_trip_through_libreoffice_lists_the_same_changes(deal, exported, tmp_path):
    edited = tmp_path / "edited.xlsx"
    manager_edits(exported, edited)
    out = tmp_path / "lo"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(edited),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    recalculated = out / "edited.xlsx"
    review = review_workbook(deal, recalculated)
    assert {c.key for c in review.changes} == EDITED_KEYS | concession_keys(deal), [
        c.line() for c in review.changes
    ]
    assert all(c.ok for c in review.changes), [c.line() for c in review.changes]
    after = apply_changes(deal, review.changes, review.basis)
    assert after.anchors.walk_away == Decimal(101000)
    assert after.sign_off.decision == "approved"
    assert approval(after).state == APPROVED


def test_an_approval_and_its_basis_survive_save_and_load(deal, tmp_path):
    from worksheet.domain.signoff import approval_basis
    from worksheet.io import save

    deal.sign_off.decision = "approved"
    deal.sign_off.by = "Dana Reyes"
    deal.sign_off.limits.walk_away = Decimal(100000)
    deal.extra[BASIS_KEY] = approval_basis(deal)
    path = tmp_path / "approved.deal"
    save(deal, path)
    again = load(path)
    assert again.sign_off.by == "Dana Reyes"
    assert again.sign_off.limits.walk_away == Decimal(100000)
    assert approval(again).state == APPROVED
    again.packages[0].concessions.pop()
    assert approval(again).state == STALE
    assert "the concessions in the package" in approval(again).changed


def test_import_review_never_loads_qt(exported):
    code = (
        "import sys; from worksheet.cli import main; "
        f"rc = main(['import-review', {str(SAMPLE)!r}, {str(exported)!r}]); "
        "assert rc == 0, rc; assert not any(m.startswith('PySide6') for m in sys.modules); "
        "assert 'reportlab' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "no changes" in done.stdout


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice's soffice")
def test_limit_checks_recalculate_like_the_summary(deal, tmp_path):
    """The manager's limits drive live checks in the workbook, as they drive the warnings."""
    deal.sign_off.limits.walk_away = Decimal(105000)  # a seller's walk-away of 104,000 is below
    deal.sign_off.limits.package_cost = summarize(deal).package_cost  # exactly at the limit
    source = tmp_path / "limits.xlsx"
    export_xlsx(deal, source)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "lo"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    wb = load_workbook(tmp_path / "lo" / "limits.xlsx", data_only=True)
    codes = {w.code for w in summarize(deal).warnings}
    assert "walk_away_beyond_limit" in codes and "package_cost_over_limit" not in codes
    assert named(wb, "CheckLimitWalkAway").value.startswith("The walk-away is beyond the limit")
    assert named(wb, "CheckLimitPackageCost").value == "OK"


def test_package_asks_are_read_back_by_package_id(deal, exported, tmp_path):
    wb = load_workbook(exported)
    asks = named_row(wb, "PackageAsk")
    ids = named_row(wb, "PackageId")
    assert [c.value for c in ids] == [p.id for p in deal.packages]
    asks[1].value = 117500
    asks[2].value = "lots"
    wb.save(tmp_path / "asks.xlsx")
    review = review_workbook(deal, tmp_path / "asks.xlsx")
    second, third = deal.packages[1], deal.packages[2]
    assert [c.key for c in review.changes] == [
        f"packages[{second.id}].ask",
        f"packages[{third.id}].ask",
    ]
    assert review.changes[0].ok and not review.changes[1].ok
    assert "not a plain decimal amount" in review.changes[1].error
    after = apply_changes(deal, review.changes)
    assert after.packages[1].ask == Decimal(117500)
    assert after.packages[2].ask == third.ask


def named_row(wb, name: str) -> list:
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    return list(wb[sheet][ref.replace("$", "")][0])


# ---------------------------------------------------------------------- every package's ticks


def tick_grid(wb) -> tuple[list[list], list[str], list[str]]:
    """The Packages sheet's tick cells (row per concession), the rows' concession ids and the
    columns' package ids, all found by their defined names."""
    sheet, ref = next(iter(wb.defined_names["PackageTicks"].destinations))
    grid = [list(row) for row in wb[sheet][ref.replace("$", "")]]
    sheet, ref = next(iter(wb.defined_names["PackageTickId"].destinations))
    rows = [row[0].value for row in wb[sheet][ref.replace("$", "")]]
    columns = [c.value for c in named_row(wb, "PackageId")]
    return grid, rows, columns


def tick(wb, package_id: str, concession_id: str):
    grid, rows, columns = tick_grid(wb)
    return grid[rows.index(concession_id)][columns.index(package_id)]


def package_tick_edits(path: Path, out: Path) -> None:
    """A manager reworks the packages on the Packages sheet: p2 without c1, p3 with c1, and
    the active p1 with c4 (typed on the Packages sheet, not the Concessions sheet)."""
    wb = load_workbook(path)
    tick(wb, "p2", "c1").value = False
    tick(wb, "p3", "c1").value = True
    tick(wb, "p1", "c4").value = True
    wb.save(out)


TICK_LINES = [
    "Package “Full service”: Keep this quote open until end of Februa…: left out → included",
    "Package “Terms and onboarding”: Net-60 payment terms instead of net-30: included → left out",
    "Package “Onboarding and named engineer”: Net-60 payment terms instead of net-30: "
    "left out → included",
]


def test_every_packages_ticks_are_read_and_applied_in_one_go(deal, exported, tmp_path):
    wb = load_workbook(exported)
    _grid, rows, columns = tick_grid(wb)
    assert columns == ["p1", "p2", "p3"] and rows == ["c1", "c2", "c3", "c4"]
    for package in deal.packages:  # the sheet holds what the deal holds
        for cid in rows:
            assert tick(wb, package.id, cid).value == (cid in package.concessions)
    edited = tmp_path / "ticks.xlsx"
    package_tick_edits(exported, edited)
    before = dumps(deal)
    review = review_workbook(deal, edited)
    assert [c.line() for c in review.changes] == TICK_LINES
    assert [c.key for c in review.changes] == [
        "packages[p1].concessions[c4]",
        "packages[p2].concessions[c1]",
        "packages[p3].concessions[c1]",
    ]
    assert review.notes == []
    assert dumps(deal) == before
    after = apply_changes(deal, review.changes)
    assert [p.concessions for p in after.packages] == [
        ["c1", "c2", "c3", "c4"],
        ["c2"],
        ["c1", "c2", "c3"],
    ]
    assert summarize(after).packages != summarize(deal).packages
    # Accepting only one of them leaves the others as they were.
    one = apply_changes(deal, [review.changes[1]])
    assert [p.concessions for p in one.packages] == [["c1", "c2", "c3"], ["c2"], ["c2", "c3"]]


def test_an_active_tick_changed_on_both_sheets_is_listed_once(deal, exported, tmp_path):
    wb = load_workbook(exported)
    ids = [c.value for c in [named(wb, "ConcessionId", r) for r in range(4)]]
    named(wb, "ConcessionInPackage", ids.index("c4")).value = True
    tick(wb, "p1", "c4").value = True
    wb.save(tmp_path / "both.xlsx")
    review = review_workbook(deal, tmp_path / "both.xlsx")
    assert [c.key for c in review.changes] == ["concessions[c4].in_package"]
    after = apply_changes(deal, review.changes)
    assert after.packages[0].concessions == ["c1", "c2", "c3", "c4"]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("=1+1", "the cell holds a formula (=1+1)"),
        ('=HYPERLINK("http://example.com","x")', "the cell holds a formula"),
        ("maybe", "type TRUE or FALSE, not 'maybe'"),
        (7, "type TRUE or FALSE, not '7'"),
        (2.5, "type TRUE or FALSE, not '2.5'"),
    ],
)
def test_a_hostile_tick_gets_a_clear_note_and_changes_nothing(
    deal, exported, tmp_path, typed, says
):
    wb = load_workbook(exported)
    tick(wb, "p3", "c2").value = typed
    wb.save(tmp_path / "hostile.xlsx")
    before = dumps(deal)
    review = review_workbook(deal, tmp_path / "hostile.xlsx")
    (change,) = review.changes
    assert not change.ok and says in change.error
    assert change.line().startswith(
        "Package “Onboarding and named engineer”: Free onboarding for the Dallas depot: not read:"
    )
    assert "\n" not in change.line()
    assert dumps(apply_changes(deal, review.applicable)) == before


def test_ticks_of_a_deleted_package_or_concession_are_noted_not_read(deal, exported, tmp_path):
    edited = tmp_path / "ticks.xlsx"
    package_tick_edits(exported, edited)
    deal.packages = [p for p in deal.packages if p.id != "p3"]  # gone since the export
    review = review_workbook(deal, edited)
    assert [c.key for c in review.changes] == [
        "packages[p1].concessions[c4]",
        "packages[p2].concessions[c1]",
    ]
    wb = load_workbook(exported)
    del wb.defined_names["PackageTicks"]
    wb.save(tmp_path / "no-name.xlsx")
    review = review_workbook(load(SAMPLE), tmp_path / "no-name.xlsx")
    assert review.changes == []
    assert review.notes == ["the workbook has no cell named PackageTicks (deleted?): not read"]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice's soffice")
def test_package_ticks_survive_a_libreoffice_round_trip(deal, exported, tmp_path):
    edited = tmp_path / "ticks.xlsx"
    package_tick_edits(exported, edited)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(edited),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    review = review_workbook(deal, out / "ticks.xlsx")
    assert [c.line() for c in review.changes] == TICK_LINES
    assert review.notes == []
    after = apply_changes(deal, review.changes)
    assert after.packages[1].concessions == ["c2"]
    assert after.packages[2].concessions == ["c1", "c2", "c3"]
