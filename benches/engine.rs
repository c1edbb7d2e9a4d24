//! Engine speed: one deterministic year and one stochastic run of the default preset
//! (`cargo bench --bench engine`; figures in BENCHMARKS.md). Targets on the project's 2-core
//! machine: ≤ 0.5 ms and ≤ 1 ms. `ensemble replicate` is one replicate of the page's ensemble
//! as a web worker runs it (`run_chunk` of 20 runs, divided by 20).

use criterion::{criterion_group, criterion_main, Criterion};
use recovery_lab::scenario::presets;
use recovery_lab::sim::ensemble::{figure_keys, run_chunk, BAND_INDICATORS};
use recovery_lab::sim::{self, Mode};
use std::hint::black_box;
use std::time::Instant;

/// Replicates per `run_chunk` call in the replicate bench.
const CHUNK: u32 = 20;

fn engine(c: &mut Criterion) {
    let scenario = presets::jinzhong_2022();
    c.bench_function("deterministic year (jinzhong-2022)", |b| {
        b.iter(|| sim::run(black_box(&scenario), Mode::Deterministic))
    });
    let mut seed = 0u64;
    c.bench_function("stochastic year (jinzhong-2022)", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            sim::run(black_box(&scenario), Mode::Stochastic { seed })
        })
    });
    c.bench_function(
        "deterministic summary incl. counterfactual (jinzhong-2022)",
        |b| b.iter(|| sim::run_summary(black_box(&scenario), Mode::Deterministic)),
    );
    // As the page's worker does it: every chunk starts where the last one ended, so the
    // replicates (and their seeds) are new ones each time; the time is per replicate.
    let keys = figure_keys(&scenario);
    let mut first = 0u32;
    c.bench_function("ensemble replicate (jinzhong-2022)", |b| {
        b.iter_custom(|iters| {
            let t = Instant::now();
            for _ in 0..iters {
                let out = run_chunk(
                    black_box(&scenario),
                    20220415,
                    first,
                    CHUNK,
                    &BAND_INDICATORS,
                    &keys,
                );
                black_box(out);
                first = first.wrapping_add(CHUNK);
            }
            t.elapsed() / CHUNK
        })
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
