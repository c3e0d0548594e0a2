"""Packaging: Linux desktop files, Windows and macOS installer inputs, icons, freeze rules."""

from __future__ import annotations

import configparser
import importlib.util
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from worksheet import APP_ID, APP_NAME, __version__
from worksheet.export.pdf.text import FONT_FILES

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
PLIST = PACKAGING / "macos" / "Info.plist"
ISS = PACKAGING / "windows" / "deal-worksheet.iss"
SVG = ROOT / "resources" / "icons" / "deal-worksheet.svg"
MIME_TYPE = "application/x-deal-worksheet"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SHARED_MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _load(name: str):
    """A script from packaging/ (not a package) as a module; dataclasses need it registered."""
    qualified = f"_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (CI installs desktop-file-utils and appstream)")
    return path


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


# --- Linux ---------------------------------------------------------------------------------


def test_desktop_file_validates():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Hints are not errors, but a clean file should not even have those.
    assert result.stdout.strip() == ""


def test_desktop_file_launches_the_app_with_a_file_and_declares_the_type():
    entry = _desktop_entry(DESKTOP)
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "deal-worksheet"
    assert "%f" in entry["Exec"].split()  # one file per window, as the command line takes
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"


def test_metainfo_validates_offline():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # No warnings either (infos such as newer tags on an older appstream are fine).
    assert not re.search(r"^W:", result.stdout, re.MULTILINE), result.stdout


def test_metainfo_describes_this_app_and_release():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("name") == APP_NAME
    assert len(root.findall("description/p")) >= 1
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].find("description") is not None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert root.find("content_rating").get("type") == "oars-1.1"
    image = root.find("screenshots/screenshot/image").text.strip()
    assert image.startswith("https://raw.githubusercontent.com/")
    assert image.endswith("/docs/screenshots/main-light.png")
    assert root.findtext("provides/mediatype") == MIME_TYPE


def test_mime_entry_has_the_glob_and_the_json_parent():
    root = ET.parse(MIME).getroot()
    types = root.findall(f"{SHARED_MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    mime = types[0]
    assert [g.get("pattern") for g in mime.findall(f"{SHARED_MIME_NS}glob")] == ["*.deal"]
    parents = [s.get("type") for s in mime.findall(f"{SHARED_MIME_NS}sub-class-of")]
    assert parents == ["application/json"]
    assert mime.find(f"{SHARED_MIME_NS}icon").get("name") == APP_ID
    assert mime.findtext(f"{SHARED_MIME_NS}comment")


def test_mime_database_accepts_the_entry(tmp_path):
    tool = _tool("update-mime-database")
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, tmp_path / "mime" / "packages" / f"{APP_ID}.xml")
    result = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stderr.lower(), result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert f"{MIME_TYPE}:*.deal" in globs
    assert f"{MIME_TYPE} application/json" in (tmp_path / "mime" / "subclasses").read_text()


@pytest.fixture
def fake_bundle(tmp_path) -> Path:
    """A stand-in for dist/deal-worksheet in a folder whose name needs quoting."""
    bundle = tmp_path / "my bundle"
    bundle.mkdir()
    exe = bundle / "deal-worksheet"
    exe.write_text("#!/bin/sh\necho frozen\n")
    exe.chmod(0o755)
    (bundle / "_internal").mkdir()
    (bundle / "_internal" / "marker").write_text("bundled")
    return bundle


def _run_install(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["sh", str(LINUX / "install.sh"), *args], env=env, capture_output=True, text=True
    )


def test_install_script_installs_and_uninstalls_for_the_user(tmp_path, fake_bundle):
    home = tmp_path / "home dir $USER"  # a space and a dollar: Exec needs quoting and escapes
    home.mkdir()
    result = _run_install(home, "--bundle", str(fake_bundle))
    assert result.returncode == 0, result.stderr

    target = home / ".local" / "opt" / "deal-worksheet"
    assert (target / "_internal" / "marker").read_text() == "bundled"
    link = home / ".local" / "bin" / "deal-worksheet"
    assert link.is_symlink() and link.resolve() == (target / "deal-worksheet").resolve()
    share = home / ".local" / "share"
    installed = share / "applications" / f"{APP_ID}.desktop"
    entry = _desktop_entry(installed)
    # The menu runs the installed copy by its full, quoted path.
    assert entry["Exec"] == f'"{target}/deal-worksheet" %f'.replace("$", "\\\\$")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
        assert check.returncode == 0, check.stdout
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").read_bytes() == MIME.read_bytes()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in PNG_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.deal" in (share / "mime" / "globs2").read_text()

    result = _run_install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not target.exists() and not link.exists() and not installed.exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
    assert fake_bundle.joinpath("deal-worksheet").exists()  # the source bundle is left alone


