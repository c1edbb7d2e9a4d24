//! The Share dialog: the scenario's link in a read-only field, a copy button (the Clipboard
//! API, else select and `execCommand("copy")`), and a note when the link is too long to open,
//! pointing to the JSON export; under it the link's QR code ([`QrCode`]).

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::scenario::link::MAX_LINK_LENGTH;
use crate::ui::browser;
use crate::ui::components::qr_code::QrCode;

#[derive(Properties, PartialEq, Clone)]
pub struct ShareDialogProps {
    /// The whole address, page and query.
    pub url: AttrValue,
    /// The query alone (what the decoder measures against its maximum).
    pub query_len: usize,
    pub onclose: Callback<()>,
}

#[component(ShareDialog)]
pub fn share_dialog(props: &ShareDialogProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = use_node_ref();
    let copied = use_state(|| None::<bool>);
    {
        // Open with the link selected: Ctrl+C works at once.
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                let _ = el.focus();
                el.select();
            }
            // Closed: keyboard users are back on the Share button.
            || {
                let button = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| {
                        d.query_selector("[data-testid=\"share-button\"]")
                            .ok()
                            .flatten()
                    })
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = button {
                    let _ = b.focus();
                }
            }
        });
    }

    // Callbacks
    let on_copy = {
        let input = input.clone();
        let copied = copied.clone();
        let url = props.url.to_string();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_text(&url, input.cast::<HtmlInputElement>(), move |ok| {
                copied.set(Some(ok))
            });
        })
    };
    let close = props.onclose.reform(|_: MouseEvent| ());
    let on_key = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                onclose.emit(());
            }
        })
    };
    let on_backdrop = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: MouseEvent| {
            // Only a click on the backdrop itself, not one bubbling from the dialog.
            if e.target() == e.current_target() {
                onclose.emit(());
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });

    let too_long = props.query_len > MAX_LINK_LENGTH;
    html! {
        <div class="backdrop" onclick={on_backdrop} onkeydown={on_key}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
                <div class="dialog-head">
                    <h2 id="share-title">{ Text::ShareTitle.get(lang) }</h2>
                    <button type="button" class="btn" data-testid="share-close" onclick={close}>
                        { Text::Close.get(lang) }
                    </button>
                </div>
                <p class="hint">{ Text::ShareHint.get(lang) }</p>
                <label class="field-label" for="share-link">
                    { format!("{} · {} {}", Text::ShareLinkLabel.get(lang), props.url.chars().count(), Text::LinkChars.get(lang)) }
                </label>
                <div class="share-row">
                    <input id="share-link" ref={input} type="text" readonly=true class="share-link"
                        data-testid="share-link" value={props.url.clone()} onfocus={select_all} />
                    <button type="button" class="btn primary" data-testid="share-copy" onclick={on_copy}>
                        { Text::Copy.get(lang) }
                    </button>
                </div>
                <p class="copy-status" role="status" aria-live="polite" data-testid="share-copy-status">
                    { match *copied {
                        Some(true) => Text::Copied.get(lang),
                        Some(false) => Text::CopyFailed.get(lang),
                        None => "",
                    } }
                </p>
                if too_long {
                    <p class="note warn" data-testid="share-too-long">{ Text::ShareTooLong.get(lang) }</p>
                }
                <div class="share-qr">
                    <QrCode text={props.url.clone()} caption={Text::QrScan.get(lang)} />
                </div>
            </div>
        </div>
    }
}
