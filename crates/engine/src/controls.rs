//! The controls in force in each district on each day: the dated intervals and the dynamic
//! zoning rule merged (the stronger of each measure wins), adherence fatigue, the transmission
//! factor they give, the OxCGRT-style stringency index, testing and tracing hazards.

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::math;
use crate::scenario::{Measures, Scenario, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;

/// The behavioural measures with an effect on transmission, in this order: schools, dine-in,
/// non-essential business, gatherings, sealed zones.
pub const NPI_COUNT: usize = 5;

/// Newly found cases below this on a day count as "no new case" for the zoning rule's release.
/// Deterministic runs find fractional, expected cases: 0.1 a day still means a case every ten
/// days or so, and the tail ends when the atto-fox rule declares the outbreak extinct; in
/// stochastic runs it means no case at all.
pub const NO_CASE_BELOW: f64 = 0.1;

/// Adherence never falls below this share of its starting level. The fatigue source
/// (Sci. Rep. 2021) finds that "up to half" of the mobility reduction is lost after a month: so
/// adherence halves over `fatigue_half_life_days` and loses no more after that.
pub const ADHERENCE_FLOOR: f64 = 0.5;

/// A set of measures prepared for the daily loop: hazards precomputed, so the loop calls no
/// logarithm.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prepared {
    /// Intensities 0–1 of the [`NPI_COUNT`] behavioural measures.
    pub npi: [f64; NPI_COUNT],
    /// Mass-testing detection hazard, per day: −ln(1 − coverage × sensitivity) / k.
    pub testing_hazard: f64,
    /// Share of residents tested per day: coverage / k.
    pub tested_per_day: f64,
    /// Contact-tracing hazard, per day.
    pub tracing: f64,
    /// Highway checkpoints, 0–1.
    pub checkpoints: f64,
}

impl Prepared {
    pub fn from_measures(m: &Measures, pcr_sensitivity: f64) -> Prepared {
        let (testing_hazard, tested_per_day) = if m.testing_every_days > 0 {
            let k = m.testing_every_days as f64;
            let found = (m.testing_coverage * pcr_sensitivity).clamp(0.0, 0.999_999);
            (-math::ln(1.0 - found) / k, m.testing_coverage / k)
        } else {
            (0.0, 0.0)
        };
        Prepared {
            npi: [
                m.schools,
                m.dine_in,
                m.nonessential,
                m.gatherings,
                m.sealed_zones,
            ],
            testing_hazard,
            tested_per_day,
            tracing: m.tracing_rate,
            checkpoints: m.checkpoints,
        }
    }

    /// Where two sets apply, the stronger of each measure wins.
    pub fn merge(&mut self, o: &Prepared) {
        for k in 0..NPI_COUNT {
            self.npi[k] = math::max(self.npi[k], o.npi[k]);
        }
        if o.testing_hazard > self.testing_hazard {
            self.testing_hazard = o.testing_hazard;
        }
        self.tested_per_day = math::max(self.tested_per_day, o.tested_per_day);
        self.tracing = math::max(self.tracing, o.tracing);
        self.checkpoints = math::max(self.checkpoints, o.checkpoints);
    }

    /// The OxCGRT stringency index (0–100) of these measures, over the six indicators the model
    /// represents: C1 schools (school return postponed = 3 of 3), C2 workplaces (dine-in
    /// suspended = 2 of 3, non-essential business closed = 3 of 3), C3 public events and C4
    /// gatherings (both from the gathering limit), C6 stay at home (sealed zones), C7 internal
    /// movement (checkpoints = 2 of 2). Each ordinal value is scaled by the measure's intensity,
    /// which plays the part of OxCGRT's "targeted" flag; the index is their mean × 100.
    pub fn stringency(&self) -> f64 {
        let [schools, dine_in, nonessential, gatherings, sealed] = self.npi;
        let c2 = math::max(dine_in * 2.0 / 3.0, nonessential);
        100.0 * (schools + c2 + gatherings + gatherings + sealed + self.checkpoints) / 6.0
    }
}

/// One control interval, prepared: day indices relative to the run's start and a district mask.
pub struct PreparedInterval {
    pub first_day: i32,
    pub last_day: i32,
    pub mask: [bool; N],
    pub measures: Prepared,
}

/// The scenario's controls, prepared once per run (this is the one allocation besides the
/// outcome and the payback buffers, made before the daily loop).
pub struct ControlPlan {
    pub intervals: Vec<PreparedInterval>,
    pub zoning_enabled: bool,
    pub zoning_trigger: f64,
    pub zoning_release_days: u32,
    pub zoning: Prepared,
    /// Per-measure effect on transmission at full intensity and full adherence.
    pub effects: [f64; NPI_COUNT],
    /// Fatigue: adherence halves every this many days after a measure starts.
    pub half_life_days: f64,
}

