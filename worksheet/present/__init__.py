"""What every output shows, decided once: words, numbers, sentences, the discreet policy and the
zone chart's geometry.

No Qt, no reportlab, no openpyxl here (a test checks it): the window, the PDF and the workbook
import these modules and only render what they hand over. Adding a label, a warning's words or
an output format means changing one module here:

- `words`    — the words for every code (kinds, roles, fallback kinds, party, offer-by, statuses,
               warnings, readiness items, section titles), with a fallback for unknown codes;
- `numbers`  — the one money formatter and the chance formatter;
- `sentences`— the status sentence and the other sentences built from a summary;
- `discreet` — what a copy seen across the table shows and leaves out;
- `chart`    — the zone chart's inputs and geometry, for the window and the PDF.
"""
