//! The daily loop: controls, importations, the epidemic step, the zoning rule, the economy
//! step, and the day's values written into the [`Outcome`]. The loop allocates nothing; the
//! outcome buffer, the control plan and the payback buffers are made before it starts.
//!
//! A day has two halves: the epidemic's ([`EpiSide`]: controls, importations, the epidemic
//! step, the zoning rule) and the economy's ([`EconSide`]). The economy reads the epidemic's
//! day; the epidemic reads the economy only through yesterday's activity factors. That lets
//! [`simulate`] run a scenario and its counterfactual without fiscal
//! levers as one run for as long as the two cannot differ.

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::controls::{ControlPlan, ControlState, DayControls};
use super::economy::{DayEcon, EconParams, EconomyState};
use super::epidemic::{variant_index, DayEpi, Draw, EpiParams, Epidemic};
use super::outcome::{Indicator, Outcome};
use super::rng::SimRng;
use crate::scenario::{Date, Scenario, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;

/// Where a run's days go: each day, every indicator's district values and the city's.
pub trait DaySink {
    fn day(
        &mut self,
        day: usize,
        districts: &[[f64; N]; Indicator::COUNT],
        city: &[f64; Indicator::COUNT],
    );
}

impl DaySink for Outcome {
    fn day(
        &mut self,
        day: usize,
        districts: &[[f64; N]; Indicator::COUNT],
        city: &[f64; Indicator::COUNT],
    ) {
        for ind in Indicator::ALL {
            self.set_day(ind, day, &districts[ind as usize], city[ind as usize]);
        }
    }
}

/// The epidemic's constants, the same for a scenario and its counterfactual.
struct EpiConst {
    epi_p: EpiParams,
    plan: ControlPlan,
}

/// The epidemic's half of a run: its state, and what its day hands the economy.
#[derive(Clone, Copy)]
struct EpiSide {
    epi: Epidemic,
    ctl_state: ControlState,
    ctl: [DayControls; N],
    day_epi: DayEpi,
    // Cases found on each of the last 7 days, per district (ring by day).
    found_week: [[f64; N]; 7],
    infections_before: [f64; N],
    /// The city's cases found over the last 7 days (the economy's fear).
    week_city: f64,
    /// Each district's share of residents isolated or ill (the economy's absence).
    absent: [f64; N],
}

impl EpiSide {
    fn new(k: &EpiConst) -> EpiSide {
        EpiSide {
            epi: Epidemic::new(&k.epi_p),
            ctl_state: ControlState::new(),
            ctl: [DayControls::default(); N],
            day_epi: DayEpi::default(),
            found_week: [[0.0; N]; 7],
            infections_before: [0.0; N],
            week_city: 0.0,
            absent: [0.0; N],
        }
    }

    /// Whether today's epidemic step can depend on the activity factors: only if someone is
    /// infectious after today's importations (see `Epidemic::anyone_infectious`).
    fn activity_matters(&self, s: &Scenario, date: Date) -> bool {
        self.epi.anyone_infectious() || s.importations.iter().any(|imp| imp.date == date)
    }

    /// The epidemic's day: `activity` is yesterday's activity factor of each district.
    fn day(
        &mut self,
        k: &EpiConst,
        s: &Scenario,
        day: usize,
        date: Date,
        activity: &[f64; N],
        draw: &mut Draw,
    ) {
        self.ctl_state.today(&k.plan, day as i32, &mut self.ctl);
        self.infections_before = self.epi.cumulative_infections;
        for imp in &s.importations {
            if imp.date == date {
                self.epi.import(
                    imp.district.index(),
                    variant_index(imp.variant),
                    imp.count,
                    draw,
                );
            }
        }
        self.epi
            .step(&k.epi_p, day, &self.ctl, activity, draw, &mut self.day_epi);

        self.found_week[day % 7] = self.day_epi.detected;
        let mut week = [0.0; N];
        for d in &self.found_week {
            for i in 0..N {
                week[i] += d[i];
            }
        }
        self.week_city = sum(&week);
        self.ctl_state
            .update_zoning(&k.plan, &week, &self.day_epi.detected);
        for i in 0..N {
            self.absent[i] = self.epi.absent(&k.epi_p, i) / k.epi_p.pop[i];
        }
    }
}

/// The economy's half of a run.
struct EconSide<'a> {
    s: &'a Scenario,
    econ_p: EconParams,
    econ: EconomyState,
    day_econ: DayEcon,
    /// Activity factor A_i for tomorrow's transmission.
    activity: [f64; N],
}

