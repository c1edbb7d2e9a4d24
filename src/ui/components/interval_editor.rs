//! The dated control intervals: add, remove, and edit each one's dates, districts and
//! measures.

use std::rc::Rc;

use yew::prelude::*;

use super::date_field::DateField;
use super::district_picker::DistrictPicker;
use super::measures_editor::MeasuresEditor;
use crate::i18n::{fmt_day_month, numbered, Lang, Text};
use crate::scenario::{ControlInterval, Scenario, Target};
use crate::ui::state::{Edit, IntervalEdit};

#[derive(Properties, PartialEq, Clone)]
pub struct IntervalEditorProps {
    pub scenario: Rc<Scenario>,
    pub epoch: u32,
    pub onedit: Callback<Edit>,
}

/// "2月21日–3月6日 · 太谷区" / "21 Feb – 6 Mar · Taigu".
fn summary_line(lang: Lang, iv: &ControlInterval) -> String {
    let places = match &iv.districts {
        Target::All => Text::AllDistricts.get(lang).to_string(),
        Target::Districts(list) => list
            .iter()
            .map(|d| lang.pick(d.name_zh(), d.name_en()))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", ")),
    };
    format!(
        "{}–{} · {}",
        fmt_day_month(lang, iv.start),
        fmt_day_month(lang, iv.end),
        places
    )
}

#[component(IntervalEditor)]
pub fn interval_editor(props: &IntervalEditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let s = &props.scenario;
    let add = props.onedit.reform(|_: MouseEvent| Edit::AddInterval);
    html! {
        <div class="list-editor">
            <h4>{ Text::ControlIntervals.get(lang) }</h4>
            <p class="help">{ Text::ControlIntervalsHelp.get(lang) }</p>
            if s.controls.intervals.is_empty() {
                <p class="empty">{ Text::NoIntervals.get(lang) }</p>
            }
            { for s.controls.intervals.iter().enumerate().map(|(i, iv)| {
                let edit = move |e: IntervalEdit| Edit::Interval(i, e);
                let idbase = format!("interval-{i}");
                let title = numbered(lang, "区间", "Interval", i);
                html! {
                    <details class="item" open={true} key={format!("{}-{i}", props.epoch)} data-testid={idbase.clone()}>
                        <summary>
                            <span class="item-title">{ title.clone() }</span>
                            <span class="item-sub">{ summary_line(lang, iv) }</span>
                        </summary>
                        <div class="item-body">
                            <div class="date-row">
                                <DateField
                                    testid={format!("{idbase}-start")}
                                    label={Text::StartDate.get(lang)}
                                    value={iv.start}
                                    min={s.start}
                                    max={s.end}
                                    epoch={props.epoch}
                                    onchange={props.onedit.reform(move |d| edit(IntervalEdit::Start(d)))}
                                />
                                <DateField
                                    testid={format!("{idbase}-end")}
                                    label={Text::EndDate.get(lang)}
                                    value={iv.end}
                                    min={s.start}
                                    max={s.end}
                                    not_before={Some(iv.start)}
                                    epoch={props.epoch}
                                    onchange={props.onedit.reform(move |d| edit(IntervalEdit::End(d)))}
                                />
                            </div>
                            <DistrictPicker
                                idbase={idbase.clone()}
                                value={iv.districts.clone()}
                                onchange={props.onedit.reform(move |t| edit(IntervalEdit::Districts(t)))}
                            />
                            <MeasuresEditor
                                idbase={idbase.clone()}
                                measures={iv.measures.clone()}
                                epoch={props.epoch}
                                onchange={props.onedit.reform(move |(f, v)| edit(IntervalEdit::Measure(f, v)))}
                            />
                            <button type="button" class="btn danger"
                                data-testid={format!("{idbase}-remove")}
                                aria-label={format!("{} {}", Text::RemoveInterval.get(lang), title)}
                                onclick={props.onedit.reform(move |_: MouseEvent| Edit::RemoveInterval(i))}>
                                { Text::RemoveInterval.get(lang) }
                            </button>
                        </div>
                    </details>
                }
            }) }
            <button type="button" class="btn" data-testid="interval-add" onclick={add}>
                { "+ " }{ Text::AddInterval.get(lang) }
            </button>
        </div>
    }
}
