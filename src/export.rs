//! CSV export of a run's daily series, shared by the command-line runner (`--csv`) and the
//! page's download. Pure Rust with no I/O of its own: it writes into any [`fmt::Write`]
//! (a `String` on the page, a buffer the runner saves only once it is complete).
//!
//! The format is long form, one value per row:
//!
//! ```text
//! date,district,indicator,value
//! 2022-01-01,yuci,new_infections,0
//! ```
//!
//! Rows go day by day; within a day, areas in index order (the 11 district ids, then `city`);
//! within an area, indicators in the order of [`Indicator::ALL`] by their
//! [`key`](Indicator::key). Values use Rust's `{}` formatting of `f64`: the shortest text that
//! reads back as the same number, with no exponent and no thousands separator.
//!
//! [`write_csv_scenarios`] writes several runs into one file with a leading `scenario` column
//! (the page's A/B comparison); [`write_ensemble_csv`] writes an ensemble's quantile bands of
//! the city's series with a leading `band` column.

use crate::sim::{Area, Ensemble, Indicator, Outcome, QUANTILES};
use std::fmt;

/// The header of [`write_csv`].
pub const CSV_HEADER: &str = "date,district,indicator,value";

/// The header of [`write_csv_scenarios`].
pub const CSV_SCENARIOS_HEADER: &str = "scenario,date,district,indicator,value";

/// Writes every daily series of `outcome`, header first, one row per date × area ×
/// indicator, each line ending in `\n`.
pub fn write_csv<W: fmt::Write>(outcome: &Outcome, w: &mut W) -> fmt::Result {
    writeln!(w, "{CSV_HEADER}")?;
    write_rows(outcome, "", w)
}

/// Like [`write_csv`] for several runs in one file: a leading `scenario` column holds each
/// run's label (quoted as CSV requires when it contains a comma, quote or line break); runs
/// follow one another in the order given.
pub fn write_csv_scenarios<W: fmt::Write>(runs: &[(&str, &Outcome)], w: &mut W) -> fmt::Result {
    write_csv_labelled("scenario", runs, w)
}

/// Like [`write_csv_scenarios`] with another name for the leading column (the runner's
/// ensemble CSV uses `band`, with labels `p5`, `median`, `p95`).
pub fn write_csv_labelled<W: fmt::Write>(
    column: &str,
    runs: &[(&str, &Outcome)],
    w: &mut W,
) -> fmt::Result {
    writeln!(w, "{},{CSV_HEADER}", quote(column))?;
    for (label, outcome) in runs {
        let prefix = format!("{},", quote(label));
        write_rows(outcome, &prefix, w)?;
    }
    Ok(())
}

/// The header of [`write_ensemble_csv`].
pub const CSV_BANDS_HEADER: &str = "band,date,district,indicator,value";

/// The label of a quantile band: `p5`, `p25`, `p50`, …
pub fn band_label(q: f64) -> String {
    format!("p{}", (q * 100.0).round())
}

/// Writes an ensemble's quantile bands of the city's series: a leading `band` column
/// (`p5`, `p25`, `p50`, `p75`, `p95`, in the order of [`QUANTILES`]), then for each band the
/// rows of [`write_csv`] for the city alone: day by day, indicators in [`Indicator::ALL`]
/// order. Each value is the pointwise quantile over the runs on that day.
pub fn write_ensemble_csv<W: fmt::Write>(ensemble: &Ensemble, w: &mut W) -> fmt::Result {
    writeln!(w, "{CSV_BANDS_HEADER}")?;
    let city = Area::City.id();
    for (q, &quantile) in QUANTILES.iter().enumerate() {
        let label = band_label(quantile);
        let bands: Vec<(&str, &[f64])> = Indicator::ALL
            .iter()
            .map(|&ind| (ind.key(), ensemble.band(ind, q)))
            .collect();
        for day in 0..ensemble.days {
            let date = ensemble.date(day);
            for (indicator, values) in &bands {
                writeln!(w, "{label},{date},{city},{indicator},{}", values[day])?;
            }
        }
    }
    Ok(())
}

/// [`write_csv`] into a new string.
pub fn csv_string(outcome: &Outcome) -> String {
    let rows = outcome.days() * Area::COUNT * Indicator::COUNT;
    // About 40 bytes a row; one allocation for a year.
    let mut out = String::with_capacity(rows * 40 + CSV_HEADER.len() + 1);
    write_csv(outcome, &mut out).expect("writing to a String cannot fail");
    out
}

