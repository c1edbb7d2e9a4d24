//! Browser tests of the page (wasm-bindgen-test in headless Chromium): mount the app in a fresh
//! root, act on a lever, flush Yew's scheduler, and read the `data-testid` contract. Never the
//! whole `inner_html`.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use recovery_lab::scenario::params::{ParamSpec, Unit};
use recovery_lab::ui::fields::{FieldError, NumberSpec};
use recovery_lab::ui::App;
use wasm_bindgen::{JsCast, JsValue};
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

/// Puts `query` (with `?`, or "" for none) in the address without a new history entry.
fn set_address(query: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
}

fn address_query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Mounts a fresh app on a plain address: each test starts from the default scenario, not
/// from the link the previous test left in the address bar.
async fn mount() -> Element {
    set_address("");
    mount_here().await
}

/// Mounts a fresh app that opens whatever the address holds.
async fn mount_here() -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The saved scenarios are read after the first render.
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

// Links, comparison, saved scenarios

fn count(root: &Element, id: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .length()
}

fn click(root: &Element, id: &str) {
    by_testid(root, id)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

fn choose(root: &Element, id: &str, value: &str) {
    let select: HtmlSelectElement = by_testid(root, id).dyn_into().unwrap();
    select.set_value(value);
    assert_eq!(select.value(), value, "{id} has an option {value}");
    fire_change(&select);
}

fn number(root: &Element, id: &str) -> f64 {
    data_value(root, id)
        .parse()
        .unwrap_or_else(|_| panic!("{id} holds a number"))
}

#[wasm_bindgen_test]
async fn a_link_in_the_address_applies_and_names_what_it_could_not_use() {
    set_address(
        "?v=1&preset=jinzhong-2022&lang=en&relief.reach=0.6&foo=1&vouchers.payback_days=abc",
    );
    let root = mount_here().await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(
        html.get_attribute("lang").as_deref(),
        Some("en"),
        "lang travels"
    );
    by_testid(&root, "link-notices");
    assert_eq!(count(&root, "link-notice"), 2, "foo and payback_days");
    let text = by_testid(&root, "link-notices").text_content().unwrap();
    assert!(
        text.contains("foo") && text.contains("vouchers.payback_days"),
        "{text}"
    );
    assert!(text.contains("unknown key"), "worded in English: {text}");
    // The rest applied: reach 60% differs from the preset, so the results differ too.
    let linked = data_value(&root, "summary-smes_closed");
    let plain = mount().await;
    assert_ne!(linked, data_value(&plain, "summary-smes_closed"));
    // Dismissing one notice leaves the other; the area goes with the last.
    let first = root
        .query_selector("[data-testid=\"link-notice\"] button")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    first.click();
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "link-notice"), 1);
    click(&root, "link-notices-dismiss");
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "link-notices"), 0);
}

