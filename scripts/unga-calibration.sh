#!/usr/bin/env bash
# Calibrates scenarios/unga-ict-2018.yaml on the 2018 UNGA ICT roll calls and checks it by
# leave-one-resolution-out cross-validation (docs/findings.md, "Backtest: UN General Assembly ICT
# votes of 2018"): for each resolution, fit on the other two and backtest the fit on it.
#
# Usage: scripts/unga-calibration.sh [OUT_DIR] [BUDGET]
# Writes OUT_DIR/full/... (the calibration on all three votes, whose calibrated.yaml is
# was scenarios/unga-ict-2018-calibrated.yaml until issue 19; now scripts/unga-grounded-calibration.sh makes
# that file) and OUT_DIR/cv-<item>/..., and prints a summary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/results/unga-calibration}"
budget="${2:-200}"
plenary="${PLENARY:-$here/plenary}"
scenario="$here/scenarios/unga-ict-2018.yaml"
votes="$here/scenarios/data/unga-ict-votes-2018.csv"
mkdir -p "$out"

# The profile rule's sovereignty baselines of the blocs, the human-rights baselines of the three
# development-first regions, the salience on mandate scope (a UN process with capacity building, on
# which both the Russian and the US texts improve on the status quo) of the four groups whose members
# most often voted yes to both, and the abstention band: 15 parameters shared by the three votes.
params=()
for group in ATU APT CITEL ARAB RCC EU CEPT; do
  params+=(--param "profiles.groups.$group.position.sovereignty=0:1")
done
for group in ATU APT CITEL; do
  params+=(--param "profiles.groups.$group.position.human_rights=0:1")
done
for group in ATU APT CITEL ARAB; do
  params+=(--param "profiles.groups.$group.salience.mandate_scope=0:1")
done
params+=(--param decision.abstention_band=0:0.2)

calibrate() { # votes-file out-dir -> prints the calibrated.yaml path
  "$plenary" calibrate "$scenario" --votes "$1" "${params[@]}" --budget "$budget" --out "$2" >"$2.txt"
  sed -n 's/^results: \([^ ]*\) .*/\1/p' "$2.txt"
}

full=$(calibrate "$votes" "$out/full")
cat "$out/full.txt"
echo "calibrated scenario: $full/calibrated.yaml"

for item in A/RES/73/27 A/RES/73/187 A/RES/73/266; do
  id="${item//\//-}"
  train="$out/train-$id.csv"
  test="$out/test-$id.csv"
  { head -1 "$votes"; grep -v "^$item," "$votes" | tail -n +2; } >"$train"
  { head -1 "$votes"; grep "^$item," "$votes"; } >"$test"
  fitted=$(calibrate "$train" "$out/cv-$id")
  echo "== $id held out: out of the box, then fitted on the other two =="
  "$plenary" backtest "$scenario" --votes "$test" --out "$out/cv-$id-given" --json
  "$plenary" backtest "$fitted/calibrated.yaml" --votes "$test" --out "$out/cv-$id-fitted" --json
done
