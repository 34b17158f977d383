//! The commune this portal serves, loaded once for the header, footer and page titles.

use std::rc::Rc;

use domain::catalogue::{BookedColour, Commune};
use yew::prelude::*;

use crate::api::catalogue;

#[derive(Clone, PartialEq, Default)]
pub struct CommuneContext(pub Option<Rc<Commune>>);

impl CommuneContext {
    /// "Ville de Quiévrechain", or a neutral name until it is known.
    pub fn name(&self) -> String {
        self.0
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "Portail citoyen".to_string())
    }

    /// The colour of booked days in the Agenda.
    pub fn booked_colour(&self) -> BookedColour {
        self.0
            .as_ref()
            .map_or(BookedColour::Blue, |c| c.booked_colour)
    }
}

#[hook]
pub fn use_commune() -> CommuneContext {
    use_context::<CommuneContext>().unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub children: Html,
}

#[function_component(CommuneProvider)]
pub fn commune_provider(props: &Props) -> Html {
    let commune = use_state(CommuneContext::default);
    {
        let commune = commune.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(c) = catalogue::commune().await {
                    commune.set(CommuneContext(Some(Rc::new(c))));
                }
            });
        });
    }
    html! {
        <ContextProvider<CommuneContext> context={(*commune).clone()}>
            { props.children.clone() }
        </ContextProvider<CommuneContext>>
    }
}
