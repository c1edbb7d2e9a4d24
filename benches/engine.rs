//! Engine speed: one deterministic year and one stochastic run of the default preset
//! (`cargo bench --bench engine`; figures in BENCHMARKS.md). Targets on the project's 2-core
//! machine: ≤ 0.5 ms and ≤ 1 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Mode};
use std::hint::black_box;

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
}

criterion_group!(benches, engine);
criterion_main!(benches);
