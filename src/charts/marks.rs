//! Shapes that tell a chart's series apart without colour: each series of a line chart
//! carries its own mark (circle, triangle, square, diamond, …) at regular days along its line,
//! and its legend swatch shows the same mark over the same stroke (solid, dashed, area), so a
//! reader who cannot tell the colours apart matches lines to labels by shape.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::px;
use super::DrawError;

/// A series' shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Circle,
    Triangle,
    Square,
    Diamond,
    Cross,
    Ring,
    DownTriangle,
    Plus,
}

/// The shapes in the order series take them.
pub const MARKS: [Mark; 8] = [
    Mark::Circle,
    Mark::Triangle,
    Mark::Square,
    Mark::Diamond,
    Mark::Cross,
    Mark::Ring,
    Mark::DownTriangle,
    Mark::Plus,
];

/// Most marks along one line (a wide chart); a narrow one gets fewer, one per
/// [`MARK_SPACING_PX`] of plot width, at least [`MIN_MARKS_PER_LINE`].
pub const MARKS_PER_LINE: usize = 8;
pub const MIN_MARKS_PER_LINE: usize = 3;
pub const MARK_SPACING_PX: f64 = 90.0;

/// Marks per line on a plot `width_css` CSS pixels wide.
pub fn marks_per_line(width_css: f64) -> usize {
    ((width_css / MARK_SPACING_PX).floor() as usize).clamp(MIN_MARKS_PER_LINE, MARKS_PER_LINE)
}

/// The mark of the `index`-th series of a chart.
pub fn mark_for(index: usize) -> Mark {
    MARKS[index % MARKS.len()]
}

/// Evenly spaced days for series `index` of `count` on a line of `days` days, `per_line` of
/// them; each series is shifted by a fraction of the spacing so that marks of different
/// series on the same day do not hide one another.
pub fn even_days(index: usize, count: usize, days: usize, per_line: usize) -> Vec<usize> {
    if days == 0 || per_line == 0 {
        return vec![];
    }
    let count = count.max(1);
    let step = (days / per_line).max(1);
    let offset = step * (index % count) / count + step / (2 * count);
    (0..days)
        .skip(offset.min(days - 1))
        .step_by(step)
        .take(per_line)
        .collect()
}

/// Where each line shows its mark, from every line's pixel positions (`None` where a line is
/// not drawn): at its highest point on screen (its peak, where it is easiest to pick out), and
/// on evenly spaced days where it runs at least `gap` pixels apart from every other line —
/// where lines lie on top of one another a mark would only hide the others' marks.
pub fn place(lines: &[Vec<Option<(i32, i32)>>], per_line: usize, gap: i32) -> Vec<Vec<usize>> {
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let days = line.len();
            let peak = line
                .iter()
                .enumerate()
                .filter_map(|(d, p)| p.map(|(_, y)| (d, y)))
                .min_by_key(|&(_, y)| y)
                .map(|(d, _)| d);
            let near_peak = |d: usize| {
                peak.is_some_and(|p| p.abs_diff(d) < (days / per_line.max(1)).max(1) / 2)
            };
            let apart = |d: usize| {
                let Some((_, y)) = line[d] else {
                    return false;
                };
                lines.iter().enumerate().all(|(j, other)| {
                    j == i
                        || other
                            .get(d)
                            .copied()
                            .flatten()
                            .is_none_or(|(_, oy)| (oy - y).abs() >= gap)
                })
            };
            let mut out: Vec<usize> = even_days(i, count, days, per_line)
                .into_iter()
                .filter(|&d| !near_peak(d) && apart(d))
                .collect();
            out.extend(peak);
            crate::small_sort::sort_by(&mut out, |a, b| a < b);
            out
        })
        .collect()
}

