//! The economic block: 8 sectors in each district, output = baseline × min(supply, demand) ×
//! share of firms open; the four lever groups (vouchers, housing subsidy, key projects, SME
//! relief); the backlog of deferred purchases, the shift online, jobs and the fiscal cost.
//! Deterministic given the epidemic: the stochastic mode draws its parameters, not its sales.

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::controls::DayControls;
use super::geo;
use super::math;
use super::sectors::{self, Sector, SECTOR_COUNT, SPECS};
use crate::scenario::presets;
use crate::scenario::{Date, Scenario, VoucherKind, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;
const S: usize = SECTOR_COUNT;
const CAT: usize = Sector::Catering as usize;
const RET: usize = Sector::Retail as usize;
const AUT: usize = Sector::Autos as usize;
const RE: usize = Sector::RealEstate as usize;
const OTH: usize = Sector::OtherServices as usize;
// The policy demand terms are indexed by sector: the four consumer sectors come first.
const _: () = assert!(CAT == 0 && RET == 1 && AUT == 2 && RE == 3);
const AGR: usize = Sector::Agriculture as usize;

/// Days in a year for daily baselines (the baseline has no seasonality).
const YEAR_DAYS: f64 = 365.0;
/// Mean days in a month, for paybacks given in months.
const DAYS_PER_MONTH: f64 = 30.4375;
/// Length of the payback ring buffers: paybacks last at most `PAYBACK_RING − 2` days.
const PAYBACK_RING: usize = 512;

/// Spending spread evenly over the days after it happens (paybacks of pulled-forward demand),
/// kept as a ring buffer of daily changes in the rate.
#[derive(Clone)]
struct Spread {
    ring: Vec<[f64; N]>,
    rate: [f64; N],
    /// The last day whose slot may hold a change; after it the rate stays as it is.
    busy_until: usize,
}

impl Spread {
    fn new() -> Spread {
        Spread {
            ring: vec![[0.0; N]; PAYBACK_RING],
            rate: [0.0; N],
            busy_until: 0,
        }
    }

    /// Today's rate (call once a day, before `add`).
    #[inline(always)]
    fn advance(&mut self, day: usize) -> [f64; N] {
        if day > self.busy_until {
            // Every slot from today on is zero, and adding zero leaves the rate as it is (it is
            // never −0.0: a rate that small was set to 0.0 below): skip the ring. Most runs use
            // one or two of their four spreads, a counterfactual none.
            return self.rate;
        }
        let slot = &mut self.ring[day % PAYBACK_RING];
        for i in 0..N {
            self.rate[i] += slot[i];
            slot[i] = 0.0;
            // Cancelling additions can leave a rounding residue.
            if self.rate[i].abs() < 1e-9 {
                self.rate[i] = 0.0;
            }
        }
        self.rate
    }

    /// Spread `amount` of district `i` evenly over the `days` days after `day`.
    #[inline(always)]
    fn add(&mut self, day: usize, i: usize, amount: f64, days: usize) {
        if amount == 0.0 {
            return;
        }
        let per_day = amount / days as f64;
        self.ring[(day + 1) % PAYBACK_RING][i] += per_day;
        self.ring[(day + 1 + days) % PAYBACK_RING][i] -= per_day;
        self.busy_until = self.busy_until.max(day + 1 + days);
    }
}

fn payback_days(days: f64) -> usize {
    (math::round(days).max(1.0) as usize).min(PAYBACK_RING - 2)
}

/// One voucher wave, prepared.
struct Wave {
    kind: VoucherKind,
    first_day: i32,
    last_day: i32,
    /// Daily probability that an outstanding voucher is redeemed.
    p_redeem: f64,
    /// Budget per district, yuan.
    budget: [f64; N],
}

/// Where a day falls in the plan year, worked out once a day for the three plan curves.
#[derive(Clone, Copy)]
pub struct PlanDay {
    /// −1 before the plan's year, 1 after it, 0 within it.
    side: i8,
    /// Month index 0–11.
    month: usize,
    /// Share of the month elapsed by the end of the day.
    elapsed: f64,
}

impl PlanDay {
    pub fn new(year: i32, date: Date) -> PlanDay {
        let (y, m, d) = date.to_ymd();
        let first = Date::ymd(y, m, 1);
        let next = if m == 12 {
            Date::ymd(y + 1, 1, 1)
        } else {
            Date::ymd(y, m + 1, 1)
        };
        PlanDay {
            side: (y - year).signum() as i8,
            month: m as usize - 1,
            elapsed: d as f64 / next.days_since(first) as f64,
        }
    }
}

/// Cumulative planned share of a year's plan by the end of a day, read off month-end values
/// by linear interpolation within the month; 0 before the plan's year, the December value after.
pub fn plan_share(curve: &[f64; 12], day: PlanDay) -> f64 {
    match day.side {
        s if s < 0 => 0.0,
        s if s > 0 => curve[11],
        _ => {
            let prev = if day.month == 0 {
                0.0
            } else {
                curve[day.month - 1]
            };
            prev + (curve[day.month] - prev) * day.elapsed
        }
    }
}

/// Economic constants of one run, derived from the scenario.
pub struct EconParams {
    year: i32,
    /// Baseline daily value added, yuan.
    pub va_base: [[f64; S]; N],
    pub gdp_base: [f64; N],
    /// Baseline daily sales, yuan: catering, goods and cars from retail sales of consumer goods,
    /// homes from homes sold × price, other sectors = value added.
    sales_base: [[f64; S]; N],
    pub retail_base: [f64; N],
    pub jobs_base: [[f64; S]; N],
    pub jobs_base_total: [f64; N],
    pub firms: [f64; N],
    /// Key-project plan per district: count and yuan.
    project_count: [f64; N],
    project_plan: [f64; N],
    /// The investment the GDP baseline assumes (the 2022 plan), per district, yuan.
    reference_plan: [f64; N],
    p_lag: f64,
    waves: Vec<Wave>,
    housing_first: i32,
    housing_last: i32,
    housing_daily_homes: [f64; N],
    relief_day: i32,
    /// Per sector, precomputed once a run: demand hit at full controls (dining and offline
    /// falls weighted), fear weight, stoppage weight, capacity, SME weight, SME weight × share
    /// of value added and its sum, deferrable share.
    hit: [f64; S],
    fear_w: [f64; S],
    stoppage_w: [f64; S],
    capacity: [f64; S],
    sme_w: [f64; S],
    sme_va: [f64; S],
    sme_va_sum: f64,
    deferrable: [f64; S],
    payback_days: usize,
    car_payback_days: usize,
    housing_payback_days: usize,
}

impl EconParams {
    pub fn new(s: &Scenario) -> EconParams {
        let ec = &s.economy;
        let pop: [f64; N] = std::array::from_fn(|i| DISTRICTS[i].population());
        let pop_total: f64 = pop.iter().sum();
        let pop_share: [f64; N] = std::array::from_fn(|i| pop[i] / pop_total);
        let gdp_share = geo::gdp_shares();
        let gdp_year = ec.gdp_2021_yuan * (1.0 + ec.baseline_growth);
        let mut va_base = [[0.0; S]; N];
        let mut sales_base = [[0.0; S]; N];
        let mut jobs_base = [[0.0; S]; N];
        let mut gdp_base = [0.0; N];
        let mut retail_base = [0.0; N];
        let mut jobs_base_total = [0.0; N];
        for i in 0..N {
            let retail = ec.retail_sales_yuan * pop_share[i] / YEAR_DAYS;
            for k in 0..S {
                va_base[i][k] = gdp_year * gdp_share[i] * SPECS[k].va_share / YEAR_DAYS;
                gdp_base[i] += va_base[i][k];
                jobs_base[i][k] = ec.employment * pop_share[i] * SPECS[k].job_share;
                jobs_base_total[i] += jobs_base[i][k];
                sales_base[i][k] = va_base[i][k];
            }
            sales_base[i][CAT] = retail * sectors::RETAIL_CATERING_SHARE;
            sales_base[i][RET] = retail * sectors::RETAIL_GOODS_SHARE;
            sales_base[i][AUT] = retail * sectors::RETAIL_AUTOS_SHARE;
            // Summed as the day's sales are, so a normal day matches its baseline exactly.
            retail_base[i] = sales_base[i][CAT] + sales_base[i][RET] + sales_base[i][AUT];
            sales_base[i][RE] =
                pop[i] / 1000.0 * sectors::HOMES_PER_1000_RESIDENTS * sectors::HOME_PRICE_YUAN
                    / YEAR_DAYS;
        }
        let waves = s
            .vouchers
            .waves
            .iter()
            .map(|w| {
                let targeted: f64 = (0..N)
                    .filter(|&i| w.districts.includes(DISTRICTS[i]))
                    .map(|i| pop[i])
                    .sum();
                let first_day = w.start.days_since(s.start);
                Wave {
                    kind: w.kind,
                    first_day,
                    last_day: first_day + w.validity_days as i32 - 1,
                    p_redeem: math::prob_from_rate(1.0 / w.redemption_days.max(0.1)),
                    budget: std::array::from_fn(|i| {
                        if targeted > 0.0 && w.districts.includes(DISTRICTS[i]) {
                            w.budget_yuan * pop[i] / targeted
                        } else {
                            0.0
                        }
                    }),
                }
            })
            .collect();
        let h = &s.housing;
        let housing_first = h.start.days_since(s.start);
        let homes_total = if h.mean_subsidy_yuan > 0.0 && h.duration_days > 0 {
            h.budget_yuan / h.mean_subsidy_yuan / h.duration_days as f64
        } else {
            0.0
        };
        let p = &s.projects;
        let sme_va: [f64; S] = std::array::from_fn(|k| SPECS[k].sme_weight * SPECS[k].va_share);
        let mut sme_va_sum = 0.0;
        for w in sme_va {
            sme_va_sum += w;
        }
        EconParams {
            hit: std::array::from_fn(|k| {
                SPECS[k].dining_weight * ec.dining_drop + SPECS[k].offline_weight * ec.offline_drop
            }),
            fear_w: std::array::from_fn(|k| SPECS[k].fear_weight),
            stoppage_w: std::array::from_fn(|k| SPECS[k].stoppage_weight),
            capacity: std::array::from_fn(|k| SPECS[k].capacity),
            sme_w: std::array::from_fn(|k| SPECS[k].sme_weight),
            sme_va,
            sme_va_sum,
            deferrable: std::array::from_fn(|k| SPECS[k].deferrable),
            year: s.start.to_ymd().0,
            va_base,
            gdp_base,
            sales_base,
            retail_base,
            jobs_base,
            jobs_base_total,
            firms: std::array::from_fn(|i| ec.sme_count * pop_share[i]),
            project_count: std::array::from_fn(|i| p.count as f64 * gdp_share[i]),
            project_plan: std::array::from_fn(|i| p.annual_plan_yuan * gdp_share[i]),
            reference_plan: std::array::from_fn(|i| {
                presets::KEY_PROJECT_PLAN_2022_YUAN * gdp_share[i]
            }),
            p_lag: math::prob_from_rate(1.0 / p.multiplier_lag_days),
            waves,
            housing_first,
            housing_last: housing_first + h.duration_days as i32 - 1,
            housing_daily_homes: std::array::from_fn(|i| homes_total * pop_share[i]),
            relief_day: s.relief.start.days_since(s.start).max(0),
            payback_days: payback_days(s.vouchers.payback_days),
            car_payback_days: payback_days(s.vouchers.car_payback_months * DAYS_PER_MONTH),
            housing_payback_days: payback_days(sectors::HOUSING_PAYBACK_DAYS),
        }
    }
}

impl EconParams {
    /// The first day (index from the run's start) on which a fiscal lever can act: a voucher
    /// wave's first day (day 0 for a wave begun before the run), the housing subsidy's first
    /// day, the SME relief's day. Before it the step computes the same numbers with or without
    /// the levers (`sim::without_fiscal_levers`): the waves, the subsidised homes and the
    /// relief's reach are read only from those days on. Keep it in step with
    /// [`EconomyState::step`].
    pub fn first_lever_day(&self) -> i32 {
        let mut first = self.housing_first.max(0).min(self.relief_day);
        for w in &self.waves {
            first = first.min(w.first_day.max(0));
        }
        first
    }
}

/// What one day's step reports per district.
#[derive(Clone, Default)]
pub struct DayEcon {
    pub gdp: [f64; N],
    pub retail: [f64; N],
    pub catering: [f64; N],
    pub cars: [f64; N],
    pub homes: [f64; N],
    pub online: [f64; N],
    pub projects_started: [f64; N],
    pub investment_done: [f64; N],
    pub employment: [f64; N],
    pub firms_open: [f64; N],
    pub fiscal: [f64; N],
    pub testing: [f64; N],
    /// Activity factor A_i for tomorrow's transmission.
    pub activity: [f64; N],
}

/// The economic state of every district.
#[derive(Clone)]
pub struct EconomyState {
    backlog: [[f64; S]; N],
    payback_catering: Spread,
    payback_goods: Spread,
    payback_cars: Spread,
    payback_homes: Spread,
    outstanding: Vec<[f64; N]>,
    // Key projects.
    plan_starts_prev: f64,
    plan_done_prev: f64,
    reference_done_prev: f64,
    started: [f64; N],
    start_deficit: [f64; N],
    planned_started: [f64; N],
    spent: [f64; N],
    spend_deficit: [f64; N],
    multiplier_lag: [f64; N],
    // Small firms.
    burn: [f64; N],
    closed: [f64; N],
    closed_high: [f64; N],
    jobs: [[f64; S]; N],
    fiscal: [f64; N],
    testing: [f64; N],
}

impl EconomyState {
    /// The state at the start of `s`: the key projects are where their plan puts them on the
    /// day before the run starts (nothing, for a run from 1 January).
    pub fn new(s: &Scenario, p: &EconParams) -> EconomyState {
        let before = PlanDay::new(p.year, s.start.add_days(-1));
        let pr = &s.projects;
        let plan_starts_prev = plan_share(&pr.planned_starts, before);
        let plan_done_prev = plan_share(&pr.planned_completion, before);
        let started: [f64; N] = std::array::from_fn(|i| p.project_count[i] * plan_starts_prev);
        EconomyState {
            backlog: [[0.0; S]; N],
            payback_catering: Spread::new(),
            payback_goods: Spread::new(),
            payback_cars: Spread::new(),
            payback_homes: Spread::new(),
            outstanding: vec![[0.0; N]; p.waves.len()],
            plan_starts_prev,
            plan_done_prev,
            reference_done_prev: plan_share(&presets::PLANNED_COMPLETION_2022, before),
            started,
            start_deficit: [0.0; N],
            planned_started: started,
            spent: std::array::from_fn(|i| p.project_plan[i] * plan_done_prev),
            spend_deficit: [0.0; N],
            multiplier_lag: [0.0; N],
            burn: [0.0; N],
            closed: [0.0; N],
            closed_high: [0.0; N],
            jobs: p.jobs_base,
            fiscal: [0.0; N],
            testing: [0.0; N],
        }
    }

    /// Key projects started and invested, and the investment multiplier's demand, for today.
    /// Returns each district's extra demand as a share of its baseline GDP.
    fn key_projects(
        &mut self,
        s: &Scenario,
        p: &EconParams,
        date: Date,
        work_stopped: &[f64; N],
        controls_off: &[bool; N],
    ) -> [f64; N] {
        let pr = &s.projects;
        let day = PlanDay::new(p.year, date);
        let plan_starts = plan_share(&pr.planned_starts, day);
        let plan_done = plan_share(&pr.planned_completion, day);
        let reference_done = plan_share(&presets::PLANNED_COMPLETION_2022, day);
        let d_starts = plan_starts - self.plan_starts_prev;
        let d_done = plan_done - self.plan_done_prev;
        let d_reference = reference_done - self.reference_done_prev;
        self.plan_starts_prev = plan_starts;
        self.plan_done_prev = plan_done;
        self.reference_done_prev = reference_done;
        let mut invest_demand = [0.0; N];
        for i in 0..N {
            let stop = work_stopped[i];
            // Starts: stoppage delays them; after controls lift a catch-up pace (a share of the
            // planned pace, at least the year's mean pace) works the deficit off.
            let planned = p.project_count[i] * d_starts;
            self.planned_started[i] += planned;
            let mut started = planned * (1.0 - stop);
            self.start_deficit[i] += planned - started;
            if controls_off[i] && self.start_deficit[i] > 0.0 {
                let pace = math::max(planned, p.project_count[i] / YEAR_DAYS);
                let extra = math::min(pr.catch_up * pace, self.start_deficit[i]);
                started += extra;
                self.start_deficit[i] -= extra;
            }
            self.started[i] += started;
            // Spending: the planned pace, cut by the stoppage and by projects not yet started.
            let planned_spend = p.project_plan[i] * d_done;
            let started_ratio = if self.planned_started[i] > 0.0 {
                math::min(self.started[i] / self.planned_started[i], 1.0)
            } else {
                1.0
            };
            let mut spend = planned_spend * (1.0 - stop) * started_ratio;
            self.spend_deficit[i] += planned_spend - spend;
            if controls_off[i] && self.spend_deficit[i] > 0.0 {
                let pace = math::max(planned_spend, p.project_plan[i] / YEAR_DAYS);
                let extra = math::min(pr.catch_up * pace, self.spend_deficit[i]);
                spend += extra;
                self.spend_deficit[i] -= extra;
            }
            self.spent[i] += spend;
            // Demand: the multiplier on spending above (or below) what the baseline assumes,
            // through a distributed lag with mean `multiplier_lag_days`.
            let deviation = spend - p.reference_plan[i] * d_reference;
            self.multiplier_lag[i] += (deviation - self.multiplier_lag[i]) * p.p_lag;
            invest_demand[i] = pr.multiplier * self.multiplier_lag[i] / p.gdp_base[i];
        }
        invest_demand
    }

    /// One day of the economy. `fear_cases` is the city's cases found over the last 7 days;
    /// `absent` each district's share of residents isolated or ill, who do not work.
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        s: &Scenario,
        p: &EconParams,
        day: usize,
        date: Date,
        ctl: &[DayControls; N],
        fear_cases: f64,
        absent: &[f64; N],
        out: &mut DayEcon,
    ) {
        let ec = &s.economy;
        let vo = &s.vouchers;
        let dayi = day as i32;
        let fear = if fear_cases > 0.0 {
            (ec.fear_per_doubling * math::log2(1.0 + fear_cases)).min(sectors::FEAR_CAP)
        } else {
            0.0
        };
        let mut kappa = [0.0; N];
        let mut stop = [0.0; N];
        let mut controls_off = [false; N];
        for i in 0..N {
            kappa[i] = ctl[i].stringency / 100.0;
            stop[i] = s.projects.stoppage_effect * kappa[i];
            controls_off[i] = kappa[i] <= 0.0;
        }
        let invest = self.key_projects(s, p, date, &stop, &controls_off);

        // Vouchers redeemed today.
        let mut v_catering = [0.0; N];
        let mut v_goods = [0.0; N];
        let mut v_cars = [0.0; N];
        let mut redeemed = [0.0; N];
        for (w, out_w) in p.waves.iter().zip(self.outstanding.iter_mut()) {
            if dayi == w.first_day.max(0) {
                *out_w = w.budget;
            }
            if dayi < w.first_day || dayi > w.last_day {
                if dayi > w.last_day {
                    *out_w = [0.0; N];
                }
                continue;
            }
            for i in 0..N {
                let r = out_w[i] * w.p_redeem;
                out_w[i] -= r;
                redeemed[i] += r;
                match w.kind {
                    VoucherKind::General => {
                        let extra = vo.spending_multiplier * r;
                        v_catering[i] += extra * sectors::GENERAL_VOUCHER_CATERING_SHARE;
                        v_goods[i] += extra * (1.0 - sectors::GENERAL_VOUCHER_CATERING_SHARE);
                    }
                    VoucherKind::Catering => v_catering[i] += vo.spending_multiplier * r,
                    VoucherKind::Car => v_cars[i] += r / vo.car_voucher_per_unit_yuan,
                }
            }
        }
        let pb_catering = self.payback_catering.advance(day);
        let pb_goods = self.payback_goods.advance(day);
        let pb_cars = self.payback_cars.advance(day);
        let pb_homes = self.payback_homes.advance(day);

        let housing_on = dayi >= p.housing_first && dayi <= p.housing_last;
        let relief_on = dayi >= p.relief_day;
        let reach = if relief_on { s.relief.reach } else { 0.0 };

        for i in 0..N {
            let k = kappa[i];
            let sb = &p.sales_base[i];
            // Policy demand, and the paybacks of what it pulled forward.
            if v_catering[i] != 0.0 {
                self.payback_catering
                    .add(day, i, vo.payback_share * v_catering[i], p.payback_days);
            }
            if v_goods[i] != 0.0 {
                self.payback_goods
                    .add(day, i, vo.payback_share * v_goods[i], p.payback_days);
            }
            let extra_cars = (1.0 - vo.car_anyway_share) * v_cars[i];
            if extra_cars != 0.0 {
                self.payback_cars
                    .add(day, i, extra_cars, p.car_payback_days);
            }
            let mut housing_paid = 0.0;
            let mut extra_homes = 0.0;
            if housing_on {
                let subsidised = p.housing_daily_homes[i];
                housing_paid = subsidised * s.housing.mean_subsidy_yuan;
                extra_homes = s.housing.induced_share * subsidised;
                self.payback_homes.add(
                    day,
                    i,
                    s.housing.pull_forward_share * extra_homes,
                    p.housing_payback_days,
                );
            }
            let policy = [
                (v_catering[i] - pb_catering[i]) / sb[CAT],
                (v_goods[i] - pb_goods[i]) / sb[RET],
                (extra_cars - pb_cars[i]) * sectors::CAR_PRICE_YUAN / sb[AUT],
                (extra_homes - pb_homes[i]) * sectors::HOME_PRICE_YUAN / sb[RE],
            ];

            // Demand, then output = baseline × min(supply, demand) × firms open × people at
            // work, sector by sector in one pass.
            let closed_share = self.closed[i] / p.firms[i];
            let at_work = 1.0 - absent[i];
            let mut served = [0.0; S];
            let mut output = [0.0; S];
            let mut gdp = 0.0;
            let mut w_served = 0.0;
            let mut lost_offline_goods = 0.0;
            for sector in 0..S {
                let hit = k * p.hit[sector];
                let kept = (1.0 - hit) * (1.0 - p.fear_w[sector] * fear);
                let mut lost = 1.0 - kept;
                if sector == RET {
                    // Only the offline part falls; a share of what it loses moves online.
                    lost_offline_goods = (1.0 - sectors::ONLINE_GOODS_SHARE) * lost;
                    lost = lost_offline_goods * (1.0 - ec.online_shift);
                }
                let mut demand = 1.0 - lost;
                let deferrable = p.deferrable[sector];
                if deferrable > 0.0 && (lost != 0.0 || self.backlog[i][sector] != 0.0) {
                    self.backlog[i][sector] += deferrable * lost * sb[sector];
                    let release = ec.backlog_release_rate * self.backlog[i][sector] * (1.0 - k);
                    self.backlog[i][sector] -= release;
                    demand += release / sb[sector];
                }
                if sector != AGR {
                    demand += invest[i];
                }
                if sector < policy.len() {
                    demand += policy[sector];
                }
                let supply = p.capacity[sector] * (1.0 - p.stoppage_w[sector] * stop[i]);
                served[sector] = math::min(supply, math::max(demand, 0.0));
                output[sector] = served[sector] * (1.0 - p.sme_w[sector] * closed_share) * at_work;
                gdp += p.va_base[i][sector] * output[sector];
                w_served += p.sme_va[sector] * served[sector];
            }

            // Small firms: cash burns while revenue is down by more than the margin and is
            // rebuilt from the margin after; a firm closes when the burn passes its runway
            // (log-normal across firms; relief adds days for the firms it reaches).
            let loss = 1.0 - w_served / p.sme_va_sum;
            self.burn[i] = math::max(
                self.burn[i] + (loss - sectors::SME_MARGIN) / (1.0 - sectors::SME_MARGIN),
                0.0,
            );
            if self.burn[i] > 0.0 {
                let median = ec.sme_runway_days;
                let sigma = sectors::SME_RUNWAY_SIGMA;
                let closed = (1.0 - reach) * math::lognormal_cdf(self.burn[i], median, sigma)
                    + reach
                        * math::lognormal_cdf(
                            self.burn[i] - s.relief.runway_extension_days,
                            median,
                            sigma,
                        );
                if closed > self.closed_high[i] {
                    self.closed[i] += (closed - self.closed_high[i]) * p.firms[i];
                    self.closed_high[i] = closed;
                }
            }
            if loss <= sectors::SME_MARGIN && self.closed[i] > 0.0 {
                self.closed[i] -= ec.sme_reopen_rate * self.closed[i];
            }

            // Jobs follow output (elasticity) and closures; lost jobs come back slowly.
            let closed_share = self.closed[i] / p.firms[i];
            let mut jobs = 0.0;
            for sector in 0..S {
                let target = p.jobs_base[i][sector]
                    * (1.0
                        - sectors::JOB_OUTPUT_ELASTICITY * (1.0 - math::min(served[sector], 1.0)))
                    * (1.0 - p.sme_w[sector] * closed_share);
                let j = &mut self.jobs[i][sector];
                if target < *j {
                    *j = target;
                } else {
                    *j += ec.job_return_rate * (target - *j);
                }
                jobs += *j;
            }

            // Fiscal cost: vouchers redeemed, housing subsidies, relief, testing.
            let mut fiscal = redeemed[i] + housing_paid;
            if dayi == p.relief_day {
                fiscal += s.relief.reach * p.firms[i] * s.relief.cost_per_firm_yuan;
            }
            let tests = ctl[i].measures.tested_per_day * DISTRICTS[i].population();
            let testing = tests * ec.cost_per_test_yuan;
            self.testing[i] += testing;
            self.fiscal[i] += fiscal + testing;

            // Sales.
            let catering = sb[CAT] * output[CAT];
            let goods = sb[RET] * output[RET];
            let autos = sb[AUT] * output[AUT];
            let online_demand = sectors::ONLINE_GOODS_SHARE + ec.online_shift * lost_offline_goods;
            out.gdp[i] = gdp;
            out.catering[i] = catering;
            out.retail[i] = catering + goods + autos;
            out.online[i] = math::min(sb[RET] * online_demand, goods);
            out.cars[i] = autos / sectors::CAR_PRICE_YUAN;
            out.homes[i] = sb[RE] * output[RE] / sectors::HOME_PRICE_YUAN;
            out.projects_started[i] = self.started[i];
            out.investment_done[i] = self.spent[i];
            out.employment[i] = jobs;
            out.firms_open[i] = p.firms[i] - self.closed[i];
            out.fiscal[i] = self.fiscal[i];
            out.testing[i] = self.testing[i];

            // The activity factor A_i = 1/6·consumption + 1/6·work + 2/3 (Eichenbaum, Rebelo &
            // Trabandt), consumption and work relative to normal.
            let va = &p.va_base[i];
            let consumption =
                (va[CAT] * output[CAT] + va[RET] * output[RET] + va[OTH] * output[OTH])
                    / (va[CAT] + va[RET] + va[OTH]);
            let work = jobs / p.jobs_base_total[i];
            // Written as 1 − … so that a normal day gives exactly 1.
            out.activity[i] = 1.0
                - sectors::ACTIVITY_CONSUMPTION * (1.0 - consumption)
                - sectors::ACTIVITY_WORK * (1.0 - work);
        }
    }

    /// This state as the same run without its fiscal levers has it, before the first day a
    /// lever acts ([`EconParams::first_lever_day`]): the same, without voucher waves.
    pub fn for_counterfactual(&self) -> EconomyState {
        EconomyState {
            outstanding: Vec::new(),
            ..self.clone()
        }
    }

    /// Key-project plan of a district, yuan (for completion %).
    pub fn project_plan(p: &EconParams, i: usize) -> f64 {
        p.project_plan[i]
    }
}
