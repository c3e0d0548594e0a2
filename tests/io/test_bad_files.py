"""A corpus of bad `.deal` files: each is refused with a message naming what and where, and
nothing on disk changes. Then the good files the loader must read exactly (spec §1)."""

from __future__ import annotations

import functools
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from worksheet.domain.deal import Deal
from worksheet.io import DealFileError, document, dumps, load, loads, save, validate
from worksheet.io.migrations import migrate

HEAD = '{"format": "deal-worksheet", "version": 1'


def doc(fragment: str = "") -> bytes:
    """A version-1 file with `fragment` (raw JSON members) added after the required keys."""
    return (HEAD + (", " + fragment if fragment else "") + "}").encode("utf-8")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.iterdir())
    }


def refused(tmp_path: Path, raw: bytes, where: str, phrase: str) -> DealFileError:
    """Load `raw` from a real file; check the message and that the folder is untouched."""
    folder = tmp_path / "deals"
    folder.mkdir(exist_ok=True)
    path = folder / "bad.deal"
    path.write_bytes(raw)
    before = snapshot(folder)
    with pytest.raises(DealFileError) as info:
        load(path)
    exc = info.value
    assert exc.where == where
    assert phrase.lower() in exc.message.lower(), exc.message
    assert str(path) in str(exc)  # the file is named …
    if where:
        assert f": {where}: " in str(exc)  # … and so is the place inside it
    assert "\n" not in str(exc)  # one line, fit for a dialog or a terminal
    assert snapshot(folder) == before
    return exc


SAMPLE = (SAMPLES / "software-renewal.deal").read_text(encoding="utf-8")

# --------------------------------------------------------------------------- the whole file

