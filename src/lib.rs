//! Recovery Lab (复苏实验室): an outbreak and the recovery after it, simulated day by day for
//! Jinzhong's 11 districts. The engine (`sim`), the scenarios (`scenario`) and the charts
//! (`charts`) are plain Rust, testable natively; `ui` is the Yew page.

pub mod charts;
pub mod export;
pub mod i18n;
pub mod qr;
pub mod sim;
pub mod story;
#[cfg(target_arch = "wasm32")]
pub mod ui;

// The scenarios are a crate of their own (crates/scenario), below the daily model's
// (crates/engine, compiled for speed, which `sim` re-exports); the page and the tests reach
// them by these paths.
pub use recovery_lab_scenario::{decimal, json, scenario, small_sort};
