//! Which districts a control interval or voucher wave applies to: all, or a chosen set.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::{District, Target, DISTRICTS};

#[derive(Properties, Clone)]
pub struct DistrictPickerProps {
    /// Prefix of the controls' test ids and element ids (`interval-0`).
    pub idbase: AttrValue,
    pub value: Target,
    /// Not compared, as [`NumberField`](super::number_field::NumberField)'s: it only captures
    /// the list index that `idbase` names.
    pub onchange: Callback<Target>,
}

impl PartialEq for DistrictPickerProps {
    fn eq(&self, other: &Self) -> bool {
        self.idbase == other.idbase && self.value == other.value
    }
}

#[component(DistrictPicker)]
pub fn district_picker(props: &DistrictPickerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let error = use_state(|| false);

    // Callbacks
    let set_all = {
        let onchange = props.onchange.clone();
        let error = error.clone();
        Callback::from(move |_: Event| {
            error.set(false);
            onchange.emit(Target::All);
        })
    };
    let set_chosen = {
        let onchange = props.onchange.clone();
        let value = props.value.clone();
        Callback::from(move |_: Event| {
            if value == Target::All {
                onchange.emit(Target::Districts(DISTRICTS.to_vec()));
            }
        })
    };
    let toggle = |d: District| {
        let onchange = props.onchange.clone();
        let value = props.value.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut list: Vec<District> = match &value {
                Target::All => DISTRICTS.to_vec(),
                Target::Districts(l) => l.clone(),
            };
            if on {
                if !list.contains(&d) {
                    list.push(d);
                }
            } else {
                list.retain(|x| *x != d);
            }
            if list.is_empty() {
                // Refused: an empty set would switch the interval off silently.
                error.set(true);
                e.target_unchecked_into::<HtmlInputElement>()
                    .set_checked(true);
                return;
            }
            error.set(false);
            crate::small_sort::sort_by(&mut list, |a, b| a.index() < b.index());
            onchange.emit(Target::Districts(list));
        })
    };

    let all = props.value == Target::All;
    let name = format!("{}-target", props.idbase);
    html! {
        <fieldset class="districts">
            <legend>{ Text::Districts.get(lang) }</legend>
            <div class="target-choice">
                <label>
                    <input type="radio" name={name.clone()} checked={all} onchange={set_all}
                        data-testid={format!("{}-all", props.idbase)} />
                    { Text::AllDistricts.get(lang) }
                </label>
                <label>
                    <input type="radio" name={name} checked={!all} onchange={set_chosen}
                        data-testid={format!("{}-chosen", props.idbase)} />
                    { Text::ChosenDistricts.get(lang) }
                </label>
            </div>
            if !all {
                <div class="district-boxes">
                    { for DISTRICTS.iter().map(|&d| html! {
                        <label class="chip">
                            <input type="checkbox" checked={props.value.includes(d)}
                                data-testid={format!("{}-district-{}", props.idbase, d.id())}
                                onchange={toggle(d)} />
                            { lang.pick(d.name_zh(), d.name_en()) }
                        </label>
                    }) }
                </div>
            }
            if *error {
                <p class="field-error" role="alert">{ Text::ErrNoDistrict.get(lang) }</p>
            }
        </fieldset>
    }
}
