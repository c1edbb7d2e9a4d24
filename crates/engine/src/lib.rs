//! Recovery Lab's daily model: the epidemic, the controls and the economy of Jinzhong's 11
//! districts, stepped one day at a time ([`engine::simulate`]), with the outcome it writes, its
//! random numbers and its mathematics. The page's `sim` builds runs, summaries and ensembles on
//! it; it is a crate of its own so that it alone is compiled for speed while the rest of the
//! page stays compiled for size (Cargo.toml, BENCHMARKS.md "Size"). MODEL.md documents the
//! equations as implemented here.

pub mod controls;
pub mod economy;
pub mod engine;
pub mod ensemble_run;
pub mod epidemic;
pub mod geo;
pub mod math;
pub mod outcome;
pub mod rng;
pub mod sectors;

// The scenario crate's module, under the path the engine has always used.
use recovery_lab_scenario::scenario;
