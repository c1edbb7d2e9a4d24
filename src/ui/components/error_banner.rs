//! What the page shows instead of results when a scenario cannot be run: what is wrong, and a
//! way back to the default scenario.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::params::ParamSpec;
use crate::ui::engine::EngineError;

#[derive(Properties, PartialEq, Clone)]
pub struct ErrorBannerProps {
    pub error: EngineError,
    pub onreset: Callback<()>,
}

#[component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let detail = match &props.error {
        EngineError::Invalid(lines) => html! {
            <>
                <p>{ Text::ErrorInvalid.get(lang) }</p>
                <ul>
                    { for lines.iter().map(|(path, value)| {
                        // A registry number is named in the reader's language; list items by path.
                        let name = ParamSpec::find(path)
                            .map(|p| lang.pick(p.label_zh, p.label_en).to_string())
                            .unwrap_or_else(|| path.clone());
                        html! { <li>{ format!("{name} = {value} ") }<code>{ path.clone() }</code></li> }
                    }) }
                </ul>
            </>
        },
        EngineError::NonFinite => html! { <p>{ Text::ErrorEngine.get(lang) }</p> },
    };
    let reset = props.onreset.reform(|_: MouseEvent| ());
    html! {
        <div class="error-banner" role="alert" data-testid="error-banner">
            <h2>{ Text::ErrorTitle.get(lang) }</h2>
            { detail }
            <button type="button" class="btn primary" data-testid="reset-default" onclick={reset}>
                { Text::ResetDefault.get(lang) }
            </button>
        </div>
    }
}
