//! The summary cards. Each carries `data-testid="summary-<key>"` with the runner's summary key
//! and `data-value` = the unformatted number (Rust `{}` of the f64), so tests compare the page
//! with the command-line runner exactly.

use yew::prelude::*;

use crate::i18n::{fmt_date, fmt_day_month, fmt_quantity, sig3, Lang, Quantity, Text};
use crate::scenario::Date;
use crate::sim::Summary;

#[derive(Properties, PartialEq, Clone)]
pub struct SummaryCardsProps {
    pub summary: Summary,
    /// Number of key projects, for "91 / 110".
    pub project_count: u32,
}

/// One card's content.
struct Card {
    testid: String,
    data_value: String,
    label: String,
    value: String,
    note: Option<String>,
    tone: &'static str,
}

fn card(key: &str, label: Text, lang: Lang, value: f64, shown: String, tone: &'static str) -> Card {
    Card {
        testid: format!("summary-{key}"),
        data_value: format!("{value}"),
        label: label.get(lang).to_string(),
        value: shown,
        note: None,
        tone,
    }
}

fn cards(s: &Summary, lang: Lang, project_count: u32) -> Vec<Card> {
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
        ),
        card(
            "gdp_loss_pct",
            Text::GdpLossPct,
            lang,
            s.gdp_loss_pct,
            format!("{}%", sig3(s.gdp_loss_pct)),
            "econ",
        ),
        card(
            "retail_loss_yuan",
            Text::RetailLoss,
            lang,
            s.retail_loss_yuan,
            q(Quantity::Yuan, s.retail_loss_yuan),
            "econ",
        ),
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
        ),
        card(
            "fiscal_cost_yuan",
            Text::FiscalCost,
            lang,
            s.fiscal_cost_yuan,
            q(Quantity::Yuan, s.fiscal_cost_yuan),
            "fiscal",
        ),
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
    });
    let dated = |key: &str,
                 label: Text,
                 map: &std::collections::BTreeMap<String, f64>,
                 f: &dyn Fn(f64) -> String| {
        map.iter()
            .map(|(date, v)| {
                let when = date
                    .parse::<Date>()
                    .map(|d| fmt_day_month(lang, d))
                    .unwrap_or_else(|_| date.clone());
                Card {
                    testid: format!("summary-{key}-{date}"),
                    data_value: format!("{v}"),
                    label: format!("{} · {when}", label.get(lang)),
                    value: f(*v),
                    note: None,
                    tone: "projects",
                }
            })
            .collect::<Vec<_>>()
    };
    out.extend(dated(
        "fai_completed_pct",
        Text::FaiCompleted,
        &s.fai_completed_pct,
        &|v| format!("{}%", sig3(v)),
    ));
    out.extend(dated(
        "projects_started",
        Text::ProjectsStarted,
        &s.projects_started,
        &|v| format!("{} / {project_count}", sig3(v)),
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
        note: s
            .recovery_date
            .is_none()
            .then(|| Text::NotRecovered.get(lang).to_string()),
        tone: "econ",
    });
    out
}

#[component(SummaryCards)]
pub fn summary_cards(props: &SummaryCardsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="section-title">{ Text::SummaryHeading.get(lang) }</h2>
            <ul class="cards">
                { for cards(&props.summary, lang, props.project_count).into_iter().map(|c| html! {
                    <li class={classes!("card", c.tone)} data-testid={c.testid} data-value={c.data_value}>
                        <span class="card-label">{ c.label }</span>
                        <span class="card-value">{ c.value }</span>
                        if let Some(note) = c.note {
                            <span class="card-note">{ note }</span>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}
