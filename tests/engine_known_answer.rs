//! Known answers: with no controls, no detection and one isolated district, the epidemic's
//! final size obeys the SEIR final-size relation z = 1 − exp(−R0·z); and people are conserved in
//! every district on every day, in both modes.

use recovery_lab::scenario::{presets, Date, District, Importation, Scenario, Variant, DISTRICTS};
use recovery_lab::sim::{self, Area, Indicator, Mode, Outcome};

/// Absolute tolerance on the attack rate z. The discrete-time step is built so the relation
/// holds exactly (β = R0·(1 − e^(−γ))); what is left is the seed (10 people of 904,518) and the
/// tail still running at the end of two years.
const FINAL_SIZE_TOLERANCE: f64 = 1e-4;
/// Relative tolerance of population conservation.
const CONSERVATION_TOLERANCE: f64 = 1e-9;

/// The root z > 0 of z = 1 − exp(−R0·z), by fixed-point iteration from z = 1.
fn final_size(r0: f64) -> f64 {
    let mut z = 1.0;
    for _ in 0..10_000 {
        z = 1.0 - (-r0 * z).exp();
    }
    z
}

/// One district on its own (no contacts outside it), no controls, no testing, no symptoms found,
/// no fear (so activity stays at its normal level), nobody off work, no extinction rule.
fn single_population(variant: Variant, r0: f64) -> Scenario {
    let mut s = presets::no_outbreak();
    s.end = Date::ymd(2023, 12, 31);
    s.importations = vec![Importation {
        date: Date::ymd(2022, 1, 10),
        district: District::Yuci,
        count: 10.0,
        variant,
    }];
    let e = &mut s.epidemic;
    e.r0_delta = r0;
    e.r0_omicron = r0;
    e.outside_contact_share = 0.0;
    e.symptom_detection_rate = 0.0;
    e.asymptomatic_share = 1.0;
    e.asymptomatic_share_delta = 1.0;
    e.extinction_threshold = 0.0;
    s.economy.fear_per_doubling = 0.0;
    s
}

#[test]
fn final_size_matches_the_seir_relation() {
    for (variant, r0) in [
        (Variant::Omicron, 1.5),
        (Variant::Omicron, 2.5),
        (Variant::Delta, 2.5),
        (Variant::Omicron, 5.0),
    ] {
        let o = sim::run(&single_population(variant, r0), Mode::Deterministic);
        let yuci = Area::District(District::Yuci);
        let z = o.last(Indicator::CumulativeInfections, yuci) / District::Yuci.population();
        let expected = final_size(r0);
        assert!(
            (z - expected).abs() < FINAL_SIZE_TOLERANCE,
            "{variant:?} R0 {r0}: attack rate {z}, final-size relation {expected}"
        );
        // Nobody else was reached: the district was on its own.
        let elsewhere = o.last(Indicator::CumulativeInfections, Area::City)
            - o.last(Indicator::CumulativeInfections, yuci);
        assert_eq!(elsewhere, 0.0);
    }
}

fn assert_conserved(o: &Outcome, what: &str) {
    for d in DISTRICTS {
        let a = Area::District(d);
        let n = d.population();
        for day in 0..o.days() {
            let total = o.value(Indicator::Susceptible, a, day)
                + o.value(Indicator::ActiveInfections, a, day)
                + o.value(Indicator::Recovered, a, day)
                + o.value(Indicator::DeathsCumulative, a, day);
            assert!(
                ((total - n) / n).abs() < CONSERVATION_TOLERANCE,
                "{what}: {} on {} has {total} people of {n}",
                d.id(),
                o.date(day)
            );
        }
    }
}

#[test]
fn people_are_conserved_in_every_district_on_every_day() {
    for name in presets::PRESET_NAMES {
        let s = presets::preset(name).unwrap();
        assert_conserved(&sim::run(&s, Mode::Deterministic), name);
        assert_conserved(&sim::run(&s, Mode::Stochastic { seed: 3 }), name);
    }
}

#[test]
fn importations_count_as_new_infections_once() {
    let mut s = single_population(Variant::Omicron, 2.5);
    s.epidemic.r0_omicron = 0.0;
    let o = sim::run(&s, Mode::Deterministic);
    let new: f64 = o.series(Indicator::NewInfections, Area::City).iter().sum();
    assert_eq!(new, 10.0);
    assert_eq!(o.last(Indicator::CumulativeInfections, Area::City), 10.0);
}
