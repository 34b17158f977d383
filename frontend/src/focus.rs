//! Moving the keyboard focus by CSS selector, now or once Yew has rendered the next state.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;

pub fn focus(selector: &str) -> Option<()> {
    let el = web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    el.focus().ok()
}

/// Focuses after the current render: the element may only appear with the new state.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    wasm_bindgen_futures::spawn_local(async move {
        TimeoutFuture::new(0).await;
        focus(&selector);
    });
}
