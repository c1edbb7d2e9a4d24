//! What a chart shows, for readers who do not see the canvas: a short summary made from the
//! figure's data (peaks, troughs and the last day of each series; [`Figure::summary`]), shown
//! under the chart and used as the canvas's description (`aria-describedby`), and a "Data
//! table" toggle that opens the chart's data as an HTML table, sampled weekly plus each
//! column's peak day ([`Figure::table`]; the CSV export has every day).

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use super::chart_canvas::Shown;
use crate::charts::Figure;
use crate::i18n::{Lang, Text};
use crate::ui::compare::{self, ChartKind};

/// A page-unique element id starting with `prefix` (a chart may be shown twice, e.g. in
/// presentation mode, and ids must not repeat).
pub fn fresh_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[derive(Properties, Clone, PartialEq)]
pub struct ChartTableProps {
    pub id: ChartKind,
    pub a: Shown,
    #[prop_or_default]
    pub b: Option<Shown>,
    /// The id of the summary paragraph (the canvas's `aria-describedby`).
    pub desc_id: AttrValue,
}

fn build(id: ChartKind, a: &Shown, b: Option<&Shown>, lang: Lang) -> Figure {
    compare::figure(
        id,
        compare::Run {
            outcome: &a.results.outcome,
            scenario: &a.scenario,
        },
        b.map(|b| compare::Run {
            outcome: &b.results.outcome,
            scenario: &b.scenario,
        }),
        lang,
    )
}

#[component(ChartTable)]
pub fn chart_table(props: &ChartTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let open = use_state(|| false);
    let table_id = use_memo((), |_| fresh_id("chart-table"));
    // Built again only when what the chart shows changes (hover and playback do not).
    let built = use_memo(
        (props.id, props.a.clone(), props.b.clone(), lang),
        |(id, a, b, lang)| {
            let figure = build(*id, a, b.as_ref(), *lang);
            let summary = figure.summary(*lang).join(lang.pick("", " "));
            (figure, summary)
        },
    );
    let (figure, summary) = (&built.0, &built.1);
    let key = props.id.key();
    let title = props.id.title(lang);

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let table = (*open).then(|| {
        let t = figure.table(lang);
        let caption = Text::TableCaption.get(lang).replace("{title}", &title);
        let peak = Text::TablePeak.get(lang);
        html! {
            <div class="table-wrap" id={(*table_id).clone()} role="region" tabindex="0"
                aria-label={caption.clone()}>
                <table class="chart-table" data-testid={format!("chart-table-{key}")}>
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::TableDate.get(lang) }</th>
                            { for t.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for t.rows.iter().map(|r| html! {
                            <tr class={classes!((!r.peaks.is_empty()).then_some("peak-row"))}>
                                <th scope="row">{ r.date.clone() }</th>
                                { for r.cells.iter().enumerate().map(|(i, v)| {
                                    let is_peak = r.peaks.contains(&i);
                                    html! {
                                        <td class="num">
                                            { v.clone() }
                                            if is_peak {
                                                <span class="peak" aria-hidden="true">{ " ▲" }</span>
                                                <span class="sr-only">{ format!(" ({peak})") }</span>
                                            }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    });

    html! {
        <div class="chart-access">
            <p class="chart-summary" id={props.desc_id.clone()} data-testid={format!("chart-summary-{key}")}>
                { summary.clone() }
            </p>
            <button type="button" class="btn table-toggle" data-testid={format!("table-toggle-{key}")}
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={(*open).then(|| (*table_id).clone())}
                onclick={toggle}>
                { if *open { Text::TableHide.get(lang) } else { Text::TableShow.get(lang) } }
            </button>
            { table.unwrap_or_default() }
        </div>
    }
}
