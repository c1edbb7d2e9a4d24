//! Runs the engine for the page: checks the scenario, runs it in deterministic mode, and
//! summarises the run. Called from a memo, so an unchanged scenario is never run twice.

use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use crate::sim::{self, Mode, Outcome, Summary};

/// A run the page can show.
#[derive(Debug, PartialEq)]
pub struct Results {
    pub outcome: Outcome,
    pub summary: Summary,
}

/// Why there is nothing to show.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// Rules the scenario breaks, one line each (`scenario::validate`).
    Invalid(Vec<String>),
    /// The run produced NaN or infinite numbers.
    NonFinite,
}

/// Checks and runs `scenario`, then summarises the run as the command-line runner does.
pub fn compute(scenario: &Scenario) -> Result<Results, EngineError> {
    validate(scenario)
        .map_err(|errors| EngineError::Invalid(errors.iter().map(|e| e.to_string()).collect()))?;
    let (outcome, summary) = sim::run_summary(scenario, Mode::Deterministic);
    if outcome.all_values().iter().any(|v| !v.is_finite()) {
        return Err(EngineError::NonFinite);
    }
    Ok(Results { outcome, summary })
}
