#!/bin/sh
# Install the frozen Deal Worksheet for the current user: the bundle goes to ~/.local/opt,
# the menu entry, the .deal file type, the icons and the AppStream data to the XDG folders.
#
#   install.sh [--bundle DIR] [--uninstall]
#
# Run it from the unpacked bundle (deal-worksheet/linux/install.sh) or from a source checkout
# after `python packaging/build.py` (packaging/linux/install.sh finds dist/deal-worksheet).
# Nothing needs root. Honour XDG_DATA_HOME, and DEAL_WORKSHEET_OPT for the bundle's parent.
set -eu

APP_ID=io.github.dealworksheet.DealWorksheet
EXE=deal-worksheet
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
opt_root=${DEAL_WORKSHEET_OPT:-"$HOME/.local/opt"}
target="$opt_root/deal-worksheet"
bin_dir="$HOME/.local/bin"

usage() {
    echo "usage: $0 [--bundle DIR] [--uninstall]" >&2
    exit 2
}

bundle=
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) [ $# -ge 2 ] || usage; bundle=$2; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) usage ;;
    esac
done

# Refresh the caches that desktops read, when the tools exist; a missing tool only delays
# the icon or the file association until the next login, so it is not an error.
refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

if [ "$uninstall" -eq 1 ]; then
    rm -f "$data_home/applications/$APP_ID.desktop" \
          "$data_home/mime/packages/$APP_ID.xml" \
          "$data_home/metainfo/$APP_ID.metainfo.xml"
    rm -f "$data_home"/icons/hicolor/*/apps/"$APP_ID".png \
          "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
    # Only remove the command link if it is ours.
    if [ -L "$bin_dir/$EXE" ] && [ "$(readlink "$bin_dir/$EXE")" = "$target/$EXE" ]; then
        rm -f "$bin_dir/$EXE"
    fi
    rm -rf "$target"
    refresh_caches
    echo "Deal Worksheet removed (your .deal files and settings are untouched)."
    exit 0
fi

if [ -z "$bundle" ]; then
    if [ -x "$here/../$EXE" ]; then
        bundle="$here/.."                       # inside the unpacked bundle
    else
        bundle="$here/../../dist/deal-worksheet"  # in a source checkout
    fi
fi
if [ ! -x "$bundle/$EXE" ]; then
    echo "install.sh: no frozen app at $bundle/$EXE; build it with 'python packaging/build.py'" \
         "or pass --bundle DIR" >&2
    exit 1
fi
bundle=$(CDPATH= cd -- "$bundle" && pwd)

# Copy to a fresh folder beside the old one and swap, so a failed copy leaves the old install.
if [ "$bundle" != "$target" ]; then
    mkdir -p "$opt_root"
    rm -rf "$target.new"
    cp -R "$bundle" "$target.new"
    rm -rf "$target"
    mv "$target.new" "$target"
fi

# The command link, unless a real file of that name is there (a pip --user install, say):
# that one is not ours to replace.
mkdir -p "$bin_dir"
link_note=
if [ -e "$bin_dir/$EXE" ] && [ ! -L "$bin_dir/$EXE" ]; then
    link_note="  note: $bin_dir/$EXE already exists and is not ours; left as it is."
else
    ln -sfn "$target/$EXE" "$bin_dir/$EXE"
fi

# The menu entry runs the installed executable by its full path, since ~/.local/bin is not
# on every desktop session's PATH. Exec needs the Desktop Entry quoting: inside double
# quotes escape " ` $ and \, then escape every \ again and every % for the file format.
exec_path=$(printf '%s' "$target/$EXE" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
try_path=$(printf '%s' "$target/$EXE" | sed -e 's/\\/\\\\/g')
mkdir -p "$data_home/applications"
sed -e "s|^Exec=.*|Exec=\"$(printf '%s' "$exec_path" | sed 's/[&|\\]/\\&/g')\" %f|" \
    -e "s|^TryExec=.*|TryExec=$(printf '%s' "$try_path" | sed 's/[&|\\]/\\&/g')|" \
    "$here/$APP_ID.desktop" > "$data_home/applications/$APP_ID.desktop"

mkdir -p "$data_home/mime/packages" "$data_home/metainfo"
cp "$here/$APP_ID.mime.xml" "$data_home/mime/packages/$APP_ID.xml"
cp "$here/$APP_ID.metainfo.xml" "$data_home/metainfo/$APP_ID.metainfo.xml"

for icon in "$here"/icons/hicolor/*/apps/"$APP_ID".*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$data_home/icons/hicolor/$size_dir/apps"
    cp "$icon" "$data_home/icons/hicolor/$size_dir/apps/"
done

refresh_caches

echo "Deal Worksheet installed in $target"
if [ -z "$link_note" ]; then
    echo "  command:   $bin_dir/$EXE"
else
    echo "$link_note"
fi
echo "  menu:      $data_home/applications/$APP_ID.desktop"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "  note: $bin_dir is not on your PATH; the menu entry works regardless." ;;
esac
