//! The named starting points a planner picks from. `jinzhong-2022` is the default and tells the
//! article's story; the others vary it. Calibrated values and how they were fitted: MODEL.md.

use super::*;

/// Preset names, in the order the page lists them. The first is the default.
pub const PRESET_NAMES: [&str; 7] = [
    "jinzhong-2022",
    "no-outbreak",
    "no-controls",
    "citywide-lockdown",
    "vouchers-only",
    "investment-push",
    "jinzhong-2022-omicron",
];

/// The default preset's name.
pub const DEFAULT_PRESET: &str = PRESET_NAMES[0];

/// Key-project investment planned for 2022, yuan: the article's 70.34亿元 is 19.8% of it [D].
pub const KEY_PROJECT_PLAN_2022_YUAN: f64 = 70.34e8 / 0.198;

/// China's fixed-asset investment of 2022, cumulative share of the year by the end of each
/// month (NBS monthly releases: Jan–Feb 50,763, Jan–Mar 104,872, Jan–Apr 153,544, Jan–May
/// 205,964, H1 271,430, Jan–Jul 319,812, Jan–Aug 367,106, Jan–Sep 421,412, Jan–Oct 471,459,
/// Jan–Nov 520,043 and the year 572,138亿元; January alone is not published: half of Jan–Feb).
pub const NATIONAL_FAI_2022: [f64; 12] = [
    0.0444, 0.0887, 0.1833, 0.2684, 0.3600, 0.4744, 0.5590, 0.6416, 0.7366, 0.8240, 0.9089, 1.0,
];

/// Exponent that bends the national curve into Jinzhong's key-project plan, whose winter is
/// longer (calibrated: the default run then invests 19.8% of the plan by 30 April; MODEL.md).
pub const WINTER_EXPONENT: f64 = 1.193;

/// Planned cumulative share of the key-project plan by the end of each month of 2022: the
/// national curve raised to [`WINTER_EXPONENT`], to 4 decimals. The GDP baseline assumes this
/// plan; spending more or earlier adds demand through the investment multiplier.
pub const PLANNED_COMPLETION_2022: [f64; 12] = [
    0.0243, 0.0556, 0.1321, 0.2082, 0.2956, 0.4108, 0.4996, 0.5889, 0.6944, 0.7938, 0.8923, 1.0,
];

/// Planned cumulative share of the 110 key projects started by the end of each month of 2022
/// [A]: continuing projects restart in January, new ones start at the spring "concentrated
/// start" events; the April value is calibrated so the default run has 91 started by 30 April.
pub const PLANNED_STARTS_2022: [f64; 12] = [
    0.30, 0.45, 0.68, 0.849, 0.94, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
];

/// A preset by name.
pub fn preset(name: &str) -> Option<Scenario> {
    Some(match name {
        "jinzhong-2022" => jinzhong_2022(),
        "no-outbreak" => no_outbreak(),
        "no-controls" => no_controls(),
        "citywide-lockdown" => citywide_lockdown(),
        "vouchers-only" => vouchers_only(),
        "investment-push" => investment_push(),
        "jinzhong-2022-omicron" => jinzhong_2022_omicron(),
        _ => return None,
    })
}

/// Bilingual title and one-line description of a preset, for the picker.
pub fn preset_label(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "jinzhong-2022" => ("晋中2022（默认）", "Jinzhong 2022 (default)"),
        "no-outbreak" => ("无疫情基准", "No outbreak (baseline)"),
        "no-controls" => ("不设防控", "No controls"),
        "citywide-lockdown" => ("全市封控", "Citywide lockdown"),
        "vouchers-only" => ("只发消费券", "Vouchers only"),
        "investment-push" => ("加大项目投资", "Investment push"),
        "jinzhong-2022-omicron" => ("晋中2022·奥密克戎", "Jinzhong 2022, Omicron"),
        _ => return None,
    })
}

/// No measure in force.
pub fn no_measures() -> Measures {
    Measures {
        schools: 0.0,
        dine_in: 0.0,
        nonessential: 0.0,
        gatherings: 0.0,
        sealed_zones: 0.0,
        testing_every_days: 0,
        testing_coverage: 0.92,
        tracing_rate: 0.0,
        checkpoints: 0.0,
    }
}

