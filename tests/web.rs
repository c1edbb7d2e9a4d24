//! Browser tests of the page (wasm-bindgen-test in headless Chromium): mount the app in a fresh
//! root, act on a lever, flush Yew's scheduler, and read the `data-testid` contract. Never the
//! whole `inner_html`.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use recovery_lab::scenario::params::{ParamSpec, Unit};
use recovery_lab::ui::fields::{FieldError, NumberSpec};
use recovery_lab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty element on the page to mount one app into.
fn fresh_root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

async fn mount() -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn data_value(root: &Element, card: &str) -> String {
    by_testid(root, card).get_attribute("data-value").unwrap()
}

/// Types `text` into an input the way the browser reports it: an `input` event that bubbles.
fn type_into(input: &Element, text: &str) {
    let input: HtmlInputElement = input.clone().dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn fire_change(el: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_app_shows_results_on_mount() {
    let root = mount().await;
    let app = by_testid(&root, "app");
    assert_eq!(app.get_attribute("data-ready").as_deref(), Some("1"));
    let infections: f64 = data_value(&root, "summary-infections_total")
        .parse()
        .unwrap();
    assert!(infections > 0.0, "the default preset has an outbreak");
    for id in [
        "infections",
        "gdp_retail",
        "sectors",
        "projects",
        "jobs_smes",
        "fiscal",
        "stringency",
    ] {
        by_testid(&root, &format!("chart-{id}"));
    }
    by_testid(&root, "district-map");
}

#[wasm_bindgen_test]
async fn a_voucher_budget_changes_the_retail_card() {
    let root = mount().await;
    let before = data_value(&root, "summary-retail_loss_yuan");
    let budget = by_testid(&root, "wave-0-budget");
    let wan: f64 = budget
        .clone()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value()
        .parse()
        .unwrap();
    type_into(&budget, &format!("{}", wan * 4.0));
    yew::scheduler::flush().await;
    let after = data_value(&root, "summary-retail_loss_yuan");
    assert_ne!(before, after, "retail loss moves with the voucher budget");
    assert!(root
        .query_selector("[data-testid=\"field-error-wave-0-budget\"]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_slider_moves_the_summary_live() {
    let root = mount().await;
    let before = data_value(&root, "summary-infections_total");
    let slider = by_testid(&root, "param-epidemic.r0_delta-range");
    type_into(&slider, "6.4");
    yew::scheduler::flush().await;
    assert_ne!(before, data_value(&root, "summary-infections_total"));
    let input: HtmlInputElement = by_testid(&root, "param-epidemic.r0_delta")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "6.4");
}

#[wasm_bindgen_test]
async fn an_out_of_range_value_is_refused_at_the_field() {
    let root = mount().await;
    let before = data_value(&root, "summary-retail_loss_yuan");
    let key = "vouchers.spending_multiplier";
    type_into(&by_testid(&root, &format!("param-{key}")), "9");
    yew::scheduler::flush().await;
    let error = by_testid(&root, &format!("field-error-{key}"));
    assert!(!error.text_content().unwrap_or_default().is_empty());
    assert_eq!(
        before,
        data_value(&root, "summary-retail_loss_yuan"),
        "not clamped"
    );
    type_into(&by_testid(&root, &format!("param-{key}")), "4");
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(&format!("[data-testid=\"field-error-{key}\"]"))
        .unwrap()
        .is_none());
    let input: HtmlInputElement = by_testid(&root, &format!("param-{key}"))
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "4");
}

#[wasm_bindgen_test]
async fn presets_and_language_switch() {
    let root = mount().await;
    let before = data_value(&root, "summary-infections_total");
    let select: HtmlSelectElement = by_testid(&root, "preset-select").dyn_into().unwrap();
    select.set_value("no-outbreak");
    fire_change(&select);
    yew::scheduler::flush().await;
    assert_ne!(before, data_value(&root, "summary-infections_total"));
    assert_eq!(data_value(&root, "summary-infections_total"), "0");

    by_testid(&root, "lang-en")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    by_testid(&root, "lang-zh")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn intervals_and_waves_can_be_added_and_removed() {
    let root = mount().await;
    let count = |prefix: &str| {
        root.query_selector_all(&format!(
            "[data-testid^=\"{prefix}\"][data-testid$=\"-start\"]"
        ))
        .unwrap()
        .length()
    };
    let (intervals, waves) = (count("interval-"), count("wave-"));
    by_testid(&root, "interval-add")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    by_testid(&root, "wave-add")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(count("interval-"), intervals + 1);
    assert_eq!(count("wave-"), waves + 1);
    by_testid(&root, "interval-0-remove")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(count("interval-"), intervals);
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_visible_notice_with_a_way_back() {
    recovery_lab::ui::show_panic_notice("test panic");
    let doc = web_sys::window().unwrap().document().unwrap();
    let notice = doc
        .query_selector("[data-testid=\"panic-notice\"]")
        .unwrap()
        .expect("a notice in the page");
    assert!(notice.text_content().unwrap().contains("test panic"));
    let link = notice
        .query_selector("[data-testid=\"panic-reset\"]")
        .unwrap()
        .expect("a link back to the default scenario");
    assert!(link.get_attribute("href").is_some());
    notice.remove();
}

#[wasm_bindgen_test]
async fn the_error_banner_offers_the_default_scenario() {
    use recovery_lab::ui::components::error_banner::{ErrorBanner, ErrorBannerProps};
    use recovery_lab::ui::engine::EngineError;
    use std::cell::Cell;
    use std::rc::Rc;
    let clicked = Rc::new(Cell::new(false));
    let props = ErrorBannerProps {
        error: EngineError::Invalid(vec![("epidemic.r0_delta".into(), "9".into())]),
        onreset: {
            let clicked = clicked.clone();
            yew::Callback::from(move |_| clicked.set(true))
        },
    };
    let root = fresh_root();
    yew::Renderer::<ErrorBanner>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let banner = by_testid(&root, "error-banner");
    let text = banner.text_content().unwrap();
    assert!(
        text.contains("epidemic.r0_delta") && text.contains("基本再生数"),
        "{text}"
    );
    by_testid(&root, "reset-default")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    assert!(clicked.get());
}

#[wasm_bindgen_test]
fn numbers_read_back_exactly_in_display_units() {
    for p in recovery_lab::scenario::params::PARAMS {
        let spec = NumberSpec::of_param(p);
        for v in [p.min, p.max] {
            let shown = spec.display_text(v);
            assert_eq!(spec.parse(&shown), Ok(v), "{} {v} shown as {shown}", p.key);
        }
    }
    let pct = NumberSpec::of_param(ParamSpec::find("epidemic.effect_schools").unwrap());
    assert_eq!(pct.unit, Unit::Percent);
    assert_eq!(pct.parse("39"), Ok(0.39));
    assert_eq!(pct.parse("３９"), Ok(0.39));
    assert_eq!(pct.parse("81"), Err(FieldError::OutOfRange));
    assert_eq!(pct.parse("abc"), Err(FieldError::NotNumber));
    let days = NumberSpec::of_param(ParamSpec::find("housing.duration_days").unwrap());
    assert_eq!(days.parse("30.5"), Err(FieldError::NotInteger));
    let yi = NumberSpec::of_param(ParamSpec::find("housing.budget_yuan").unwrap());
    assert_eq!(yi.display_text(4.8e8), "4.8");
}
