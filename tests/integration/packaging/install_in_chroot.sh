#!/usr/bin/env bash
# Install test for the Debian package (ctest: packaging_install_deb_bookworm).
#
#   install_in_chroot.sh <build-dir>
#
# 1. cpack -G DEB in <build-dir>, into a scratch folder (the build must already contain bin/watchfloor).
# 2. A minimal Debian 12 root from `debootstrap --variant=minbase`, cached in
#    $WATCHFLOOR_ROOT_CACHE/<hash of the debootstrap parameters> and never modified after creation.
# 3. A throwaway root on top of it: an overlay mount (about 20 ms) or, where overlayfs cannot be
#    mounted, `cp -a` (about 0.5 s warm); every run installs into a pristine system.
# 4. apt-get install --no-install-recommends of the .deb in a chroot, so the Depends alone must suffice.
#    Downloaded .debs and package lists are kept in the cache folder (bind-mounted), not in the root.
# 5. In the chroot, with no display: `watchfloor --version`, the installed files, ldd of the binary and
#    of the xcb platform plugin, then apt-get purge leaves none of the package's files behind.
#
# Exit 77 (ctest SKIP_RETURN_CODE) only when debootstrap cannot run: not root, debootstrap missing,
# no mount permission, or the Debian mirror unreachable. Every other problem is a failure.
#
# Environment:
#   WATCHFLOOR_ROOT_CACHE      cache folder (default /var/cache/watchfloor-test/bookworm-root)
#   WATCHFLOOR_DEBIAN_MIRROR   default http://deb.debian.org/debian
#   WATCHFLOOR_DEBIAN_SECURITY default http://deb.debian.org/debian-security ('' to leave it out)
#   WATCHFLOOR_ROOT_COPY       overlay | copy (default: overlay if it mounts, else copy)
#   WATCHFLOOR_KEEP_ROOT=1     keep the throwaway root (unmounted) for a look afterwards
set -euo pipefail