/// The article's story: Delta seeded in Taigu on 20 February, Omicron in Yuci on 14 April,
/// with the controls, vouchers, housing subsidies, SME measures and key-project plan of 2022.
pub fn jinzhong_2022() -> Scenario {
    let d = Date::ymd;
    Scenario {
        start: d(2022, 1, 1),
        end: d(2022, 12, 31),
        epidemic: Epidemic {
            r0_delta: 5.5,
            r0_omicron: 5.0,
            latent_days_delta: 3.5,
            latent_days_omicron: 3.1,
            infectious_days: 3.0,
            asymptomatic_share: 0.90,
            asymptomatic_share_delta: 0.3,
            symptom_detection_rate: 0.5,
            pcr_sensitivity: 0.8,
            isolation_days: 14.0,
            ifr: 0.0009,
            fatigue_half_life_days: 30.0,
            outside_contact_share: 0.08,
            checkpoint_cut: 0.7,
            effect_schools: 0.39,
            effect_dine_in: 0.31,
            effect_nonessential: 0.40,
            effect_gatherings: 0.36,
            effect_sealed_zones: 0.18,
            extinction_threshold: 1.0,
        },
        importations: vec![
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
        ],
        controls: Controls {
            intervals: vec![
                // Taigu, 21–28 Feb: sealed and controlled zones across the district, a
                // screening round a day (the first covered 295,958 of 322,099 residents), school
                // return postponed, flow tracing of the 46 close and 232 secondary contacts.
                ControlInterval {
                    start: d(2022, 2, 21),
                    end: d(2022, 2, 28),
                    districts: Target::Districts(vec![District::Taigu]),
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
                },
                // Taigu, 1–6 Mar: zones narrowed, screening every other day.
                ControlInterval {
                    start: d(2022, 3, 1),
                    end: d(2022, 3, 6),
                    districts: Target::Districts(vec![District::Taigu]),
                    measures: Measures {
                        schools: 1.0,
                        dine_in: 1.0,
                        nonessential: 0.8,
                        gatherings: 1.0,
                        sealed_zones: 0.8,
                        testing_every_days: 2,
                        testing_coverage: 0.92,
                        tracing_rate: 0.3,
                        checkpoints: 1.0,
                    },
                },
                // Taigu, 7–20 Mar: phased reopening, schools back in batches.
                ControlInterval {
                    start: d(2022, 3, 7),
                    end: d(2022, 3, 20),
                    districts: Target::Districts(vec![District::Taigu]),
                    measures: Measures {
                        schools: 0.5,
                        dine_in: 0.3,
                        gatherings: 0.5,
                        testing_every_days: 7,
                        tracing_rate: 0.2,
                        ..no_measures()
                    },
                },
                // The whole city: highway checkpoints while Taiyuan's outbreak lasted.
                ControlInterval {
                    start: d(2022, 4, 10),
                    end: d(2022, 5, 15),
                    districts: Target::All,
                    measures: Measures {
                        checkpoints: 0.7,
                        tracing_rate: 0.1,
                        ..no_measures()
                    },
                },
                // Yuci, 15–21 Apr: dine-in suspended, school return postponed, checkpoints on
                // every road (逢车必查、逢人必检), a screening round a day.
                ControlInterval {
                    start: d(2022, 4, 15),
                    end: d(2022, 4, 21),
                    districts: Target::Districts(vec![District::Yuci]),
                    measures: Measures {
                        schools: 1.0,
                        dine_in: 1.0,
                        nonessential: 0.5,
                        gatherings: 1.0,
                        sealed_zones: 0.5,
                        testing_every_days: 1,
                        testing_coverage: 0.92,
                        tracing_rate: 0.4,
                        checkpoints: 1.0,
                    },
                },
                // Yuci, 22 Apr – 10 May: the same with screening every other day.
                ControlInterval {
                    start: d(2022, 4, 22),
                    end: d(2022, 5, 10),
                    districts: Target::Districts(vec![District::Yuci]),
                    measures: Measures {
                        schools: 1.0,
                        dine_in: 1.0,
                        nonessential: 0.3,
                        gatherings: 1.0,
                        sealed_zones: 0.3,
                        testing_every_days: 2,
                        testing_coverage: 0.92,
                        tracing_rate: 0.3,
                        checkpoints: 1.0,
                    },
                },
                // Yuci, 11–25 May: dine-in gradually reopened.
                ControlInterval {
                    start: d(2022, 5, 11),
                    end: d(2022, 5, 25),
                    districts: Target::Districts(vec![District::Yuci]),
                    measures: Measures {
                        schools: 0.3,
                        dine_in: 0.5,
                        gatherings: 0.5,
                        testing_every_days: 7,
                        tracing_rate: 0.2,
                        ..no_measures()
                    },
                },
            ],
            // 精准分区管控: a single case found puts a district into zoned controls (China's 2022
            // practice), with daily screening of the zones, until 14 days pass without a case.
            zoning: ZoningRule {
                enabled: true,
                trigger_cases: 1.0,
                release_days: 14,
                measures: Measures {
                    schools: 1.0,
                    dine_in: 1.0,
                    nonessential: 0.5,
                    gatherings: 1.0,
                    sealed_zones: 0.5,
                    testing_every_days: 1,
                    testing_coverage: 0.92,
                    tracing_rate: 0.4,
                    checkpoints: 1.0,
                },
            },
        },
        vouchers: Vouchers {
            waves: vec![VoucherWave {
                kind: VoucherKind::Car,
                budget_yuan: 3e7,
                start: d(2022, 5, 1),
                validity_days: 60,
                redemption_days: 20.0,
                districts: Target::All,
            }],
            spending_multiplier: 3.4,
            payback_share: 0.25,
            payback_days: 120.0,
            car_anyway_share: 0.6,
            car_payback_months: 7.0,
            car_voucher_per_unit_yuan: 5000.0,
        },
        housing: HousingSubsidy {
            budget_yuan: 4.8e8,
            start: d(2022, 6, 1),
            duration_days: 214,
            mean_subsidy_yuan: 12e4,
            induced_share: 0.3,
            pull_forward_share: 0.5,
        },
        projects: KeyProjects {
            count: 110,
            annual_plan_yuan: KEY_PROJECT_PLAN_2022_YUAN,
            planned_starts: PLANNED_STARTS_2022,
            planned_completion: PLANNED_COMPLETION_2022,
            stoppage_effect: 0.6,
            catch_up: 0.3,
            multiplier: 0.8,
            multiplier_lag_days: 90.0,
        },
        relief: Relief {
            start: d(2022, 5, 1),
            reach: 1.0 / 3.0,
            runway_extension_days: 30.0,
            cost_per_firm_yuan: 2e4,
        },
        economy: Economy {
            gdp_2021_yuan: 1843.4e8,
            baseline_growth: 0.05,
            retail_sales_yuan: 750e8,
            offline_drop: 0.32,
            dining_drop: 0.64,
            fear_per_doubling: 0.028,
            online_shift: 0.3,
            backlog_release_rate: 1.0 / 45.0,
            sme_runway_days: 39.0,
            sme_count: 150_000.0,
            sme_reopen_rate: 0.01,
            employment: 1_600_000.0,
            job_return_rate: 0.02,
            cost_per_test_yuan: 3.5,
        },
    }
}

