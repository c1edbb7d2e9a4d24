//! GDP and retail sales per day against the no-outbreak baseline, citywide.

use super::figure::{Axis, LineChart, Series, Stroke};
use super::style::{BLUE, ORANGE};
use crate::i18n::{Lang, Quantity, Text};
use crate::sim::{Area, Indicator, Outcome};

pub fn build(outcome: &Outcome, lang: Lang) -> LineChart {
    let city = |i| outcome.series(i, Area::City).to_vec();
    let t = |text: Text| text.get(lang);
    LineChart {
        start: outcome.start,
        days: outcome.days(),
        series: vec![
            Series::new(t(Text::Gdp), BLUE, city(Indicator::Gdp), Quantity::Yuan)
                .relative_to(1)
                .band_of(Indicator::Gdp, 1.0),
            Series::new(
                t(Text::GdpBaseline),
                BLUE,
                city(Indicator::GdpBaseline),
                Quantity::Yuan,
            )
            .stroke(Stroke::Dashed),
            Series::new(
                t(Text::Retail),
                ORANGE,
                city(Indicator::RetailSales),
                Quantity::Yuan,
            )
            .relative_to(3)
            .band_of(Indicator::RetailSales, 1.0),
            Series::new(
                t(Text::RetailBaseline),
                ORANGE,
                city(Indicator::RetailBaseline),
                Quantity::Yuan,
            )
            .stroke(Stroke::Dashed),
        ],
        left: Axis::new(t(Text::DailyValue), Quantity::Yuan),
        right: None,
        markers: vec![],
    }
}