SKIP=77
build=${1:?usage: $0 <build-dir>}
build=$(cd "$build" && pwd)
cache_base=${WATCHFLOOR_ROOT_CACHE:-/var/cache/watchfloor-test/bookworm-root}
mirror=${WATCHFLOOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${WATCHFLOOR_DEBIAN_SECURITY-http://deb.debian.org/debian-security}
suite=bookworm
app_id=io.watchfloor.Watchfloor

skip() { echo "SKIP: $*"; exit "$SKIP"; }
die() { echo "FAIL: $*" >&2; exit 1; }

# ---- timing ---------------------------------------------------------------------------------------
now_us() { echo "${EPOCHREALTIME/./}"; }
t_start=$(now_us)
timings=()
phase() { phase_name=$1; phase_t0=$(now_us); echo "== $phase_name"; }
phase_done() {
    local us=$(( $(now_us) - phase_t0 ))
    local line
    line=$(printf 'phase: %-36s %7.1f s' "$phase_name" "$(awk -v u="$us" 'BEGIN { print u / 1e6 }')")
    echo "$line"
    timings+=("$line")
}

# ---- mounts and cleanup ---------------------------------------------------------------------------
mounts=()   # in mount order; unmounted in reverse
work=

mount_tracked() { # target, then mount's arguments
    local target=$1; shift
    mount "$@" "$target" || return 1
    mounts+=("$target")
}

mounts_under() { # every mount point at or below $1, deepest first
    awk -v p="$1" '$5 == p || index($5, p "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

unmount_all_under() {
    local m
    for m in $(mounts_under "$1"); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}

kill_chrooted() { # processes whose root directory is inside $1: only ever ones this test started
    local p r pids=()
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        [[ $r == "$1" || $r == "$1"/* ]] && pids+=("${p#/proc/}")
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    echo "stopping ${#pids[@]} process(es) still running in $1: ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
    sleep 1
}

safe_rm() { # never rm -rf a tree that still has something mounted inside (host /dev, the cache...)
    unmount_all_under "$1"
    if [ -n "$(mounts_under "$1")" ]; then
        echo "WARNING: $1 still has mounts; not removing it" >&2
        return 1
    fi
    rm -rf --one-file-system "$1"
}

cleanup() {
    local rc=$?
    set +e
    local i
    [ -n "$work" ] && kill_chrooted "$work"
    for (( i = ${#mounts[@]} - 1; i >= 0; i-- )); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null ||
            echo "WARNING: could not unmount ${mounts[i]}" >&2
    done
    if [ -n "$work" ] && [ -d "$work" ]; then
        if [ "${WATCHFLOOR_KEEP_ROOT:-0}" = 1 ]; then
            unmount_all_under "$work"
            echo "kept: $work"
        else
            safe_rm "$work"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A run killed by ctest's timeout (SIGKILL) cannot clean up; the next run does it for it.
reap_stale() {
    local d pid
    for d in "${TMPDIR_BASE}"/watchfloor-install.*; do
        [ -d "$d" ] || continue
        # A folder without its pid file yet may belong to a run that is just starting.
        [ ! -f "$d/pid" ] && [ -n "$(find "$d" -maxdepth 0 -mmin -2)" ] && continue
        pid=$(cat "$d/pid" 2>/dev/null || echo 0)
        if [ "$pid" != 0 ] && kill -0 "$pid" 2>/dev/null; then continue; fi
        echo "cleaning up after an earlier run: $d"
        kill_chrooted "$d"
        safe_rm "$d" || true
    done
}

# ---- can debootstrap run here? ---------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || skip "needs root for debootstrap, chroot and mount (running as $(id -un))"
for tool in debootstrap chroot mount umount flock cpack dpkg-deb; do
    command -v "$tool" >/dev/null || skip "$tool not found (apt-get install debootstrap dpkg-dev)"
done
[ -x "$build/bin/watchfloor" ] || die "$build/bin/watchfloor is not built"
[ -f "$build/CPackConfig.cmake" ] || die "$build/CPackConfig.cmake missing: not a configured build dir"

TMPDIR_BASE=/var/tmp   # apt unpacks a few hundred MB; /tmp may be a small tmpfs
reap_stale
work=$(mktemp -d "$TMPDIR_BASE/watchfloor-install.XXXXXX")
echo $$ > "$work/pid"

mkdir "$work/probe"
if ! mount -t tmpfs probe "$work/probe" 2>/dev/null; then
    skip "cannot mount file systems here (no CAP_SYS_ADMIN?), so debootstrap/chroot cannot run"
fi
umount "$work/probe"

mirror_host=$(sed -E 's|^[a-z]+://([^/:]+).*|\1|' <<<"$mirror")
mirror_port=$(sed -nE 's|^[a-z]+://[^/:]+:([0-9]+).*|\1|p' <<<"$mirror")
[ -n "$mirror_port" ] || { [[ $mirror == https:* ]] && mirror_port=443 || mirror_port=80; }
if ! timeout 15 bash -c "exec 3<>/dev/tcp/$mirror_host/$mirror_port" 2>/dev/null; then
    skip "Debian mirror $mirror_host:$mirror_port unreachable"
fi

# ---- 1. the package -------------------------------------------------------------------------------
phase "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake") \
    > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; die "cpack failed"; }
debs=("$work"/pkg/watchfloor_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || die "expected one watchfloor_*.deb, got: ${debs[*]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
phase_done

# ---- 2. the cached minimal Debian root -------------------------------------------------------------
arch=$(dpkg --print-architecture)
params="debootstrap --variant=minbase --arch=$arch $suite $mirror"
key=$(printf '%s' "$params" | sha256sum | cut -c1-16)
cached="$cache_base/$key"
mkdir -p "$cache_base"
exec 9>"$cache_base/.lock"
flock 9   # one debootstrap at a time; readers only need the finished folder

if [ -d "$cached" ]; then
    phase "debootstrap (cached $key)"
    phase_done
else
    phase "debootstrap (cold, into cache $key)"
    partial="$cached.partial"
    [ -e "$partial" ] && { safe_rm "$partial" || die "stale $partial could not be removed"; }
    if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$partial" "$mirror" \
            > "$work/debootstrap.log" 2>&1; then
        tail -n 30 "$work/debootstrap.log"
        unmount_all_under "$partial"
        safe_rm "$partial" || true
        if grep -qiE "Failed getting release file|Couldn't download|Temporary failure resolving|Connection (refused|timed out)" \
                "$work/debootstrap.log"; then
            skip "debootstrap could not download from $mirror"
        fi
        die "debootstrap failed (log above)"
    fi
    unmount_all_under "$partial"
    rm -f "$partial"/var/cache/apt/archives/*.deb   # the base system's .debs: not part of the root
    printf '%s\n' "$params" > "$cached.params"
    mv "$partial" "$cached"
    phase_done
fi
flock -u 9

# ---- 3. a throwaway root ----------------------------------------------------------------------------
root="$work/root"
mode=${WATCHFLOOR_ROOT_COPY:-auto}
if [ "$mode" != copy ]; then
    phase "throwaway root (overlay)"
    mkdir -p "$work/upper" "$work/ovwork" "$root"
    if mount_tracked "$root" -t overlay overlay \
            -o "lowerdir=$cached,upperdir=$work/upper,workdir=$work/ovwork" 2>"$work/overlay.err"; then
        mode=overlay
    else
        [ "$mode" = overlay ] && die "overlay mount failed: $(cat "$work/overlay.err")"
        echo "overlay not available ($(cat "$work/overlay.err")); copying instead"
        rmdir "$root"
        mode=copy
    fi
    [ "$mode" = overlay ] && phase_done
fi
if [ "$mode" = copy ]; then
    phase "throwaway root (cp -a)"
    cp -a "$cached" "$root"
    phase_done
fi

# ---- 4. install -------------------------------------------------------------------------------------
phase "prepare chroot"
# A throwaway root needs no fsync after every file dpkg writes (halves the install time here).
echo 'force-unsafe-io' > "$root/etc/dpkg/dpkg.cfg.d/watchfloor-test-unsafe-io"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
{
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ -n "$security" ] && echo "deb $security $suite-security main"
} > "$root/etc/apt/sources.list"
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"   # start no services
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$cache_base/apt-archives-$key/partial" "$cache_base/apt-lists-$key/partial"
mount_tracked "$root/proc" -t proc proc
mount_tracked "$root/dev/pts" --bind /dev/pts
mount_tracked "$root/var/cache/apt/archives" --bind "$cache_base/apt-archives-$key"
mount_tracked "$root/var/lib/apt/lists" --bind "$cache_base/apt-lists-$key"
cp "$deb" "$root/tmp/"
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
phase_done

phase "apt-get update"
in_root apt-get update -q > "$work/apt-update.log" 2>&1 || { cat "$work/apt-update.log"; die "apt-get update failed"; }
phase_done

phase "apt-get install watchfloor"
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" \
        > "$work/apt-install.log" 2>&1; then
    tail -n 60 "$work/apt-install.log"
    die "apt-get install of the package failed"
fi
grep -E '^(Need to get|After this operation|[0-9]+ upgraded)' "$work/apt-install.log" || true
phase_done

# ---- 5. checks --------------------------------------------------------------------------------------
phase "checks"
failures=0
check() { # description, command...
    local what=$1; shift
    if "$@"; then echo "ok:   $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

status=$(in_root dpkg-query -W -f='${db:Status-Status} ${Version}' watchfloor 2>&1 || true)
check "dpkg: watchfloor $version is installed ($status)" test "$status" = "installed $version"

for f in /usr/bin/watchfloor \
         "/usr/share/applications/$app_id.desktop" \
         "/usr/share/metainfo/$app_id.metainfo.xml" \
         "/usr/share/mime/packages/$app_id.xml" \
         "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
         "/usr/share/icons/hicolor/48x48/apps/$app_id.png" \
         "/usr/share/icons/hicolor/128x128/apps/$app_id.png" \
         "/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
         /usr/share/watchfloor/translations/watchfloor_de.qm; do
    check "installed: $f" test -s "$root$f"
done

# Every library the binary and the xcb platform plugin (what opens a window) need is there.
ldd_ok() { # path inside the root
    local out
    out=$(in_root ldd "$1" 2>&1) || { echo "$out"; return 1; }
    if grep -q 'not found' <<<"$out"; then grep 'not found' <<<"$out"; return 1; fi
}
for exe in $(in_root dpkg-query -L watchfloor | grep '^/usr/bin/.'); do
    check "ldd $exe: nothing missing" ldd_ok "$exe"
done
xcb=$(cd "$root" && ls usr/lib/*/qt6/plugins/platforms/libqxcb.so 2>/dev/null | head -n 1 || true)
check "xcb platform plugin installed (${xcb:-none})" test -n "$xcb"
[ -n "$xcb" ] && check "ldd /$xcb: nothing missing" ldd_ok "/$xcb"

# --version must work without a display: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM in the chroot.
set +e
out=$(in_root timeout 30 watchfloor --version 2>&1)
rc=$?
set -e
echo "watchfloor --version (exit $rc):"
sed 's/^/      /' <<<"$out"
check "--version exits 0 without a display" test "$rc" -eq 0
first_line=$(head -n 1 <<<"$out")
version_line_ok() { [[ $first_line == "watchfloor $version" || $first_line == "watchfloor $version "* ]]; }
check "--version starts with 'watchfloor $version'" version_line_ok
check "--version names the Qt version" grep -qE '\bQt [0-9]+\.[0-9]+' <<<"$out"
check "--version names the SQLite version" grep -qE '\bSQLite [0-9]+\.[0-9]+' <<<"$out"
check "--version names the libcurl version" grep -qE '\blibcurl [0-9]+\.[0-9]+' <<<"$out"
if [ "$rc" -ne 0 ]; then
    # Diagnostic only (the checks above already failed): does it work when Qt gets a platform?
    echo "diagnostic: QT_QPA_PLATFORM=offscreen watchfloor --version:"
    in_root QT_QPA_PLATFORM=offscreen timeout 30 watchfloor --version 2>&1 | sed 's/^/      /' || true
    echo "      (--version must not need a display: handle it in main() before creating QApplication)"
fi
phase_done

phase "apt-get purge watchfloor"
files=$(in_root dpkg-query -L watchfloor | while read -r f; do if [ -f "$root$f" ]; then echo "$f"; fi; done)
in_root apt-get purge -y -q watchfloor > "$work/apt-purge.log" 2>&1 ||
    { cat "$work/apt-purge.log"; die "apt-get purge failed"; }
left=$(for f in $files; do if [ -e "$root$f" ]; then echo "$f"; fi; done)
check "purge removes all $(wc -w <<<"$files") files${left:+ (left: $left)}" test -z "$left"
phase_done

echo "---- summary"
printf '%s\n' "${timings[@]}"
printf 'phase: %-36s %7.1f s\n' total "$(awk -v u="$(( $(now_us) - t_start ))" 'BEGIN { print u / 1e6 }')"
echo "root copy: $mode; cache: $cached"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "package installs and runs in a clean Debian 12 root"
