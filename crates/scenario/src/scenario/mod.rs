//! A scenario: everything a planner sets, plus the model's assumptions, as plain data.
//!
//! The engine (`recovery_lab::sim`) reads a [`Scenario`] and nothing else. Presets live in
//! [`presets`], the documented range of every number and the checks in [`params`] and
//! [`validate`]. A scenario is written as JSON (the command-line runner's `--scenario` file, the
//! page's export and import) with the field names below, by `file.rs` with [`crate::json`].

pub mod date;
pub mod district;
mod file;
pub mod link;
pub mod measures;
pub mod params;
pub mod presets;
pub mod validate;

pub use date::Date;
pub use district::{District, DISTRICTS, DISTRICT_COUNT};

/// Everything one run of the engine needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// First simulated day.
    pub start: Date,
    /// Last simulated day (inclusive).
    pub end: Date,
    pub epidemic: Epidemic,
    /// Dated arrivals of infected people.
    pub importations: Vec<Importation>,
    pub controls: Controls,
    pub vouchers: Vouchers,
    pub housing: HousingSubsidy,
    pub projects: KeyProjects,
    pub relief: Relief,
    pub economy: Economy,
}

/// The virus variant of an importation; each has its own parameter set in [`Epidemic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    Delta,
    Omicron,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Delta, Variant::Omicron];

    /// Its name in scenario files and links.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Delta => "delta",
            Variant::Omicron => "omicron",
        }
    }
}

/// A dated seed of infections.
#[derive(Clone, Debug, PartialEq)]
pub struct Importation {
    pub date: Date,
    pub district: District,
    /// People already infectious on arrival.
    pub count: f64,
    pub variant: Variant,
}

/// Which districts a measure or wave applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Every district of the city.
    All,
    /// Only these districts.
    Districts(Vec<District>),
}

impl Target {
    pub fn includes(&self, d: District) -> bool {
        match self {
            Target::All => true,
            Target::Districts(list) => list.contains(&d),
        }
    }
}

/// Epidemic assumptions. Sources and ranges: [`params::PARAMS`] and MODEL.md.
#[derive(Clone, Debug, PartialEq)]
pub struct Epidemic {
    /// Basic reproduction number of Delta without controls.
    pub r0_delta: f64,
    /// Basic reproduction number of Omicron BA.2 without controls.
    pub r0_omicron: f64,
    /// Mean latent period of Delta, days.
    pub latent_days_delta: f64,
    /// Mean latent period of Omicron BA.2, days.
    pub latent_days_omicron: f64,
    /// Mean infectious period 1/γ, days.
    pub infectious_days: f64,
    /// Share of Omicron BA.2 infections without symptoms when found.
    pub asymptomatic_share: f64,
    /// Share of Delta infections without symptoms when found (Delta was mostly symptomatic).
    /// Files saved before the field existed read as 0.3.
    pub asymptomatic_share_delta: f64,
    /// Daily rate at which a symptomatic infection is found without testing, per day.
    pub symptom_detection_rate: f64,
    /// Chance one PCR round finds an infected person who is tested.
    pub pcr_sensitivity: f64,
    /// Days a found case stays isolated.
    pub isolation_days: f64,
    /// Infection fatality rate.
    pub ifr: f64,
    /// Half-life of adherence to a measure, days after it starts.
    pub fatigue_half_life_days: f64,
    /// Share of contacts made outside the home district.
    pub outside_contact_share: f64,
    /// Share of cross-district contacts that highway checkpoints cut.
    pub checkpoint_cut: f64,
    /// Cut in transmission from school closure at full intensity (Brauner et al.).
    pub effect_schools: f64,
    /// Cut from the dine-in ban (Brauner: some high-risk businesses closed).
    pub effect_dine_in: f64,
    /// Cut from closing most non-essential businesses.
    pub effect_nonessential: f64,
    /// Cut from limiting gatherings to 10 people or fewer.
    pub effect_gatherings: f64,
    /// Cut from sealed and controlled zones (Brauner: stay-at-home order, on top of the rest).
    pub effect_sealed_zones: f64,
    /// Infected people below which a district's outbreak is taken as extinct in deterministic
    /// mode (the "atto-fox" rule).
    pub extinction_threshold: f64,
}

/// The Delta asymptomatic share for scenarios saved before the field existed.
fn default_asymptomatic_share_delta() -> f64 {
    0.3
}

/// Epidemic controls (防控).
#[derive(Clone, Debug, PartialEq)]
pub struct Controls {
    /// Dated, district-targeted intervals of measures.
    pub intervals: Vec<ControlInterval>,
    /// The automatic zoning rule (精准分区管控).
    pub zoning: ZoningRule,
}

/// Measures in force in some districts from `start` to `end` (both inclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct ControlInterval {
    pub start: Date,
    pub end: Date,
    pub districts: Target,
    pub measures: Measures,
}

/// What a control interval or the zoning rule switches on. Intensities are 0 (off) to 1
/// (fully in force); where several apply to one district the stronger wins.
#[derive(Clone, Debug, PartialEq)]
pub struct Measures {
    /// School return postponed / schools closed (暂缓返校), 0–1.
    pub schools: f64,
    /// Dine-in service suspended (取消堂食), 0–1.
    pub dine_in: f64,
    /// Non-essential businesses closed, 0–1.
    pub nonessential: f64,
    /// Gatherings limited, 0–1.
    pub gatherings: f64,
    /// Sealed and controlled zones (封控/管控), 0–1.
    pub sealed_zones: f64,
    /// Days between mass-testing rounds; 0 means no mass testing.
    pub testing_every_days: u32,
    /// Share of residents tested in each round.
    pub testing_coverage: f64,
    /// Contact-tracing (流调) hazard, per day.
    pub tracing_rate: f64,
    /// Highway checkpoints (逢车必查、逢人必检), 0–1.
    pub checkpoints: f64,
}

