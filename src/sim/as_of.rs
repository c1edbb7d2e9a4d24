//! The summary of a run as it stood at the end of one day: what the page's cards show while
//! the year is played back day by day (issue #6, playback).
//!
//! It uses the same fields and the same definitions as [`summarize_against`](super::summary::
//! summarize_against), read over days `0..=day` only, so that as of the last day it equals
//! the full-year summary to the bit (the sums run in the same order). What cannot be known on
//! that day is left out: the investment figures of check dates still ahead
//! ([`SummaryAsOf::pending_check_dates`]) and a recovery date that has not come yet
//! (`recovery_date: None`; the page shows both as "not yet").

use super::outcome::{Area, Indicator, Outcome};
use super::summary::{
    by_district, check_dates, recovery_day, ByCheckDate, DistrictSummary, Summary,
};
use super::MODEL_VERSION;
use crate::scenario::{Date, Scenario};

/// A summary as of the end of `day`.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryAsOf {
    /// The day index within the run.
    pub day: usize,
    /// The date of that day.
    pub date: Date,
    /// The figures over days `0..=day`.
    pub summary: Summary,
    /// Check dates (`YYYY-MM-DD`) after `date`, in order: their investment figures are not
    /// known yet, so the summary's by-date maps leave them out.
    pub pending_check_dates: Vec<String>,
}

