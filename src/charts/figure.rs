//! A chart as plain data — series over days, axes with their units, markers — and how it is
//! drawn. Every chart of the page is either a [`LineChart`] or a [`Heatmap`].

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::marks;
use super::style::{self, font, px, rgb, LegendItem, MarkedBase, Rgb, Swatch};
use super::DrawError;
use crate::i18n::{self, fmt_date, fmt_month, Lang, Quantity};
use crate::scenario::Date;
use crate::sim::Indicator;

/// How a series is stroked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    /// For plans and counterfactual baselines.
    Dashed,
    /// Filled down to zero, with a solid top line.
    Area,
}

/// One daily series.
#[derive(Clone, Debug)]
pub struct Series {
    pub label: String,
    pub color: RGBColor,
    /// One value a day, in the base unit of `quantity` (yuan, people, %).
    pub values: Vec<f64>,
    pub quantity: Quantity,
    pub stroke: Stroke,
    /// Drawn against the right-hand axis.
    pub right: bool,
    /// In the tooltip, also show this series as a % of the series at this index.
    pub relative_to: Option<usize>,
    /// In the tooltip, also show these values (what an index is an index of).
    pub raw: Option<(Vec<f64>, Quantity)>,
    /// The city indicator this line draws, and the factor from it to `values` (1, or 100 ÷
    /// the index base): which ensemble band goes behind it.
    pub band_source: Option<(Indicator, f64)>,
    /// Uncertainty bands behind the line, in the unit of `values`.
    pub band: Option<SeriesBand>,
}

/// The spread of a line over an ensemble's runs: the 5–95% and 25–75% ranges, a value a day.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesBand {
    pub p5: Vec<f64>,
    pub p25: Vec<f64>,
    pub p75: Vec<f64>,
    pub p95: Vec<f64>,
    /// The legend's entry for the bands ("5–95% and 25–75% of 200 runs").
    pub label: String,
    /// × the areas' usual opacity (1; less when two scenarios' bands are drawn together).
    pub opacity: f64,
}

impl Series {
    pub fn new(label: impl Into<String>, color: RGBColor, values: Vec<f64>, q: Quantity) -> Self {
        Series {
            label: label.into(),
            color,
            values,
            quantity: q,
            stroke: Stroke::Solid,
            right: false,
            relative_to: None,
            raw: None,
            band_source: None,
            band: None,
        }
    }

    /// This line is the city series of `indicator` times `factor`.
    pub fn band_of(mut self, indicator: Indicator, factor: f64) -> Self {
        self.band_source = Some((indicator, factor));
        self
    }

    pub fn stroke(mut self, stroke: Stroke) -> Self {
        self.stroke = stroke;
        self
    }

    pub fn on_right(mut self) -> Self {
        self.right = true;
        self
    }

    pub fn relative_to(mut self, index: usize) -> Self {
        self.relative_to = Some(index);
        self
    }

    pub fn with_raw(mut self, values: Vec<f64>, quantity: Quantity) -> Self {
        self.raw = Some((values, quantity));
        self
    }
}

/// A y axis: its title (the unit is added when drawn) and how its range is chosen.
#[derive(Clone, Debug)]
pub struct Axis {
    pub title: String,
    /// Sets the unit words and the 万/亿 (thousand/million) scaling of the tick labels.
    pub quantity: Quantity,
    /// Start at zero; otherwise the range hugs the data (for levels that move a few %).
    pub zero_based: bool,
    /// A fixed range in the base unit, e.g. 0–100 for shares.
    pub fixed: Option<(f64, f64)>,
    /// For a hugging axis, the least span shown, as a share of the largest value: a fall of
    /// 0.01% must not fill the chart.
    pub min_span: f64,
}

impl Axis {
    pub fn new(title: impl Into<String>, quantity: Quantity) -> Self {
        Axis {
            title: title.into(),
            quantity,
            zero_based: true,
            fixed: None,
            min_span: 0.0,
        }
    }

    /// The range hugs the data, spanning at least `min_span` × the largest value.
    pub fn hugging(mut self, min_span: f64) -> Self {
        self.zero_based = false;
        self.min_span = min_span;
        self
    }

