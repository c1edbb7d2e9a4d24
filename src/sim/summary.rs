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

/// Each district's summary by its id, from `of` its area. Built by inserting, not by collecting:
/// a `BTreeMap` collected from an iterator sorts its items first, and that stable sort costs
/// the page's wasm about 3 KB gzipped (BENCHMARKS.md "Size").
pub(crate) fn by_district(
    mut of: impl FnMut(Area) -> DistrictSummary,
) -> BTreeMap<String, DistrictSummary> {
    let mut map = BTreeMap::new();
    for d in DISTRICTS {
        map.insert(d.id().to_string(), of(Area::District(d)));
    }
    map
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

use super::outcome::{Area, Indicator, Outcome, Series};
use super::MODEL_VERSION;
use crate::scenario::{Date, Scenario, DISTRICTS};

/// GDP within this share of its baseline counts as recovered.
pub const RECOVERY_BAND: f64 = 0.01;

/// The dates the summary reads investment on: 30 April, 30 June and 31 December of the
/// scenario's first year.
pub fn check_dates(s: &Scenario) -> [Date; 3] {
    let y = s.start.to_ymd().0;
    [
        Date::ymd(y, 4, 30),
        Date::ymd(y, 6, 30),
        Date::ymd(y, 12, 31),
    ]
}

/// The scenario without its fiscal levers (voucher waves, housing subsidy, SME relief): the
/// counterfactual that "GDP kept per yuan" is measured against. Testing stays: it is part of
/// the controls, not of the recovery policy.
pub fn without_fiscal_levers(s: &Scenario) -> Scenario {
    let mut c = s.clone();
    c.vouchers.waves.clear();
    c.housing.budget_yuan = 0.0;
    c.relief.reach = 0.0;
    c
}

/// The summary of `outcome`, a run of `scenario`; `counterfactual` is a run of
/// [`without_fiscal_levers`] in the same mode (for `gdp_kept_per_yuan`).
pub fn summarize_against(
    scenario: &Scenario,
    outcome: &Outcome,
    counterfactual: &Outcome,
) -> Summary {
    summarize_with(
        scenario,
        outcome,
        counterfactual.series(Indicator::Gdp, Area::City),
    )
}

/// The summary of `outcome`, a run of `scenario`, with `counterfactual_gdp` the city GDP of
/// each day of the run of [`without_fiscal_levers`] in the same mode (for
/// `gdp_kept_per_yuan`). Reads every city series, and of the districts only cumulative
/// infections, cases found and people isolated.
pub fn summarize_with(
    scenario: &Scenario,
    outcome: &dyn Series,
    counterfactual_gdp: &[f64],
) -> Summary {
    let city = Area::City;
    let last =
        |ind: Indicator, area: Area| outcome.series(ind, area).last().copied().unwrap_or(0.0);
    let sum = |ind: Indicator| outcome.series(ind, city).iter().sum::<f64>();
    let max = |ind: Indicator, area: Area| {
        outcome
            .series(ind, area)
            .iter()
            .fold(0.0_f64, |m, &v| m.max(v))
    };
    let gdp = sum(Indicator::Gdp);
    let gdp_base = sum(Indicator::GdpBaseline);
    let gdp_loss = gdp_base - gdp;
    let retail_loss = sum(Indicator::RetailBaseline) - sum(Indicator::RetailSales);
    let employment = outcome.series(Indicator::Employment, city);
    let jobs_lost_trough = employment
        .iter()
        .fold(0.0_f64, |m, &e| m.max(scenario.economy.employment - e));
    let smes_closed =
        scenario.economy.sme_count * (1.0 - last(Indicator::SmesOpenPct, city) / 100.0);
    let fiscal = last(Indicator::FiscalCostCumulative, city);
    let lever_cost = fiscal - last(Indicator::TestingCostCumulative, city);
    let gdp_kept_per_yuan = if lever_cost >= 1.0 {
        Some((gdp - counterfactual_gdp.iter().sum::<f64>()) / lever_cost)
    } else {
        None
    };
    let start = outcome.start();
    let mut fai = ByCheckDate::new();
    let mut started = ByCheckDate::new();
    for date in check_dates(scenario) {
        let day = date.days_since(start);
        if day >= 0 && (day as usize) < outcome.days() {
            let day = day as usize;
            fai.insert(
                date.to_string(),
                outcome.series(Indicator::FaiCompletedPct, city)[day],
            );
            started.insert(
                date.to_string(),
                outcome.series(Indicator::ProjectsStarted, city)[day],
            );
        }
    }
    let districts = by_district(|a| DistrictSummary {
        infections_total: last(Indicator::CumulativeInfections, a),
        detected_total: last(Indicator::DetectedCumulative, a),
        peak_isolated: max(Indicator::Isolated, a),
    });
    Summary {
        model_version: MODEL_VERSION.to_string(),
        infections_total: last(Indicator::CumulativeInfections, city),
        detected_total: last(Indicator::DetectedCumulative, city),
        peak_isolated: max(Indicator::Isolated, city),
        deaths_total: last(Indicator::DeathsCumulative, city),
        gdp_loss_yuan: gdp_loss,
        gdp_loss_pct: if gdp_base > 0.0 {
            100.0 * gdp_loss / gdp_base
        } else {
            0.0
        },
        retail_loss_yuan: retail_loss,
        jobs_lost_trough,
        smes_closed,
        fiscal_cost_yuan: fiscal,
        gdp_kept_per_yuan,
        fai_completed_pct: fai,
        projects_started: started,
        recovery_date: recovery_day_of(outcome).map(|d| start.add_days(d as i32).to_string()),
        districts,
    }
}

/// The first day from which city GDP stays at or above (1 − [`RECOVERY_BAND`]) × baseline to the
/// end of the run, if it was below that band before.
pub fn recovery_day(outcome: &Outcome) -> Option<usize> {
    recovery_day_of(outcome)
}

fn recovery_day_of(outcome: &dyn Series) -> Option<usize> {
    let gdp = outcome.series(Indicator::Gdp, Area::City);
    let base = outcome.series(Indicator::GdpBaseline, Area::City);
    let below = |d: usize| gdp[d] < (1.0 - RECOVERY_BAND) * base[d];
    let last_below = (0..outcome.days()).rev().find(|&d| below(d))?;
    (last_below + 1 < outcome.days()).then_some(last_below + 1)
}
