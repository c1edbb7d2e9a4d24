//! Saved scenarios: name and save scenario A in this browser, then load, rename or delete
//! each one. Storage lives in [`crate::ui::saved`]; this panel only asks for it and reports.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::saved::{self, SavedEntry};
use crate::ui::state::PageNote;

#[derive(Properties, PartialEq, Clone)]
pub struct SavedPanelProps {
    pub saved: Rc<Vec<SavedEntry>>,
    /// What is saved: scenario A's link.
    pub link_a: AttrValue,
    /// Storage changed: read it again.
    pub onchanged: Callback<()>,
    pub onload: Callback<SavedEntry>,
    pub onnote: Callback<PageNote>,
}

#[component(SavedPanel)]
pub fn saved_panel(props: &SavedPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let name = use_state(String::new);
    // The entry being renamed, and the name typed so far.
    let renaming = use_state(|| None::<(String, String)>);

    // Callbacks
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let save = {
        let name = name.clone();
        let link = props.link_a.clone();
        let onchanged = props.onchanged.clone();
        let onnote = props.onnote.clone();
        let fallback = Text::ScenarioA.get(lang);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = saved::clean_name(&name);
            let chosen = if typed.is_empty() {
                fallback.to_string()
            } else {
                typed
            };
            match saved::save_new(&chosen, &link) {
                Ok(_) => name.set(String::new()),
                Err(note) => onnote.emit(note),
            }
            onchanged.emit(());
        })
    };
    let item = |e: &SavedEntry| {
        let load = {
            let onload = props.onload.clone();
            let e = e.clone();
            Callback::from(move |_: MouseEvent| onload.emit(e.clone()))
        };
        let delete = {
            let onchanged = props.onchanged.clone();
            let onnote = props.onnote.clone();
            let key = e.key.clone();
            Callback::from(move |_: MouseEvent| {
                if let Err(n) = saved::delete(&key) {
                    onnote.emit(n);
                }
                onchanged.emit(());
            })
        };
        let editing = renaming
            .as_ref()
            .filter(|(k, _)| *k == e.key)
            .map(|(_, n)| n.clone());
        let body = match editing {
            Some(current) => {
                let on_input = {
                    let renaming = renaming.clone();
                    let key = e.key.clone();
                    Callback::from(move |ev: InputEvent| {
                        renaming.set(Some((
                            key.clone(),
                            ev.target_unchecked_into::<HtmlInputElement>().value(),
                        )))
                    })
                };
                let confirm = {
                    let renaming = renaming.clone();
                    let onchanged = props.onchanged.clone();
                    let onnote = props.onnote.clone();
                    let entry = e.clone();
                    let current = current.clone();
                    Callback::from(move |ev: SubmitEvent| {
                        ev.prevent_default();
                        if !saved::clean_name(&current).is_empty() {
                            if let Err(n) = saved::rename(&entry, &current) {
                                onnote.emit(n);
                            }
                            onchanged.emit(());
                        }
                        renaming.set(None);
                    })
                };
                let cancel = {
                    let renaming = renaming.clone();
                    Callback::from(move |_: MouseEvent| renaming.set(None))
                };
                html! {
                    <form class="rename" onsubmit={confirm}>
                        <input type="text" data-testid="saved-rename-input" aria-label={Text::SaveName.get(lang)}
                            maxlength={saved::MAX_NAME_CHARS.to_string()} value={current} oninput={on_input} />
                        <button type="submit" class="btn primary" data-testid="saved-rename-ok">{ Text::Rename.get(lang) }</button>
                        <button type="button" class="btn" onclick={cancel}>{ Text::Cancel.get(lang) }</button>
                    </form>
                }
            }
            None => {
                let start_rename = {
                    let renaming = renaming.clone();
                    let key = e.key.clone();
                    let name = e.name.clone();
                    Callback::from(move |_: MouseEvent| {
                        renaming.set(Some((key.clone(), name.clone())))
                    })
                };
                html! {
                    <>
                        <span class="saved-name" data-testid="saved-name">{ e.name.clone() }</span>
                        <span class="saved-actions">
                            <button type="button" class="btn" data-testid="saved-load" onclick={load}>{ Text::Load.get(lang) }</button>
                            <button type="button" class="btn" data-testid="saved-rename" onclick={start_rename}>{ Text::Rename.get(lang) }</button>
                            <button type="button" class="btn danger" data-testid="saved-delete" onclick={delete}>{ Text::Delete.get(lang) }</button>
                        </span>
                    </>
                }
            }
        };
        html! { <li class="saved-item" data-testid="saved-item" data-key={e.key.clone()} key={e.key.clone()}>{ body }</li> }
    };
    html! {
        <details class="tool saved" data-testid="saved-panel">
            <summary>{ format!("{} ({})", Text::Saved.get(lang), props.saved.len()) }</summary>
            <div class="saved-body">
                <form class="save-row" onsubmit={save}>
                    <input type="text" data-testid="save-name" aria-label={Text::SaveName.get(lang)}
                        placeholder={Text::SaveNamePlaceholder.get(lang)}
                        maxlength={saved::MAX_NAME_CHARS.to_string()} value={(*name).clone()} oninput={on_name} />
                    <button type="submit" class="btn primary" data-testid="save-button">{ Text::Save.get(lang) }</button>
                </form>
                if props.saved.is_empty() {
                    <p class="empty">{ Text::NoSaved.get(lang) }</p>
                }
                <ul class="saved-list" data-testid="saved-list">
                    { for props.saved.iter().map(item) }
                </ul>
            </div>
        </details>
    }
}
