//! The key-project plan at a glance: planned cumulative starts and spending by month end.

use yew::prelude::*;

use crate::i18n::{fmt_month, Lang, Text};
use crate::scenario::{Date, KeyProjects};

#[derive(Properties, PartialEq, Clone)]
pub struct PlanTableProps {
    pub projects: KeyProjects,
    pub year: i32,
}

#[component(PlanTable)]
pub fn plan_table(props: &PlanTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let p = &props.projects;
    let pct = |v: f64| format!("{:.0}%", v * 100.0);
    html! {
        <div class="plan">
            <h4>{ Text::PlanSchedule.get(lang) }</h4>
            <p class="help">{ Text::PlanScheduleHelp.get(lang) }</p>
            // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
            <div class="table-scroll" role="region" tabindex="0" aria-label={Text::PlanSchedule.get(lang)}>
                <table class="plan-table">
                    <thead>
                        <tr>
                            <th scope="col">{ Text::Month.get(lang) }</th>
                            { for (1..=12).map(|m| html! { <th scope="col">{ fmt_month(lang, Date::ymd(props.year, m, 1)) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ Text::PlannedStarts.get(lang) }</th>
                            { for p.planned_starts.iter().map(|v| html! { <td>{ pct(*v) }</td> }) }
                        </tr>
                        <tr>
                            <th scope="row">{ Text::PlannedCompletion.get(lang) }</th>
                            { for p.planned_completion.iter().map(|v| html! { <td>{ pct(*v) }</td> }) }
                        </tr>
                    </tbody>
                </table>
            </div>
        </div>
    }
}