/// Waits `ms` milliseconds (a browser timer).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn the_address_follows_every_change_without_new_history_entries() {
    let root = mount().await;
    let history = web_sys::window().unwrap().history().unwrap();
    let entries = history.length().unwrap();
    assert!(
        address_query().starts_with("?v=1&model="),
        "{}",
        address_query()
    );
    let slider = by_testid(&root, "param-epidemic.r0_delta-range");
    for v in ["5", "5.5", "6", "6.4"] {
        type_into(&slider, v);
        yew::scheduler::flush().await;
    }
    // A drag's release (`change`) writes the address at once.
    fire_change(&slider);
    assert!(
        address_query().contains("epidemic.r0_delta=6.4"),
        "{}",
        address_query()
    );
    assert_eq!(
        history.length().unwrap(),
        entries,
        "replaceState, never pushState"
    );
    // A drag in motion writes nothing, however long it goes on (src/ui/address.rs): steps
    // 150 ms apart over 450 ms leave the address as it was; once the slider rests for 250 ms
    // (no release yet), the last step is written. On a busy machine a 150 ms sleep can last
    // past 250 ms, and then the page rightly writes: such a drag is tried again (the gaps are
    // measured), and the check is made on a drag whose steps all came in time.
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut checked = false;
    for _attempt in 0..5 {
        let mut slowest_gap: f64 = 0.0;
        for v in ["5.5", "5.7", "5.9"] {
            let before = performance.now();
            type_into(&slider, v);
            yew::scheduler::flush().await;
            sleep_ms(150).await;
            slowest_gap = slowest_gap.max(performance.now() - before);
        }
        if slowest_gap < 240.0 {
            assert!(
                address_query().contains("epidemic.r0_delta=6.4"),
                "written during the drag: {}",
                address_query()
            );
            checked = true;
            break;
        }
        // Too slow to tell: back to where the drag started, written on release.
        type_into(&slider, "6.4");
        yew::scheduler::flush().await;
        fire_change(&slider);
        assert!(address_query().contains("epidemic.r0_delta=6.4"));
    }
    assert!(
        checked,
        "no drag came in time in 5 tries: the machine is too busy to check"
    );
    sleep_ms(300).await;
    assert!(
        address_query().contains("epidemic.r0_delta=5.9"),
        "{}",
        address_query()
    );
    click(&root, "lang-en");
    yew::scheduler::flush().await;
    assert!(address_query().contains("lang=en"), "{}", address_query());
    // The address opens the same page again.
    let before = data_value(&root, "summary-infections_total");
    let again = mount_here().await;
    assert_eq!(data_value(&again, "summary-infections_total"), before);
    assert_eq!(count(&again, "link-notice"), 0);
}

#[wasm_bindgen_test]
async fn the_share_dialog_shows_the_address() {
    let root = mount().await;
    click(&root, "share-button");
    yew::scheduler::flush().await;
    by_testid(&root, "share-dialog");
    let link: HtmlInputElement = by_testid(&root, "share-link").dyn_into().unwrap();
    assert!(link.read_only());
    assert!(link.value().ends_with(&address_query()), "{}", link.value());
    assert_eq!(count(&root, "share-too-long"), 0);
    click(&root, "share-close");
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "share-dialog"), 0);
}

#[wasm_bindgen_test]
async fn comparing_shows_b_minus_a_and_b_travels_in_the_link() {
    let root = mount().await;
    assert_eq!(count(&root, "diff-infections_total"), 0);
    choose(&root, "compare-select", "preset:no-controls");
    yew::scheduler::flush().await;
    for key in [
        "infections_total",
        "gdp_loss_yuan",
        "fiscal_cost_yuan",
        "fai_completed_pct-2022-04-30",
    ] {
        let a = number(&root, &format!("summary-{key}"));
        let b = number(&root, &format!("b-{key}"));
        assert_eq!(number(&root, &format!("diff-{key}")), b - a, "{key}");
    }
    assert!(
        number(&root, "diff-infections_total") > 0.0,
        "no controls, more infections"
    );
    by_testid(&root, "chart-diff");
    assert!(
        address_query().contains("b.preset=no-controls"),
        "{}",
        address_query()
    );

    // The levers edit B when asked; A stays as it was.
    let a_before = data_value(&root, "summary-infections_total");
    let b_before = data_value(&root, "b-infections_total");
    choose(&root, "edit-target", "b");
    yew::scheduler::flush().await;
    let slider = by_testid(&root, "param-epidemic.r0_delta-range");
    type_into(&slider, "4");
    yew::scheduler::flush().await;
    fire_change(&slider);
    assert_eq!(data_value(&root, "summary-infections_total"), a_before);
    assert_ne!(data_value(&root, "b-infections_total"), b_before);
    assert!(
        address_query().contains("b.epidemic.r0_delta=4"),
        "{}",
        address_query()
    );

    // The link opens both scenarios.
    let again = mount_here().await;
    assert_eq!(
        data_value(&again, "b-infections_total"),
        data_value(&root, "b-infections_total")
    );
    choose(&root, "compare-select", "off");
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "diff-infections_total"), 0);
    assert!(!address_query().contains("b."), "{}", address_query());
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_saved() {
    let s = local_storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(recovery_lab::ui::saved::KEY_PREFIX))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