impl<'a> EconSide<'a> {
    fn new(s: &'a Scenario) -> EconSide<'a> {
        let econ_p = EconParams::new(s);
        let econ = EconomyState::new(s, &econ_p);
        EconSide {
            s,
            econ,
            econ_p,
            day_econ: DayEcon::default(),
            activity: [1.0; N],
        }
    }

    /// The economy's day, after the epidemic's day `e`.
    fn day(&mut self, day: usize, date: Date, e: &EpiSide) {
        self.econ.step(
            self.s,
            &self.econ_p,
            day,
            date,
            &e.ctl,
            e.week_city,
            &e.absent,
            &mut self.day_econ,
        );
        self.activity = self.day_econ.activity;
    }

    /// The city's value added today (summed in district order, as the outcome's city row).
    fn city_gdp(&self) -> f64 {
        sum(&self.day_econ.gdp)
    }
}

/// Writes the day: each district, then the city (sums, except shares and indices, which are
/// weighted means).
fn write_day(e: &EpiSide, c: &EconSide, day: usize, pop: &[f64; N], sink: &mut dyn DaySink) {
    let (epi, day_epi, ctl) = (&e.epi, &e.day_epi, &e.ctl);
    let (day_econ, econ_p) = (&c.day_econ, &c.econ_p);
    let mut v = [[0.0; N]; Indicator::COUNT];
    for i in 0..N {
        v[Indicator::NewInfections as usize][i] =
            epi.cumulative_infections[i] - e.infections_before[i];
        v[Indicator::ActiveInfections as usize][i] = epi.active(i);
        v[Indicator::CumulativeInfections as usize][i] = epi.cumulative_infections[i];
        v[Indicator::DetectedNew as usize][i] = day_epi.detected[i];
        v[Indicator::DetectedCumulative as usize][i] = epi.cumulative_detected[i];
        v[Indicator::Isolated as usize][i] = epi.q[i];
        v[Indicator::DeathsCumulative as usize][i] = epi.d[i];
        v[Indicator::Stringency as usize][i] = ctl[i].stringency;
        v[Indicator::Gdp as usize][i] = day_econ.gdp[i];
        v[Indicator::GdpBaseline as usize][i] = econ_p.gdp_base[i];
        v[Indicator::RetailSales as usize][i] = day_econ.retail[i];
        v[Indicator::RetailBaseline as usize][i] = econ_p.retail_base[i];
        v[Indicator::Catering as usize][i] = day_econ.catering[i];
        v[Indicator::CarSalesUnits as usize][i] = day_econ.cars[i];
        v[Indicator::HomeSalesUnits as usize][i] = day_econ.homes[i];
        v[Indicator::OnlineSales as usize][i] = day_econ.online[i];
        v[Indicator::FaiCompletedPct as usize][i] = pct(
            day_econ.investment_done[i],
            EconomyState::project_plan(econ_p, i),
        );
        v[Indicator::ProjectsStarted as usize][i] = day_econ.projects_started[i];
        v[Indicator::Employment as usize][i] = day_econ.employment[i];
        v[Indicator::SmesOpenPct as usize][i] = pct(day_econ.firms_open[i], econ_p.firms[i]);
        v[Indicator::FiscalCostCumulative as usize][i] = day_econ.fiscal[i];
        v[Indicator::TestingCostCumulative as usize][i] = day_econ.testing[i];
        v[Indicator::Susceptible as usize][i] = epi.s[i];
        v[Indicator::Recovered as usize][i] = epi.r[i];
    }
    // City sums in district order, accumulated for all indicators at once (independent
    // chains; each sum is the same as adding its row in order).
    let mut city = [0.0; Indicator::COUNT];
    for i in 0..N {
        for k in 0..Indicator::COUNT {
            city[k] += v[k][i];
        }
    }
    city[Indicator::Stringency as usize] = weighted_mean(&v[Indicator::Stringency as usize], pop);
    city[Indicator::FaiCompletedPct as usize] = pct(
        sum(&day_econ.investment_done),
        c.s.projects.annual_plan_yuan,
    );
    city[Indicator::SmesOpenPct as usize] = pct(sum(&day_econ.firms_open), sum(&econ_p.firms));
    sink.day(day, &v, &city);
}

/// Days from the scenario's start to its end, both included.
pub fn days_of(s: &Scenario) -> usize {
    (s.end.days_since(s.start) + 1).max(0) as usize
}

fn population() -> [f64; N] {
    std::array::from_fn(|i| DISTRICTS[i].population())
}

/// Runs `s` from its start to its end, handing each day to `sink`, from the random stream
/// `rng` (`None`: expected values). With `cf`, which must be `s` without its fiscal levers
/// (`sim::without_fiscal_levers`), it also runs that scenario from the same stream and
/// returns its city GDP of each day, bit for bit what a run of `cf` alone gives (without
/// `cf`, an empty vector).
///
/// The two runs compute the same numbers up to the first day a fiscal lever can act
/// ([`EconParams::first_lever_day`]), so the counterfactual starts from a copy of the run's
/// state that morning. From then on its economy is stepped on the run's epidemic for as long
/// as the epidemic would be the same in both: the epidemic reads the economy only through the
/// activity factors, and only while someone is infectious (nobody infectious, nobody is
/// infected whatever the activity). On the first morning that both hold no longer, the
/// counterfactual takes a copy of the epidemic's state and of the random stream and runs on
/// alone.
pub fn simulate(
    s: &Scenario,
    cf: Option<&Scenario>,
    mut rng: Option<SimRng>,
    sink: &mut dyn DaySink,
) -> Vec<f64> {
    let days = days_of(s);
    let pop = population();
    let k = EpiConst {
        epi_p: EpiParams::new(s),
        plan: ControlPlan::new(s),
    };
    let mut e = EpiSide::new(&k);
    let mut c = EconSide::new(s);
    let mut cf_gdp = Vec::new();
    let lever_day = c.econ_p.first_lever_day();
    // The counterfactual's economy once it starts, and its own epidemic and stream once those
    // part from the run's.
    let mut cf_econ: Option<EconSide> = None;
    let mut cf_epi: Option<(EpiSide, Option<SimRng>)> = None;
    for day in 0..days {
        let date = s.start.add_days(day as i32);
        if let (Some(cf), None) = (cf, &cf_econ) {
            if day as i32 >= lever_day {
                cf_econ = Some(EconSide {
                    s: cf,
                    econ_p: EconParams::new(cf),
                    econ: c.econ.for_counterfactual(),
                    day_econ: c.day_econ.clone(),
                    activity: c.activity,
                });
            }
        }
        if let (Some(x), None) = (&cf_econ, &cf_epi) {
            let same = (0..N).all(|i| x.activity[i].to_bits() == c.activity[i].to_bits());
            if !same && e.activity_matters(s, date) {
                cf_epi = Some((e, rng.clone()));
            }
        }
        e.day(&k, s, day, date, &c.activity, &mut draw_of(&mut rng));
        c.day(day, date, &e);
        write_day(&e, &c, day, &pop, sink);
        if let Some(cf) = cf {
            cf_gdp.push(match (&mut cf_econ, &mut cf_epi) {
                (None, _) => c.city_gdp(),
                (Some(x), None) => {
                    x.day(day, date, &e);
                    x.city_gdp()
                }
                (Some(x), Some((xe, xrng))) => {
                    xe.day(&k, cf, day, date, &x.activity, &mut draw_of(xrng));
                    x.day(day, date, xe);
                    x.city_gdp()
                }
            });
        }
    }
    cf_gdp
}

fn draw_of(rng: &mut Option<SimRng>) -> Draw<'_> {
    match rng {
        Some(r) => Draw::Random(r),
        None => Draw::Expected,
    }
}

/// Sum in district order (`iter().sum()` is not inlined under the size-optimised profile).
#[inline(always)]
fn sum(values: &[f64; N]) -> f64 {
    let mut total = 0.0;
    for v in values {
        total += v;
    }
    total
}

#[inline(always)]
fn weighted_mean(values: &[f64; N], weights: &[f64; N]) -> f64 {
    let mut sum = 0.0;
    let mut total = 0.0;
    for i in 0..N {
        sum += values[i] * weights[i];
        total += weights[i];
    }
    sum / total
}

#[inline(always)]
fn pct(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}
