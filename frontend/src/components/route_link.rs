//! A link to a page of the SPA that carries an id (the router's `Link` takes none), for
//! the row actions the browser tests click.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    /// The address's query, `[("jour", "2026-12-03")]`.
    #[prop_or_default]
    pub query: Vec<(&'static str, String)>,
    pub children: Html,
}

#[function_component(RouteLink)]
pub fn route_link(props: &Props) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let (to, query) = (props.to.clone(), props.query.clone());
        Callback::from(move |e: MouseEvent| {
            // A new tab or window is the browser's business.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(navigator) = &navigator {
                if query.is_empty() {
                    navigator.push(&to);
                } else {
                    let _ = navigator.push_with_query(&to, &query);
                }
            }
        })
    };
    let href = match props.query.is_empty() {
        true => props.to.to_path(),
        false => format!(
            "{}?{}",
            props.to.to_path(),
            crate::api::client::query_string(&props.query)
        ),
    };
    html! {
        <a id={props.id.clone()} {href} class={props.class.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
