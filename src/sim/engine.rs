//! The daily loop: controls, importations, the epidemic step, the zoning rule, the economy
//! step, and the day's values written into the [`Outcome`]. The loop allocates nothing; the
//! outcome buffer, the control plan and the payback buffers are made before it starts.

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::controls::{ControlPlan, ControlState, DayControls};
use super::economy::{DayEcon, EconParams, EconomyState};
use super::epidemic::{variant_index, DayEpi, Draw, EpiParams, Epidemic};
use super::outcome::{Indicator, Outcome};
use crate::scenario::{Scenario, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;

/// Runs `s` from its start to its end; `draw` chooses expected values or random draws.
pub fn simulate(s: &Scenario, mut draw: Draw) -> Outcome {
    let days = (s.end.days_since(s.start) + 1).max(0) as usize;
    let mut out = Outcome::zeros(s.start, days);
    let epi_p = EpiParams::new(s);
    let econ_p = EconParams::new(s);
    let plan = ControlPlan::new(s);
    let mut epi = Epidemic::new(&epi_p);
    let mut econ = EconomyState::new(s, &econ_p);
    let mut ctl_state = ControlState::new();
    let mut ctl = [DayControls::default(); N];
    let mut day_epi = DayEpi::default();
    let mut day_econ = DayEcon::default();
    let mut activity = [1.0; N];
    // Cases found on each of the last 7 days, per district (ring by day).
    let mut found_week = [[0.0; N]; 7];

    let pop: [f64; N] = std::array::from_fn(|i| DISTRICTS[i].population());
    let plan_total = s.projects.annual_plan_yuan;
    let firms_total = sum(&econ_p.firms);

    for day in 0..days {
        let date = s.start.add_days(day as i32);
        ctl_state.today(&plan, day as i32, &mut ctl);
        let infections_before = epi.cumulative_infections;
        for imp in &s.importations {
            if imp.date == date {
                epi.import(
                    imp.district.index(),
                    variant_index(imp.variant),
                    imp.count,
                    &draw,
                );
            }
        }
        epi.step(&epi_p, day, &ctl, &activity, &mut draw, &mut day_epi);

        found_week[day % 7] = day_epi.detected;
        let mut week = [0.0; N];
        for d in &found_week {
            for i in 0..N {
                week[i] += d[i];
            }
        }
        let week_city = sum(&week);
        ctl_state.update_zoning(&plan, &week, &day_epi.detected);

        let absent: [f64; N] = std::array::from_fn(|i| epi.absent(&epi_p, i) / pop[i]);
        econ.step(
            s,
            &econ_p,
            day,
            date,
            &ctl,
            week_city,
            &absent,
            &mut day_econ,
        );
        activity = day_econ.activity;

        // Write the day: each district, then the city (sums, except shares and indices,
        // which are weighted means).
        let mut v = [[0.0; N]; Indicator::COUNT];
        for i in 0..N {
            v[Indicator::NewInfections as usize][i] =
                epi.cumulative_infections[i] - infections_before[i];
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
                EconomyState::project_plan(&econ_p, i),
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
        let mut sums = [0.0; Indicator::COUNT];
        for i in 0..N {
            for k in 0..Indicator::COUNT {
                sums[k] += v[k][i];
            }
        }
        for ind in Indicator::ALL {
            let row = &v[ind as usize];
            let city = match ind {
                Indicator::Stringency => weighted_mean(row, &pop),
                Indicator::FaiCompletedPct => pct(sum(&day_econ.investment_done), plan_total),
                Indicator::SmesOpenPct => pct(sum(&day_econ.firms_open), firms_total),
                _ => sums[ind as usize],
            };
            out.set_day(ind, day, row, city);
        }
    }
    out
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
