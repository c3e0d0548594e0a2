"""Load and save `.deal` documents (spec §1): strict checks with JSON-path errors, atomic save."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import math
import os
import re
import stat
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from worksheet.domain.deal import (
    FALLBACK_KINDS,
    KINDS,
    LIST_LIMIT,
    MONEY_LIMIT,
    OFFER_BY,
    PARTIES,
    ROLES,
    TEXT_LIMIT,
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Interest,
    Listening,
    Meeting,
    Objection,
    Offer,
    TheirEstimate,
    Vision,
    money_text,
)
from worksheet.io.migrations import CURRENT_VERSION, migrate

log = logging.getLogger(__name__)

FORMAT_NAME = "deal-worksheet"
SUFFIX = ".deal"
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Unknown keys may hold any JSON, but not nested deeper than this: deeper values would make the
#: recursive reader and writer hit Python's recursion limit instead of giving a clear message.
MAX_EXTRA_DEPTH = 200

_MONEY_RE = re.compile(r"-?[0-9]+(\.[0-9]{1,4})?")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURRENCY_RE = re.compile(r"[A-Z]{3}")
_EXPONENT_RE = re.compile(r"-?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+")

KNOWN_KEYS = (
    "format",
    "version",
    "title",
    "kind",
    "role",
    "currency",
    "price_unit",
    "counterpart",
    "meeting",
    "vision",
    "anchors",
    "their_estimate",
    "concessions",
    "fallbacks",
    "listening",
    "offers",
    "notes",
)


class DealFileError(ValueError):
    """A `.deal` file that cannot be loaded; `where` is a JSON path like `concessions[3].what`."""

    def __init__(self, message: str, where: str = "", file: str | os.PathLike | None = None):
        self.message = message
        self.where = where
        self.file = None if file is None else str(file)
        super().__init__(self.describe())

    def describe(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{self.file}: {text}" if self.file else text


class DealSaveError(OSError):
    """Saving failed; the original file on disk is untouched. `str()` says why in plain words."""

    def __str__(self) -> str:
        # OSError would prefix "[Errno 28]", which means nothing to the person reading the dialog.
        return self.strerror if isinstance(self.strerror, str) else super().__str__()


class _Number(str):
    """A JSON number kept as its source text so that money is never read through a float."""


# --------------------------------------------------------------------------- reading


def load(path: str | os.PathLike) -> Deal:
    """Read a `.deal` file. Raises DealFileError (with the file named) for anything wrong."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DealFileError(
                f"the file is {size / 1024 / 1024:.1f} MiB; deal files over 10 MiB are refused",
                file=p,
            )
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except DealFileError:
        raise
    except FileNotFoundError:
        raise DealFileError("no such file", file=p) from None
    except IsADirectoryError:
        raise DealFileError("this is a folder, not a deal file", file=p) from None
    except NotADirectoryError:
        raise DealFileError(
            "no such file: part of the path is a file, not a folder", file=p
        ) from None
    except PermissionError:
        raise DealFileError("permission denied: the file cannot be read", file=p) from None
    except OSError as exc:
        raise DealFileError(f"cannot read the file ({exc.strerror or exc})", file=p) from None
    try:
        return loads(raw)
    except DealFileError as exc:
        exc.file = str(p)
        exc.args = (exc.describe(),)
        raise


def loads(raw: bytes | str) -> Deal:
    """Parse and validate the text of a `.deal` file."""
    data = parse_json(raw)
    return deal_from_dict(data)


