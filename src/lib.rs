//! Recovery Lab (复苏实验室): an outbreak and the recovery after it, simulated day by day for
//! Jinzhong's 11 districts. The engine (`sim`), the scenarios (`scenario`) and the charts
//! (`charts`) are plain Rust, testable natively; `ui` is the Yew page.

pub mod charts;
pub mod decimal;
pub mod export;
pub mod i18n;
pub mod json;
pub mod qr;
pub mod scenario;
pub mod sim;
pub mod small_sort;
pub mod story;
#[cfg(target_arch = "wasm32")]
pub mod ui;
