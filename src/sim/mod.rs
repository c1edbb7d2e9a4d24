//! The simulation engine: the coupled epidemic–economy model of Jinzhong's 11 districts,
//! stepped one day at a time (the daily model is `crates/engine`, re-exported here). Pure Rust:
//! std, serde, libm and a portable RNG only; it never touches the page. MODEL.md documents the
//! equations as implemented here.
//!
//! - [`run`]: one run, deterministic (expected values) or stochastic (chain-binomial draws and
//!   parameters drawn from their documented ranges).
//! - [`summarize`], [`run_summary`]: the summary figures of a run.
//! - [`ensemble`]: many stochastic runs, their summaries and quantile bands.

pub mod as_of;
pub mod ensemble;
pub mod summary;
pub mod uncertainty;

// The daily model itself is a crate of its own (crates/engine), compiled for speed.
use recovery_lab_engine::engine;
pub use recovery_lab_engine::{controls, economy, epidemic, geo, math, outcome, rng, sectors};

pub use ensemble::{ensemble, Ensemble, QUANTILES};
pub use outcome::{Area, Indicator, Outcome};
pub use rng::SimRng;
pub use summary::{without_fiscal_levers, DistrictSummary, Summary};

pub use recovery_lab_scenario::MODEL_VERSION;

use crate::scenario::Scenario;

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
    let mut outcome = Outcome::zeros(scenario.start, engine::days_of(scenario));
    run_into(scenario, mode, &mut outcome);
    outcome
}

/// [`run`], each day handed to `sink`.
pub(crate) fn run_into(scenario: &Scenario, mode: Mode, sink: &mut dyn engine::DaySink) {
    run_with(scenario, mode, false, sink);
}

/// [`run_into`] and, beside it, the run of [`without_fiscal_levers`] in the same mode (the
/// same seed); returns that run's city GDP of each day, bit for bit what [`run`] of it gives,
/// at a fraction of the cost (see `engine::simulate`).
pub(crate) fn run_pair(
    scenario: &Scenario,
    mode: Mode,
    sink: &mut dyn engine::DaySink,
) -> Vec<f64> {
    run_with(scenario, mode, true, sink)
}

fn run_with(
    scenario: &Scenario,
    mode: Mode,
    counterfactual: bool,
    sink: &mut dyn engine::DaySink,
) -> Vec<f64> {
    let (drawn, rng) = match mode {
        Mode::Deterministic => (scenario.clone(), None),
        Mode::Stochastic { seed } => {
            let mut rng = rng::rng_from_seed(seed);
            // Parameters first, then the epidemic's draws, from one stream.
            (uncertainty::draw_parameters(scenario, &mut rng), Some(rng))
        }
    };
    // The levers are never drawn (`uncertainty::UNCERTAIN`), so the drawn counterfactual is
    // the drawn scenario without its levers, from the same stream.
    let cf = counterfactual.then(|| without_fiscal_levers(&drawn));
    engine::simulate(&drawn, cf.as_ref(), rng, sink)
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
    let mut outcome = Outcome::zeros(scenario.start, engine::days_of(scenario));
    let counterfactual_gdp = run_pair(scenario, mode, &mut outcome);
    let summary = summary::summarize_with(scenario, &outcome, &counterfactual_gdp);
    (outcome, summary)
}
