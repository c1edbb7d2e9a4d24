//! Browser tests of the QR code component and the accessibility parts of the page
//! (wasm-bindgen-test in headless Chromium).
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_access`
#![cfg(target_arch = "wasm32")]

use recovery_lab::qr::{self, MAX_QR_BYTES, QUIET_ZONE};
use recovery_lab::ui::components::qr_code::{QrCode, QrCodeProps};
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

async fn mount_qr(props: QrCodeProps) -> Element {
    let root = fresh_root();
    yew::Renderer::<QrCode>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn props(text: &str) -> QrCodeProps {
    QrCodeProps {
        text: AttrValue::from(text.to_string()),
        size: None,
        caption: None,
        label: None,
    }
}

#[wasm_bindgen_test]
async fn a_link_is_drawn_as_an_svg_with_its_quiet_zone_and_a_name() {
    let link = "http://127.0.0.1:8080/?v=1&model=1.0.0&preset=jinzhong-2022&lang=en";
    let root = mount_qr(QrCodeProps {
        size: Some(300),
        caption: Some("Scan me".into()),
        ..props(link)
    })
    .await;
    let svg = root.query_selector("svg").unwrap().expect("an svg");
    let m = qr::encode(link).unwrap();
    let side = m.width() + 2 * QUIET_ZONE;
    assert_eq!(
        svg.get_attribute("viewBox").as_deref(),
        Some(format!("0 0 {side} {side}").as_str())
    );
    assert_eq!(svg.get_attribute("width").as_deref(), Some("300"));
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("此链接的二维码"),
        "the default name, in the default language"
    );
    let path = root.query_selector("svg path").unwrap().unwrap();
    assert_eq!(path.get_attribute("d").unwrap(), m.svg_path());
    let caption = root.query_selector("figcaption").unwrap().unwrap();
    assert_eq!(caption.text_content().unwrap(), "Scan me");
    assert!(root
        .query_selector("[data-testid=\"qr-too-long\"]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_text_too_long_for_a_qr_code_shows_a_message_not_a_code() {
    let long = format!("http://x/?{}", "a".repeat(MAX_QR_BYTES));
    let root = mount_qr(props(&long)).await;
    assert!(root.query_selector("svg").unwrap().is_none());
    let note = root
        .query_selector("[data-testid=\"qr-too-long\"]")
        .unwrap()
        .expect("a message");
    let text = note.text_content().unwrap();
    assert!(
        text.contains(&long.len().to_string()) && text.contains(&MAX_QR_BYTES.to_string()),
        "{text}"
    );
}
