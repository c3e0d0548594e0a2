"""Command line: `summary`, `export` and the window's arguments; Qt only for the window."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import NoReturn

from worksheet import __version__

PROG = "deal-worksheet"


class UsageError(Exception):
    """Bad command-line words: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def window_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=PROG,
        description="Prepare a negotiation: vision, anchors, concessions, fallbacks and "
        "listening, with the zone of possible agreement computed live.",
        epilog="Commands (see 'deal-worksheet COMMAND --help'):\n"
        "  summary FILE... [--json]     print the deal summary of each file (docs/format.md)\n"
        "  export FILE --pdf/--xlsx OUT write the one-page prep sheet and/or the workbook\n"
        "       (--debrief OUT.pdf      the one-page debrief)\n"
        "  calibration FOLDER [--json]  agreed prices against your estimates (docs/library.md)\n"
        "  import-review FILE BOOK.xlsx list what the manager's workbook would change\n\n"
        "With no command the window opens, on FILE if given.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("file", nargs="?", help="a .deal file to open")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="open FILE (or the sample) at 1280×800, save a picture of the window and exit",
    )
    p.add_argument("--dark", action="store_true", help="use a dark palette (with --screenshot)")
    p.add_argument("--debug", action="store_true", help="log debug messages")
    return p


def summary_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} summary",
        description="Print the summary of each deal: the deal zone, warnings and readiness. "
        "With several files, each summary is headed by its file name, and --json prints a list "
        "of the objects in the same order.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a .deal file")
    p.add_argument(
        "--json",
        action="store_true",
        help="print the summary as one JSON object (see docs/format.md)",
    )
    return p


def export_parser() -> argparse.ArgumentParser:
    from worksheet.present.discreet import IN_SHORT

    p = _Parser(
        prog=f"{PROG} export",
        description="Write the one-page PDF prep sheet and/or the manager workbook.",
    )
    p.add_argument("file", help="a .deal file")
    p.add_argument("--pdf", metavar="OUT.pdf", help="write the one-page prep sheet")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="write the Excel workbook")
    p.add_argument(
        "--debrief", metavar="OUT.pdf", help="write the one-page debrief: outcome against the plan"
    )
    p.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="PDF paper size (default: from your locale)",
    )
    p.add_argument(
        "--discreet",
        action="store_true",
        help=f"a copy safe to be seen across the table: {IN_SHORT} (docs/present.md)",
    )
    return p


def calibration_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} calibration",
        description="Hold the agreed prices of the deals in a folder against the ranges you "
        "estimated for their walk-away (see docs/library.md).",
    )
    p.add_argument("folder", help="a folder of .deal files (subfolders included)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def import_review_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} import-review",
        description="List every change the manager's workbook would make to the deal, old → new, "
        "without applying any. Exit 0 when the workbook was read, 2 when it was refused.",
    )
    p.add_argument("file", help="a .deal file")
    p.add_argument("workbook", help="a workbook this app exported for that deal")
    p.add_argument("--json", action="store_true", help="print the changes as a JSON object")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "summary":
            return run_summary(summary_parser().parse_args(argv[1:]))
        if argv and argv[0] == "export":
            return run_export(export_parser().parse_args(argv[1:]))
        if argv and argv[0] == "calibration":
            return run_calibration(calibration_parser().parse_args(argv[1:]))
        if argv and argv[0] == "import-review":
            return run_import_review(import_review_parser().parse_args(argv[1:]))
        problem = _unknown_command(argv[0]) if argv else None
        if problem:
            raise UsageError(problem)
        args = window_parser().parse_args(argv)
    except (UsageError, OutputError) as exc:
        return _fail(str(exc))
    return run_window(args)


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr)
    return code


def _one_line(text: str) -> str:
    """Escape line breaks and other control characters (a file name may hold them)."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        else ch
        for ch in text
    )


_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _print_out(text: str) -> None:
    """Print to stdout without crashing on what its encoding cannot hold.

    Deal texts may hold unpaired surrogates (JSON allows them) and a console may not be UTF-8;
    those characters come out as backslash escapes instead of a traceback.
    """
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        print(text.encode(encoding, "backslashreplace").decode(encoding), flush=True)
    except BrokenPipeError:
        # The reader went away (`| head -1`): that is its choice, not an error of ours.
        _silence_stdout()
    except OSError as exc:
        # A full disk or /dev/full: say so once; the exit code tells scripts it failed.
        _silence_stdout()
        raise OutputError(f"could not write the output ({exc.strerror or exc})") from None


class OutputError(Exception):
    """Standard output refused the text (a full disk, /dev/full): one line, exit 2."""


def _silence_stdout() -> None:
    """Point stdout at the null device so Python's own flush at exit stays quiet as well."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


