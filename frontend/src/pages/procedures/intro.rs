//! A procedure's description page: estimated time, description, the terms to accept
//! (when the procedure has some) and "Faire une demande en ligne".

use domain::catalogue::Procedure;
use yew::prelude::*;

use crate::components::checkbox::Checkbox;
use crate::focus::focus_soon;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub procedure: Procedure,
    pub on_start: Callback<()>,
}

#[function_component(Intro)]
pub fn intro(props: &Props) -> Html {
    let accepted = use_state(|| false);
    let error = use_state(|| None::<AttrValue>);
    let p = &props.procedure;
    let on_accept = {
        let (accepted, error) = (accepted.clone(), error.clone());
        Callback::from(move |on: bool| {
            accepted.set(on);
            if on {
                error.set(None);
            }
        })
    };
    let start = {
        let (accepted, error, on_start) = (accepted.clone(), error.clone(), props.on_start.clone());
        let needs_terms = p.terms.is_some();
        Callback::from(move |_: MouseEvent| {
            if needs_terms && !*accepted {
                error.set(Some(AttrValue::Static(
                    "Vous devez accepter les conditions pour faire la demande.",
                )));
                focus_soon("#terms_accepted");
                return;
            }
            on_start.emit(());
        })
    };
    html! {
        <>
            <p class="tag">{ format!("Service : {}", p.category) }</p>
            if let Some(minutes) = p.duration_minutes {
                <p class="duration">
                    <span aria-hidden="true">{ "⏱ " }</span>
                    { format!("Cette démarche prend {minutes} minute{}", if minutes > 1 { "s" } else { "" }) }
                </p>
            }
            <div class="description">
                { for paragraphs(&p.description, &p.summary).into_iter().map(|text| html! { <p>{ text }</p> }) }
            </div>
            if let Some(terms) = &p.terms {
                <Checkbox id="terms_accepted" label={terms.clone()} checked={*accepted}
                    onchange={on_accept} required=true error={(*error).clone()} />
            }
            <div class="actions">
                <button type="button" id="start-request" class="button" onclick={start}>
                    { "Faire une demande en ligne" }
                </button>
            </div>
        </>
    }
}

/// The description's paragraphs (split on blank lines); the summary when there is none.
fn paragraphs(description: &str, summary: &str) -> Vec<String> {
    let found: Vec<String> = description
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if found.is_empty() {
        vec![summary.to_string()]
    } else {
        found
    }
}
