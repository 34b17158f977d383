//! "Ajouter une adresse" / change an address: the form of the manuals. The domain rules
//! (`AddressInput::validate`) run before sending; the API's errors name the fields
//! (`postal_code`), shown under the inputs `address_<field>`.

use domain::profile::{Address, AddressInput};
use validator::Validate;
use yew::prelude::*;

use crate::api::profile as api;
use crate::components::checkbox::Checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::forms::{optional_text, FieldErrors, Inputs};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const PREFIX: &str = "address_";

const FIELDS: [(&str, &str); 8] = [
    ("address_name", "Nom de l'adresse"),
    ("address_country", "Pays"),
    ("address_city", "Ville"),
    ("address_postal_code", "Code postal"),
    ("address_street_number", "Numéro de voie"),
    ("address_street_number_complement", "Complément de n°"),
    ("address_street", "Type et nom de la voie"),
    ("address_street_complement", "Complément de voie"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The address to change; `None` adds one.
    #[prop_or_default]
    pub address: Option<Address>,
    /// The first address is the default one whatever the box says: show it checked.
    #[prop_or_default]
    pub first: bool,
    pub on_saved: Callback<Address>,
    pub on_close: Callback<()>,
}

#[function_component(AddressForm)]
pub fn address_form(props: &Props) -> Html {
    let session = use_session();
    let a = props.address.as_ref();
    let text = |f: fn(&Address) -> String| a.map(f).unwrap_or_default();
    let name = use_state(|| text(|a| a.name.clone()));
    let country = use_state(|| a.map_or_else(|| "France".to_string(), |a| a.country.clone()));
    let city = use_state(|| text(|a| a.city.clone()));
    let postal_code = use_state(|| text(|a| a.postal_code.clone()));
    let street_number = use_state(|| text(|a| a.street_number.clone().unwrap_or_default()));
    let street_number_complement =
        use_state(|| text(|a| a.street_number_complement.clone().unwrap_or_default()));
    let street = use_state(|| text(|a| a.street.clone()));
    let street_complement = use_state(|| text(|a| a.street_complement.clone().unwrap_or_default()));
    let is_default = use_state(|| a.map_or(props.first, |a| a.is_default));
    let submit = use_submit()
        .refocusing("#address-submit")
        .on_inputs(Inputs::Prefixed(PREFIX));

    // The form opens on its first input.
    use_effect_with((), |_| focus_soon("#address_name"));

    let id = a.map(|a| a.id);
    let onsubmit = {
        let fields = [
            name.clone(),
            country.clone(),
            city.clone(),
            postal_code.clone(),
            street_number.clone(),
            street_number_complement.clone(),
            street.clone(),
            street_complement.clone(),
        ];
        let is_default = is_default.clone();
        let submit = submit.clone();
        let on_saved = props.on_saved.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let [name, country, city, postal_code, number, complement, street, street_complement] =
                &fields;
            let request = AddressInput {
                name: name.trim().to_string(),
                country: country.trim().to_string(),
                city: city.trim().to_string(),
                postal_code: postal_code.trim().to_string(),
                street_number: optional_text(number),
                street_number_complement: optional_text(complement),
                street: street.trim().to_string(),
                street_complement: optional_text(street_complement),
                is_default: *is_default,
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (authed, on_saved) = (session.authed(), on_saved.clone());
            submit.send(
                async move {
                    match id {
                        Some(id) => api::update_address(&authed, id, &request).await,
                        None => api::add_address(&authed, &request).await,
                    }
                },
                move |address| on_saved.emit(address),
            );
        })
    };
    let errors = submit.errors();
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let field = |id: &'static str,
                 label: &'static str,
                 state: &UseStateHandle<String>,
                 required: bool,
                 autocomplete: Option<&'static str>| {
        html! {
            <TextField id={id} label={label} value={(**state).clone()} oninput={set(state)}
                required={required} autocomplete={autocomplete.map(AttrValue::Static)} error={errors.get(id)} />
        }
    };
    let title = match a {
        Some(a) => format!("Modifier l'adresse « {} »", a.name),
        None => "Ajouter une adresse".to_string(),
    };
    let on_default = {
        let is_default = is_default.clone();
        Callback::from(move |checked: bool| is_default.set(checked))
    };
    html! {
        <form class="subform" onsubmit={onsubmit} novalidate=true aria-labelledby="address-form-title">
            <h3 id="address-form-title">{ title }</h3>
            <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires." }</p>
            <ErrorSummary id="address-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <TextField id="address_name" label="Nom de l'adresse" value={(*name).clone()} oninput={set(&name)}
                required=true hint="Nommez votre adresse (principale, secondaire...)" error={errors.get("address_name")} />
            { field("address_country", "Pays", &country, true, Some("country-name")) }
            { field("address_city", "Ville", &city, true, Some("address-level2")) }
            <TextField id="address_postal_code" label="Code postal" value={(*postal_code).clone()}
                oninput={set(&postal_code)} required=true autocomplete="postal-code" inputmode="numeric"
                error={errors.get("address_postal_code")} />
            { field("address_street_number", "Numéro de voie", &street_number, false, None) }
            { field("address_street_number_complement", "Complément de n°", &street_number_complement, false, None) }
            { field("address_street", "Type et nom de la voie", &street, true, None) }
            { field("address_street_complement", "Complément de voie", &street_complement, false, Some("address-line2")) }
            <Checkbox id="address_is_default" label="Adresse par défaut" checked={*is_default} onchange={on_default} />
            <div class="actions">
                <button type="submit" id="address-submit" class="button" disabled={submit.sending()}>
                    { match (submit.sending(), a.is_some()) {
                        (true, _) => "Enregistrement…",
                        (false, true) => "Enregistrer",
                        (false, false) => "Ajouter cette adresse",
                    } }
                </button>
                <button type="button" id="address-close" class="button button--secondary" onclick={close}>{ "Fermer" }</button>
            </div>
        </form>
    }
}
