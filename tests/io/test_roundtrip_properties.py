"""Property: any valid deal survives dumps → loads and save → load unchanged (spec §1)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.io.strategies import deals
from worksheet.domain.deal import Deal
from worksheet.io import dumps, load, loads, save

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    # The autouse folder fixture is per test, not per example; nothing here touches it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(deals)
def test_text_round_trip(deal: Deal) -> None:
    text = dumps(deal)
    assert loads(text) == deal
    assert loads(text.encode("utf-8")) == deal
    # The text is strict JSON: no NaN, and what the standard parser reads is one object.
    assert isinstance(json.loads(text, parse_constant=_refuse), dict)
    assert dumps(loads(text)) == text  # a second save changes nothing


@settings(SETTINGS, max_examples=75)  # each example fsyncs a real file
@given(deals)
def test_file_round_trip(deal: Deal) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deal.deal"
        save(deal, path)
        assert load(path) == deal
        assert sorted(p.name for p in Path(folder).iterdir()) == ["deal.deal"]  # no temp left


def _refuse(name: str) -> None:
    raise AssertionError(f"{name} written into a deal file")