#: What a terminal would obey in a deal's text: CSI (colours, cursor moves), OSC (titles,
#: links), other escape sequences and C0/C1 control characters. Tab and newline stay.
_TERMINAL_CONTROL_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC … ST
    r"|\x1b[@-~]?"  # a lone or two-byte escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # other control characters (C0 but tab/newline, C1)
)


def clean_for_terminal(text: str) -> str:
    """Text for people's terminals: escape sequences from the deal's text are dropped."""
    return _TERMINAL_CONTROL_RE.sub("", text)


def _load(path: str):
    from worksheet.io import DealFileError, load

    try:
        return load(path)
    except DealFileError as exc:
        raise UsageError(str(exc)) from None


def _speak_the_system_language() -> None:
    """The command line's words and exports follow the system locale, as the window does
    without a saved choice (the JSON summary stays in the spec's English words)."""
    from worksheet import i18n

    i18n.set_language(None)


def run_summary(args: argparse.Namespace) -> int:
    """One summary per file. A bad file gets its one line and the others are still summarised."""
    from worksheet.domain.summary import summarize, summary_to_dict

    _speak_the_system_language()
    several = len(args.files) > 1
    results: list[str | dict] = []
    failed = False
    for file in args.files:
        try:
            deal = _load(file)
        except UsageError as exc:
            _fail(str(exc))
            failed = True
            continue
        summary = summarize(deal)
        if args.json:
            results.append(summary_to_dict(deal, summary))
        else:
            # Escape sequences in the deal's text never reach the terminal (nor in a name).
            text = clean_for_terminal(summary_for_people(deal, summary))
            name = clean_for_terminal(_one_line(file))
            results.append(f"==> {name} <==\n{text}" if several else text)
    if args.json and results:
        value = results if several else results[0]
        text = json.dumps(value, ensure_ascii=False, indent=2)
        # Unpaired surrogates can only sit inside JSON strings: write them as \uXXXX escapes.
        text = _LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        _print_out(text)
    elif results:
        _print_out("\n\n".join(str(r) for r in results))
    return 2 if failed else 0


