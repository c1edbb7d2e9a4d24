//! Charts drawn up to a day (playback, issue #6): the lines stop at that day, the heatmap's
//! cells too, and the axes and labels stay those of the whole year, so nothing jumps while the
//! year fills in.

use plotters::prelude::*;
use recovery_lab::charts::{self, ChartId, Figure};
use recovery_lab::i18n::Lang;
use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Mode};

const W: u32 = 960;
const H: u32 = 360;

fn svg(figure: &Figure, until: Option<usize>) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (W, H)).into_drawing_area();
        figure
            .draw_until(&root, Lang::En, 1.0, until)
            .expect("draws");
        root.present().expect("presents");
    }
    out
}

/// Points of each `<polyline>`, in order.
fn polylines(svg: &str) -> Vec<usize> {
    svg.split("<polyline")
        .skip(1)
        .filter_map(|p| {
            let start = p.find("points=\"")? + 8;
            let end = start + p[start..].find('"')?;
            Some(p[start..end].split_whitespace().count())
        })
        .collect()
}

fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t[t.find('>')? + 1..t.find("</text>")?].trim()))
        .collect()
}

#[test]
fn lines_stop_at_the_day_and_the_axes_stay() {
    let scenario = presets::jinzhong_2022();
    let outcome = sim::run(&scenario, Mode::Deterministic);
    for id in [ChartId::Infections, ChartId::GdpRetail, ChartId::Fiscal] {
        let figure = charts::figure(id, &outcome, &scenario, Lang::En);
        let full = svg(&figure, None);
        let part = svg(&figure, Some(59));
        let full_lines = polylines(&full);
        let part_lines = polylines(&part);
        assert!(
            full_lines.contains(&365),
            "{id:?}: a full line has 365 points: {full_lines:?}"
        );
        assert!(
            !part_lines.iter().any(|&n| n > 60),
            "{id:?}: no line goes past day 59: {part_lines:?}"
        );
        assert!(part_lines.contains(&60), "{id:?}: {part_lines:?}");
        // The rule on the day is a two-point line the full chart does not have.
        assert!(part_lines.contains(&2), "{id:?}: {part_lines:?}");
        // Same axes: the same tick labels and captions.
        assert_eq!(texts(&full), texts(&part), "{id:?}");
        // The last day is the whole chart.
        assert_eq!(svg(&figure, Some(364)), full, "{id:?}");
    }
}

#[test]
fn heatmap_cells_stop_at_the_day() {
    let scenario = presets::jinzhong_2022();
    let outcome = sim::run(&scenario, Mode::Deterministic);
    let figure = charts::figure(ChartId::Stringency, &outcome, &scenario, Lang::En);
    let rects = |s: &str| s.matches("<rect").count();
    let full = svg(&figure, None);
    // Before any control starts only the background is drawn.
    let first = svg(&figure, Some(0));
    assert!(
        rects(&first) < rects(&full),
        "{} {}",
        rects(&first),
        rects(&full)
    );
    assert_eq!(texts(&first), texts(&full));
    assert_eq!(svg(&figure, Some(364)), full);
}

#[test]
fn district_figures_as_of_a_day() {
    use recovery_lab::charts::districts::MapIndicator;
    let scenario = presets::jinzhong_2022();
    let outcome = sim::run(&scenario, Mode::Deterministic);
    for ind in MapIndicator::ALL {
        assert_eq!(
            ind.values_until(&outcome, Some(364)),
            ind.values(&outcome),
            "{ind:?}"
        );
    }
    let mut before = MapIndicator::Infections.values_until(&outcome, Some(0));
    for day in 1..365 {
        let now = MapIndicator::Infections.values_until(&outcome, Some(day));
        for (b, n) in before.iter().zip(&now) {
            assert!(n >= b, "day {day}");
        }
        before = now;
    }
    let march = MapIndicator::Infections.values_until(&outcome, Some(73));
    let year = MapIndicator::Infections.values(&outcome);
    assert!(march.iter().zip(&year).all(|(m, y)| m <= y));
    assert!(march.iter().zip(&year).any(|(m, y)| m < y));
}
