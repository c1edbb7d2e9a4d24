//! Ensembles of stochastic runs: per-run summaries and quantile bands of every city indicator
//! per day. Only the city's series of each run are kept (indicators × days × runs × 8 bytes:
//! about 6 MB for 100 runs of a year), never whole outcomes.

use super::outcome::Indicator;
use super::summary::{check_dates, summarize_with, without_fiscal_levers, Summary};
use super::{run_into, run_pair, Mode};
use crate::scenario::{Date, Scenario};
pub use recovery_lab_engine::ensemble_run::EnsembleRun;

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
    let has_levers = without_fiscal_levers(scenario) != *scenario;
    let mut outcome = EnsembleRun::new(scenario);
    // [indicator][day][run], so each (indicator, day) is one contiguous slice to sort.
    let mut city = vec![0.0; Indicator::COUNT * days * n];
    let mut summaries = Vec::with_capacity(n);
    for r in 0..runs {
        let summary = replicate_into(&mut outcome, scenario, has_levers, replicate_seed(seed, r));
        summaries.push(summary);
        for ind in Indicator::ALL {
            let series = outcome.city(ind);
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

/// One replicate: the stochastic run of `scenario` from `seed` and its summary, measured
/// against the run of the scenario without fiscal levers ([`without_fiscal_levers`]) from the
/// same seed. That counterfactual costs little: only what differs from the run is computed
/// (`sim::run_pair`), and nothing when the scenario has no fiscal levers to remove (it is
/// then its own counterfactual). The result is identical to two whole runs.
pub fn replicate(scenario: &Scenario, seed: u64) -> (EnsembleRun, Summary) {
    let mut kept = EnsembleRun::new(scenario);
    let has_levers = without_fiscal_levers(scenario) != *scenario;
    let summary = replicate_into(&mut kept, scenario, has_levers, seed);
    (kept, summary)
}

/// [`replicate`] into `kept` (made by [`EnsembleRun::new`] for `scenario`; every value is
/// overwritten, so one buffer serves every replicate); `has_levers`: whether the scenario
/// differs from its counterfactual.
fn replicate_into(
    kept: &mut EnsembleRun,
    scenario: &Scenario,
    has_levers: bool,
    seed: u64,
) -> Summary {
    let mode = Mode::Stochastic { seed };
    if has_levers {
        let counterfactual_gdp = run_pair(scenario, mode, kept);
        summarize_with(scenario, kept, &counterfactual_gdp)
    } else {
        run_into(scenario, mode, kept);
        summarize_with(scenario, kept, kept.city(Indicator::Gdp))
    }
}

// Ensembles in pieces (the page's web workers)

/// The city indicators the page draws bands of: every line of its charts that a stochastic
/// run moves (the no-outbreak baselines and the plans are left out).
pub const BAND_INDICATORS: [Indicator; 15] = [
    Indicator::Isolated,
    Indicator::ActiveInfections,
    Indicator::NewInfections,
    Indicator::DetectedNew,
    Indicator::Gdp,
    Indicator::RetailSales,
    Indicator::Catering,
    Indicator::CarSalesUnits,
    Indicator::HomeSalesUnits,
    Indicator::OnlineSales,
    Indicator::FaiCompletedPct,
    Indicator::ProjectsStarted,
    Indicator::Employment,
    Indicator::SmesOpenPct,
    Indicator::FiscalCostCumulative,
];

/// The keys of the summary figures that get a range on the page's cards, for runs of
/// `scenario`: the card's `data-testid` without `summary-`, and the runner's JSON path with
/// `.` for `-` in the dated ones (`fai_completed_pct-2022-04-30` is
/// `fai_completed_pct."2022-04-30"`).
pub fn figure_keys(scenario: &Scenario) -> Vec<String> {
    let mut keys: Vec<String> = [
        "infections_total",
        "detected_total",
        "peak_isolated",
        "deaths_total",
        "gdp_loss_yuan",
        "gdp_loss_pct",
        "retail_loss_yuan",
        "jobs_lost_trough",
        "smes_closed",
        "fiscal_cost_yuan",
        "gdp_kept_per_yuan",
    ]
    .iter()
    .map(|k| k.to_string())
    .collect();
    let days = scenario.end.days_since(scenario.start);
    let dates: Vec<Date> = check_dates(scenario)
        .into_iter()
        .filter(|d| (0..=days).contains(&d.days_since(scenario.start)))
        .collect();
    for field in ["fai_completed_pct", "projects_started"] {
        keys.extend(dates.iter().map(|d| format!("{field}-{d}")));
    }
    keys.push(RECOVERY_KEY.to_string());
    keys
}

/// The one figure that is a date; as a number, days since 1970-01-01.
pub const RECOVERY_KEY: &str = "recovery_date";

/// The figures of `summary` under `keys` (from [`figure_keys`]); NaN where the summary has
/// none (no spending, never recovered).
pub fn figures(summary: &Summary, keys: &[String]) -> Vec<f64> {
    keys.iter()
        .map(|key| {
            let dated = |field: &str, map: &std::collections::BTreeMap<String, f64>| {
                key.strip_prefix(field)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .and_then(|date| map.get(date).copied())
            };
            let v = match key.as_str() {
                "infections_total" => Some(summary.infections_total),
                "detected_total" => Some(summary.detected_total),
                "peak_isolated" => Some(summary.peak_isolated),
                "deaths_total" => Some(summary.deaths_total),
                "gdp_loss_yuan" => Some(summary.gdp_loss_yuan),
                "gdp_loss_pct" => Some(summary.gdp_loss_pct),
                "retail_loss_yuan" => Some(summary.retail_loss_yuan),
                "jobs_lost_trough" => Some(summary.jobs_lost_trough),
                "smes_closed" => Some(summary.smes_closed),
                "fiscal_cost_yuan" => Some(summary.fiscal_cost_yuan),
                "gdp_kept_per_yuan" => summary.gdp_kept_per_yuan,
                RECOVERY_KEY => summary
                    .recovery_date
                    .as_deref()
                    .and_then(|d| d.parse::<Date>().ok())
                    .map(|d| d.days_since_epoch() as f64),
                k if k.starts_with("fai_completed_pct-") => {
                    dated("fai_completed_pct", &summary.fai_completed_pct)
                }
                k if k.starts_with("projects_started-") => {
                    dated("projects_started", &summary.projects_started)
                }
                _ => None,
            };
            v.unwrap_or(f64::NAN)
        })
        .collect()
}

/// The 5% and 95% points of one figure over the runs, as the runner's `--summary` computes
/// them: numbers by [`quantile_sorted`] over the runs that have one (`None` if none has);
/// dates (the [`RECOVERY_KEY`]) as the run at rank round((n − 1) p), "never" ranked after
/// every date.
pub fn figure_range(key: &str, values: &[f64]) -> [Option<f64>; 2] {
    let ps = [0.05, 0.95];
    if key == RECOVERY_KEY {
        // "Never" (NaN) as the positive NaN, which `total_cmp` puts after every number.
        let mut days: Vec<f64> = values
            .iter()
            .map(|&d| if d.is_nan() { f64::NAN } else { d })
            .collect();
        days.sort_unstable_by(f64::total_cmp);
        return ps.map(|p| {
            if days.is_empty() {
                return None;
            }
            let i = ((days.len() - 1) as f64 * p).round() as usize;
            Some(days[i]).filter(|d| !d.is_nan())
        });
    }
    let mut numbers: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    numbers.sort_unstable_by(f64::total_cmp);
    ps.map(|p| (!numbers.is_empty()).then(|| quantile_sorted(&numbers, p)))
}

/// Runs `count` replicates of an ensemble from replicate `first`: what one worker does with
/// one piece of the ensemble. Returns the city series of `indicators`, [run][indicator][day],
/// and the figures under `keys` ([`figures`]), [run][key].
pub fn run_chunk(
    scenario: &Scenario,
    seed: u64,
    first: u32,
    count: u32,
    indicators: &[Indicator],
    keys: &[String],
) -> (Vec<f64>, Vec<f64>) {
    let has_levers = without_fiscal_levers(scenario) != *scenario;
    let days = (scenario.end.days_since(scenario.start) + 1).max(0) as usize;
    let mut series = Vec::with_capacity(count as usize * indicators.len() * days);
    let mut figs = Vec::with_capacity(count as usize * keys.len());
    let mut kept = EnsembleRun::new(scenario);
    for r in first..first.saturating_add(count) {
        let summary = replicate_into(&mut kept, scenario, has_levers, replicate_seed(seed, r));
        for &ind in indicators {
            series.extend_from_slice(kept.city(ind));
        }
        figs.extend(figures(&summary, keys));
    }
    (series, figs)
}

/// An ensemble gathered piece by piece, in any order: the runs' values of every (indicator,
/// day) are kept sorted, each piece merged in, so the bands at any point cost one pass and
/// equal [`ensemble`]'s bit for bit once every run is in.
#[derive(Clone, Debug)]
pub struct Aggregate {
    pub start: Date,
    pub days: usize,
    pub indicators: Vec<Indicator>,
    pub keys: Vec<String>,
    /// Runs asked for.
    pub total: u32,
    /// Runs merged so far.
    pub done: u32,
    /// [indicator][day] cells of `total` slots each, the first `done` sorted.
    cells: Vec<f64>,
    /// [key][run], in arrival order.
    figures: Vec<Vec<f64>>,
    /// Scratch for one cell's incoming values.
    incoming: Vec<f64>,
}

impl Aggregate {
    pub fn new(
        start: Date,
        days: usize,
        indicators: Vec<Indicator>,
        keys: Vec<String>,
        total: u32,
    ) -> Aggregate {
        let cells = vec![0.0; indicators.len() * days * total as usize];
        Aggregate {
            start,
            days,
            figures: vec![Vec::with_capacity(total as usize); keys.len()],
            indicators,
            keys,
            total,
            done: 0,
            cells,
            incoming: Vec::new(),
        }
    }

    /// Merges `count` runs: `series` [run][indicator][day] and `figs` [run][key], as
    /// [`run_chunk`] returns them. Pieces that would pass `total`, or of the wrong length,
    /// are refused (false).
    pub fn add(&mut self, count: u32, series: &[f64], figs: &[f64]) -> bool {
        let (ni, nd, n) = (self.indicators.len(), self.days, count as usize);
        if count == 0
            || self.done + count > self.total
            || series.len() != n * ni * nd
            || figs.len() != n * self.keys.len()
        {
            return false;
        }
        let stride = self.total as usize;
        let done = self.done as usize;
        for i in 0..ni {
            for d in 0..nd {
                self.incoming.clear();
                self.incoming
                    .extend((0..n).map(|r| series[(r * ni + i) * nd + d]));
                // Unstable is exact here: values that compare equal have the same bits.
                self.incoming.sort_unstable_by(f64::total_cmp);
                let cell = &mut self.cells[(i * nd + d) * stride..][..done + n];
                // Merge from the back: the sorted `done` values and the sorted incoming ones.
                let (mut a, mut b, mut w) = (done, n, done + n);
                while b > 0 {
                    w -= 1;
                    if a > 0 && cell[a - 1].total_cmp(&self.incoming[b - 1]).is_gt() {
                        cell[w] = cell[a - 1];
                        a -= 1;
                    } else {
                        cell[w] = self.incoming[b - 1];
                        b -= 1;
                    }
                }
            }
        }
        for (k, list) in self.figures.iter_mut().enumerate() {
            list.extend((0..n).map(|r| figs[r * self.keys.len() + k]));
        }
        self.done += count;
        true
    }

    /// Whether every run is in.
    pub fn complete(&self) -> bool {
        self.done == self.total
    }

    /// The bands over the runs merged so far (empty before the first).
    pub fn bands(&self) -> Bands {
        let (ni, nd) = (self.indicators.len(), self.days);
        let stride = self.total as usize;
        let done = self.done as usize;
        let mut data = vec![f64::NAN; ni * QUANTILES.len() * nd];
        if done > 0 {
            for i in 0..ni {
                for d in 0..nd {
                    let cell = &self.cells[(i * nd + d) * stride..][..done];
                    for (q, &qv) in QUANTILES.iter().enumerate() {
                        data[(i * QUANTILES.len() + q) * nd + d] = quantile_sorted(cell, qv);
                    }
                }
            }
        }
        Bands {
            start: self.start,
            days: nd,
            runs: self.done,
            indicators: self.indicators.clone(),
            data,
        }
    }

    /// The 5–95% range of every figure over the runs merged so far, by key.
    pub fn ranges(&self) -> Ranges {
        self.keys
            .iter()
            .zip(&self.figures)
            .map(|(k, v)| (k.clone(), figure_range(k, v)))
            .collect()
    }
}

/// The 5–95% range of each card figure, by key ([`Aggregate::ranges`]).
pub type Ranges = Vec<(String, [Option<f64>; 2])>;

/// `ranges` as numbers, [key][p5, p95], NaN for an end that is none (a range's ends are never
/// NaN themselves: [`figure_range`] leaves NaN out or gives none): what a worker sends.
pub fn ranges_to_flat(ranges: &Ranges) -> Vec<f64> {
    ranges
        .iter()
        .flat_map(|(_, ends)| ends.map(|e| e.unwrap_or(f64::NAN)))
        .collect()
}

/// The ranges of [`ranges_to_flat`] back under their `keys`; `None` if the lengths differ.
pub fn ranges_from_flat(keys: &[String], flat: &[f64]) -> Option<Ranges> {
    (flat.len() == 2 * keys.len()).then(|| {
        keys.iter()
            .zip(flat.chunks_exact(2))
            .map(|(k, e)| {
                (
                    k.clone(),
                    [0, 1].map(|i| Some(e[i]).filter(|v| !v.is_nan())),
                )
            })
            .collect()
    })
}

/// Quantile bands of some city indicators, as [`Ensemble::band`] gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub start: Date,
    pub days: usize,
    /// Runs they are taken over.
    pub runs: u32,
    pub indicators: Vec<Indicator>,
    /// [indicator][quantile][day].
    data: Vec<f64>,
}

impl Bands {
    /// Bands from their values, [indicator][quantile][day] (as [`Bands::data`] gives them):
    /// how the page's main thread takes the bands an aggregating worker computed. `None` if
    /// `data` is not `indicators × QUANTILES × days` long.
    pub fn from_data(
        start: Date,
        days: usize,
        runs: u32,
        indicators: Vec<Indicator>,
        data: Vec<f64>,
    ) -> Option<Bands> {
        (data.len() == indicators.len() * QUANTILES.len() * days).then_some(Bands {
            start,
            days,
            runs,
            indicators,
            data,
        })
    }

    /// The values, [indicator][quantile][day].
    pub fn data(&self) -> &[f64] {
        &self.data
    }

    /// The band of `indicator` at quantile `QUANTILES[q]`, if it is one of these.
    pub fn band(&self, indicator: Indicator, q: usize) -> Option<&[f64]> {
        let i = self.indicators.iter().position(|&x| x == indicator)?;
        let o = (i * QUANTILES.len() + q) * self.days;
        self.data.get(o..o + self.days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::outcome::{Area, Series};
    use crate::sim::run;
    use recovery_lab_engine::ensemble_run::DISTRICT_SERIES;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert_eq!(quantile_sorted(&v, 0.0), 1.0);
        assert_eq!(quantile_sorted(&v, 1.0), 5.0);
        assert!((quantile_sorted(&v, 0.05) - 1.2).abs() < 1e-12);
    }

    /// An ensemble run in pieces (any split, any order of arrival) and merged gives the same
    /// bands, bit for bit, and the same per-run figures as `ensemble`.
    #[test]
    fn pieces_merge_to_the_whole_ensemble() {
        let scenario = crate::scenario::presets::jinzhong_2022();
        let (seed, runs) = (20220415, 23);
        let whole = ensemble(&scenario, seed, runs);
        let keys = figure_keys(&scenario);
        assert_eq!(keys.len(), 18);
        let inds = BAND_INDICATORS.to_vec();
        let mut agg = Aggregate::new(whole.start, whole.days, inds.clone(), keys.clone(), runs);
        // Pieces of 5, 1, 10 and 7 runs, arriving out of order.
        for (first, count) in [(6, 10), (0, 5), (16, 7), (5, 1)] {
            let (series, figs) = run_chunk(&scenario, seed, first, count, &inds, &keys);
            assert!(agg.add(count, &series, &figs));
        }
        assert!(agg.complete());
        assert!(!agg.add(1, &[], &[]), "a piece past the total is refused");
        let bands = agg.bands();
        for &ind in &inds {
            for q in 0..QUANTILES.len() {
                let (a, b) = (bands.band(ind, q).unwrap(), whole.band(ind, q));
                assert!(
                    a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()),
                    "{ind:?} q{q}"
                );
            }
        }
        // The figures are the summaries' (same runs); the ranges are order-free.
        let mut sorted_whole: Vec<Vec<f64>> = vec![Vec::new(); keys.len()];
        for s in &whole.runs {
            for (k, v) in figures(s, &keys).into_iter().enumerate() {
                sorted_whole[k].push(v);
            }
        }
        for ((key, range), values) in agg.ranges().into_iter().zip(&sorted_whole) {
            assert_eq!(range, figure_range(&key, values), "{key}");
            assert!(range[0].is_some() || key == RECOVERY_KEY || key == "gdp_kept_per_yuan");
        }
    }

    /// What a worker sends the page (bands' values, ranges as numbers) reads back the same.
    #[test]
    fn bands_and_ranges_survive_their_flat_form() {
        let scenario = crate::scenario::presets::jinzhong_2022();
        let keys = figure_keys(&scenario);
        let inds = BAND_INDICATORS.to_vec();
        let days = (scenario.end.days_since(scenario.start) + 1) as usize;
        let mut agg = Aggregate::new(scenario.start, days, inds.clone(), keys.clone(), 9);
        let (series, figs) = run_chunk(&scenario, 7, 0, 9, &inds, &keys);
        assert!(agg.add(9, &series, &figs));
        let (bands, ranges) = (agg.bands(), agg.ranges());
        let back = Bands::from_data(bands.start, days, 9, inds.clone(), bands.data().to_vec());
        assert_eq!(back.as_ref(), Some(&bands));
        assert!(Bands::from_data(bands.start, days, 9, inds, vec![0.0; 3]).is_none());
        assert_eq!(
            ranges_from_flat(&keys, &ranges_to_flat(&ranges)),
            Some(ranges.clone())
        );
        assert!(ranges_from_flat(&keys, &[1.0]).is_none());
        let none = vec![("recovery_date".to_string(), [Some(3.0), None])];
        assert_eq!(
            ranges_from_flat(&["recovery_date".into()], &ranges_to_flat(&none)),
            Some(none)
        );
    }

    #[test]
    fn a_counterfactual_equal_to_the_scenario_is_not_rerun_and_changes_nothing() {
        let scenario = without_fiscal_levers(&crate::scenario::presets::jinzhong_2022());
        let (_, summary) = replicate(&scenario, 5);
        let (_, full) = crate::sim::run_summary(&scenario, Mode::Stochastic { seed: 5 });
        assert_eq!(summary, full);
    }

    /// Scenarios whose counterfactual parts from the run on different days, or never: the
    /// presets, and the default with its levers moved (before the run, onto its first day,
    /// into the Delta outbreak, with general and catering vouchers, which move the activity
    /// through consumption, and an importation on a lever's first day).
    fn lever_variants() -> Vec<Scenario> {
        use crate::scenario::{presets, Importation, Target, Variant, VoucherKind, VoucherWave};
        let mut out: Vec<Scenario> = presets::PRESET_NAMES
            .iter()
            .map(|name| presets::preset(name).unwrap())
            .collect();
        let base = presets::jinzhong_2022();
        let mut early = base.clone();
        early.vouchers.waves[0].start = Date::ymd(2021, 12, 1);
        early.relief.start = base.start;
        out.push(early);
        let mut in_outbreak = base.clone();
        in_outbreak.housing.start = Date::ymd(2022, 2, 22);
        in_outbreak.vouchers.waves.push(VoucherWave {
            kind: VoucherKind::General,
            budget_yuan: 2e8,
            start: Date::ymd(2022, 4, 16),
            validity_days: 30,
            redemption_days: 10.0,
            districts: Target::All,
        });
        in_outbreak.vouchers.waves.push(VoucherWave {
            kind: VoucherKind::Catering,
            budget_yuan: 5e7,
            start: Date::ymd(2022, 3, 1),
            validity_days: 20,
            redemption_days: 5.0,
            districts: Target::All,
        });
        out.push(in_outbreak);
        let mut import_on_lever_day = base.clone();
        import_on_lever_day.importations.push(Importation {
            date: Date::ymd(2022, 5, 1),
            district: crate::scenario::District::Jiexiu,
            count: 5.0,
            variant: Variant::Omicron,
        });
        out.push(import_on_lever_day);
        out
    }

    fn same_bits(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
    }

    /// A replicate's summary and kept series equal, bit for bit, what two whole runs give:
    /// the run and the run without fiscal levers, each from the seed.
    #[test]
    fn a_replicate_equals_its_two_whole_runs() {
        use crate::scenario::DISTRICTS;
        use crate::sim::summary::summarize_against;
        // Replicates whose counterfactual's epidemic parts from the run's (it took the
        // epidemic's state and stream on the way) and whose does not.
        let (mut parted, mut shared) = (0, 0);
        for scenario in lever_variants() {
            let cf = without_fiscal_levers(&scenario);
            for seed in 0..12 {
                let mode = Mode::Stochastic { seed };
                let outcome = run(&scenario, mode);
                let cf_run = run(&cf, mode);
                let infections = |o: &crate::sim::Outcome| {
                    o.last(Indicator::CumulativeInfections, Area::City)
                        .to_bits()
                };
                if infections(&outcome) == infections(&cf_run) {
                    shared += 1;
                } else {
                    parted += 1;
                }
                let full = summarize_against(&scenario, &outcome, &cf_run);
                let (kept, summary) = replicate(&scenario, seed);
                assert_eq!(format!("{summary:?}"), format!("{full:?}"), "seed {seed}");
                for ind in Indicator::ALL {
                    assert!(same_bits(kept.city(ind), outcome.series(ind, Area::City)));
                }
                for ind in DISTRICT_SERIES {
                    for &d in &DISTRICTS {
                        let area = Area::District(d);
                        assert!(same_bits(
                            Series::series(&kept, ind, area),
                            outcome.series(ind, area)
                        ));
                    }
                }
            }
            // Deterministic mode too (`run_summary`, as the runner uses it).
            let (o, s) = crate::sim::run_summary(&scenario, Mode::Deterministic);
            let o2 = run(&scenario, Mode::Deterministic);
            let cf_run = run(&cf, Mode::Deterministic);
            assert!(same_bits(o.all_values(), o2.all_values()));
            assert_eq!(
                format!("{s:?}"),
                format!("{:?}", summarize_against(&scenario, &o2, &cf_run))
            );
        }
        assert!(
            parted >= 5 && shared >= 5,
            "parted {parted}, shared {shared}"
        );
    }

    #[test]
    fn date_ranges_rank_never_last() {
        let nan = f64::NAN;
        let r = figure_range(RECOVERY_KEY, &[10.0, nan, 3.0, nan, 7.0]);
        assert_eq!(r, [Some(3.0), None]);
        let r = figure_range("gdp_kept_per_yuan", &[nan, nan]);
        assert_eq!(r, [None, None]);
        let r = figure_range("deaths_total", &[4.0, 0.0, 2.0]);
        assert_eq!(r[0], Some(0.2));
    }
}
