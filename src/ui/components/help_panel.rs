//! Help: what the model is and where its numbers come from (a summary of MODEL.md).

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq, Clone)]
pub struct HelpPanelProps {
    pub onclose: Callback<()>,
}

#[component(HelpPanel)]
pub fn help_panel(props: &HelpPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let close = props.onclose.reform(|_: MouseEvent| ());
    // Keyboard and screen-reader users land on the panel they opened.
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let on_key = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                onclose.emit(());
            }
        })
    };
    html! {
        <section id="help" ref={panel} tabindex="-1" class="help-panel" data-testid="help-panel" aria-labelledby="help-title" onkeydown={on_key}>
            <div class="help-head">
                <h2 id="help-title">{ Text::HelpTitle.get(lang) }</h2>
                <button type="button" class="btn" data-testid="help-close" onclick={close}>
                    { Text::CloseHelp.get(lang) }
                </button>
            </div>
            { for [
                Text::HelpWhat,
                Text::HelpEpidemic,
                Text::HelpEconomy,
                Text::HelpLevers,
                Text::HelpDefault,
                Text::HelpSources,
                Text::HelpLimits,
                Text::HelpUsage,
            ].into_iter().map(|t| html! { <p>{ t.get(lang) }</p> }) }
        </section>
    }
}
