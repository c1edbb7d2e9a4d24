//! The epidemic block: S, E, I, Q, R, D per district, E and I split by variant (Delta,
//! Omicron), stepped one day at a time as a discrete-time chain binomial. In deterministic mode
//! every draw is replaced by its expected value, so both modes run the same equations.

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::controls::DayControls;
use super::geo;
use super::math;
use super::rng::{binomial, SimRng};
use crate::scenario::{Scenario, Variant, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;
/// Number of variants; index 0 is Delta, 1 Omicron.
pub const VARIANTS: usize = 2;
/// Length of the isolation-release ring buffer; isolation lasts at most `RING − 1` days.
const RING: usize = 32;

pub fn variant_index(v: Variant) -> usize {
    match v {
        Variant::Delta => 0,
        Variant::Omicron => 1,
    }
}

/// Expected values or random draws: the one switch between the two modes.
pub enum Draw<'a> {
    Expected,
    Random(&'a mut SimRng),
}

impl Draw<'_> {
    /// Of `n` people, how many move with probability `p`.
    #[inline]
    pub fn moves(&mut self, n: f64, p: f64) -> f64 {
        match self {
            Draw::Expected => n * p,
            Draw::Random(rng) => {
                if n <= 0.0 {
                    0.0
                } else {
                    binomial(rng, n as u64, p) as f64
                }
            }
        }
    }

    pub fn is_random(&self) -> bool {
        matches!(self, Draw::Random(_))
    }
}

/// Epidemic constants of one run, derived from the scenario.
pub struct EpiParams {
    pub pop: [f64; N],
    /// Transmission per day per infectious contact, β = R0 · γ̃ (see `new`).
    pub beta: [f64; VARIANTS],
    /// Daily probability of leaving E (becoming infectious).
    pub p_latent: [f64; VARIANTS],
    /// Recovery hazard γ = 1 / infectious period, per day.
    pub gamma: f64,
    /// Symptom-driven detection hazard (1 − asymptomatic share) × rate, per day, by variant.
    pub symptom_hazard: [f64; VARIANTS],
    /// Share of infections with symptoms, by variant.
    pub symptomatic: [f64; VARIANTS],
    pub ifr: f64,
    /// Whole days in isolation.
    pub isolation_days: usize,
    pub extinction_threshold: f64,
    pub checkpoint_cut: f64,
    pub mixing: [[f64; N]; N],
}

impl EpiParams {
    pub fn new(s: &Scenario) -> EpiParams {
        let e = &s.epidemic;
        let gamma = 1.0 / e.infectious_days;
        // In a daily step an infectious person stays a geometric number of days with mean
        // 1/γ̃, γ̃ = 1 − e^(−γ); β = R0·γ̃ makes the expected number infected by one case in a
        // susceptible population exactly R0, as β = R0·γ does in continuous time.
        let gamma_daily = math::prob_from_rate(gamma);
        EpiParams {
            pop: std::array::from_fn(|i| DISTRICTS[i].population()),
            beta: [e.r0_delta * gamma_daily, e.r0_omicron * gamma_daily],
            p_latent: [
                math::prob_from_rate(1.0 / e.latent_days_delta),
                math::prob_from_rate(1.0 / e.latent_days_omicron),
            ],
            gamma,
            symptom_hazard: [
                (1.0 - e.asymptomatic_share_delta) * e.symptom_detection_rate,
                (1.0 - e.asymptomatic_share) * e.symptom_detection_rate,
            ],
            symptomatic: [1.0 - e.asymptomatic_share_delta, 1.0 - e.asymptomatic_share],
            ifr: e.ifr,
            isolation_days: (math::round(e.isolation_days).max(1.0) as usize).min(RING - 1),
            extinction_threshold: e.extinction_threshold,
            checkpoint_cut: e.checkpoint_cut,
            mixing: geo::mixing_matrix(e.outside_contact_share),
        }
    }
}

/// What one day's step reports per district.
#[derive(Clone, Copy, Default)]
pub struct DayEpi {
    pub new_infections: [f64; N],
    pub detected: [f64; N],
}