/// Draws `mark` centred at `(x, y)` (pixels of `area`), `color` with a white outline that keeps
/// it readable where it crosses other lines.
pub fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    mark: Mark,
    color: RGBColor,
    scale: f64,
) -> Result<(), DrawError<DB>> {
    let r = px(4.5, scale).max(2);
    let halo = WHITE.stroke_width(px(1.5, scale).max(1) as u32);
    let line = color.stroke_width(px(2.0, scale).max(1) as u32);
    let pts = |p: &[(i32, i32)]| {
        p.iter()
            .map(|&(dx, dy)| (x + dx, y + dy))
            .collect::<Vec<_>>()
    };
    let polygon = |p: &[(i32, i32)]| -> Result<(), DrawError<DB>> {
        area.draw(&Polygon::new(pts(p), color.filled()))?;
        let mut ring = pts(p);
        ring.push(ring[0]);
        area.draw(&PathElement::new(ring, halo))
    };
    match mark {
        Mark::Circle => {
            area.draw(&Circle::new((x, y), r, color.filled()))?;
            area.draw(&Circle::new((x, y), r, halo))
        }
        Mark::Ring => {
            area.draw(&Circle::new((x, y), r + 1, WHITE.filled()))?;
            area.draw(&Circle::new((x, y), r, line))
        }
        Mark::Triangle => polygon(&[(0, -r - 1), (r + 1, r), (-r - 1, r)]),
        Mark::DownTriangle => polygon(&[(0, r + 1), (r + 1, -r), (-r - 1, -r)]),
        Mark::Square => polygon(&[(-r, -r), (r, -r), (r, r), (-r, r)]),
        Mark::Diamond => polygon(&[(0, -r - 2), (r + 2, 0), (0, r + 2), (-r - 2, 0)]),
        Mark::Cross | Mark::Plus => {
            let (a, b) = if mark == Mark::Cross {
                ([(-r, -r), (r, r)], [(-r, r), (r, -r)])
            } else {
                ([(-r - 1, 0), (r + 1, 0)], [(0, -r - 1), (0, r + 1)])
            };
            let wide = WHITE.stroke_width(px(4.5, scale).max(3) as u32);
            for seg in [a, b] {
                area.draw(&PathElement::new(pts(&seg), wide))?;
            }
            let bold = color.stroke_width(px(2.5, scale).max(2) as u32);
            for seg in [a, b] {
                area.draw(&PathElement::new(pts(&seg), bold))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_take_distinct_marks_and_distinct_days() {
        let marks: Vec<Mark> = (0..MARKS.len()).map(mark_for).collect();
        for (i, m) in marks.iter().enumerate() {
            assert!(!marks[..i].contains(m), "{m:?} repeats");
        }
        assert_eq!(mark_for(MARKS.len()), MARKS[0]);

        let a = even_days(0, 4, 365, 8);
        let b = even_days(1, 4, 365, 8);
        assert_eq!(a.len(), 8);
        assert_eq!(b.len(), 8);
        assert!(a.iter().all(|d| !b.contains(d)), "{a:?} {b:?}");
        assert!(a.iter().chain(&b).all(|&d| d < 365));
        // Short runs still get marks, inside the run.
        assert!(even_days(3, 4, 3, 8).iter().all(|&d| d < 3));
        assert!(!even_days(0, 1, 1, 8).is_empty());
        assert!(even_days(0, 1, 0, 8).is_empty());
        assert_eq!(marks_per_line(300.0), MIN_MARKS_PER_LINE);
        assert_eq!(marks_per_line(540.0), 6);
        assert_eq!(marks_per_line(2000.0), MARKS_PER_LINE);
    }

    #[test]
    fn marks_go_to_each_peak_and_where_lines_are_apart() {
        // Two lines on the floor (y = 100) all year, except a spike of line 0 on day 50 and
        // a lower bump of line 1 on days 200..300.
        let days = 365;
        let line0: Vec<Option<(i32, i32)>> = (0..days)
            .map(|d| Some((d as i32, if d == 50 { 10 } else { 100 })))
            .collect();
        let line1: Vec<Option<(i32, i32)>> = (0..days)
            .map(|d| Some((d as i32, if (200..300).contains(&d) { 60 } else { 100 })))
            .collect();
        let placed = place(&[line0, line1], 8, 6);
        // Line 0: its spike, and the floor only where line 1 has left it.
        assert!(placed[0].contains(&50));
        assert!(
            placed[0]
                .iter()
                .all(|&d| d == 50 || (200..300).contains(&d)),
            "where the lines coincide, no mark: {:?}",
            placed[0]
        );
        assert!(
            placed[1].contains(&200),
            "line 1's peak (first highest day)"
        );
        assert!(
            placed[1].iter().all(|d| (200..300).contains(d)),
            "{:?}",
            placed[1]
        );
        assert!(placed[1].len() >= 2);
        // A line that is not drawn gets no mark.
        let hidden = vec![None; days];
        assert_eq!(place(&[hidden], 8, 6), vec![Vec::<usize>::new()]);
    }
}