/// The summary of `outcome` (a run of `scenario`) over days `0..=day` (clamped to the run).
/// `counterfactual_gdp` is the city's daily GDP in a run of the scenario without its fiscal
/// levers (for `gdp_kept_per_yuan`, as in the full summary).
///
/// Definitions, each read up to `day`: totals are the cumulative series on `day`; peaks and
/// the jobs trough are the extremes so far; losses sum the days so far; small firms closed
/// and the fiscal cost are those of `day`; the recovery date is the full run's when it is on
/// or before `day` (it is defined by GDP staying in its band to the end of the run, so before
/// that date it cannot be told).
pub fn summarize_as_of(
    scenario: &Scenario,
    outcome: &Outcome,
    counterfactual_gdp: &[f64],
    day: usize,
) -> SummaryAsOf {
    let day = day.min(outcome.days().saturating_sub(1));
    let upto = |s: &[f64]| -> usize { (day + 1).min(s.len()) };
    let city = Area::City;
    let so_far = |ind: Indicator, area: Area| {
        let s = outcome.series(ind, area);
        &s[..upto(s)]
    };
    let sum = |ind: Indicator| so_far(ind, city).iter().sum::<f64>();
    let max = |ind: Indicator, area: Area| so_far(ind, area).iter().fold(0.0_f64, |m, &v| m.max(v));
    let at = |ind: Indicator, area: Area| so_far(ind, area).last().copied().unwrap_or(0.0);

    let gdp = sum(Indicator::Gdp);
    let gdp_base = sum(Indicator::GdpBaseline);
    let gdp_loss = gdp_base - gdp;
    let retail_loss = sum(Indicator::RetailBaseline) - sum(Indicator::RetailSales);
    let jobs_lost_trough = so_far(Indicator::Employment, city)
        .iter()
        .fold(0.0_f64, |m, &e| m.max(scenario.economy.employment - e));
    let smes_closed = scenario.economy.sme_count * (1.0 - at(Indicator::SmesOpenPct, city) / 100.0);
    let fiscal = at(Indicator::FiscalCostCumulative, city);
    let lever_cost = fiscal - at(Indicator::TestingCostCumulative, city);
    let gdp_kept_per_yuan = if lever_cost >= 1.0 {
        let cf = &counterfactual_gdp[..upto(counterfactual_gdp)];
        Some((gdp - cf.iter().sum::<f64>()) / lever_cost)
    } else {
        None
    };

    let mut fai = ByCheckDate::new();
    let mut started = ByCheckDate::new();
    let mut pending = Vec::new();
    for date in check_dates(scenario) {
        match outcome.day_of(date) {
            Some(d) if d <= day => {
                fai.insert(
                    date.to_string(),
                    outcome.value(Indicator::FaiCompletedPct, city, d),
                );
                started.insert(
                    date.to_string(),
                    outcome.value(Indicator::ProjectsStarted, city, d),
                );
            }
            Some(_) => pending.push(date.to_string()),
            None => {}
        }
    }
    let districts = by_district(|a| DistrictSummary {
        infections_total: at(Indicator::CumulativeInfections, a),
        detected_total: at(Indicator::DetectedCumulative, a),
        peak_isolated: max(Indicator::Isolated, a),
    });
    let summary = Summary {
        model_version: MODEL_VERSION.to_string(),
        infections_total: at(Indicator::CumulativeInfections, city),
        detected_total: at(Indicator::DetectedCumulative, city),
        peak_isolated: max(Indicator::Isolated, city),
        deaths_total: at(Indicator::DeathsCumulative, city),
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
        recovery_date: recovery_day(outcome)
            .filter(|&r| r <= day)
            .map(|r| outcome.date(r).to_string()),
        districts,
    };
    SummaryAsOf {
        day,
        date: outcome.date(day),
        summary,
        pending_check_dates: pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;
    use crate::sim::summary::summarize_against;
    use crate::sim::{run, without_fiscal_levers, Mode};

    fn runs(scenario: &Scenario) -> (Outcome, Outcome) {
        (
            run(scenario, Mode::Deterministic),
            run(&without_fiscal_levers(scenario), Mode::Deterministic),
        )
    }

    #[test]
    fn as_of_the_last_day_is_the_full_year_summary() {
        for name in ["jinzhong-2022", "no-controls"] {
            let s = presets::preset(name).expect("preset exists");
            let (o, cf) = runs(&s);
            let full = summarize_against(&s, &o, &cf);
            let last = o.days() - 1;
            let as_of = summarize_as_of(&s, &o, cf.series(Indicator::Gdp, Area::City), last);
            assert_eq!(as_of.summary, full, "{name}");
            assert!(as_of.pending_check_dates.is_empty());
            assert_eq!(as_of.date, s.end);
            // A day past the run is the last day.
            let past = summarize_as_of(&s, &o, cf.series(Indicator::Gdp, Area::City), last + 40);
            assert_eq!(past.summary, full);
        }
    }

    #[test]
    fn figures_to_date_grow_with_the_day() {
        let s = presets::jinzhong_2022();
        let (o, cf) = runs(&s);
        let cf_gdp = cf.series(Indicator::Gdp, Area::City);
        let mut before = summarize_as_of(&s, &o, cf_gdp, 0).summary;
        for day in 1..o.days() {
            let now = summarize_as_of(&s, &o, cf_gdp, day).summary;
            assert!(now.infections_total >= before.infections_total, "day {day}");
            assert!(now.detected_total >= before.detected_total, "day {day}");
            assert!(now.deaths_total >= before.deaths_total, "day {day}");
            assert!(now.peak_isolated >= before.peak_isolated, "day {day}");
            assert!(now.jobs_lost_trough >= before.jobs_lost_trough, "day {day}");
            assert!(now.fiscal_cost_yuan >= before.fiscal_cost_yuan, "day {day}");
            before = now;
        }
    }

    #[test]
    fn what_lies_ahead_is_not_known_yet() {
        let s = presets::jinzhong_2022();
        let (o, cf) = runs(&s);
        let cf_gdp = cf.series(Indicator::Gdp, Area::City);
        let full = summarize_against(&s, &o, &cf);
        // 15 March: all three check dates are ahead, and so is any recovery.
        let march = o.day_of(Date::ymd(2022, 3, 15)).expect("in the run");
        let early = summarize_as_of(&s, &o, cf_gdp, march);
        assert_eq!(
            early.pending_check_dates,
            ["2022-04-30", "2022-06-30", "2022-12-31"]
        );
        assert!(early.summary.fai_completed_pct.is_empty());
        assert!(early.summary.projects_started.is_empty());
        assert_eq!(early.summary.recovery_date, None);
        assert!(early.summary.infections_total <= full.infections_total);
        assert_eq!(
            early.summary.infections_total,
            o.value(Indicator::CumulativeInfections, Area::City, march)
        );
        // 30 April itself is known on 30 April, with the full summary's value.
        let april = o.day_of(Date::ymd(2022, 4, 30)).expect("in the run");
        let on_april = summarize_as_of(&s, &o, cf_gdp, april);
        assert_eq!(
            on_april.summary.fai_completed_pct.get("2022-04-30"),
            full.fai_completed_pct.get("2022-04-30")
        );
        assert_eq!(on_april.pending_check_dates.len(), 2);
        // The recovery date shows from that day on, not the day before.
        let recovery = full.recovery_date.as_deref().expect("the default recovers");
        let r = o
            .day_of(recovery.parse::<Date>().expect("a date"))
            .expect("in the run");
        assert_eq!(
            summarize_as_of(&s, &o, cf_gdp, r).summary.recovery_date,
            full.recovery_date
        );
        assert_eq!(
            summarize_as_of(&s, &o, cf_gdp, r - 1).summary.recovery_date,
            None
        );
    }
}
