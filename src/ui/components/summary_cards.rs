//! The summary cards. Each carries `data-testid="summary-<key>"` with the runner's summary key
//! and `data-value` = the unformatted number (Rust `{}` of the f64), so tests compare the page
//! with the command-line runner exactly.
//!
//! With a scenario B, each card also shows B's value (`b-<key>`, `data-value` as above) and the
//! difference B − A with its sign and unit (`diff-<key>`, `data-value` = B − A unformatted, the
//! recovery date's in days; "" when either side has no value).

use yew::prelude::*;

use crate::i18n::{fmt_date, fmt_day_month, fmt_quantity, sig3, Lang, Quantity, Text};
use crate::scenario::Date;
use crate::sim::ensemble::Ranges;
use crate::sim::Summary;

#[derive(Properties, PartialEq, Clone)]
pub struct SummaryCardsProps {
    pub summary: Summary,
    /// Scenario B's summary, when comparing.
    #[prop_or_default]
    pub b: Option<Summary>,
    /// Number of key projects, for "91 / 110".
    pub project_count: u32,
    /// During playback: the summaries are as of this date (`sim::as_of`).
    #[prop_or_default]
    pub as_of: Option<CardsAsOf>,
    /// The ensemble's 5–95% range of each figure, by card key (shown under A's value as
    /// `range-<key>` with `data-p5`/`data-p95`, unformatted as `data-value`).
    #[prop_or_default]
    pub ranges: Option<std::rc::Rc<Ranges>>,
    /// B's ranges (its ensemble, same seed and runs), under B's value as `range-b-<key>`.
    #[prop_or_default]
    pub ranges_b: Option<std::rc::Rc<Ranges>>,
}

/// A card's 5–95% range from `ranges`, if it has one: `<span data-testid="{testid}">`.
fn range_html(
    lang: Lang,
    ranges: Option<&std::rc::Rc<Ranges>>,
    key: &str,
    unit: DiffUnit,
    testid: String,
) -> Option<Html> {
    let (_, [p5, p95]) = ranges?.iter().find(|(k, _)| k == key)?;
    // A date range's missing end is the runs that never recovered.
    let none = if matches!(unit, DiffUnit::Days) {
        Text::NotRecovered.get(lang)
    } else {
        "—"
    };
    let end = |v: Option<f64>| {
        v.map(|v| fmt_range_end(lang, unit, v))
            .unwrap_or_else(|| none.into())
    };
    Some(html! {
        <span class="card-range" data-testid={testid}
            data-p5={range_attr(unit, *p5)} data-p95={range_attr(unit, *p95)}>
            { Text::RangeLabel.get(lang) }{ " " }{ end(*p5) }{ " – " }{ end(*p95) }
        </span>
    })
}

/// One end of a card's range, as the card writes its value.
fn fmt_range_end(lang: Lang, unit: DiffUnit, v: f64) -> String {
    match unit {
        DiffUnit::Quantity(q) => fmt_quantity(lang, q, v),
        DiffUnit::PercentPoints => format!("{}%", sig3(v)),
        DiffUnit::Projects => sig3(v),
        DiffUnit::Days => fmt_date(lang, Date::from_days_since_epoch(v as i32)),
        DiffUnit::YuanPerYuan => match lang {
            Lang::Zh => format!("{}元", sig3(v)),
            Lang::En => format!("{} yuan", sig3(v)),
        },
    }
}

/// `data-p5`/`data-p95`: the number as `data-value` writes it, a date as YYYY-MM-DD, "" for none.
fn range_attr(unit: DiffUnit, v: Option<f64>) -> String {
    match (unit, v) {
        (DiffUnit::Days, Some(d)) => Date::from_days_since_epoch(d as i32).to_string(),
        (_, Some(v)) => format!("{v}"),
        (_, None) => String::new(),
    }
}

