//! Checks a scenario against the documented ranges before the engine runs it.
//!
//! Two tables hold every range a scenario is checked against:
//! - [`PARAMS`](super::params::PARAMS) for the scalar numbers (one entry per JSON path);
//! - [`LIMITS`] here for the numbers inside lists (control intervals and the zoning rule's
//!   measures, voucher waves, importations, the monthly plan curves) and for list lengths.
//!
//! Plus the structural rules that are not a range of one number: the run lasts at most
//! [`MAX_RUN_YEARS`] calendar years, every interval ends on or after its start, the plan curves
//! never go down and the completion curve ends at 1, district lists are non-empty and name each
//! district once.
//!
//! The page and the share-link decoder reuse [`LIMITS`] and [`latest_end`] so that what they
//! let a planner type is exactly what [`validate`] accepts.

use super::measures::MEASURES;
use super::params::{ParamSpec, Unit, PARAMS};
use super::{Date, Measures, Scenario, Target, DISTRICT_COUNT};
use std::fmt;

/// Longest run, in calendar years: the run ends before the same calendar day this many years
/// after its start (see [`latest_end`]).
pub const MAX_RUN_YEARS: i32 = 3;

/// Most entries in each list of a scenario (control intervals, voucher waves, importations).
pub const MAX_LIST_LEN: usize = 50;

/// The allowed range of a number that is not in [`PARAMS`](super::params::PARAMS).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    /// Path in the scenario's JSON; `[]` stands for any index. Keys starting with `measures.`
    /// apply to every set of measures: each `controls.intervals[].measures` and
    /// `controls.zoning.measures`. A key naming a list (`controls.intervals`) limits its length.
    pub key: &'static str,
    /// Smallest allowed value, in the stored unit (both ends included).
    pub min: f64,
    /// Largest allowed value, in the stored unit.
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
    /// How the page shows it (the stored value is always in the base unit).
    pub unit: Unit,
    /// What the number is, in a few words.
    pub note: &'static str,
}

impl Limit {
    /// Whether `value` is allowed (finite, in range, whole where required).
    pub fn accepts(&self, value: f64) -> bool {
        accepts(value, self.min, self.max, self.integer)
    }

    /// The limit for a key of [`LIMITS`].
    pub fn find(key: &str) -> Option<&'static Limit> {
        LIMITS.iter().find(|l| l.key == key)
    }
}

const fn share(key: &'static str, note: &'static str) -> Limit {
    Limit {
        key,
        min: 0.0,
        max: 1.0,
        integer: false,
        unit: Unit::Percent,
        note,
    }
}

const fn list_len(key: &'static str, note: &'static str) -> Limit {
    Limit {
        key,
        min: 0.0,
        max: MAX_LIST_LEN as f64,
        integer: true,
        unit: Unit::Count,
        note,
    }
}

/// Intensity of school closure (暂缓返校), 0 off to 1 fully in force.
pub const MEASURE_SCHOOLS: Limit = share("measures.schools", "school closure intensity");
/// Intensity of the dine-in ban (取消堂食).
pub const MEASURE_DINE_IN: Limit = share("measures.dine_in", "dine-in ban intensity");
/// Intensity of the closure of non-essential business.
pub const MEASURE_NONESSENTIAL: Limit =
    share("measures.nonessential", "non-essential closure intensity");
/// Intensity of gathering limits.
pub const MEASURE_GATHERINGS: Limit = share("measures.gatherings", "gathering limit intensity");
/// Intensity of sealed and controlled zones (封控/管控).
pub const MEASURE_SEALED_ZONES: Limit = share("measures.sealed_zones", "sealed-zone intensity");
/// Intensity of highway checkpoints.
pub const MEASURE_CHECKPOINTS: Limit = share("measures.checkpoints", "checkpoint intensity");
/// Days between mass-testing rounds; 0 means none.
pub const MEASURE_TESTING_EVERY_DAYS: Limit = Limit {
    key: "measures.testing_every_days",
    min: 0.0,
    max: 14.0,
    integer: true,
    unit: Unit::Days,
    note: "days between mass-testing rounds, 0 = none",
};
/// Share of residents tested in each round.
pub const MEASURE_TESTING_COVERAGE: Limit =
    share("measures.testing_coverage", "share tested per round");
