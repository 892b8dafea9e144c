#!/bin/sh
# Gives FieldLog a menu entry and makes .fieldsync files open in it, for the current user only
# (no root). Run it from the unpacked FieldLog folder, where it lies next to the program:
#
#   ./install-desktop-entry.sh               install (again: it only overwrites its own files)
#   ./install-desktop-entry.sh --uninstall   remove what it installed (never the data folder)
#
# What it installs ($XDG_DATA_HOME defaults to ~/.local/share, $XDG_CONFIG_HOME to ~/.config):
#   $XDG_DATA_HOME/applications/fieldlog.desktop          Exec and TryExec name this folder's FieldLog
#   $XDG_DATA_HOME/icons/hicolor/<N>x<N>/apps/fieldlog.png  each size the folder ships
#   $XDG_DATA_HOME/mime/packages/fieldlog-fieldsync.xml   the application/x-fieldsync type
#   $XDG_CONFIG_HOME/mimeapps.list                        application/x-fieldsync=fieldlog.desktop
# then runs update-mime-database and update-desktop-database when the system has them. The
# files come from share/ next to this script (packaging/build.py puts them there).
# Moving the folder: run the script again from the new place.

set -eu

APP=fieldlog.desktop
MIME_TYPE=application/x-fieldsync
MIME_FILE=fieldlog-fieldsync.xml

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
applications=$data_home/applications
hicolor=$data_home/icons/hicolor
mime=$data_home/mime
mimeapps=$config_home/mimeapps.list
skipped=

fail() {
    printf 'install-desktop-entry: %s\n' "$1" >&2
    exit 1
}

have() {
    command -v "$1" >/dev/null 2>&1
}

# Runs a tool that only refreshes a cache; a missing or failing one is reported, not fatal.
refresh() {
    if ! have "$1"; then
        skipped="$skipped $1 (not installed)"
    elif ! "$@" >/dev/null 2>&1; then
        skipped="$skipped $1 (failed)"
    fi
}

# The Exec value of the Desktop Entry spec: the path as one double-quoted argument (inside the
# quotes \ " ` $ take a backslash), then the string escape of every value (\ becomes \\).
# A % would have to be %%: install() refuses such a path (see there).
exec_value() {
    printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g'
}

# A plain string value (TryExec): only the backslash needs its escape.
string_value() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g'
}

# Sets application/x-fieldsync=fieldlog.desktop under [Default Applications] of mimeapps.list
# (what `xdg-mime default` does on a desktop it does not know), keeping every other line.
set_default_in_mimeapps() {
    mkdir -p "$config_home"
    [ -f "$mimeapps" ] || : >"$mimeapps"
    awk -v key="$MIME_TYPE=" -v line="$MIME_TYPE=$APP" '
        /^\[/ {
            if (inside && !done) { print line; done = 1 }
            inside = ($0 == "[Default Applications]"); seen = seen || inside
        }
        inside && index($0, key) == 1 { if (!done) print line; done = 1; next }
        { print }
        END { if (!done) { if (!seen) print "[Default Applications]"; print line } }
    ' "$mimeapps" >"$mimeapps.new"
    mv "$mimeapps.new" "$mimeapps"
}

# Drops application/x-fieldsync=fieldlog.desktop from mimeapps.list (another program's default
# for the type stays); a file left with no entry at all is removed.
unset_default_in_mimeapps() {
    [ -f "$mimeapps" ] || return 0
    awk -v line="$MIME_TYPE=$APP" '$0 != line && $0 != line ";" { print }' "$mimeapps" \
        >"$mimeapps.new"
    if grep -q '^[^[#[:space:]]' "$mimeapps.new"; then
        mv "$mimeapps.new" "$mimeapps"
    else
        rm -f "$mimeapps.new" "$mimeapps"
    fi
}

install() {
    # A line break cannot be written in Exec; a % can (as %%), but GLib looks for the program
    # before it reads %% as %, and so finds none and hides the entry.
    case $here in
        *'
'* | *%*) fail "the desktop cannot start FieldLog from a folder whose path holds a line break or a %; move the FieldLog folder and run this again" ;;
    esac
    [ -x "$here/FieldLog" ] || fail "no FieldLog program next to this script in $here; run the script from the unpacked FieldLog folder"
    for file in "$share/fieldlog.desktop" "$share/fieldlog-mime.xml"; do
        [ -f "$file" ] || fail "$file is missing; unpack the FieldLog folder again"
    done

    mkdir -p "$applications"
    exec_line="Exec=\"$(exec_value "$here/FieldLog")\" %F"
    try_line="TryExec=$(string_value "$here/FieldLog")"
    # ENVIRON, not awk -v: -v would take the backslashes of the path as escapes.
    EXEC_LINE=$exec_line TRY_LINE=$try_line awk '
        /^Exec=/ { print ENVIRON["EXEC_LINE"]; next }
        /^TryExec=/ { print ENVIRON["TRY_LINE"]; next }
        { print }
    ' "$share/fieldlog.desktop" >"$applications/$APP.new"
    mv "$applications/$APP.new" "$applications/$APP"

    sizes=
    for png in "$share"/icons/fieldlog-*.png; do
        [ -f "$png" ] || continue
        size=${png##*/fieldlog-}
        size=${size%.png}
        mkdir -p "$hicolor/${size}x$size/apps"
        cp "$png" "$hicolor/${size}x$size/apps/fieldlog.png"
        sizes="$sizes $size"
    done
    [ -n "$sizes" ] || skipped="$skipped icon (none in $share/icons)"
    [ -d "$hicolor" ] && touch "$hicolor" # a newer folder makes the desktop read the icons again

    mkdir -p "$mime/packages"
    cp "$share/fieldlog-mime.xml" "$mime/packages/$MIME_FILE"
    refresh update-mime-database "$mime"

    if have xdg-mime && xdg-mime default "$APP" "$MIME_TYPE" >/dev/null 2>&1; then
        :
    else
        set_default_in_mimeapps
    fi
    refresh update-desktop-database "$applications"

    printf 'FieldLog: menu entry, icon and .fieldsync file type installed in %s for this user; the menu starts %s.\n' \
        "$data_home" "$here/FieldLog"
}

uninstall() {
    rm -f "$applications/$APP" "$mime/packages/$MIME_FILE"
    for png in "$hicolor"/*/apps/fieldlog.png; do
        [ -f "$png" ] || continue
        rm -f "$png"
        rmdir "${png%/fieldlog.png}" "${png%/apps/fieldlog.png}" 2>/dev/null || :
    done
    # mime/packages stays even empty: update-mime-database needs it to rebuild the database
    # without the type (the files beside it are that database, made from packages/).
    rmdir "$hicolor" "$data_home/icons" "$applications" 2>/dev/null || :
    unset_default_in_mimeapps
    if [ -d "$mime/packages" ]; then
        refresh update-mime-database "$mime"
    fi
    if [ -d "$applications" ]; then
        refresh update-desktop-database "$applications"
    fi
    printf 'FieldLog: menu entry, icon and .fieldsync file type removed from %s; the data folder is kept.\n' \
        "$data_home"
}

# CDPATH unset: cd would print the folder it found through it, doubling the path.
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
share=$here/share
case ${1-} in
    '') install ;;
    --uninstall) uninstall ;;
    -h | --help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (use --uninstall, or nothing to install)" ;;
esac
if [ -n "$skipped" ]; then
    printf 'Skipped:%s.\n' "$skipped"
fi