async fn saved_scenarios_save_load_rename_delete_and_skip_bad_entries() {
    use recovery_lab::ui::saved::{entry_json, KEY_PREFIX};
    clear_saved();
    let s = local_storage();
    s.set_item(
        &format!("{KEY_PREFIX}corrupt"),
        "{\"app\":\"recovery-lab\",",
    )
    .unwrap();
    s.set_item(
        &format!("{KEY_PREFIX}foreign"),
        "{\"app\":\"other\",\"schema\":1}",
    )
    .unwrap();
    s.set_item(
        &format!("{KEY_PREFIX}future"),
        "{\"app\":\"recovery-lab\",\"schema\":9,\"name\":\"x\",\"link\":\"v=1\"}",
    )
    .unwrap();
    s.set_item(
        &format!("{KEY_PREFIX}good"),
        &entry_json("Reach 60%", "v=1&preset=jinzhong-2022&relief.reach=0.6"),
    )
    .unwrap();
    let root = mount().await;
    assert_eq!(count(&root, "saved-item"), 1, "only the good entry");
    assert_eq!(
        count(&root, "saved-skipped"),
        3,
        "each bad entry is reported"
    );
    for k in ["corrupt", "foreign", "future"] {
        assert!(
            s.get_item(&format!("{KEY_PREFIX}{k}")).unwrap().is_some(),
            "{k} is kept"
        );
    }

    // Save A under a name, change A, then load the saved one back.
    type_into(&by_testid(&root, "param-epidemic.r0_delta-range"), "6.4");
    yew::scheduler::flush().await;
    let changed = data_value(&root, "summary-infections_total");
    type_into(&by_testid(&root, "save-name"), "R0 6.4");
    click(&root, "save-button");
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "saved-item"), 2);
    choose(&root, "preset-select", "no-outbreak");
    yew::scheduler::flush().await;
    assert_ne!(data_value(&root, "summary-infections_total"), changed);
    let item = root
        .query_selector_all("[data-testid=\"saved-item\"]")
        .unwrap();
    let names: Vec<String> = (0..item.length())
        .map(|i| item.get(i).unwrap().text_content().unwrap())
        .collect();
    let i = names
        .iter()
        .position(|n| n.contains("R0 6.4"))
        .expect("saved by name");
    let saved_item: Element = item.get(i as u32).unwrap().dyn_into().unwrap();
    click(&saved_item, "saved-load");
    yew::scheduler::flush().await;
    assert_eq!(data_value(&root, "summary-infections_total"), changed);

    // Rename, then delete: the other entries stay.
    click(&saved_item, "saved-rename");
    yew::scheduler::flush().await;
    type_into(&by_testid(&saved_item, "saved-rename-input"), "Fast spread");
    yew::scheduler::flush().await;
    click(&saved_item, "saved-rename-ok");
    yew::scheduler::flush().await;
    let text = by_testid(&root, "saved-list").text_content().unwrap();
    assert!(
        text.contains("Fast spread") && !text.contains("R0 6.4"),
        "{text}"
    );
    let n = s.length().unwrap();
    let item = root
        .query_selector_all("[data-testid=\"saved-item\"]")
        .unwrap();
    let fast: Element = (0..item.length())
        .map(|i| item.get(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|e| e.text_content().unwrap().contains("Fast spread"))
        .unwrap();
    click(&fast, "saved-delete");
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "saved-item"), 1);
    assert_eq!(s.length().unwrap(), n - 1, "only that entry is deleted");
    clear_saved();
}

// The state's link wiring, without the DOM