    pub fn fixed(mut self, lo: f64, hi: f64) -> Self {
        self.fixed = Some((lo, hi));
        self
    }
}

/// A labelled point, such as the article's 19.8% by 30 April.
#[derive(Clone, Debug)]
pub struct Marker {
    pub day: i32,
    /// In the base unit of the left axis.
    pub value: f64,
    pub label: String,
    pub color: RGBColor,
}

/// Daily series on a time axis, with a left and optionally a right y axis.
#[derive(Clone, Debug)]
pub struct LineChart {
    pub start: Date,
    pub days: usize,
    pub series: Vec<Series>,
    pub left: Axis,
    pub right: Option<Axis>,
    pub markers: Vec<Marker>,
}

/// One row of a heatmap: a label and a value a day.
#[derive(Clone, Debug)]
pub struct HeatRow {
    pub label: String,
    pub values: Vec<f64>,
}

/// Rows of daily values coloured on a 0–`max` scale (stringency by district).
#[derive(Clone, Debug)]
pub struct Heatmap {
    pub start: Date,
    pub days: usize,
    pub rows: Vec<HeatRow>,
    pub max: f64,
    pub scale_label: String,
}

/// A chart ready to draw.
#[derive(Clone, Debug)]
pub enum Figure {
    Lines(LineChart),
    Heat(Heatmap),
}

/// Where the plot landed, in backend pixels: maps a pointer's x to a day.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotFrame {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub days: usize,
    /// Days are cells [d, d+1) (heatmap) rather than points at d (lines).
    pub cells: bool,
}

impl PlotFrame {
    /// The day under pixel column `x`, or `None` outside the plot.
    pub fn day_at(&self, x: f64) -> Option<usize> {
        let (l, r) = (self.left as f64, self.right as f64);
        if self.days == 0 || r <= l || x < l - 2.0 || x > r + 2.0 {
            return None;
        }
        let f = ((x - l) / (r - l)).clamp(0.0, 1.0);
        let day = if self.cells {
            (f * self.days as f64).floor()
        } else {
            (f * (self.days - 1) as f64).round()
        };
        Some((day as usize).min(self.days - 1))
    }

    /// The pixel column of day `day` (its centre for cells).
    pub fn x_of(&self, day: usize) -> f64 {
        let (l, r) = (self.left as f64, self.right as f64);
        if self.cells {
            l + (day as f64 + 0.5) / self.days.max(1) as f64 * (r - l)
        } else {
            l + day as f64 / (self.days.max(2) - 1) as f64 * (r - l)
        }
    }
}

/// One line of the tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct HoverRow {
    pub label: String,
    pub value: String,
    pub color: Rgb,
}

// Helpers

/// Day indices of the first of each month inside the run, every `step` months.
fn month_ticks(start: Date, days: usize, step: usize) -> Vec<i32> {
    (0..days as i32)
        .filter(|&i| start.add_days(i).to_ymd().2 == 1)
        .enumerate()
        .filter(|(n, _)| n % step == 0)
        .map(|(_, i)| i)
        .collect()
}

