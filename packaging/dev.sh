#!/usr/bin/env bash
# The README's two commands.
#   packaging/dev.sh demo   install what is missing, build, start `watchfloor --demo`
#   packaging/dev.sh test   install what is missing, build, run the whole test suite (all but bench)
# Both are idempotent; with ccache a second run only rebuilds what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
cmd=${1:-}
shift || true

build() {
    cmake --preset default >/dev/null
    cmake --build --preset default -- -j"$(nproc)"
}

case "$cmd" in
    demo)
        packaging/install-deps.sh build
        build
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            # 20 s: long enough for the shop to have reported and the charts to have lines.
            echo "dev.sh: no display; rendering the demo offscreen to build/demo.png after 20 s instead" >&2
            exec build/default/bin/watchfloor --demo --screenshot build/demo.png --after 20000 "$@"
        fi
        exec build/default/bin/watchfloor --demo "$@"
        ;;
    test)
        packaging/install-deps.sh test
        build
        exec ctest --preset default "$@"
        ;;
    *)
        echo "usage: $0 demo|test [extra arguments]" >&2
        exit 2
        ;;
esac
