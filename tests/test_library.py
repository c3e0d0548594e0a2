"""The deal library on a folder of 1,000 generated deals: listing, broken files, the index,
and calibration against a reference computed here from spec §2.7."""

from __future__ import annotations

import json
import os
import statistics
from fractions import Fraction
from pathlib import Path

import pytest

from tests.library_deals import make_folder
from worksheet import paths
from worksheet.library import BROKEN, MISSING, OK, scan


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("library")
    made = make_folder(root / "deals", 1000)
    return root / "deals", made


def test_every_file_listed_broken_ones_marked(folder, tmp_path):
    path, made = folder
    listing = scan(path, index_path=tmp_path / "index.json")
    assert len(listing.entries) == 1000
    by_path = {e.path: e for e in listing.entries}
    for broken in made["broken"]:
        assert by_path[broken].state == BROKEN and by_path[broken].problem
    assert {e.path for e in listing.entries if e.state != OK} == set(made["broken"])
    for old in made["old"]:
        e = by_path[old]
        assert e.state == OK and e.title.startswith("Old deal") and e.kind == "renewal"
    for huge in made["huge"]:
        assert by_path[huge].state == OK
    some, deal = next(iter(made["deals"].items()))
    e = by_path[some]
    assert (e.title, e.kind, e.meeting_date) == (deal.title, deal.kind, deal.meeting.date)
    assert e.counterpart == f"{deal.counterpart.name}, {deal.counterpart.organization}"
    assert listing.read == 1000 and listing.from_index == 0


def test_the_index_is_reused_and_refreshed_by_mtime_and_size(folder, tmp_path):
    path, made = folder
    index = tmp_path / "index.json"
    scan(path, index_path=index)
    assert json.loads(index.read_text())["format"] == "deal-worksheet-library-index"
    again = scan(path, index_path=index)
    assert again.read == 0 and again.from_index == 1000
    changed = Path(next(iter(made["deals"])))
    original = changed.read_bytes()
    try:
        changed.write_text(original.decode().replace('"title": "', '"title": "Renamed '))
        st = changed.stat()
        os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000))
        third = scan(path, index_path=index)
        assert third.read == 1
        assert next(e for e in third.entries if e.path == str(changed)).title.startswith("Renamed")
    finally:
        changed.write_bytes(original)


def test_a_dangling_link_is_missing_not_a_failure(tmp_path):
    (tmp_path / "gone.deal").symlink_to(tmp_path / "nowhere.deal")
    listing = scan(tmp_path, index_path=tmp_path / "i.json")
    assert [e.state for e in listing.entries] == [MISSING]


def test_a_broken_index_is_rebuilt(tmp_path):
    (tmp_path / "a.deal").write_text('{"format": "deal-worksheet", "version": 1, "title": "A"}')
    index = paths.library_index_path()
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text("{ nonsense")
    listing = scan(tmp_path)
    assert [e.title for e in listing.entries] == ["A"]
    assert json.loads(index.read_text())["entries"][0]["title"] == "A"


def reference(deals) -> dict:
    """Spec §2.7 computed independently, with fractions."""
    held = []
    for d in deals:
        o, e = d.outcome, d.their_estimate
        if o.status != "agreed" or o.price is None or e.walk_away_likely is None:
            continue
        low, mid, high, price = (
            Fraction(str(v))
            for v in (e.walk_away_low, e.walk_away_likely, e.walk_away_high, o.price)
        )
        held.append((d.role, low <= price <= high, (price - mid) / mid, price >= mid))
    sellers = [h for h in held if h[0] == "seller"]
    return {
        "agreed": len(held),
        "inside": sum(1 for h in held if h[1]),
        "median_error": statistics.median([h[2] for h in held]),
        "seller_reached": Fraction(sum(1 for h in sellers if h[3]), len(sellers)),
    }


def test_calibration_matches_the_spec(folder, tmp_path):
    path, made = folder
    cal = scan(path, index_path=tmp_path / "index.json").calibration()
    ref = reference(made["deals"].values())
    assert ref["agreed"] > 100
    assert cal.count == ref["agreed"]
    assert cal.inside == ref["inside"]
    assert Fraction(str(cal.median_error)) == pytest.approx(ref["median_error"], abs=1e-12)
    assert cal.seller_reached_likely == round(float(ref["seller_reached"]), 4)


def test_a_link_back_up_the_tree_is_not_followed(tmp_path):
    (tmp_path / "a.deal").write_text('{"format": "deal-worksheet", "version": 2, "title": "A"}')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    listing = scan(tmp_path, index_path=tmp_path / "i.json")
    assert [e.title for e in listing.entries] == ["A"]


def test_a_relative_folder_is_indexed_by_absolute_paths(tmp_path, monkeypatch):
    (tmp_path / "a.deal").write_text('{"format": "deal-worksheet", "version": 2, "title": "A"}')
    monkeypatch.chdir(tmp_path)
    listing = scan(".", index_path=tmp_path / "i.json")
    assert Path(listing.entries[0].path).is_absolute()
