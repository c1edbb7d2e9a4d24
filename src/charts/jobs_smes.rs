//! Employment (left axis) and the share of small firms open (right axis), citywide.

use super::figure::{Axis, LineChart, Series};
use super::style::{GREEN, RED};
use crate::i18n::{Lang, Quantity, Text};
use crate::sim::{Area, Indicator, Outcome};

pub fn build(outcome: &Outcome, lang: Lang) -> LineChart {
    let city = |i| outcome.series(i, Area::City).to_vec();
    let t = |text: Text| text.get(lang);
    LineChart {
        start: outcome.start,
        days: outcome.days(),
        series: vec![
            Series::new(
                t(Text::Employment),
                GREEN,
                city(Indicator::Employment),
                Quantity::People,
            )
            .band_of(Indicator::Employment, 1.0),
            Series::new(
                t(Text::SmesOpen),
                RED,
                city(Indicator::SmesOpenPct),
                Quantity::Percent,
            )
            .on_right()
            .band_of(Indicator::SmesOpenPct, 1.0),
        ],
        left: Axis::new(t(Text::Employment), Quantity::People).hugging(0.03),
        right: Some(Axis::new(t(Text::SmesOpenAxis), Quantity::Index).hugging(0.05)),
        markers: vec![],
    }
}