/// A y range with some headroom: from zero or hugging the data.
fn y_range(values: impl Iterator<Item = f64>, zero_based: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if zero_based {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let span = hi - lo;
    if span <= hi.abs() * 1e-9 || span == 0.0 {
        // A flat line: give it room around its value.
        let pad = if hi.abs() > 0.0 { hi.abs() * 0.05 } else { 1.0 };
        return if zero_based && lo >= 0.0 {
            (0.0, hi + pad)
        } else {
            (lo - pad, hi + pad)
        };
    }
    let pad = span * 0.08;
    let lo = if zero_based && lo >= 0.0 {
        lo
    } else {
        lo - pad
    };
    (lo, hi + pad)
}

/// The two areas of a band, outer (5–95%) then inner (25–75%), as closed outlines over the
/// first `shown` days in the coordinates `to_axis` gives, with their opacity.
fn band_polygons(
    b: &SeriesBand,
    shown: usize,
    to_axis: &dyn Fn(f64) -> f64,
) -> [(Vec<(i32, f64)>, f64); 2] {
    let outline = |lo: &[f64], hi: &[f64]| {
        let (lo, hi) = (&lo[..lo.len().min(shown)], &hi[..hi.len().min(shown)]);
        let point = |(i, v): (usize, &f64)| (i as i32, to_axis(*v));
        let mut out: Vec<(i32, f64)> = lo.iter().enumerate().map(point).collect();
        out.extend(hi.iter().enumerate().rev().map(point));
        out.retain(|p| p.1.is_finite());
        out
    };
    [
        (outline(&b.p5, &b.p95), 0.13 * b.opacity),
        (outline(&b.p25, &b.p75), 0.22 * b.opacity),
    ]
}

fn axis_caption(lang: Lang, title: &str, unit: &str) -> String {
    if unit.is_empty() {
        title.to_string()
    } else if title.is_empty() {
        unit.to_string()
    } else {
        match lang {
            Lang::Zh => format!("{title}（{unit}）"),
            Lang::En => format!("{title} ({unit})"),
        }
    }
}

impl Figure {
    pub fn start(&self) -> Date {
        match self {
            Figure::Lines(c) => c.start,
            Figure::Heat(h) => h.start,
        }
    }

    /// The tooltip's heading: the date of `day`.
    pub fn hover_title(&self, lang: Lang, day: usize) -> String {
        fmt_date(lang, self.start().add_days(day as i32))
    }

    /// The tooltip's rows on `day`.
    pub fn hover(&self, lang: Lang, day: usize) -> Vec<HoverRow> {
        match self {
            Figure::Lines(c) => c
                .series
                .iter()
                .map(|s| {
                    let v = s.values.get(day).copied().unwrap_or(f64::NAN);
                    let mut value = i18n::fmt_quantity(lang, s.quantity, v);
                    if let Some(base) = s.relative_to.and_then(|i| c.series.get(i)) {
                        let b = base.values.get(day).copied().unwrap_or(f64::NAN);
                        if b.abs() > 0.0 && v.is_finite() {
                            let pct = (v / b - 1.0) * 100.0;
                            value.push_str(&format!(" ({pct:+.1}%)"));
                        }
                    }
                    if let Some((raw, q)) = &s.raw {
                        let r = raw.get(day).copied().unwrap_or(f64::NAN);
                        value.push_str(&format!(" · {}", i18n::fmt_quantity(lang, *q, r)));
                    }
                    if let Some(b) = &s.band {
                        let at = |v: &[f64]| v.get(day).copied().unwrap_or(f64::NAN);
                        let (lo, hi) = (at(&b.p5), at(&b.p95));
                        if lo.is_finite() && hi.is_finite() {
                            value.push_str(&format!(
                                " [90%: {} – {}]",
                                i18n::fmt_quantity(lang, s.quantity, lo),
                                i18n::fmt_quantity(lang, s.quantity, hi)
                            ));
                        }
                    }
                    HoverRow {
                        label: s.label.clone(),
                        value,
                        color: rgb(s.color),
                    }
                })
                .collect(),
            Figure::Heat(h) => h
                .rows
                .iter()
                .map(|r| {
                    let v = r.values.get(day).copied().unwrap_or(f64::NAN);
                    HoverRow {
                        label: r.label.clone(),
                        value: i18n::fmt_quantity(lang, Quantity::Index, v),
                        color: style::sequential(v / h.max),
                    }
                })
                .collect(),
        }
    }

    /// Draws the figure filling `area`.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
    ) -> Result<PlotFrame, DrawError<DB>> {
        self.draw_until(area, lang, scale, None)
    }

    /// Draws the figure filling `area` with its data up to day `until` only (all of it for
    /// `None`), with a rule on that day. The axes stay those of the whole run, so a chart
    /// played back day by day fills in without its scales moving.
    pub fn draw_until<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
        until: Option<usize>,
    ) -> Result<PlotFrame, DrawError<DB>> {
        area.fill(&WHITE)?;
        match self {
            Figure::Lines(c) => c.draw(area, lang, scale, until),
            Figure::Heat(h) => h.draw(area, lang, scale, until),
        }
    }
}

