"""The deal library: every `.deal` file in a folder, listed from a cached index (no Qt).

Each file is read once and remembered in an index in the user's cache folder, keyed by its
path and checked against its modification time and size; a later listing reads only the
files that changed. A file that cannot be read is listed as broken (or missing) with the
loader's one-line reason, and never stops the rest of the list.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from pathlib import Path

from worksheet import paths
from worksheet.domain.calibration import Calibration, Point, calibrate, point_from_values
from worksheet.domain.deal import Deal, money_text

log = logging.getLogger(__name__)

SUFFIX = ".deal"
INDEX_FORMAT = "deal-worksheet-library-index"
#: Bump when Entry gains or changes a field: an older index is then rebuilt, not misread.
INDEX_VERSION = 1

OK, BROKEN, MISSING = "ok", "broken", "missing"


@dataclass
class Entry:
    """One file of the library, as the list shows it."""

    path: str
    name: str
    state: str = OK  # ok | broken | missing
    problem: str = ""
    mtime_ns: int = 0
    size: int = 0
    title: str = ""
    counterpart: str = ""
    kind: str = ""
    role: str = ""
    currency: str = ""
    meeting_date: str = ""
    outcome: str = ""
    readiness_done: int = 0
    readiness_total: int = 0
    #: For calibration (spec §2.7), as the spec's amount text.
    low: str | None = None
    likely: str | None = None
    high: str | None = None
    price: str | None = None

    @property
    def display_title(self) -> str:
        return self.title or Path(self.name).stem

    def search_text(self) -> str:
        """What search-as-you-type looks in, lower-cased once."""
        return " ".join(
            (self.title, self.name, self.counterpart, self.kind, self.outcome, self.meeting_date)
        ).casefold()

    def point(self) -> Point | None:
        if self.state != OK or self.outcome != "agreed":
            return None
        money = lambda t: None if t is None else Decimal(t)  # noqa: E731
        return point_from_values(
            self.display_title,
            self.role,
            money(self.low),
            money(self.likely),
            money(self.high),
            money(self.price),
        )


@dataclass
class Listing:
    folder: Path
    entries: list[Entry]
    #: How many files were read this time (the rest came from the index).
    read: int = 0
    from_index: int = 0

    def calibration(self) -> Calibration:
        """Calibration over the listed deals, oldest meeting first (the chart shows the latest)."""
        ordered = sorted(self.entries, key=lambda e: (e.meeting_date or "9999", e.name))
        return calibrate(e.point() for e in ordered)


_ENTRY_FIELDS = {f.name for f in fields(Entry)}


def entry_from_deal(path: Path, deal: Deal, mtime_ns: int = 0, size: int = 0) -> Entry:
    from worksheet.domain.summary import summarize

    summary = summarize(deal)
    cp = deal.counterpart
    who = ", ".join(t for t in (cp.name.strip(), cp.organization.strip()) if t)
    e = deal.their_estimate
    o = deal.outcome
    return Entry(
        path=str(path),
        name=path.name,
        mtime_ns=mtime_ns,
        size=size,
        title=deal.title,
        counterpart=who,
        kind=deal.kind,
        role=deal.role,
        currency=deal.currency,
        meeting_date=deal.meeting.date,
        outcome=o.status,
        readiness_done=summary.readiness_done,
        readiness_total=len(summary.readiness),
        low=money_text(e.walk_away_low),
        likely=money_text(e.walk_away_likely),
        high=money_text(e.walk_away_high),
        price=money_text(o.price) if o.status == "agreed" else None,
    )


def read_entry(path: Path, mtime_ns: int = 0, size: int = 0) -> Entry:
    """Read one file into an entry; any failure becomes a broken (or missing) entry."""
    from worksheet.io import DealFileError, load

    try:
        deal = load(path)
    except DealFileError as exc:
        state = MISSING if not path.exists() else BROKEN
        return Entry(str(path), path.name, state, _one_line(str(exc)), mtime_ns, size)
    except Exception as exc:  # a file must never take the whole list down
        log.exception("library: could not read %s", path)
        return Entry(
            str(path), path.name, BROKEN, _one_line(f"could not be read ({exc})"), mtime_ns, size
        )
    return entry_from_deal(path, deal, mtime_ns, size)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def deal_files(folder: Path) -> Iterator[tuple[Path, os.stat_result | None]]:
    """Every `.deal` under `folder` (hidden folders skipped), with its stat (None: dangling)."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            items = list(os.scandir(current))
        except OSError:
            continue
        items.sort(key=lambda d: d.name)
        for item in items:
            if item.name.startswith("."):
                continue
            try:
                # Linked folders are not followed: a link back up the tree would never end.
                if item.is_dir(follow_symlinks=False):
                    stack.append(Path(item.path))
                    continue
            except OSError:
                continue
            if not item.name.lower().endswith(SUFFIX):
                continue
            try:
                st = item.stat()
            except OSError:
                st = None  # a link to nothing
            yield Path(item.path), st


