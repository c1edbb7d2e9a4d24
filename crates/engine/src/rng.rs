//! The engine's random numbers: one named, portable generator and the few distributions the
//! stochastic mode draws from, written here on top of `libm` so that a seed gives the same
//! numbers on every platform and with every version of the `rand` ecosystem.
//!
//! No `usize` appears in a random code path (its width differs between native and wasm32):
//! counts are `u64`.

use super::math;
use rand_core::{Rng, SeedableRng};

/// The engine's generator: PCG-64 MCG (a 128-bit multiplicative congruential generator with
/// the XSL-RR output), named once here. Replicate `i` of an ensemble is seeded from
/// `seed + i` through [`SimRng::seed_from_u64`].
pub type SimRng = rand_pcg::Pcg64Mcg;

/// A generator for a seed.
pub fn rng_from_seed(seed: u64) -> SimRng {
    SimRng::seed_from_u64(seed)
}

/// Means below this use exact inversion (Kachitvichyanukul & Schmeiser's BINV); above it the
/// binomial is drawn from its normal approximation with continuity correction.
pub const BINV_MAX_MEAN: f64 = 30.0;

/// Uniform in [0, 1) with 53 random bits.
#[inline]
pub fn uniform(rng: &mut SimRng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// Uniform in (0, 1].
#[inline]
fn uniform_open0(rng: &mut SimRng) -> f64 {
    1.0 - uniform(rng)
}

/// Standard normal by Box–Muller (one value per call, two uniforms).
pub fn std_normal(rng: &mut SimRng) -> f64 {
    let u1 = uniform_open0(rng);
    let u2 = uniform(rng);
    math::sqrt(-2.0 * math::ln(u1)) * math::cos(std::f64::consts::TAU * u2)
}

/// Triangular distribution on [lo, hi] with its mode at `mode` (clamped into the range).
pub fn triangular(rng: &mut SimRng, lo: f64, mode: f64, hi: f64) -> f64 {
    if hi <= lo {
        return lo;
    }
    let c = mode.clamp(lo, hi);
    let u = uniform(rng);
    let fc = (c - lo) / (hi - lo);
    if u < fc {
        lo + math::sqrt(u * (hi - lo) * (c - lo))
    } else {
        hi - math::sqrt((1.0 - u) * (hi - lo) * (hi - c))
    }
}

/// A binomial draw: successes among `n` trials of probability `p`.
///
/// Small means (n·p < [`BINV_MAX_MEAN`]) use inversion, which is exact; larger ones the normal
/// approximation N(np, np(1−p)) rounded and clamped to [0, n]: at those means its error in the
/// outbreak's course is far below the parameter uncertainty, and it costs one normal draw.
/// Either way the result depends only on the generator's stream.
pub fn binomial(rng: &mut SimRng, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if p > 0.5 {
        return n - binomial(rng, n, 1.0 - p);
    }
    let nf = n as f64;
    let mean = nf * p;
    if mean < BINV_MAX_MEAN {
        binv(rng, n, p)
    } else {
        let sd = math::sqrt(mean * (1.0 - p));
        let x = math::floor(mean + sd * std_normal(rng) + 0.5);
        x.clamp(0.0, nf) as u64
    }
}

/// Inversion by sequential search from 0 (BINV). The search is cut off far in the tail, where
/// rounding could otherwise make it run on, and restarted with a fresh uniform.
fn binv(rng: &mut SimRng, n: u64, p: f64) -> u64 {
    let nf = n as f64;
    let q = 1.0 - p;
    let s = p / q;
    let a = (nf + 1.0) * s;
    let r0 = math::pow(q, nf);
    let mean = nf * p;
    let cutoff = (mean + 10.0 * math::sqrt(mean * q) + 20.0).min(nf) as u64;
    loop {
        let mut u = uniform(rng);
        let mut r = r0;
        let mut x: u64 = 0;
        loop {
            if u < r {
                return x;
            }
            u -= r;
            x += 1;
            if x > cutoff {
                break;
            }
            r *= a / x as f64 - s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moments(n: u64, p: f64, draws: u32) -> (f64, f64) {
        let mut rng = rng_from_seed(7);
        let (mut s1, mut s2) = (0.0, 0.0);
        for _ in 0..draws {
            let x = binomial(&mut rng, n, p) as f64;
            assert!(x <= n as f64);
            s1 += x;
            s2 += x * x;
        }
        let m = s1 / draws as f64;
        (m, s2 / draws as f64 - m * m)
    }

    #[test]
    fn binomial_moments_match_in_both_regimes() {
        for &(n, p) in &[
            (10u64, 0.3),
            (1000, 0.004),
            (5, 0.9),
            (900_000, 0.001),
            (200, 0.5),
        ] {
            let (m, v) = moments(n, p, 20_000);
            let nf = n as f64;
            let (em, ev) = (nf * p, nf * p * (1.0 - p));
            assert!(
                (m - em).abs() < 4.0 * (ev / 20_000.0).sqrt() + 1e-9,
                "n={n} p={p}: mean {m} vs {em}"
            );
            assert!((v / ev - 1.0).abs() < 0.06, "n={n} p={p}: var {v} vs {ev}");
        }
    }

    #[test]
    fn same_seed_same_stream() {
        let mut a = rng_from_seed(42);
        let mut b = rng_from_seed(42);
        for _ in 0..100 {
            assert_eq!(binomial(&mut a, 500, 0.1), binomial(&mut b, 500, 0.1));
        }
    }

    #[test]
    fn triangular_stays_in_range_with_the_right_mean() {
        let mut rng = rng_from_seed(1);
        let mut sum = 0.0;
        for _ in 0..20_000 {
            let x = triangular(&mut rng, 2.0, 3.0, 7.0);
            assert!((2.0..=7.0).contains(&x));
            sum += x;
        }
        assert!((sum / 20_000.0 - 4.0).abs() < 0.03);
    }
}
