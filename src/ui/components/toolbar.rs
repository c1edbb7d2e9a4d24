//! The scenario bar under the header: what A is compared with, which scenario the levers
//! edit, the saved scenarios, and the exports (CSV, JSON) and the JSON import.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::saved_panel::SavedPanel;
use crate::i18n::{Lang, Text};
use crate::scenario::presets::{preset_label, PRESET_NAMES};
use crate::ui::saved::SavedEntry;
use crate::ui::state::{PageNote, Side};

#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    /// The compare picker's value: `off`, `copy`, `preset:<name>`, `saved:<key>` or `link`.
    pub compare: AttrValue,
    pub edit_target: Side,
    pub saved: Rc<Vec<SavedEntry>>,
    /// Scenario A's link, for saving it.
    pub link_a: AttrValue,
    pub oncompare: Callback<String>,
    pub onedittarget: Callback<Side>,
    pub onexportcsv: Callback<()>,
    pub onexportjson: Callback<()>,
    /// The chosen file's name and text.
    pub onimport: Callback<(String, Result<String, String>)>,
    pub onsavedchanged: Callback<()>,
    pub onloadsaved: Callback<SavedEntry>,
    pub onnote: Callback<PageNote>,
}

#[component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let on_compare = props
        .oncompare
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_target = props.onedittarget.reform(|e: Event| {
        match e
            .target_unchecked_into::<HtmlSelectElement>()
            .value()
            .as_str()
        {
            "b" => Side::B,
            _ => Side::A,
        }
    });
    let csv = props.onexportcsv.reform(|_: MouseEvent| ());
    let json = props.onexportjson.reform(|_: MouseEvent| ());
    let on_file = {
        let onimport = props.onimport.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let onimport = onimport.clone();
            let reset = input.clone();
            super::super::browser::read_chosen_file(&input, move |name, text| {
                onimport.emit((name, text));
                // The same file can be chosen again after a fix.
                reset.set_value("");
            });
        })
    };
    let value = props.compare.as_str();
    let comparing = value != "off";
    let preset_name = |name: &str| -> String {
        preset_label(name)
            .map(|(zh, en)| lang.pick(zh, en).to_string())
            .unwrap_or_else(|| name.to_string())
    };
    html! {
        <section class="toolbar" aria-label={Text::CompareWith.get(lang)}>
            <div class="tool">
                <label for="compare-select">{ Text::CompareWith.get(lang) }</label>
                <select id="compare-select" data-testid="compare-select" onchange={on_compare}>
                    <option value="off" selected={value == "off"}>{ Text::CompareOff.get(lang) }</option>
                    <option value="copy" selected={value == "copy"}>{ Text::CompareCopy.get(lang) }</option>
                    if value == "link" {
                        <option value="link" selected=true>{ Text::CompareFromLink.get(lang) }</option>
                    }
                    <optgroup label={Text::ComparePresets.get(lang)}>
                        { for PRESET_NAMES.iter().map(|&name| {
                            let v = format!("preset:{name}");
                            html! { <option value={v.clone()} selected={value == v}>{ preset_name(name) }</option> }
                        }) }
                    </optgroup>
                    if !props.saved.is_empty() {
                        <optgroup label={Text::CompareSaved.get(lang)}>
                            { for props.saved.iter().map(|e| {
                                let v = format!("saved:{}", e.key);
                                html! { <option value={v.clone()} selected={value == v}>{ e.name.clone() }</option> }
                            }) }
                        </optgroup>
                    }
                </select>
            </div>
            if comparing {
                <div class="tool">
                    <label for="edit-target">{ Text::EditTarget.get(lang) }</label>
                    <select id="edit-target" data-testid="edit-target" onchange={on_target}>
                        <option value="a" selected={props.edit_target == Side::A}>{ Text::ScenarioA.get(lang) }</option>
                        <option value="b" selected={props.edit_target == Side::B}>{ Text::ScenarioB.get(lang) }</option>
                    </select>
                </div>
            }
            <SavedPanel saved={props.saved.clone()} link_a={props.link_a.clone()}
                onchanged={props.onsavedchanged.clone()} onload={props.onloadsaved.clone()}
                onnote={props.onnote.clone()} />
            <div class="tool exports" role="group" aria-label={Text::Export.get(lang)}>
                <button type="button" class="btn" data-testid="export-csv" onclick={csv}>{ Text::ExportCsv.get(lang) }</button>
                <button type="button" class="btn" data-testid="export-json" onclick={json}>{ Text::ExportJson.get(lang) }</button>
                <label class="btn file-btn">
                    { Text::ImportJson.get(lang) }
                    <input type="file" accept=".json,application/json" data-testid="import-json" onchange={on_file} />
                </label>
            </div>
        </section>
    }
}
