//! Directions: each lever moves the indicators the way it should.

use recovery_lab::scenario::{
    presets, ControlInterval, Date, District, Measures, Scenario, Target, DISTRICTS,
};
use recovery_lab::sim::{self, Area, Indicator, Mode, Outcome};

const CITY: Area = Area::City;

fn total(o: &Outcome, ind: Indicator) -> f64 {
    o.series(ind, CITY).iter().sum()
}

fn run(s: &Scenario) -> Outcome {
    sim::run(s, Mode::Deterministic)
}

/// Every behavioural measure at `level`, citywide, from 21 February to 31 May; no testing,
/// tracing or checkpoints, so only the measures' strength differs.
fn citywide_measures(level: f64) -> Scenario {
    let mut s = presets::no_controls();
    s.controls.intervals = vec![ControlInterval {
        start: Date::ymd(2022, 2, 21),
        end: Date::ymd(2022, 5, 31),
        districts: Target::All,
        measures: Measures {
            schools: level,
            dine_in: level,
            nonessential: level,
            gatherings: level,
            sealed_zones: level,
            ..presets::no_measures()
        },
    }];
    s
}

#[test]
fn stricter_controls_mean_fewer_infections_and_less_catering() {
    let start = Date::ymd(2022, 2, 21);
    let end = Date::ymd(2022, 5, 31);
    let mut last: Option<(f64, f64)> = None;
    for level in [0.0, 0.3, 0.6, 1.0] {
        let o = run(&citywide_measures(level));
        // Infections while the controls are in force: after a temporary suppression the
        // unmitigated rebound can overshoot (a known property of the model, see MODEL.md).
        let infections = o.value(
            Indicator::CumulativeInfections,
            CITY,
            o.day_of(end).unwrap(),
        );
        // Catering in the first two weeks of controls, before the outbreaks differ much.
        let first = o.day_of(start).unwrap();
        let catering: f64 = o.series(Indicator::Catering, CITY)[first..first + 14]
            .iter()
            .sum();
        if let Some((inf, cat)) = last {
            assert!(infections < inf, "level {level}: {infections} vs {inf}");
            assert!(catering < cat, "level {level}: {catering} vs {cat}");
        }
        last = Some((infections, catering));
    }
}

#[test]
fn checkpoints_keep_the_outbreak_in_its_district() {
    let spread_beyond_taigu = |checkpoints: f64| {
        let mut s = presets::no_controls();
        s.importations.retain(|i| i.district == District::Taigu);
        s.end = Date::ymd(2022, 3, 20);
        s.controls.intervals = vec![ControlInterval {
            start: Date::ymd(2022, 2, 21),
            end: Date::ymd(2022, 3, 20),
            districts: Target::All,
            measures: Measures {
                checkpoints,
                ..presets::no_measures()
            },
        }];
        let o = run(&s);
        DISTRICTS
            .iter()
            .filter(|&&d| d != District::Taigu)
            .map(|&d| o.last(Indicator::CumulativeInfections, Area::District(d)))
            .sum::<f64>()
    };
    let open = spread_beyond_taigu(0.0);
    let half = spread_beyond_taigu(0.5);
    let closed = spread_beyond_taigu(1.0);
    assert!(
        open > 10.0,
        "the outbreak spreads without checkpoints: {open}"
    );
    assert!(half < open && closed < half, "{open} > {half} > {closed}");
}

#[test]
fn more_voucher_budget_means_more_retail_at_the_configured_multiplier() {
    let with_budget = |scale: f64, payback: f64| {
        let mut s = presets::vouchers_only();
        s.vouchers.payback_share = payback;
        for w in &mut s.vouchers.waves {
            w.budget_yuan *= scale;
        }
        run(&s)
    };
    let none = with_budget(0.0, 0.0);
    let base_retail = total(&none, Indicator::RetailSales);
    let mut last = base_retail;
    for scale in [0.5, 1.0, 2.0] {
        let o = with_budget(scale, 0.0);
        let retail = total(&o, Indicator::RetailSales);
        assert!(retail > last, "budget ×{scale}: {retail} ≤ {last}");
        last = retail;
        // Without payback, extra retail sales per yuan of vouchers redeemed is the multiplier,
        // as long as restaurants and shops have room (at ×2 the first days hit capacity).
        let cost = o.last(Indicator::FiscalCostCumulative, CITY);
        let per_yuan = (retail - base_retail) / cost;
        let m = presets::vouchers_only().vouchers.spending_multiplier;
        assert!((3.0..=5.8).contains(&per_yuan), "{per_yuan}");
        if scale <= 1.0 {
            assert!((per_yuan / m - 1.0).abs() < 1e-6, "{per_yuan} vs {m}");
        }
    }
    // With payback, the net effect over the year lies between (1 − payback) × m and m.
    let o = with_budget(1.0, 0.25);
    let cost = o.last(Indicator::FiscalCostCumulative, CITY);
    let per_yuan = (total(&o, Indicator::RetailSales) - base_retail) / cost;
    assert!((0.75 * 3.4 - 1e-6..3.4).contains(&per_yuan), "{per_yuan}");
}

