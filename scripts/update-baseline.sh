#!/usr/bin/env bash
# Regenerates tests/baselines/jinzhong-2022.json: the runner's --summary for the default
# preset (deterministic, seed 1, and a 10-run ensemble from seed 1).
#
# Run it only when a change to the model's numbers is intended; then bump sim::MODEL_VERSION
# and commit the new baseline together with the change, so the diff shows what moved.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_BASELINE=1 cargo test --test baseline -- --exact baseline_matches_the_recorded_summaries
cargo test --test baseline
if git rev-parse --git-dir >/dev/null 2>&1; then
  git --no-pager diff --stat -- tests/baselines/
fi
