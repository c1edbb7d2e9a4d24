//! Browser tests of playback (issue #6): the playback state's rules (`ui::playback`), and the
//! page's scrubber moving the summary cards to a date and back to the whole year.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_playback`
#![cfg(target_arch = "wasm32")]

use recovery_lab::ui::playback::{step_ms, Playback, PlaybackAction, DEFAULT_SPEED, SPEEDS};
use recovery_lab::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const LAST: usize = 364;

fn playing_from(day: usize) -> Playback {
    Playback::default()
        .apply(PlaybackAction::Seek { day, last: LAST })
        .apply(PlaybackAction::Toggle { last: LAST })
}

#[wasm_bindgen_test]
fn play_starts_at_the_first_day_from_the_whole_year_or_the_end() {
    let p = Playback::default();
    assert_eq!((p.day, p.playing, p.speed), (None, false, DEFAULT_SPEED));
    let played = p.apply(PlaybackAction::Toggle { last: LAST });
    assert_eq!((played.day, played.playing), (Some(0), true));
    assert_eq!(played.run_from.0, 0);
    let at_end = p.apply(PlaybackAction::Seek {
        day: LAST,
        last: LAST,
    });
    assert!(!at_end.playing);
    let again = at_end.apply(PlaybackAction::Toggle { last: LAST });
    assert_eq!((again.day, again.playing), (Some(0), true));
    // From a chosen day, it plays on from there; toggling again pauses where it is.
    let mid = playing_from(100);
    assert_eq!(
        (mid.day, mid.playing, mid.run_from.0),
        (Some(100), true, 100)
    );
    let paused = mid.apply(PlaybackAction::Toggle { last: LAST });
    assert_eq!((paused.day, paused.playing), (Some(100), false));
}

#[wasm_bindgen_test]
fn ticks_move_the_day_and_stop_at_the_end() {
    let p = playing_from(10).apply(PlaybackAction::Tick {
        day: 15,
        last: LAST,
    });
    assert_eq!((p.day, p.playing), (Some(15), true));
    let end = p.apply(PlaybackAction::Tick {
        day: LAST + 30,
        last: LAST,
    });
    assert_eq!((end.day, end.playing), (Some(LAST), false));
    // A tick from a timer being stopped changes nothing.
    let paused = p.apply(PlaybackAction::Toggle { last: LAST });
    assert_eq!(
        paused.apply(PlaybackAction::Tick {
            day: 40,
            last: LAST
        }),
        paused
    );
}

#[wasm_bindgen_test]
fn seeking_and_speed_restart_the_timer_and_show_all_leaves() {
    let p = playing_from(10);
    let seeked = p.apply(PlaybackAction::Seek {
        day: 200,
        last: LAST,
    });
    assert_eq!((seeked.day, seeked.playing), (Some(200), true));
    assert_eq!(seeked.run_from.0, 200);
    assert_ne!(seeked.run_from.1, p.run_from.1);
    let clamped = p.apply(PlaybackAction::Seek {
        day: 9_999,
        last: LAST,
    });
    assert_eq!((clamped.day, clamped.playing), (Some(LAST), false));
    let faster = seeked.apply(PlaybackAction::SetSpeed(40));
    assert_eq!(faster.speed, 40);
    assert_ne!(faster.run_from.1, seeked.run_from.1);
    // Speeds not offered are refused.
    assert_eq!(faster.apply(PlaybackAction::SetSpeed(3)), faster);
    let all = faster.apply(PlaybackAction::ShowAll);
    assert_eq!((all.day, all.playing), (None, false));
    assert_eq!(all.until(365), None);
    assert_eq!(seeked.until(100), Some(99), "a shorter run clamps the day");
    // The timer fires at most every 50 ms, at least once a second for every speed offered.
    for s in SPEEDS {
        assert!((50..=500).contains(&step_ms(s)), "{s}");
    }
}

fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn value(root: &Element, id: &str) -> String {
    by_testid(root, id).get_attribute("data-value").unwrap()
}

#[wasm_bindgen_test]
async fn the_scrubber_reads_the_cards_as_of_its_date() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .unwrap();
    let doc = window.document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let year: f64 = value(&root, "summary-infections_total").parse().unwrap();
    assert!(root
        .query_selector("[data-testid=\"summary-as-of\"]")
        .unwrap()
        .is_none());
    let scrubber: HtmlInputElement = by_testid(&root, "playback-scrubber").dyn_into().unwrap();
    scrubber.set_value("59");
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    scrubber.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;

    assert_eq!(value(&root, "summary-as-of"), "2022-03-01");
    assert_eq!(value(&root, "playback-date"), "2022-03-01");
    let march: f64 = value(&root, "summary-infections_total").parse().unwrap();
    assert!(march <= year, "{march} > {year}");
    assert_eq!(value(&root, "summary-recovery_date"), "");
    assert_eq!(value(&root, "summary-projects_started-2022-06-30"), "");

    let all: web_sys::HtmlElement = by_testid(&root, "playback-all").dyn_into().unwrap();
    all.click();
    yew::scheduler::flush().await;
    let back: f64 = value(&root, "summary-infections_total").parse().unwrap();
    assert_eq!(back, year);
    assert_eq!(value(&root, "playback-date"), "");
}
