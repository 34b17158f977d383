//! Guichet's citizen single-page app: mounts the Yew app on the page's `#app` element.

mod api;
mod app;
mod components;
mod dates;
mod download;
mod focus;
mod forms;
mod hooks;
mod pages;
mod route;

fn main() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document
        .get_element_by_id("app")
        .expect("index.html has an #app element");
    // The "Chargement du portail…" placeholder goes away when the app takes over.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