def parse_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise DealFileError("deal files over 10 MiB are refused")
        # JSON text starts with an ASCII character, so a zero byte among the first two means
        # UTF-16 (or UTF-32) even without a byte-order mark.
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:2]:
            raise DealFileError("the file is UTF-16 text; deal files must be UTF-8")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DealFileError(
                f"the file is not UTF-8 text (bad byte at offset {exc.start})"
            ) from None
    else:
        # Characters never outnumber UTF-8 bytes, so the cheap count settles most texts.
        if len(raw) > MAX_FILE_BYTES or (
            4 * len(raw) > MAX_FILE_BYTES
            and len(raw.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES
        ):
            raise DealFileError("deal files over 10 MiB are refused")
        text = raw.removeprefix("\ufeff")
    if not text.strip():
        raise DealFileError("the file is empty" if not text else "the file holds only blank space")

    try:
        # NaN and Infinity are kept as markers, not refused here, so that the refusal can name
        # the place in the file where they sit.
        return json.loads(text, parse_float=_Number, parse_int=_Number, parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "the file ends too early; is it truncated?" if truncated else exc.msg
        raise DealFileError(
            f"not valid JSON ({what}) at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise DealFileError("not a deal file: the JSON is nested far too deeply") from None


class _Constant:
    """`NaN`, `Infinity` or `-Infinity` in the file: not JSON, refused wherever it appears."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def deal_from_dict(data: Any) -> Deal:
    """Validate a parsed JSON value (numbers as `_Number` or int/float/Decimal) and build a Deal."""
    if not isinstance(data, dict):
        raise DealFileError(f"a deal file holds one JSON object, not {_json_type(data)}")
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        if fmt is None:
            raise DealFileError('not a deal file: "format" is missing', "format")
        raise DealFileError(f'not a deal file: "format" must be "{FORMAT_NAME}"', "format")
    version = data.get("version")
    if version is None:
        raise DealFileError('"version" is missing', "version")
    # An absurdly large version is still "newer": say so rather than "the number is too large".
    huge = isinstance(version, _Number) and re.fullmatch(r"[0-9]{13,}", str(version)) is not None
    number = CURRENT_VERSION + 1 if huge else _integer(version, "version")
    if number > CURRENT_VERSION:
        raise DealFileError(
            "this file was made by a newer version of Deal Worksheet "
            f"(format version {_clip(str(version))}); "
            f"this app reads up to version {CURRENT_VERSION}. Please update the app.",
            "version",
        )
    version = number
    if version < 1:
        raise DealFileError(f"unknown format version {version}; versions start at 1", "version")
    if version < CURRENT_VERSION:
        try:
            data = migrate(dict(data), version)
            if not isinstance(data, dict):
                raise TypeError(f"a migration step returned {type(data).__name__}, not a dict")
        except DealFileError:
            raise
        except (LookupError, TypeError, ValueError, AttributeError) as exc:
            # A migration step met data it does not understand: refuse the file, do not crash.
            raise DealFileError(
                f"this version-{version} file could not be brought up to version "
                f"{CURRENT_VERSION} ({exc})",
                "version",
            ) from None

    r = _Reader()
    deal = Deal(
        title=r.text(data, "title"),
        kind=r.choice(data, "kind", KINDS, "sale"),
        role=r.choice(data, "role", ROLES, "seller"),
        currency=r.currency(data, "currency"),
        price_unit=r.text(data, "price_unit"),
        counterpart=r.texts_object(data, "counterpart", Counterpart),
        meeting=r.meeting(data),
        vision=r.texts_object(data, "vision", Vision),
        anchors=r.anchors(data),
        their_estimate=r.their_estimate(data),
        concessions=r.items(data, "concessions", "", r.concession),
        fallbacks=r.items(data, "fallbacks", "", r.fallback),
        listening=r.listening(data),
        offers=r.items(data, "offers", "", r.offer),
        notes=r.text(data, "notes"),
        extra={k: _plain_json(v, k) for k, v in data.items() if k not in KNOWN_KEYS},
    )
    return deal


def _json_type(value: Any) -> str:
    if isinstance(value, _Constant):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (_Number, int, float, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _join(base: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else key


def _integer(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (_Number, int)):
        raise DealFileError(f"must be a whole number, not {_json_type(value)}", where)
    text = str(value)
    if not re.fullmatch(r"-?[0-9]+", text):
        raise DealFileError(f"must be a whole number, not {text}", where)
    if len(text.lstrip("-")) > 12:
        raise DealFileError(f"the number {_clip(text)} is too large", where)
    return int(text)


def parse_money(value: Any, where: str = "", *, allow_negative: bool = False) -> Decimal | None:
    """Spec §1 amounts: a plain decimal string (or an exact JSON number); None for null."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise DealFileError(
            'an amount must be a decimal text such as "92000", not true/false', where
        )
    if isinstance(value, _Constant):
        raise DealFileError(f"{value} is not allowed in a deal file", where)
    if isinstance(value, (_Number, int)):
        text = str(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise DealFileError("NaN and Infinity are not amounts", where)
        text = format(value, "f")
    elif isinstance(value, str):
        text = value
    else:
        raise DealFileError(
            f'an amount must be a decimal text such as "92000", not {_json_type(value)}', where
        )
    if _EXPONENT_RE.fullmatch(text):
        raise DealFileError(
            f"exponents are not allowed in amounts ({_clip(text)}); write all the digits", where
        )
    if not _MONEY_RE.fullmatch(text):
        if re.fullmatch(r"-?[0-9]+\.[0-9]{5,}", text):
            raise DealFileError(f"at most 4 decimal places are allowed ({_clip(text)})", where)
        raise DealFileError(f"not a plain decimal amount: {_clip(text)!r}", where)
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern rules this out
        raise DealFileError(f"not a decimal amount: {_clip(text)!r}", where) from None
    if amount < 0 and not allow_negative:
        raise DealFileError(f"must not be negative ({text})", where)
    if abs(amount) >= MONEY_LIMIT:
        raise DealFileError(f"out of range: amounts must stay below 10^12 ({_clip(text)})", where)
    return amount


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class _Reader:
    """Typed access to the parsed JSON with the JSON path in every error."""

    def get_object(self, data: dict, key: str, where: str = "") -> dict:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise DealFileError(f"must be an object, not {_json_type(value)}", path)
        return value

    def text(self, data: dict, key: str, where: str = "") -> str:
        return self.text_value(data.get(key), _join(where, key))

    def text_value(self, value: Any, path: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or isinstance(value, _Number):
            raise DealFileError(f"must be text, not {_json_type(value)}", path)
        if len(value) > TEXT_LIMIT:
            raise DealFileError(
                f"the text has {len(value):,} characters; at most {TEXT_LIMIT:,} are allowed", path
            )
        return value

    def choice(
        self, data: dict, key: str, allowed: tuple[str, ...], default: str, where: str = ""
    ) -> str:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return default
        if not isinstance(value, str) or isinstance(value, _Number):
            raise DealFileError(f"must be text, not {_json_type(value)}", path)
        if value not in allowed:
            options = ", ".join(f'"{a}"' for a in allowed)
            raise DealFileError(f"unknown value {_clip(value)!r}; expected one of {options}", path)
        return value

    def currency(self, data: dict, key: str) -> str:
        value = data.get(key)
        if value is None:
            return "USD"
        if isinstance(value, _Number) or not isinstance(value, str):
            raise DealFileError(f"must be text, not {_json_type(value)}", key)
        if not _CURRENCY_RE.fullmatch(value):
            raise DealFileError(
                f'not a currency code: {_clip(value)!r}; use three capital letters such as "USD"',
                key,
            )
        return value

    def money(self, data: dict, key: str, where: str, *, allow_negative: bool = False):
        return parse_money(data.get(key), _join(where, key), allow_negative=allow_negative)

    def boolean(self, data: dict, key: str, where: str) -> bool:
        value = data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            path = _join(where, key)
            raise DealFileError(f"must be true or false, not {_json_type(value)}", path)
        return value

    def texts_object(self, data: dict, key: str, cls: type) -> Any:
        obj = self.get_object(data, key)
        return cls(**{f.name: self.text(obj, f.name, key) for f in fields(cls)})

    def meeting(self, data: dict) -> Meeting:
        m = self.texts_object(data, "meeting", Meeting)
        if m.date:
            valid = _DATE_RE.fullmatch(m.date) is not None
            if valid:
                try:
                    date.fromisoformat(m.date)
                except ValueError:
                    valid = False
            if not valid:
                raise DealFileError(
                    f'not a date: {_clip(m.date)!r}; write it as "YYYY-MM-DD" or leave it empty',
                    "meeting.date",
                )
        return m

    def anchors(self, data: dict) -> Anchors:
        obj = self.get_object(data, "anchors")
        return Anchors(**{f.name: self.money(obj, f.name, "anchors") for f in fields(Anchors)})

    def their_estimate(self, data: dict) -> TheirEstimate:
        obj = self.get_object(data, "their_estimate")
        w = "their_estimate"
        return TheirEstimate(
            target=self.money(obj, "target", w),
            walk_away_low=self.money(obj, "walk_away_low", w),
            walk_away_likely=self.money(obj, "walk_away_likely", w),
            walk_away_high=self.money(obj, "walk_away_high", w),
            confidence=self.text(obj, "confidence", w),
            source=self.text(obj, "source", w),
        )

    def items(self, data: dict, key: str, where: str, build) -> list:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise DealFileError(f"must be a list, not {_json_type(value)}", path)
        if len(value) > LIST_LIMIT:
            raise DealFileError(
                f"the list has {len(value):,} items; at most {LIST_LIMIT:,} are allowed", path
            )
        return [build(item, _join(path, i)) for i, item in enumerate(value)]

    def _item_object(self, item: Any, path: str) -> dict:
        if not isinstance(item, dict):
            raise DealFileError(f"must be an object, not {_json_type(item)}", path)
        return item

    def concession(self, item: Any, path: str) -> Concession:
        obj = self._item_object(item, path)
        order = obj.get("order")
        return Concession(
            what=self.text(obj, "what", path),
            cost_to_us=self.money(obj, "cost_to_us", path),
            value_to_them=self.money(obj, "value_to_them", path),
            ask_in_return=self.text(obj, "ask_in_return", path),
            in_package=self.boolean(obj, "in_package", path),
            order=None if order is None else _integer(order, _join(path, "order")),
            notes=self.text(obj, "notes", path),
        )

    def fallback(self, item: Any, path: str) -> Fallback:
        obj = self._item_object(item, path)
        return Fallback(
            kind=self.choice(obj, "kind", FALLBACK_KINDS, "batna", path),
            what=self.text(obj, "what", path),
            value=self.money(obj, "value", path, allow_negative=True),
            trigger=self.text(obj, "trigger", path),
        )

    def listening(self, data: dict) -> Listening:
        obj = self.get_object(data, "listening")
        w = "listening"

        def interest(item: Any, path: str) -> Interest:
            o = self._item_object(item, path)
            return Interest(
                party=self.choice(o, "party", PARTIES, "theirs", path),
                what=self.text(o, "what", path),
                why=self.text(o, "why", path),
            )

        def objection(item: Any, path: str) -> Objection:
            o = self._item_object(item, path)
            return Objection(
                objection=self.text(o, "objection", path),
                why=self.text(o, "why", path),
                response=self.text(o, "response", path),
            )

        return Listening(
            interests=self.items(obj, "interests", w, interest),
            objections=self.items(obj, "objections", w, objection),
            questions=self.items(obj, "questions", w, self.text_value),
        )

    def offer(self, item: Any, path: str) -> Offer:
        obj = self._item_object(item, path)
        at = self.text(obj, "at", path)
        if at and parse_datetime(at) is None:
            raise DealFileError(
                f'not an ISO 8601 date-time: {_clip(at)!r} (e.g. "2026-11-26T14:30")',
                _join(path, "at"),
            )
        return Offer(
            at=at,
            by=self.choice(obj, "by", OFFER_BY, "us", path),
            amount=self.money(obj, "amount", path),
            terms=self.text(obj, "terms", path),
        )


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date or date-time, or None. Accepts a trailing `Z` on every Python ≥ 3.10."""
    candidate = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.,+\-Z]+)?", candidate):
        return None
    if candidate.endswith("Z"):
        candidate = candidate[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _plain_json(value: Any, key: str, depth: int = 0) -> Any:
    """An unknown key's value as plain Python; every number becomes an exact Decimal.

    Decimal keeps the digits the file had (`1.25` stays `1.25`, a 40-digit integer stays whole)
    and has no size limit on conversion, unlike `int()` of very long digit strings.
    """
    if depth > MAX_EXTRA_DEPTH:
        # The path down there would be hundreds of steps long: name the top-level key only.
        raise DealFileError(f"nested more than {MAX_EXTRA_DEPTH} levels deep", key)
    if isinstance(value, _Constant):
        raise DealFileError(f"{value} is not allowed in a deal file", key)
    if isinstance(value, _Number):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _plain_json(v, key, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_json(v, key, depth + 1) for v in value]
    return value


# --------------------------------------------------------------------------- writing


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
                "what": c.what,
                "cost_to_us": m(c.cost_to_us),
                "value_to_them": m(c.value_to_them),
                "ask_in_return": c.ask_in_return,
                "in_package": c.in_package,
                "order": c.order,
                "notes": c.notes,
            }
            for c in deal.concessions
        ],
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
            {"at": o.at, "by": o.by, "amount": m(o.amount), "terms": o.terms} for o in deal.offers
        ],
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


def save(deal: Deal, path: str | os.PathLike) -> None:
    """Write atomically: a temp file in the same folder, flushed and fsynced, then `os.replace`.

    The text is checked with the loader first, so a deal that could not be opened again (an
    amount with 5 decimals, a text over the limit…) is refused instead of written. An existing
    file's permission bits are kept, a new file gets the usual ones (0o666 less the umask), and a
    symbolic link keeps pointing at the file it names. On any failure the original file is
    untouched, the temp file is removed, and DealSaveError says why in plain words.
    """
    shown = Path(path)
    # Replace the file a link points at, not the link itself.
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    text = dumps(deal)
    try:
        loads(text)
    except DealFileError as exc:
        raise DealSaveError(
            errno.EINVAL,
            f"Could not save {shown}: the deal could not be opened again ({exc}). "
            "The file on disk was not changed.",
        ) from exc
    data = text.encode("utf-8")
    folder = target.parent
    try:
        st_mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise DealSaveError(exc.errno, _save_reason(exc, shown)) from exc
    else:
        if stat.S_ISDIR(st_mode):
            raise DealSaveError(
                errno.EISDIR, _save_reason(IsADirectoryError(errno.EISDIR, ""), shown)
            )
        if not stat.S_ISREG(st_mode):
            # A device or a pipe (say /dev/null) must not be swapped for a regular file.
            raise DealSaveError(
                errno.EINVAL,
                f"Could not save {shown}: it is a device or another special file, not a "
                "document. Choose another name with Save As.",
            )
        mode = stat.S_IMODE(st_mode)

    tmp_name: str | None = None
    try:
        import tempfile  # only when saving: keeps random/shutil off the window's start-up

        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file 0o600; give it what the old file had, or what a new one gets.
        os.chmod(tmp_name, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise DealSaveError(exc.errno, _save_reason(exc, shown)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    log.info("saved %s (%d bytes)", target, len(data))


def _umask() -> int:
    """The process umask, read without changing it where the system allows.

    Setting the umask to read it back leaves a moment in which another thread (autosave) would
    create files with no umask at all; Linux shows it in /proc instead.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_reason(exc: OSError, target: Path) -> str:
    where = str(target)
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return f"Could not save {where}: the disk is full. The file on disk was not changed."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Could not save {where}: the folder {target.parent} is read-only or you lack "
            "permission to write there. Choose another folder with Save As."
        )
    if exc.errno == errno.ENOENT:
        if target.parent.is_dir():  # e.g. /proc: the folder is there but takes no new files
            return (
                f"Could not save {where}: new files cannot be made in the folder "
                f"{target.parent}. Choose another folder with Save As."
            )
        return f"Could not save {where}: the folder {target.parent} does not exist."
    if exc.errno == errno.EISDIR:
        return f"Could not save {where}: a folder has that name."
    if exc.errno == errno.ENOTDIR:
        return f"Could not save {where}: part of that path is a file, not a folder."
    reason = exc.strerror or str(exc)
    return f"Could not save {where}: {reason}. The file on disk was not changed."
