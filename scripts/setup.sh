#!/usr/bin/env bash
# Installs what building, serving and testing Recovery Lab needs, skipping whatever is already
# there (safe to run again; a second run takes a few seconds). Prints each step.
#
#   Rust target wasm32-unknown-unknown, rustfmt, clippy   (rustup)
#   trunk 0.21.14                                         (cargo install; ~13 min on 2 cores)
#   wasm-bindgen-cli at Cargo.lock's wasm-bindgen version (cargo install; ~5 min)
#   chromium, chromium-driver, a CJK font                 (apt-get, as root)
#   @playwright/test, binaryen (wasm-opt), terser         (npm ci; no browser download)
#   the crates in Cargo.lock                              (cargo fetch, so Trunk can build offline)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started="$(now)"
say "setup: checking tools (installs only what is missing)"

# --- Rust -------------------------------------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found: install Rust with rustup first (https://rustup.rs)"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "rust target wasm32-unknown-unknown: present"
else
    note "rust target wasm32-unknown-unknown: adding"
    rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$component"; then
        note "rustup component $component: present"
    else
        note "rustup component $component: adding"
        rustup component add "$component"
    fi
done

# --- Trunk ------------------------------------------------------------------------------------
if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
    note "trunk $TRUNK_VERSION: present"
else
    note "trunk $TRUNK_VERSION: installing with cargo (about 13 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# --- wasm-bindgen-cli at the lock-file version -------------------------------------------------
wb_version="$(wasm_bindgen_lock_version)"
[[ -n "$wb_version" ]] || die "could not read the wasm-bindgen version from Cargo.lock"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $wb_version" ]] \
    && command -v wasm-bindgen-test-runner >/dev/null; then
    note "wasm-bindgen-cli $wb_version: present"
else
    # Without --locked: that is the install known to work with this toolchain.
    note "wasm-bindgen-cli $wb_version (Cargo.lock's wasm-bindgen): installing with cargo (about 5 minutes)"
    cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# --- Chromium, its driver and a font for Chinese text ------------------------------------------
apt_missing=()
[[ -x "$CHROMIUM" ]] || apt_missing+=(chromium)
[[ -x "$CHROMEDRIVER" ]] || apt_missing+=(chromium-driver)
# Without a CJK font, Chinese labels (and the screenshots) come out as empty boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then apt_missing+=(fonts-wqy-microhei); fi
if ((${#apt_missing[@]} == 0)); then
    note "chromium, chromium-driver, CJK font: present"
else
    note "apt packages missing: ${apt_missing[*]}: installing"
    sudo_cmd=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${apt_missing[*]}"
        sudo_cmd=(sudo)
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${apt_missing[@]}"
    [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] || die "after apt-get: no $CHROMIUM or $CHROMEDRIVER"
fi

# --- Node packages: Playwright (no browser download), binaryen's wasm-opt, terser --------------
command -v node >/dev/null || die "node not found: Node.js 20 or newer is needed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || die "Node.js $node_major found; Playwright needs 20 or newer"
# Playwright only downloads browsers on `npx playwright install`, which is never run; the tests
# drive $CHROMIUM. Skip npm ci when node_modules already matches package-lock.json.
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]] \
    && [[ -x node_modules/.bin/wasm-opt && -x node_modules/.bin/playwright && -x node_modules/.bin/terser ]]; then
    note "npm packages (package-lock.json): present"
else
    note "npm packages: npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
[[ "$(wasm-opt --version)" == *"version_132"* ]] || die "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)"

# --- Crates, so Trunk's offline cargo build finds them ------------------------------------------
note "crates in Cargo.lock: cargo fetch"
cargo fetch --quiet

say "setup: done in $(since "$started") s"
