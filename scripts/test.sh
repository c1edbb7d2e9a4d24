#!/usr/bin/env bash
# shellcheck disable=SC2317  # the stage functions are called through run_stage
# Installs what is missing (scripts/setup.sh), then runs every check of Recovery Lab, each stage
# timed:
#
#   fmt         cargo fmt --check
#   clippy      cargo clippy --workspace --all-targets -D warnings (native), then the browser
#               build's code (libs, page binary, browser tests) for wasm32, which the native run
#               never sees
#   native      cargo test --workspace: the scenario and engine crates (crates/), the runs,
#               summaries and ensembles, charts (SVG backend), runner, doc tests
#   browser     wasm-bindgen-test in headless Chromium (tests/*.rs with run_in_browser only)
#   cli         builds recovery-lab-cli (the end-to-end suite compares the page with it)
#   build       release build with Trunk into dist/ (LTO, opt-level z, wasm-opt)
#   size        wasm + js in dist/, gzipped, within scripts/size-budget.sh's budget
#   e2e         Playwright against dist/ served on a free loopback port
#
# Every stage runs even if an earlier one failed, except those that need a failed one (size and
# e2e need build). Exits non-zero if any stage failed. Artifacts (screenshots, Playwright traces)
# go to artifacts/ and test-results/.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

suite_started="$(now)"
names=()
results=()
times=()
failed=()

# run_stage NAME COMMAND...: runs COMMAND, records pass/fail and its time.
run_stage() {
    local name="$1"
    shift
    say "[$name] $*"
    local t0
    t0="$(now)"
    "$@"
    local rc=$?
    local took
    took="$(since "$t0")"
    names+=("$name")
    times+=("$took")
    if ((rc == 0)); then
        results+=("ok")
        say "[$name] ok (${took} s)"
    else
        results+=("FAILED")
        failed+=("$name")
        say "[$name] FAILED, exit $rc (${took} s)"
    fi
    return "$rc"
}

skip_stage() {
    names+=("$1")
    times+=("-")
    results+=("skipped: $2")
    failed+=("$1")
    say "[$1] skipped: $2"
}

# --- The stages --------------------------------------------------------------------------------

# The browser test targets: tests/*.rs that configure wasm-bindgen-test to run in a browser.
# Native-only tests (proptest, criterion, files) are never compiled for wasm32.
browser_tests=()
for f in tests/*.rs; do
    [[ -f "$f" ]] && grep -q 'run_in_browser' "$f" && browser_tests+=(--test "$(basename "$f" .rs)")
done

clippy_all() {
    cargo clippy --workspace --all-targets -- -D warnings || return
    # The page (src/ui, src/main.rs) only compiles for wasm32.
    cargo clippy --target wasm32-unknown-unknown --workspace --lib --bin recovery-lab \
        "${browser_tests[@]}" -- -D warnings
}

browser_tests_run() {
    if ((${#browser_tests[@]} == 0)); then
        note "no browser test target yet (a tests/*.rs with wasm_bindgen_test_configure!(run_in_browser))"
        return 0
    fi
    # .cargo/config.toml makes wasm-bindgen-test-runner the wasm32 runner; it drives Chromium
    # through chromedriver with the options in webdriver.json (headless, as root).
    # chromedriver makes a fresh profile (about 55 MB) under $TMPDIR for each test target and
    # leaves it there when the runner stops it, so the profiles go in a directory of this stage's
    # own, removed afterwards.
    local profiles rc
    profiles="$(mktemp -d "${TMPDIR:-/tmp}/recovery-lab-browser.XXXXXX")" || return
    env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER="$CHROMEDRIVER" TMPDIR="$profiles" \
        WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
        cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"
    rc=$?
    rm -rf "$profiles"
    return "$rc"
}

# --- Run ---------------------------------------------------------------------------------------

run_stage setup "$ROOT/scripts/setup.sh" || {
    say "test.sh: FAILED: setup could not install the tools"
    exit 1
}
run_stage fmt cargo fmt --all -- --check
run_stage clippy clippy_all
run_stage native cargo test --workspace --no-fail-fast
run_stage browser browser_tests_run
run_stage cli cargo build --bin recovery-lab-cli
if run_stage build "$ROOT/scripts/build.sh"; then
    run_stage size "$ROOT/scripts/size-budget.sh" dist
    run_stage e2e "$ROOT/scripts/e2e.sh"
else
    skip_stage size "build failed"
    skip_stage e2e "build failed"
fi

# --- Report ------------------------------------------------------------------------------------

echo
say "test.sh: stages"
for i in "${!names[@]}"; do
    printf '    %-8s %-28s %8s s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
done
total_time="$(since "$suite_started")"
passed=$((${#names[@]} - ${#failed[@]}))
if ((${#failed[@]} == 0)); then
    say "test.sh: ALL CHECKS PASSED in ${total_time} s"
    echo "stages: ${passed} passed, 0 failed"
    exit 0
else
    say "test.sh: FAILED (${failed[*]}) in ${total_time} s"
    echo "stages: ${passed} passed, ${#failed[@]} failed"
    exit 1
fi
