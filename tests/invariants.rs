//! Property tests over random in-range scenarios: every one of them passes `validate`, and the
//! engine keeps its invariants on it — people are conserved in every district (to 1e-9
//! relative), and no value of the outcome is negative or non-finite.
//!
//! Scenarios are drawn from the same tables `validate` checks against: every number of
//! `PARAMS` anywhere in its range (ends included, whole where required), plus random control
//! intervals, voucher waves and importations within `validate::LIMITS`. One case in five runs
//! stochastic from a random seed. Each scenario is also written as JSON and read back.
//!
//! 10,000 cases by default; `PROPTEST_CASES=N` runs N instead (e.g. a quick local check).

use proptest::prelude::*;
use proptest::sample::subsequence;
use recovery_lab::json;
use recovery_lab::scenario::params::PARAMS;
use recovery_lab::scenario::presets;
use recovery_lab::scenario::validate::{self, latest_end, Limit, LIMITS};
use recovery_lab::scenario::{
    ControlInterval, Date, Importation, Measures, Scenario, Target, Variant, VoucherKind,
    VoucherWave, DISTRICTS, DISTRICT_COUNT,
};
use recovery_lab::sim::{self, Area, Indicator, Mode, Outcome};

/// Relative tolerance of population conservation.
const POPULATION_TOLERANCE: f64 = 1e-9;

/// Cases run unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        // Failures print the shrunk scenario; no regression files are written into the repo.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// Drawing scenarios

/// A point in [0, 1], with both ends drawn often: ranges are tested at their limits.
fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(1.0), 8 => 0.0..1.0f64]
}

/// `u` in [0, 1] mapped onto a range, whole where required.
fn scale(u: f64, min: f64, max: f64, integer: bool) -> f64 {
    let v = min + u * (max - min);
    let v = if integer { v.round() } else { v };
    v.clamp(min, max)
}

fn limit(key: &str) -> &'static Limit {
    Limit::find(key).unwrap_or_else(|| panic!("no limit {key}"))
}

fn in_limit(key: &'static str) -> impl Strategy<Value = f64> {
    let l = limit(key);
    unit().prop_map(move |u| scale(u, l.min, l.max, l.integer))
}

fn measures() -> impl Strategy<Value = Measures> {
    (
        (
            in_limit("measures.schools"),
            in_limit("measures.dine_in"),
            in_limit("measures.nonessential"),
            in_limit("measures.gatherings"),
            in_limit("measures.sealed_zones"),
        ),
        (
            in_limit("measures.testing_every_days"),
            in_limit("measures.testing_coverage"),
            in_limit("measures.tracing_rate"),
            in_limit("measures.checkpoints"),
        ),
    )
        .prop_map(
            |((schools, dine_in, nonessential, gatherings, sealed_zones), (every, cov, tr, cp))| {
                Measures {
                    schools,
                    dine_in,
                    nonessential,
                    gatherings,
                    sealed_zones,
                    testing_every_days: every as u32,
                    testing_coverage: cov,
                    tracing_rate: tr,
                    checkpoints: cp,
                }
            },
        )
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::All),
        subsequence(DISTRICTS.to_vec(), 1..=DISTRICT_COUNT)
            .prop_shuffle()
            .prop_map(Target::Districts),
    ]
}

/// A monthly cumulative curve in [0, 1] that never goes down; `ends_at_one` for completion.
fn curve(ends_at_one: bool) -> impl Strategy<Value = [f64; 12]> {
    proptest::collection::vec(unit(), 12).prop_map(move |mut v| {
        v.sort_by(f64::total_cmp);
        if ends_at_one {
            v[11] = 1.0;
        }
        v.try_into().unwrap()
    })
}

/// Interval as (start offset from the run's start, length − 1, target, measures).
type IntervalParts = (i32, i32, Target, Measures);
/// Wave as (kind, budget, start offset, validity, redemption, target), numbers as units.
type WaveParts = (VoucherKind, f64, i32, f64, f64, Target);
/// Importation as (day offset, district, count, Omicron?).
type ImportationParts = (i32, usize, f64, bool);

fn interval() -> impl Strategy<Value = IntervalParts> {
    (-30i32..=400, 0i32..=120, target(), measures())
}

