//! Charts for readers who cannot tell the colours apart or do not see the canvas: every
//! series of a line chart carries its own mark on its line and in its legend swatch, and the
//! summary and table come from the same figure the canvas draws.

use plotters::prelude::*;
use recovery_lab::charts::{self, ChartId};
use recovery_lab::i18n::Lang;
use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Mode};

/// Upper-case hex of a series colour as plotters' SVG backend writes it.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn every_series_shows_its_own_mark_on_the_line_and_in_the_legend() {
    let scenario = presets::jinzhong_2022();
    let outcome = sim::run(&scenario, Mode::Deterministic);
    for id in ChartId::ALL {
        let figure = charts::figure(id, &outcome, &scenario, Lang::En);
        let charts::Figure::Lines(chart) = &figure else {
            continue; // The heatmap has rows with labels, not lines.
        };
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (720, 300)).into_drawing_area();
            figure.draw(&root, Lang::En, 1.0).expect("draws");
            root.present().unwrap();
        }
        for (i, s) in chart.series.iter().enumerate() {
            let colour = hex(s.color);
            // A mark is a filled polygon or circle in the series' colour (a ring: a stroked
            // circle); the legend has one, the line at least one more (its peak).
            let filled = out
                .lines()
                .filter(|l| {
                    (l.starts_with("<polygon") || l.starts_with("<circle")) && l.contains(&colour)
                })
                .count();
            assert!(
                filled >= 2,
                "{id:?} series {i} ({}) has {filled} marks in {colour}",
                s.label
            );
        }
    }
}

#[test]
fn summaries_and_tables_speak_of_every_series_in_both_languages() {
    let scenario = presets::jinzhong_2022();
    let outcome = sim::run(&scenario, Mode::Deterministic);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let figure = charts::figure(id, &outcome, &scenario, lang);
            let table = figure.table(lang);
            assert!(table.rows.len() >= 53, "{id:?}: weekly rows over the year");
            assert!(table
                .rows
                .iter()
                .all(|r| r.cells.len() == table.columns.len()));
            let summary = figure.summary(lang);
            assert!(!summary.is_empty(), "{id:?} {lang:?}");
            if let charts::Figure::Lines(chart) = &figure {
                assert_eq!(
                    summary.len(),
                    chart.series.len(),
                    "{id:?}: one sentence a series"
                );
                for (s, sentence) in chart.series.iter().zip(&summary) {
                    assert!(sentence.starts_with(&s.label), "{sentence}");
                }
            }
            let text = summary.join(" ");
            match lang {
                Lang::En => assert!(text.contains("2022"), "{text}"),
                Lang::Zh => assert!(text.contains("2022年"), "{text}"),
            }
        }
    }
}
