"""In-process figures for a 2,000-concession deal: summary, load and save, against plain json."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from tests.bench.deals import BIG_CONCESSIONS, big_deal, sample_deal, write_deal
from tests.bench.harness import Row, max_goal, time_calls
from worksheet.domain.summary import summarize
from worksheet.io import dumps, load, save

GOAL = max_goal(0.050)


def bench_core(repeats: int, workdir: Path) -> list[Row]:
    deal = big_deal()
    path = write_deal(deal, workdir / "big.deal")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    plain = json.loads(text)
    n = f"{BIG_CONCESSIONS:,}"

    # Sanity: the measured calls really handle the big document, or the figures mean nothing.
    loaded = load(path)
    if len(loaded.concessions) != BIG_CONCESSIONS:
        raise AssertionError(f"load returned {len(loaded.concessions)} concessions")
    if summarize(deal) != summarize(sample_deal()):
        raise AssertionError("the big deal should keep the sample's summary")

    def package_sums() -> tuple[Decimal, Decimal]:
        # A floor for any summary: find the package among all 2,000, add up its two columns.
        active = deal.active()
        wanted = set(active.concessions) if active is not None else set()
        package = [c for c in deal.concessions if c.id in wanted]
        cost = sum((c.cost_to_us or Decimal(0) for c in package), Decimal(0))
        value = sum((c.value_to_them or Decimal(0) for c in package), Decimal(0))
        return cost, value

    def read_and_parse() -> object:
        return json.loads(path.read_bytes())

    plain_out = workdir / "plain.json"

    def dump_and_write() -> None:
        data = json.dumps(plain, ensure_ascii=False, indent=2).encode("utf-8")
        with open(plain_out, "wb") as fh:
            fh.write(data)

    saved = workdir / "saved.deal"
    rows = [
        Row(
            "summary-2000",
            f"Summary of a {n}-concession deal",
            GOAL,
            value=time_calls(lambda: summarize(deal), repeats),
            baseline=time_calls(package_sums, repeats),
            baseline_title="(find the package, add it up)",
        ),
        Row(
            "load-2000",
            f"Load a {n}-concession deal ({len(raw) / 1024:.0f} KiB)",
            GOAL,
            value=time_calls(lambda: load(path), repeats),
            baseline=time_calls(read_and_parse, repeats),
            baseline_title="(read + json.loads)",
        ),
        Row(
            "save-2000",
            f"Save a {n}-concession deal (atomic, fsync)",
            GOAL,
            value=time_calls(lambda: save(deal, saved), repeats),
            baseline=time_calls(dump_and_write, repeats),
            baseline_title="(json.dumps + open/write)",
        ),
    ]
    if saved.read_text(encoding="utf-8") != dumps(deal):
        raise AssertionError("save wrote something other than dumps(deal)")
    return rows
