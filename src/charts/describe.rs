//! A chart in words and as a table, for readers who do not see the canvas: a short summary
//! made from the figure's own data (the canvas's description and the text under the chart),
//! and a data table sampled weekly plus each series' peak (the CSV export has every day).

use super::figure::{Figure, Heatmap, LineChart};
use crate::i18n::{fmt_date, fmt_quantity, Lang, Quantity, Text};

/// Days between two sampled rows of the table.
pub const TABLE_STEP_DAYS: usize = 7;

/// A chart's data as a table: one column per series (or district), one row per sampled day.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    /// Column headings after the date column.
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One sampled day.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// Day index from the chart's start.
    pub day: usize,
    pub date: String,
    /// One formatted value (with its unit) per column.
    pub cells: Vec<String>,
    /// Columns whose highest value falls on this day (the row is there for them, or marks them).
    pub peaks: Vec<usize>,
}

/// Index of the largest finite value (the first of equals), if any.
fn argmax(values: &[f64]) -> Option<usize> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .fold(None, |best: Option<(usize, f64)>, (i, &v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((i, v)),
        })
        .map(|(i, _)| i)
}

/// Index of the smallest finite value (the first of equals), if any.
fn argmin(values: &[f64]) -> Option<usize> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .fold(None, |best: Option<(usize, f64)>, (i, &v)| match best {
            Some((_, b)) if b <= v => best,
            _ => Some((i, v)),
        })
        .map(|(i, _)| i)
}

/// The rows' days: every [`TABLE_STEP_DAYS`] from the start, the last day, and every peak.
fn sampled_days(days: usize, peaks: &[Option<usize>]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..days).step_by(TABLE_STEP_DAYS).collect();
    if days > 0 {
        out.push(days - 1);
    }
    out.extend(peaks.iter().flatten().copied().filter(|&d| d < days));
    // One small sort shared by the page's short lists (`small_sort`): no std sort copy.
    crate::small_sort::sort_by(&mut out, |a, b| a < b);
    out.dedup();
    out
}

/// `value`'s text with `{v}` and `{d}` filled in.
fn fill(text: Text, lang: Lang, value: &str, date: &str) -> String {
    text.get(lang).replace("{v}", value).replace("{d}", date)
}

impl LineChart {
    fn table(&self, lang: Lang) -> DataTable {
        let peaks: Vec<Option<usize>> = self.series.iter().map(|s| argmax(&s.values)).collect();
        let rows = sampled_days(self.days, &peaks)
            .into_iter()
            .map(|day| TableRow {
                day,
                date: fmt_date(lang, self.start.add_days(day as i32)),
                cells: self
                    .series
                    .iter()
                    .map(|s| {
                        let v = s.values.get(day).copied().unwrap_or(f64::NAN);
                        fmt_quantity(lang, s.quantity, v)
                    })
                    .collect(),
                peaks: (0..peaks.len())
                    .filter(|&i| peaks[i] == Some(day))
                    .collect(),
            })
            .collect();
        DataTable {
            columns: self.series.iter().map(|s| s.label.clone()).collect(),
            rows,
        }
    }

    fn summary(&self, lang: Lang) -> Vec<String> {
        self.series
            .iter()
            .filter_map(|s| {
                let sentence = series_sentence(
                    lang,
                    &s.label,
                    &s.values,
                    |v| fmt_quantity(lang, s.quantity, v),
                    |d| fmt_date(lang, self.start.add_days(d as i32)),
                )?;
                Some(sentence)
            })
            .collect()
    }
}