#[wasm_bindgen_test]
fn the_state_round_trips_through_its_link() {
    use recovery_lab::scenario::link::decode;
    use recovery_lab::ui::state::{Action, AppState, Compared, Edit, Side};
    use std::rc::Rc;

    let state = AppState::from_link(
        decode("?v=1&preset=vouchers-only&seed=42"),
        recovery_lab::i18n::Lang::Zh,
    );
    assert_eq!(state.preset, "vouchers-only");
    assert_eq!(state.seed, 42);
    assert!(
        !state.lang_chosen,
        "no lang= in the link: the reader's language, not written"
    );
    assert!(!state.link().contains("lang="), "{}", state.link());

    // B on, the levers on B: an edit changes B only, and both travel.
    let b = Compared {
        preset: "no-controls".into(),
        scenario: Rc::new(recovery_lab::scenario::presets::preset("no-controls").unwrap()),
        source: "preset:no-controls".into(),
    };
    let state = state.apply(Action::SetCompare(Some(b))).unwrap();
    assert_eq!(
        state.apply(Action::SetEditTarget(Side::A)),
        None,
        "already A: a no-op"
    );
    let state = state.apply(Action::SetEditTarget(Side::B)).unwrap();
    let edit = Edit::Param {
        key: "relief.reach",
        value: 0.75,
    };
    let state = state.apply(Action::Edit(edit.clone())).unwrap();
    assert_eq!(state.b.as_ref().unwrap().scenario.relief.reach, 0.75);
    assert_ne!(state.scenario.relief.reach, 0.75);
    assert_eq!(
        state.apply(Action::Edit(edit)),
        None,
        "the same value again: a no-op"
    );
    let link = state.link();
    assert!(
        link.contains("b.preset=no-controls") && link.contains("b.relief.reach=0.75"),
        "{link}"
    );

    let reopened = AppState::from_link(decode(&link), recovery_lab::i18n::Lang::Zh);
    assert!(reopened.link_notices.is_empty());
    assert_eq!(reopened.link(), link);
    assert_eq!(
        reopened.b.as_ref().unwrap().scenario,
        state.b.as_ref().unwrap().scenario
    );
    assert_eq!(*reopened.scenario, *state.scenario);

    // B off: the levers go back to A, and B leaves the link.
    let off = state.apply(Action::SetCompare(None)).unwrap();
    assert_eq!(off.edit_target, Side::A);
    assert!(!off.link().contains("b."), "{}", off.link());
    assert!(off
        .apply(Action::SetLang(recovery_lab::i18n::Lang::En))
        .unwrap()
        .link()
        .contains("lang=en"));
}

#[wasm_bindgen_test]
fn saved_entries_read_back_or_say_why_not() {
    use recovery_lab::ui::saved::{
        entry_json, parse_entry, read_entries, KEY_PREFIX, SCHEMA_VERSION,
    };
    let good = entry_json("  A name  ", "v=1&preset=no-outbreak");
    let e = parse_entry("k", &good).unwrap();
    assert_eq!(e.name, "A name");
    assert_eq!(e.named.preset, "no-outbreak");
    for (text, why) in [
        ("{", "not JSON"),
        ("[1]", "not a JSON object"),
        ("{\"app\":\"other\"}", "not a Recovery Lab entry"),
        ("{\"app\":\"recovery-lab\"}", "no schema"),
        (&*format!("{{\"app\":\"recovery-lab\",\"schema\":{}}}", SCHEMA_VERSION + 1), "newer"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"link\":\"v=1\"}", "no name"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"x\"}", "no link"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"x\",\"link\":\"v=1&relief.reach=9\"}", "relief.reach"),
    ] {
        let err = parse_entry("k", text).unwrap_err();
        let (zh, en) = (err.message(true), err.message(false));
        assert!(en.contains(why), "{text}: {en}");
        assert_ne!(zh, en, "{text}: said in Chinese too");
        assert!(!zh.is_empty() && zh.chars().any(|c| c > '\u{2E80}'), "{text}: {zh}");
    }
    let pairs = vec![
        (format!("{KEY_PREFIX}2"), good.clone()),
        (format!("{KEY_PREFIX}1"), "{".to_string()),
        ("someone-else".to_string(), "{".to_string()),
    ];
    let (entries, notes) = read_entries(&pairs);
    assert_eq!(entries.len(), 1);
    assert_eq!(notes.len(), 1, "other keys are not ours to judge");
}

