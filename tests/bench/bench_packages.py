"""Packages side by side: the summary of 20 packages over 2,000 concessions, and the MESO
builder on 30 concessions, each against the plainest work it cannot avoid."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.bench.deals import (
    BIG_CONCESSIONS,
    BIG_PACKAGES,
    MESO_CONCESSIONS,
    meso_deal,
    packaged_deal,
)
from tests.bench.harness import Row, max_goal, time_calls
from worksheet.domain.meso import build_meso
from worksheet.domain.summary import summarize


def bench_packages(repeats: int, workdir: Path) -> list[Row]:
    deal = packaged_deal()
    summary = summarize(deal)
    # Sanity: every package was really worked out, or the figure means nothing.
    if len(summary.packages) != BIG_PACKAGES or any(p.net is None for p in summary.packages):
        raise AssertionError("the packaged deal should give every package a net")

    def package_sums() -> list[tuple[Decimal, Decimal]]:
        # A floor for any summary: each package's two columns added up over its concessions.
        by_id = {c.id: c for c in deal.concessions}
        out = []
        for p in deal.packages:
            items = [by_id[i] for i in p.concessions]
            out.append(
                (
                    sum((c.cost_to_us or Decimal(0) for c in items), Decimal(0)),
                    sum((c.value_to_them or Decimal(0) for c in items), Decimal(0)),
                )
            )
        return out

    small = meso_deal()
    result = build_meso(small)
    if not result.proposals:
        raise AssertionError(f"the builder proposed nothing: {result.reason}")

    n = f"{BIG_CONCESSIONS:,}"
    return [
        Row(
            "summary-packages",
            f"Summary of {BIG_PACKAGES} packages over {n} concessions",
            max_goal(0.050),
            value=time_calls(lambda: summarize(deal), repeats),
            baseline=time_calls(package_sums, repeats),
            baseline_title="(add up each package)",
        ),
        Row(
            "meso-30",
            f"MESO builder, {MESO_CONCESSIONS} concessions (3 proposals)",
            max_goal(0.100),
            value=time_calls(lambda: build_meso(small), repeats),
            baseline=time_calls(lambda: summarize(small), repeats),
            baseline_title="(one summary of the deal)",
        ),
    ]
