//! Sectors the article follows — catering, car sales, home sales, online sales — each as an
//! index of its own first week (= 100), so units as different as yuan and homes share an axis.

use super::figure::{Axis, LineChart, Series};
use super::style::{BLUE, GREEN, ORANGE, PURPLE};
use crate::i18n::{Lang, Quantity, Text};
use crate::sim::{Area, Indicator, Outcome};

/// Days averaged for the index base.
const BASE_DAYS: usize = 7;

/// `values` as an index of their mean over the first week; all 100 if that mean is zero.
fn index(values: &[f64]) -> Vec<f64> {
    let n = values.len().clamp(1, BASE_DAYS);
    let base = values.iter().take(n).sum::<f64>() / n as f64;
    if base.abs() > 0.0 && base.is_finite() {
        values.iter().map(|v| v / base * 100.0).collect()
    } else {
        vec![100.0; values.len()]
    }
}

/// What turns `values` into their index: 100 ÷ their first week's mean (`None` if that is 0).
fn factor(values: &[f64]) -> Option<f64> {
    let n = values.len().clamp(1, BASE_DAYS);
    let base = values.iter().take(n).sum::<f64>() / n as f64;
    (base.abs() > 0.0 && base.is_finite()).then(|| 100.0 / base)
}

pub fn build(outcome: &Outcome, lang: Lang) -> LineChart {
    let series = |text: Text, color, indicator, quantity| {
        let values = outcome.series(indicator, Area::City);
        let series = Series::new(text.get(lang), color, index(values), Quantity::Index)
            .with_raw(values.to_vec(), quantity);
        // The band of the runs, on the index of this (deterministic) run's first week.
        match factor(values) {
            Some(f) => series.band_of(indicator, f),
            None => series,
        }
    };
    LineChart {
        start: outcome.start,
        days: outcome.days(),
        series: vec![
            series(Text::Catering, ORANGE, Indicator::Catering, Quantity::Yuan),
            series(Text::Cars, BLUE, Indicator::CarSalesUnits, Quantity::Cars),
            series(
                Text::Homes,
                GREEN,
                Indicator::HomeSalesUnits,
                Quantity::Homes,
            ),
            series(
                Text::OnlineSales,
                PURPLE,
                Indicator::OnlineSales,
                Quantity::Yuan,
            ),
        ],
        left: Axis::new(Text::IndexJan.get(lang), Quantity::Index),
        right: None,
        markers: vec![],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn index_of_first_week() {
        let v = [2.0; 10];
        assert_eq!(super::index(&v), vec![100.0; 10]);
        assert_eq!(super::index(&[0.0, 0.0]), vec![100.0, 100.0]);
    }
}
