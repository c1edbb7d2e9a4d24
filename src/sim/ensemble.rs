//! Ensembles of stochastic runs: per-run summaries and quantile bands of every city indicator
//! per day. Only the city's series of each run are kept (indicators × days × runs × 8 bytes:
//! about 6 MB for 100 runs of a year), never whole outcomes.

use super::outcome::{Area, Indicator, Outcome};
use super::summary::{summarize_against, without_fiscal_levers, Summary};
use super::{run, Mode};
use crate::scenario::{Date, Scenario};

/// The quantiles of the bands: 5%, 25%, median, 75%, 95%.
pub const QUANTILES: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// The seed of replicate `i` of an ensemble seeded with `seed`.
pub fn replicate_seed(seed: u64, i: u32) -> u64 {
    seed.wrapping_add(i as u64)
}

/// What an ensemble of stochastic runs gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Ensemble {
    pub start: Date,
    pub days: usize,
    pub seed: u64,
    /// The summary of each run, in replicate order. Each run's `gdp_kept_per_yuan` is measured
    /// against the same replicate (same seed) without the fiscal levers.
    pub runs: Vec<Summary>,
    /// Quantile bands, indicator-major: [indicator][quantile][day].
    bands: Vec<f64>,
}

impl Ensemble {
    /// The band of a city indicator at quantile `QUANTILES[q]`, one value per day.
    pub fn band(&self, indicator: Indicator, q: usize) -> &[f64] {
        let o = (indicator.index() * QUANTILES.len() + q) * self.days;
        &self.bands[o..o + self.days]
    }

    /// The date of day `i`.
    pub fn date(&self, i: usize) -> Date {
        self.start.add_days(i as i32)
    }
}

/// The `q`-quantile of sorted values, linear between order statistics (type 7, as R's default
/// and numpy's "linear").
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q;
            let lo = (h as usize).min(n - 2);
            sorted[lo] + (h - lo as f64) * (sorted[lo + 1] - sorted[lo])
        }
    }
}

/// The `q`-quantile of a per-run figure (sorts a copy).
pub fn quantile_of(values: impl Iterator<Item = f64>, q: f64) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    quantile_sorted(&v, q)
}

/// Runs `runs` stochastic replicates of `scenario`, replicate `i` seeded with `seed + i`.
pub fn ensemble(scenario: &Scenario, seed: u64, runs: u32) -> Ensemble {
    let days = (scenario.end.days_since(scenario.start) + 1).max(0) as usize;
    let n = runs as usize;
    let counterfactual_scenario = without_fiscal_levers(scenario);
    // [indicator][day][run], so each (indicator, day) is one contiguous slice to sort.
    let mut city = vec![0.0; Indicator::COUNT * days * n];
    let mut summaries = Vec::with_capacity(n);
    for r in 0..runs {
        let mode = Mode::Stochastic {
            seed: replicate_seed(seed, r),
        };
        let outcome: Outcome = run(scenario, mode);
        let counterfactual = run(&counterfactual_scenario, mode);
        summaries.push(summarize_against(scenario, &outcome, &counterfactual));
        for ind in Indicator::ALL {
            let series = outcome.series(ind, Area::City);
            for (day, &v) in series.iter().enumerate() {
                city[(ind.index() * days + day) * n + r as usize] = v;
            }
        }
    }
    let mut bands = vec![0.0; Indicator::COUNT * QUANTILES.len() * days];
    for ind in Indicator::ALL {
        for day in 0..days {
            let o = (ind.index() * days + day) * n;
            let slice = &mut city[o..o + n];
            slice.sort_by(f64::total_cmp);
            for (q, &qv) in QUANTILES.iter().enumerate() {
                bands[(ind.index() * QUANTILES.len() + q) * days + day] =
                    quantile_sorted(slice, qv);
            }
        }
    }
    Ensemble {
        start: scenario.start,
        days,
        seed,
        runs: summaries,
        bands,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert_eq!(quantile_sorted(&v, 0.0), 1.0);
        assert_eq!(quantile_sorted(&v, 1.0), 5.0);
        assert!((quantile_sorted(&v, 0.05) - 1.2).abs() < 1e-12);
    }
}