/// The baseline: no importation, no controls, no policy spending beyond the project plan.
pub fn no_outbreak() -> Scenario {
    let mut s = jinzhong_2022();
    s.importations.clear();
    s.controls.intervals.clear();
    s.controls.zoning.enabled = false;
    s.vouchers.waves.clear();
    s.housing.budget_yuan = 0.0;
    s.relief.reach = 0.0;
    s
}

/// The same outbreaks with no controls at all.
pub fn no_controls() -> Scenario {
    let mut s = jinzhong_2022();
    s.controls.intervals.clear();
    s.controls.zoning.enabled = false;
    s
}

/// Every district under full controls whenever either outbreak is running.
pub fn citywide_lockdown() -> Scenario {
    let mut s = jinzhong_2022();
    let full = Measures {
        schools: 1.0,
        dine_in: 1.0,
        nonessential: 1.0,
        gatherings: 1.0,
        sealed_zones: 1.0,
        testing_every_days: 1,
        testing_coverage: 0.95,
        tracing_rate: 0.4,
        checkpoints: 1.0,
    };
    s.controls.intervals = vec![
        ControlInterval {
            start: Date::ymd(2022, 2, 21),
            end: Date::ymd(2022, 3, 20),
            districts: Target::All,
            measures: full.clone(),
        },
        ControlInterval {
            start: Date::ymd(2022, 4, 15),
            end: Date::ymd(2022, 5, 20),
            districts: Target::All,
            measures: full,
        },
    ];
    s.controls.zoning.enabled = false;
    s
}

/// No outbreak, with a citywide general and catering voucher programme.
pub fn vouchers_only() -> Scenario {
    let mut s = no_outbreak();
    s.vouchers.waves = vec![
        VoucherWave {
            kind: VoucherKind::General,
            budget_yuan: 1e8,
            start: Date::ymd(2022, 5, 1),
            validity_days: 30,
            redemption_days: 10.0,
            districts: Target::All,
        },
        VoucherWave {
            kind: VoucherKind::Catering,
            budget_yuan: 5e7,
            start: Date::ymd(2022, 6, 1),
            validity_days: 30,
            redemption_days: 10.0,
            districts: Target::All,
        },
    ];
    s
}

/// The default story with a faster start schedule and strong catch-up.
pub fn investment_push() -> Scenario {
    let mut s = jinzhong_2022();
    s.projects.planned_starts = [
        0.40, 0.60, 0.82, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
    ];
    s.projects.catch_up = 0.8;
    s.projects.annual_plan_yuan *= 1.2;
    s
}

/// The default story with Omicron BA.2 also in Taigu.
pub fn jinzhong_2022_omicron() -> Scenario {
    let mut s = jinzhong_2022();
    for imp in &mut s.importations {
        imp.variant = Variant::Omicron;
    }
    s
}

impl Default for Scenario {
    fn default() -> Scenario {
        jinzhong_2022()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_name_resolves_and_has_a_label() {
        for name in PRESET_NAMES {
            assert!(preset(name).is_some(), "{name}");
            assert!(preset_label(name).is_some(), "{name}");
        }
        assert!(preset("atlantis").is_none());
    }
}
