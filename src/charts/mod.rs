//! The page's charts, drawn with plotters on any backend: the browser's `<canvas>` on the
//! page, SVG in the native tests. No DOM here.
//!
//! Each chart is first built as a [`Figure`] (plain data: series, axes, markers, in the
//! reader's language and units), then drawn by [`draw`]. The same figure answers the hover
//! tooltip ([`hover`]), so what the tooltip says is what the line shows.

mod describe;
mod figure;
mod marks;
mod style;
mod thin;

pub mod districts;
mod fiscal;
mod gdp_retail;
mod infections;
mod jobs_smes;
mod projects;
mod sectors;
mod stringency;

pub use describe::{DataTable, TableRow, TABLE_STEP_DAYS};
pub use figure::{
    Figure, Heatmap, HoverRow, LineChart, Marker, PlotFrame, Series, SeriesBand, Stroke,
};
pub use style::{sequential, Rgb};
pub use thin::thin_path;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::Scenario;
use crate::sim::ensemble::Bands;
use crate::sim::Outcome;

/// The error of drawing on backend `DB`.
pub type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// The charts of the results panel, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    Infections,
    GdpRetail,
    Sectors,
    Projects,
    JobsSmes,
    Fiscal,
    Stringency,
}

impl ChartId {
    pub const ALL: [ChartId; 7] = [
        ChartId::Infections,
        ChartId::GdpRetail,
        ChartId::Sectors,
        ChartId::Projects,
        ChartId::JobsSmes,
        ChartId::Fiscal,
        ChartId::Stringency,
    ];

    /// The id in `data-testid="chart-<key>"`.
    pub fn key(self) -> &'static str {
        match self {
            ChartId::Infections => "infections",
            ChartId::GdpRetail => "gdp_retail",
            ChartId::Sectors => "sectors",
            ChartId::Projects => "projects",
            ChartId::JobsSmes => "jobs_smes",
            ChartId::Fiscal => "fiscal",
            ChartId::Stringency => "stringency",
        }
    }

    pub fn title(self) -> Text {
        match self {
            ChartId::Infections => Text::ChartInfections,
            ChartId::GdpRetail => Text::ChartGdpRetail,
            ChartId::Sectors => Text::ChartSectors,
            ChartId::Projects => Text::ChartProjects,
            ChartId::JobsSmes => Text::ChartJobsSmes,
            ChartId::Fiscal => Text::ChartFiscal,
            ChartId::Stringency => Text::ChartStringency,
        }
    }
}

/// The figure of one chart for a run, in `lang`.
pub fn figure(id: ChartId, outcome: &Outcome, scenario: &Scenario, lang: Lang) -> Figure {
    match id {
        ChartId::Infections => Figure::Lines(infections::build(outcome, lang)),
        ChartId::GdpRetail => Figure::Lines(gdp_retail::build(outcome, lang)),
        ChartId::Sectors => Figure::Lines(sectors::build(outcome, lang)),
        ChartId::Projects => Figure::Lines(projects::build(outcome, scenario, lang)),
        ChartId::JobsSmes => Figure::Lines(jobs_smes::build(outcome, lang)),
        ChartId::Fiscal => Figure::Lines(fiscal::build(outcome, lang)),
        ChartId::Stringency => Figure::Heat(stringency::build(outcome, lang)),
    }
}

/// Draws chart `id` of a run into `area`. `scale` multiplies every size (the device pixel
/// ratio on the page, 1 in tests). Returns where the plot landed, to map a pointer to a day.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    id: ChartId,
    outcome: &Outcome,
    scenario: &Scenario,
    lang: Lang,
    scale: f64,
) -> Result<PlotFrame, DrawError<DB>> {
    figure(id, outcome, scenario, lang).draw(area, lang, scale)
}

/// The date and the values of chart `id` on day `day`, for the tooltip.
pub fn hover(
    id: ChartId,
    outcome: &Outcome,
    scenario: &Scenario,
    lang: Lang,
    day: usize,
) -> (String, Vec<HoverRow>) {
    let figure = figure(id, outcome, scenario, lang);
    (figure.hover_title(lang, day), figure.hover(lang, day))
}

/// Puts an ensemble's bands behind every line of `figure` that draws a banded city indicator
/// (see [`Series::band_of`]); `label` is the legend's entry. Heatmaps stay as they are.
pub fn attach_bands(figure: &mut Figure, bands: &Bands, label: &str) {
    let Figure::Lines(chart) = figure else {
        return;
    };
    if bands.days != chart.days || bands.start != chart.start || bands.runs == 0 {
        return;
    }
    for s in &mut chart.series {
        let Some((indicator, factor)) = s.band_source else {
            continue;
        };
        let at = |q: usize| {
            bands
                .band(indicator, q)
                .map(|v| v.iter().map(|x| x * factor).collect::<Vec<f64>>())
        };
        if let (Some(p5), Some(p25), Some(p75), Some(p95)) = (at(0), at(1), at(3), at(4)) {
            s.band = Some(SeriesBand {
                p5,
                p25,
                p75,
                p95,
                label: label.to_string(),
                opacity: 1.0,
            });
        }
    }
}
