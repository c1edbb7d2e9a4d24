//! Runs the engine for the page: checks the scenario, runs it in deterministic mode, and
//! summarises the run. Called from a memo, so an unchanged scenario is never run twice.

use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use crate::sim::summary::summarize_against;
use crate::sim::{self, without_fiscal_levers, Area, Indicator, Mode, Outcome, Summary};

/// A run the page can show.
#[derive(Debug, PartialEq)]
pub struct Results {
    pub outcome: Outcome,
    pub summary: Summary,
    /// City GDP a day in the run without the fiscal levers: what the cards' "GDP kept per
    /// yuan" is measured against, also as of a day during playback (`sim::as_of`).
    pub counterfactual_gdp: Vec<f64>,
}

/// Why there is nothing to show.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// Rules the scenario breaks (`scenario::validate`): the field's path and its value.
    Invalid(Vec<(String, String)>),
    /// The run produced NaN or infinite numbers.
    NonFinite,
}

/// The run the "GDP kept per yuan" figure is measured against: the scenario without its
/// fiscal levers, in deterministic mode; `None` when the scenario is not valid. Memoised apart
/// from the main run, since dragging a voucher or relief lever leaves it unchanged: one engine
/// run per change instead of two.
pub fn counterfactual(without_levers: &Scenario) -> Option<Outcome> {
    validate(without_levers)
        .ok()
        .map(|()| sim::run(without_levers, Mode::Deterministic))
}

/// Checks and runs `scenario`, then summarises the run exactly as the command-line runner's
/// `sim::run_summary` does (the same runs, the same `summarize_against`).
pub fn compute(
    scenario: &Scenario,
    counterfactual: Option<&Outcome>,
) -> Result<Results, EngineError> {
    validate(scenario).map_err(|errors| {
        EngineError::Invalid(errors.into_iter().map(|e| (e.path, e.value)).collect())
    })?;
    let outcome = sim::run(scenario, Mode::Deterministic);
    let gdp_of = |cf: &Outcome| cf.series(Indicator::Gdp, Area::City).to_vec();
    let (summary, counterfactual_gdp) = match counterfactual {
        Some(cf) => (summarize_against(scenario, &outcome, cf), gdp_of(cf)),
        None => {
            let cf = sim::run(&without_fiscal_levers(scenario), Mode::Deterministic);
            (summarize_against(scenario, &outcome, &cf), gdp_of(&cf))
        }
    };
    if outcome.all_values().iter().any(|v| !v.is_finite()) {
        return Err(EngineError::NonFinite);
    }
    Ok(Results {
        outcome,
        summary,
        counterfactual_gdp,
    })
}
