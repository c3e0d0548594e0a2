"""`python -m worksheet.i18n extract|compile|check|all`: the catalogs in one command.

extract  read every `_()`, `ngettext()`, `pgettext()` and `N_()` in worksheet/ (and the
         bundled templates' names, tips and prompts) into resources/translations/worksheet.pot
         and merge it into each language's .po
         (new messages come in empty, vanished ones are kept as obsolete)
compile  write each .po as the .mo the app reads
check    list, per language, every message without a translation; exit 1 if any
all      the three in turn (what to run after adding or changing words)

Babel does the reading and writing; it is needed here only, not to run the app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from worksheet import paths
from worksheet.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}


#: Declarative words the window translates where it shows them, so they carry no `_()`:
#: page and model class attributes, and the word arguments of the page-building helpers
#: (positional index after `self`, keyword names). New pages written with these helpers
#: need no markers.
UI_ATTRIBUTES = frozenset({"TITLE", "INTRO", "ITEM_NAME"})
UI_CALLS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "section": ((0, 1), ("title", "intro")),
    "add_line": ((1, 3, 4), ("label", "prompt", "placeholder")),
    "add_text": ((1, 3, 4), ("label", "prompt", "placeholder")),
    "add_choice": ((1, 4), ("label", "prompt")),
    "add_money": ((1, 3, 4), ("label", "prompt", "placeholder")),
    "add_table": ((1,), ("prompt", "title", "placeholder")),
    "Column": ((1,), ("title", "help")),
    "_checked_line": ((1, 3, 6), ("label", "prompt", "message")),
    # the workbook's Summary sheet (worksheet/export/xlsx/summary.py)
    "_label": ((1,), ()),
    "_long_text": ((0,), ()),
    "_band": ((0,), ()),
    "_money_input": ((0,), ("hint",)),
    # the workbook's Zone workings steps (worksheet/export/xlsx/zone.py): label and why
    "Step": ((1, 4), ("label", "why")),
    # the workbook's table sheets (worksheet/export/xlsx/tables.py): title and hint
    "_title": ((2, 3), ()),
}
#: Where those declarative words live.
DECLARING = ("ui", "export/xlsx")


def _assigns(node, names) -> bool:
    """`node` is `NAME = …` or `NAME: type = …` for one of `names`."""
    import ast

    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets = [node.target]
    else:
        return False
    return any(isinstance(t, ast.Name) and t.id in names for t in targets)


def declared_ui_words(root: Path) -> list[tuple[str, str, int]]:
    """(message, file, line) for the declarative words of worksheet/ui (see UI_CALLS)."""
    import ast

    found: list[tuple[str, str, int]] = []

    def take(node, name: str) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
            found.append((node.value, name, node.lineno))

    paths_ = sorted(p for folder in DECLARING for p in (root / folder).rglob("*.py"))
    for path in paths_:
        name = f"worksheet/{path.relative_to(root).as_posix()}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if _assigns(item, UI_ATTRIBUTES):
                        take(item.value, name)
            elif isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called not in UI_CALLS:
                    continue
                positions, keywords = UI_CALLS[called]
                for index in positions:
                    if index < len(node.args):
                        take(node.args[index], name)
                for keyword in node.keywords:
                    if keyword.arg in keywords:
                        take(keyword.value, name)
            elif _assigns(node, {"SECTIONS"}) and isinstance(node.value, ast.Tuple):
                for entry in node.value.elts:
                    if isinstance(entry, ast.Tuple) and len(entry.elts) > 1:
                        take(entry.elts[1], name)
    return found


def template_words(folder: Path | None = None) -> list[tuple[str, str]]:
    """(message, reference) for the words of the bundled templates (resources/templates): the
    menu entry and its tip (`template.name`, `template.description`) and every prompt, each
    referenced as `resources/templates/renewal.dealtemplate:prompts.anchors.walk_away`.
    The window looks them up where it shows them; a user's own templates are not extracted
    and show as written."""
    import json

    folder = folder or paths.templates_dir()
    found: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.dealtemplate")):
        name = f"resources/templates/{path.name}"
        data = json.loads(path.read_text(encoding="utf-8"))
        about = data.get("template") or {}
        for key in ("name", "description"):
            if isinstance(about.get(key), str) and about[key]:
                found.append((about[key], f"{name}:template.{key}"))
        for key, text in (data.get("prompts") or {}).items():
            if isinstance(text, str) and text:
                found.append((text, f"{name}:prompts.{key}"))
    return found


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def template_path() -> Path:
    return translations_dir() / f"{DOMAIN}.pot"


def po_path(code: str) -> Path:
    return translations_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def targets() -> list[str]:
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def extract_template():
    """Every message the code marks, as a Babel catalog (in memory)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="Deal Worksheet", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        location = (f"worksheet/{filename}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    for message, filename, lineno in declared_ui_words(PACKAGE):
        known = catalog.get(message)
        if known is not None:
            known.locations.append((filename, lineno))
        else:
            catalog.add(message, None, [(filename, lineno)])
    for message, reference in template_words():
        known = catalog.get(message)
        if known is not None:
            known.locations.append((reference, None))
        else:
            catalog.add(message, None, [(reference, None)])
    return catalog


def _read(path: Path, locale: str | None = None):
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def _write(path: Path, catalog) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=96, sort_output=False, omit_header=False)


def extract() -> None:
    from babel.messages.catalog import Catalog

    template = extract_template()
    _write(template_path(), template)
    for code in targets():
        path = po_path(code)
        catalog = _read(path, code) if path.exists() else Catalog(locale=code, domain=DOMAIN)
        catalog.update(template, update_header_comment=False)
        # A changed English sentence must be translated again, not guessed at.
        _write(path, catalog)
    print(f"{len(template)} messages in {template_path().relative_to(PACKAGE.parent)}")


def compile_catalogs() -> None:
    from babel.messages.mofile import write_mo

    for code in targets():
        catalog = _read(po_path(code), code)
        with open(mo_path(code), "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        print(f"{code}: {mo_path(code).relative_to(PACKAGE.parent)}")


def untranslated(code: str, template=None) -> list[str]:
    """The messages of the code (the template) that `code`'s catalog does not translate."""
    template = template or extract_template()
    path = po_path(code)
    catalog = _read(path, code) if path.exists() else None
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context) if catalog is not None else None
        strings = found.string if found is not None else None
        empty = not all(strings) if isinstance(strings, tuple) else not strings
        if found is None or empty or found.fuzzy:
            text = message.id[0] if isinstance(message.id, tuple) else message.id
            where = ", ".join(f if n is None else f"{f}:{n}" for f, n in message.locations[:2])
            missing.append(f"{text!r} ({where})")
    return missing


def check() -> int:
    template = extract_template()
    status = 0
    for code in targets():
        missing = untranslated(code, template)
        print(f"{code}: {len(template) - len(missing)} of {len(template)} messages translated")
        for line in missing:
            print(f"  untranslated: {line}")
        status = status or (1 if missing else 0)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m worksheet.i18n", description=__doc__)
    parser.add_argument("command", choices=("extract", "compile", "check", "all"))
    args = parser.parse_args(argv)
    if args.command in ("extract", "all"):
        extract()
    if args.command in ("compile", "all"):
        compile_catalogs()
    if args.command in ("check", "all"):
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
