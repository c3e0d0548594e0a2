"""Shortcuts that make the PDF export fast: what they skip, and that they change nothing printed."""

from __future__ import annotations

import json
import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, SAMPLES
from worksheet.export.pdf.text import escape

# Runs in a fresh interpreter: the shortcuts only act on the first import of reportlab.
_CHILD = """
import json, re, sys
from worksheet.export.pdf import render_pdf
from worksheet.io.document import load

real_compile = re.compile
data = render_pdf(load(sys.argv[1]), paper="a4")
from reportlab.lib import textsplit
from reportlab.platypus import paragraph

uri = paragraph.uri_pat
print(json.dumps({
    "pdf": data[:5].decode(),
    "deferred": [type(uri).__name__, type(textsplit.rx).__name__],
    "compile_restored": re.compile is real_compile,
    "url": uri.match("https://example.com/path?q=1") is not None,
    "not_url": uri.match("just words") is not None,
    "cjk": textsplit.rx.sub(r"\\1 ", "ab日本c"),
    "loaded": sorted(m for m in ("xml.sax.saxutils", "urllib.request", "http.client")
                     if m in sys.modules),
}))
"""


def test_fresh_export_defers_the_url_pattern_and_skips_network_modules(tmp_path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(SAMPLES / "software-renewal.deal")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "", "DEAL_WORKSHEET_HOME": str(tmp_path), "LANG": "C.UTF-8"},
        timeout=60,
        check=True,
    )
    facts = json.loads(out.stdout)
    assert facts["pdf"] == "%PDF-"
    assert facts["deferred"] == ["_LazyPattern", "_LazyPattern"]
    assert facts["compile_restored"] is True
    # Deferred, the pattern still answers as reportlab's own would.
    assert facts["url"] is True and facts["not_url"] is False
    assert facts["cjk"] == "ab日 本 c"
    assert facts["loaded"] == []


@given(st.text())
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == sax_escape(text)


def test_escape_handles_entities_and_tags() -> None:
    assert escape("<b>&amp;</b> >") == "&lt;b&gt;&amp;amp;&lt;/b&gt; &gt;"


def test_a_paragraph_resized_from_an_earlier_parse_equals_a_fresh_parse() -> None:
    from worksheet.domain.summary import summarize
    from worksheet.export.pdf.measure import Styles, paragraph
    from worksheet.export.pdf.sections import build_sections
    from worksheet.io.document import load

    deal = load(SAMPLES / "software-renewal.deal")
    reused = build_sections(deal, summarize(deal), discreet=False)
    fresh = build_sections(deal, summarize(deal), discreet=False)
    big, small = Styles(9.5), Styles(8.0)
    compared = 0
    for ours, theirs in zip(reused, fresh, strict=True):
        for index in range(ours.count):
            paragraph(ours.item(index), big)
            assert ours.item(index).parsed is not None
            resized = paragraph(ours.item(index), small)
            parsed = paragraph(theirs.item(index), small)
            assert [vars(f) for f in resized.frags] == [vars(f) for f in parsed.frags]
            assert resized.wrap(240, 10_000) == parsed.wrap(240, 10_000)
            # Fragments compare by identity, so the broken lines are compared as text.
            assert repr(resized.blPara.lines) == repr(parsed.blPara.lines)
            compared += 1
    assert compared > 20


_PIECES = [*"abcXYZ019 ,.-–€\n\u00a0\u2002", "价格", "שלום", "&", "<b>", "W" * 60]
_WORDS = st.lists(st.sampled_from(_PIECES), max_size=160).map("".join)


@settings(max_examples=150, deadline=None)
@given(
    text=_WORDS,
    label=st.booleans(),
    bullet=st.sampled_from([None, "•", "☐"]),
    muted=st.booleans(),
    size=st.sampled_from([9.5, 9.0, 8.5, 8.0, 7.5, 7.0]),
    width=st.floats(min_value=60, max_value=320),
)
def test_the_height_floor_never_passes_the_wrapped_height(
    text: str, label: bool, bullet: str | None, muted: bool, size: float, width: float
) -> None:
    from worksheet.export.pdf.measure import Item, Styles, item_style, least_lines, paragraph
    from worksheet.export.pdf.text import markup

    body = markup(text)
    item = Item(f"<b>Label</b>  {body}" if label else body, bullet=bullet, muted=muted)
    styles = Styles(size)
    # Parsed first at another size, as the layout does.
    paragraph(item, Styles(9.5))
    floor = least_lines(item, styles, width) * item_style(item, styles).leading
    assert floor <= paragraph(item, styles).wrap(width, 10_000)[1] + 1e-6