impl LineChart {
    fn legend(&self) -> Vec<LegendItem> {
        let mut items: Vec<LegendItem> = self
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendItem {
                label: s.label.clone(),
                color: s.color,
                // The line's stroke with the series' mark (src/charts/marks.rs).
                swatch: Swatch::Marked(
                    match s.stroke {
                        Stroke::Solid => MarkedBase::Line,
                        Stroke::Dashed => MarkedBase::Dashed,
                        Stroke::Area => MarkedBase::Block,
                    },
                    marks::mark_for(i),
                ),
            })
            .collect();
        items.extend(self.markers.iter().map(|m| LegendItem {
            label: m.label.clone(),
            color: m.color,
            swatch: Swatch::Dot,
        }));
        if let Some(b) = self.series.iter().find_map(|s| s.band.as_ref()) {
            items.push(LegendItem {
                label: b.label.clone(),
                color: style::GREY,
                swatch: Swatch::Block,
            });
        }
        items
    }

    /// The divisor and caption of an axis over the series drawn against it.
    fn axis_scale(&self, lang: Lang, axis: &Axis, right: bool) -> (f64, String) {
        let max_abs = self
            .series
            .iter()
            .filter(|s| s.right == right)
            .flat_map(|s| s.values.iter())
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        let (divisor, unit) = i18n::axis_unit(lang, axis.quantity, max_abs);
        (divisor, axis_caption(lang, &axis.title, &unit))
    }

    fn range(&self, axis: &Axis, right: bool, divisor: f64) -> (f64, f64) {
        if let Some((lo, hi)) = axis.fixed {
            return (lo / divisor, hi / divisor);
        }
        let markers = self
            .markers
            .iter()
            .filter(|_| !right)
            .map(|m| m.value / divisor);
        let bands = self
            .series
            .iter()
            .filter(|s| s.right == right)
            .filter_map(|s| s.band.as_ref())
            .flat_map(|b| b.p5.iter().chain(&b.p95).map(|v| v / divisor));
        let (lo, hi) = y_range(
            self.series
                .iter()
                .filter(|s| s.right == right)
                .flat_map(|s| s.values.iter().map(|v| v / divisor))
                .chain(markers)
                .chain(bands),
            axis.zero_based,
        );
        // Widen downwards: these axes show levels that fall from a ceiling.
        let least = hi.abs() * axis.min_span;
        if hi - lo < least {
            (hi - least, hi)
        } else {
            (lo, hi)
        }
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
        until: Option<usize>,
    ) -> Result<PlotFrame, DrawError<DB>> {
        // Points drawn per series: days 0..=until.
        let shown = until.map_or(usize::MAX, |d| d.saturating_add(1));
        let legend = self.legend();
        let legend_h = style::legend_height(area, &legend, scale)?;
        let (top, plot_area) = area.split_vertically(legend_h);
        style::draw_legend(&top, &legend, scale)?;

        let last = self.days.saturating_sub(1).max(1) as i32;
        let narrow = (plot_area.dim_in_pixel().0 as f64) / scale < 560.0;
        let ticks = month_ticks(self.start, self.days, if narrow { 2 } else { 1 });
        let x_coord = (0i32..last).with_key_points(ticks);

        let (ldiv, lcaption) = self.axis_scale(lang, &self.left, false);
        let (llo, lhi) = self.range(&self.left, false, ldiv);
        let right = self
            .right
            .as_ref()
            .map(|axis| {
                let (div, caption) = self.axis_scale(lang, axis, true);
                let (lo, hi) = self.range(axis, true, div);
                (div, caption, lo, hi)
            })
            .filter(|_| self.series.iter().any(|s| s.right));

        let mut builder = ChartBuilder::on(&plot_area);
        builder
            .margin_top(px(6.0, scale))
            .margin_left(px(4.0, scale))
            .margin_right(px(if right.is_some() { 4.0 } else { 16.0 }, scale))
            .margin_bottom(px(2.0, scale))
            .x_label_area_size(px(24.0, scale))
            .y_label_area_size(px(62.0, scale));
        if right.is_some() {
            builder.right_y_label_area_size(px(62.0, scale));
        }
        // The secondary coordinate is set before the mesh is drawn: that moves the right label
        // area to it, so the left axis's labels are not repeated on the right. Without a right
        // axis it stays unused.
        let (rlo, rhi) = right.as_ref().map(|r| (r.2, r.3)).unwrap_or((0.0, 1.0));
        let mut chart = builder
            .build_cartesian_2d(x_coord, llo..lhi)?
            .set_secondary_coord(0i32..last, rlo..rhi);

        let start = self.start;
        let x_fmt = |x: &i32| fmt_month(lang, start.add_days(*x));
        let y_fmt = |y: &f64| i18n::tick_for_span(*y, lhi - llo);
        chart
            .configure_mesh()
            .bold_line_style(style::GRID)
            .light_line_style(TRANSPARENT)
            .axis_style(style::AXIS)
            .label_style(font(12.5, scale, style::MUTED))
            .axis_desc_style(font(13.0, scale, style::INK))
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .y_labels(6)
            .y_desc(lcaption)
            .draw()?;

        let line_w = px(2.0, scale).max(1) as u32;
        // Every band behind every line; a right-axis series' band mapped onto the left axis's
        // coordinates (the same place on the plot).
        let to_right = right
            .as_ref()
            .map(|r| (r.0, r.2, r.3))
            .filter(|(_, lo, hi)| hi > lo);
        for s in &self.series {
            let Some(b) = &s.band else {
                continue;
            };
            let left_of = |v: f64| v / ldiv;
            let right_of = |v: f64| match to_right {
                Some((div, lo, hi)) => llo + (v / div - lo) * (lhi - llo) / (hi - lo),
                None => f64::NAN,
            };
            let map: &dyn Fn(f64) -> f64 = if s.right { &right_of } else { &left_of };
            for (poly, alpha) in band_polygons(b, shown, map) {
                chart.draw_series(std::iter::once(Polygon::new(
                    poly,
                    s.color.mix(alpha).filled(),
                )))?;
            }
        }
        for s in self.series.iter().filter(|s| !s.right) {
            let points = s
                .values
                .iter()
                .take(shown)
                .enumerate()
                .map(move |(i, v)| (i as i32, v / ldiv));
            match s.stroke {
                Stroke::Solid => {
                    chart.draw_series(LineSeries::new(points, s.color.stroke_width(line_w)))?;
                }
                Stroke::Dashed => {
                    chart.draw_series(DashedLineSeries::new(
                        points,
                        px(6.0, scale),
                        px(4.0, scale),
                        s.color.stroke_width(line_w),
                    ))?;
                }
                Stroke::Area => {
                    let base = llo.max(0.0);
                    chart.draw_series(
                        AreaSeries::new(points, base, s.color.mix(0.22).filled())
                            .border_style(s.color.stroke_width(line_w)),
                    )?;
                }
            }
        }

        for m in &self.markers {
            let at = (m.day, m.value / ldiv);
            chart.draw_series(std::iter::once(Circle::new(
                at,
                px(5.0, scale),
                m.color.filled(),
            )))?;
            chart.draw_series(std::iter::once(Circle::new(
                at,
                px(8.0, scale),
                m.color.stroke_width(px(1.5, scale).max(1) as u32),
            )))?;
            // The label goes to the right of the point unless that runs off the plot.
            let left_side = (m.day as f64) / (last as f64) < 0.6;
            let anchor = if left_side {
                Pos::new(HPos::Left, VPos::Bottom)
            } else {
                Pos::new(HPos::Right, VPos::Bottom)
            };
            let dx = if left_side { 10.0 } else { -10.0 };
            chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Text::new(
                        m.label.clone(),
                        (px(dx, scale), px(-8.0, scale)),
                        font(13.0, scale, m.color).pos(anchor),
                    ),
            ))?;
        }

        if let Some(day) = until.filter(|&d| d + 1 < self.days) {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(day as i32, llo), (day as i32, lhi)],
                style::MUTED.stroke_width(px(1.0, scale).max(1) as u32),
            )))?;
        }

        let (xr, yr) = chart.plotting_area().get_pixel_range();
        let frame = PlotFrame {
            left: xr.start,
            right: xr.end - 1,
            top: yr.start,
            bottom: yr.end - 1,
            days: self.days,
            cells: false,
        };

        let right_div = right.as_ref().map(|r| r.0);
        if let Some((rdiv, rcaption, rlo, rhi)) = right {
            let r_fmt = |y: &f64| i18n::tick_for_span(*y, rhi - rlo);
            let dual = &mut chart;
            dual.configure_secondary_axes()
                .axis_style(style::AXIS)
                .label_style(font(12.5, scale, style::MUTED))
                .axis_desc_style(font(13.0, scale, style::INK))
                .y_label_formatter(&r_fmt)
                .y_labels(6)
                .y_desc(rcaption)
                .draw()?;
            for s in self.series.iter().filter(|s| s.right) {
                let points = s
                    .values
                    .iter()
                    .take(shown)
                    .enumerate()
                    .map(move |(i, v)| (i as i32, v / rdiv));
                match s.stroke {
                    Stroke::Dashed => {
                        dual.draw_secondary_series(DashedLineSeries::new(
                            points,
                            px(6.0, scale),
                            px(4.0, scale),
                            s.color.stroke_width(line_w),
                        ))?;
                    }
                    Stroke::Solid | Stroke::Area => {
                        dual.draw_secondary_series(LineSeries::new(
                            points,
                            s.color.stroke_width(line_w),
                        ))?;
                    }
                }
            }
        }

        // Each series' mark along its line, so that lines are told apart without colour
        // (src/charts/marks.rs).
        let base = area.get_base_pixel();
        let pixels: Vec<Vec<Option<(i32, i32)>>> = self
            .series
            .iter()
            .map(|s| {
                (0..self.days)
                    .map(|d| {
                        let v = s
                            .values
                            .get(d)
                            .copied()
                            .filter(|v| v.is_finite() && d < shown)?;
                        Some(match right_div.filter(|_| s.right) {
                            Some(div) => {
                                chart.borrow_secondary().backend_coord(&(d as i32, v / div))
                            }
                            None => chart.backend_coord(&(d as i32, v / ldiv)),
                        })
                    })
                    .collect()
            })
            .collect();
        let per_line = marks::marks_per_line((frame.right - frame.left) as f64 / scale);
        let placed = marks::place(&pixels, per_line, px(6.0, scale));
        for (i, (s, days)) in self.series.iter().zip(placed).enumerate() {
            for d in days {
                if let Some((x, y)) = pixels[i][d] {
                    let at = (x - base.0, y - base.1);
                    marks::draw_mark(area, at, marks::mark_for(i), s.color, scale)?;
                }
            }
        }
        Ok(frame)
    }
}

