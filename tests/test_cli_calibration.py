"""`deal-worksheet calibration FOLDER [--json]`."""

from __future__ import annotations

import json
from decimal import Decimal as D

from worksheet.cli import main
from worksheet.domain.deal import Deal, Outcome, TheirEstimate
from worksheet.io import save


def write(folder, n, price, low, likely, high):
    deal = Deal(
        title=f"Deal {n}",
        their_estimate=TheirEstimate(
            walk_away_low=D(low), walk_away_likely=D(likely), walk_away_high=D(high)
        ),
        outcome=Outcome(status="agreed", price=D(price)),
    )
    save(deal, folder / f"d{n}.deal")


def test_json_and_people(tmp_path, capsys):
    write(tmp_path, 1, 110, 90, 100, 120)
    write(tmp_path, 2, 130, 90, 100, 120)
    assert main(["calibration", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agreed"] == 2 and data["enough_history"] is False
    write(tmp_path, 3, 95, 90, 100, 120)
    (tmp_path / "broken.deal").write_text("{")
    assert main(["calibration", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["agreed"], data["inside"], data["above"]) == (3, 2, 1)
    assert data["median_error"] == 0.1
    assert data["files"] == 4 and data["unreadable"] == 1
    assert data["deals"][0]["price"] in {"110", "130", "95"}
    assert main(["calibration", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 of 3 agreed prices fell inside your estimated range." in out
    assert "Median distance from your likely estimate: +10.0%." in out


def test_not_a_folder_is_one_line(tmp_path, capsys):
    assert main(["calibration", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a folder" in err
