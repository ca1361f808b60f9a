#!/bin/sh
# A longer power-cut loop than CI runs: RUNS cuts from SEED (defaults 500 and the current time).
# usage: tests/integration/powercut_soak.sh BUILD_DIR [RUNS] [SEED]
set -eu
build=${1:?usage: powercut_soak.sh BUILD_DIR [RUNS] [SEED]}
WATCHFLOOR_POWERCUT_RUNS=${2:-500} WATCHFLOOR_POWERCUT_SEED=${3:-$(date +%s)} QT_QPA_PLATFORM=offscreen \
    exec "$build/bin/tst_timeline_powercut" acknowledgedEventsSurvivePowerCuts
