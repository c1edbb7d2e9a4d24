//! A scenario's JSON text (the runner's `--scenario` file, the page's export and import, the
//! ensemble worker's input): what is written for every preset and a few edited scenarios is
//! kept in `tests/scenario_json/*.json`, the text serde_json wrote when the scenario still
//! derived serde's traits, so files exported by earlier releases read back the same and the
//! text never changes unnoticed.

use std::fs;

use recovery_lab::scenario::presets::{self, PRESET_NAMES};
use recovery_lab::scenario::{
    ControlInterval, Date, District, Importation, Scenario, Target, Variant, VoucherKind,
    VoucherWave,
};

/// The fixture named `name`.
fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/scenario_json/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Scenarios a planner could have edited: every kind of target, variant and voucher, empty
/// lists, and numbers whose shortest text is unusual (exponents, the extremes of `f64` and
/// `u32`, negative zero).
fn edited() -> Vec<(&'static str, Scenario)> {
    let mut targets = presets::jinzhong_2022();
    targets.controls.intervals[0].districts =
        Target::Districts(vec![District::Pingyao, District::Yuci]);
    targets.controls.intervals.push(ControlInterval {
        start: Date::ymd(2022, 6, 1),
        end: Date::ymd(2022, 6, 1),
        districts: Target::Districts(vec![District::Yushe]),
        measures: presets::no_measures(),
    });
    targets.controls.zoning.enabled = true;
    targets.controls.zoning.measures.testing_every_days = 3;
    targets.importations.push(Importation {
        date: Date::ymd(2022, 7, 9),
        district: District::Zuoquan,
        count: 0.5,
        variant: Variant::Omicron,
    });
    targets.vouchers.waves.push(VoucherWave {
        kind: VoucherKind::Car,
        budget_yuan: 12_345_678.9,
        start: Date::ymd(2022, 8, 1),
        validity_days: 45,
        redemption_days: 7.25,
        districts: Target::Districts(vec![District::Jiexiu, District::Lingshi, District::Qi]),
    });

    let mut empty = presets::no_outbreak();
    empty.controls.intervals.clear();
    empty.vouchers.waves.clear();
    empty.importations.clear();

    let mut numbers = presets::jinzhong_2022();
    numbers.epidemic.ifr = 0.1 + 0.2;
    numbers.epidemic.extinction_threshold = 1e-7;
    numbers.epidemic.checkpoint_cut = 5e-324;
    numbers.economy.gdp_2021_yuan = f64::MAX;
    numbers.economy.retail_sales_yuan = 1e21;
    numbers.economy.sme_count = 123_456_789_012_345_680_000.0;
    numbers.economy.employment = 1e15;
    numbers.economy.fear_per_doubling = -0.0;
    numbers.projects.count = u32::MAX;
    numbers.projects.planned_starts[3] = 1.0 / 3.0;
    numbers.housing.duration_days = 0;
    numbers.start = Date::ymd(1970, 1, 1);
    numbers.end = Date::ymd(2000, 2, 29);
    numbers.relief.start = Date::ymd(9999, 12, 31);

    vec![
        ("edited-targets", targets),
        ("edited-empty", empty),
        ("edited-numbers", numbers),
    ]
}

/// Every preset and every edited scenario, by fixture name.
fn cases() -> Vec<(&'static str, Scenario)> {
    let mut all: Vec<(&'static str, Scenario)> = PRESET_NAMES
        .iter()
        .map(|&name| (name, presets::preset(name).unwrap()))
        .collect();
    all.extend(edited());
    all
}

#[test]
fn serde_writes_the_fixture_text_and_reads_it_back() {
    for (name, scenario) in cases() {
        let text = fixture(name);
        assert_eq!(
            serde_json::to_string_pretty(&scenario).unwrap() + "\n",
            text,
            "{name}"
        );
        let read: Scenario = serde_json::from_str(&text).unwrap();
        assert_eq!(read, scenario, "{name}");
    }
}
