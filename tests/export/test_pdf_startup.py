"""Start-up shortcuts of the PDF export: what they skip, and that they change nothing printed."""

from __future__ import annotations

import json
import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT, SAMPLES
from worksheet.export.pdf_text import escape

# Runs in a fresh interpreter: the shortcuts only act on the first import of reportlab.
_CHILD = """
import json, re, sys
from worksheet.export.pdf import render_pdf
from worksheet.io.document import load

real_compile = re.compile
data = render_pdf(load(sys.argv[1]), paper="a4")
from reportlab.platypus import paragraph

uri = paragraph.uri_pat
print(json.dumps({
    "pdf": data[:5].decode(),
    "deferred": type(uri).__name__,
    "compile_restored": re.compile is real_compile,
    "url": uri.match("https://example.com/path?q=1") is not None,
    "not_url": uri.match("just words") is not None,
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
    assert facts["deferred"] == "_LazyPattern"
    assert facts["compile_restored"] is True
    # Deferred, the pattern still answers as reportlab's own would.
    assert facts["url"] is True and facts["not_url"] is False
    assert facts["loaded"] == []


@given(st.text())
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == sax_escape(text)


def test_escape_handles_entities_and_tags() -> None:
    assert escape("<b>&amp;</b> >") == "&lt;b&gt;&amp;amp;&lt;/b&gt; &gt;"
