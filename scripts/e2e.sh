#!/usr/bin/env bash
# Runs the end-to-end suite (Playwright, Debian's Chromium) against the built page in dist/,
# served on a free loopback port. Arguments go to `playwright test`: a spec file or `-g TITLE`
# runs part of the suite. Build first (scripts/build.sh) and the runner (cargo build --bin
# recovery-lab-cli); scripts/test.sh does both, then calls this.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

[[ -f dist/index.html ]] || die "no dist/index.html: run scripts/build.sh first"

port_file="$(mktemp)"
: >"$port_file"
node scripts/serve-dist.mjs --dir dist --host 127.0.0.1 --port 0 --port-file "$port_file" &
server_pid=$!
for _ in $(seq 1 100); do
    [[ -s "$port_file" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
port="$(cat "$port_file")"
rm -f "$port_file"
if [[ -z "$port" ]]; then
    echo "the static server did not start" >&2
    kill "$server_pid" 2>/dev/null
    exit 1
fi
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
E2E_BASE_URL="http://127.0.0.1:$port/" \
    RECOVERY_LAB_CLI="$target_dir/debug/recovery-lab-cli" \
    playwright test --config tests/e2e/playwright.config.mjs "$@"
rc=$?
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null
note "static server on port $port stopped"
exit "$rc"
