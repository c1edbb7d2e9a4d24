//! Keeps the address bar equal to the state's link without a `history.replaceState` on every
//! step of a slider drag (≈ 3–6 ms each, and Chromium starts ignoring it when called hundreds of
//! times in a few seconds: BENCHMARKS.md). A change caused by a range slider's `input` event
//! (a drag) is written once the drag has rested for [`DRAG_WRITE_MS`], and at once when it ends
//! (its `change` event); every other change (typing, a preset, a link, the keyboard on a slider,
//! which sends `change` too) is written at once, as before. A write every 250 ms during a drag
//! was the slowest of the drag's frames (one in about 15 moves, ≈ 10 ms: BENCHMARKS.md), so a
//! drag in motion writes nothing.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;

/// During a drag, the address is written once the slider has rested this long.
pub const DRAG_WRITE_MS: i32 = 250;

/// A change this soon after a slider's `input` event comes from that event.
const SAME_EVENT_MS: f64 = 30.0;

#[derive(Default)]
struct Address {
    /// When a range slider last sent `input`.
    last_drag_input: f64,
    /// The link to write when the timer fires or the drag ends.
    pending: Option<String>,
    timer: Option<i32>,
}

thread_local! {
    static ADDRESS: RefCell<Address> = RefCell::new(Address::default());
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Writes the pending link, if any.
fn flush() {
    let pending = ADDRESS.with(|a| {
        let mut a = a.borrow_mut();
        if let (Some(id), Some(w)) = (a.timer.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
        a.pending.take()
    });
    if let Some(link) = pending {
        browser::replace_address(&link);
    }
}

fn is_range(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "range")
}

/// The address follows `link` (see the module's note).
#[hook]
pub fn use_address(link: String) {
    use_effect_with((), |_| {
        let on_input = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            if is_range(&e) {
                ADDRESS.with(|a| a.borrow_mut().last_drag_input = now());
            }
        });
        let on_change = Closure::<dyn Fn(web_sys::Event)>::new(|_: web_sys::Event| flush());
        let listeners = (
            browser::WindowListener::new(&["input"], true, on_input),
            browser::WindowListener::new(&["change"], true, on_change),
        );
        move || {
            drop(listeners);
            flush();
        }
    });
    use_effect_with(link, |link| {
        let dragging = ADDRESS.with(|a| now() - a.borrow().last_drag_input < SAME_EVENT_MS);
        if !dragging {
            ADDRESS.with(|a| a.borrow_mut().pending = None);
            flush();
            browser::replace_address(link);
            return;
        }
        // Each step of the drag puts the write off again (a trailing debounce).
        let earlier = ADDRESS.with(|a| {
            let mut a = a.borrow_mut();
            a.pending = Some(link.clone());
            a.timer.take()
        });
        if let Some(w) = web_sys::window() {
            if let Some(id) = earlier {
                w.clear_timeout_with_handle(id);
            }
            let fire = Closure::once_into_js(flush);
            let id = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    fire.unchecked_ref(),
                    DRAG_WRITE_MS,
                )
                .ok();
            ADDRESS.with(|a| a.borrow_mut().timer = id);
        }
    });
}
