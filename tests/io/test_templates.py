"""Templates by kind: every bundled one loads, a bad one is refused in one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worksheet import paths
from worksheet.domain.deal import KINDS
from worksheet.domain.summary import summarize
from worksheet.io import DealFileError
from worksheet.io.templates import find_templates, load_template, prompt_key_exists

BUNDLED = sorted(paths.templates_dir().glob("*.dealtemplate"))


def test_there_is_a_template_for_every_kind():
    kinds = [load_template(p).kind for p in BUNDLED]
    assert sorted(kinds) == sorted(KINDS)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_each_template_starts_a_worksheet_for_its_kind(path: Path):
    template = load_template(path)
    deal = template.deal
    # The kind decides the side of the price: a buyer only when we purchase.
    assert deal.role == ("buyer" if deal.kind == "purchase" else "seller")
    # It brings what to think about, never the numbers: those are the user's.
    assert deal.anchors.walk_away is None and deal.anchors.target is None
    assert deal.concessions and all(not c.ask_in_return for c in deal.concessions)
    assert deal.fallbacks and all(f.kind != "batna" for f in deal.fallbacks)
    assert len(deal.listening.questions) >= 3
    summary = summarize(deal)
    assert summary.readiness_missing == [
        "goal",
        "target",
        "walk_away",
        "their_estimate",
        "batna",
        "trades",
    ]
    assert summary.status == "unknown"
    # Prompts of its own, for keys the window shows.
    assert "vision.approach" in template.prompts or deal.kind == "other"
    assert "intro.concessions" in template.prompts and "intro.fallbacks" in template.prompts
    assert all(prompt_key_exists(k) for k in template.prompts)
    assert "template" not in deal.extra and "prompts" not in deal.extra


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "mine.dealtemplate"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


GOOD = {"format": "deal-worksheet", "version": 1, "template": {"name": "Lease"}, "kind": "other"}

BAD = [
    ("not-json", "{oops", "not valid JSON"),
    ("no-template", {k: v for k, v in GOOD.items() if k != "template"}, '"template" object'),
    ("no-name", {**GOOD, "template": {"description": "x"}}, "template.name"),
    ("unknown-prompt", {**GOOD, "prompts": {"vision.mood": "x"}}, '"vision.mood" is not a field'),
    ("list-prompt", {**GOOD, "prompts": {"concessions": "x"}}, "not a field"),
    ("prompt-not-text", {**GOOD, "prompts": {"vision.goal": 3}}, "prompts.vision.goal"),
    ("bad-kind", {**GOOD, "kind": "auction"}, "kind"),
    ("bad-amount", {**GOOD, "anchors": {"target": "1,5"}}, "anchors.target"),
    ("not-deal", {**GOOD, "format": "other"}, "not a deal file"),
]


@pytest.mark.parametrize(("data", "phrase"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_template_is_refused_in_one_clear_line(tmp_path: Path, data, phrase: str):
    path = _write(tmp_path, data)
    with pytest.raises(DealFileError) as caught:
        load_template(path)
    message = str(caught.value)
    assert phrase in message, message
    assert message.startswith(str(path)) and "\n" not in message


def test_user_templates_are_found_beside_the_bundled_ones(tmp_path: Path):
    good = _write(tmp_path, {**GOOD, "prompts": {"vision.goal": "What lease?"}})
    (tmp_path / "broken.dealtemplate").write_text("[]", encoding="utf-8")
    found = find_templates(paths.templates_dir(), tmp_path)
    assert len(found.templates) == len(BUNDLED) + 1
    assert found.templates[-1].path == good
    assert found.templates[-1].prompts == {"vision.goal": "What lease?"}
    assert [p.name for p, _why in found.problems] == ["broken.dealtemplate"]
    assert "one JSON object" in found.problems[0][1]


def test_the_user_folder_is_in_the_data_folder():
    assert paths.user_templates_dir() == paths.data_dir() / "templates"