/// Dynamic zoning: a district enters `measures` when its newly detected cases over the last
/// 7 days reach `trigger_cases`, and leaves after `release_days` without a new detected case.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoningRule {
    pub enabled: bool,
    pub trigger_cases: f64,
    pub release_days: u32,
    pub measures: Measures,
}

/// Consumption vouchers (消费券) and the consumption response.
#[derive(Clone, Debug, PartialEq)]
pub struct Vouchers {
    pub waves: Vec<VoucherWave>,
    /// Extra spending per yuan of voucher subsidy (Liu et al. 2021: 3.4–5.8).
    pub spending_multiplier: f64,
    /// Share of the extra spending that is pulled forward and paid back later.
    pub payback_share: f64,
    /// Days over which pulled-forward spending is paid back.
    pub payback_days: f64,
    /// Share of subsidised car buyers who would have bought anyway (Mian & Sufi: 0.6).
    pub car_anyway_share: f64,
    /// Months over which pulled-forward car purchases are paid back.
    pub car_payback_months: f64,
    /// Voucher value per subsidised car, yuan.
    pub car_voucher_per_unit_yuan: f64,
}

/// What a voucher wave can be spent on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VoucherKind {
    General,
    Catering,
    Car,
}

impl VoucherKind {
    pub const ALL: [VoucherKind; 3] = [
        VoucherKind::General,
        VoucherKind::Catering,
        VoucherKind::Car,
    ];

    /// Its name in scenario files, links and the page's wave editor.
    pub fn id(self) -> &'static str {
        match self {
            VoucherKind::General => "general",
            VoucherKind::Catering => "catering",
            VoucherKind::Car => "car",
        }
    }
}

/// One wave of vouchers.
#[derive(Clone, Debug, PartialEq)]
pub struct VoucherWave {
    pub kind: VoucherKind,
    /// Budget of the wave (the subsidy paid when all are redeemed), yuan.
    pub budget_yuan: f64,
    /// First day vouchers can be used.
    pub start: Date,
    /// Days vouchers stay valid.
    pub validity_days: u32,
    /// Mean days from issue to redemption.
    pub redemption_days: f64,
    pub districts: Target,
}

/// Housing purchase subsidies (the 25 property measures from 1 June).
#[derive(Clone, Debug, PartialEq)]
pub struct HousingSubsidy {
    /// Budget, yuan (article: 4.8亿元). 0 switches the subsidy off.
    pub budget_yuan: f64,
    pub start: Date,
    /// Days over which the budget is paid out.
    pub duration_days: u32,
    /// Mean subsidy per subsidised purchase, yuan (15/12/10万元 by degree).
    pub mean_subsidy_yuan: f64,
    /// Share of subsidised purchases that would not have happened this year without it.
    pub induced_share: f64,
    /// Share of the induced purchases pulled forward from the following months.
    pub pull_forward_share: f64,
}

/// The key-project plan (项目投资).
#[derive(Clone, Debug, PartialEq)]
pub struct KeyProjects {
    /// Number of provincial and city key projects.
    pub count: u32,
    /// Planned investment for the year, yuan.
    pub annual_plan_yuan: f64,
    /// Planned cumulative share of projects started by the end of each month (Jan..Dec).
    pub planned_starts: [f64; 12],
    /// Planned cumulative share of the year's investment by the end of each month (Jan..Dec).
    pub planned_completion: [f64; 12],
    /// Share of work stopped in a district while controls are fully in force.
    pub stoppage_effect: f64,
    /// Extra pace after controls lift, as a share of the planned daily pace.
    pub catch_up: f64,
    /// Demand multiplier of the investment spent.
    pub multiplier: f64,
    /// Mean lag of the multiplier, days.
    pub multiplier_lag_days: f64,
}

/// Relief for small firms (助企纾困).
#[derive(Clone, Debug, PartialEq)]
pub struct Relief {
    /// First day of relief.
    pub start: Date,
    /// Share of SMEs the relief reaches.
    pub reach: f64,
    /// Extra days of cash runway for a firm reached.
    pub runway_extension_days: f64,
    /// Fiscal cost per firm reached, yuan.
    pub cost_per_firm_yuan: f64,
}

/// Economic assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct Economy {
    /// GDP of 2021, yuan (1843.4亿元).
    pub gdp_2021_yuan: f64,
    /// Growth of the no-outbreak baseline over 2021.
    pub baseline_growth: f64,
    /// Retail sales of consumer goods, yuan a year.
    pub retail_sales_yuan: f64,
    /// Fall in offline spending with a fully controlled district (Chen, Qian, Wen: −32%).
    pub offline_drop: f64,
    /// Fall in dining with a fully controlled district (same: −64%).
    pub dining_drop: f64,
    /// Fall in spending when detected cases double (same: 2.8%).
    pub fear_per_doubling: f64,
    /// Share of lost offline retail that moves online.
    pub online_shift: f64,
    /// Daily release rate of deferred purchases (cars, housing, part of retail), per day.
    pub backlog_release_rate: f64,
    /// Median days of cash an SME holds when revenue stops.
    pub sme_runway_days: f64,
    /// Number of SMEs in the city.
    pub sme_count: f64,
    /// Share of SMEs that reopen each day after closing, per day.
    pub sme_reopen_rate: f64,
    /// Employed people in the city.
    pub employment: f64,
    /// Daily rate at which lost jobs come back once output recovers, per day.
    pub job_return_rate: f64,
    /// Cost of one PCR test, yuan.
    pub cost_per_test_yuan: f64,
}