/// Contact-tracing hazard, per day.
pub const MEASURE_TRACING_RATE: Limit = Limit {
    key: "measures.tracing_rate",
    min: 0.0,
    max: 0.5,
    integer: false,
    unit: Unit::PerDay,
    note: "contact-tracing hazard per day",
};
/// Budget of one voucher wave, yuan: up to 100亿元.
pub const WAVE_BUDGET_YUAN: Limit = Limit {
    key: "vouchers.waves[].budget_yuan",
    min: 0.0,
    max: 100e8,
    integer: false,
    unit: Unit::YiYuan,
    note: "budget of a voucher wave, yuan",
};
/// Days a wave's vouchers stay valid.
pub const WAVE_VALIDITY_DAYS: Limit = Limit {
    key: "vouchers.waves[].validity_days",
    min: 1.0,
    max: 366.0,
    integer: true,
    unit: Unit::Days,
    note: "days the vouchers stay valid",
};
/// Mean days from issue to redemption.
pub const WAVE_REDEMPTION_DAYS: Limit = Limit {
    key: "vouchers.waves[].redemption_days",
    min: 1.0,
    max: 180.0,
    integer: false,
    unit: Unit::Days,
    note: "mean days from issue to redemption",
};
/// People already infectious on arrival, per importation: whole people.
pub const IMPORTATION_COUNT: Limit = Limit {
    key: "importations[].count",
    min: 0.0,
    max: 10_000.0,
    integer: true,
    unit: Unit::Count,
    note: "infectious people arriving",
};
/// Planned cumulative share of projects started by the end of a month; never goes down.
pub const PLANNED_STARTS: Limit = share(
    "projects.planned_starts[]",
    "cumulative share of projects started by month end, non-decreasing",
);
/// Planned cumulative share of investment by the end of a month; never goes down, December = 1.
pub const PLANNED_COMPLETION: Limit = share(
    "projects.planned_completion[]",
    "cumulative share of the year's investment by month end, non-decreasing, December = 1",
);
/// Number of control intervals.
pub const INTERVALS_LEN: Limit = list_len("controls.intervals", "number of control intervals");
/// Number of voucher waves.
pub const WAVES_LEN: Limit = list_len("vouchers.waves", "number of voucher waves");
/// Number of importations.
pub const IMPORTATIONS_LEN: Limit = list_len("importations", "number of importations");
/// Districts in a target list (`controls.intervals[].districts`, `vouchers.waves[].districts`):
/// at least one, each named once.
pub const TARGET_DISTRICTS_LEN: Limit = Limit {
    key: "districts",
    min: 1.0,
    max: DISTRICT_COUNT as f64,
    integer: true,
    unit: Unit::Count,
    note: "districts in a target list, each once",
};

/// Every range that is not in `PARAMS`, for the page, the link decoder and the docs.
pub static LIMITS: &[Limit] = &[
    MEASURE_SCHOOLS,
    MEASURE_DINE_IN,
    MEASURE_NONESSENTIAL,
    MEASURE_GATHERINGS,
    MEASURE_SEALED_ZONES,
    MEASURE_CHECKPOINTS,
    MEASURE_TESTING_EVERY_DAYS,
    MEASURE_TESTING_COVERAGE,
    MEASURE_TRACING_RATE,
    WAVE_BUDGET_YUAN,
    WAVE_VALIDITY_DAYS,
    WAVE_REDEMPTION_DAYS,
    IMPORTATION_COUNT,
    PLANNED_STARTS,
    PLANNED_COMPLETION,
    INTERVALS_LEN,
    WAVES_LEN,
    IMPORTATIONS_LEN,
    TARGET_DISTRICTS_LEN,
];

