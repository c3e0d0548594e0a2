"""Read a manager workbook this app exported back into a list of changes to the deal.

Only the typed values of known input cells are read, found by their defined names (see
`names`); formulas are never evaluated or copied, and every value goes through the same checks
as a `.deal` file. The file is checked before openpyxl sees it: size, zip bombs, XML entity
declarations. No Qt here: the window's review dialog and `deal-worksheet import-review` both
show the `Review` this returns.
"""

from __future__ import annotations

import copy
import io
import re
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from worksheet.domain.deal import TEXT_LIMIT, Deal
from worksheet.domain.signoff import BASIS_KEY, approval_basis, deal_id
from worksheet.export.xlsx.names import (
    CONCESSION_COLUMNS,
    CONCESSION_ID,
    DEAL_ID_PROPERTY,
    DISCREET_PROPERTY,
    MARK_PROPERTY,
    MARK_VERSION,
    MONEY_INPUTS,
    PACKAGE_ASK,
    PACKAGE_ID,
    PACKAGE_TICK_ID,
    PACKAGE_TICKS,
    SIGN_OFF_INPUTS,
)
from worksheet.export.xlsx.zone import LEFT_OUT
from worksheet.i18n import _
from worksheet.io.errors import DealFileError
from worksheet.present.numbers import format_money
from worksheet.present.packages import TICK_WORDS
from worksheet.present.signoff import DECISION_WORDS, decision_from_words, workbook_decisions

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
#: Members this small cannot make a bomb whatever their ratio (an empty sheet compresses 50:1).
RATIO_FLOOR_BYTES = 64 * 1024

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ENTITY_MARKS = (b"<!DOCTYPE", b"<!ENTITY")


class WorkbookRefused(ValueError):
    """The workbook cannot be read at all; `str()` is one clear line."""


@dataclass
class Change:
    """One input cell whose value differs from the deal's."""

    key: str  # stable: "anchors.walk_away", "concessions[c2].cost_to_us", "sign_off.decision"
    label: str
    old: str
    new: str
    #: Where the value goes in the deal: attribute names and list indexes.
    path: tuple[str | int, ...] = ()
    value: Any = None
    #: Non-empty: the cell's value was refused, with the field's message; cannot be applied.
    error: str = ""
    #: A concession's membership of a package (applied to the package, not one field).
    concession: int | None = None
    #: Which package, by index, for a tick on the Packages sheet; None: the active package.
    package: int | None = None

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if self.error:
            return f"{self.label}: not read: {self.error}"
        return f"{self.label}: {self.old} → {self.new}"

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "old": self.old,
            "new": self.new,
            "error": self.error or None,
        }


@dataclass
class Review:
    """What the workbook would change, and what could not be read (one sentence each)."""

    title: str
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The numbers the manager saw, recorded with an approval read from this workbook.
    basis: dict | None = None

    @property
    def applicable(self) -> list[Change]:
        return [c for c in self.changes if c.ok]


