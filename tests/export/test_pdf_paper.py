"""Paper size from the locale: US Letter in the Americas that use it, A4 everywhere else."""

from __future__ import annotations

import io

import pypdf
import pytest

from worksheet.domain.deal import Deal
from worksheet.export.pdf import paper_for_locale, render_pdf


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "fil_PH.UTF-8"}, "letter"),
        ({"LANG": "es_CL.UTF-8"}, "letter"),
        ({"LANG": "es_CO.UTF-8"}, "letter"),
        ({"LANG": "es_VE.UTF-8"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8@euro"}, "a4"),
        ({"LANG": "pl_PL.UTF-8"}, "a4"),
        ({"LANG": "ja_JP.UTF-8"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({"LANG": "POSIX"}, "a4"),
        ({}, "a4"),
        # LC_PAPER overrides LANG, and LC_ALL overrides both (POSIX order).
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "a4"),
        ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8", "LANG": "de_DE"}, "letter"),
        ({"LC_ALL": "nl_NL.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),
        # An empty variable counts as unset.
        ({"LC_ALL": "", "LANG": "en_CA.UTF-8"}, "letter"),
        # BCP 47 style with a hyphen, as some desktops set it.
        ({"LANG": "en-US"}, "letter"),
    ],
)
def test_paper_for_locale(environ: dict[str, str], expected: str) -> None:
    assert paper_for_locale(environ) == expected


def test_system_locale_is_used_when_no_variable_is_set() -> None:
    assert paper_for_locale({}, "English_United States") == "letter"
    assert paper_for_locale({}, "en_US") == "letter"
    assert paper_for_locale({}, "German_Germany") == "a4"
    assert paper_for_locale({"LANG": "de_DE"}, "en_US") == "a4"


def _page_size(data: bytes) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_explicit_paper_sizes() -> None:
    assert _page_size(render_pdf(Deal(title="x"), paper="a4")) == (595, 842)
    assert _page_size(render_pdf(Deal(title="x"), paper="letter")) == (612, 792)


def test_default_paper_follows_the_environment(monkeypatch) -> None:
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _page_size(render_pdf(Deal(title="x"))) == (612, 792)
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert _page_size(render_pdf(Deal(title="x"))) == (595, 842)


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="a4"):
        render_pdf(Deal(), paper="tabloid")