def read_index(index_path: Path) -> dict[str, Entry]:
    """The cached entries by path; an unreadable or stale-format index is simply empty."""
    try:
        data = json.loads(index_path.read_bytes())
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != INDEX_FORMAT
        or data.get("version") != INDEX_VERSION
    ):
        return {}
    out: dict[str, Entry] = {}
    for raw in data.get("entries", []):
        if isinstance(raw, dict) and set(raw) == _ENTRY_FIELDS:
            try:
                entry = Entry(**raw)
            except TypeError:
                continue
            out[entry.path] = entry
    return out


def write_index(index_path: Path, entries: list[Entry]) -> None:
    data = {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "entries": [asdict(e) for e in entries],
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        index_path.parent.mkdir(parents=True, exist_ok=True)
        from worksheet.io.atomic import write_atomic

        write_atomic(index_path, payload)
    except OSError as exc:
        # Only a cache: the listing is still right, the next one is merely slower.
        log.warning("library: could not write the index %s: %s", index_path, exc)


def scan(
    folder: str | os.PathLike,
    *,
    index_path: Path | None = None,
    use_index: bool = True,
) -> Listing:
    """List every deal in `folder`, reading only files that changed since the index was made."""
    folder = Path(folder).absolute()  # index keys are absolute, whatever the caller passed
    index_path = index_path or paths.library_index_path()
    cached = read_index(index_path) if use_index else {}
    entries: list[Entry] = []
    read = reused = 0
    changed = False
    for path, st in deal_files(folder):
        key = str(path)
        if st is None:
            entries.append(Entry(key, path.name, MISSING, "the file it points to is missing"))
            changed = True
            continue
        old = cached.get(key)
        if old is not None and old.mtime_ns == st.st_mtime_ns and old.size == st.st_size:
            entries.append(old)
            reused += 1
            continue
        entries.append(read_entry(path, st.st_mtime_ns, st.st_size))
        read += 1
        changed = True
    # Keep other folders' entries, so switching folders back and forth stays quick; drop ours
    # that are gone from disk.
    ours = {e.path for e in entries}
    prefix = str(folder).rstrip(os.sep) + os.sep
    kept = [e for k, e in cached.items() if k not in ours and not k.startswith(prefix)]
    if changed or len(kept) + len(entries) != len(cached):
        write_index(index_path, [*kept, *entries])
    return Listing(folder, entries, read=read, from_index=reused)


def refresh_entry(listing: Listing, row: int) -> Entry:
    """Read one listed file again (say after it failed to open) and update the listing."""
    old = listing.entries[row]
    path = Path(old.path)
    try:
        st = path.stat()
    except OSError:
        entry = Entry(old.path, old.name, MISSING, "the file is no longer there")
    else:
        entry = read_entry(path, st.st_mtime_ns, st.st_size)
    listing.entries[row] = entry
    return entry
