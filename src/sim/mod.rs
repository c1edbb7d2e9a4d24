//! The simulation engine: the coupled epidemic–economy model of Jinzhong's 11 districts,
//! stepped one day at a time. Pure Rust: std, serde, libm and a portable RNG only; it never
//! touches the page. MODEL.md documents the equations as implemented here.

pub mod outcome;
pub mod summary;

pub use outcome::{Area, Indicator, Outcome};
pub use summary::{DistrictSummary, Summary};

/// Version of the model's equations and calibration. Links and summaries carry it; bump it
/// whenever the same scenario would give different numbers.
pub const MODEL_VERSION: &str = "1.0.0";