/// What the cards say during playback: the date they are read on, and what is not known yet.
#[derive(Clone, Debug, PartialEq)]
pub struct CardsAsOf {
    pub date: Date,
    /// Check dates after `date` (`YYYY-MM-DD`): their cards say "not yet".
    pub pending: Vec<String>,
}

/// How a difference between two cards is written.
#[derive(Clone, Copy, PartialEq)]
enum DiffUnit {
    Quantity(Quantity),
    /// A difference of two percentages.
    PercentPoints,
    Projects,
    Days,
    YuanPerYuan,
}

/// One card's content.
struct Card {
    testid: String,
    data_value: String,
    label: String,
    value: String,
    note: Option<String>,
    tone: &'static str,
    /// The number differences are taken of (days since the epoch for a date).
    num: Option<f64>,
    unit: DiffUnit,
}

fn card(key: &str, label: Text, lang: Lang, value: f64, shown: String, tone: &'static str) -> Card {
    Card {
        testid: format!("summary-{key}"),
        data_value: format!("{value}"),
        label: label.get(lang).to_string(),
        value: shown,
        note: None,
        tone,
        num: Some(value),
        unit: DiffUnit::Quantity(Quantity::People),
    }
}

impl Card {
    fn unit(mut self, unit: DiffUnit) -> Card {
        self.unit = unit;
        self
    }
}

/// B − A with its sign and unit: "+1.2万人", "−3 days", "±0".
fn fmt_diff(lang: Lang, unit: DiffUnit, d: f64, scale: f64) -> String {
    // Rounding noise of two runs that agree (100% and 99.99999999999997%) reads as no change;
    // `data-value` keeps the exact difference.
    if d == 0.0 || d.abs() <= scale.abs() * 1e-9 {
        return "±0".into();
    }
    let sign = if d > 0.0 { "+" } else { "−" };
    let m = d.abs();
    let body = match unit {
        // Counts are shown whole; a difference below one keeps its digits.
        DiffUnit::Quantity(q) if m < 1.0 && !matches!(q, Quantity::Percent | Quantity::Index) => {
            let unit = fmt_quantity(lang, q, 0.0);
            format!("{}{}", sig3(m), unit.trim_start_matches('0'))
        }
        DiffUnit::Quantity(q) => fmt_quantity(lang, q, m),
        DiffUnit::PercentPoints => match lang {
            Lang::Zh => format!("{}个百分点", sig3(m)),
            Lang::En => format!("{} pp", sig3(m)),
        },
        DiffUnit::Projects => match lang {
            Lang::Zh => format!("{}个", sig3(m)),
            Lang::En => format!("{} projects", sig3(m)),
        },
        DiffUnit::Days => format!("{m} {}", Text::DaysUnit.get(lang)),
        DiffUnit::YuanPerYuan => match lang {
            Lang::Zh => format!("{}元", sig3(m)),
            Lang::En => format!("{} yuan", sig3(m)),
        },
    };
    format!("{sign}{body}")
}

