//! Which charts are on screen: a chart scrolled out of view skips its redraws and catches up
//! when it comes back, so an input repaints only what the reader sees within the frame
//! (issue 5, BENCHMARKS.md "Where the time of a move goes"). One `IntersectionObserver` per
//! element, with a margin so a chart just below the fold is ready before it scrolls in.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// How far outside the viewport an element still counts as on screen.
const MARGIN: &str = "200px 0px";

/// Whether an element is on screen, and whether it skipped a redraw while it was not.
#[derive(Clone)]
pub struct OnScreen {
    visible: Rc<Cell<bool>>,
    stale: Rc<Cell<bool>>,
    /// Moves when the element comes back into view after a skipped redraw: an effect that
    /// depends on it redraws then.
    pub tick: u32,
}

impl OnScreen {
    /// True if the element should be drawn now; otherwise remembers that it is out of date.
    pub fn draw_now(&self) -> bool {
        if self.visible.get() {
            true
        } else {
            self.stale.set(true);
            false
        }
    }
}

/// Watches the element of `node` (taken as on screen until the browser says otherwise, and
/// always without `IntersectionObserver`).
#[hook]
pub fn use_on_screen(node: NodeRef) -> OnScreen {
    let visible = use_mut_ref(|| Rc::new(Cell::new(true))).borrow().clone();
    let stale = use_mut_ref(|| Rc::new(Cell::new(false))).borrow().clone();
    let tick = use_state(|| 0u32);
    {
        let (visible, stale, tick) = (visible.clone(), stale.clone(), tick.clone());
        use_effect_with((), move |_| {
            let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let Some(last) = entries
                    .iter()
                    .rev()
                    .find_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                else {
                    return;
                };
                let on = last.is_intersecting();
                visible.set(on);
                if on && stale.replace(false) {
                    tick.set(*tick + 1);
                }
            });
            let init = IntersectionObserverInit::new();
            init.set_root_margin(MARGIN);
            let observer =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                    .ok();
            if let (Some(o), Some(el)) = (&observer, node.cast::<web_sys::Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }
    OnScreen {
        visible,
        stale,
        tick: *tick,
    }
}
