//! Portable transcendental functions. Every `exp`, `ln`, `pow`, `erf`… of the engine goes
//! through here, to the `libm` crate, never to `f64::exp` and friends: those call the platform's
//! math library natively but a Rust port on wasm32 and can differ in the last bit, which would
//! break "same scenario, same seed → same numbers on every platform".
//!
//! Only correctly rounded IEEE operations (+, −, ×, ÷, `min`, `max`, `abs`, comparisons) are
//! used directly elsewhere. `sqrt`, `floor` and `round` are exact too (IEEE 754 rounds a
//! square root correctly; the other two have one right answer), so they are the platform's
//! own (on wasm32 the `f64.sqrt`/`f64.floor` instructions) and give `libm`'s bits: `libm`'s
//! `sqrt` is a software square root on wasm32, ≈ 2% of an ensemble replicate.

/// e^x.
#[inline]
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Natural logarithm.
#[inline]
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// Base-2 logarithm.
#[inline]
pub fn log2(x: f64) -> f64 {
    libm::log2(x)
}

/// 2^x.
#[inline]
pub fn exp2(x: f64) -> f64 {
    libm::exp2(x)
}

/// x^y.
#[inline]
pub fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[inline]
pub fn sqrt(x: f64) -> f64 {
    x.sqrt()
}

#[inline]
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
}

#[inline]
pub fn floor(x: f64) -> f64 {
    x.floor()
}

#[inline]
pub fn round(x: f64) -> f64 {
    x.round()
}

/// The smaller of two numbers (never NaN in the engine). `f64::min` becomes a library call
/// under the size-optimised release profile; this stays a comparison.
#[inline(always)]
pub fn min(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// The larger of two numbers (never NaN in the engine); see [`min`].
#[inline(always)]
pub fn max(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// The probability of at least one event in a day for a hazard `rate` per day: 1 − e^(−rate),
/// computed without cancellation for small rates.
#[inline]
pub fn prob_from_rate(rate: f64) -> f64 {
    if rate <= 0.0 {
        0.0
    } else {
        -libm::expm1(-rate)
    }
}

/// Standard normal cumulative distribution Φ(x).
#[inline]
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x * std::f64::consts::FRAC_1_SQRT_2)
}

/// Cumulative distribution of a log-normal with the given median and log-scale σ, at `x`.
#[inline]
pub fn lognormal_cdf(x: f64, median: f64, sigma: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        normal_cdf(ln(x / median) / sigma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-15);
        assert!((normal_cdf(1.96) - 0.975_002_1).abs() < 1e-6);
        assert!((prob_from_rate(1e-12) - 1e-12).abs() < 1e-24);
        assert_eq!(prob_from_rate(0.0), 0.0);
        assert!((lognormal_cdf(30.0, 30.0, 1.0) - 0.5).abs() < 1e-15);
        assert_eq!(lognormal_cdf(0.0, 30.0, 1.0), 0.0);
    }

    /// The platform's exact operations give libm's bits (which the engine used before):
    /// random doubles of every magnitude, and halves and near-halves for `round`.
    #[test]
    fn exact_operations_match_libm() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            let h = f64::from(i) / 2.0 - 1_000.0;
            for v in [x, x.abs(), h, h + 1e-9, h - 1e-9] {
                let same =
                    |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
                assert!(same(sqrt(v), libm::sqrt(v)), "sqrt {v:e}");
                assert!(same(floor(v), libm::floor(v)), "floor {v:e}");
                assert!(same(round(v), libm::round(v)), "round {v:e}");
            }
        }
    }
}
