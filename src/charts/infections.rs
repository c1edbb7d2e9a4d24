//! Infections and isolation: new infections, cases found, active infections and people in
//! isolation, citywide.

use super::figure::{Axis, LineChart, Series, Stroke};
use super::style::{BLUE, ORANGE, RED, TEAL};
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
                t(Text::IsolatedPeople),
                TEAL,
                city(Indicator::Isolated),
                Quantity::People,
            )
            .band_of(Indicator::Isolated, 1.0)
            .stroke(Stroke::Area),
            Series::new(
                t(Text::ActiveInfections),
                RED,
                city(Indicator::ActiveInfections),
                Quantity::People,
            )
            .band_of(Indicator::ActiveInfections, 1.0),
            Series::new(
                t(Text::NewInfections),
                ORANGE,
                city(Indicator::NewInfections),
                Quantity::People,
            )
            .band_of(Indicator::NewInfections, 1.0),
            Series::new(
                t(Text::DetectedDaily),
                BLUE,
                city(Indicator::DetectedNew),
                Quantity::People,
            )
            .band_of(Indicator::DetectedNew, 1.0),
        ],
        left: Axis::new(t(Text::People), Quantity::People),
        right: None,
        markers: vec![],
    }
}
