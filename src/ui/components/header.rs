//! The header: the name, the preset picker, the language switch, Share and Help.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::presets::{preset_label, PRESET_NAMES};

#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    pub preset: AttrValue,
    pub help_open: bool,
    pub onpreset: Callback<String>,
    pub onlang: Callback<Lang>,
    pub onhelp: Callback<bool>,
    pub onshare: Callback<()>,
    /// Opens presentation mode (issue #6).
    #[prop_or_default]
    pub onpresent: Callback<()>,
    /// Opens the Stories menu (guided stories); no button without it.
    #[prop_or_default]
    pub onstories: Option<Callback<()>>,
    /// The Stories menu is open (for `aria-expanded`).
    #[prop_or_default]
    pub stories_open: bool,
}

#[component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let on_preset = props
        .onpreset
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let lang_button = |l: Lang, testid: &'static str, text: &'static str| {
        let onclick = props.onlang.reform(move |_: MouseEvent| l);
        html! {
            <button type="button" class={classes!("seg", (l == lang).then_some("on"))}
                data-testid={testid} aria-pressed={if l == lang { "true" } else { "false" }}
                lang={l.html_lang()} {onclick}>
                { text }
            </button>
        }
    };
    let help_open = props.help_open;
    let on_help = props.onhelp.reform(move |_: MouseEvent| !help_open);
    let on_share = props.onshare.reform(|_: MouseEvent| ());
    let on_present = props.onpresent.reform(|_: MouseEvent| ());
    let stories = props.onstories.as_ref().map(|cb| {
        let onclick = cb.reform(|_: MouseEvent| ());
        html! {
            // aria-controls only while the menu is in the page (axe-core: aria-valid-attr-value);
            // the menu takes the focus when it opens.
            <button type="button" class="btn" data-testid="stories-button"
                aria-expanded={if props.stories_open { "true" } else { "false" }}
                aria-controls={props.stories_open.then_some("stories")} {onclick}>
                { Text::Stories.get(lang) }
            </button>
        }
    });
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ Text::AppName.get(lang) }</h1>
                <p class="tagline">{ Text::Tagline.get(lang) }</p>
            </div>
            <div class="top-controls">
                <label class="inline" for="preset-select">{ Text::Preset.get(lang) }</label>
                <select id="preset-select" data-testid="preset-select" onchange={on_preset}>
                    { for PRESET_NAMES.iter().map(|&name| {
                        let label = preset_label(name).map(|(zh, en)| lang.pick(zh, en)).unwrap_or(name);
                        html! { <option value={name} selected={*name == *props.preset}>{ label }</option> }
                    }) }
                </select>
                <div class="seg-group" role="group" aria-label={Text::Language.get(lang)}>
                    { lang_button(Lang::Zh, "lang-zh", "中文") }
                    { lang_button(Lang::En, "lang-en", "English") }
                </div>
                { stories.unwrap_or_default() }
                <button type="button" class="btn" data-testid="share-button" aria-haspopup="dialog" onclick={on_share}>
                    { Text::Share.get(lang) }
                </button>
                <button type="button" class="btn" data-testid="present-button" aria-haspopup="dialog"
                    title={Text::PresentTitle.get(lang)} onclick={on_present}>
                    { Text::Present.get(lang) }
                </button>
                <button type="button" class="btn" data-testid="help-button"
                    aria-expanded={if props.help_open { "true" } else { "false" }}
                    aria-controls="help" onclick={on_help}>
                    { Text::Help.get(lang) }
                </button>
            </div>
        </header>
    }
}
