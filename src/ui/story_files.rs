//! The built-in stories' files, fetched by the page (`stories/ID.json`, copied next to the page
//! by Trunk and kept for offline use by the service worker with every other built file). The
//! wasm does not carry their text; see `story::builtin`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::story::builtin;

/// Fetches the built-in story `id` unless the page has it already; afterwards
/// `builtin::get(id)` finds it. The error is a short English detail for the page's message.
async fn load(id: &str) -> Result<(), String> {
    if builtin::get(id).is_some() {
        return Ok(());
    }
    let text = fetch_text(&builtin::path(id)).await?;
    builtin::add(id, &text)
}

/// Fetches every built-in story the page does not have yet, all of them even when one fails;
/// the first failure is the error.
pub async fn load_all() -> Result<(), String> {
    let mut first_error = None;
    for id in builtin::IDS {
        if let Err(e) = load(id).await {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Whether the page's address may open a built-in story: it names the key `story` at all.
/// Deliberately broader than the story link reader (which also undoes percent-encoding): a
/// page that might need the built-in stories fetches them before it opens.
pub fn may_open_builtin(address: &str) -> bool {
    address.contains("story")
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", u32::from(response.status())));
    }
    let text = response
        .text()
        .map_err(|_| "the response has no text".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the response could not be read".to_string())
}