def test_install_script_leaves_a_command_it_did_not_make(tmp_path, fake_bundle):
    home = tmp_path / "home"
    other = home / ".local" / "bin" / "deal-worksheet"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\n# installed by pip --user\n")
    result = _run_install(home, "--bundle", str(fake_bundle))
    assert result.returncode == 0, result.stderr
    assert "not ours" in result.stdout
    assert not other.is_symlink() and "pip --user" in other.read_text()
    assert (home / ".local" / "opt" / "deal-worksheet" / "deal-worksheet").is_file()
    assert _run_install(home, "--uninstall").returncode == 0
    assert "pip --user" in other.read_text()


def test_install_script_refuses_a_missing_bundle(tmp_path):
    result = _run_install(tmp_path, "--bundle", str(tmp_path / "nothing here"))
    assert result.returncode == 1
    assert "no frozen app" in result.stderr
    assert not (tmp_path / ".local").exists()


# --- macOS and Windows ---------------------------------------------------------------------


def test_info_plist_declares_and_exports_the_deal_type():
    with PLIST.open("rb") as handle:
        info = plistlib.load(handle)
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleExecutable"] == "deal-worksheet"
    assert (PACKAGING / "macos" / info["CFBundleIconFile"]).is_file()
    exported = info["UTExportedTypeDeclarations"]
    assert len(exported) == 1
    uti = exported[0]["UTTypeIdentifier"]
    assert uti.startswith("io.github.dealworksheet.")
    assert "public.json" in exported[0]["UTTypeConformsTo"]
    tags = exported[0]["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["deal"]
    assert tags["public.mime-type"] == [MIME_TYPE]
    (document,) = info["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [uti]
    assert document["CFBundleTypeRole"] == "Editor"


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def test_inno_setup_script_has_the_id_association_and_uninstaller():
    sections = _iss_sections(ISS.read_text(encoding="utf-8"))
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', "\n".join(sections[""])))
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppId"] == APP_ID
    assert setup["ChangesAssociations"] == "yes"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#ExeName}"
    assert defines["ExeName"] == "deal-worksheet.exe"
    assert (PACKAGING / "windows" / "deal-worksheet.ico").is_file()
    assert any(line.startswith('Source: "dist\\deal-worksheet\\*"') for line in sections["Files"])
    assert any("{autoprograms}" in line for line in sections["Icons"])
    registry = "\n".join(sections["Registry"])
    assert 'Subkey: "Software\\Classes\\.deal\\OpenWithProgids"' in registry
    assert '"{app}\\{#ExeName}"" ""%1"""' in registry  # the double-clicked file is passed on
    assert f'ValueData: "{MIME_TYPE}"' in registry
    assert registry.count("uninsdelete") >= 4


def test_every_version_equals_the_package_version():
    # (A regular expression, since tomllib needs Python 3.11 and we support 3.10.)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE).group(1) == __version__
    with PLIST.open("rb") as handle:
        info = plistlib.load(handle)
    assert info["CFBundleShortVersionString"] == __version__
    assert info["CFBundleVersion"] == __version__
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(r'#define AppVersion "([^"]+)"', iss).group(1) == __version__
    release = ET.parse(METAINFO).getroot().find("releases/release")
    assert release.get("version") == __version__


# --- icons and the freeze rules -------------------------------------------------------------


def test_icon_svg_parses_and_is_square():
    root = ET.parse(SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, width, height = (float(v) for v in root.get("viewBox").split())
    assert (x, y) == (0, 0) and width == height
    scalable = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == SVG.read_bytes()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icons_exist_at_every_size(size):
    for path in (
        LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
        ROOT / "resources" / "icons" / f"deal-worksheet-{size}.png",
    ):
        assert _png_size(path) == (size, size)


def test_ico_holds_png_images_from_16_to_256():
    data = (PACKAGING / "windows" / "deal-worksheet.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_is_well_formed():
    data = (PACKAGING / "macos" / "deal-worksheet.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        assert data[at + 8 : at + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        at += length
    assert at == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_icon_containers_round_trip():
    render = _load("render_icons")
    pngs = {16: b"\x89PNG\r\n\x1a\n" + b"a" * 10, 256: b"\x89PNG\r\n\x1a\n" + b"b" * 30}
    ico = render.make_ico(pngs)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    first = struct.unpack("<BBBBHHII", ico[6:22])
    second = struct.unpack("<BBBBHHII", ico[22:38])
    assert first[0] == 16 and second[0] == 0  # 0 stands for 256
    assert ico[first[7] : first[7] + first[6]] == pngs[16]
    assert ico[second[7] : second[7] + second[6]] == pngs[256]


def test_freeze_rules_keep_what_the_app_needs_and_drop_the_rest():
    rules = _load("freeze_rules")
    kept = [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "resources/samples/job-offer.deal",
        *(f"resources/fonts/{name}" for name in sorted(set(FONT_FILES.values()))),
        # Qt's own words in the app's languages, and the app's catalogs
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_ar.qm",
        "resources/translations/de/LC_MESSAGES/worksheet.mo",
    ]
    dropped = [
        "PySide6\\translations\\qtbase_fr.qm",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        "PySide6\\plugins\\imageformats\\qpdf.dll",
        "PySide6\\plugins\\platforms\\qvnc.dll",
    ]
    assert all(rules.wanted((path, "src", "BINARY")) for path in kept)
    assert not any(rules.wanted((path, "src", "BINARY")) for path in dropped)
    for name in ("worksheet.ui.launch", "worksheet.export.pdf", "worksheet.export.xlsx"):
        assert name in rules.EXTRA_HIDDEN_IMPORTS
    assert "PIL" not in rules.EXCLUDES  # reportlab cannot import without Pillow
    # Shaping and bidi are imported only when a text needs them, so they are named.
    assert {"uharfbuzz", "bidi.algorithm"} <= set(rules.EXTRA_HIDDEN_IMPORTS)
    # Babel only builds the catalogs; the bundle reads them with gettext.
    assert "babel" in rules.EXCLUDES


def test_every_bundled_font_is_truetype_with_its_licence_beside_it():
    fonts = ROOT / "resources" / "fonts"
    # LICENSE-Noto.txt covers NotoSansArabic-Regular.ttf and the other Noto faces.
    licensed = [p.stem.removeprefix("LICENSE-") for p in fonts.glob("LICENSE-*.txt")]
    for name in set(FONT_FILES.values()):
        data = (fonts / name).read_bytes()
        assert data[:4] == b"\x00\x01\x00\x00", f"{name}: reportlab embeds TrueType outlines only"
        assert any(name.startswith(family) for family in licensed), name
    # Together they stay small (the whole bundle aims at 150 MiB).
    assert sum((fonts / n).stat().st_size for n in set(FONT_FILES.values())) < 10 * 2**20


def test_orphaned_libraries_are_pruned_and_needed_ones_kept():
    rules = _load("freeze_rules")
    links = {
        "/src/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/src/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/src/libqxcb.so": ["libxcb-cursor.so.0"],
    }
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        # Left behind by the dropped GTK theme and OpenGL plugins:
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", "/src/libQt6OpenGL.so.6", "BINARY"),
        ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
    ]
    kept = rules.without_orphans(binaries, lambda src: links.get(src, []))
    names = [entry[0] for entry in kept]
    assert "libcairo.so.2" not in names
    assert "PySide6/Qt/lib/libQt6OpenGL.so.6" not in names
    assert "libQt6OpenGL.so.6" not in names
    assert names == [entry[0] for entry in binaries[:7]]


def test_windows_version_resource_names_this_version():
    rules = _load("freeze_rules")
    text = rules.windows_version_text(__version__, APP_NAME)

    # Read it the way PyInstaller does on Windows (an expression over its version-info
    # classes), with stand-ins that keep what they are given.
    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable")
    namespace = {
        name: record(name) for name in (*names, "StringStruct", "VarFileInfo", "VarStruct")
    }
    _, _, info = eval(text, {"__builtins__": {}}, namespace)
    numbers = (*(int(part) for part in __version__.split(".")), 0)
    assert info["ffi"][2]["filevers"] == numbers == info["ffi"][2]["prodvers"]
    (string_info, _var_info) = info["kids"]
    ((_, (language, structs), _),) = string_info[1][0]
    assert language == "040904B0"
    fields = {args[0]: args[1] for _, args, _ in structs}
    assert fields["ProductVersion"] == fields["FileVersion"] == __version__
    assert fields["ProductName"] == APP_NAME
    assert fields["OriginalFilename"] == "deal-worksheet.exe"


def test_lazily_imported_modules_named_for_the_freeze_exist():
    # The freeze cannot see imports made inside functions by name only; a renamed module
    # would leave the bundle without it, so the names must stay real.
    rules = _load("freeze_rules")
    for name in rules.EXTRA_HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name


def test_smoke_test_environment_is_empty_but_for_home_and_path(tmp_path, monkeypatch):
    build = _load("build")
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    monkeypatch.setenv("DISPLAY", ":0")
    env = build.clean_environment(tmp_path)
    if sys.platform != "win32":
        assert env == {
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "QT_QPA_PLATFORM": "offscreen",
        }
    assert "PYTHONPATH" not in env and "DISPLAY" not in env
    png = tmp_path / "x.png"
    png.write_bytes(
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 1280, 800)
    )
    assert build.png_size(png) == (1280, 800)
    png.write_bytes(b"GIF89a" + bytes(30))
    assert build.png_size(png) is None


def test_spec_turns_on_utf8_mode_with_the_spelling_pyinstaller_reads():
    spec = (PACKAGING / "deal-worksheet.spec").read_text(encoding="utf-8")
    assert 'options = [("X utf8", None, "OPTION")]' in spec
    assert spec.count("a.scripts, options,") == 2  # the window's and the console's programs
    compile(spec, "deal-worksheet.spec", "exec")  # at least valid Python


def test_launcher_runs_the_apps_main():
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launcher.py"), "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"deal-worksheet {__version__}"
