"""Freeze Deal Worksheet into dist/deal-worksheet/ with PyInstaller, then smoke-test the result."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "deal-worksheet.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "deal-worksheet"
LINUX_FILES = (
    "io.github.dealworksheet.DealWorksheet.desktop",
    "io.github.dealworksheet.DealWorksheet.mime.xml",
    "io.github.dealworksheet.DealWorksheet.metainfo.xml",
    "install.sh",
)
# Issue 6 asks for at most this much on Linux; the biggest single part is Qt's ICU data.
LINUX_SIZE_LIMIT_MIB = 150
WINDOWS = sys.platform == "win32"
SCREENSHOT_SIZE = (1280, 800)

sys.path.insert(0, str(ROOT))
from worksheet import __version__  # noqa: E402


def mib(n_bytes: int) -> str:
    return f"{n_bytes / 2**20:.1f} MiB"


def tree_size(path: Path) -> int:
    """Bytes the files below `path` take, counting each file once and links not at all."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            file = Path(dirpath) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def freeze(clean: bool) -> None:
    if not (PACKAGING / "linux" / "icons" / "hicolor" / "256x256").is_dir():
        run_checked([sys.executable, str(PACKAGING / "render_icons.py")])
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    run_checked(command)
    print(f"froze {BUNDLE.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")


def run_checked(command: list[str]) -> None:
    print("$", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"build.py: command failed with exit code {result.returncode}")


def add_linux_files() -> None:
    """Put the desktop integration beside the app, so the bundle installs itself (linux/)."""
    target = BUNDLE / "linux"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    for name in LINUX_FILES:
        shutil.copy2(PACKAGING / "linux" / name, target / name)
    (target / "install.sh").chmod(0o755)
    shutil.copytree(PACKAGING / "linux" / "icons", target / "icons")


def report_size() -> int:
    total = tree_size(BUNDLE)
    print(f"\nbundle {BUNDLE.relative_to(ROOT)}: {mib(total)}")
    internal = BUNDLE / "_internal"
    parts: list[tuple[int, str]] = []
    for child in internal.iterdir() if internal.is_dir() else ():
        if child.is_symlink():
            continue
        size = tree_size(child) if child.is_dir() else child.stat().st_size
        parts.append((size, child.name))
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    if qt_lib.is_dir():
        for child in qt_lib.iterdir():
            if child.is_file() and not child.is_symlink():
                parts.append((child.stat().st_size, f"PySide6/Qt/lib/{child.name}"))
    print("largest parts:")
    for size, name in sorted(parts, reverse=True)[:10]:
        print(f"  {mib(size):>10}  {name}")
    return total


# --- smoke test --------------------------------------------------------------------------


@dataclass
class Step:
    name: str
    ok: bool
    seconds: float
    detail: str