fn cards(s: &Summary, lang: Lang, project_count: u32, as_of: Option<&CardsAsOf>) -> Vec<Card> {
    let pending: &[String] = as_of.map_or(&[], |a| &a.pending);
    let q = |quantity, v| fmt_quantity(lang, quantity, v);
    let mut out = vec![
        card(
            "infections_total",
            Text::Infections,
            lang,
            s.infections_total,
            q(Quantity::People, s.infections_total),
            "epi",
        ),
        card(
            "detected_total",
            Text::Detected,
            lang,
            s.detected_total,
            q(Quantity::People, s.detected_total),
            "epi",
        ),
        card(
            "peak_isolated",
            Text::PeakIsolated,
            lang,
            s.peak_isolated,
            q(Quantity::People, s.peak_isolated),
            "epi",
        ),
        card(
            "deaths_total",
            Text::Deaths,
            lang,
            s.deaths_total,
            q(Quantity::People, s.deaths_total),
            "epi",
        ),
        card(
            "gdp_loss_yuan",
            Text::GdpLoss,
            lang,
            s.gdp_loss_yuan,
            q(Quantity::Yuan, s.gdp_loss_yuan),
            "econ",
        )
        .unit(DiffUnit::Quantity(Quantity::Yuan)),
        card(
            "gdp_loss_pct",
            Text::GdpLossPct,
            lang,
            s.gdp_loss_pct,
            format!("{}%", sig3(s.gdp_loss_pct)),
            "econ",
        )
        .unit(DiffUnit::PercentPoints),
        card(
            "retail_loss_yuan",
            Text::RetailLoss,
            lang,
            s.retail_loss_yuan,
            q(Quantity::Yuan, s.retail_loss_yuan),
            "econ",
        )
        .unit(DiffUnit::Quantity(Quantity::Yuan)),
        card(
            "jobs_lost_trough",
            Text::JobsLost,
            lang,
            s.jobs_lost_trough,
            q(Quantity::People, s.jobs_lost_trough),
            "econ",
        ),
        card(
            "smes_closed",
            Text::SmesClosed,
            lang,
            s.smes_closed,
            q(Quantity::Firms, s.smes_closed),
            "econ",
        )
        .unit(DiffUnit::Quantity(Quantity::Firms)),
        card(
            "fiscal_cost_yuan",
            Text::FiscalCost,
            lang,
            s.fiscal_cost_yuan,
            q(Quantity::Yuan, s.fiscal_cost_yuan),
            "fiscal",
        )
        .unit(DiffUnit::Quantity(Quantity::Yuan)),
    ];
    out.push(Card {
        testid: "summary-gdp_kept_per_yuan".into(),
        data_value: s
            .gdp_kept_per_yuan
            .map(|v| format!("{v}"))
            .unwrap_or_default(),
        label: Text::GdpKeptPerYuan.get(lang).to_string(),
        value: match s.gdp_kept_per_yuan {
            Some(v) => match lang {
                Lang::Zh => format!("{}元", sig3(v)),
                Lang::En => format!("{} yuan", sig3(v)),
            },
            None => "—".into(),
        },
        note: s
            .gdp_kept_per_yuan
            .is_none()
            .then(|| Text::NothingSpent.get(lang).to_string()),
        tone: "fiscal",
        num: s.gdp_kept_per_yuan,
        unit: DiffUnit::YuanPerYuan,
    });
    let dated = |key: &str,
                 label: Text,
                 map: &std::collections::BTreeMap<String, f64>,
                 f: &dyn Fn(f64) -> String,
                 unit: DiffUnit| {
        // Check dates still ahead during playback come last, as "not yet".
        map.iter()
            .map(|(date, v)| (date, Some(*v)))
            .chain(pending.iter().map(|date| (date, None)))
            .map(|(date, v)| {
                let when = date
                    .parse::<Date>()
                    .map(|d| fmt_day_month(lang, d))
                    .unwrap_or_else(|_| date.clone());
                Card {
                    testid: format!("summary-{key}-{date}"),
                    data_value: v.map(|v| format!("{v}")).unwrap_or_default(),
                    label: format!("{} · {when}", label.get(lang)),
                    value: v.map(f).unwrap_or_else(|| "—".into()),
                    note: v.is_none().then(|| Text::NotYet.get(lang).to_string()),
                    tone: "projects",
                    num: v,
                    unit,
                }
            })
            .collect::<Vec<_>>()
    };
    out.extend(dated(
        "fai_completed_pct",
        Text::FaiCompleted,
        &s.fai_completed_pct,
        &|v| format!("{}%", sig3(v)),
        DiffUnit::PercentPoints,
    ));
    out.extend(dated(
        "projects_started",
        Text::ProjectsStarted,
        &s.projects_started,
        &|v| format!("{} / {project_count}", sig3(v)),
        DiffUnit::Projects,
    ));
    out.push(Card {
        testid: "summary-recovery_date".into(),
        data_value: s.recovery_date.clone().unwrap_or_default(),
        label: Text::RecoveryDate.get(lang).to_string(),
        value: s
            .recovery_date
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .map(|d| fmt_date(lang, d))
            .unwrap_or_else(|| "—".into()),
        note: s.recovery_date.is_none().then(|| {
            // During playback a recovery still ahead cannot be known yet.
            let why = if as_of.is_some() {
                Text::NotYet
            } else {
                Text::NotRecovered
            };
            why.get(lang).to_string()
        }),
        tone: "econ",
        num: s
            .recovery_date
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .map(|d| d.days_since_epoch() as f64),
        unit: DiffUnit::Days,
    });
    out
}