/// The epidemic state of every district.
#[derive(Clone, Copy)]
pub struct Epidemic {
    pub s: [f64; N],
    pub e: [[f64; N]; VARIANTS],
    pub i: [[f64; N]; VARIANTS],
    pub q: [f64; N],
    pub r: [f64; N],
    pub d: [f64; N],
    pub cumulative_infections: [f64; N],
    pub cumulative_detected: [f64; N],
    /// People leaving isolation on day `t` wait in slot `t % RING`.
    release: [[f64; N]; RING],
}

impl Epidemic {
    pub fn new(p: &EpiParams) -> Epidemic {
        Epidemic {
            s: p.pop,
            e: [[0.0; N]; VARIANTS],
            i: [[0.0; N]; VARIANTS],
            q: [0.0; N],
            r: [0.0; N],
            d: [0.0; N],
            cumulative_infections: [0.0; N],
            cumulative_detected: [0.0; N],
            release: [[0.0; N]; RING],
        }
    }

    /// Infected people arriving (already infectious): they leave S for I of their variant.
    pub fn import(&mut self, district: usize, variant: usize, count: f64, draw: &Draw) {
        let count = if draw.is_random() {
            math::round(count)
        } else {
            count
        };
        let count = count.min(self.s[district]).max(0.0);
        self.s[district] -= count;
        self.i[variant][district] += count;
        self.cumulative_infections[district] += count;
    }

    /// Whether anyone is infectious (I ≠ 0 anywhere; NaN counts). If not, [`Epidemic::step`]
    /// infects nobody whatever the activity factors: every force of infection is
    /// a product with a prevalence of zero.
    pub fn anyone_infectious(&self) -> bool {
        self.i.iter().flatten().any(|&x| x != 0.0)
    }

    /// Infected (E + I) of a district, all variants.
    pub fn infected(&self, i: usize) -> f64 {
        self.e[0][i] + self.e[1][i] + self.i[0][i] + self.i[1][i]
    }

    /// Active infections (E + I + Q) of a district.
    pub fn active(&self, i: usize) -> f64 {
        self.infected(i) + self.q[i]
    }

