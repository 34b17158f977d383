//! The box at the top of a form listing its errors, each a link to its field. It takes
//! the focus when a submission fails, so the errors are read out at once.

use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct SummaryItem {
    /// The input's id; empty when the error belongs to no input of the form.
    pub id: AttrValue,
    pub label: AttrValue,
    pub message: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub items: Vec<SummaryItem>,
    /// Changes at every failed submission, to move the focus here again.
    pub attempt: u32,
    /// Prefix of the summary's ids, for pages with several forms.
    #[prop_or(AttrValue::Static("error-summary"))]
    pub id: AttrValue,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &Props) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.attempt, move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    if props.items.is_empty() {
        return html! {};
    }
    let count = props.items.len();
    let title = if count == 1 {
        "Le formulaire contient une erreur :".to_string()
    } else {
        format!("Le formulaire contient {count} erreurs :")
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <div class="error-summary" id={props.id.clone()} role="alert" tabindex="-1" ref={node} aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ title }</h2>
            <ul>
                { for props.items.iter().map(item) }
            </ul>
        </div>
    }
}

fn item(item: &SummaryItem) -> Html {
    let text = format!("{} : {}", item.label, item.message);
    if item.id.is_empty() {
        return html! { <li>{ text }</li> };
    }
    let id = item.id.clone();
    // Move the focus to the field ourselves: the router would treat a hash link as navigation.
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            let _ = el.focus();
        }
    });
    html! { <li><a href={format!("#{}", item.id)} {onclick}>{ text }</a></li> }
}
