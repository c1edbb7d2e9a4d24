#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the page in release mode and serves it at
# http://127.0.0.1:8080 until Ctrl-C. PORT=NNNN picks another port.
#
# For development with rebuild-on-save, `trunk serve` (after setup, with node_modules/.bin on
# PATH for wasm-opt) serves at the same address; see Trunk.toml.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
port="${PORT:-8080}"
say "serve: http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec node "$ROOT/scripts/serve-dist.mjs" --dir "$ROOT/dist" --host 127.0.0.1 --port "$port"