fn wave() -> impl Strategy<Value = WaveParts> {
    (
        prop_oneof![
            Just(VoucherKind::General),
            Just(VoucherKind::Catering),
            Just(VoucherKind::Car)
        ],
        unit(),
        -30i32..=400,
        unit(),
        unit(),
        target(),
    )
}

fn importation() -> impl Strategy<Value = ImportationParts> {
    (
        -10i32..=400,
        0..DISTRICT_COUNT,
        prop_oneof![4 => (0u32..=50).prop_map(f64::from), 1 => in_limit("importations[].count")],
        any::<bool>(),
    )
}

/// One random, in-range scenario and the mode to run it in.
#[derive(Clone, Debug)]
struct Case {
    scenario: Scenario,
    mode: Mode,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(unit(), PARAMS.len()),
        // Start anywhere in 2021–2022; mostly up to a year, sometimes up to three.
        (0i32..=730, prop_oneof![8 => 1i32..=366, 1 => 367i32..=1096]),
        proptest::collection::vec(interval(), 0..=6),
        proptest::collection::vec(wave(), 0..=4),
        proptest::collection::vec(importation(), 0..=5),
        (any::<bool>(), measures()),
        (curve(false), curve(true)),
        (-60i32..=400, -60i32..=400),
        prop_oneof![4 => Just(None), 1 => any::<u64>().prop_map(Some)],
    )
        .prop_map(
            |(
                units,
                (start_offset, days),
                intervals,
                waves,
                importations,
                (zoning_on, zoning),
                (starts, completion),
                (housing_offset, relief_offset),
                seed,
            )| {
                let mut s = presets::jinzhong_2022();
                for (spec, u) in PARAMS.iter().zip(units) {
                    (spec.set)(&mut s, scale(u, spec.min, spec.max, spec.integer));
                }
                let start = Date::ymd(2021, 1, 1).add_days(start_offset);
                s.start = start;
                s.end = start.add_days(days - 1).min(latest_end(start));
                let at = |offset: i32| start.add_days(offset);
                s.controls.intervals = intervals
                    .into_iter()
                    .map(|(from, len, districts, measures)| ControlInterval {
                        start: at(from),
                        end: at(from + len),
                        districts,
                        measures,
                    })
                    .collect();
                s.controls.zoning.enabled = zoning_on;
                s.controls.zoning.measures = zoning;
                let budget = limit("vouchers.waves[].budget_yuan");
                let validity = limit("vouchers.waves[].validity_days");
                let redemption = limit("vouchers.waves[].redemption_days");
                s.vouchers.waves = waves
                    .into_iter()
                    .map(|(kind, b, from, v, r, districts)| VoucherWave {
                        kind,
                        // Budgets spread over orders of magnitude, up to the limit.
                        budget_yuan: scale(b * b * b, budget.min, budget.max, false),
                        start: at(from),
                        validity_days: scale(v, validity.min, validity.max, true) as u32,
                        redemption_days: scale(r, redemption.min, redemption.max, false),
                        districts,
                    })
                    .collect();
                s.importations = importations
                    .into_iter()
                    .map(|(day, d, count, omicron)| Importation {
                        date: at(day),
                        district: DISTRICTS[d],
                        count,
                        variant: if omicron {
                            Variant::Omicron
                        } else {
                            Variant::Delta
                        },
                    })
                    .collect();
                s.projects.planned_starts = starts;
                s.projects.planned_completion = completion;
                s.housing.start = at(housing_offset);
                s.relief.start = at(relief_offset);
                let mode = seed.map_or(Mode::Deterministic, |seed| Mode::Stochastic { seed });
                Case { scenario: s, mode }
            },
        )
}

// Checking outcomes

/// Largest relative gap, over districts and days, between S + E + I + Q + R + D and the
/// district's census population: `susceptible` + `active_infections` (E + I + Q) +
/// `recovered` + `deaths_cumulative`.
fn population_drift(o: &Outcome) -> (f64, String) {
    let mut worst = (0.0, String::new());
    for d in DISTRICTS {
        let area = Area::District(d);
        let n = d.population();
        let parts = [
            Indicator::Susceptible,
            Indicator::ActiveInfections,
            Indicator::Recovered,
            Indicator::DeathsCumulative,
        ]
        .map(|ind| o.series(ind, area));
        for day in 0..o.days() {
            let total: f64 = parts.iter().map(|s| s[day]).sum();
            let drift = (total - n).abs() / n;
            // NaN compares false: count it as the worst drift.
            if drift.is_nan() || drift > worst.0 {
                worst = (
                    drift,
                    format!("{} on {}: {total} of {n}", d.id(), o.date(day)),
                );
                if drift.is_nan() {
                    return worst;
                }
            }
        }
    }
    worst
}

