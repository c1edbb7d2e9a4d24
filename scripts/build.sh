#!/usr/bin/env bash
# Release build of the page into dist/: Trunk (offline, tools from scripts/setup.sh), cargo's
# release profile (LTO, opt-level z, panic = abort) and wasm-opt -Oz from the npm `binaryen`.
# Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

say "build: trunk build --release --offline (dist/)"
# Trunk.toml pins wasm-opt (version_132) and sets offline; --offline here too, in case a
# Trunk.toml elsewhere up the tree or an env var says otherwise.
trunk build --release --offline "$@"
note "dist/: $(find dist -maxdepth 1 -type f -printf '%f ' | sort)"
