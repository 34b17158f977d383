//! `document.title` per page: "Me connecter – Ville de Quiévrechain".

use yew::prelude::*;

use super::use_commune;

#[hook]
pub fn use_page_title(title: &str) {
    let name = use_commune().name();
    use_effect_with((title.to_string(), name), |(title, name)| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{title} – {name}"));
        }
    });
}
