#!/bin/sh
# Make dist/deal-worksheet-<version>-macos.dmg from dist/Deal Worksheet.app (built on a Mac
# by `python3 packaging/build.py`). The disk image holds the app and a link to /Applications,
# so installing is a drag.
#
# Signing: set CODESIGN_IDENTITY ("Developer ID Application: ...") to sign with hardened
# runtime; without it the app gets an ad-hoc signature, which runs on the Mac that built it
# but makes Gatekeeper ask elsewhere. Set NOTARY_PROFILE (a `xcrun notarytool
# store-credentials` profile) as well to notarize and staple the image.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
app="$root/dist/Deal Worksheet.app"

if [ "$(uname -s)" != Darwin ]; then
    echo "make_dmg.sh: hdiutil and codesign exist only on macOS" >&2
    exit 1
fi
if [ ! -d "$app" ]; then
    echo "make_dmg.sh: $app is missing; run 'python3 packaging/build.py' first" >&2
    exit 1
fi

# The version comes from the app itself, so the image's name can never disagree with it.
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
dmg="$root/dist/deal-worksheet-$version-macos.dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
else
    codesign --force --deep --sign - "$app"
fi
codesign --verify --deep --strict "$app"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "Deal Worksheet $version" -srcfolder "$staging" \
    -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$dmg"
hdiutil verify "$dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$dmg"
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
        xcrun stapler staple "$dmg"
    fi
fi

echo "wrote $dmg"