/// What must hold for any outcome; `Err` says where it breaks.
fn check_outcome(s: &Scenario, o: &Outcome) -> Result<(), String> {
    let days = s.end.days_since(s.start) as usize + 1;
    if o.days() != days || o.start != s.start {
        return Err(format!(
            "outcome covers {} days from {}, scenario {days} from {}",
            o.days(),
            o.start,
            s.start
        ));
    }
    for area in Area::all() {
        for ind in Indicator::ALL {
            let series = o.series(ind, area);
            if let Some(day) = series.iter().position(|v| !v.is_finite() || *v < 0.0) {
                return Err(format!(
                    "{}.{} on {} = {}",
                    area.id(),
                    ind.key(),
                    o.date(day),
                    series[day]
                ));
            }
        }
        // Running totals never go down.
        for ind in [
            Indicator::CumulativeInfections,
            Indicator::DetectedCumulative,
            Indicator::DeathsCumulative,
            Indicator::FiscalCostCumulative,
        ] {
            let series = o.series(ind, area);
            if let Some(day) = series.windows(2).position(|w| w[1] < w[0]) {
                return Err(format!(
                    "{}.{} falls on {}: {} → {}",
                    area.id(),
                    ind.key(),
                    o.date(day + 1),
                    series[day],
                    series[day + 1]
                ));
            }
        }
    }
    // Conservation: nobody is infected, or dies, twice over.
    for d in DISTRICTS {
        let area = Area::District(d);
        let limit = d.population() * (1.0 + POPULATION_TOLERANCE);
        for ind in [Indicator::CumulativeInfections, Indicator::DeathsCumulative] {
            let last = *o.series(ind, area).last().unwrap();
            if last > limit {
                return Err(format!(
                    "{}.{} = {last} exceeds the population {}",
                    d.id(),
                    ind.key(),
                    d.population()
                ));
            }
        }
    }
    let (drift, at) = population_drift(o);
    if drift.is_nan() || drift > POPULATION_TOLERANCE {
        return Err(format!(
            "population drifts by {drift:e} relative (tolerance {POPULATION_TOLERANCE:e}): {at}"
        ));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_in_range_scenarios_are_valid_and_keep_the_invariants(case in case()) {
        let Case { scenario, mode } = case;
        if let Err(errors) = validate::validate(&scenario) {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            prop_assert!(false, "validate refused a generated scenario: {}", lines.join("; "));
        }
        let outcome = sim::run(&scenario, mode);
        if let Err(broken) = check_outcome(&scenario, &outcome) {
            prop_assert!(false, "{mode:?}: {broken}");
        }
    }

    /// Every generated scenario is written as JSON (the file the page exports and the runner
    /// reads) and read back unchanged, pretty and compact.
    #[test]
    fn random_in_range_scenarios_read_back_from_their_json(case in case()) {
        let s = case.scenario;
        let pretty = json::to_string_pretty(&s);
        let compact = json::to_string(&s);
        for text in [&pretty, &compact] {
            match json::from_str::<Scenario>(text) {
                Ok(read) => prop_assert_eq!(read, s.clone()),
                Err(e) => prop_assert!(false, "{e}\n{text}"),
            }
        }
    }
}

/// The generator reaches every range: each `LIMITS` key is used, so a new limit needs a
/// generator too.
#[test]
fn generator_covers_every_limit() {
    let drawn = [
        "measures.schools",
        "measures.dine_in",
        "measures.nonessential",
        "measures.gatherings",
        "measures.sealed_zones",
        "measures.checkpoints",
        "measures.testing_every_days",
        "measures.testing_coverage",
        "measures.tracing_rate",
        "vouchers.waves[].budget_yuan",
        "vouchers.waves[].validity_days",
        "vouchers.waves[].redemption_days",
        "importations[].count",
        // Drawn by `curve`, lengths and target lists by the collection strategies.
        "projects.planned_starts[]",
        "projects.planned_completion[]",
        "controls.intervals",
        "vouchers.waves",
        "importations",
        "districts",
    ];
    for l in LIMITS {
        assert!(drawn.contains(&l.key), "{} has no generator", l.key);
    }
}