#[component(SummaryCards)]
pub fn summary_cards(props: &SummaryCardsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let b_cards = props
        .b
        .as_ref()
        .map(|b| cards(b, lang, props.project_count, props.as_of.as_ref()))
        .unwrap_or_default();
    let comparing = props.b.is_some();
    html! {
        <section class={classes!("summary", comparing.then_some("comparing"))} aria-labelledby="summary-title">
            <h2 id="summary-title" class="section-title">{ Text::SummaryHeading.get(lang) }</h2>
            if let Some(as_of) = &props.as_of {
                <p class="as-of" data-testid="summary-as-of" data-value={as_of.date.to_string()}>
                    { format!("{} {}", Text::AsOf.get(lang), fmt_date(lang, as_of.date)) }
                </p>
            }
            <ul class="cards">
                { for cards(&props.summary, lang, props.project_count, props.as_of.as_ref()).into_iter().map(|c| {
                    let key = c.testid.trim_start_matches("summary-").to_string();
                    let b = b_cards.iter().find(|b| b.testid == c.testid);
                    let range = range_html(lang, props.ranges.as_ref(), &key, c.unit, format!("range-{key}"));
                    let range_b = b.and_then(|b| range_html(lang, props.ranges_b.as_ref(), &key, b.unit, format!("range-b-{key}")));
                    let compared = b.map(|b| {
                        let diff = match (c.num, b.num) {
                            (Some(x), Some(y)) => Some(y - x),
                            _ => None,
                        };
                        let scale = c.num.unwrap_or(0.0).abs().max(b.num.unwrap_or(0.0).abs());
                        let diff_text = diff.map(|d| fmt_diff(lang, c.unit, d, scale)).unwrap_or_else(|| "—".into());
                        let tone = match diff {
                            Some(d) if d > scale * 1e-9 => "up",
                            Some(d) if d < -scale * 1e-9 => "down",
                            _ => "same",
                        };
                        html! {
                            <>
                                <span class="card-b" data-testid={format!("b-{key}")} data-value={b.data_value.clone()}>
                                    <abbr title={Text::ScenarioB.get(lang)}>{ "B" }</abbr>{ " " }{ b.value.clone() }
                                </span>
                                { range_b.clone().unwrap_or_default() }
                                <span class={classes!("card-diff", tone)} data-testid={format!("diff-{key}")}
                                    data-value={diff.map(|d| format!("{d}")).unwrap_or_default()}>
                                    { "B − A " }{ diff_text }
                                </span>
                            </>
                        }
                    });
                    html! {
                        <li class={classes!("card", c.tone)} data-testid={c.testid} data-value={c.data_value}>
                            <span class="card-label">{ c.label }</span>
                            <span class="card-value">
                                if comparing { <abbr class="side" title={Text::ScenarioA.get(lang)}>{ "A" }</abbr>{ " " } }
                                { c.value }
                            </span>
                            if let Some(note) = c.note {
                                <span class="card-note">{ note }</span>
                            }
                            { range.unwrap_or_default() }
                            { compared.unwrap_or_default() }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
