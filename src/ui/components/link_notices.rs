//! The notices of the link that opened the page: each value the page could not use, named in
//! the reader's language, with what it did instead. Visible until dismissed; the rest of the
//! link applies either way.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::link::Notice;

#[derive(Properties, PartialEq, Clone)]
pub struct LinkNoticesProps {
    pub notices: Vec<Notice>,
    pub ondismiss: Callback<usize>,
    pub ondismissall: Callback<()>,
}

#[component(LinkNotices)]
pub fn link_notices(props: &LinkNoticesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    if props.notices.is_empty() {
        return html! {};
    }
    let all = props.ondismissall.reform(|_: MouseEvent| ());
    html! {
        <section class="notices" role="status" aria-live="polite" data-testid="link-notices">
            <div class="notices-head">
                <strong>{ Text::LinkNoticesTitle.get(lang) }</strong>
                <button type="button" class="btn" data-testid="link-notices-dismiss" onclick={all}>
                    { Text::DismissAll.get(lang) }
                </button>
            </div>
            <ul>
                { for props.notices.iter().enumerate().map(|(i, n)| {
                    let dismiss = props.ondismiss.reform(move |_: MouseEvent| i);
                    html! {
                        <li data-testid="link-notice" data-code={n.problem.code()} data-key={n.key.clone()}>
                            <span>{ n.message(lang == Lang::Zh) }</span>
                            <button type="button" class="icon-btn" aria-label={Text::Dismiss.get(lang)}
                                title={Text::Dismiss.get(lang)} onclick={dismiss}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
