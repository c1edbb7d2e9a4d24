//! Cumulative policy spending: vouchers, subsidies, relief and testing.

use super::figure::{Axis, LineChart, Series, Stroke};
use super::style::PURPLE;
use crate::i18n::{Lang, Quantity, Text};
use crate::sim::{Area, Indicator, Outcome};

pub fn build(outcome: &Outcome, lang: Lang) -> LineChart {
    let label = Text::FiscalCumulative.get(lang);
    LineChart {
        start: outcome.start,
        days: outcome.days(),
        series: vec![Series::new(
            label,
            PURPLE,
            outcome
                .series(Indicator::FiscalCostCumulative, Area::City)
                .to_vec(),
            Quantity::Yuan,
        )
        .stroke(Stroke::Area)
        .band_of(Indicator::FiscalCostCumulative, 1.0)],
        left: Axis::new(label, Quantity::Yuan),
        right: None,
        markers: vec![],
    }
}
