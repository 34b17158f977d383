//! "Label : value" rows of the profile's cards. A missing value reads "Non renseigné",
//! in italics so that it is told apart from a real value without relying on colour.

use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub label: AttrValue,
    pub value: Option<AttrValue>,
}

impl Detail {
    /// Blank values count as missing.
    pub fn new(label: &'static str, value: Option<String>) -> Detail {
        Detail {
            label: AttrValue::Static(label),
            value: value.filter(|v| !v.trim().is_empty()).map(AttrValue::from),
        }
    }

    /// A row whose label comes from configuration (a procedure's form).
    pub fn owned(label: String, value: Option<String>) -> Detail {
        Detail {
            label: AttrValue::from(label),
            value: value.filter(|v| !v.trim().is_empty()).map(AttrValue::from),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub items: Vec<Detail>,
}

#[function_component(DetailList)]
pub fn detail_list(props: &Props) -> Html {
    html! {
        <dl class="recap">
            { for props.items.iter().map(|d| html! {
                <div class="recap-row">
                    <dt>{ d.label.clone() }</dt>
                    <dd>{ value_or_unset(d.value.as_deref()) }</dd>
                </div>
            }) }
        </dl>
    }
}

/// The value, or "Non renseigné" in italics.
pub fn value_or_unset(value: Option<&str>) -> Html {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => html! { v.to_string() },
        None => html! { <i class="unset">{ "Non renseigné" }</i> },
    }
}
