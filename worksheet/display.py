"""Before Qt starts: is there a screen to open the window on, and can Qt talk to it?

Qt itself aborts the whole process (exit 134) when it finds no display, and its message names
a library that is usually not the problem. These checks run first and say what is wrong in one
line, so the user learns what to do. Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys

#: The X11 libraries Qt's xcb plugin loads, and the Debian package of each
#: (`scripts/setup` installs them; README lists them).
X11_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)


def _uses_x11(env: os._Environ[str] | dict[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":", 1)[0].split(";", 1)[0] == "xcb"
    # Qt prefers Wayland when a Wayland session is there, X11 otherwise.
    return not env.get("WAYLAND_DISPLAY") and bool(env.get("DISPLAY"))


def display_problem(env: os._Environ[str] | dict[str, str] | None = None) -> str | None:
    """A one-line reason the window cannot open here, or None when it can try."""
    env = os.environ if env is None else env
    if sys.platform in ("win32", "darwin"):
        return None
    if not (env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return (
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run it in a desktop session, or under xvfb-run; "
            "'deal-worksheet summary' and 'export' need no display"
        )
    if _uses_x11(env):
        missing = missing_x11_packages()
        if missing:
            return (
                "the window needs system libraries that are not installed: "
                f"sudo apt-get install {' '.join(missing)} (or run scripts/setup)"
            )
    return None


def missing_x11_packages() -> list[str]:
    """The Debian packages of the xcb plugin's libraries that cannot be loaded."""
    import ctypes

    missing = []
    for library, package in X11_LIBRARIES:
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing
