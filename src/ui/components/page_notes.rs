//! Notes about what the page skipped or refused outside the link: saved scenarios that cannot
//! be read, storage that cannot be used, an imported file that is not a valid scenario.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::state::PageNote;

#[derive(Properties, PartialEq, Clone)]
pub struct PageNotesProps {
    pub notes: Vec<PageNote>,
    pub ondismiss: Callback<usize>,
}

#[component(PageNotes)]
pub fn page_notes(props: &PageNotesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    if props.notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices warn" role="alert" data-testid="page-notes">
            <ul>
                { for props.notes.iter().enumerate().map(|(i, n)| {
                    let dismiss = props.ondismiss.reform(move |_: MouseEvent| i);
                    let (testid, body) = match n {
                        PageNote::SavedSkipped { key, reason } => ("saved-skipped", html! {
                            <span>{ format!("{}: ", Text::SavedSkipped.get(lang)) }<code>{ key.clone() }</code>{ format!(" — {}", reason.message(lang == Lang::Zh)) }</span>
                        }),
                        PageNote::StorageUnavailable { detail } => ("storage-unavailable", html! {
                            <span>{ format!("{}: {detail}", Text::StorageUnavailable.get(lang)) }</span>
                        }),
                        PageNote::ImportRefused { file, problems } => ("import-error", html! {
                            <span>
                                { format!("{} ({file}):", Text::ImportRefused.get(lang)) }
                                <ul class="problems">
                                    { for problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }
                                </ul>
                            </span>
                        }),
                    };
                    html! {
                        <li data-testid={testid}>
                            { body }
                            <button type="button" class="icon-btn" aria-label={Text::Dismiss.get(lang)}
                                title={Text::Dismiss.get(lang)} onclick={dismiss}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