# ---------------------------------------------------------------------- the file itself


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise WorkbookRefused(f"{p.name}: this is a folder, not a workbook")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end: refuse before opening it.
            raise WorkbookRefused(f"{p.name}: not a regular file (a pipe or a device?)")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookRefused(
                f"{p.name}: the file is {size / 1024 / 1024:.1f} MiB; workbooks over 20 MiB "
                "are refused"
            )
        with p.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except WorkbookRefused:
        raise
    except FileNotFoundError:
        raise WorkbookRefused(f"{p.name}: no such file") from None
    except IsADirectoryError:
        raise WorkbookRefused(f"{p.name}: this is a folder, not a workbook") from None
    except PermissionError:
        raise WorkbookRefused(f"{p.name}: permission denied") from None
    except OSError as exc:
        raise WorkbookRefused(f"{p.name}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused(f"{p.name}: workbooks over 20 MiB are refused")
    return data


def check_archive(data: bytes) -> None:
    """Refuse what openpyxl should never unpack: not a zip, a zip bomb, XML with entities."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused("workbooks over 20 MiB are refused")
    if not data.startswith(b"PK"):
        raise WorkbookRefused("not an Excel workbook (.xlsx): the file is not a zip archive")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookRefused("not an Excel workbook (.xlsx): the zip archive is damaged") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise WorkbookRefused(f"refused: the archive holds {len(members):,} files")
        total = 0
        for info in members:
            total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise WorkbookRefused(
                    "refused as a zip bomb: its files would unpack to more than 200 MiB"
                )
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                raise WorkbookRefused(
                    f"refused as a zip bomb: {info.filename} is compressed {ratio:,} to 1 "
                    f"(more than {MAX_RATIO} to 1)"
                )
        for info in members:
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with archive.open(info) as fh:
                    text = fh.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                raise WorkbookRefused(
                    f"not an Excel workbook (.xlsx): {info.filename} cannot be unpacked"
                ) from None
            if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
                text = text.decode("utf-16", "replace").encode("utf-8")
            if any(mark in text for mark in _ENTITY_MARKS):
                raise WorkbookRefused(
                    f"refused: {info.filename} declares XML entities (a DOCTYPE), which "
                    "workbooks never need and attacks use"
                )


def open_workbook(data: bytes):
    check_archive(data)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # Extensions openpyxl does not know (slicers, sparklines) are dropped with a warning.
            warnings.simplefilter("ignore")
            # A full load: openpyxl's read-only mode re-reads a sheet for every named cell,
            # which costs more than parsing this small workbook once.
            return load_workbook(
                io.BytesIO(data), data_only=False, keep_links=False, keep_vba=False
            )
    except Exception as exc:  # openpyxl raises many kinds; none may crash the caller
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise WorkbookRefused(f"not a workbook this app can read ({reason})") from None


def _property(wb, name: str) -> str | None:
    for prop in getattr(wb, "custom_doc_props", None) or ():
        if getattr(prop, "name", None) == name:
            value = getattr(prop, "value", None)
            return None if value is None else str(value)
    return None


# ---------------------------------------------------------------------- reading cells


class _Cells:
    """Cells behind defined names, with one note per name that cannot be followed."""

    def __init__(self, wb, notes: list[str]) -> None:
        self.wb = wb
        self.notes = notes

    def _ranges(self, name: str):
        defined = self.wb.defined_names.get(name)
        if defined is None:
            self.notes.append(f"the workbook has no cell named {name} (deleted?): not read")
            return None
        try:
            destinations = list(defined.destinations)
        except Exception:
            destinations = []
        if len(destinations) != 1:
            self.notes.append(f"the name {name} does not point at one cell range: not read")
            return None
        sheet, ref = destinations[0]
        if sheet not in self.wb.sheetnames:
            self.notes.append(
                f"the name {name} points at a sheet “{sheet}” that is not in the workbook "
                "(renamed outside a spreadsheet app?): not read"
            )
            return None
        return self.wb[sheet], ref.replace("$", "")

    def one(self, name: str):
        found = self._ranges(name)
        if found is None:
            return None
        ws, ref = found
        if ":" in ref:
            self.notes.append(f"the name {name} should be one cell, not a range: not read")
            return None
        return ws[ref]

    def row(self, name: str) -> list | None:
        """The cells of a one-row range, left to right."""
        found = self._ranges(name)
        if found is None:
            return None
        ws, ref = found
        cells = ws[ref]
        if not isinstance(cells, tuple):
            return [cells]
        first = cells[0]
        return list(first) if isinstance(first, tuple) else list(cells)

    def column(self, name: str) -> list | None:
        found = self._ranges(name)
        if found is None:
            return None
        ws, ref = found
        cells = ws[ref]
        if not isinstance(cells, tuple):
            return [cells]
        return [row[0] if isinstance(row, tuple) else row for row in cells]


class CellRefused(ValueError):
    pass


def _raw(cell) -> Any:
    """A typed value, or CellRefused for a formula or an error; never evaluates anything."""
    if cell is None:
        return None
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        shown = value if isinstance(value, str) else "a formula"
        raise CellRefused(f"the cell holds a formula ({_clip(shown)}); only typed values are read")
    if cell.data_type == "e":
        raise CellRefused(f"the cell holds an error ({_clip(str(value))})")
    if not isinstance(value, (str, int, float, Decimal, bool, datetime, date, type(None))):
        raise CellRefused("the cell holds something other than a value")
    return value


def _money(cell, *, negative: bool = False) -> tuple[Decimal | None, bool]:
    """(amount, left_out): an amount per spec §1 from a cell; the field's message if not."""
    from worksheet.io.validate import parse_money

    value = _raw(cell)
    if isinstance(value, bool):
        raise CellRefused("must be an amount, not TRUE/FALSE")
    if isinstance(value, (datetime, date)):
        raise CellRefused("must be an amount, not a date")
    if isinstance(value, float):
        text = format(Decimal(repr(value)), "f")
    elif isinstance(value, (int, Decimal)):
        text = format(Decimal(value), "f")
    elif isinstance(value, str):
        text = value.strip()
        if text == LEFT_OUT:
            return None, True
        if not text:
            return None, False
    else:
        return None, False
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    try:
        return parse_money(text, allow_negative=negative), False
    except DealFileError as exc:
        raise CellRefused(exc.message) from None


def _text(cell) -> str:
    value = _raw(cell)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (datetime, date)):
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    # The exporter escaped a CR the file format cannot hold plainly.
    text = text.replace("_x000D_", "\r").replace("_x005F_", "_")
    if len(text) > TEXT_LIMIT:
        raise CellRefused(
            f"the text has {len(text):,} characters; at most {TEXT_LIMIT:,} are allowed"
        )
    return text


