//! Where the uncertainty bands stand: runs done of N with a progress bar
//! (`data-testid="ensemble-progress"`, `data-state` waiting / running / done / failed,
//! `data-done`, `data-total`, `data-ms` from start to the last view; `data-b-done` with B's
//! runs when comparing, which run after A's), the number of runs
//! (`ensemble-runs`, a choice of counts up to 2,000; any from 1 in a link, where it travels
//! with the seed), or, without web workers, a plain notice (`ensemble-unavailable`) while the
//! deterministic run shows as always. A checkbox (`bands-toggle`) hides or shows the bands on
//! the charts, on the page and the slides alike; the cards keep their ranges.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::link::{DEFAULT_RUNS, MAX_RUNS};
use crate::scenario::Scenario;
use crate::ui::ensemble::{Status, View};

/// The run counts offered (a link may ask for any from 1 to 2,000).
const RUN_CHOICES: [u32; 7] = [20, 50, 100, 200, 500, 1000, 2000];

/// What the status shows. A plain function of the page's state rather than a component of its
/// own (each component costs the bundle a few kilobytes; the page redraws it anyway).
pub struct EnsembleStatusProps {
    pub view: Rc<View>,
    /// The scenario shown now: a view of another one is out of date.
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    pub runs: u32,
    pub onruns: Callback<u32>,
    /// Whether the bands are drawn on the charts.
    pub bands_shown: bool,
    pub onbands: Callback<bool>,
}

pub fn ensemble_status(props: &EnsembleStatusProps, lang: Lang) -> Html {
    let view = &props.view;
    if view.status == Status::Unavailable {
        return html! {
            <p class="ensemble ensemble-unavailable" role="status" data-testid="ensemble-unavailable">
                { Text::EnsembleUnavailable.get(lang) }
            </p>
        };
    }
    let current = view.is_of(&props.scenario, props.seed, props.runs);
    let (state, text) = match (&view.status, current) {
        (Status::Failed(why), true) => {
            ("failed", format!("{}{why}", Text::EnsembleFailed.get(lang)))
        }
        (Status::Running, true) => ("running", Text::EnsembleRunning.get(lang).to_string()),
        (Status::Done, true) => ("done", Text::EnsembleDone.get(lang).to_string()),
        _ => ("waiting", Text::EnsembleWaiting.get(lang).to_string()),
    };
    let done = if current { view.done } else { 0 };
    // When comparing, B's runs follow A's in the same workers.
    let b_done = view.b.as_ref().filter(|_| current).map(|b| b.done);
    // A select, not a number field: nothing to type, so nothing the progress redraws can reset.
    // A link's own count (1 to 2,000) is one of the choices.
    let mut choices = RUN_CHOICES.to_vec();
    if !choices.contains(&props.runs) {
        let at = choices.partition_point(|&c| c < props.runs);
        choices.insert(at, props.runs);
    }
    let on_runs = props.onruns.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        v.parse().unwrap_or(DEFAULT_RUNS).clamp(1, MAX_RUNS)
    });
    let on_bands = props.onbands.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    });
    html! {
        <section class="ensemble" aria-labelledby="ensemble-title">
            <div class="ensemble-head">
                <h2 id="ensemble-title" class="section-title">{ Text::EnsembleHeading.get(lang) }</h2>
                <label for="ensemble-runs">{ Text::EnsembleRuns.get(lang) }</label>
                <select id="ensemble-runs" data-testid="ensemble-runs" onchange={on_runs}>
                    { for choices.into_iter().map(|n| html! {
                        <option value={n.to_string()} selected={n == props.runs}>{ n }</option>
                    }) }
                </select>
                <span class="ensemble-seed">{ Text::EnsembleSeed.get(lang) }{ " " }{ props.seed }</span>
                <label class="bands-toggle">
                    <input type="checkbox" data-testid="bands-toggle" checked={props.bands_shown}
                        onchange={on_bands} />
                    { Text::BandsShow.get(lang) }
                </label>
            </div>
            <div class="ensemble-progress" data-testid="ensemble-progress" data-state={state}
                data-done={done.to_string()} data-total={props.runs.to_string()}
                data-b-done={b_done.map(|d| d.to_string())}
                data-ms={if state == "done" { format!("{:.1}", view.elapsed_ms) } else { String::new() }}>
                <progress max={props.runs.to_string()} value={done.to_string()}></progress>
                <span>{ text }{ format!(" · {done} / {}", props.runs) }
                    { b_done.map(|d| format!(" · B {d} / {}", props.runs)).unwrap_or_default() }</span>
            </div>
            <p class="hint">{ Text::EnsembleHint.get(lang) }</p>
        </section>
    }
}