impl Heatmap {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
        until: Option<usize>,
    ) -> Result<PlotFrame, DrawError<DB>> {
        let shown = until.map_or(usize::MAX, |d| d.saturating_add(1));
        // The colour key: the scale's name, then a bar from 0 to max.
        let key_h = px(26.0, scale);
        let (key, plot_area) = area.split_vertically(key_h);
        let label_style = font(13.0, scale, style::INK);
        let (tw, _) = key.estimate_text_size(&self.scale_label, &label_style)?;
        let y = key_h / 2;
        key.draw(&Text::new(
            self.scale_label.clone(),
            (px(8.0, scale), y),
            label_style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let bar_x = px(16.0, scale) + tw as i32;
        let small = font(12.5, scale, style::MUTED);
        key.draw(&Text::new(
            "0".to_string(),
            (bar_x, y),
            small.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let bar_x = bar_x + px(12.0, scale);
        let steps = 20;
        let step_w = px(6.0, scale).max(1);
        for i in 0..steps {
            let c = style::sequential(i as f64 / (steps - 1) as f64);
            let x0 = bar_x + i * step_w;
            key.draw(&Rectangle::new(
                [(x0, y - px(6.0, scale)), (x0 + step_w, y + px(6.0, scale))],
                RGBColor(c.0, c.1, c.2).filled(),
            ))?;
        }
        key.draw(&Text::new(
            i18n::tick(self.max),
            (bar_x + steps * step_w + px(4.0, scale), y),
            small.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;

        let n = self.rows.len().max(1);
        let narrow = (plot_area.dim_in_pixel().0 as f64) / scale < 560.0;
        let ticks = month_ticks(self.start, self.days, if narrow { 2 } else { 1 });
        let x_coord = (0i32..self.days.max(1) as i32).with_key_points(ticks);
        let y_coord = (0i32..n as i32).into_segmented();
        let label_w = match lang {
            Lang::Zh => 56.0,
            Lang::En => 68.0,
        };
        let mut chart = ChartBuilder::on(&plot_area)
            .margin_top(px(2.0, scale))
            .margin_left(px(4.0, scale))
            .margin_right(px(16.0, scale))
            .x_label_area_size(px(24.0, scale))
            .y_label_area_size(px(label_w, scale))
            .build_cartesian_2d(x_coord, y_coord)?;

        let start = self.start;
        // Row 0 is drawn at the top: segment k from the bottom holds row n - 1 - k.
        let x_fmt = |x: &i32| fmt_month(lang, start.add_days(*x));
        let y_fmt = |y: &SegmentValue<i32>| match y {
            SegmentValue::CenterOf(k) | SegmentValue::Exact(k) => self
                .rows
                .get(n.wrapping_sub(1).wrapping_sub(*k as usize))
                .map(|r| r.label.clone())
                .unwrap_or_default(),
            SegmentValue::Last => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(style::GRID)
            .light_line_style(TRANSPARENT)
            .axis_style(style::AXIS)
            .label_style(font(12.5, scale, style::MUTED))
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .y_labels(n)
            .draw()?;

        // One rectangle per run of equal values keeps the element count low.
        for (r, row) in self.rows.iter().enumerate() {
            let k = (n - 1 - r) as i32;
            let values = &row.values[..row.values.len().min(shown)];
            let mut d = 0;
            while d < values.len() {
                let v = values[d];
                let mut e = d + 1;
                while e < values.len() && values[e] == v {
                    e += 1;
                }
                if v > 0.0 {
                    let c = style::sequential(v / self.max);
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [
                            (d as i32, SegmentValue::Exact(k)),
                            (e as i32, SegmentValue::Exact(k + 1)),
                        ],
                        RGBColor(c.0, c.1, c.2).filled(),
                    )))?;
                }
                d = e;
            }
        }
        // White rules between the rows.
        for k in 1..n as i32 {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![
                    (0, SegmentValue::Exact(k)),
                    (self.days as i32, SegmentValue::Exact(k)),
                ],
                WHITE.stroke_width(px(2.0, scale).max(1) as u32),
            )))?;
        }

        if let Some(day) = until.filter(|&d| d + 1 < self.days) {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![
                    (day as i32 + 1, SegmentValue::Exact(0)),
                    (day as i32 + 1, SegmentValue::Exact(n as i32)),
                ],
                style::MUTED.stroke_width(px(1.0, scale).max(1) as u32),
            )))?;
        }

        let (xr, yr) = chart.plotting_area().get_pixel_range();
        Ok(PlotFrame {
            left: xr.start,
            right: xr.end - 1,
            top: yr.start,
            bottom: yr.end - 1,
            days: self.days,
            cells: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_maps_pixels_to_days() {
        let f = PlotFrame {
            left: 100,
            right: 464,
            top: 0,
            bottom: 100,
            days: 365,
            cells: false,
        };
        assert_eq!(f.day_at(100.0), Some(0));
        assert_eq!(f.day_at(464.0), Some(364));
        assert_eq!(f.day_at(282.0), Some(182));
        assert_eq!(f.day_at(50.0), None);
        assert_eq!(f.x_of(182), 282.0);
    }

    #[test]
    fn months_start_on_the_first() {
        let t = month_ticks(Date::ymd(2022, 1, 1), 365, 1);
        assert_eq!(t.len(), 12);
        assert_eq!(t[1], 31);
        assert_eq!(month_ticks(Date::ymd(2022, 1, 1), 365, 2).len(), 6);
    }

    #[test]
    fn ranges_have_headroom() {
        assert_eq!(y_range([0.0, 0.0].into_iter(), true), (0.0, 1.0));
        let (lo, hi) = y_range([90.0, 100.0].into_iter(), false);
        assert!(lo < 90.0 && hi > 100.0);
    }
}
