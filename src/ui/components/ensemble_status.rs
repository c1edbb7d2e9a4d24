//! Where the uncertainty bands stand: runs done of N with a progress bar
//! (`data-testid="ensemble-progress"`, `data-state` waiting / running / done / failed,
//! `data-done`, `data-total`, `data-ms` from start to the last run merged), the number of runs
//! (`ensemble-runs`, 1 to 2,000, travels in the link with the seed), or, without web workers, a
//! plain notice (`ensemble-unavailable`) while the deterministic run shows as always.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::link::{DEFAULT_RUNS, MAX_RUNS};
use crate::scenario::Scenario;
use crate::ui::ensemble::{Status, View};

/// What the status shows. A plain function of the page's state rather than a component of its
/// own (each component costs the bundle a few kilobytes; the page redraws it anyway).
pub struct EnsembleStatusProps {
    pub view: Rc<View>,
    /// The scenario shown now: a view of another one is out of date.
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    pub runs: u32,
    pub onruns: Callback<u32>,
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
    html! {
        <section class="ensemble" aria-labelledby="ensemble-title">
            <div class="ensemble-head">
                <h2 id="ensemble-title" class="section-title">{ Text::EnsembleHeading.get(lang) }</h2>
                <label for="ensemble-runs">{ Text::EnsembleRuns.get(lang) }</label>
                <RunsField runs={props.runs} onruns={props.onruns.clone()} />
                <span class="ensemble-seed">{ Text::EnsembleSeed.get(lang) }{ " " }{ props.seed }</span>
            </div>
            <div class="ensemble-progress" data-testid="ensemble-progress" data-state={state}
                data-done={done.to_string()} data-total={props.runs.to_string()}
                data-ms={if state == "done" { format!("{:.1}", view.elapsed_ms) } else { String::new() }}>
                <progress max={props.runs.to_string()} value={done.to_string()}></progress>
                <span>{ text }{ format!(" · {done} / {}", props.runs) }</span>
            </div>
            <p class="hint">{ Text::EnsembleHint.get(lang) }</p>
        </section>
    }
}

#[derive(Properties, Clone)]
struct RunsFieldProps {
    runs: u32,
    onruns: Callback<u32>,
}

impl PartialEq for RunsFieldProps {
    /// Only the value: the field is not redrawn (and what is typed in it not reset) each time
    /// the progress moves and the page hands down a new callback.
    fn eq(&self, other: &Self) -> bool {
        self.runs == other.runs
    }
}

/// The number of runs, 1 to 2,000, applied on change (Enter or leaving the field).
#[component(RunsField)]
fn runs_field(props: &RunsFieldProps) -> Html {
    let on_runs = props.onruns.reform(|e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        let v = input.value_as_number();
        let n = if v.is_finite() {
            v.round().clamp(1.0, MAX_RUNS as f64) as u32
        } else {
            DEFAULT_RUNS
        };
        input.set_value(&n.to_string());
        n
    });
    html! {
        <input id="ensemble-runs" data-testid="ensemble-runs" type="number" min="1"
            max={MAX_RUNS.to_string()} step="1" value={props.runs.to_string()} onchange={on_runs} />
    }
}
