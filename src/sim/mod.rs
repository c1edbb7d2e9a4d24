//! The simulation engine: the coupled epidemic–economy model of Jinzhong's 11 districts,
//! stepped one day at a time. Pure Rust: std, serde, libm and a portable RNG only; it never
//! touches the page. MODEL.md documents the equations as implemented here.
//!
//! - [`run`]: one run, deterministic (expected values) or stochastic (chain-binomial draws and
//!   parameters drawn from their documented ranges).
//! - [`summarize`], [`run_summary`]: the summary figures of a run.
//! - [`ensemble`]: many stochastic runs, their summaries and quantile bands.

pub mod as_of;
pub mod controls;
pub mod economy;
mod engine;
pub mod ensemble;
pub mod epidemic;
pub mod geo;
pub mod math;
pub mod outcome;
pub mod rng;
pub mod sectors;
pub mod summary;
pub mod uncertainty;

pub use ensemble::{ensemble, Ensemble, QUANTILES};
pub use outcome::{Area, Indicator, Outcome};
pub use rng::SimRng;
pub use summary::{without_fiscal_levers, DistrictSummary, Summary};

/// Version of the model's equations and calibration. Links and summaries carry it; bump it
/// whenever the same scenario would give different numbers.
pub const MODEL_VERSION: &str = "1.0.0";

use crate::scenario::Scenario;
use epidemic::Draw;

/// How the engine draws its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Expected values; what a slider drag redraws.
    Deterministic,
    /// Chain-binomial draws and parameters drawn from their documented ranges, from `seed`.
    Stochastic { seed: u64 },
}

/// Runs one scenario (assumed valid: see `scenario::validate`) from its start to its end.
pub fn run(scenario: &Scenario, mode: Mode) -> Outcome {
    match mode {
        Mode::Deterministic => engine::simulate(scenario, Draw::Expected),
        Mode::Stochastic { seed } => {
            let mut rng = rng::rng_from_seed(seed);
            // Parameters first, then the epidemic's draws, from one stream.
            let drawn = uncertainty::draw_parameters(scenario, &mut rng);
            engine::simulate(&drawn, Draw::Random(&mut rng))
        }
    }
}

/// The summary figures of `outcome`, a run of `scenario`. "GDP kept per yuan" is measured
/// against a deterministic run of the scenario without its fiscal levers (vouchers, housing
/// subsidy, relief; see [`without_fiscal_levers`]); ensembles compare each stochastic replicate
/// with the same replicate instead.
pub fn summarize(scenario: &Scenario, outcome: &Outcome) -> Summary {
    let counterfactual = run(&without_fiscal_levers(scenario), Mode::Deterministic);
    summary::summarize_against(scenario, outcome, &counterfactual)
}

/// Runs `scenario` and summarises it; in stochastic mode the counterfactual uses the same seed.
pub fn run_summary(scenario: &Scenario, mode: Mode) -> (Outcome, Summary) {
    let outcome = run(scenario, mode);
    let counterfactual = run(&without_fiscal_levers(scenario), mode);
    let summary = summary::summarize_against(scenario, &outcome, &counterfactual);
    (outcome, summary)
}