def _date(cell) -> str:
    value = _raw(cell)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _text(cell).strip()
    if not text:
        return ""
    valid = _DATE_RE.fullmatch(text) is not None
    if valid:
        try:
            date.fromisoformat(text)
        except ValueError:
            valid = False
    if not valid:
        raise CellRefused(
            f'not a date: {_clip(text)!r}; write it as "YYYY-MM-DD" or leave it empty'
        )
    return text


#: LibreOffice stores a typed TRUE or FALSE as these constant formulas; they are read as the
#: constants they are (matched as text, never evaluated).
_BOOLEAN_FORMULAS = {"=TRUE()": True, "=FALSE()": False, "=TRUE": True, "=FALSE": False}


def _flag(cell) -> bool:
    if cell is not None and isinstance(cell.value, str):
        constant = _BOOLEAN_FORMULAS.get(cell.value.strip().upper())
        if constant is not None:
            return constant
    value = _raw(cell)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().upper() in ("TRUE", "FALSE"):
        return value.strip().upper() == "TRUE"
    if value is None:
        return False
    raise CellRefused(f"type TRUE or FALSE, not {_clip(str(value))!r}")


def _clip(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# ---------------------------------------------------------------------- the review


def _get(deal: Deal, path: tuple) -> Any:
    obj: Any = deal
    for step in path:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    return obj


def _set(deal: Deal, path: tuple, value: Any) -> None:
    if path[:1] == ("extra",):
        if value is None:
            deal.extra.pop(path[1], None)
        else:
            deal.extra[path[1]] = value
        return
    parent = _get(deal, path[:-1])
    if isinstance(path[-1], int):
        parent[path[-1]] = value
    else:
        setattr(parent, path[-1], value)


def _money_words(amount: Decimal | None, currency: str) -> str:
    return "(blank)" if amount is None else format_money(amount, currency)


def _text_words(text: str) -> str:
    return f"“{_clip(text, 60)}”" if text.strip() else "(blank)"


def in_package(deal: Deal, index: int) -> bool:
    """Whether the concession at `index` is in the active package (the live zone's)."""
    return deal.in_active(deal.concessions[index])


def review_workbook(deal: Deal, path: str | Path) -> Review:
    """Every change the workbook would make to `deal`; WorkbookRefused for a file not to read."""
    return review_bytes(deal, read_bytes(path))


def review_bytes(deal: Deal, data: bytes) -> Review:
    wb = open_workbook(data)
    try:
        return _review(deal, wb)
    finally:
        wb.close()


def _review(deal: Deal, wb) -> Review:
    mark = _property(wb, MARK_PROPERTY)
    if mark is None:
        raise WorkbookRefused(
            "not a workbook exported by Deal Worksheet (it lacks the app's mark); only "
            "workbooks the app exported can be read back"
        )
    if mark != MARK_VERSION:
        raise WorkbookRefused(
            f"this workbook has layout version {_clip(mark)}; this app reads version "
            f"{MARK_VERSION}. Export it again from the app that made it"
        )
    theirs = _property(wb, DEAL_ID_PROPERTY)
    title = (wb.properties.title or "").strip()
    if theirs != deal_id(deal):
        mine = deal.title.strip() or "Untitled deal"
        raise WorkbookRefused(
            f"this workbook was made for another deal (“{_clip(title or '?')}”), not for "
            f"“{_clip(mine)}”"
        )
    if _property(wb, DISCREET_PROPERTY) == "1":
        raise WorkbookRefused(
            "this is a discreet copy, which leaves numbers out; read back the full manager "
            "workbook instead"
        )
    review = Review(title=title)
    cells = _Cells(wb, review.notes)
    currency = deal.currency
    left_out: list[str] = []

    def refused(key: str, label: str, old: str, path: tuple, exc: CellRefused) -> None:
        review.changes.append(Change(key, label, old, "", path=path, error=str(exc)))

    for name, path, english in MONEY_INPUTS:
        label = _(english)
        cell = cells.one(name)
        if cell is None:
            continue
        key = ".".join(path)
        old = _get(deal, path)
        try:
            new, hidden = _money(cell)
        except CellRefused as exc:
            refused(key, label, _money_words(old, currency), path, exc)
            continue
        if hidden:
            left_out.append(label)
            continue
        if new != old:
            review.changes.append(
                Change(
                    key,
                    label,
                    _money_words(old, currency),
                    _money_words(new, currency),
                    path=path,
                    value=new,
                )
            )

    _concessions(deal, cells, review, left_out)
    _package_asks(deal, cells, review)
    _package_ticks(deal, cells, review)

    for name, attr, english in SIGN_OFF_INPUTS:
        label = _(english)
        cell = cells.one(name)
        if cell is None:
            continue
        path = ("sign_off", attr)
        key = f"sign_off.{attr}"
        old = getattr(deal.sign_off, attr)
        try:
            if attr == "decision":
                typed = _text(cell)
                new = decision_from_words(typed)
                if new is None:
                    choices = ", ".join(workbook_decisions())
                    raise CellRefused(
                        f"unknown decision {_clip(typed)!r}; expected {choices} (or blank)"
                    )
            elif attr == "date":
                new = _date(cell)
            else:
                new = _text(cell)
        except CellRefused as exc:
            shown = DECISION_WORDS.get(old, old) if attr == "decision" else _text_words(old)
            refused(key, label, shown, path, exc)
            continue
        if new != old:
            if attr == "decision":
                old_words, new_words = DECISION_WORDS[old], DECISION_WORDS[new]
            else:
                old_words, new_words = _text_words(old), _text_words(new)
            review.changes.append(Change(key, label, old_words, new_words, path=path, value=new))

    if left_out:
        review.notes.append(
            _("left out of this discreet copy, so not read: {fields}").format(
                fields=", ".join(left_out)
            )
        )
    seen = _apply(deal, review.applicable)
    if seen.sign_off.decision == "approved":
        review.basis = approval_basis(seen)
    return review


def _concessions(deal: Deal, cells: _Cells, review: Review, left_out: list[str]) -> None:
    ids = cells.column(CONCESSION_ID)
    if ids is None:
        return
    index_of: dict[str, int] = {}
    for i, c in enumerate(deal.concessions):
        index_of[c.id or f"#{i}"] = i
    columns = {name: cells.column(name) for name, _attr, _words in CONCESSION_COLUMNS}
    for row, id_cell in enumerate(ids):
        try:
            ident = _text(id_cell).strip()
        except CellRefused:
            ident = ""
        if not ident:
            continue  # the empty row of a deal without concessions
        index = index_of.get(ident)
        if index is None:
            review.notes.append(
                f"row {getattr(id_cell, 'row', '?')} of the Concessions sheet is a concession no "
                "longer in the deal: not read"
            )
            continue
        concession = deal.concessions[index]
        name_words = _clip(concession.what, 40) or f"#{index + 1}"
        for name, attr, words in CONCESSION_COLUMNS:
            column = columns[name]
            if column is None or row >= len(column):
                continue
            cell = column[row]
            label = _(words).format(name=name_words)
            key = f"concessions[{ident}].{attr}"
            if attr == "in_package":
                old = in_package(deal, index)
                old_words = _("in") if old else _("out")
                try:
                    new = _flag(cell)
                    if new != old and deal.active() is None:
                        raise CellRefused(
                            _("the deal has no active package to put it in; choose one in the app")
                        )
                except CellRefused as exc:
                    review.changes.append(
                        Change(key, label, old_words, "", error=str(exc), concession=index)
                    )
                    continue
                if new != old:
                    review.changes.append(
                        Change(
                            key,
                            label,
                            old_words,
                            _("in") if new else _("out"),
                            value=new,
                            concession=index,
                        )
                    )
                continue
            path = ("concessions", index, attr)
            old = getattr(concession, attr)
            try:
                new, hidden = _money(cell)
            except CellRefused as exc:
                review.changes.append(
                    Change(key, label, _money_words(old, deal.currency), "", path, error=str(exc))
                )
                continue
            if hidden:
                if label not in left_out and attr == "cost_to_us":
                    left_out.append(_("concession costs"))
                continue
            if new != old:
                review.changes.append(
                    Change(
                        key,
                        label,
                        _money_words(old, deal.currency),
                        _money_words(new, deal.currency),
                        path,
                        value=new,
                    )
                )
    # One note for all concession costs, not one per row.
    seen: set[str] = set()
    left_out[:] = [x for x in left_out if not (x in seen or seen.add(x))]


def _package_asks(deal: Deal, cells: _Cells, review: Review) -> None:
    if not deal.packages:
        return
    ids = cells.row(PACKAGE_ID)
    asks = cells.row(PACKAGE_ASK)
    if ids is None or asks is None:
        return
    index_of = {p.id: i for i, p in enumerate(deal.packages)}
    for id_cell, ask_cell in zip(ids, asks, strict=False):
        try:
            ident = _text(id_cell).strip()
        except CellRefused:
            ident = ""
        if not ident:
            continue
        index = index_of.get(ident)
        if index is None:
            review.notes.append(
                f"column {getattr(id_cell, 'column_letter', '?')} of the Packages sheet is a "
                "package no longer in the deal: not read"
            )
            continue
        package = deal.packages[index]
        label = _("Package “{name}”: ask").format(name=_clip(package.name, 40) or package.id)
        key = f"packages[{ident}].ask"
        path = ("packages", index, "ask")
        old = _money_words(package.ask, deal.currency)
        try:
            new, hidden = _money(ask_cell)
        except CellRefused as exc:
            review.changes.append(Change(key, label, old, "", path, error=str(exc)))
            continue
        if not hidden and new != package.ask:
            review.changes.append(
                Change(key, label, old, _money_words(new, deal.currency), path, value=new)
            )


def _grid(cells: _Cells, name: str) -> list[list] | None:
    """The cells of a rectangular range, row by row."""
    found = cells._ranges(name)
    if found is None:
        return None
    ws, ref = found
    got = ws[ref]
    if not isinstance(got, tuple):
        return [[got]]
    return [list(row) if isinstance(row, tuple) else [row] for row in got]


def _package_ticks(deal: Deal, cells: _Cells, review: Review) -> None:
    """Every package's TRUE/FALSE ticks on the Packages sheet, each change listed once.

    The active package's ticks are also the Concessions sheet's In package column: a change
    read there already stands for the concession, so it is not listed twice.
    """
    if not deal.packages or not deal.concessions:
        return
    ids = cells.row(PACKAGE_ID)
    row_ids = cells.column(PACKAGE_TICK_ID)
    grid = _grid(cells, PACKAGE_TICKS)
    if ids is None or row_ids is None or grid is None:
        return
    package_of = {p.id: i for i, p in enumerate(deal.packages)}
    concession_of = {c.id: i for i, c in enumerate(deal.concessions) if c.id}
    active = deal.packages.index(deal.active()) if deal.active() is not None else None
    read_on_concessions = {
        c.concession for c in review.changes if c.concession is not None and c.package is None
    }
    found: list[tuple[int, int, Change]] = []  # (package index, row, change): sorted at the end
    columns: list[tuple[int, int]] = []  # (grid column, package index)
    for j, id_cell in enumerate(ids):
        try:
            ident = _text(id_cell).strip()
        except CellRefused:
            ident = ""
        if ident in package_of:
            columns.append((j, package_of[ident]))
    for r, id_cell in enumerate(row_ids):
        try:
            cid = _text(id_cell).strip()
        except CellRefused:
            cid = ""
        if not cid:
            continue
        index = concession_of.get(cid)
        if index is None:
            review.notes.append(
                f"row {getattr(id_cell, 'row', '?')} of the Packages sheet is a concession no "
                "longer in the deal: its ticks are not read"
            )
            continue
        if r >= len(grid):
            continue
        concession = deal.concessions[index]
        what = _clip(concession.what, 40) or f"#{index + 1}"
        for j, p_index in columns:
            if j >= len(grid[r]):
                continue
            if p_index == active and index in read_on_concessions:
                continue
            package = deal.packages[p_index]
            old = cid in package.concessions
            label = _("Package “{name}”: {concession}").format(
                name=_clip(package.name, 40) or package.id, concession=what
            )
            key = f"packages[{package.id}].concessions[{cid}]"
            cell = grid[r][j]
            try:
                new = _flag(cell)
            except CellRefused as exc:
                found.append(
                    (
                        p_index,
                        r,
                        Change(
                            key,
                            label,
                            TICK_WORDS[old],
                            "",
                            error=str(exc),
                            concession=index,
                            package=p_index,
                        ),
                    )
                )
                continue
            if new != old:
                found.append(
                    (
                        p_index,
                        r,
                        Change(
                            key,
                            label,
                            TICK_WORDS[old],
                            TICK_WORDS[new],
                            value=new,
                            concession=index,
                            package=p_index,
                        ),
                    )
                )
    # Package by package, in the sheet's order of concessions.
    review.changes.extend(change for _row, _col, change in sorted(found, key=lambda f: f[:2]))


# ---------------------------------------------------------------------- applying


def assignments(
    deal: Deal, accepted: list[Change], basis: dict | None = None
) -> list[tuple[tuple, Any]]:
    """The (path, value) writes that apply the accepted changes, in a stable order.

    Membership changes become one new concession list for the active package. With an
    approval among the accepted sign-off changes, the numbers the manager saw (`basis`) are
    recorded with it.
    """
    writes: list[tuple[tuple, Any]] = []
    #: package index -> concession index -> in it or not
    membership: dict[int, dict[int, bool]] = {}
    active = deal.active()
    for change in accepted:
        if not change.ok:
            continue
        if change.concession is not None:
            target = change.package
            if target is None:
                if active is None:
                    continue
                target = deal.packages.index(active)
            membership.setdefault(target, {})[change.concession] = bool(change.value)
        else:
            writes.append((change.path, change.value))
    order = {c.id: i for i, c in enumerate(deal.concessions)}
    for p_index in sorted(membership):
        members = list(deal.packages[p_index].concessions)
        for index, wanted in membership[p_index].items():
            cid = deal.concessions[index].id
            if wanted and cid not in members:
                members.append(cid)
            elif not wanted:
                members = [m for m in members if m != cid]
        members.sort(key=lambda m: order.get(m, len(order)))
        writes.append((("packages", p_index, "concessions"), members))
    signed = any(c.ok and c.key.startswith("sign_off.") and c.concession is None for c in accepted)
    decision = next(
        (c.value for c in accepted if c.ok and c.key == "sign_off.decision"),
        deal.sign_off.decision,
    )
    if signed and decision == "approved" and basis is not None:
        writes.append((("extra", BASIS_KEY), dict(basis)))
    elif signed and decision != "approved" and BASIS_KEY in deal.extra:
        writes.append((("extra", BASIS_KEY), None))
    return writes


def _apply(deal: Deal, accepted: list[Change], basis: dict | None = None) -> Deal:
    out = copy.deepcopy(deal)
    for path, value in assignments(deal, accepted, basis):
        _set(out, path, copy.deepcopy(value))
    return out


def apply_changes(deal: Deal, accepted: list[Change], basis: dict | None = None) -> Deal:
    """A new deal with the accepted changes, checked as a `.deal` file would be."""
    from worksheet.io import dumps, loads

    out = _apply(deal, accepted, basis)
    loads(dumps(out))  # raises DealFileError, naming the field, for anything a file would refuse
    return out