/// Entries saved by earlier releases (written with serde_json) still read, and a new entry is
/// written as they were, byte for byte; what the reader lets pass and what it skips.
#[wasm_bindgen_test]
fn saved_entries_of_earlier_releases_read_and_are_written_the_same() {
    use recovery_lab::ui::saved::{entry_json, parse_entry};
    // Written by the release before `json.rs` (serde_json), for this name and link.
    let earlier = r#"{"app":"recovery-lab","schema":1,"name":"Relief \"90%\" 复苏 \\ back\tslash \u0007 😀","link":"v=1&model=1.0.0&preset=jinzhong-2022&relief.reach=0.9"}"#;
    let name = "Relief \"90%\" 复苏 \\ back\tslash \u{7} 😀";
    let link = "v=1&model=1.0.0&preset=jinzhong-2022&relief.reach=0.9";
    assert_eq!(entry_json(&format!("  {name} \n"), link), earlier);
    let e = parse_entry("k", earlier).unwrap();
    assert_eq!((e.name.as_str(), e.link.as_str()), (name, link));
    assert_eq!(e.named.preset, "jinzhong-2022");
    // Fields of a later release, spaces, escapes and field order pass.
    let later = " {\"note\": [1, {\"x\": null}], \"link\": \"v=1&preset=no-outbreak\", \"name\": \"\\u0041 b\", \"schema\": 1, \"app\": \"recovery-lab\", \"note\": 2}\n";
    let e = parse_entry("k", later).unwrap();
    assert_eq!(
        (e.name.as_str(), e.named.preset.as_str()),
        ("A b", "no-outbreak")
    );
    for (text, why) in [
        ("{\"app\":\"recovery-lab\",\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"x\",\"link\":\"v=1\"}", "duplicate field `app`"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"x\",\"link\":\"v=1\"} x", "not JSON"),
        ("\"recovery-lab\"", "not a JSON object"),
        ("{\"app\":null}", "not a Recovery Lab entry"),
        ("{\"app\":[\"recovery-lab\"]}", "not a Recovery Lab entry"),
        ("{\"app\":\"recovery-lab\",\"schema\":null}", "no schema"),
        ("{\"app\":\"recovery-lab\",\"schema\":1.0}", "no schema"),
        ("{\"app\":\"recovery-lab\",\"schema\":-1}", "no schema"),
        ("{\"app\":\"recovery-lab\",\"schema\":\"1\"}", "no schema"),
        ("{\"app\":\"recovery-lab\",\"schema\":18446744073709551616}", "no schema"),
        ("{\"app\":\"recovery-lab\",\"schema\":0}", "schema version 0"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"  \",\"link\":\"v=1\"}", "no name"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":7,\"link\":\"v=1\"}", "no name"),
        ("{\"app\":\"recovery-lab\",\"schema\":1,\"name\":\"x\",\"link\":null}", "no link"),
    ] {
        let err = parse_entry("k", text).unwrap_err();
        assert!(err.message(false).contains(why), "{text}: {}", err.message(false));
    }
}

#[wasm_bindgen_test]
async fn the_share_dialog_says_when_a_link_is_too_long_to_open() {
    use recovery_lab::scenario::link::MAX_LINK_LENGTH;
    use recovery_lab::ui::components::share_dialog::{ShareDialog, ShareDialogProps};
    for (len, warned) in [(MAX_LINK_LENGTH, 0), (MAX_LINK_LENGTH + 1, 1)] {
        let root = fresh_root();
        let props = ShareDialogProps {
            url: format!("https://example.org/?{}", "x".repeat(len)).into(),
            query_len: len,
            onclose: yew::Callback::noop(),
        };
        yew::Renderer::<ShareDialog>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(count(&root, "share-too-long"), warned, "{len} characters");
        if warned == 1 {
            let note = by_testid(&root, "share-too-long").text_content().unwrap();
            assert!(note.contains("JSON"), "points to the JSON export: {note}");
        }
    }
}