/// Number of data rows (without the header) [`write_csv`] writes for `outcome`.
pub fn csv_row_count(outcome: &Outcome) -> usize {
    outcome.days() * Area::COUNT * Indicator::COUNT
}

fn write_rows<W: fmt::Write>(outcome: &Outcome, prefix: &str, w: &mut W) -> fmt::Result {
    let series: Vec<(&str, &str, &[f64])> = Area::all()
        .flat_map(|area| {
            Indicator::ALL
                .iter()
                .map(move |&ind| (area.id(), ind.key(), outcome.series(ind, area)))
        })
        .collect();
    for day in 0..outcome.days() {
        let date = outcome.date(day);
        for (area, indicator, values) in &series {
            writeln!(w, "{prefix}{date},{area},{indicator},{}", values[day])?;
        }
    }
    Ok(())
}

/// A CSV field: as is, or in double quotes with inner quotes doubled (RFC 4180).
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Date, District};

    fn sample() -> Outcome {
        let mut o = Outcome::zeros(Date::ymd(2022, 1, 1), 2);
        o.series_mut(Indicator::NewInfections, Area::District(District::Yuci))[1] = 3.5;
        o.series_mut(Indicator::Gdp, Area::City)[0] = 5.05e8;
        o.series_mut(Indicator::Stringency, Area::District(District::Taigu))[0] = 0.1 + 0.2;
        o
    }

    #[test]
    fn header_order_and_row_count() {
        let o = sample();
        let text = csv_string(&o);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(lines.len() - 1, csv_row_count(&o));
        assert_eq!(csv_row_count(&o), 2 * 12 * Indicator::COUNT);
        assert_eq!(lines[1], "2022-01-01,yuci,new_infections,0");
        assert_eq!(lines[2], "2022-01-01,yuci,active_infections,0");
        assert_eq!(
            lines[1 + Indicator::COUNT],
            "2022-01-01,taigu,new_infections,0"
        );
        let last_key = Indicator::ALL[Indicator::COUNT - 1].key();
        assert_eq!(
            lines[11 * Indicator::COUNT],
            format!("2022-01-01,yushe,{last_key},0")
        );
        assert_eq!(
            lines[1 + 11 * Indicator::COUNT],
            "2022-01-01,city,new_infections,0"
        );
        assert_eq!(
            lines[1 + 12 * Indicator::COUNT],
            "2022-01-02,yuci,new_infections,3.5"
        );
        assert!(text.ends_with(&format!("2022-01-02,city,{last_key},0\n")));
    }

    #[test]
    fn values_are_shortest_round_trip_without_exponent() {
        let text = csv_string(&sample());
        assert!(text.contains("\n2022-01-01,city,gdp,505000000\n"));
        assert!(text.contains("\n2022-01-01,taigu,stringency,0.30000000000000004\n"));
        for line in text.lines().skip(1) {
            let value = line.rsplit(',').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }

    #[test]
    fn band_labels() {
        let labels: Vec<String> = QUANTILES.iter().map(|&q| band_label(q)).collect();
        assert_eq!(labels, ["p5", "p25", "p50", "p75", "p95"]);
    }

    #[test]
    fn ensemble_bands_of_the_city() {
        let mut s = crate::scenario::presets::no_outbreak();
        s.end = Date::ymd(2022, 1, 3);
        let ens = crate::sim::ensemble(&s, 1, 2);
        let mut text = String::new();
        write_ensemble_csv(&ens, &mut text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_BANDS_HEADER);
        assert_eq!(lines.len(), 1 + QUANTILES.len() * 3 * Indicator::COUNT);
        assert!(lines[1].starts_with("p5,2022-01-01,city,new_infections,"));
        assert!(lines[1 + Indicator::COUNT].starts_with("p5,2022-01-02,city,new_infections,"));
        assert!(lines.last().unwrap().starts_with("p95,2022-01-03,city,"));
    }

    #[test]
    fn scenario_column_and_quoting() {
        let a = sample();
        let b = Outcome::zeros(Date::ymd(2022, 1, 1), 1);
        let mut text = String::new();
        write_csv_scenarios(&[("A", &a), ("lockdown, \"strict\"", &b)], &mut text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_SCENARIOS_HEADER);
        assert_eq!(lines.len(), 1 + csv_row_count(&a) + csv_row_count(&b));
        assert_eq!(lines[1], "A,2022-01-01,yuci,new_infections,0");
        assert_eq!(
            lines[1 + csv_row_count(&a)],
            "\"lockdown, \"\"strict\"\"\",2022-01-01,yuci,new_infections,0"
        );
    }
}
