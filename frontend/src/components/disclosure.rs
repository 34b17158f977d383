//! The cards' "Détails" control: a real `<button aria-expanded>` that shows or hides the
//! panel under it. The panel's content only exists while it is open, so a closed card
//! keeps no hidden form (nor its ids) in the page.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The panel's id; the button's is `<id>-button` unless `button_id` names it.
    pub id: AttrValue,
    #[prop_or_default]
    pub button_id: Option<AttrValue>,
    #[prop_or(AttrValue::Static("Détails"))]
    pub label: AttrValue,
    /// Read after the label by screen readers (the card's title), so that the page's many
    /// "Détails" buttons can be told apart out of context.
    #[prop_or_default]
    pub context: Option<AttrValue>,
    #[prop_or_default]
    pub on_toggle: Option<Callback<bool>>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Disclosure)]
pub fn disclosure(props: &Props) -> Html {
    let open = use_state(|| false);
    let onclick = {
        let (open, on_toggle) = (open.clone(), props.on_toggle.clone());
        Callback::from(move |_: MouseEvent| {
            let next = !*open;
            open.set(next);
            if let Some(cb) = &on_toggle {
                cb.emit(next);
            }
        })
    };
    let id = props.id.clone();
    let button_id = props
        .button_id
        .clone()
        .unwrap_or_else(|| AttrValue::from(format!("{id}-button")));
    html! {
        <div class="disclosure">
            <button type="button" id={button_id} class="button button--secondary disclosure-toggle"
                aria-expanded={if *open { "true" } else { "false" }} aria-controls={id.clone()} {onclick}>
                <span class="disclosure-mark" aria-hidden="true">{ if *open { "▾ " } else { "▸ " } }</span>
                { props.label.clone() }
                if let Some(context) = &props.context {
                    <span class="sr-only">{ format!(" : {context}") }</span>
                }
            </button>
            <div id={id} class="disclosure-panel" hidden={!*open}>
                if *open { { props.children.clone() } }
            </div>
        </div>
    }
}
