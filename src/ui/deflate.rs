//! Raw DEFLATE (RFC 1951) by the browser's own `CompressionStream("deflate-raw")`, for making
//! a story link on the page: the wasm then carries only the inflater (`miniz_oxide`), not a
//! compressor (docs/story-format.md). Browsers without it get `Err`, and the page says so.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream`: a `{ readable, writable }` pair, as `pipeThrough` takes.
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;

    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// A `ReadableStream`, for `pipeThrough` with any `{ readable, writable }` pair.
    #[wasm_bindgen(js_name = ReadableStream)]
    type Stream;

    #[wasm_bindgen(method, js_name = pipeThrough, catch)]
    fn pipe_through(this: &Stream, pair: &JsValue) -> Result<web_sys::ReadableStream, JsValue>;
}

/// `bytes` compressed as raw DEFLATE by the browser.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let cs = CompressionStream::new("deflate-raw")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let stream = blob
        .stream()
        .unchecked_into::<Stream>()
        .pipe_through(cs.unchecked_ref())?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
