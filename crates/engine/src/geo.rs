//! Where the districts are and how much each produces: approximate county-seat positions (for
//! the gravity rule of cross-district contacts) and each district's share of the city's GDP.
//! Both are documented in MODEL.md ("Geography").

// Loops over district, sector and variant indices mirror the equations in MODEL.md.
#![allow(clippy::needless_range_loop)]

use super::math;
use crate::scenario::{District, DISTRICTS, DISTRICT_COUNT};

const N: usize = DISTRICT_COUNT;

/// Approximate position of each county seat (latitude °N, longitude °E), read off a map to about
/// 0.05°; only used as a distance proxy for the gravity rule.
pub fn seat(d: District) -> (f64, f64) {
    match d {
        District::Yuci => (37.70, 112.71),
        District::Taigu => (37.42, 112.55),
        District::Qi => (37.36, 112.34),
        District::Pingyao => (37.19, 112.18),
        District::Lingshi => (36.85, 111.78),
        District::Jiexiu => (37.03, 111.92),
        District::Shouyang => (37.89, 113.18),
        District::Xiyang => (37.61, 113.71),
        District::Heshun => (37.33, 113.57),
        District::Zuoquan => (37.08, 113.38),
        District::Yushe => (37.07, 112.98),
    }
}

/// Kilometres per degree of latitude.
const KM_PER_DEG_LAT: f64 = 111.2;
/// Kilometres per degree of longitude at 37.4°N (111.2 × cos 37.4°).
const KM_PER_DEG_LON: f64 = 88.3;

/// Straight-line distance between two county seats, km.
pub fn distance_km(a: District, b: District) -> f64 {
    let (la, oa) = seat(a);
    let (lb, ob) = seat(b);
    let dy = (la - lb) * KM_PER_DEG_LAT;
    let dx = (oa - ob) * KM_PER_DEG_LON;
    math::sqrt(dx * dx + dy * dy)
}

/// Taigu's GDP in 2022, yuan (sourced).
pub const TAIGU_GDP_2022_YUAN: f64 = 123.0e8;
/// Jiexiu's GDP in 2022, yuan (sourced).
pub const JIEXIU_GDP_2022_YUAN: f64 = 385.5e8;
/// The city's 2022 GDP the shares are taken against: 2021's 1843.4亿元 grown 5% (the default
/// baseline), since the 2022 city figure is not among the sources.
pub const CITY_GDP_2022_REFERENCE_YUAN: f64 = 1843.4e8 * 1.05;

/// Each district's share of the city's GDP: Taigu and Jiexiu from their sourced 2022 GDP, the
/// other nine share the rest in proportion to their population.
pub fn gdp_shares() -> [f64; N] {
    let taigu = TAIGU_GDP_2022_YUAN / CITY_GDP_2022_REFERENCE_YUAN;
    let jiexiu = JIEXIU_GDP_2022_YUAN / CITY_GDP_2022_REFERENCE_YUAN;
    let rest_pop: f64 = DISTRICTS
        .iter()
        .filter(|d| !matches!(d, District::Taigu | District::Jiexiu))
        .map(|d| d.population())
        .sum();
    let mut s = [0.0; N];
    for d in DISTRICTS {
        s[d.index()] = match d {
            District::Taigu => taigu,
            District::Jiexiu => jiexiu,
            _ => (1.0 - taigu - jiexiu) * d.population() / rest_pop,
        };
    }
    s
}

/// The contact matrix M: `m[i][j]` is the share of district i's residents' contacts that are
/// with residents of district j; every row sums to 1.
///
/// Contacts between two districts follow a gravity rule, K_ij = g · N_i · N_j / d_ij², which is
/// symmetric, so contacts are reciprocal (N_i·M_ij = N_j·M_ji). The constant g is set so that
/// the population-weighted mean share of contacts outside the home district equals
/// `outside_share`; the rest of each row is contacts at home.
pub fn mixing_matrix(outside_share: f64) -> [[f64; N]; N] {
    let pop: [f64; N] = std::array::from_fn(|i| DISTRICTS[i].population());
    let total: f64 = pop.iter().sum();
    let mut k = [[0.0; N]; N];
    let mut cross = 0.0;
    for i in 0..N {
        for j in 0..N {
            if i != j {
                let d = distance_km(DISTRICTS[i], DISTRICTS[j]);
                k[i][j] = pop[i] * pop[j] / (d * d);
                cross += k[i][j];
            }
        }
    }
    let g = outside_share * total / cross;
    let mut m = [[0.0; N]; N];
    for i in 0..N {
        let mut out = 0.0;
        for j in 0..N {
            if i != j {
                m[i][j] = g * k[i][j] / pop[i];
                out += m[i][j];
            }
        }
        m[i][i] = 1.0 - out;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdp_shares_add_to_one() {
        let s = gdp_shares();
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(s.iter().all(|&x| x > 0.0));
    }

    #[test]
    fn mixing_rows_sum_to_one_and_are_reciprocal() {
        for share in [0.03, 0.08, 0.2] {
            let m = mixing_matrix(share);
            let mut mean_out = 0.0;
            for i in 0..N {
                let row: f64 = m[i].iter().sum();
                assert!((row - 1.0).abs() < 1e-12);
                assert!(m[i][i] > 0.4, "home share of {i} at {share}: {}", m[i][i]);
                mean_out += (1.0 - m[i][i]) * DISTRICTS[i].population();
                for j in 0..N {
                    let a = DISTRICTS[i].population() * m[i][j];
                    let b = DISTRICTS[j].population() * m[j][i];
                    assert!((a - b).abs() < 1e-6 * a.max(1.0));
                }
            }
            mean_out /= crate::scenario::district::city_population();
            assert!((mean_out - share).abs() < 1e-12);
        }
    }
}