#[test]
fn more_relief_means_fewer_small_firms_closed() {
    let closed = |reach: f64| {
        let mut s = presets::citywide_lockdown();
        s.relief.start = Date::ymd(2022, 2, 1);
        s.relief.reach = reach;
        s.relief.runway_extension_days = 60.0;
        let o = run(&s);
        s.economy.sme_count * (1.0 - o.last(Indicator::SmesOpenPct, CITY) / 100.0)
    };
    let (none, some, more) = (closed(0.0), closed(0.3), closed(0.6));
    assert!(none > 0.0, "the lockdown closes firms: {none}");
    assert!(some < none && more < some, "{none} > {some} > {more}");
}

#[test]
fn work_stoppages_slow_investment() {
    let fai_april = |stoppage: f64| {
        let mut s = presets::jinzhong_2022();
        s.projects.stoppage_effect = stoppage;
        let o = run(&s);
        let day = o.day_of(Date::ymd(2022, 4, 30)).unwrap();
        (
            o.value(Indicator::FaiCompletedPct, CITY, day),
            o.value(Indicator::ProjectsStarted, CITY, day),
        )
    };
    let (fai_low, started_low) = fai_april(0.3);
    let (fai_high, started_high) = fai_april(0.9);
    assert!(fai_high < fai_low, "{fai_high} vs {fai_low}");
    assert!(
        started_high < started_low,
        "{started_high} vs {started_low}"
    );
}

#[test]
fn no_outbreak_means_gdp_equals_its_baseline() {
    let s = presets::no_outbreak();
    let o = run(&s);
    for area in Area::all() {
        assert_eq!(
            o.series(Indicator::Gdp, area),
            o.series(Indicator::GdpBaseline, area),
            "{}",
            area.id()
        );
        assert_eq!(
            o.series(Indicator::RetailSales, area),
            o.series(Indicator::RetailBaseline, area),
            "{}",
            area.id()
        );
    }
    assert!(o
        .series(Indicator::Employment, CITY)
        .iter()
        .all(|&e| (e - s.economy.employment).abs() < 1e-6));
    let summary = sim::summarize(&s, &o);
    assert_eq!(summary.gdp_loss_yuan, 0.0);
    assert_eq!(summary.recovery_date, None);
    assert_eq!(summary.gdp_kept_per_yuan, None);
}

#[test]
fn controls_cost_gdp_and_the_fiscal_levers_keep_some() {
    let (_, default) = sim::run_summary(&presets::jinzhong_2022(), Mode::Deterministic);
    let (_, lockdown) = sim::run_summary(&presets::citywide_lockdown(), Mode::Deterministic);
    assert!(default.gdp_loss_yuan > 0.0);
    assert!(lockdown.gdp_loss_yuan > default.gdp_loss_yuan);
    let kept = default
        .gdp_kept_per_yuan
        .expect("the default spends on levers");
    assert!(kept > 0.0 && kept.is_finite(), "{kept}");
    let (_, push) = sim::run_summary(&presets::investment_push(), Mode::Deterministic);
    assert!(push.gdp_loss_yuan < default.gdp_loss_yuan);
}

#[test]
fn a_run_from_mid_year_starts_where_the_plan_stands() {
    let full = run(&presets::no_outbreak());
    let mut s = presets::no_outbreak();
    s.start = Date::ymd(2022, 6, 1);
    let half = run(&s);
    let day = full.day_of(Date::ymd(2022, 6, 1)).unwrap();
    for ind in [Indicator::ProjectsStarted, Indicator::FaiCompletedPct] {
        let a = full.value(ind, CITY, day);
        let b = half.value(ind, CITY, 0);
        assert!((a - b).abs() < 1e-9 * a, "{}: {a} vs {b}", ind.key());
    }
    assert_eq!(
        half.series(Indicator::Gdp, CITY),
        half.series(Indicator::GdpBaseline, CITY)
    );
}
