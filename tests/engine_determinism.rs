//! Determinism and the rules that keep a deterministic run honest: the atto-fox extinction
//! rule, identical stochastic runs from the same seed, and a golden set of exact bit patterns
//! of the default summary (a wasm test can compare the same bits to prove native = wasm).

use recovery_lab::scenario::{
    presets, ControlInterval, Date, District, Importation, Measures, Scenario, Target, Variant,
};
use recovery_lab::sim::{self, Area, Indicator, Mode};

#[path = "golden/default_summary.rs"]
mod golden;

/// One Delta seed in Taigu, crushed by strict controls for ten weeks, then nothing: no zoning
/// rule, nothing left to stop a regrowth.
fn crushed_then_lifted(extinction_threshold: f64) -> Scenario {
    let mut s = presets::no_controls();
    s.importations = vec![Importation {
        date: Date::ymd(2022, 2, 20),
        district: District::Taigu,
        count: 4.0,
        variant: Variant::Delta,
    }];
    s.controls.intervals = vec![ControlInterval {
        start: Date::ymd(2022, 2, 21),
        end: Date::ymd(2022, 4, 30),
        districts: Target::All,
        measures: Measures {
            schools: 1.0,
            dine_in: 1.0,
            nonessential: 1.0,
            gatherings: 1.0,
            sealed_zones: 1.0,
            testing_every_days: 1,
            testing_coverage: 0.92,
            tracing_rate: 0.4,
            checkpoints: 1.0,
        },
    }];
    s.epidemic.extinction_threshold = extinction_threshold;
    s
}

#[test]
fn atto_fox_rule_stops_a_regrowth_from_a_fraction_of_a_person() {
    let lifted = Date::ymd(2022, 4, 30);
    // With the rule (fewer than one infected person is no outbreak), nothing happens after the
    // controls lift.
    let o = sim::run(&crushed_then_lifted(1.0), Mode::Deterministic);
    let day = o.day_of(lifted).unwrap();
    let at_lift = o.value(Indicator::CumulativeInfections, Area::City, day);
    assert_eq!(o.last(Indicator::CumulativeInfections, Area::City), at_lift);
    let infected_at_lift = o.value(Indicator::ActiveInfections, Area::City, day)
        - o.value(Indicator::Isolated, Area::City, day);
    assert_eq!(infected_at_lift, 0.0, "E + I are set to zero at extinction");
    assert!(at_lift < 100.0, "{at_lift}");
    // Without it, the millionths of a person left when the controls lift grow into an
    // outbreak of the whole city: the artefact the rule exists to stop.
    let o = sim::run(&crushed_then_lifted(0.0), Mode::Deterministic);
    assert!(o.last(Indicator::CumulativeInfections, Area::City) > 100_000.0);
}

#[test]
fn the_rule_only_applies_to_deterministic_runs() {
    // A stochastic run has whole people: its chains end by themselves, so the threshold does
    // not change a single draw.
    let a = sim::run(&crushed_then_lifted(1.0), Mode::Stochastic { seed: 5 });
    let b = sim::run(&crushed_then_lifted(0.0), Mode::Stochastic { seed: 5 });
    assert_eq!(a, b);
    assert!(a
        .series(Indicator::NewInfections, Area::City)
        .iter()
        .all(|&x| x == x.round()));
}

#[test]
fn same_seed_gives_the_identical_run() {
    for name in ["jinzhong-2022", "no-controls"] {
        let s = presets::preset(name).unwrap();
        let a = sim::run(&s, Mode::Stochastic { seed: 42 });
        let b = sim::run(&s, Mode::Stochastic { seed: 42 });
        assert_eq!(a, b, "{name}");
        let c = sim::run(&s, Mode::Stochastic { seed: 43 });
        assert_ne!(a, c, "{name}: different seeds should differ");
        assert_eq!(
            sim::run(&s, Mode::Deterministic),
            sim::run(&s, Mode::Deterministic)
        );
    }
}

#[test]
fn ensembles_are_reproducible_and_bands_ordered() {
    let s = presets::jinzhong_2022();
    let a = sim::ensemble(&s, 7, 6);
    assert_eq!(a, sim::ensemble(&s, 7, 6));
    assert_eq!(a.runs.len(), 6);
    // Replicate i is the stochastic run seeded with seed + i.
    let (_, third) = sim::run_summary(&s, Mode::Stochastic { seed: 9 });
    assert_eq!(a.runs[2], third);
    for ind in Indicator::ALL {
        for day in 0..a.days {
            let q: Vec<f64> = (0..sim::QUANTILES.len())
                .map(|k| a.band(ind, k)[day])
                .collect();
            assert!(q.windows(2).all(|w| w[0] <= w[1]), "{} {day}", ind.key());
        }
    }
}

#[test]
fn golden_bits_of_the_default_summary() {
    let s = presets::jinzhong_2022();
    let (_, m) = sim::run_summary(&s, Mode::Deterministic);
    let actual = golden::actual(&m);
    let table: String = golden::GOLDEN
        .iter()
        .zip(actual)
        .map(|((name, _), v)| format!("    (\"{name}\", 0x{:016x}), // {v}\n", v.to_bits()))
        .collect();
    println!("pub const GOLDEN: [(&str, u64); 8] = [\n{table}];");
    for ((name, bits), v) in golden::GOLDEN.iter().zip(actual) {
        assert_eq!(
            v.to_bits(),
            *bits,
            "{name} = {v}; if the change is intended, the new table is:\n{table}"
        );
    }
}
