"""What goes into the frozen bundle and what stays out: the rules deal-worksheet.spec applies."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Sequence

# A PyInstaller TOC entry: (path inside the bundle, source path or link target, type code).
Entry = tuple[str, str, str]

EXE_NAME = "deal-worksheet"

# The app imports its window and exporters lazily, and the exporters import reportlab and
# openpyxl lazily; these are named on top of everything below `worksheet` and `openpyxl`.
EXTRA_HIDDEN_IMPORTS = (
    "worksheet.ui.launch",
    "worksheet.export.pdf",
    "worksheet.export.xlsx",
    "reportlab.lib.colors",
    "reportlab.lib.pagesizes",
    "reportlab.lib.styles",
    "reportlab.lib.units",
    "reportlab.rl_settings",
    "platformdirs",
    # right-to-left order and shaping on the sheet (imported when a text needs them)
    "bidi",
    "bidi.algorithm",
    "bidi.mirror",
    "uharfbuzz",
)
HIDDEN_PACKAGES = (
    "worksheet",
    "openpyxl",
    "reportlab.pdfbase",
    "reportlab.pdfgen",
    "reportlab.platypus",
    "reportlab.graphics.shapes",
)

# reportlab's own font files (Vera and the standard Type 1 metrics), without its test font.
REPORTLAB_FONT_INCLUDES = ("fonts/*.ttf", "fonts/*.afm", "fonts/*.pfb", "fonts/*.txt")
REPORTLAB_FONT_EXCLUDES = ("fonts/hb-test.ttf",)

# Python modules that would come along only through optional imports in the libraries we
# use. Pillow stays (reportlab imports it unconditionally) but not its AVIF codec (4.7 MiB)
# or its Tk bridge. The app never goes online, so no OpenSSL either: hashlib falls back to
# Python's own digests, which spares us shipping (and patching) a TLS library.
EXCLUDES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "pdb",
    "lib2to3",
    "xmlrpc",
    "numpy",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "ssl",
    "_ssl",
    "_hashlib",
    "pytest",
    "_pytest",
    "hypothesis",
    "pypdf",
    # extracts and compiles the translation catalogs (python -m worksheet.i18n) in a checkout;
    # the app reads the compiled .mo files with the standard library (31 MiB of locale data)
    "babel",
    "fontTools",
    "IPython",
    "setuptools",
    "pkg_resources",
    # Qt modules the app never imports (it uses QtCore, QtGui and QtWidgets; its SVG icon
    # is drawn by Qt's SVG plugins, which bring libQt6Svg along by themselves).
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
)

# Files the Qt hooks collect that the app does not use, as patterns on the path inside the
# bundle. Of Qt's translations only those of the languages the app speaks are kept
# (QT_TRANSLATIONS_KEPT). Of the platform plugins we keep xcb and wayland (desktops), offscreen and
# minimal (screenshots, headless runs); eglfs, linuxfb, vnc and friends drive kiosks and
# embedded screens. The GTK 3 theme plugin needs the system's GTK, which would then meet the
# GLib we bundle: the portal theme gives native file dialogs without that risk.
_UNUSED_QT_PARTS = (
    "translations/*",
    "qml/*",
    "plugins/qmltooling/*",
    "plugins/designer/*",
    "plugins/sqldrivers/*",
    "plugins/tls/*",
    "plugins/networkinformation/*",
    "plugins/printsupport/*",
    "plugins/generic/*",
    "plugins/egldeviceintegrations/*",
    "plugins/wayland-graphics-integration-client/*",
    "plugins/wayland-graphics-integration-server/*",
    "plugins/platforms/*qeglfs*",
    "plugins/platforms/*qlinuxfb*",
    "plugins/platforms/*qminimalegl*",
    "plugins/platforms/*qvkkhrdisplay*",
    "plugins/platforms/*qvnc*",
    "plugins/platformthemes/*qgtk3*",
    "plugins/imageformats/*qpdf*",
    "plugins/imageformats/*qtiff*",
    "plugins/imageformats/*qwebp*",
    "plugins/imageformats/*qtga*",
    "plugins/imageformats/*qwbmp*",
    "plugins/imageformats/*qicns*",
)
# The PySide6 wheels keep Qt below PySide6/Qt/ on Linux and macOS, right in PySide6/ on Windows.
DROP = tuple(
    f"{prefix}/{part}" for prefix in ("PySide6/Qt", "PySide6") for part in _UNUSED_QT_PARTS
)


def _slashes(path: str) -> str:
    # Patterns use forward slashes; Windows builds list paths with backslashes.
    return path.replace("\\", "/")


#: Qt's own words (standard buttons, file dialogs, context menus) in the languages the app
#: speaks (worksheet.i18n.LANGUAGES); the other ~7 MiB of Qt translations stay out.
QT_TRANSLATIONS_KEPT = ("qtbase_de.qm", "qtbase_es.qm", "qtbase_ar.qm")


def wanted(entry: Sequence[str]) -> bool:
    """False for a bundle entry one of the DROP patterns names."""
    dest = _slashes(entry[0])
    if "/translations/" in dest and dest.rsplit("/", 1)[-1] in QT_TRANSLATIONS_KEPT:
        return True
    return not any(fnmatch.fnmatch(dest, pattern) for pattern in DROP)


def _is_library(dest: str) -> bool:
    """A shared library only other binaries link to (not an extension module or plugin)."""
    dest = _slashes(dest)
    name = dest.rsplit("/", 1)[-1]
    return (
        name.startswith("lib")
        and ".so" in name
        and "/plugins/" not in dest
        and not name.startswith("libpython")
    )


def without_orphans(
    binaries: Iterable[Entry], needed_by: Callable[[str], Iterable[str]]
) -> list[Entry]:
    """Drop the shared libraries nothing left in the bundle links to any more.

    PyInstaller gathered the libraries each dropped plugin needs (Qt's OpenGL and Network
    modules, GTK's cairo and pango, Kerberos...) before we dropped the plugin; walking the
    links again from what stays (Python extensions, libpython, Qt plugins) finds the ones
    still needed. `needed_by(source_path)` names the libraries one binary links to.
    """
    binaries = list(binaries)
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(_slashes(entry[0]).rsplit("/", 1)[-1], []).append(entry)
    kept = {id(entry) for entry in binaries if not _is_library(entry[0])}
    todo = [entry for entry in binaries if id(entry) in kept and entry[2] != "SYMLINK"]
    while todo:
        entry = todo.pop()
        for name in needed_by(entry[1]):
            for dep in by_name.get(name.rsplit("/", 1)[-1], []):
                if id(dep) in kept:
                    continue
                kept.add(id(dep))
                if dep[2] != "SYMLINK":
                    todo.append(dep)
                    continue
                # A top-level link stands for the real file deeper in the bundle.
                for real in by_name.get(_slashes(dep[1]).rsplit("/", 1)[-1], []):
                    if id(real) not in kept and real[2] != "SYMLINK":
                        kept.add(id(real))
                        todo.append(real)
    return [entry for entry in binaries if id(entry) in kept]


def without_dangling_links(entries: Iterable[Entry], present: set[str]) -> list[Entry]:
    """Drop the links PyInstaller made to libraries that are no longer in the bundle."""
    return [e for e in entries if e[2] != "SYMLINK" or _slashes(e[1]) in present]


def pyinstaller_needed_by(path: str) -> list[str]:
    """The libraries one binary links to, as PyInstaller's own dependency reader sees them."""
    from PyInstaller.depend import bindepend

    return [item[0] if isinstance(item, tuple) else item for item in bindepend.get_imports(path)]


def prune(binaries: list[Entry], datas: list[Entry], linux: bool) -> tuple[list, list]:
    """Apply DROP, then (on Linux, where we checked the ELF links) drop orphans and dead links."""
    binaries = [entry for entry in binaries if wanted(entry)]
    datas = [entry for entry in datas if wanted(entry)]
    if linux:
        binaries = without_orphans(binaries, pyinstaller_needed_by)
    present = {_slashes(e[0]) for e in (*binaries, *datas) if e[2] != "SYMLINK"}
    return without_dangling_links(binaries, present), without_dangling_links(datas, present)


def windows_version_text(version: str, app_name: str) -> str:
    """The version resource Windows Explorer shows under Properties > Details.

    Written in PyInstaller's version-file form (a Python expression that PyInstaller reads on
    Windows), because its version-info classes import only on Windows and we want the text
    checked on every system.
    """
    numbers = (*(int(part) for part in version.split(".")[:3]), 0)
    strings = {
        "CompanyName": "Deal Worksheet developers",
        "FileDescription": app_name,
        "FileVersion": version,
        "InternalName": EXE_NAME,
        "LegalCopyright": "MIT licence",
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": app_name,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table},
      ]),
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""
