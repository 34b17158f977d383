//! "Justificatifs" of one request: each document it needs, for whom, and where it stands
//! (in words, with an icon). The family is pointed to "Échanges" to provide them.

use domain::document::RequiredDocument;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::document_status::RequirementBadge;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lines: Vec<RequiredDocument>,
    /// The family's view: a link to provide what is missing.
    #[prop_or_default]
    pub citizen: bool,
}

#[function_component(RequestDocuments)]
pub fn request_documents(props: &Props) -> Html {
    let missing = props.lines.iter().any(|l| l.status.needs_upload());
    html! {
        <section class="card" aria-labelledby="request-documents-title">
            <h2 id="request-documents-title">{ "Justificatifs" }</h2>
            if props.lines.is_empty() {
                <p><i>{ "Aucun justificatif n'est demandé pour cette demande." }</i></p>
            } else {
                <ul class="plain-list request-documents" id="request-documents">
                    { for props.lines.iter().map(|l| html! {
                        <li key={format!("{}-{:?}", l.document_type, l.person_id)}>
                            <RequirementBadge status={l.status} />
                            { format!(" {} de {}", l.type_name, l.concerned) }
                        </li>
                    }) }
                </ul>
                if props.citizen && missing {
                    <p>
                        { "Vous pouvez déposer les justificatifs manquants dans " }
                        <Link<Route> to={Route::Exchanges}>{ "« Échanges »" }</Link<Route>>
                        { "." }
                    </p>
                }
            }
        </section>
    }
}