/// The last day a run starting on `start` may end on: the day before the same calendar day
/// [`MAX_RUN_YEARS`] later (a run from 29 February counts from 1 March). So 2022-01-01 may run
/// to 2024-12-31.
pub fn latest_end(start: Date) -> Date {
    let (y, m, d) = start.to_ymd();
    let y = y + MAX_RUN_YEARS;
    let same_day = Date::from_ymd(y, m, d).unwrap_or_else(|| Date::ymd(y, 3, 1));
    same_day.add_days(-1)
}

/// One rule a scenario breaks: the field, its value and what is allowed.
/// Displays on one line: `controls.intervals[2].measures.dine_in = 1.5: allowed 0 to 1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// Path of the field in the scenario's JSON, with list indices.
    pub path: String,
    /// The value found, as written in JSON (lists and dates in short form).
    pub value: String,
    /// What is allowed instead.
    pub allowed: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} = {}: allowed {}",
            self.path, self.value, self.allowed
        )
    }
}

impl std::error::Error for ValidationError {}

/// Checks every value and structural rule; `Err` lists every rule broken, in the order of the
/// scenario's fields.
pub fn validate(scenario: &Scenario) -> Result<(), Vec<ValidationError>> {
    let mut c = Checker::default();
    c.run_span(scenario);
    for spec in PARAMS {
        c.param(spec, (spec.get)(scenario));
    }
    c.importations(scenario);
    c.controls(scenario);
    c.vouchers(scenario);
    c.projects(scenario);
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

fn accepts(value: f64, min: f64, max: f64, integer: bool) -> bool {
    value.is_finite() && value >= min && value <= max && (!integer || value.fract() == 0.0)
}

fn range_text(min: f64, max: f64, integer: bool) -> String {
    if integer {
        format!("whole numbers from {min} to {max}")
    } else {
        format!("{min} to {max}")
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<ValidationError>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, value: impl Into<String>, allowed: String) {
        self.errors.push(ValidationError {
            path: path.into(),
            value: value.into(),
            allowed,
        });
    }

    fn param(&mut self, spec: &ParamSpec, value: f64) {
        if !spec.accepts(value) {
            self.push(
                spec.key,
                value.to_string(),
                range_text(spec.min, spec.max, spec.integer),
            );
        }
    }

    fn limit(&mut self, path: impl FnOnce() -> String, limit: &Limit, value: f64) {
        if !limit.accepts(value) {
            self.push(
                path(),
                value.to_string(),
                range_text(limit.min, limit.max, limit.integer),
            );
        }
    }

    fn list_len(&mut self, path: &str, limit: &Limit, len: usize) {
        if len as f64 > limit.max {
            self.push(
                path,
                format!("{len} entries"),
                format!("at most {} entries", limit.max),
            );
        }
    }

    fn interval(&mut self, path: &str, start: Date, end: Date) {
        if end < start {
            self.push(
                format!("{path}.end"),
                end.to_string(),
                format!("on or after its start {start}"),
            );
        }
    }

    fn run_span(&mut self, s: &Scenario) {
        let latest = latest_end(s.start);
        if s.end < s.start || s.end > latest {
            self.push(
                "end",
                s.end.to_string(),
                format!(
                    "from start {} to {latest} (a run lasts at most {MAX_RUN_YEARS} years)",
                    s.start
                ),
            );
        }
    }

    fn target(&mut self, path: &str, target: &Target) {
        let Target::Districts(list) = target else {
            return;
        };
        if list.is_empty() {
            self.push(path, "[]", "at least one district (or \"all\")".to_string());
            return;
        }
        let repeated: Vec<&str> = list
            .iter()
            .enumerate()
            .filter(|(i, d)| list[..*i].contains(d))
            .map(|(_, d)| d.id())
            .collect();
        if !repeated.is_empty() {
            let ids: Vec<&str> = list.iter().map(|d| d.id()).collect();
            self.push(
                path,
                format!("[{}]", ids.join(", ")),
                format!("each district once ({} repeated)", repeated.join(", ")),
            );
        }
    }

    fn measures(&mut self, path: &str, m: &Measures) {
        for spec in &MEASURES {
            self.limit(|| format!("{path}.{}", spec.key), spec.limit, (spec.get)(m));
        }
    }

    fn importations(&mut self, s: &Scenario) {
        self.list_len("importations", &IMPORTATIONS_LEN, s.importations.len());
        for (i, imp) in s.importations.iter().enumerate() {
            self.limit(
                || format!("importations[{i}].count"),
                &IMPORTATION_COUNT,
                imp.count,
            );
        }
    }

    fn controls(&mut self, s: &Scenario) {
        let intervals = &s.controls.intervals;
        self.list_len("controls.intervals", &INTERVALS_LEN, intervals.len());
        for (i, iv) in intervals.iter().enumerate() {
            let path = format!("controls.intervals[{i}]");
            self.interval(&path, iv.start, iv.end);
            self.target(&format!("{path}.districts"), &iv.districts);
            self.measures(&format!("{path}.measures"), &iv.measures);
        }
        self.measures("controls.zoning.measures", &s.controls.zoning.measures);
    }

    fn vouchers(&mut self, s: &Scenario) {
        let waves = &s.vouchers.waves;
        self.list_len("vouchers.waves", &WAVES_LEN, waves.len());
        for (i, w) in waves.iter().enumerate() {
            let path = format!("vouchers.waves[{i}]");
            self.limit(
                || format!("{path}.budget_yuan"),
                &WAVE_BUDGET_YUAN,
                w.budget_yuan,
            );
            self.limit(
                || format!("{path}.validity_days"),
                &WAVE_VALIDITY_DAYS,
                w.validity_days as f64,
            );
            self.limit(
                || format!("{path}.redemption_days"),
                &WAVE_REDEMPTION_DAYS,
                w.redemption_days,
            );
            self.target(&format!("{path}.districts"), &w.districts);
        }
    }

    fn projects(&mut self, s: &Scenario) {
        self.curve(
            "projects.planned_starts",
            &PLANNED_STARTS,
            &s.projects.planned_starts,
        );
        self.curve(
            "projects.planned_completion",
            &PLANNED_COMPLETION,
            &s.projects.planned_completion,
        );
        let last = s.projects.planned_completion[11];
        // Only flag the end point when the value is otherwise valid, so one bad number gives
        // one error.
        if PLANNED_COMPLETION.accepts(last) && last != 1.0 {
            self.push(
                "projects.planned_completion[11]",
                last.to_string(),
                "exactly 1 (the whole year's plan by the end of December)".to_string(),
            );
        }
    }

    /// A monthly cumulative curve: each value in range and not below the month before.
    fn curve(&mut self, path: &str, limit: &Limit, values: &[f64; 12]) {
        for (i, &v) in values.iter().enumerate() {
            if !limit.accepts(v) {
                self.limit(|| format!("{path}[{i}]"), limit, v);
            } else if i > 0 && limit.accepts(values[i - 1]) && v < values[i - 1] {
                self.push(
                    format!("{path}[{i}]"),
                    v.to_string(),
                    format!(
                        "{} to {} (not below the month before)",
                        values[i - 1],
                        limit.max
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::{self, PRESET_NAMES};
    use crate::scenario::{
        ControlInterval, District, Importation, Variant, VoucherKind, VoucherWave,
    };

    /// The default preset with lists of known shape, so the tests do not depend on how the
    /// preset is calibrated.
    fn base() -> Scenario {
        let d = Date::ymd;
        let mut s = presets::jinzhong_2022();
        let taigu = || Target::Districts(vec![District::Taigu]);
        s.controls.intervals = vec![
            ControlInterval {
                districts: taigu(),
                ..interval(d(2022, 2, 21), d(2022, 3, 6))
            },
            ControlInterval {
                districts: taigu(),
                ..interval(d(2022, 3, 7), d(2022, 3, 20))
            },
            ControlInterval {
                districts: Target::Districts(vec![District::Yuci]),
                ..interval(d(2022, 4, 15), d(2022, 5, 10))
            },
        ];
        s.importations = vec![
            Importation {
                date: d(2022, 2, 20),
                district: District::Taigu,
                count: 4.0,
                variant: Variant::Delta,
            },
            Importation {
                date: d(2022, 4, 14),
                district: District::Yuci,
                count: 3.0,
                variant: Variant::Omicron,
            },
        ];
        s.vouchers.waves = vec![VoucherWave {
            kind: VoucherKind::Car,
            budget_yuan: 3e7,
            start: d(2022, 5, 1),
            validity_days: 60,
            redemption_days: 20.0,
            districts: Target::All,
        }];
        s.projects.planned_starts = [
            0.30, 0.45, 0.68, 0.86, 0.94, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
        ];
        s.projects.planned_completion = [
            0.04, 0.09, 0.15, 0.22, 0.33, 0.44, 0.53, 0.62, 0.72, 0.81, 0.90, 1.0,
        ];
        s
    }

    /// The scenario's errors, as display lines.
    fn errors(s: &Scenario) -> Vec<String> {
        match validate(s) {
            Ok(()) => vec![],
            Err(e) => e.iter().map(|e| e.to_string()).collect(),
        }
    }

    /// Exactly one error, at `path`; returns its line.
    fn one_error_at(s: &Scenario, path: &str) -> String {
        let e = validate(s).expect_err("scenario should be refused");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].path, path, "{}", e[0]);
        let line = e[0].to_string();
        assert!(!line.contains('\n'), "{line}");
        line
    }

    fn interval(start: Date, end: Date) -> ControlInterval {
        ControlInterval {
            start,
            end,
            districts: Target::All,
            measures: presets::no_measures(),
        }
    }

    #[test]
    fn every_preset_is_valid() {
        for name in PRESET_NAMES {
            let s = presets::preset(name).unwrap();
            assert_eq!(errors(&s), Vec::<String>::new(), "{name}");
        }
    }

    #[test]
    fn every_param_is_checked_against_its_range() {
        for spec in PARAMS {
            for bad in [
                spec.min - spec.step.max(1e-9),
                spec.max + spec.step,
                f64::NAN,
            ] {
                let mut s = base();
                (spec.set)(&mut s, bad);
                let got = (spec.get)(&s);
                // An integer field cannot hold a negative or NaN: `as` saturates it to 0,
                // which may be in range. Those cases are unrepresentable, not accepted.
                if spec.accepts(got) {
                    assert!(spec.integer, "{} = {got} was accepted", spec.key);
                    continue;
                }
                let line = one_error_at(&s, spec.key);
                assert!(line.contains(&spec.max.to_string()), "{line}");
            }
        }
    }

    #[test]
    fn integer_params_must_be_whole() {
        // The integer params are u32 fields; a float one that must be whole would be refused
        // here. Check the rule itself through ParamSpec::accepts and the message wording.
        let spec = ParamSpec::find("controls.zoning.release_days").unwrap();
        assert!(spec.integer);
        assert!(!spec.accepts(2.5));
        let mut s = base();
        s.controls.zoning.release_days = 50;
        let line = one_error_at(&s, "controls.zoning.release_days");
        assert_eq!(
            line,
            "controls.zoning.release_days = 50: allowed whole numbers from 1 to 42"
        );
    }

    #[test]
    fn message_names_path_value_and_range() {
        let mut s = base();
        s.controls.intervals[2].measures.dine_in = 1.5;
        assert_eq!(
            one_error_at(&s, "controls.intervals[2].measures.dine_in"),
            "controls.intervals[2].measures.dine_in = 1.5: allowed 0 to 1"
        );
        let mut s = base();
        s.epidemic.r0_delta = 7.0;
        assert_eq!(
            one_error_at(&s, "epidemic.r0_delta"),
            "epidemic.r0_delta = 7: allowed 4 to 6.4"
        );
    }

    #[test]
    fn run_must_end_after_start_within_three_years() {
        let mut s = base();
        s.end = Date::ymd(2021, 12, 31);
        let line = one_error_at(&s, "end");
        assert!(line.contains("2024-12-31"), "{line}");

        let mut s = base();
        s.end = Date::ymd(2024, 12, 31);
        assert!(validate(&s).is_ok());
        s.end = Date::ymd(2025, 1, 1);
        one_error_at(&s, "end");

        let mut s = base();
        s.end = s.start; // a one-day run
        assert!(validate(&s).is_ok());
    }

    #[test]
    fn latest_end_follows_the_calendar() {
        assert_eq!(latest_end(Date::ymd(2022, 1, 1)), Date::ymd(2024, 12, 31));
        assert_eq!(latest_end(Date::ymd(2022, 3, 1)), Date::ymd(2025, 2, 28));
        assert_eq!(latest_end(Date::ymd(2024, 2, 29)), Date::ymd(2027, 2, 28));
        assert_eq!(latest_end(Date::ymd(2021, 3, 1)), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn interval_must_not_end_before_it_starts() {
        let mut s = base();
        s.controls.intervals[1].end = Date::ymd(2022, 3, 6);
        let line = one_error_at(&s, "controls.intervals[1].end");
        assert!(line.contains("2022-03-07"), "{line}");
        // A one-day interval is fine.
        s.controls.intervals[1].end = Date::ymd(2022, 3, 7);
        assert!(validate(&s).is_ok());
    }

    #[test]
    fn measure_intensities_are_shares() {
        type Set = fn(&mut Measures, f64);
        let fields: [(&str, Set); 6] = [
            ("schools", |m, v| m.schools = v),
            ("dine_in", |m, v| m.dine_in = v),
            ("nonessential", |m, v| m.nonessential = v),
            ("gatherings", |m, v| m.gatherings = v),
            ("sealed_zones", |m, v| m.sealed_zones = v),
            ("checkpoints", |m, v| m.checkpoints = v),
        ];
        for (name, set) in fields {
            for bad in [-0.01, 1.01, f64::INFINITY] {
                let mut s = base();
                set(&mut s.controls.intervals[0].measures, bad);
                one_error_at(&s, &format!("controls.intervals[0].measures.{name}"));
                let mut s = base();
                set(&mut s.controls.zoning.measures, bad);
                one_error_at(&s, &format!("controls.zoning.measures.{name}"));
            }
            for good in [0.0, 1.0] {
                let mut s = base();
                set(&mut s.controls.intervals[0].measures, good);
                assert!(validate(&s).is_ok(), "{name} = {good}");
            }
        }
    }

    #[test]
    fn testing_every_days_is_0_to_14() {
        let mut s = base();
        s.controls.intervals[0].measures.testing_every_days = 14;
        assert!(validate(&s).is_ok());
        s.controls.intervals[0].measures.testing_every_days = 15;
        let line = one_error_at(&s, "controls.intervals[0].measures.testing_every_days");
        assert!(
            line.ends_with("allowed whole numbers from 0 to 14"),
            "{line}"
        );
    }

    #[test]
    fn coverage_is_a_share_and_tracing_at_most_half() {
        let mut s = base();
        s.controls.intervals[0].measures.testing_coverage = 1.2;
        one_error_at(&s, "controls.intervals[0].measures.testing_coverage");
        let mut s = base();
        s.controls.zoning.measures.tracing_rate = 0.51;
        let line = one_error_at(&s, "controls.zoning.measures.tracing_rate");
        assert!(line.ends_with("allowed 0 to 0.5"), "{line}");
        s.controls.zoning.measures.tracing_rate = 0.5;
        assert!(validate(&s).is_ok());
    }

    #[test]
    fn voucher_waves_are_checked() {
        let mut s = base();
        s.vouchers.waves[0].budget_yuan = 100e8;
        assert!(validate(&s).is_ok());
        s.vouchers.waves[0].budget_yuan = 100e8 + 1.0;
        one_error_at(&s, "vouchers.waves[0].budget_yuan");
        let mut s = base();
        s.vouchers.waves[0].budget_yuan = -1.0;
        one_error_at(&s, "vouchers.waves[0].budget_yuan");

        let mut s = base();
        s.vouchers.waves[0].validity_days = 0;
        one_error_at(&s, "vouchers.waves[0].validity_days");
        s.vouchers.waves[0].validity_days = 367;
        one_error_at(&s, "vouchers.waves[0].validity_days");

        let mut s = base();
        s.vouchers.waves[0].redemption_days = 0.5;
        one_error_at(&s, "vouchers.waves[0].redemption_days");
        s.vouchers.waves[0].redemption_days = 181.0;
        one_error_at(&s, "vouchers.waves[0].redemption_days");
    }

    #[test]
    fn importation_count_is_whole_and_at_most_10000() {
        let mut s = base();
        s.importations[1].count = 10_000.0;
        assert!(validate(&s).is_ok());
        for bad in [10_001.0, -1.0, 2.5, f64::NAN] {
            s.importations[1].count = bad;
            one_error_at(&s, "importations[1].count");
        }
    }

    #[test]
    fn plan_curves_never_go_down_and_completion_ends_at_one() {
        let mut s = base();
        s.projects.planned_starts[3] = 0.5; // below March's 0.68
        let line = one_error_at(&s, "projects.planned_starts[3]");
        assert!(line.contains("0.68 to 1"), "{line}");

        let mut s = base();
        s.projects.planned_completion[5] = 1.1;
        one_error_at(&s, "projects.planned_completion[5]");

        let mut s = base();
        s.projects.planned_completion[11] = 0.95;
        one_error_at(&s, "projects.planned_completion[11]");

        // The start curve need not reach 1: some projects may start next year.
        let mut s = base();
        s.projects.planned_starts = [0.1; 12];
        assert!(validate(&s).is_ok());
    }

    #[test]
    fn target_lists_are_non_empty_without_repeats() {
        let mut s = base();
        s.controls.intervals[0].districts = Target::Districts(vec![]);
        one_error_at(&s, "controls.intervals[0].districts");

        let mut s = base();
        s.vouchers.waves[0].districts =
            Target::Districts(vec![District::Yuci, District::Qi, District::Yuci]);
        let line = one_error_at(&s, "vouchers.waves[0].districts");
        assert_eq!(
            line,
            "vouchers.waves[0].districts = [yuci, qi, yuci]: allowed each district once (yuci repeated)"
        );
    }

    #[test]
    fn lists_hold_at_most_50_entries() {
        let mut s = base();
        let d = Date::ymd(2022, 6, 1);
        s.controls.intervals = vec![interval(d, d); MAX_LIST_LEN];
        assert!(validate(&s).is_ok());
        s.controls.intervals.push(interval(d, d));
        one_error_at(&s, "controls.intervals");

        let mut s = base();
        let imp = Importation {
            date: d,
            district: District::Jiexiu,
            count: 1.0,
            variant: Variant::Omicron,
        };
        s.importations = vec![imp; MAX_LIST_LEN + 1];
        one_error_at(&s, "importations");

        let mut s = base();
        let wave = VoucherWave {
            kind: VoucherKind::General,
            budget_yuan: 1e6,
            start: d,
            validity_days: 30,
            redemption_days: 10.0,
            districts: Target::All,
        };
        s.vouchers.waves = vec![wave; MAX_LIST_LEN + 1];
        one_error_at(&s, "vouchers.waves");
    }

    #[test]
    fn every_rule_broken_is_reported() {
        let mut s = base();
        s.epidemic.ifr = 1.0;
        s.controls.intervals[0].measures.schools = 2.0;
        s.importations[0].count = -3.0;
        let e = validate(&s).unwrap_err();
        let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "epidemic.ifr",
                "importations[0].count",
                "controls.intervals[0].measures.schools"
            ]
        );
    }

    #[test]
    fn limits_table_is_consistent() {
        for (i, l) in LIMITS.iter().enumerate() {
            assert!(l.min <= l.max, "{}", l.key);
            assert!(LIMITS[..i].iter().all(|m| m.key != l.key), "{}", l.key);
            assert!(
                ParamSpec::find(l.key).is_none(),
                "{} is also in PARAMS",
                l.key
            );
            assert_eq!(Limit::find(l.key), Some(l));
        }
    }
}