WHOLE_FILE = [
    ("empty", b"", "empty"),
    ("whitespace", b" \n\t\r\n ", "blank space"),
    ("truncated", SAMPLE.encode("utf-8")[: len(SAMPLE) // 2], "truncated"),
    ("truncated-in-number", doc()[:-1] + b', "x": 12', "truncated"),
    ("not-json", b"title: Acme renewal\n", "not valid JSON"),
    ("two-objects", doc() + b" {}", "not valid JSON"),
    ("latin-1", doc('"title": "Café"').replace("é".encode(), b"\xe9"), "not UTF-8"),
    ("utf-16-bom", SAMPLE.encode("utf-16"), "UTF-16"),
    ("utf-16-le", SAMPLE.encode("utf-16-le"), "UTF-16"),
    ("utf-16-be", SAMPLE.encode("utf-16-be"), "UTF-16"),
    ("array", b'[{"format": "deal-worksheet", "version": 1}]', "not a list"),
    ("bare-string", b'"deal-worksheet"', "not text"),
    ("number", b"1", "not a number"),
    ("null", b"null", "not null"),
    ("deep-array", b"[" * 200_000 + b"]" * 200_000, "nested far too deeply"),
    ("deep-object", b'{"a":' * 200_000 + b"1" + b"}" * 200_000, "nested far too deeply"),
    ("deep-unknown-key", doc('"x": ' + "[" * 200_000 + "]" * 200_000), "nested far too deeply"),
]


@pytest.mark.parametrize(
    ("raw", "phrase"), [c[1:] for c in WHOLE_FILE], ids=[c[0] for c in WHOLE_FILE]
)
def test_whole_file_refused(tmp_path: Path, raw: bytes, phrase: str) -> None:
    refused(tmp_path, raw, "", phrase)


def test_invalid_utf8_names_the_offset(tmp_path: Path) -> None:
    raw = doc('"title": "Café"').replace("é".encode(), b"\xe9")
    exc = refused(tmp_path, raw, "", "not UTF-8")
    offset = raw.index(b"\xe9")
    assert f"offset {offset}" in exc.message


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    raw = b'{\n  "format": "deal-worksheet",\n  "version": 1,,\n}'
    exc = refused(tmp_path, raw, "", "not valid JSON")
    assert "line 3" in exc.message and "column" in exc.message


# --------------------------------------------------------------------------- format and version

HEADER = [
    ("format-missing", b'{"version": 1}', "format", '"format" is missing'),
    ("format-wrong", b'{"format": "deal-sheet", "version": 1}', "format", "must be"),
    ("format-number", b'{"format": 1, "version": 1}', "format", "not a deal file"),
    ("version-missing", b'{"format": "deal-worksheet"}', "version", "missing"),
    ("version-null", b'{"format": "deal-worksheet", "version": null}', "version", "missing"),
    ("version-text", b'{"format": "deal-worksheet", "version": "1"}', "version", "not text"),
    ("version-float", b'{"format": "deal-worksheet", "version": 1.0}', "version", "whole number"),
    ("version-exp", b'{"format": "deal-worksheet", "version": 1e0}', "version", "whole number"),
    ("version-bool", b'{"format": "deal-worksheet", "version": true}', "version", "true/false"),
    ("version-newer", b'{"format": "deal-worksheet", "version": 3}', "version", "newer version"),
    (
        "version-huge",
        b'{"format": "deal-worksheet", "version": 99999999999999999999999}',
        "version",
        "newer version",
    ),
    ("version-zero", b'{"format": "deal-worksheet", "version": 0}', "version", "unknown format"),
    ("version-negative", b'{"format": "deal-worksheet", "version": -1}', "version", "unknown"),
]


@pytest.mark.parametrize(
    ("raw", "where", "phrase"), [c[1:] for c in HEADER], ids=[c[0] for c in HEADER]
)
def test_header_refused(tmp_path: Path, raw: bytes, where: str, phrase: str) -> None:
    refused(tmp_path, raw, where, phrase)


# --------------------------------------------------------------------------- amounts

AMOUNTS = [
    ('"anchors": {"target": NaN}', "anchors.target", "NaN is not allowed"),
    ('"anchors": {"target": Infinity}', "anchors.target", "Infinity is not allowed"),
    ('"anchors": {"opening": -Infinity}', "anchors.opening", "-Infinity is not allowed"),
    ('"anchors": {"target": 1e5}', "anchors.target", "exponents are not allowed"),
    ('"anchors": {"target": 1.5E+3}', "anchors.target", "exponents are not allowed"),
    ('"anchors": {"target": "1e5"}', "anchors.target", "exponents are not allowed"),
    ('"anchors": {"walk_away": "abc"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "92,000"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "$5"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": " 5"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "+5"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "5."}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": ".5"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "NaN"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": "١٢٣"}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"walk_away": ""}', "anchors.walk_away", "not a plain decimal amount"),
    ('"anchors": {"target": "1.23456"}', "anchors.target", "at most 4 decimal places"),
    ('"anchors": {"target": 1.23456}', "anchors.target", "at most 4 decimal places"),
    ('"anchors": {"walk_away": "-1"}', "anchors.walk_away", "must not be negative"),
    ('"anchors": {"walk_away": -0.5}', "anchors.walk_away", "must not be negative"),
    (
        '"their_estimate": {"walk_away_low": "-100"}',
        "their_estimate.walk_away_low",
        "must not be negative",
    ),
    ('"offers": [{"amount": "-1"}]', "offers[0].amount", "must not be negative"),
    (
        '"concessions": [{}, {}, {}, {"cost_to_us": -5}]',
        "concessions[3].cost_to_us",
        "must not be negative",
    ),
    ('"anchors": {"target": "1000000000000"}', "anchors.target", "out of range"),
    ('"anchors": {"target": 1000000000000}', "anchors.target", "out of range"),
    ('"anchors": {"target": "999999999999.99999"}', "anchors.target", "decimal places"),
    ('"fallbacks": [{"value": "-1000000000000"}]', "fallbacks[0].value", "out of range"),
    ('"anchors": {"target": true}', "anchors.target", "not true/false"),
    ('"anchors": {"target": false}', "anchors.target", "not true/false"),
    ('"anchors": {"target": [1]}', "anchors.target", "not a list"),
    ('"anchors": {"target": {"amount": 1}}', "anchors.target", "not an object"),
    ('"fallbacks": [{"value": "-abc"}]', "fallbacks[0].value", "not a plain decimal amount"),
]


@pytest.mark.parametrize(("fragment", "where", "phrase"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_bad_amounts_refused(tmp_path: Path, fragment: str, where: str, phrase: str) -> None:
    refused(tmp_path, doc(fragment), where, phrase)


def test_a_huge_amount_is_clipped_in_the_message(tmp_path: Path) -> None:
    exc = refused(
        tmp_path,
        doc('"anchors": {"target": "' + "9" * 50_000 + '"}'),
        "anchors.target",
        "out of range",
    )
    assert len(str(exc)) < 300


# --------------------------------------------------------------------------- sizes

LONG = "x" * 20_001


@pytest.mark.parametrize(
    ("fragment", "where"),
    [
        (f'"title": "{LONG}"', "title"),
        (f'"counterpart": {{"notes": "{LONG}"}}', "counterpart.notes"),
        (f'"listening": {{"questions": ["ok", "{LONG}"]}}', "listening.questions[1]"),
        (f'"concessions": [{{"ask_in_return": "{LONG}"}}]', "concessions[0].ask_in_return"),
    ],
)
def test_text_over_20000_characters_refused(tmp_path: Path, fragment: str, where: str) -> None:
    refused(tmp_path, doc(fragment), where, "20,001 characters")


def test_text_limit_counts_characters_not_bytes() -> None:
    # 20,000 emoji are 80,000 bytes of UTF-8 but 20,000 characters: allowed.
    deal = loads(doc('"notes": "' + "😀" * 20_000 + '"'))
    assert len(deal.notes) == 20_000


@pytest.mark.parametrize(
    ("fragment", "where"),
    [
        ('"concessions": [' + ", ".join(["{}"] * 10_001) + "]", "concessions"),
        ('"offers": [' + ", ".join(["{}"] * 10_001) + "]", "offers"),
        ('"listening": {"questions": [' + ", ".join(['""'] * 10_001) + "]}", "listening.questions"),
        ('"listening": {"interests": [' + ", ".join(["{}"] * 10_001) + "]}", "listening.interests"),
    ],
)
def test_list_over_10000_items_refused(tmp_path: Path, fragment: str, where: str) -> None:
    refused(tmp_path, doc(fragment), where, "10,001 items")


def test_limits_themselves_are_allowed() -> None:
    deal = loads(
        doc(
            '"title": "' + "x" * 20_000 + '", '
            '"fallbacks": [' + ", ".join(['{"value": "-999999999999.9999"}'] * 10_000) + "], "
            '"anchors": {"target": "999999999999.9999"}'
        )
    )
    assert len(deal.title) == 20_000
    assert len(deal.fallbacks) == 10_000
    assert deal.fallbacks[-1].value == Decimal("-999999999999.9999")
    assert deal.anchors.target == Decimal("999999999999.9999")


def test_file_over_10_mib_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    # Valid JSON, so only the size check can refuse it; the parser must never see it.
    raw = doc('"pad": "' + " " * document.MAX_FILE_BYTES + '"')
    monkeypatch.setattr(document, "parse_json", _must_not_parse)
    exc = refused(tmp_path, raw, "", "over 10 MiB")
    assert "10.0 MiB" in exc.message


def test_text_over_10_mib_refused_by_loads_too() -> None:
    raw = doc('"pad": "' + " " * document.MAX_FILE_BYTES + '"')
    with pytest.raises(DealFileError, match="over 10 MiB"):
        loads(raw)


def _must_not_parse(raw: bytes | str) -> None:
    raise AssertionError("a file over the limit reached the JSON parser")


def test_file_of_exactly_10_mib_is_read(tmp_path: Path) -> None:
    head, tail = HEAD + ', "pad": "', '"}'
    pad = document.MAX_FILE_BYTES - len(head) - len(tail)
    path = tmp_path / "big.deal"
    path.write_text(head + " " * pad + tail, encoding="utf-8")
    assert path.stat().st_size == document.MAX_FILE_BYTES
    assert len(load(path).extra["pad"]) == pad


# --------------------------------------------------------------------------- wrong types

TYPES = [
    # text fields
    ('"title": 5', "title", "must be text, not a number"),
    ('"title": ["a"]', "title", "must be text, not a list"),
    ('"notes": {"a": 1}', "notes", "must be text, not an object"),
    ('"price_unit": true', "price_unit", "must be text, not true/false"),
    ('"vision": {"goal": 1}', "vision.goal", "must be text, not a number"),
    ('"their_estimate": {"source": []}', "their_estimate.source", "must be text, not a list"),
    ('"listening": {"questions": [5]}', "listening.questions[0]", "must be text, not a number"),
    ('"meeting": {"date": 20260101}', "meeting.date", "must be text, not a number"),
    ('"offers": [{"at": false}]', "offers[0].at", "must be text, not true/false"),
    # enum fields
    ('"kind": 1', "kind", "must be text, not a number"),
    ('"role": ["seller"]', "role", "must be text, not a list"),
    ('"fallbacks": [{"kind": {}}]', "fallbacks[0].kind", "must be text, not an object"),
    ('"currency": 840', "currency", "must be text, not a number"),
    # objects
    ('"counterpart": "Dana"', "counterpart", "must be an object, not text"),
    ('"meeting": []', "meeting", "must be an object, not a list"),
    ('"anchors": 5', "anchors", "must be an object, not a number"),
    ('"listening": true', "listening", "must be an object, not true/false"),
    # lists and their items
    ('"concessions": {}', "concessions", "must be a list, not an object"),
    ('"fallbacks": "none"', "fallbacks", "must be a list, not text"),
    ('"offers": 3', "offers", "must be a list, not a number"),
    ('"listening": {"objections": true}', "listening.objections", "must be a list, not true"),
    ('"concessions": ["cheap"]', "concessions[0]", "must be an object, not text"),
    ('"fallbacks": [{}, []]', "fallbacks[1]", "must be an object, not a list"),
    ('"listening": {"interests": [null]}', "listening.interests[0]", "must be an object, not null"),
    # booleans
    (
        '"concessions": [{"in_package": "yes"}]',
        "concessions[0].in_package",
        "true or false, not text",
    ),
    (
        '"concessions": [{"in_package": 1}]',
        "concessions[0].in_package",
        "true or false, not a number",
    ),
    (
        '"concessions": [{"in_package": []}]',
        "concessions[0].in_package",
        "true or false, not a list",
    ),
    # integers
    ('"concessions": [{"order": "1"}]', "concessions[0].order", "whole number, not text"),
    ('"concessions": [{"order": 1.5}]', "concessions[0].order", "whole number, not 1.5"),
    ('"concessions": [{"order": true}]', "concessions[0].order", "whole number, not true/false"),
    ('"concessions": [{"order": {}}]', "concessions[0].order", "whole number, not an object"),
    ('"concessions": [{"order": 1e3}]', "concessions[0].order", "whole number"),
    ('"concessions": [{"order": 10000000000000}]', "concessions[0].order", "too large"),
    # NaN and Infinity are named where they sit, whatever the field
    ('"title": NaN', "title", "must be text, not NaN"),
    ('"concessions": [{"in_package": Infinity}]', "concessions[0].in_package", "not Infinity"),
    ('"x_future": [1, {"a": -Infinity}]', "x_future", "-Infinity is not allowed"),
]


@pytest.mark.parametrize(
    ("fragment", "where", "phrase"), TYPES, ids=[t[1] + ":" + t[2] for t in TYPES]
)
def test_wrong_types_refused(tmp_path: Path, fragment: str, where: str, phrase: str) -> None:
    refused(tmp_path, doc(fragment), where, phrase)


# --------------------------------------------------------------------------- enums, codes, dates

ENUMS = [
    ('"kind": "auction"', "kind", "auction"),
    ('"kind": "Sale"', "kind", "Sale"),  # case matters
    ('"role": "broker"', "role", "broker"),
    ('"fallbacks": [{"kind": "plan_b"}]', "fallbacks[0].kind", "plan_b"),
    ('"listening": {"interests": [{"party": "both"}]}', "listening.interests[0].party", "both"),
    ('"offers": [{"by": "mediator"}]', "offers[0].by", "mediator"),
]


@pytest.mark.parametrize(("fragment", "where", "value"), ENUMS, ids=[e[1] for e in ENUMS])
def test_unknown_enum_values_refused(tmp_path: Path, fragment: str, where: str, value: str) -> None:
    exc = refused(tmp_path, doc(fragment), where, "unknown value")
    assert repr(value) in exc.message
    assert "expected one of" in exc.message


@pytest.mark.parametrize("code", ["usd", "US", "EURO", "€", "U$D", "", " USD"])
def test_invalid_currency_refused(tmp_path: Path, code: str) -> None:
    exc = refused(tmp_path, doc(f'"currency": {json.dumps(code)}'), "currency", "currency code")
    assert "three capital letters" in exc.message


@pytest.mark.parametrize(
    "value", ["2026-02-30", "26-1-1", "2026-1-01", "2026/01/14", "tomorrow", "2026-01-14T10:00"]
)
def test_invalid_meeting_date_refused(tmp_path: Path, value: str) -> None:
    exc = refused(tmp_path, doc(f'"meeting": {{"date": "{value}"}}'), "meeting.date", "not a date")
    assert "YYYY-MM-DD" in exc.message


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2026-11-26T25:00",
        "2026-13-01T10:00",
        "26-11-26T10:00",
        "2026-11-26T10:00+99:00",
        "2026-02-30T10:00",
    ],
)
def test_invalid_offer_datetime_refused(tmp_path: Path, value: str) -> None:
    fragment = f'"offers": [{{"at": "2026-11-26T10:00"}}, {{"at": "{value}"}}]'
    refused(tmp_path, doc(fragment), "offers[1].at", "not an ISO 8601 date-time")


# --------------------------------------------------------------------------- the file itself


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DealFileError, match="folder, not a deal file"):
        load(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DealFileError, match="no such file"):
        load(tmp_path / "nowhere.deal")
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    with pytest.raises(DealFileError, match="part of the path is a file"):
        load(tmp_path / "plain" / "x.deal")


def test_unreadable_file(tmp_path: Path, monkeypatch) -> None:
    # Tests run as root, which chmod 000 does not stop: make `open` fail the way it would.
    path = tmp_path / "locked.deal"
    path.write_bytes(doc())

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(DealFileError) as info:
        load(path)
    assert "permission denied" in str(info.value)
    assert str(path) in str(info.value)


def test_read_error_from_the_device() -> None:
    # A real read failure: /proc/self/mem opens, then reading at offset 0 fails with EIO.
    if not Path("/proc/self/mem").exists():
        pytest.fail("this test expects Linux /proc")
    with pytest.raises(DealFileError, match="cannot read the file"):
        load("/proc/self/mem")


# --------------------------------------------------------------------------- good files


def test_json_number_amounts_are_read_exactly() -> None:
    deal = loads(
        doc(
            '"anchors": {"target": 0.1, "opening": 92000.5, "walk_away": 999999999999.9999}, '
            '"fallbacks": [{"value": -0.0001}]'
        )
    )
    assert str(deal.anchors.target) == "0.1"  # not 0.1000000000000000055511151231257827
    assert deal.anchors.target == Decimal("0.1")
    assert deal.anchors.opening == Decimal("92000.5")
    assert deal.anchors.walk_away == Decimal("999999999999.9999")
    assert deal.fallbacks[0].value == Decimal("-0.0001")


def test_negative_amounts_allowed_in_fallback_values() -> None:
    deal = loads(doc('"fallbacks": [{"kind": "batna", "value": "-2500.75"}, {"value": -3}]'))
    assert [f.value for f in deal.fallbacks] == [Decimal("-2500.75"), Decimal(-3)]


def test_utf8_bom_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.deal"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert load(path) == load(SAMPLES / "software-renewal.deal")
    assert loads("\ufeff" + SAMPLE) == load(path)


def test_missing_keys_mean_empty() -> None:
    assert loads(doc()) == Deal()


def test_null_keys_mean_empty() -> None:
    keys = [k for k in document.KNOWN_KEYS if k not in ("format", "version")]
    assert loads(doc(", ".join(f'"{k}": null' for k in keys))) == Deal()
    nested = (
        '"anchors": {"target": null}, "counterpart": {"name": null}, '
        '"concessions": [{"what": null, "in_package": null, "order": null}]'
    )
    deal = loads(doc(nested))
    assert deal.anchors.target is None and deal.counterpart.name == ""
    assert deal.concessions[0].what == "" and deal.packages == [] and deal.active_package is None


def test_good_dates_and_times() -> None:
    deal = loads(
        doc(
            '"meeting": {"date": "2028-02-29"}, "offers": ['
            '{"at": "2026-11-26T14:30"}, {"at": "2026-11-26T14:30:05Z"}, '
            '{"at": "2026-11-26T14:30:05.123+05:30"}, {"at": "2026-11-26"}, {"at": ""}]'
        )
    )
    assert deal.meeting.date == "2028-02-29"  # a leap day
    assert [o.at for o in deal.offers][1] == "2026-11-26T14:30:05Z"


UNKNOWN = (
    '"x_future": {"rate": 1.25, "big": 123456789012345678901234567890, "tiny": 1E-7, '
    '"neg": -0.0, "list": [1, "two", null, true, {"deep": [2.50]}]}, '
    '"x_note": "kept \\u00e9 \\ud800", "x_count": 7'
)


def test_unknown_top_level_keys_survive_load_and_save(tmp_path: Path) -> None:
    source = doc(UNKNOWN)
    path = tmp_path / "future.deal"
    save(loads(source), path)
    saved = path.read_text(encoding="utf-8")
    # Equivalent JSON: every number compared exactly, as Decimal.
    exact = functools.partial(json.loads, parse_float=Decimal, parse_int=Decimal)
    original, written = exact(source), exact(saved)
    for key in ("x_future", "x_note", "x_count"):
        assert written[key] == original[key]
    # The digits themselves are written back, not a float's idea of them.
    for digits in ("1.25", "123456789012345678901234567890", "2.50", "-0.0"):
        assert digits in saved
    assert "\\ud800" in saved  # the lone surrogate is escaped, so the file stays UTF-8
    # Unknown keys come last, after the spec's keys, in their original order.
    assert list(written)[-3:] == ["x_future", "x_note", "x_count"]
    assert load(path) == loads(source)


def test_unknown_keys_only_at_top_level() -> None:
    # Spec: unknown TOP-level keys are kept; inside known objects they are dropped.
    deal = loads(doc('"anchors": {"target": "1", "x_new": 5}'))
    assert "x_new" not in dumps(deal)


def test_unknown_key_nested_too_deep_is_refused(tmp_path: Path) -> None:
    raw = doc('"x": ' + "[" * 300 + "]" * 300)
    exc = refused(tmp_path, raw, "x", "nested more than")
    assert len(exc.message) < 100


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.deal")), ids=lambda p: p.name)
def test_samples_load_and_write_back_byte_for_byte(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    assert dumps(loads(text)) == text


# --------------------------------------------------------------------------- migrations


def _v0_to_v1(data: dict) -> dict:
    """A made-up version 0 that called the title "name" and kept amounts in cents."""
    data["title"] = data.pop("name")
    data["anchors"] = {"target": str(Decimal(data.pop("target_cents")) / 100)}
    return data


def _v1_to_v2(data: dict) -> dict:
    data.setdefault("notes", "")
    data["notes"] += " (seen by v2)"
    return data


def test_migrate_with_a_custom_table() -> None:
    old = {"format": "deal-worksheet", "version": 0, "name": "Old deal", "target_cents": 12345}
    new = migrate(dict(old), 0, steps={0: _v0_to_v1}, target=1)
    assert new["version"] == 1
    assert new["title"] == "Old deal"
    assert new["anchors"] == {"target": "123.45"}
    assert "name" not in new
    assert document.deal_from_dict(new).anchors.target == Decimal("123.45")


def test_migrate_runs_every_step_in_order() -> None:
    calls: list[int] = []

    def step(n: int):
        def run(data: dict) -> dict:
            calls.append(n)
            return data

        return run

    out = migrate({"version": 0}, 0, steps={0: step(0), 1: step(1), 2: step(2)}, target=3)
    assert calls == [0, 1, 2]
    assert out["version"] == 3


def test_migrate_without_a_step_says_so() -> None:
    with pytest.raises(LookupError, match="version 1"):
        migrate({}, 0, steps={0: lambda data: data}, target=2)


def test_current_version_needs_no_step() -> None:
    data = {"format": "deal-worksheet", "version": 2, "title": "t"}
    assert migrate(dict(data), 2) == data


def test_loader_runs_migrations_for_older_files(monkeypatch) -> None:
    # Pretend the app is at version 2: a version-1 file goes through the 1 → 2 step.
    monkeypatch.setattr(validate, "CURRENT_VERSION", 2)
    monkeypatch.setattr(
        validate, "migrate", functools.partial(migrate, steps={1: _v1_to_v2}, target=2)
    )
    deal = loads(doc('"notes": "hello"'))
    assert deal.notes == "hello (seen by v2)"


def test_loader_refuses_a_file_a_migration_cannot_handle(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(validate, "CURRENT_VERSION", 2)
    monkeypatch.setattr(
        validate, "migrate", functools.partial(migrate, steps={1: _v0_to_v1}, target=2)
    )
    # _v0_to_v1 needs "name", which this file lacks: a clear refusal, not a KeyError.
    refused(tmp_path, doc(), "version", "could not be brought up to version 2")


def test_text_over_10_mib_refused_by_loads_as_str() -> None:
    # 6 Mi characters of "é" are 12 MiB of UTF-8: the limit is on bytes, as for a file.
    text = doc('"pad": "' + "é" * (6 * 1024 * 1024) + '"').decode("utf-8")
    assert len(text) < document.MAX_FILE_BYTES
    with pytest.raises(DealFileError, match="over 10 MiB"):
        loads(text)


def test_loader_refuses_when_a_migration_returns_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(validate, "CURRENT_VERSION", 2)
    monkeypatch.setattr(
        validate, "migrate", functools.partial(migrate, steps={1: lambda data: None}, target=2)
    )
    refused(tmp_path, doc(), "version", "could not be brought up to version 2")
