"""Write a Deal as the text of a `.deal` file: keys in the spec's order, exact numbers."""

from __future__ import annotations

import json
import math
import re
from dataclasses import fields
from decimal import Decimal
from typing import Any

from worksheet.domain.deal import Deal, money_text
from worksheet.io.migrations import CURRENT_VERSION
from worksheet.io.validate import FORMAT_NAME


def deal_to_dict(deal: Deal) -> dict[str, Any]:
    """The JSON object for a deal, keys in the spec's order, unknown keys last."""
    m = money_text
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": CURRENT_VERSION,
        "title": deal.title,
        "kind": deal.kind,
        "role": deal.role,
        "currency": deal.currency,
        "price_unit": deal.price_unit,
        "counterpart": _texts(deal.counterpart),
        "meeting": _texts(deal.meeting),
        "vision": _texts(deal.vision),
        "anchors": {
            "target": m(deal.anchors.target),
            "opening": m(deal.anchors.opening),
            "walk_away": m(deal.anchors.walk_away),
        },
        "their_estimate": {
            "target": m(deal.their_estimate.target),
            "walk_away_low": m(deal.their_estimate.walk_away_low),
            "walk_away_likely": m(deal.their_estimate.walk_away_likely),
            "walk_away_high": m(deal.their_estimate.walk_away_high),
            "confidence": deal.their_estimate.confidence,
            "source": deal.their_estimate.source,
        },
        "concessions": [
            {
                "id": c.id,
                "what": c.what,
                "cost_to_us": m(c.cost_to_us),
                "value_to_them": m(c.value_to_them),
                "ask_in_return": c.ask_in_return,
                "order": c.order,
                "status": c.status,
                "notes": c.notes,
            }
            for c in deal.concessions
        ],
        "packages": [
            {
                "id": p.id,
                "name": p.name,
                "ask": m(p.ask),
                "concessions": list(p.concessions),
                "notes": p.notes,
            }
            for p in deal.packages
        ],
        "active_package": deal.active_package,
        "fallbacks": [
            {"kind": f.kind, "what": f.what, "value": m(f.value), "trigger": f.trigger}
            for f in deal.fallbacks
        ],
        "listening": {
            "interests": [
                {"party": i.party, "what": i.what, "why": i.why} for i in deal.listening.interests
            ],
            "objections": [
                {"objection": o.objection, "why": o.why, "response": o.response}
                for o in deal.listening.objections
            ],
            "questions": list(deal.listening.questions),
        },
        "offers": [
            {"at": o.at, "by": o.by, "amount": m(o.amount), "package": o.package, "terms": o.terms}
            for o in deal.offers
        ],
        "sign_off": {
            "by": deal.sign_off.by,
            "role": deal.sign_off.role,
            "decision": deal.sign_off.decision,
            "date": deal.sign_off.date,
            "comment": deal.sign_off.comment,
            "limits": {
                "walk_away": m(deal.sign_off.limits.walk_away),
                "package_cost": m(deal.sign_off.limits.package_cost),
            },
        },
        "outcome": {
            "status": deal.outcome.status,
            "date": deal.outcome.date,
            "price": m(deal.outcome.price),
            "package": deal.outcome.package,
            "terms": deal.outcome.terms,
            "their_walk_away_at_least": m(deal.outcome.their_walk_away_at_least),
            "their_walk_away_at_most": m(deal.outcome.their_walk_away_at_most),
            "went_well": deal.outcome.went_well,
            "do_differently": deal.outcome.do_differently,
            "review": [{"check": r.check, "kept": r.kept} for r in deal.outcome.review],
        },
        "notes": deal.notes,
    }
    for key, value in deal.extra.items():
        if key not in out:
            out[key] = value
    return out


def _texts(obj: Any) -> dict[str, str]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: One encoder reused for every string: its `encode` of a str goes straight to the C quoting.
_encode_text = json.JSONEncoder(ensure_ascii=False).encode


def _json_string(text: str) -> str:
    """A JSON string literal with non-ASCII kept readable.

    JSON may hold unpaired surrogates (`"\\ud800"`); Python keeps them as lone code points that
    UTF-8 cannot encode, so those alone are written back as `\\uXXXX` escapes.
    """
    quoted = _encode_text(text)
    if _LONE_SURROGATE_RE.search(quoted) is None:
        return quoted
    return _LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _write_json(value: Any, indent: str, out: list[str]) -> None:
    """Append `value` as JSON in the layout of `json.dumps(indent=2)`, numbers written exactly."""
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_json_string(value))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} cannot be written as JSON")
        # str(Decimal) is always valid JSON ("1.25", "1E+5", "-0.0") and keeps every digit.
        out.append(str(value))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} cannot be written as JSON")
        out.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be text, not {type(key).__name__}")
            out.append(("\n" if i == 0 else ",\n") + inner + _json_string(key) + ": ")
            _write_json(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for i, item in enumerate(value):
            out.append(("\n" if i == 0 else ",\n") + inner)
            _write_json(item, inner, out)
        out.append("\n" + indent + "]")
    else:
        raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def dumps(deal: Deal) -> str:
    """The text of a `.deal` file: UTF-8 JSON, two-space indent, non-ASCII kept readable.

    A small writer of our own rather than `json.dumps`, because numbers from unknown keys are
    Decimals that must go back with their exact digits, and the json module has no public hook
    for that.
    """
    out: list[str] = []
    _write_json(deal_to_dict(deal), "", out)
    out.append("\n")
    return "".join(out)
