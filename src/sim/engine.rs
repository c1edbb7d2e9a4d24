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
const CITY: usize = N;

/// Runs `s` from its start to its end; `draw` chooses expected values or random draws.
pub fn simulate(s: &Scenario, mut draw: Draw) -> Outcome {
    let days = (s.end.days_since(s.start) + 1).max(0) as usize;
    let mut out = Outcome::zeros(s.start, days);
    let epi_p = EpiParams::new(s);
    let econ_p = EconParams::new(s);
    let plan = ControlPlan::new(s);
    let mut epi = Epidemic::new(&epi_p);
    let mut econ = EconomyState::new(&econ_p);
    let mut ctl_state = ControlState::new();
    let mut ctl = [DayControls::default(); N];
    let mut day_epi = DayEpi::default();
    let mut day_econ = DayEcon::default();
    let mut activity = [1.0; N];
    // Cases found on each of the last 7 days, per district (ring by day).
    let mut found_week = [[0.0; N]; 7];

    let pop: [f64; N] = std::array::from_fn(|i| DISTRICTS[i].population());
    let pop_total: f64 = pop.iter().sum();
    let plan_total = s.projects.annual_plan_yuan;

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
        ctl_state.update_zoning(&plan, &week, &day_epi.detected);
        let week_city: f64 = week.iter().sum();

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

        // Write the day: each district, then the city.
        let mut city = [0.0; Indicator::COUNT];
        let mut stringency_weighted = 0.0;
        let mut firms_total = 0.0;
        for i in 0..N {
            // New infections of the day, importations included.
            let new = epi.cumulative_infections[i] - infections_before[i];
            let firms = econ_p.firms[i];
            let values = [
                (Indicator::NewInfections, new),
                (Indicator::ActiveInfections, epi.active(i)),
                (
                    Indicator::CumulativeInfections,
                    epi.cumulative_infections[i],
                ),
                (Indicator::DetectedNew, day_epi.detected[i]),
                (Indicator::DetectedCumulative, epi.cumulative_detected[i]),
                (Indicator::Isolated, epi.q[i]),
                (Indicator::DeathsCumulative, epi.d[i]),
                (Indicator::Stringency, ctl[i].stringency),
                (Indicator::Gdp, day_econ.gdp[i]),
                (Indicator::GdpBaseline, econ_p.gdp_base[i]),
                (Indicator::RetailSales, day_econ.retail[i]),
                (Indicator::RetailBaseline, econ_p.retail_base[i]),
                (Indicator::Catering, day_econ.catering[i]),
                (Indicator::CarSalesUnits, day_econ.cars[i]),
                (Indicator::HomeSalesUnits, day_econ.homes[i]),
                (Indicator::OnlineSales, day_econ.online[i]),
                (
                    Indicator::FaiCompletedPct,
                    pct(
                        day_econ.investment_done[i],
                        EconomyState::project_plan(&econ_p, i),
                    ),
                ),
                (Indicator::ProjectsStarted, day_econ.projects_started[i]),
                (Indicator::Employment, day_econ.employment[i]),
                (Indicator::SmesOpenPct, pct(day_econ.firms_open[i], firms)),
                (Indicator::FiscalCostCumulative, day_econ.fiscal[i]),
                (Indicator::TestingCostCumulative, day_econ.testing[i]),
                (Indicator::Susceptible, epi.s[i]),
                (Indicator::Recovered, epi.r[i]),
            ];
            for (ind, v) in values {
                out.set(ind, i, day, v);
                city[ind.index()] += v;
            }
            stringency_weighted += ctl[i].stringency * pop[i];
            firms_total += firms;
        }
        // Shares and indices of the city are weighted means, not sums.
        city[Indicator::Stringency.index()] = stringency_weighted / pop_total;
        let invested: f64 = day_econ.investment_done.iter().sum();
        city[Indicator::FaiCompletedPct.index()] = pct(invested, plan_total);
        let open: f64 = day_econ.firms_open.iter().sum();
        city[Indicator::SmesOpenPct.index()] = pct(open, firms_total);
        for ind in Indicator::ALL {
            out.set(ind, CITY, day, city[ind.index()]);
        }
    }
    out
}

fn pct(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}
