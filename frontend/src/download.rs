//! Saving a file the page fetched itself (with the bearer token, so it cannot be a plain
//! link): an object URL for the blob, a temporary `<a download>` clicked, then the URL
//! revoked once the browser has taken the file.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, HtmlAnchorElement, Url};

/// Long enough for the browser to start reading the blob before its URL goes away.
const REVOKE_AFTER_MS: u32 = 10_000;

/// Offers `blob` to the person as a download named `file_name`.
pub fn save(blob: &Blob, file_name: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let url = Url::create_object_url_with_blob(blob)?;
    let clicked = (|| {
        let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.set_hidden(true);
        body.append_child(&link)?;
        link.click();
        body.remove_child(&link)?;
        Ok::<(), JsValue>(())
    })();
    let revoked = url.clone();
    wasm_bindgen_futures::spawn_local(async move {
        TimeoutFuture::new(REVOKE_AFTER_MS).await;
        let _ = Url::revoke_object_url(&revoked);
    });
    clicked
}
