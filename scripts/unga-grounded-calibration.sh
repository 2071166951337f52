#!/usr/bin/env bash
# Calibrates scenarios/unga-ict-2018-grounded.yaml (sovereignty from roll-call ideal points, spatial-logit
# votes) on the 2018 UNGA ICT roll calls, and checks it by leave-one-resolution-out cross-validation
# (docs/findings.md, "Grounded in behaviour"): for each resolution, fit on the other two and backtest the
# fit on it. Per-item parameters (valence, where the text sits on sovereignty) of a held-out item cannot be
# learned from the other two: they stay at the scenario's starting values.
#
# Usage: scripts/unga-grounded-calibration.sh [OUT_DIR] [BUDGET] [--no-cv]
# Writes OUT_DIR/full/... (whose calibrated.yaml is scenarios/unga-ict-2018-calibrated.yaml) and OUT_DIR/cv-<item>/...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/results/unga-grounded-calibration}"
budget="${2:-200}"
cv="${3:-}"
plenary="${PLENARY:-$here/plenary}"
scenario="$here/scenarios/unga-ict-2018-grounded.yaml"
votes="$here/scenarios/data/unga-ict-votes-2018.csv"
mkdir -p "$out"

# Shared: the logit's scale, abstention threshold and sponsor affinity. Per item: valence and the text's
# place on sovereignty (with the ideal-point map fixed by its anchors, these two give each item its own
# intercept and slope on the ideal point).
params=(--param decision.logit.beta=0:60 --param decision.logit.tau=0:4 --param decision.logit.gamma=-2:4)
for item in A-RES-73-27 A-RES-73-187 A-RES-73-266; do
  params+=(--param "decision.logit.valence.$item=-4:6" --param "agenda.$item.text.sovereignty=0:1")
done

calibrate() { # votes-file out-dir -> prints the calibrated.yaml path
  "$plenary" calibrate "$scenario" --votes "$1" "${params[@]}" --budget "$budget" --out "$2" >"$2.txt"
  sed -n 's/^results: \([^ ]*\) .*/\1/p' "$2.txt"
}

full=$(calibrate "$votes" "$out/full")
cat "$out/full.txt"
echo "calibrated scenario: $full/calibrated.yaml"
[ "$cv" = "--no-cv" ] && exit 0

for item in A/RES/73/27 A/RES/73/187 A/RES/73/266; do
  id="${item//\//-}"
  train="$out/train-$id.csv"
  test="$out/test-$id.csv"
  { head -1 "$votes"; grep -v "^$item," "$votes" | tail -n +2; } >"$train"
  { head -1 "$votes"; grep "^$item," "$votes"; } >"$test"
  fitted=$(calibrate "$train" "$out/cv-$id")
  echo "== $id held out: fitted on the other two =="
  "$plenary" backtest "$fitted/calibrated.yaml" --votes "$test" --out "$out/cv-$id-fitted" --json
done
