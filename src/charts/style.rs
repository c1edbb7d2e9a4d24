//! Colours, type sizes and the legend row shared by every chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::marks::{self, Mark};
use super::DrawError;

/// An sRGB colour as three bytes; what the page's CSS and the charts share.
pub type Rgb = (u8, u8, u8);

pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x70);
pub const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
pub const AXIS: RGBColor = RGBColor(0x9c, 0xa3, 0xaf);

// A restrained categorical palette, distinguishable in print and for common colour-vision
// deficiencies (after Okabe and Ito, darkened for white backgrounds).
pub const BLUE: RGBColor = RGBColor(0x1d, 0x5f, 0xa8);
pub const RED: RGBColor = RGBColor(0xb8, 0x3a, 0x2e);
pub const ORANGE: RGBColor = RGBColor(0xd0, 0x7a, 0x12);
pub const GREEN: RGBColor = RGBColor(0x1b, 0x8a, 0x5a);
pub const PURPLE: RGBColor = RGBColor(0x6d, 0x4c, 0xa3);
pub const TEAL: RGBColor = RGBColor(0x12, 0x84, 0x8c);
pub const GREY: RGBColor = RGBColor(0x80, 0x86, 0x8f);

/// The font family of every chart text (CSS `sans-serif`); the browser picks a CJK face for
/// Chinese. A value, not a name: plotters' `From<&str>` for a family lower-cases the name with
/// `str::to_lowercase`, which alone ships Unicode's case tables (≈ 4 KB gzipped).
pub const FAMILY: FontFamily<'static> = FontFamily::SansSerif;

pub fn font(size: f64, scale: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size * scale).into_font().color(&color)
}

pub fn px(v: f64, scale: f64) -> i32 {
    (v * scale).round() as i32
}

pub fn rgb(c: RGBColor) -> Rgb {
    (c.0, c.1, c.2)
}

/// A sequential scale from near-white (t = 0) through amber to deep red (t = 1), for
/// stringency and the district map.
pub fn sequential(t: f64) -> Rgb {
    const STOPS: [(f64, Rgb); 5] = [
        (0.0, (0xf6, 0xf4, 0xee)),
        (0.25, (0xfb, 0xdc, 0xa0)),
        (0.5, (0xf2, 0x9e, 0x4c)),
        (0.75, (0xc9, 0x4a, 0x32)),
        (1.0, (0x6e, 0x16, 0x1c)),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    for w in STOPS.windows(2) {
        let ((t0, c0), (t1, c1)) = (w[0], w[1]);
        if t <= t1 {
            let f = (t - t0) / (t1 - t0);
            let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
            return (mix(c0.0, c1.0), mix(c0.1, c1.1), mix(c0.2, c1.2));
        }
    }
    STOPS[4].1
}

/// How a legend entry shows its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    Line,
    Dashed,
    Block,
    Dot,
    /// A swatch above with its series' mark at its centre (src/charts/marks.rs).
    Marked(MarkedBase, Mark),
}

/// The stroke under a [`Swatch::Marked`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkedBase {
    Line,
    Dashed,
    Block,
}

impl MarkedBase {
    fn swatch(self) -> Swatch {
        match self {
            MarkedBase::Line => Swatch::Line,
            MarkedBase::Dashed => Swatch::Dashed,
            MarkedBase::Block => Swatch::Block,
        }
    }
}

/// One entry of a legend row.
pub struct LegendItem {
    pub label: String,
    pub color: RGBColor,
    pub swatch: Swatch,
}

const SWATCH_W: f64 = 18.0;
const GAP: f64 = 14.0;
const LINE_H: f64 = 18.0;

/// Lays the legend out in rows within `width`; returns each item's (x, row).
fn layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    scale: f64,
) -> Result<Vec<(i32, i32)>, DrawError<DB>> {
    let width = area.dim_in_pixel().0 as i32;
    let style = font(13.0, scale, INK);
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut row) = (px(8.0, scale), 0);
    for item in items {
        let (tw, _) = area.estimate_text_size(&item.label, &style)?;
        let w = px(SWATCH_W + 5.0, scale) + tw as i32;
        if x + w > width && x > px(8.0, scale) {
            x = px(8.0, scale);
            row += 1;
        }
        out.push((x, row));
        x += w + px(GAP, scale);
    }
    Ok(out)
}

/// The height the legend needs across the width of `area`.
pub fn legend_height<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    scale: f64,
) -> Result<i32, DrawError<DB>> {
    let rows = layout(area, items, scale)?
        .last()
        .map(|&(_, r)| r + 1)
        .unwrap_or(0);
    Ok(px(LINE_H * rows as f64 + 6.0, scale))
}

/// Draws the legend row(s) at the top of `area`.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    scale: f64,
) -> Result<(), DrawError<DB>> {
    let style = font(13.0, scale, INK);
    for (item, (x, row)) in items.iter().zip(layout(area, items, scale)?) {
        let y = px(4.0 + LINE_H * row as f64 + LINE_H / 2.0, scale);
        let (x0, x1) = (x, x + px(SWATCH_W, scale));
        let c = item.color;
        match item.swatch {
            Swatch::Marked(base, mark) => {
                draw_swatch(area, base.swatch(), c, (x0, x1, y), scale)?;
                marks::draw_mark(area, ((x0 + x1) / 2, y), mark, c, scale)?;
            }
            other => draw_swatch(area, other, c, (x0, x1, y), scale)?,
        }
        area.draw(&Text::new(
            item.label.clone(),
            (x1 + px(5.0, scale), y - px(7.0, scale)),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// One legend swatch from `x0` to `x1` on row centre `y`.
fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    c: RGBColor,
    (x0, x1, y): (i32, i32, i32),
    scale: f64,
) -> Result<(), DrawError<DB>> {
    match swatch {
        Swatch::Line => area.draw(&PathElement::new(
            vec![(x0, y), (x1, y)],
            c.stroke_width(px(2.0, scale).max(1) as u32),
        ))?,
        Swatch::Dashed => {
            let dash = px(4.0, scale);
            let mut a = x0;
            while a < x1 {
                area.draw(&PathElement::new(
                    vec![(a, y), ((a + dash).min(x1), y)],
                    c.stroke_width(px(2.0, scale).max(1) as u32),
                ))?;
                a += dash * 2;
            }
        }
        Swatch::Block => area.draw(&Rectangle::new(
            [(x0, y - px(5.0, scale)), (x1, y + px(5.0, scale))],
            c.mix(0.35).filled(),
        ))?,
        Swatch::Dot => area.draw(&Circle::new(((x0 + x1) / 2, y), px(4.0, scale), c.filled()))?,
        // Drawn by the caller as its base swatch and its mark.
        Swatch::Marked(..) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_text_uses_the_documented_family() {
        assert_eq!(font(12.0, 1.0, INK).font.get_name(), "sans-serif");
    }
}
