//! The few browser services the page uses beyond drawing: the address bar, downloads made in
//! the page (no server), the clipboard, and reading a chosen file. Each fails quietly into a
//! `Result`, never a panic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement, Url};
use yew::prelude::*;

/// The link part of the current address: `?query#fragment` (either may be empty).
pub fn address_link() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default()
    )
}

/// The link the address holds after a change without reload: the fragment if there is one
/// (a link just put there), else the query.
pub fn address_link_fragment_first() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    match loc.hash().unwrap_or_default() {
        h if h.len() > 1 => h,
        _ => loc.search().unwrap_or_default(),
    }
}

/// The page's own address without query or fragment.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let loc = w.location();
            Some(format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Puts `?query` in the address bar in place of the current entry: no new history entry,
/// so dragging a slider never floods the back button.
pub fn replace_address(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let current = format!(
        "{}{}",
        window.location().search().unwrap_or_default(),
        window.location().hash().unwrap_or_default()
    );
    let wanted = format!("?{query}");
    if current == wanted {
        return;
    }
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{wanted}")));
    }
}

/// Saves `blob` as `filename` through a temporary `<a download>`.
pub fn download_blob(blob: &Blob, filename: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob)?;
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("style", "display: none")?;
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoked after the click has been handled: the download has its own reference by then.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// Saves `text` as `filename` with the MIME type `mime`.
pub fn download_text(text: &str, filename: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(&blob, filename)
}

/// Saves what `canvas` shows as a PNG file.
pub fn download_canvas_png(canvas: &HtmlCanvasElement, filename: &str) -> Result<(), JsValue> {
    let filename = filename.to_string();
    let callback = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = download_blob(&blob, &filename);
        }
    });
    canvas.to_blob(callback.unchecked_ref())
}

/// Copies `text` to the clipboard: the Clipboard API where the page may use it, else the old
/// way (select the text of `fallback` and `execCommand("copy")`). Calls `done` with whether
/// the text was copied.
pub fn copy_text(text: &str, fallback: Option<HtmlInputElement>, done: impl Fn(bool) + 'static) {
    let select_and_copy = move |fallback: Option<HtmlInputElement>| -> bool {
        let Some(input) = fallback else {
            return false;
        };
        let _ = input.focus();
        input.select();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let exec = js_sys::Reflect::get(&doc, &"execCommand".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        exec.and_then(|f| f.call1(&doc, &"copy".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    };
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let write = clipboard.as_ref().and_then(|c| {
        js_sys::Reflect::get(c, &"writeText".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    let promise = match (clipboard, write) {
        (Some(c), Some(f)) => f
            .call1(&c, &JsValue::from_str(text))
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        _ => None,
    };
    match promise {
        Some(p) => {
            let done = std::rc::Rc::new(done);
            let ok: Closure<dyn FnMut(JsValue)> = {
                let done = done.clone();
                Closure::once(move |_: JsValue| (*done)(true))
            };
            let fail: Closure<dyn FnMut(JsValue)> =
                Closure::once(move |_: JsValue| (*done)(select_and_copy(fallback)));
            let _ = p.then2(&ok, &fail);
            // One of the two runs, once; both are small. Dropping them here would free them
            // before the promise settles.
            ok.forget();
            fail.forget();
        }
        None => done(select_and_copy(fallback)),
    }
}

/// Reads the first file chosen in `input` as text, then calls `done(name, text)`.
pub fn read_chosen_file(
    input: &HtmlInputElement,
    done: impl FnOnce(String, Result<String, String>) + 'static,
) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    let reader = match web_sys::FileReader::new() {
        Ok(r) => r,
        Err(_) => {
            done(name, Err("FileReader is not available".into()));
            return;
        }
    };
    let r = reader.clone();
    let onload = Closure::once_into_js(move |_: JsValue| {
        let text = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| "the file could not be read as text".to_string());
        done(name, text);
    });
    reader.set_onloadend(Some(onload.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}

/// A listener on the window for one or more events, removed when dropped: made in an effect,
/// dropped by the effect's cleanup.
pub struct WindowListener<T: ?Sized> {
    events: &'static [&'static str],
    capture: bool,
    closure: Closure<T>,
}

impl<T: ?Sized> WindowListener<T> {
    /// Listens to `events` with `closure` (in the capture phase if `capture`).
    pub fn new(
        events: &'static [&'static str],
        capture: bool,
        closure: Closure<T>,
    ) -> WindowListener<T> {
        listen(events, capture, closure.as_ref(), true);
        WindowListener {
            events,
            capture,
            closure,
        }
    }
}

impl<T: ?Sized> Drop for WindowListener<T> {
    fn drop(&mut self) {
        listen(self.events, self.capture, self.closure.as_ref(), false);
    }
}

/// Adds (`on`) or removes `function` as the window's listener of `events`.
fn listen(events: &[&str], capture: bool, function: &JsValue, on: bool) {
    if let Some(w) = web_sys::window() {
        for event in events {
            let f = function.unchecked_ref();
            let _ = if on {
                w.add_event_listener_with_callback_and_bool(event, f, capture)
            } else {
                w.remove_event_listener_with_callback_and_bool(event, f, capture)
            };
        }
    }
}

/// Calls `on_resize` on every resize of the window while the calling component is mounted.
#[hook]
pub fn use_window_resize<F: Fn() + 'static>(on_resize: F) {
    use_effect_with((), move |_| {
        let listener = WindowListener::new(&["resize"], false, Closure::<dyn Fn()>::new(on_resize));
        move || drop(listener)
    });
}