#[wasm_bindgen_test]
fn each_measure_field_is_its_registry_entry() {
    use recovery_lab::scenario::measures::MEASURES;
    use recovery_lab::ui::fields::MeasureField;
    assert_eq!(MeasureField::ALL.len(), MEASURES.len());
    let named = [
        (MeasureField::Schools, "schools"),
        (MeasureField::DineIn, "dine_in"),
        (MeasureField::NonEssential, "nonessential"),
        (MeasureField::Gatherings, "gatherings"),
        (MeasureField::SealedZones, "sealed_zones"),
        (MeasureField::TestingEvery, "testing_every_days"),
        (MeasureField::TestingCoverage, "testing_coverage"),
        (MeasureField::TracingRate, "tracing_rate"),
        (MeasureField::Checkpoints, "checkpoints"),
    ];
    for (field, key) in named {
        assert_eq!(field.key(), key);
    }
}

/// The aggregating worker's side of the ensemble: pieces of any size, in any order, held back
/// between views and merged when one is due, give the bands and ranges of the whole ensemble
/// bit for bit, and the views come when they should.
#[wasm_bindgen_test]
fn the_ensemble_aggregator_gives_the_whole_ensembles_bands_and_ranges() {
    use recovery_lab::sim::ensemble::{
        figure_keys, ranges_to_flat, run_chunk, Aggregate, BAND_INDICATORS,
    };
    use recovery_lab::ui::ensemble_worker::{publish_interval_ms, EnsembleAggregator};
    let scenario = recovery_lab::scenario::presets::jinzhong_2022();
    let json = recovery_lab::json::to_string(&scenario);
    let (seed, runs) = (11, 17);
    let keys = figure_keys(&scenario);
    let days = (scenario.end.days_since(scenario.start) + 1) as usize;
    let mut whole = Aggregate::new(
        scenario.start,
        days,
        BAND_INDICATORS.to_vec(),
        keys.clone(),
        runs,
    );
    let (series, figs) = run_chunk(&scenario, seed, 0, runs, &BAND_INDICATORS, &keys);
    assert!(whole.add(runs, &series, &figs));

    let mut agg = EnsembleAggregator::new(&json, runs, 0.0).unwrap();
    let gap = publish_interval_ms(runs);
    // (first, count, time): the second piece comes before a view is due, the third after.
    let pieces = [
        (5, 4, 10.0),
        (0, 5, 20.0),
        (12, 5, gap + 1.0),
        (9, 3, gap + 2.0),
    ];
    let mut views = Vec::new();
    for (first, count, now) in pieces {
        let (s, f) = run_chunk(&scenario, seed, first, count, &BAND_INDICATORS, &keys);
        views.push(agg.add(count, &s, &f, now).unwrap());
    }
    assert_eq!(
        views,
        [false, false, true, true],
        "a view when due and at the end"
    );
    assert_eq!((agg.done(), agg.total()), (runs, runs));
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&agg.bands()), bits(whole.bands().data()));
    assert_eq!(bits(&agg.ranges()), bits(&ranges_to_flat(&whole.ranges())));
    // A piece past the total, or of the wrong length, is refused.
    assert!(agg
        .add(
            1,
            &series[..series.len() / runs as usize],
            &figs[..keys.len()],
            0.0
        )
        .is_err());
    let mut fresh = EnsembleAggregator::new(&json, runs, 0.0).unwrap();
    assert!(fresh.add(2, &series[..10], &figs[..2], 0.0).is_err());
    assert!(EnsembleAggregator::new("{}", runs, 0.0).is_err());
}
