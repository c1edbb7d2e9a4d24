//! The dynamic zoning rule (精准分区管控): on/off, its trigger and release, its measures.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::measures_editor::MeasuresEditor;
use super::param_list::ParamList;
use crate::i18n::{Lang, Text};
use crate::scenario::params::Group;
use crate::scenario::Scenario;
use crate::ui::state::Edit;

#[derive(Properties, PartialEq, Clone)]
pub struct ZoningEditorProps {
    pub scenario: Rc<Scenario>,
    pub epoch: u32,
    pub onedit: Callback<Edit>,
}

#[component(ZoningEditor)]
pub fn zoning_editor(props: &ZoningEditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let zoning = &props.scenario.controls.zoning;
    let toggle = props.onedit.reform(|e: Event| {
        Edit::ZoningEnabled(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="zoning">
            <h4>{ Text::Zoning.get(lang) }</h4>
            <p class="help">{ Text::ZoningHelp.get(lang) }</p>
            <label class="switch">
                <input type="checkbox" checked={zoning.enabled} onchange={toggle}
                    data-testid="zoning-enabled" />
                { Text::ZoningEnabled.get(lang) }
            </label>
            <div class={classes!("zoning-body", (!zoning.enabled).then_some("off"))}>
                <ParamList
                    group={Group::Controls}
                    scenario={props.scenario.clone()}
                    epoch={props.epoch}
                    onedit={props.onedit.clone()}
                />
                <details class="item" open={true}>
                    <summary><span class="item-title">{ Text::ZoningMeasures.get(lang) }</span></summary>
                    <div class="item-body">
                        <MeasuresEditor
                            idbase="zoning"
                            measures={zoning.measures.clone()}
                            epoch={props.epoch}
                            onchange={props.onedit.reform(|(f, v)| Edit::ZoningMeasure(f, v))}
                        />
                    </div>
                </details>
            </div>
        </div>
    }
}