/// "Label: highest X on D, lowest Y on D; Z on the last day." Highest and lowest are said only
/// when the series rises above or falls below where it starts; `None` for a series without a
/// finite value.
fn series_sentence(
    lang: Lang,
    label: &str,
    values: &[f64],
    fmt: impl Fn(f64) -> String,
    date: impl Fn(usize) -> String,
) -> Option<String> {
    let first = values.iter().copied().find(|v| v.is_finite())?;
    let (hi, lo) = (argmax(values)?, argmin(values)?);
    let (last_day, last) = values
        .iter()
        .enumerate()
        .rev()
        .find(|(_, v)| v.is_finite())?;
    let eps = values
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()))
        * 1e-9;
    let mut parts = Vec::new();
    if values[hi] > first + eps {
        parts.push(fill(Text::DescHighest, lang, &fmt(values[hi]), &date(hi)));
    }
    if values[lo] < first - eps {
        parts.push(fill(Text::DescLowest, lang, &fmt(values[lo]), &date(lo)));
    }
    if parts.is_empty() {
        parts.push(fill(Text::DescFlat, lang, &fmt(first), ""));
    } else {
        parts.push(fill(Text::DescEnd, lang, &fmt(*last), &date(last_day)));
    }
    Some(match lang {
        Lang::Zh => format!("{label}：{}。", parts.join("，")),
        Lang::En => format!("{label}: {}.", parts.join(", ")),
    })
}

impl Heatmap {
    fn table(&self, lang: Lang) -> DataTable {
        let peaks: Vec<Option<usize>> = self.rows.iter().map(|r| argmax(&r.values)).collect();
        let rows = sampled_days(self.days, &peaks)
            .into_iter()
            .map(|day| TableRow {
                day,
                date: fmt_date(lang, self.start.add_days(day as i32)),
                cells: self
                    .rows
                    .iter()
                    .map(|r| {
                        let v = r.values.get(day).copied().unwrap_or(f64::NAN);
                        fmt_quantity(lang, Quantity::Index, v)
                    })
                    .collect(),
                peaks: (0..peaks.len())
                    .filter(|&i| peaks[i] == Some(day))
                    .collect(),
            })
            .collect();
        DataTable {
            columns: self.rows.iter().map(|r| r.label.clone()).collect(),
            rows,
        }
    }

    /// The strictest row (its peak and the day it was first reached), the loosest peak, and
    /// the highest value on the last day.
    fn summary(&self, lang: Lang) -> Vec<String> {
        let peak_of = |r: &super::figure::HeatRow| argmax(&r.values).map(|d| (r.values[d], d));
        let peaks: Vec<(usize, f64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| peak_of(r).map(|(v, d)| (i, v, d)))
            .collect();
        let Some(&(top, top_v, top_d)) =
            peaks
                .iter()
                .fold(None, |b: Option<&(usize, f64, usize)>, p| match b {
                    Some(q) if q.1 >= p.1 => b,
                    _ => Some(p),
                })
        else {
            return vec![];
        };
        let low = peaks
            .iter()
            .fold(&peaks[0], |q, p| if p.1 < q.1 { p } else { q });
        let v = |x: f64| fmt_quantity(lang, Quantity::Index, x);
        let date = |d: usize| fmt_date(lang, self.start.add_days(d as i32));
        let last = self.days.saturating_sub(1);
        let end_max = self
            .rows
            .iter()
            .filter_map(|r| r.values.get(last).copied())
            .filter(|x| x.is_finite())
            .fold(f64::NEG_INFINITY, f64::max);
        let mut out = vec![Text::DescHeatTop
            .get(lang)
            .replace("{name}", &self.scale_label)
            .replace("{row}", &self.rows[top].label)
            .replace("{v}", &v(top_v))
            .replace("{d}", &date(top_d))];
        if low.0 != top {
            out.push(
                Text::DescHeatLow
                    .get(lang)
                    .replace("{row}", &self.rows[low.0].label)
                    .replace("{v}", &v(low.1)),
            );
        }
        if end_max.is_finite() {
            out.push(fill(Text::DescHeatEnd, lang, &v(end_max), &date(last)));
        }
        out
    }
}

impl Figure {
    /// The chart's data, sampled weekly plus each series' peak and the last day.
    pub fn table(&self, lang: Lang) -> DataTable {
        match self {
            Figure::Lines(c) => c.table(lang),
            Figure::Heat(h) => h.table(lang),
        }
    }

