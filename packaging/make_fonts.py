"""Rebuild the two subset fonts in resources/fonts from Debian's font packages.

The Noto faces are copied unchanged; the Hangul and emoji faces are cut down to the ranges
the prep sheet needs (NanumGothic 4.6 MiB -> 1.3 MiB, Symbola 3.1 MiB -> 1.1 MiB) and renamed,
as the OFL asks of a modified font with reserved names.

    apt-get download fonts-nanum fonts-symbola && dpkg -x fonts-nanum_*.deb x && \
        dpkg -x fonts-symbola_*.deb x
    python packaging/make_fonts.py x/usr/share/fonts/truetype
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"

HANGUL = "U+1100-11FF,U+3000-303F,U+3130-318F,U+A960-A97F,U+AC00-D7A3,U+D7B0-D7FF,U+FF00-FFEF"
EMOJI = "U+2190-21FF,U+2300-23FF,U+2460-24FF,U+25A0-27BF,U+2900-297F,U+2B00-2BFF,U+1F000-1FAFF"
#: (source below the Debian font folder, unicode ranges, our file, our family name)
SUBSETS = (
    ("nanum/NanumGothic.ttf", HANGUL, "DWHangul-Regular.ttf", "DW Hangul"),
    ("ancient-scripts/Symbola_hint.ttf", EMOJI, "DWEmoji-Regular.ttf", "DW Emoji"),
)


def subset(source: Path, unicodes: str, target: Path, family: str) -> None:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    font = ft_subset.load_font(str(source), options)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=ft_subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    compact = family.replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID == 4:
            record.string = f"{family} Regular"
        elif record.nameID == 6:
            record.string = f"{compact}-Regular"
        elif record.nameID == 3:
            record.string = f"{compact}-Regular-subset"
    font.save(str(target))
    assert "glyf" in TTFont(str(target)), "reportlab embeds TrueType outlines only"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    base = Path(argv[0])
    for source, unicodes, target, family in SUBSETS:
        subset(base / source, unicodes, FONTS / target, family)
        print(f"{target}: {(FONTS / target).stat().st_size / 2**20:.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
