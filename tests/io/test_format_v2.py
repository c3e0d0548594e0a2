"""Format version 2 (spec §1, §1.1–1.4): migration from version 1, the new keys, their checks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.io.strategies import deals
from tests.io.test_bad_files import refused
from worksheet.domain.deal import Deal, Package
from worksheet.domain.summary import summarize, summary_to_dict
from worksheet.io import load, save
from worksheet.io.document import dumps, loads

V1 = Path(__file__).parent / "v1"
V1_SAMPLES = sorted(V1.glob("*.deal"))

HEAD2 = '{"format": "deal-worksheet", "version": 2'


def doc2(fragment: str = "") -> bytes:
    return (HEAD2 + (", " + fragment if fragment else "") + "}").encode("utf-8")


# --------------------------------------------------------------------------- §1.4 migration


def _summary_without_packages(out: dict) -> dict:
    return {k: v for k, v in out.items() if k not in ("packages", "meso")}


@pytest.mark.parametrize("sample", V1_SAMPLES, ids=lambda p: p.name)
def test_version_1_sample_migrates_with_its_summary_unchanged(sample: Path) -> None:
    # The .summary.json beside each version 1 file was printed by the version 1 app.
    before = json.loads(sample.with_suffix(".summary.json").read_text(encoding="utf-8"))
    deal = load(sample)
    after = json.loads(json.dumps(summary_to_dict(deal, summarize(deal))))
    assert _summary_without_packages(after) == before
    raw = json.loads(sample.read_text(encoding="utf-8"))
    ticked = [f"c{i + 1}" for i, c in enumerate(raw["concessions"]) if c.get("in_package")]
    assert [c.id for c in deal.concessions] == [f"c{i + 1}" for i in range(len(raw["concessions"]))]
    assert {c.status for c in deal.concessions} == {"planned"}
    assert deal.packages == [Package(id="p1", name="Package 1", ask=None, concessions=ticked)]
    assert deal.active_package == "p1"
    # The migrated package has no ask, so it adds no warning (spec §1.4 step 3).
    assert after["meso"] is False and after["packages"][0]["net"] is None


@pytest.mark.parametrize("sample", V1_SAMPLES, ids=lambda p: p.name)
def test_version_1_file_is_saved_as_version_2(tmp_path: Path, sample: Path) -> None:
    deal = load(sample)
    target = tmp_path / sample.name
    save(deal, target)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["version"] == 2
    assert all("in_package" not in c for c in written["concessions"])
    assert written["active_package"] == "p1"
    assert load(target) == deal


def test_version_1_without_ticks_has_no_package() -> None:
    deal = loads(b'{"format": "deal-worksheet", "version": 1, "concessions": [{"what": "a"}, {}]}')
    assert [c.id for c in deal.concessions] == ["c1", "c2"]
    assert deal.packages == [] and deal.active_package is None


def test_version_1_ids_replace_whatever_the_old_file_had() -> None:
    # Version 1 had no ids; an "id" key there was unknown and is numbered like the others.
    deal = loads(
        b'{"format": "deal-worksheet", "version": 1, '
        b'"concessions": [{"id": "x", "in_package": true}]}'
    )
    assert deal.concessions[0].id == "c1" and deal.packages[0].concessions == ["c1"]


# Version 1 deals as dicts: the amounts of §2.1 and concessions with in_package ticks.
_price = st.none() | st.integers(0, 10**6).map(lambda n: str(Decimal(n) / 4))
_small = st.none() | st.integers(0, 20_000).map(str)
_v1_concession = st.fixed_dictionaries(
    {"cost_to_us": _small, "value_to_them": _small, "in_package": st.booleans()},
    optional={"what": st.text(max_size=5), "order": st.none() | st.integers(-5, 5)},
)
_v1_deals = st.fixed_dictionaries(
    {
        "format": st.just("deal-worksheet"),
        "version": st.just(1),
        "role": st.sampled_from(["seller", "buyer"]),
        "anchors": st.fixed_dictionaries(
            {"walk_away": _price, "target": _price, "opening": _price}
        ),
        "their_estimate": st.fixed_dictionaries(
            {"walk_away_low": _price, "walk_away_likely": _price, "walk_away_high": _price}
        ),
        "concessions": st.lists(_v1_concession, max_size=5),
        "fallbacks": st.lists(
            st.fixed_dictionaries({"kind": st.just("batna"), "value": _price}), max_size=2
        ),
    }
)


def _shifted(data: dict, seller: bool) -> Deal:
    """The version 1 meaning of the ticks, built without packages: the package's cost moves our
    walk-away and its value moves each of their guesses (spec §2.1 steps 4–6, unchanged)."""
    ticked = [c for c in data["concessions"] if c["in_package"]]
    cost = sum(Decimal(c["cost_to_us"] or 0) for c in ticked)
    value = sum(Decimal(c["value_to_them"] or 0) for c in ticked)
    plain = json.loads(json.dumps(data))
    plain["concessions"] = []
    deal = loads(json.dumps(plain))
    if deal.anchors.walk_away is not None:
        deal.anchors.walk_away += cost if seller else -cost
    est = deal.their_estimate
    for name in ("walk_away_low", "walk_away_likely", "walk_away_high"):
        if getattr(est, name) is not None:
            setattr(est, name, getattr(est, name) + (value if seller else -value))
    return deal


@settings(max_examples=150)
@given(_v1_deals)
def test_generated_version_1_deals_migrate_with_the_same_zone(data: dict) -> None:
    deal = loads(json.dumps(data))
    seller = data["role"] == "seller"
    got, ref = summarize(deal), summarize(_shifted(data, seller))
    assert (got.status, got.worst, got.likely, got.best, got.probability, got.gap) == (
        ref.status,
        ref.worst,
        ref.likely,
        ref.best,
        ref.probability,
        ref.gap,
    )
    ticked = [c for c in data["concessions"] if c["in_package"]]
    assert got.package_cost == sum(Decimal(c["cost_to_us"] or 0) for c in ticked)
    assert got.package_value == sum(Decimal(c["value_to_them"] or 0) for c in ticked)
    unknown = any(c["value_to_them"] is None for c in ticked)
    assert got.has_warning("concession_value_unknown") is unknown
    # The migrated package has no ask: no package warning, no MESO.
    assert not got.has_warning("package_ask_beyond_walk_away") and got.meso is False
    # And it saves as version 2 and opens again the same.
    assert loads(dumps(deal)) == deal


# --------------------------------------------------------------------------- round trip


@settings(max_examples=120)
@given(deals)
def test_version_2_round_trip(deal: Deal) -> None:
    assert loads(dumps(deal)) == deal


def test_full_version_2_file_keeps_every_new_key(tmp_path: Path) -> None:
    raw = doc2(
        '"concessions": [{"id": "net60", "what": "Net-60", "status": "offered"}, {"what": "b"}],'
        '"packages": [{"id": "A", "name": "Alpha", "ask": "120", "concessions": ["net60", "c1"],'
        ' "notes": "n"}],'
        '"active_package": "A",'
        '"offers": [{"by": "us", "amount": "125", "package": "A"}],'
        '"sign_off": {"by": "Ana", "role": "Head of sales", "decision": "approved",'
        ' "date": "2027-01-10", "comment": "ok", "limits": {"walk_away": "100",'
        ' "package_cost": "5000"}},'
        '"outcome": {"status": "agreed", "date": "2027-02-01", "price": "118", "package": "A",'
        ' "their_walk_away_at_least": "118", "review": [{"check": "traded", "kept": true}]}'
    )
    deal = loads(raw)
    # A concession without an id gets the first free one of c1, c2…
    assert [c.id for c in deal.concessions] == ["net60", "c1"]
    assert deal.concessions[0].status == "offered" and deal.concessions[1].status == "planned"
    assert deal.packages[0].concessions == ["net60", "c1"]
    assert deal.offers[0].package == "A" and deal.outcome.package == "A"
    assert deal.sign_off.limits.package_cost == Decimal(5000)
    assert deal.outcome.review[0].kept is True
    path = tmp_path / "v2.deal"
    save(deal, path)
    assert load(path) == deal


def test_missing_ids_skip_ids_in_use() -> None:
    deal = loads(doc2('"concessions": [{}, {"id": "c1"}, {}, {"id": "c3"}, {}]'))
    assert [c.id for c in deal.concessions] == ["c2", "c1", "c4", "c3", "c5"]


# --------------------------------------------------------------------------- bad version 2 files


BAD_V2 = [
    (
        "package-names-missing-concession",
        '"concessions": [{"id": "a"}], "packages": [{"id": "p", "concessions": ["a", "zz"]}]',
        "packages[0].concessions[1]",
        "no concession with id 'zz'",
    ),
    (
        "duplicate-concession-id",
        '"concessions": [{"id": "a"}, {"id": "b"}, {"id": "a"}]',
        "concessions[2].id",
        "duplicate id 'a'",
    ),
    (
        "duplicate-package-id",
        '"packages": [{"id": "p"}, {"id": "p"}]',
        "packages[1].id",
        "duplicate id 'p'",
    ),
    (
        "active-package-missing",
        '"packages": [{"id": "p1"}], "active_package": "p2"',
        "active_package",
        "no package with id 'p2'",
    ),
    (
        "offer-names-missing-package",
        '"offers": [{"by": "us", "package": "p9"}]',
        "offers[0].package",
        "no package with id 'p9'",
    ),
    (
        "outcome-names-missing-package",
        '"outcome": {"package": "x"}',
        "outcome.package",
        "no package",
    ),
    (
        "concession-status",
        '"concessions": [{"status": "sold"}]',
        "concessions[0].status",
        "unknown value 'sold'",
    ),
    ("decision", '"sign_off": {"decision": "ok"}', "sign_off.decision", "unknown value 'ok'"),
    ("outcome-status", '"outcome": {"status": "won"}', "outcome.status", "unknown value"),
    ("id-number", '"concessions": [{"id": 7}]', "concessions[0].id", "an id must be text"),
    (
        "id-too-long",
        '"concessions": [{"id": "' + "x" * 65 + '"}]',
        "concessions[0].id",
        "at most 64",
    ),
    (
        "package-id-null-member",
        '"packages": [{"concessions": [null]}]',
        "packages[0].concessions[0]",
        "not null",
    ),
    (
        "limit-negative",
        '"sign_off": {"limits": {"walk_away": "-5"}}',
        "sign_off.limits.walk_away",
        "negative",
    ),
    (
        "limit-text",
        '"sign_off": {"limits": {"package_cost": "lots"}}',
        "sign_off.limits.package_cost",
        "not a plain decimal",
    ),
    ("limits-not-object", '"sign_off": {"limits": []}', "sign_off.limits", "must be an object"),
    ("sign-off-date", '"sign_off": {"date": "10/01/2027"}', "sign_off.date", "not a date"),
    (
        "review-kept",
        '"outcome": {"review": [{"kept": "yes"}]}',
        "outcome.review[0].kept",
        "true or false",
    ),
    ("package-ask", '"packages": [{"ask": 1e5}]', "packages[0].ask", "exponents"),
    ("packages-not-list", '"packages": {}', "packages", "must be a list"),
    ("active-package-number", '"active_package": 1', "active_package", "must be text"),
]


@pytest.mark.parametrize(
    ("fragment", "where", "phrase"), [b[1:] for b in BAD_V2], ids=[b[0] for b in BAD_V2]
)
def test_bad_version_2_file_refused_with_one_clear_line(
    tmp_path: Path, fragment: str, where: str, phrase: str
) -> None:
    error = refused(tmp_path, doc2(fragment), where, phrase)
    assert "\n" not in str(error)


def test_version_3_is_refused_as_newer(tmp_path: Path) -> None:
    refused(tmp_path, b'{"format": "deal-worksheet", "version": 3}', "version", "newer version")