impl ControlPlan {
    pub fn new(s: &Scenario) -> ControlPlan {
        let sens = s.epidemic.pcr_sensitivity;
        let intervals = s
            .controls
            .intervals
            .iter()
            .map(|iv| PreparedInterval {
                first_day: iv.start.days_since(s.start),
                last_day: iv.end.days_since(s.start),
                mask: std::array::from_fn(|i| iv.districts.includes(DISTRICTS[i])),
                measures: Prepared::from_measures(&iv.measures, sens),
            })
            .collect();
        let e = &s.epidemic;
        ControlPlan {
            intervals,
            zoning_enabled: s.controls.zoning.enabled,
            zoning_trigger: s.controls.zoning.trigger_cases,
            zoning_release_days: s.controls.zoning.release_days,
            zoning: Prepared::from_measures(&s.controls.zoning.measures, sens),
            effects: [
                e.effect_schools,
                e.effect_dine_in,
                e.effect_nonessential,
                e.effect_gatherings,
                e.effect_sealed_zones,
            ],
            half_life_days: e.fatigue_half_life_days,
        }
    }
}

/// What the controls do in one district on one day.
#[derive(Clone, Copy, Debug, Default)]
pub struct DayControls {
    pub measures: Prepared,
    /// Transmission multiplier 1 − e_i(t) = Π (1 − effect × intensity × adherence).
    pub transmission: f64,
    /// Stringency index, 0–100.
    pub stringency: f64,
}

/// Per-district state of the controls carried from day to day.
#[derive(Clone, Copy)]
pub struct ControlState {
    /// Day each behavioural measure was switched on (−1: off), for fatigue.
    since: [[i32; NPI_COUNT]; N],
    /// Whether the zoning rule holds the district in controls.
    pub zoning_on: [bool; N],
    days_without_case: [u32; N],
}

impl Default for ControlState {
    fn default() -> ControlState {
        ControlState::new()
    }
}

impl ControlState {
    pub fn new() -> ControlState {
        ControlState {
            since: [[-1; NPI_COUNT]; N],
            zoning_on: [false; N],
            days_without_case: [0; N],
        }
    }

    /// The controls of every district on day `day`.
    pub fn today(&mut self, plan: &ControlPlan, day: i32, out: &mut [DayControls; N]) {
        for (i, slot) in out.iter_mut().enumerate() {
            let mut m = Prepared::default();
            for iv in &plan.intervals {
                if iv.mask[i] && day >= iv.first_day && day <= iv.last_day {
                    m.merge(&iv.measures);
                }
            }
            if self.zoning_on[i] {
                m.merge(&plan.zoning);
            }
            let mut transmission = 1.0;
            for k in 0..NPI_COUNT {
                if m.npi[k] > 0.0 {
                    if self.since[i][k] < 0 {
                        self.since[i][k] = day;
                    }
                    let age = (day - self.since[i][k]) as f64;
                    let adherence =
                        math::max(math::exp2(-age / plan.half_life_days), ADHERENCE_FLOOR);
                    transmission *= 1.0 - plan.effects[k] * m.npi[k] * adherence;
                } else {
                    self.since[i][k] = -1;
                }
            }
            *slot = DayControls {
                measures: m,
                transmission,
                stringency: m.stringency(),
            };
        }
    }

    /// The zoning rule, applied at the end of a day with each district's cases found over the
    /// last 7 days and today: enter at `trigger` cases in 7 days, leave after `release_days`
    /// days in a row without a new case. Takes effect the next day.
    pub fn update_zoning(&mut self, plan: &ControlPlan, week: &[f64; N], today: &[f64; N]) {
        if !plan.zoning_enabled {
            return;
        }
        for i in 0..N {
            if today[i] >= NO_CASE_BELOW {
                self.days_without_case[i] = 0;
            } else {
                self.days_without_case[i] = self.days_without_case[i].saturating_add(1);
            }
            if self.zoning_on[i] {
                if self.days_without_case[i] >= plan.zoning_release_days {
                    self.zoning_on[i] = false;
                }
            } else if week[i] >= plan.zoning_trigger {
                self.zoning_on[i] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn stringency_of_full_controls_is_100_and_of_none_is_0() {
        let full = Measures {
            schools: 1.0,
            dine_in: 1.0,
            nonessential: 1.0,
            gatherings: 1.0,
            sealed_zones: 1.0,
            testing_every_days: 1,
            testing_coverage: 0.9,
            tracing_rate: 0.3,
            checkpoints: 1.0,
        };
        assert_eq!(Prepared::from_measures(&full, 0.8).stringency(), 100.0);
        let none = presets::no_measures();
        assert_eq!(Prepared::from_measures(&none, 0.8).stringency(), 0.0);
    }

    #[test]
    fn testing_hazard_follows_the_formula() {
        let mut m = presets::no_measures();
        m.testing_every_days = 2;
        m.testing_coverage = 0.92;
        let p = Prepared::from_measures(&m, 0.8);
        assert!((p.testing_hazard - (-(1.0f64 - 0.736).ln() / 2.0)).abs() < 1e-12);
        assert!((p.tested_per_day - 0.46).abs() < 1e-12);
    }
}