def clean_environment(home: Path) -> dict[str, str]:
    """What `env -i` leaves, plus an empty home: no Python, no user settings, no display."""
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if WINDOWS:
        # Windows cannot start a process without these; the user folders point at `home`.
        for key in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT"):
            if key in os.environ:
                env[key] = os.environ[key]
        env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
        env["USERPROFILE"] = str(home)
        env["APPDATA"] = str(home / "AppData" / "Roaming")
        env["LOCALAPPDATA"] = str(home / "AppData" / "Local")
        env["TEMP"] = env["TMP"] = str(home / "Temp")
        (home / "Temp").mkdir(parents=True, exist_ok=True)
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def png_size(path: Path) -> tuple[int, int] | None:
    data = path.read_bytes()[:24]
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def smoke_test(bundle: Path) -> list[Step]:
    exe = bundle / ("deal-worksheet.exe" if WINDOWS else "deal-worksheet")
    # On Windows the window's executable has no console; text goes through the -cli twin.
    text_exe = bundle / "deal-worksheet-cli.exe" if WINDOWS else exe
    internal = bundle / "_internal"
    samples = sorted((internal / "resources" / "samples").glob("*.deal"))
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="deal-worksheet-smoke-") as scratch:
        home = Path(scratch) / "empty home"
        cwd = Path(scratch) / "somewhere else"
        home.mkdir()
        cwd.mkdir()
        env = clean_environment(home)
        # A relative path with a space and non-ASCII letters, from a folder unrelated to the bundle.
        sample = cwd / "Négociation renewal.deal"
        if samples:
            shutil.copy2(samples[0], sample)
        title = json.loads(sample.read_text(encoding="utf-8")).get("title", "") if samples else ""

        def run(name: str, program: Path, args: list[str], check: Callable[[str], str | None]):
            started = time.monotonic()
            try:
                result = subprocess.run(
                    [str(program), *args],
                    cwd=cwd,
                    env=env,
                    capture_output=True,
                    timeout=120,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                steps.append(Step(name, False, time.monotonic() - started, str(exc)))
                return
            seconds = time.monotonic() - started
            out = result.stdout.decode("utf-8", "replace")
            err = result.stderr.decode("utf-8", "replace")
            if result.returncode != 0:
                detail = f"exit {result.returncode}: {(err or out).strip()[-600:]}"
                steps.append(Step(name, False, seconds, detail))
                return
            problem = check(out)
            first_line = out.strip().splitlines()[0][:60] if out.strip() else ""
            steps.append(Step(name, problem is None, seconds, problem or first_line))

        def expect_version(out: str) -> str | None:
            wanted = f"deal-worksheet {__version__}"
            return None if out.strip() == wanted else f"printed {out.strip()!r}, not {wanted!r}"

        def expect_title(out: str) -> str | None:
            return None if title and title in out else "the summary does not name the deal"

        def expect_json(out: str) -> str | None:
            try:
                json.loads(out)
            except ValueError as exc:
                return f"not JSON: {exc}"
            return None

        def expect_files(out: str) -> str | None:
            pdf, xlsx = cwd / "prep sheet.pdf", cwd / "out" / "workbook.xlsx"
            if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
                return "no PDF was written"
            try:
                with zipfile.ZipFile(xlsx) as book:
                    if "xl/workbook.xml" not in book.namelist():
                        return "the workbook has no xl/workbook.xml"
            except (OSError, zipfile.BadZipFile) as exc:
                return f"no readable workbook: {exc}"
            return None

        def expect_png(out: str) -> str | None:
            shot = cwd / "window.png"
            size = png_size(shot) if shot.is_file() else None
            if size is None:
                return "no PNG was written"
            if size != SCREENSHOT_SIZE:
                width, height = SCREENSHOT_SIZE
                return f"the picture is {size[0]}×{size[1]}, not {width}×{height}"
            return None

        if not samples:
            steps.append(Step("bundled samples", False, 0.0, "no samples in resources/samples"))
            return steps
        (cwd / "out").mkdir()
        run("--version", text_exe, ["--version"], expect_version)
        run("summary", text_exe, ["summary", sample.name], expect_title)
        run("summary --json", text_exe, ["summary", sample.name, "--json"], expect_json)
        run(
            "export --pdf --xlsx",
            exe,
            ["export", sample.name, "--pdf", "prep sheet.pdf", "--xlsx", "out/workbook.xlsx"],
            expect_files,
        )
        run("--screenshot FILE", exe, [sample.name, "--screenshot", "window.png"], expect_png)
        # With no file the window opens the sample it finds inside the bundle (sys._MEIPASS).
        (cwd / "window.png").unlink(missing_ok=True)
        run("--screenshot (sample)", exe, ["--screenshot", "window.png"], expect_png)
        # Kept for a person to look at.
        keep = WORK.parent / "smoke"
        keep.mkdir(parents=True, exist_ok=True)
        for made in (cwd / "prep sheet.pdf", cwd / "out" / "workbook.xlsx", cwd / "window.png"):
            if made.is_file():
                shutil.copy2(made, keep / made.name)
        print(f"smoke-test outputs kept in {keep.relative_to(ROOT)}/")
        written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
        print(f"files the app left in the empty home: {written or 'none'}")
    return steps


def print_steps(steps: list[Step]) -> bool:
    print("\nsmoke test of the frozen app (clean environment, empty home, other folder):")
    for step in steps:
        mark = "ok  " if step.ok else "FAIL"
        print(f"  {mark} {step.name:<22} {step.seconds:5.1f} s  {step.detail}")
    return all(step.ok for step in steps)


def archive() -> Path:
    """dist/deal-worksheet-VERSION-PLATFORM.tar.gz (Linux, macOS) or .zip (Windows)."""
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    platform_name = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    stem = f"deal-worksheet-{__version__}-{platform_name}-{machine}"
    if WINDOWS:
        out = Path(shutil.make_archive(str(DIST / stem), "zip", DIST, BUNDLE.name))
    else:
        out = DIST / f"{stem}.tar.gz"
        with tarfile.open(out, "w:gz") as tar:
            tar.add(BUNDLE, arcname=BUNDLE.name)
    print(f"archive {out.relative_to(ROOT)}: {mib(out.stat().st_size)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-smoke", action="store_true", help="freeze but do not run the result")
    parser.add_argument(
        "--smoke-only", action="store_true", help="smoke-test the existing dist/ without freezing"
    )
    parser.add_argument(
        "--keep-cache", action="store_true", help="reuse PyInstaller's cache (faster, less sure)"
    )
    parser.add_argument("--archive", action="store_true", help="also pack the bundle for upload")
    args = parser.parse_args(argv)

    if not args.smoke_only:
        freeze(clean=not args.keep_cache)
        if sys.platform.startswith("linux"):
            add_linux_files()
    if not BUNDLE.is_dir():
        raise SystemExit(f"build.py: {BUNDLE} does not exist; run without --smoke-only first")
    total = report_size()
    ok = True
    if sys.platform.startswith("linux") and total > LINUX_SIZE_LIMIT_MIB * 2**20:
        print(f"FAIL the bundle is over {LINUX_SIZE_LIMIT_MIB} MiB")
        ok = False
    if not args.no_smoke:
        ok = print_steps(smoke_test(BUNDLE)) and ok
    if ok and args.archive:
        archive()
    print("\nall good" if ok else "\nbuild.py: something failed (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