    /// One sentence per series (a heatmap: its strictest and loosest rows and its end).
    pub fn summary(&self, lang: Lang) -> Vec<String> {
        match self {
            Figure::Lines(c) => c.summary(lang),
            Figure::Heat(h) => h.summary(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::figure::HeatRow;
    use crate::charts::Series;
    use crate::scenario::Date;
    use plotters::style::RGBColor;

    fn chart(series: Vec<Series>, days: usize) -> Figure {
        Figure::Lines(LineChart {
            start: Date::ymd(2022, 1, 1),
            days,
            series,
            left: super::super::figure::Axis::new("", Quantity::People),
            right: None,
            markers: vec![],
        })
    }

    #[test]
    fn the_table_has_weekly_rows_the_last_day_and_each_peak() {
        let days = 30;
        let rise: Vec<f64> = (0..days)
            .map(|d| if d == 10 { 500.0 } else { d as f64 })
            .collect();
        let f = chart(
            vec![Series::new(
                "Cases",
                RGBColor(0, 0, 0),
                rise,
                Quantity::People,
            )],
            days,
        );
        let t = f.table(Lang::En);
        let days_shown: Vec<usize> = t.rows.iter().map(|r| r.day).collect();
        assert_eq!(days_shown, vec![0, 7, 10, 14, 21, 28, 29]);
        assert_eq!(t.columns, vec!["Cases".to_string()]);
        let peak = t.rows.iter().find(|r| r.day == 10).unwrap();
        assert_eq!(peak.peaks, vec![0]);
        assert_eq!(peak.cells, vec!["500 people".to_string()]);
        assert_eq!(peak.date, "11 Jan 2022");
        assert!(t
            .rows
            .iter()
            .filter(|r| r.day != 10)
            .all(|r| r.peaks.is_empty()));
    }

    #[test]
    fn the_summary_says_peak_trough_and_end_from_the_data() {
        let up: Vec<f64> = vec![0.0, 10.0, 2000.0, 30.0];
        let down: Vec<f64> = vec![100.0, 90.0, 95.0, 99.0];
        let flat = vec![5.0; 4];
        let f = chart(
            vec![
                Series::new("Up", RGBColor(0, 0, 0), up, Quantity::People),
                Series::new("Down", RGBColor(0, 0, 0), down, Quantity::Percent),
                Series::new("Flat", RGBColor(0, 0, 0), flat, Quantity::Index),
                Series::new(
                    "Empty",
                    RGBColor(0, 0, 0),
                    vec![f64::NAN; 4],
                    Quantity::Index,
                ),
            ],
            4,
        );
        let en = f.summary(Lang::En);
        assert_eq!(
            en,
            vec![
                "Up: highest 2 thousand people on 3 Jan 2022, 30 people on 4 Jan 2022.",
                "Down: lowest 90% on 2 Jan 2022, 99% on 4 Jan 2022.",
                "Flat: unchanged at 5.",
            ]
        );
        let zh = f.summary(Lang::Zh);
        assert_eq!(
            zh[0],
            "Up：最高2000人（2022年1月3日），2022年1月4日为30人。"
        );
    }

    #[test]
    fn a_heatmap_is_described_by_its_strictest_and_loosest_rows() {
        let f = Figure::Heat(Heatmap {
            start: Date::ymd(2022, 3, 1),
            days: 3,
            rows: vec![
                HeatRow {
                    label: "North".into(),
                    values: vec![10.0, 80.0, 20.0],
                },
                HeatRow {
                    label: "South".into(),
                    values: vec![0.0, 30.0, 0.0],
                },
            ],
            max: 100.0,
            scale_label: "Stringency".into(),
        });
        assert_eq!(
            f.summary(Lang::En),
            vec![
                "Stringency was highest in North: 80 on 2 Mar 2022.",
                "South's highest was 30.",
                "On 3 Mar 2022 the highest value was 20.",
            ]
        );
        let t = f.table(Lang::En);
        assert_eq!(t.columns, vec!["North", "South"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].peaks, vec![0, 1]);
    }
}
