#!/usr/bin/env bash
# The share-link decoder's robustness run (issue 4): 1,000,000 generated and mangled links
# (cut, repeated keys, huge numbers, NaN, inf, non-ASCII, percent-encoding, far too long, …)
# through `scenario::link::decode`. Fails on the first panic, printing the input; for every
# input also checks that the decoded scenarios pass validate and re-encode to themselves.
#
#   scripts/fuzz-links.sh                      # 1,000,000 inputs, the fixed seed
#   LINK_FUZZ_CASES=5000000 LINK_FUZZ_SEED=42 scripts/fuzz-links.sh
#
# It runs the ignored test `fuzz_million` in tests/links.rs; `cargo test` runs 20,000 of the
# same inputs. Release mode for speed, with overflow checks and debug assertions kept on so an
# arithmetic overflow still counts as a failure; built in its own target folder (the release
# profile's size settings are swapped for speed there, which would otherwise rebuild the page's).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export LINK_FUZZ_CASES="${LINK_FUZZ_CASES:-1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/fuzz-links}"
export CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true
export CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

started=$(date +%s)
cargo test --release --test links -- --ignored --exact --nocapture fuzz_million
echo "fuzz-links: done in $(( $(date +%s) - started )) s (build included)"
