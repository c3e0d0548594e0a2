"""What every output shows, decided once: words, numbers, sentences, the discreet policy and the
zone chart's geometry.

No Qt, no reportlab, no openpyxl here (a test checks it): the window, the PDF and the workbook
import these modules and only render what they hand over. Adding a label, a warning's words or
an output format means changing one module here:

- `words`    — the words for every code (kinds, roles, fallback kinds, party, offer-by, statuses,
               warnings, readiness items, workbook checks), with a fallback for unknown codes;
- `numbers`  — the one money formatter and the chance formatter;
- `sentences`— the status sentence and the other sentences built from a summary;
- `discreet` — what a copy seen across the table shows and leaves out;
- `summary`  — the summary's title, sentence and key numbers, as strings;
- `chart`    — the zone chart's marks, legend, colours, ticks and label placement;
- `meeting`  — the meeting view's scores, counter, concession statuses and the debrief words;
- `library`  — the deal library's columns and the calibration sentences.

See docs/present.md for which module to change for what.
"""
