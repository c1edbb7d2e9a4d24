//! The summary figures of one run: what the page's cards and the runner's `--summary` show.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A figure read on the three dates the article and planners check: 30 April, 30 June and
/// 31 December (keys `2022-04-30`, `2022-06-30`, `2022-12-31` for the default year).
pub type ByCheckDate = BTreeMap<String, f64>;

/// Per-district summary figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistrictSummary {
    pub infections_total: f64,
    pub detected_total: f64,
    pub peak_isolated: f64,
}

/// Summary of one run. Money in yuan, shares in %.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub model_version: String,
    pub infections_total: f64,
    pub detected_total: f64,
    pub peak_isolated: f64,
    pub deaths_total: f64,
    /// GDP below the no-outbreak baseline over the run, yuan (positive = lost).
    pub gdp_loss_yuan: f64,
    /// The same as % of the baseline's GDP over the run.
    pub gdp_loss_pct: f64,
    /// Retail sales below the baseline over the run, yuan.
    pub retail_loss_yuan: f64,
    /// Most jobs below the baseline on any day.
    pub jobs_lost_trough: f64,
    /// Small firms closed at the end of the run.
    pub smes_closed: f64,
    /// Policy spending over the run, yuan.
    pub fiscal_cost_yuan: f64,
    /// GDP kept per yuan of policy spending: (GDP with the fiscal levers − GDP without them)
    /// ÷ fiscal cost of those levers; null when nothing was spent.
    pub gdp_kept_per_yuan: Option<f64>,
    pub fai_completed_pct: ByCheckDate,
    pub projects_started: ByCheckDate,
    /// First day from which city GDP stays within 1% of its baseline to the end of the run,
    /// after having fallen further; null if it never falls 1% below or never comes back.
    pub recovery_date: Option<String>,
    pub districts: BTreeMap<String, DistrictSummary>,
}