def run_import_review(args: argparse.Namespace) -> int:
    try:
        deal = _load(args.file)
    except UsageError as exc:
        return _fail(str(exc))
    from worksheet.export.xlsx.importer import WorkbookRefused, review_workbook

    try:
        review = review_workbook(deal, args.workbook)
    except WorkbookRefused as exc:
        return _fail(f"{Path(args.workbook).name}: {exc}")
    if args.json:
        data = {
            "workbook": review.title,
            "changes": [c.to_json() for c in review.changes],
            "notes": review.notes,
        }
        text = json.dumps(data, ensure_ascii=False, indent=2)
        _print_out(_LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
        return 0
    lines = [f"{len(review.applicable)} change(s) from {Path(args.workbook).name}:"]
    lines += [f"  {c.line()}" for c in review.changes]
    if not review.changes:
        lines = [f"{Path(args.workbook).name}: no changes"]
    lines += [f"note: {n}" for n in review.notes]
    _print_out("\n".join(lines))
    return 0


def summary_for_people(deal, summary) -> str:
    from worksheet.present.numbers import format_chance, format_money, format_range
    from worksheet.present.sentences import exact_chance, status_sentence

    money = lambda a: format_money(a, deal.currency)  # noqa: E731
    lines = [
        deal.title or "(untitled deal)",
        f"We are the {summary.role}; amounts in {deal.currency}.",
    ]
    lines.append("")
    lines.append(status_sentence(summary, deal.currency))
    for name, zone in (
        ("worst", summary.worst),
        ("likely", summary.likely),
        ("best", summary.best),
    ):
        text = "—" if zone is None else format_range(zone.low, zone.high, deal.currency)
        lines.append(f"  {name:<7} {text}")
    lines.append(f"  chance  {format_chance(exact_chance(summary))}")
    if summary.gap is not None:
        lines.append(f"  gap     {money(summary.gap)}")
    cost, value = money(summary.package_cost), money(summary.package_value)
    lines.append(f"Package: costs us {cost}, worth {value} to them.")
    if summary.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  ! {w.message}" for w in summary.warnings)
    lines.append("")
    lines.append(f"Readiness: {summary.readiness_done} of {len(summary.readiness)}")
    lines.extend(f"  [{'x' if c.done else ' '}] {c.label}" for c in summary.readiness)
    return "\n".join(lines)


def run_export(args: argparse.Namespace) -> int:
    _speak_the_system_language()
    if not args.pdf and not args.xlsx and not args.debrief:
        return _fail(
            "say what to write: --pdf OUT.pdf, --xlsx OUT.xlsx and/or --debrief OUT.pdf "
            "(see 'deal-worksheet export --help')"
        )
    from worksheet.io.atomic import WriteRefused, check_writable_target, refuse_same_paths

    outputs = [out for out in (args.pdf, args.xlsx, args.debrief) if out]
    try:
        # Before the deal is read or anything rendered: never over the source, never two
        # outputs into one file, never onto a pipe, a device or a folder.
        refuse_same_paths(outputs, [args.file])
        for out in outputs:
            check_writable_target(out)
    except WriteRefused as exc:
        return _fail(str(exc))
    try:
        deal = _load(args.file)
    except UsageError as exc:
        return _fail(str(exc))
    from worksheet.export.registry import exporter

    for kind, out in (("pdf", args.pdf), ("xlsx", args.xlsx)):
        if not out:
            continue
        try:
            chosen = exporter(kind)
            report = chosen.run(deal, out, discreet=args.discreet, paper=args.paper)
            for note in chosen.notes(report):
                print(f"{PROG}: note: {_one_line(note)}", file=sys.stderr)
        except WriteRefused as exc:
            return _fail(str(exc))
        except OSError as exc:
            return _fail(f"could not write {out}: {exc.strerror or exc}", 1)
        _print_out(f"wrote {Path(out)}")
    return _export_debrief(args, deal)


def _export_debrief(args: argparse.Namespace, deal) -> int:
    """`export FILE --debrief OUT.pdf`: the one-page debrief (checked with the other outputs)."""
    if not args.debrief:
        return 0
    from worksheet.export.pdf.debrief import export_debrief
    from worksheet.io.atomic import WriteRefused

    try:
        export_debrief(deal, args.debrief, paper=args.paper, discreet=args.discreet)
    except WriteRefused as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"could not write {args.debrief}: {exc.strerror or exc}", 1)
    _print_out(f"wrote {Path(args.debrief)}")
    return 0


def run_calibration(args: argparse.Namespace) -> int:
    from worksheet.domain.calibration import calibration_to_dict
    from worksheet.library import scan
    from worksheet.present.library import calibration_lines

    folder = Path(args.folder)
    if not folder.is_dir():
        return _fail(f"{folder}: not a folder")
    listing = scan(folder)
    cal = listing.calibration()
    if args.json:
        data = calibration_to_dict(cal)
        data["files"] = len(listing.entries)
        data["unreadable"] = sum(1 for e in listing.entries if e.state != "ok")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        _print_out(_LONE_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    else:
        _print_out("\n".join(calibration_lines(cal)))
    return 0


#: A first word that reads like a command (and is no file): `deal-worksheet help`, `sumary`.
_COMMAND_LIKE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
COMMANDS = ("summary", "export", "calibration", "import-review")


def _unknown_command(file: str | None) -> str | None:
    if file is None or not _COMMAND_LIKE_RE.fullmatch(file) or os.path.lexists(file):
        return None
    return (
        f"unknown command '{file}' (commands: {', '.join(COMMANDS)}; "
        f"to open a file named {file}, write ./{file}; see '{PROG} --help')"
    )


def run_window(args: argparse.Namespace) -> int:
    from worksheet.display import display_problem
    from worksheet.speed import freeze_survivors, pause_collector

    problem = display_problem()
    if problem and args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        # A picture needs no screen: draw it offscreen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        problem = None
    if problem:
        return _fail(problem)

    # Importing Qt makes many long-lived objects; collecting while they arrive is wasted work.
    # `run` turns the collector back on once the window is up (and freezes what start-up made).
    pause_collector()

    try:
        from worksheet.ui.launch import run
    except ImportError as exc:
        freeze_survivors(resume=True)
        return _fail(f"the window cannot start: {exc}", 1)
    return run(args)
