# Shared by the scripts in this folder (sourced, not run). Sets ROOT, PATH and a few helpers.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Tools the scripts install: cargo's bin dir (trunk, wasm-bindgen, wasm-bindgen-test-runner) and
# the npm packages' bin dir (wasm-opt from `binaryen`, playwright). node_modules first, so an old
# system wasm-opt never shadows the pinned one.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Versions pinned here and nowhere else (wasm-bindgen comes from Cargo.lock).
export TRUNK_VERSION="0.21.14"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM CHROMEDRIVER

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_lock_version() {
    awk '
        /^\[\[package\]\]/ { in_wb = 0 }
        /^name = "wasm-bindgen"$/ { in_wb = 1; next }
        in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$ROOT/Cargo.lock"
}

# Seconds since the epoch, with decimals.
now() { date +%s.%N; }
# Elapsed seconds since $1, one decimal.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
