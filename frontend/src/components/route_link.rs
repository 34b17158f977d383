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
    pub children: Html,
}

#[function_component(RouteLink)]
pub fn route_link(props: &Props) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            // A new tab or window is the browser's business.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.push(&to);
            }
        })
    };
    html! {
        <a id={props.id.clone()} href={props.to.to_path()} class={props.class.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
