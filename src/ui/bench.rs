//! A hook for the browser benchmark (`scripts/bench.sh`, BENCHMARKS.md): the page's wasm
//! exports `bench_engine_year`, which the benchmark calls through the module Trunk emits
//! (`window.wasmBindings`). Nothing in the page calls it; it costs the bundle a few hundred
//! bytes and runs only when called.

use std::hint::black_box;

use wasm_bindgen::prelude::*;

use crate::scenario::presets;
use crate::sim::{self, Mode};

/// Runs one deterministic year of the default preset (`jinzhong-2022`), as the native
/// criterion bench `deterministic year` does, `iterations` times; returns the sum of every
/// run's last value (so no run can be optimised away). The caller times the call.
#[wasm_bindgen]
pub fn bench_engine_year(iterations: u32) -> f64 {
    let scenario = presets::jinzhong_2022();
    let mut check = 0.0;
    for _ in 0..iterations {
        let outcome = sim::run(black_box(&scenario), Mode::Deterministic);
        check += outcome.all_values().last().copied().unwrap_or(0.0);
    }
    check
}
