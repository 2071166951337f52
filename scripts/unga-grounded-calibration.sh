#!/usr/bin/env bash
# Calibrates scenarios/unga-ict-2018-grounded.yaml (sovereignty from roll-call ideal points, spatial-logit
# votes) on the 2018 UNGA ICT roll calls, and checks it by leave-one-resolution-out cross-validation
# (docs/findings.md, "Grounded in behaviour"): for each resolution, fit on the other two and backtest the
# fit on it. Per-item parameters (valence, where the text sits on sovereignty) of a held-out item cannot be
# learned from the other two: they stay at the scenario's starting values.
#
# Usage: scripts/unga-grounded-calibration.sh [OUT_DIR] [BUDGET]   (BUDGET default 1000: with ict_texts the fit still improved at 500)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/results/unga-grounded-calibration}"
budget="${2:-1000}"
plenary="${PLENARY:-$here/plenary}"
scenario="$here/scenarios/unga-ict-2018-grounded.yaml"
votes="$here/scenarios/data/unga-ict-votes-2018.csv"
mkdir -p "$out"

# Per item also where its text sits between the rival ICT texts (ict_texts: positions from the 2018 ICT
# votes themselves). Those positions are in sample; each cross-validation fold replaces them by the fit
# without its held-out vote (--fold-set), so the held-out scores are out of sample.
# Shared: the logit's scale, abstention threshold and sponsor affinity, and how strongly states move
# toward each other in the ten rounds of debate before the vote (social influence). Per item: valence and the text's
# place on sovereignty and human rights (with the ideal-point maps fixed by their anchors, these give each
# item its own intercept and slopes on the two ideal-point dimensions).
# The width of the hierarchical prior that shrinks each state's ideal point toward its groups (one per
# ideal-point dimension; small: positions near the groups' means, large: the estimates as they are).
params=(--param decision.logit.beta=0:60 --param decision.logit.tau=0:4 --param decision.logit.gamma=-2:6
  --param influence.rate=0:0.3 --param positions_from.0.prior_sd=0.02:3 --param positions_from.1.prior_sd=0.02:3
  --param positions_from.2.prior_sd=0.02:3)
for item in A-RES-73-27 A-RES-73-187 A-RES-73-266; do
  params+=(--param "decision.logit.valence.$item=-4:6" --param "agenda.$item.text.sovereignty=0:1"
    --param "agenda.$item.text.human_rights=0:1" --param "agenda.$item.text.ict_texts=0:1")
done

# Writes OUT_DIR/calibration.txt; the results directory it names holds calibrated.yaml (copied to
# scenarios/unga-ict-2018-calibrated.yaml with relative paths) and the cross-validation in calibration.json.
for item in A-RES-73-27 A-RES-73-187 A-RES-73-266; do
  params+=(--fold-set "$item:positions_from.2.file=data/unga-ict-ideal-points-2018-without-${item#A-RES-}.csv")
done
"$plenary" calibrate "$scenario" --votes "$votes" "${params[@]}" --budget "$budget" --cross-validate \
  --out "$out" | tee "$out/calibration.txt"
