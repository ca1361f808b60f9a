#!/usr/bin/env bash
# Renders resources/icons/io.watchfloor.Watchfloor.svg to the PNGs (48, 128, 256) and the Windows .ico
# that are committed beside it. Run it by hand after editing the SVG; the build does not run it, so
# building never needs an SVG renderer. Uses rsvg-convert when present, else ImageMagick's convert.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../resources/icons"
svg="$icons/io.watchfloor.Watchfloor.svg"

render() { # size output
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert -w "$1" -h "$1" -o "$2" "$svg"
    else
        # Supersample: draw at 4x the target size, then scale down.
        convert -background none -density $((96 * 4 * $1 / 256)) "$svg" -resize "$1x$1" -depth 8 \
            -strip -define png:exclude-chunks=date,time "$2"
    fi
}

for size in 48 128 256; do
    render "$size" "$icons/io.watchfloor.Watchfloor-$size.png"
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for size in 16 32; do render "$size" "$tmp/$size.png"; done
convert "$tmp/16.png" "$tmp/32.png" "$icons/io.watchfloor.Watchfloor-48.png" \
    "$icons/io.watchfloor.Watchfloor-256.png" "$here/windows/watchfloor.ico"
identify "$icons"/*.png "$here/windows/watchfloor.ico"
