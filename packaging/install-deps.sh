#!/usr/bin/env bash
# Installs the Debian 12 packages Watchfloor needs, and only those that are missing, so a second run
# costs a few dpkg queries. Usage: packaging/install-deps.sh [build|test]
#   build  what compiling and running the app needs
#   test   build + what the test suite needs (X server for screenshots, packaging checks, ...)
set -euo pipefail

what=${1:-build}

build_pkgs=(
    cmake ninja-build g++ ccache pkg-config file
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libgl-dev libqt6opengl6-dev
    libcurl4-openssl-dev libsqlite3-dev zlib1g-dev libsimdjson-dev libyaml-cpp-dev
    libgraphviz-dev
    fonts-dejavu-core
    qtkeychain-qt6-dev
    qt6-websockets-dev
)
test_pkgs=(
    xvfb xauth imagemagick openssl poppler-utils
    debootstrap dpkg-dev fakeroot desktop-file-utils appstream
    prometheus prometheus-node-exporter victoria-metrics
    apache2-utils
)

pkgs=("${build_pkgs[@]}")
case "$what" in
    build) ;;
    test)
        pkgs+=("${test_pkgs[@]}")
        # The OpenTelemetry JS SDK test needs Node.js; a machine that already has one keeps it.
        command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)
        ;;
    *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#pkgs[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
