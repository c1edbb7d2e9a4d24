//! Key-project investment completed against the plan, with the article's checkable point
//! (19.8% of the year's plan invested by 30 April) marked, and projects started.

use super::figure::{Axis, LineChart, Marker, Series, Stroke};
use super::style::{BLUE, GREY, ORANGE, RED};
use crate::i18n::{Lang, Quantity, Text};
use crate::scenario::{Date, KeyProjects};
use crate::sim::{Area, Indicator, Outcome};

/// The article: 19.8% of the annual plan invested by 30 April.
pub const ARTICLE_FAI_PCT: f64 = 19.8;
/// Month and day of the article's figures.
pub const ARTICLE_DATE_MD: (u32, u32) = (4, 30);

/// The planned cumulative share, in %, on `date`: the month-end points of
/// `planned_completion`, joined by straight lines from 0 on 1 January of `year`.
pub fn planned_pct(projects: &KeyProjects, year: i32, date: Date) -> f64 {
    let (y, m, d) = date.to_ymd();
    if y < year {
        return 0.0;
    }
    if y > year {
        return projects.planned_completion[11] * 100.0;
    }
    let month_start = Date::ymd(y, m, 1);
    let next = if m == 12 {
        Date::ymd(y + 1, 1, 1)
    } else {
        Date::ymd(y, m + 1, 1)
    };
    let days_in_month = next.days_since(month_start) as f64;
    let prev = if m == 1 {
        0.0
    } else {
        projects.planned_completion[(m - 2) as usize]
    };
    let end = projects.planned_completion[(m - 1) as usize];
    (prev + (end - prev) * d as f64 / days_in_month) * 100.0
}

pub fn build(outcome: &Outcome, scenario: &crate::scenario::Scenario, lang: Lang) -> LineChart {
    let t = |text: Text| text.get(lang);
    let year = scenario.start.to_ymd().0;
    let plan: Vec<f64> = (0..outcome.days())
        .map(|i| planned_pct(&scenario.projects, year, outcome.date(i)))
        .collect();
    let article = Date::ymd(year, ARTICLE_DATE_MD.0, ARTICLE_DATE_MD.1);
    let markers = outcome
        .day_of(article)
        .map(|day| Marker {
            day: day as i32,
            value: ARTICLE_FAI_PCT,
            label: t(Text::FaiArticle).to_string(),
            color: RED,
        })
        .into_iter()
        .collect();
    let count = scenario.projects.count as f64;
    LineChart {
        start: outcome.start,
        days: outcome.days(),
        series: vec![
            Series::new(
                t(Text::FaiActual),
                BLUE,
                outcome
                    .series(Indicator::FaiCompletedPct, Area::City)
                    .to_vec(),
                Quantity::Percent,
            )
            .band_of(Indicator::FaiCompletedPct, 1.0),
            Series::new(t(Text::FaiPlan), GREY, plan, Quantity::Percent).stroke(Stroke::Dashed),
            Series::new(
                t(Text::ProjectsStartedSeries),
                ORANGE,
                outcome
                    .series(Indicator::ProjectsStarted, Area::City)
                    .to_vec(),
                Quantity::Projects,
            )
            .on_right()
            .band_of(Indicator::ProjectsStarted, 1.0),
        ],
        left: Axis::new(t(Text::ShareOfPlan), Quantity::Index).fixed(0.0, 105.0),
        right: Some(Axis::new(t(Text::ProjectsAxis), Quantity::Index).fixed(0.0, count * 1.05)),
        markers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn plan_passes_through_month_ends() {
        let s = presets::jinzhong_2022();
        let p = &s.projects;
        let at = |m, d| planned_pct(p, 2022, Date::ymd(2022, m, d));
        assert!((at(4, 30) - p.planned_completion[3] * 100.0).abs() < 1e-9);
        assert!((at(12, 31) - 100.0 * p.planned_completion[11]).abs() < 1e-9);
        assert!(at(1, 1) > 0.0 && at(1, 1) < at(1, 31));
    }
}
