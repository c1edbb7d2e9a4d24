//! Recovery Lab's scenarios: what a planner sets ([`scenario::Scenario`]), its presets,
//! limits and validation, the link codec and the scenario file, with the small JSON reader and
//! writer ([`json`]), the decimal reader and writer ([`decimal`]) and the small sorts they use.
//! The daily model (`recovery-lab-engine`) and the page build on it; it is a crate of its own
//! so that the daily model can be compiled for speed while the rest of the page stays compiled
//! for size (Cargo.toml, BENCHMARKS.md "Size").

pub mod decimal;
pub mod json;
pub mod scenario;
pub mod small_sort;

/// Version of the model's equations and calibration. Links and summaries carry it; bump it
/// whenever the same scenario would give different numbers.
pub const MODEL_VERSION: &str = "1.0.0";
