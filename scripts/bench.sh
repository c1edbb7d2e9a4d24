#!/usr/bin/env bash
# The speed benchmarks of Recovery Lab (BENCHMARKS.md "Page"): not a test, never run by
# scripts/test.sh. Installs what is missing (scripts/setup.sh), then:
#
#   build    the release page into dist/ (scripts/build.sh), unless --no-build
#   size     the wasm + js in dist/, gzipped (scripts/size-budget.sh)
#   native   one deterministic year with criterion (cargo bench --bench engine, filtered), unless
#            --no-native, which reads the last run's target/criterion/*/new/estimates.json
#   page     serves dist/ on a free loopback port and measures it in headless Chromium
#            (scripts/bench-page.mjs): cold load, input → repaint over 200 slider moves, the
#            engine in wasm, long tasks, and a profile of where a move's time goes
#
# Prints a table and writes artifacts/bench.json (the raw page figures: artifacts/bench-page.json).
#
#   scripts/bench.sh [--no-build] [--no-native] [--moves N] [--cold N]
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

build=1
native=1
moves=200
cold=5
while (($#)); do
    case "$1" in
        --no-build) build=0 ;;
        --no-native) native=0 ;;
        --moves) moves="$2"; shift ;;
        --cold) cold="$2"; shift ;;
        -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

"$ROOT/scripts/setup.sh"
mkdir -p artifacts
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cores="$(nproc)"
if awk -v l="${load_before%% *}" -v n="$cores" 'BEGIN { exit !(l >= n) }'; then
    note "load average $load_before on $cores cores: other jobs are running, the figures will be slower and noisier"
fi
if ((build)); then
    "$ROOT/scripts/build.sh"
fi
[[ -d dist ]] || die "no dist/: run without --no-build"

say "bench: size"
size_out="$("$ROOT/scripts/size-budget.sh" dist || true)"
echo "$size_out"
size_bytes="$(sed -n 's/.*gzipped = .* KB (\([0-9]*\) bytes).*/\1/p' <<<"$size_out" | tail -1)"

target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
if ((native)); then
    say "bench: native, cargo bench --bench engine (deterministic year)"
    cargo bench --bench engine -- --warm-up-time 1 --measurement-time 5 "deterministic year"
fi

say "bench: page in headless Chromium ($moves moves, $cold cold loads)"
port_file="$(mktemp)"
node scripts/serve-dist.mjs --dir dist --host 127.0.0.1 --port 0 --port-file "$port_file" >/dev/null &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 1 100); do
    [[ -s "$port_file" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
port="$(cat "$port_file")"
[[ -n "$port" ]] || die "the static server did not start"
note "serving dist/ at http://127.0.0.1:$port/"

node scripts/bench-page.mjs --url "http://127.0.0.1:$port/" --moves "$moves" --cold "$cold" \
    --out artifacts/bench-page.json >/dev/null

node scripts/bench-report.mjs --page artifacts/bench-page.json \
    --criterion "$target_dir/criterion" --size-bytes "${size_bytes:-0}" --load-before "$load_before" --out artifacts/bench.json
