#!/usr/bin/env bash
# The longer loop of tst_app_kill9: N rounds (default 50) of "run a runbook headless, kill -9 at a
# random point, check every acknowledged event". Usage: app_kill9_soak.sh [ROUNDS] [BUILD_DIR]
set -euo pipefail
rounds=${1:-50}
build=${2:-build/default}
WF_KILL9_ROUNDS=$rounds QT_QPA_PLATFORM=offscreen \
    "$build/tests/integration/tst_app_kill9" acknowledgedEventsSurviveKill9
