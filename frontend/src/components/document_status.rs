//! Where a justificatif stands, in words after an icon ("✓ Valide", "✗ Invalide",
//! "○ Non fourni", "⧗ En attente de validation"): the icon and the colour only repeat
//! what the words say.

use domain::document::{DocumentStatus, RequirementStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub status: RequirementStatus,
}

fn icon(status: RequirementStatus) -> &'static str {
    match status {
        RequirementStatus::Valid => "✓",
        RequirementStatus::Invalid => "✗",
        RequirementStatus::Missing => "○",
        RequirementStatus::Pending => "⧗",
    }
}

/// The line's status, as "Mes justificatifs à fournir" shows it.
#[function_component(RequirementBadge)]
pub fn requirement_badge(props: &Props) -> Html {
    let class = format!("doc-status doc-status--{}", props.status.as_str());
    html! {
        <span {class}>
            <span class="doc-status-icon" aria-hidden="true">{ icon(props.status) }</span>
            { props.status.label() }
        </span>
    }
}

/// A document's own status, in the same words.
pub fn of_document(status: DocumentStatus) -> RequirementStatus {
    match status {
        DocumentStatus::Pending => RequirementStatus::Pending,
        DocumentStatus::Valid => RequirementStatus::Valid,
        DocumentStatus::Refused => RequirementStatus::Invalid,
    }
}
