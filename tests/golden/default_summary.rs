//! The golden bit patterns of the default preset's deterministic summary, shared by the native
//! test (`tests/engine_determinism.rs`) and any wasm test: include this file with
//! `#[path = "golden/default_summary.rs"] mod golden;` and compare `golden::actual(&summary)`
//! with `golden::GOLDEN` bit for bit. Equal bits on both targets show native = wasm.
//!
//! A model change that moves them is deliberate: regenerate with
//! `cargo test --test engine_determinism -- --nocapture golden` (it prints the new table).

use recovery_lab::sim::Summary;

/// (figure, `f64::to_bits`) of `sim::run_summary(&presets::jinzhong_2022(), Mode::Deterministic)`.
pub const GOLDEN: [(&str, u64); 8] = [
    ("infections_total", 0x40368fbffe2f1f2f),
    ("detected_total", 0x402dd7689ca3be0a),
    ("gdp_loss_yuan", 0x41c388ba0764fe00),
    ("retail_loss_yuan", 0x41c2eb210a043b00),
    ("jobs_lost_trough", 0x40e3fc8e19c36d80),
    ("fiscal_cost_yuan", 0x41d8123a464fef11),
    ("fai_completed_pct 2022-04-30", 0x4033ca6747a39845),
    ("projects_started 2022-04-30", 0x4056bd3586d893fd),
];

/// The figures of a summary, in the order of [`GOLDEN`].
pub fn actual(m: &Summary) -> [f64; 8] {
    [
        m.infections_total,
        m.detected_total,
        m.gdp_loss_yuan,
        m.retail_loss_yuan,
        m.jobs_lost_trough,
        m.fiscal_cost_yuan,
        m.fai_completed_pct["2022-04-30"],
        m.projects_started["2022-04-30"],
    ]
}
