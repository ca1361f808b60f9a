#!/usr/bin/env bash
# Checks the Linux desktop-integration files before they reach a package (ctest: packaging_metadata_valid).
# Usage: validate-metadata.sh <source-dir> <project-version>
# Needs desktop-file-utils, appstream and shared-mime-info (packaging/install-deps.sh test installs them).
set -uo pipefail

src=${1:?usage: $0 <source-dir> <project-version>}
version=${2:?usage: $0 <source-dir> <project-version>}
id=io.watchfloor.Watchfloor
linux="$src/packaging/linux"
icons="$src/resources/icons"
desktop="$linux/$id.desktop"
metainfo="$linux/$id.metainfo.xml"
mimexml="$linux/$id.mime.xml"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

for tool in desktop-file-validate appstreamcli update-mime-database; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool not found: apt-get install desktop-file-utils appstream shared-mime-info" \
             "(or packaging/install-deps.sh test)"
        exit 1
    fi
done

# 1. The desktop entry. Hints (e.g. two main categories) are printed but are not errors.
if out=$(desktop-file-validate "$desktop" 2>&1); then
    ok "desktop-file-validate $id.desktop"
else
    fail "desktop-file-validate $id.desktop"
fi
[ -n "$out" ] && echo "$out" | sed 's/^/      /'

# 2. AppStream metainfo (no network: URLs are not fetched). Warnings fail, pedantic notes do not.
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    ok "appstreamcli validate $id.metainfo.xml"
else
    fail "appstreamcli validate $id.metainfo.xml"
fi
echo "$out" | sed 's/^/      /'

# 3. shared-mime-info: compile our XML alone into a scratch database and look for the glob and magic.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$mimexml" "$tmp/mime/packages/$id.xml"
if out=$(XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" update-mime-database "$tmp/mime" 2>&1) && [ -z "$out" ]; then
    if grep -q ':application/x-watchfloor-workspace:\*\.watchfloor' "$tmp/mime/globs2" &&
       grep -q 'application/x-watchfloor-workspace' "$tmp/mime/types" &&
       grep -aq 'SQLite format 3' "$tmp/mime/magic"; then
        ok "mime: application/x-watchfloor-workspace with glob *.watchfloor and SQLite magic"
    else
        fail "mime: compiled database lacks the glob, type or magic"
    fi
else
    fail "update-mime-database rejected $id.mime.xml: $out"
fi

# 4. The files agree with each other and with the build.
grep -qx 'MimeType=.*application/x-watchfloor-workspace;.*' "$desktop" &&
    ok "desktop MimeType names application/x-watchfloor-workspace" ||
    fail "desktop MimeType does not name application/x-watchfloor-workspace"
grep -qx "Icon=$id" "$desktop" && ok "desktop Icon=$id" || fail "desktop Icon is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" &&
    ok "metainfo launchable is $id.desktop" || fail "metainfo launchable is not $id.desktop"
grep -q "<id>$id</id>" "$metainfo" && ok "metainfo id is $id" || fail "metainfo id is not $id"
grep -q "<release version=\"$version\"" "$metainfo" &&
    ok "metainfo has a <release> for $version" ||
    fail "metainfo has no <release version=\"$version\">: add one when the project version changes"

# 5. Icons: the SVG exists, each PNG is a PNG of its nominal size (read from the IHDR chunk).
[ -s "$icons/$id.svg" ] && grep -q '<svg' "$icons/$id.svg" && ok "icon $id.svg" || fail "icon $id.svg missing"
for size in 48 128 256; do
    png="$icons/$id-$size.png"
    if [ ! -s "$png" ]; then fail "icon $id-$size.png missing"; continue; fi
    magic=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
    w=$(( 16#$(od -An -tx1 -j16 -N4 "$png" | tr -d ' \n') ))
    h=$(( 16#$(od -An -tx1 -j20 -N4 "$png" | tr -d ' \n') ))
    if [ "$magic" = 89504e470d0a1a0a ] && [ "$w" = "$size" ] && [ "$h" = "$size" ]; then
        ok "icon $id-$size.png is ${w}x${h}"
    else
        fail "icon $id-$size.png is not a ${size}x${size} PNG (${w}x${h})"
    fi
done

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all packaging metadata checks passed"