    /// One day. `activity` is each district's activity factor A_i (from yesterday's economy).
    pub fn step(
        &mut self,
        p: &EpiParams,
        day: usize,
        ctl: &[DayControls; N],
        activity: &[f64; N],
        draw: &mut Draw,
        out: &mut DayEpi,
    ) {
        // Prevalence of infectious people by variant, at the start of the day.
        let mut prev = [[0.0; N]; VARIANTS];
        let mut anyone_infectious = false;
        for v in 0..VARIANTS {
            for j in 0..N {
                prev[v][j] = self.i[v][j] / p.pop[j];
                anyone_infectious |= self.i[v][j] > 0.0;
            }
        }
        let slot = day % RING;
        let release_slot = (day + p.isolation_days) % RING;
        for i in 0..N {
            // Most district-days have nobody infected anywhere: only isolation releases remain.
            if !anyone_infectious && self.infected(i) == 0.0 {
                let released = self.release[slot][i];
                out.new_infections[i] = 0.0;
                out.detected[i] = 0.0;
                if released > 0.0 {
                    self.release[slot][i] = 0.0;
                    self.q[i] = math::max(self.q[i] - released, 0.0);
                    let deaths = draw.moves(released, p.ifr);
                    self.r[i] += released - deaths;
                    self.d[i] += deaths;
                }
                continue;
            }
            // Force of infection λ_vi = β_v (1 − e_i) A_i Σ_j M_ij(t) I_vj / N_j, where
            // checkpoints cut the cross-district contacts by the stricter end's checkpoints.
            let ck_i = ctl[i].measures.checkpoints;
            let mut lam = [0.0; VARIANTS];
            let scale = ctl[i].transmission * activity[i];
            // Tracing follows the contacts: weight each source district's tracing rate by its
            // share of the force of infection.
            let (mut traced, mut pressure) = (0.0, 0.0);
            for v in 0..VARIANTS {
                if p.beta[v] == 0.0 {
                    continue;
                }
                let home = p.mixing[i][i] * prev[v][i];
                let mut sum = home;
                traced += home * ctl[i].measures.tracing;
                for j in 0..N {
                    if j != i && prev[v][j] > 0.0 {
                        let ck = math::max(ck_i, ctl[j].measures.checkpoints);
                        let term = p.mixing[i][j] * (1.0 - p.checkpoint_cut * ck) * prev[v][j];
                        sum += term;
                        traced += term * ctl[j].measures.tracing;
                    }
                }
                lam[v] = p.beta[v] * scale * sum;
                pressure += sum;
            }
            let tracing = if pressure > 0.0 {
                math::max(ctl[i].measures.tracing, traced / pressure)
            } else {
                ctl[i].measures.tracing
            };
            let lam_total = lam[0] + lam[1];
            let new = if lam_total > 0.0 {
                draw.moves(self.s[i], math::prob_from_rate(lam_total))
            } else {
                0.0
            };
            let new_delta = if new > 0.0 {
                draw.moves(new, lam[0] / lam_total)
            } else {
                0.0
            };
            let new_by_variant = [new_delta, new - new_delta];

            // Detection and recovery compete: exit probability 1 − e^(−(γ + h)), of which the
            // share h / (γ + h) is found and isolated.
            let m = &ctl[i].measures;
            let mut detected = 0.0;
            let mut recovered = 0.0;
            for v in 0..VARIANTS {
                let onset = draw.moves(self.e[v][i], p.p_latent[v]);
                // A draw from nobody is 0 whatever the probability (and takes nothing from
                // the stream), so the exit probabilities are worked out only for someone.
                let (exits, found) = if draw.is_random() && self.i[v][i] <= 0.0 {
                    (0.0, 0.0)
                } else {
                    let h = p.symptom_hazard[v] + m.testing_hazard + tracing;
                    let p_exit = math::prob_from_rate(p.gamma + h);
                    let found_share = h / (p.gamma + h);
                    let exits = draw.moves(self.i[v][i], p_exit);
                    (exits, draw.moves(exits, found_share))
                };
                self.e[v][i] += new_by_variant[v] - onset;
                self.i[v][i] += onset - exits;
                detected += found;
                recovered += exits - found;
            }
            self.s[i] -= new;

            // Isolation: released after a fixed number of days.
            let released = self.release[slot][i];
            self.release[slot][i] = 0.0;
            self.release[release_slot][i] += detected;
            // Cases leave isolation exactly as they entered it; only rounding residue of the
            // order of 1e-12 can take the running total below zero.
            self.q[i] = math::max(self.q[i] + detected - released, 0.0);
            let leaving = recovered + released;
            let deaths = draw.moves(leaving, p.ifr);
            self.r[i] += leaving - deaths;
            self.d[i] += deaths;

            self.cumulative_infections[i] += new;
            self.cumulative_detected[i] += detected;
            out.new_infections[i] = new;
            out.detected[i] = detected;

            // The atto-fox rule (deterministic mode only; draws end chains by themselves): a
            // district with fewer than `extinction_threshold` infected people left (E + I, all
            // variants) has no outbreak; they are counted as recovered.
            if !draw.is_random() {
                let infected = self.infected(i);
                if infected > 0.0 && infected < p.extinction_threshold {
                    self.r[i] += infected;
                    for v in 0..VARIANTS {
                        self.e[v][i] = 0.0;
                        self.i[v][i] = 0.0;
                    }
                }
            }
        }
    }

    /// Residents of a district who are isolated or ill with symptoms, who do not work.
    pub fn absent(&self, p: &EpiParams, i: usize) -> f64 {
        self.q[i] + p.symptomatic[0] * self.i[0][i] + p.symptomatic[1] * self.i[1][i]
    }

    /// Everyone of a district, in every compartment (for the conservation check).
    pub fn population(&self, i: usize) -> f64 {
        self.s[i] + self.infected(i) + self.q[i] + self.r[i] + self.d[i]
    }
}
