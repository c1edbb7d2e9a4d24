//! A/B comparison on the page: the figures of both scenarios on the same chart, and the
//! difference chart (B − A, city, per day) of a chosen indicator.
//!
//! Built from the chart modules' public figures (`charts::figure`), so the drawing code stays
//! the one in `charts`: B's lines are dashed (A's solid) and every label says "A" or "B", so
//! the two are told apart without colour.

use plotters::style::RGBColor;

use crate::charts::{self, ChartId, Figure, LineChart, Series, Stroke};
use crate::i18n::{Lang, Quantity, Text};
use crate::scenario::Scenario;
use crate::sim::{Area, Indicator, Outcome};

/// A chart of the results panel, or the difference chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Chart(ChartId),
    /// B − A of one indicator, city.
    Diff(Indicator),
}

impl ChartKind {
    /// The id in `data-testid="chart-<key>"` and `png-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Chart(id) => id.key(),
            ChartKind::Diff(_) => "diff",
        }
    }

    pub fn title(self, lang: Lang) -> String {
        match self {
            ChartKind::Chart(id) => id.title().get(lang).to_string(),
            ChartKind::Diff(ind) => format!(
                "{} · {}",
                Text::DiffHeading.get(lang),
                diff_label(ind)
                    .map(|(t, _)| t.get(lang))
                    .unwrap_or(ind.key())
            ),
        }
    }
}

/// The indicators offered for the difference chart, with their label and unit.
pub const DIFF_INDICATORS: [(Indicator, Text, Quantity); 16] = [
    (Indicator::Gdp, Text::Gdp, Quantity::Yuan),
    (Indicator::RetailSales, Text::Retail, Quantity::Yuan),
    (Indicator::Catering, Text::Catering, Quantity::Yuan),
    (Indicator::OnlineSales, Text::OnlineSales, Quantity::Yuan),
    (Indicator::CarSalesUnits, Text::Cars, Quantity::Cars),
    (Indicator::HomeSalesUnits, Text::Homes, Quantity::Homes),
    (Indicator::Employment, Text::Employment, Quantity::People),
    (Indicator::SmesOpenPct, Text::SmesOpen, Quantity::Percent),
    (
        Indicator::FaiCompletedPct,
        Text::FaiActual,
        Quantity::Percent,
    ),
    (
        Indicator::ProjectsStarted,
        Text::ProjectsStartedSeries,
        Quantity::Projects,
    ),
    (
        Indicator::FiscalCostCumulative,
        Text::FiscalCumulative,
        Quantity::Yuan,
    ),
    (
        Indicator::NewInfections,
        Text::NewInfections,
        Quantity::People,
    ),
    (
        Indicator::ActiveInfections,
        Text::ActiveInfections,
        Quantity::People,
    ),
    (
        Indicator::DetectedNew,
        Text::DetectedDaily,
        Quantity::People,
    ),
    (Indicator::Isolated, Text::IsolatedPeople, Quantity::People),
    (Indicator::Stringency, Text::Stringency, Quantity::Index),
];

/// Label and unit of a difference-chart indicator.
pub fn diff_label(ind: Indicator) -> Option<(Text, Quantity)> {
    DIFF_INDICATORS
        .iter()
        .find(|(i, _, _)| *i == ind)
        .map(|&(_, t, q)| (t, q))
}

/// The colour of the difference line (the page's accent blue).
const DIFF_COLOR: RGBColor = RGBColor(29, 95, 168);

/// One scenario's run, as the charts need it.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    pub outcome: &'a Outcome,
    pub scenario: &'a Scenario,
}

/// The figure of `kind`: A alone, or A with B over it; the difference chart needs B.
pub fn figure(kind: ChartKind, a: Run, b: Option<Run>, lang: Lang) -> Figure {
    match kind {
        ChartKind::Chart(id) => {
            let fa = charts::figure(id, a.outcome, a.scenario, lang);
            match b {
                Some(b) => overlay(fa, charts::figure(id, b.outcome, b.scenario, lang)),
                None => fa,
            }
        }
        ChartKind::Diff(ind) => Figure::Lines(diff_chart(ind, a, b.map(|b| b.outcome), lang)),
    }
}

/// B's value on each of A's days (by date), so runs with different spans line up; days B
/// does not cover repeat its nearest value.
fn aligned(a: &Outcome, b: &Outcome, values: &[f64]) -> Vec<f64> {
    if b.days() == 0 {
        return vec![0.0; a.days()];
    }
    (0..a.days())
        .map(|i| {
            let date = a.date(i);
            let j = match b.day_of(date) {
                Some(j) => j,
                None if date < b.date(0) => 0,
                None => b.days() - 1,
            };
            values.get(j).copied().unwrap_or(0.0)
        })
        .collect()
}

