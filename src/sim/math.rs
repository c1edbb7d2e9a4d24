//! Portable transcendental functions. Every `exp`, `ln`, `pow`, `erf`… of the engine goes
//! through here, to the `libm` crate, never to `f64::exp` and friends: those call the platform's
//! math library natively but a Rust port on wasm32 and can differ in the last bit, which would
//! break "same scenario, same seed → same numbers on every platform".
//!
//! Only correctly rounded IEEE operations (+, −, ×, ÷, `min`, `max`, `abs`, comparisons) are
//! used directly elsewhere; `sqrt`, `floor` and `round` also go through `libm` for uniformity.

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
    libm::sqrt(x)
}

#[inline]
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
}

#[inline]
pub fn floor(x: f64) -> f64 {
    libm::floor(x)
}

#[inline]
pub fn round(x: f64) -> f64 {
    libm::round(x)
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
}
