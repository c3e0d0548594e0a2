"""The one translation mechanism: gettext catalogs, for the window and the Qt-free layers alike.

Every user-facing sentence is written in English in the code and looked up here at the moment
it is shown: `_()` for a sentence, `ngettext()` for one that depends on a count, `N_()` to
mark a word kept in a table and translated where it is looked up (`Words`). The catalogs live
in resources/translations/<language>/LC_MESSAGES/worksheet.mo; `python -m worksheet.i18n`
extracts, updates, compiles and checks them (see docs/translations.md).

Nothing here imports Qt: the command line, the PDF and the workbook use the same words.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping

from worksheet import paths

DOMAIN = "worksheet"
SOURCE_LANGUAGE = "en"
#: The languages the app ships, in their own names (what the Preferences choice lists).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "ar": "العربية",
}
#: Languages written right to left.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "catalog": gettext.NullTranslations()}


def catalogs_dir():
    return paths.resources_dir() / "translations"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The shipped language the system locale asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
    English when it asks for none of them."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        for choice in value.split(":"):
            code = choice.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return SOURCE_LANGUAGE
        if name != "LANGUAGE":
            return SOURCE_LANGUAGE  # the first locale variable that is set decides
    return SOURCE_LANGUAGE


def set_language(code: str | None) -> str:
    """Speak `code` from now on (None or "": the system's); returns the language in use."""
    code = (code or system_language()).split("_")[0].lower()
    if code not in LANGUAGES:
        code = SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        catalog: gettext.NullTranslations = gettext.NullTranslations()
    else:
        catalog = gettext.translation(
            DOMAIN, localedir=str(catalogs_dir()), languages=[code], fallback=True
        )
    _state["language"] = code
    _state["catalog"] = catalog
    return code


def language() -> str:
    return _state["language"]  # type: ignore[return-value]


def is_right_to_left(code: str | None = None) -> bool:
    return (code or language()) in RIGHT_TO_LEFT


def _(message: str) -> str:
    """`message` in the current language ("" stays "": gettext would give the catalog header)."""
    if not message:
        return message
    return _state["catalog"].gettext(message)  # type: ignore[union-attr]


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted sentence for `count` in the current language (Arabic has six)."""
    return _state["catalog"].ngettext(singular, plural, count)  # type: ignore[union-attr]


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs different translations by `context`."""
    return _state["catalog"].pgettext(context, message)  # type: ignore[union-attr]


def N_(message: str) -> str:
    """Marks `message` for extraction only; it is translated where it is looked up."""
    return message


class Words(Mapping[str, str]):
    """A table of code → English word that answers in the current language on every lookup,
    so a table built at import time still follows a change of language."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = dict(table)

    def __getitem__(self, code: str) -> str:
        return _(self._table[code])

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def __repr__(self) -> str:
        return f"Words({self._table!r})"

    def source(self, code: str) -> str:
        """The English word, untranslated."""
        return self._table[code]
