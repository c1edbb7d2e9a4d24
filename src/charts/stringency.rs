//! Stringency (0–100, OxCGRT method) of each district, day by day, as a heatmap.

use super::figure::{HeatRow, Heatmap};
use crate::i18n::{Lang, Text};
use crate::scenario::DISTRICTS;
use crate::sim::{Area, Indicator, Outcome};

pub fn build(outcome: &Outcome, lang: Lang) -> Heatmap {
    Heatmap {
        start: outcome.start,
        days: outcome.days(),
        rows: DISTRICTS
            .iter()
            .map(|&d| HeatRow {
                label: lang.pick(d.name_zh(), d.name_en()).to_string(),
                values: outcome
                    .series(Indicator::Stringency, Area::District(d))
                    .to_vec(),
            })
            .collect(),
        max: 100.0,
        scale_label: Text::Stringency.get(lang).to_string(),
    }
}
