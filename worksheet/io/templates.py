"""Templates by kind of negotiation: a `.deal` file with a name and prompts. Pure Python, no Qt.

A template file (`*.dealtemplate`, UTF-8 JSON) is a `.deal` document — the same keys, checked by
the same loader — with two more top-level keys:

- `template`: `{"name": text, "description": text}`; the name is what File › New from Template
  shows.
- `prompts`: `{"<field>": text}`, the hint shown under a field, keyed by the field's place in
  the deal written with dots (`vision.goal`, `anchors.walk_away`, `counterpart.style`, `notes`),
  or `intro.<section>` for the words at the top of a section (`intro.concessions`), or
  `example.<field>` for the grey example inside an empty text field.

Everything else is the starting worksheet: its `kind` and `role`, starter questions, the
concessions and fallbacks to consider. `docs/templates.md` describes the format for people.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from worksheet.domain.deal import KINDS, TEXT_LIMIT, Deal
from worksheet.io.document import MAX_FILE_BYTES, parse_json
from worksheet.io.errors import DealFileError
from worksheet.io.validate import _Number, deal_from_dict

SUFFIX = ".dealtemplate"
TEMPLATE_KEYS = ("template", "prompts")
NAME_LIMIT = 120
_INTRO_RE = re.compile(r"intro\.[a-z][a-z0-9_]*")


def _is_text(value: object) -> bool:
    # The parser keeps numbers as a str subclass (exact decimals), which is not text here.
    return isinstance(value, str) and not isinstance(value, _Number)


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    deal: Deal
    prompts: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def kind(self) -> str:
        return self.deal.kind


def prompt_key_exists(key: str) -> bool:
    """A prompt key names a section's intro or a single field of the deal (not a list)."""
    if _INTRO_RE.fullmatch(key):
        return True
    if key.startswith("example."):
        key = key.removeprefix("example.")
    obj: object = Deal()
    for step in key.split("."):
        if not step or step.startswith("_") or not dataclasses.is_dataclass(obj):
            return False
        if step not in {f.name for f in dataclasses.fields(obj)}:
            return False
        obj = getattr(obj, step)
    return not dataclasses.is_dataclass(obj) and not isinstance(obj, (list, dict))


def template_from_dict(data: object, path: Path | None = None) -> Template:
    if not isinstance(data, dict):
        raise DealFileError("a template holds one JSON object")
    meta = data.get("template")
    if not isinstance(meta, dict):
        raise DealFileError('a template needs a "template" object with its name', "template")
    name = meta.get("name")
    if not _is_text(name) or not name.strip():
        raise DealFileError("the template needs a name (text)", "template.name")
    if len(name) > NAME_LIMIT:
        raise DealFileError(f"the name is over {NAME_LIMIT} characters", "template.name")
    description = meta.get("description", "")
    if not _is_text(description) or len(description) > TEXT_LIMIT:
        raise DealFileError("the description must be text", "template.description")
    unknown = sorted(set(meta) - {"name", "description"})
    if unknown:
        raise DealFileError(f'unknown key "{unknown[0]}"', "template")
    raw_prompts = data.get("prompts", {})
    if not isinstance(raw_prompts, dict):
        raise DealFileError("prompts must be an object of field: text", "prompts")
    prompts: dict[str, str] = {}
    for key, text in raw_prompts.items():
        if not prompt_key_exists(key):
            raise DealFileError(f'"{key[:60]}" is not a field of the worksheet', "prompts")
        if not _is_text(text) or len(text) > TEXT_LIMIT:
            raise DealFileError("a prompt must be text", f"prompts.{key}")
        prompts[key] = text
    # The rest is a .deal document, checked exactly as a file being opened.
    deal = deal_from_dict({k: v for k, v in data.items() if k not in TEMPLATE_KEYS})
    if deal.kind not in KINDS:  # pragma: no cover - deal_from_dict refuses it first
        raise DealFileError("unknown kind", "kind")
    return Template(name.strip(), description, deal, prompts, path)


def load_template(path: str | os.PathLike) -> Template:
    """Read a template; DealFileError says in one line, with the file named, what is wrong."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise DealFileError("template files over 10 MiB are refused", file=p)
        raw = p.read_bytes()
    except DealFileError:
        raise
    except OSError as exc:
        raise DealFileError(f"cannot read the file ({exc.strerror or exc})", file=p) from None
    try:
        return template_from_dict(parse_json(raw), p)
    except DealFileError as exc:
        exc.file = str(p)
        exc.args = (exc.describe(),)
        raise


@dataclass
class Found:
    """The templates that load, in menu order, and one line for each file that does not."""

    templates: list[Template] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def find_templates(*folders: Path) -> Found:
    """Templates from each folder in turn (bundled first, then the user's), by file name."""
    found = Found()
    for folder in folders:
        try:
            files = sorted(folder.glob(f"*{SUFFIX}"))
        except OSError:
            continue
        for path in files:
            try:
                found.templates.append(load_template(path))
            except DealFileError as exc:
                found.problems.append((path, str(exc)))
    return found


def kind_order(template: Template) -> tuple[int, str]:
    return (KINDS.index(template.kind) if template.kind in KINDS else len(KINDS), template.name)