fn same_span(a: &Figure, b: &Figure) -> bool {
    match (a, b) {
        (Figure::Lines(x), Figure::Lines(y)) => x.start == y.start && x.days == y.days,
        (Figure::Heat(x), Figure::Heat(y)) => x.start == y.start && x.days == y.days,
        _ => false,
    }
}

/// A's series (labelled "A") and B's (labelled "B", dashed) on A's axes. Reference lines
/// (dashed in A: baselines, plans) that B shares are drawn once, unlabelled and greyed, so a
/// dashed line in colour is always B.
pub fn overlay(a: Figure, b: Figure) -> Figure {
    let aligned_spans = same_span(&a, &b);
    match (a, b) {
        (Figure::Lines(mut la), Figure::Lines(lb)) => {
            let n_a = la.series.len();
            let mut shared = vec![false; n_a];
            let mut index_of_b: Vec<usize> = Vec::with_capacity(lb.series.len());
            let mut added: Vec<Series> = Vec::new();
            for (i, mut s) in lb.series.into_iter().enumerate() {
                if !aligned_spans {
                    s.values = resample(&la, &lb.start, &s.values);
                    if let Some(band) = &mut s.band {
                        for v in [&mut band.p5, &mut band.p25, &mut band.p75, &mut band.p95] {
                            *v = resample(&la, &lb.start, v);
                        }
                    }
                }
                let same_as_a = la.series.get(i).is_some_and(|sa| {
                    sa.stroke == Stroke::Dashed
                        && s.stroke == Stroke::Dashed
                        && sa.values == s.values
                });
                if same_as_a {
                    shared[i] = true;
                    index_of_b.push(i);
                    continue;
                }
                index_of_b.push(n_a + added.len());
                s.label = format!("B · {}", s.label);
                s.stroke = Stroke::Dashed;
                added.push(s);
            }
            for (s, shared) in la.series.iter_mut().zip(&shared) {
                if *shared {
                    s.color = greyed(s.color);
                } else {
                    s.label = format!("A · {}", s.label);
                }
            }
            for s in &mut added {
                s.relative_to = s.relative_to.and_then(|r| index_of_b.get(r).copied());
            }
            la.series.extend(added);
            Figure::Lines(la)
        }
        (Figure::Heat(mut ha), Figure::Heat(hb)) => {
            // Each district's A row (its name) right above its B row ("B"): the label column
            // has room for a district's name only.
            let a_rows = std::mem::take(&mut ha.rows);
            for (ra, mut rb) in a_rows.into_iter().zip(hb.rows) {
                rb.label = "B".to_string();
                ha.rows.push(ra);
                ha.rows.push(rb);
            }
            ha.scale_label = format!("{} (A / B)", ha.scale_label);
            Figure::Heat(ha)
        }
        (a, _) => a,
    }
}

/// A colour halfway to grey: a reference line both scenarios share.
fn greyed(c: RGBColor) -> RGBColor {
    let mix = |v: u8| ((v as u16 + 160) / 2) as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// `values` from a chart starting at `start` put on `chart`'s days, nearest day at the ends.
fn resample(chart: &LineChart, start: &crate::scenario::Date, values: &[f64]) -> Vec<f64> {
    if values.is_empty() {
        return vec![0.0; chart.days];
    }
    (0..chart.days)
        .map(|i| {
            let offset = chart.start.add_days(i as i32).days_since(*start);
            let j = offset.clamp(0, values.len() as i32 - 1) as usize;
            values[j]
        })
        .collect()
}

/// B − A of `ind` for the city, on A's days.
pub fn diff_chart(ind: Indicator, run_a: Run, b: Option<&Outcome>, lang: Lang) -> LineChart {
    let (text, quantity) = diff_label(ind).unwrap_or((Text::DailyValue, Quantity::Index));
    let a = run_a.outcome;
    let va = a.series(ind, Area::City);
    let values: Vec<f64> = match b {
        Some(b) => {
            let vb = aligned(a, b, b.series(ind, Area::City));
            va.iter().zip(vb).map(|(x, y)| y - x).collect()
        }
        None => vec![0.0; va.len()],
    };
    let label = format!("B − A · {}", text.get(lang));
    let axis_title = text.get(lang).to_string();
    // The axis type is not exported by `charts`; its fields are. Start from the fiscal
    // chart's left axis (zero-based, in yuan) and set what differs.
    let mut chart = match charts::figure(ChartId::Fiscal, a, run_a.scenario, lang) {
        Figure::Lines(c) => c,
        Figure::Heat(_) => unreachable!("the fiscal chart is a line chart"),
    };
    chart.left.title = axis_title;
    chart.left.quantity = quantity;
    chart.left.zero_based = true;
    chart.left.fixed = None;
    chart.left.min_span = 0.0;
    chart.right = None;
    chart.markers.clear();
    chart.series = vec![Series::new(label, DIFF_COLOR, values, quantity)];
    chart
}
