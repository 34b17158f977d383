//! Brouillon -> Enregistrée -> En traitement -> Clos | Refusé.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Brouillon: editable and deletable by the citizen.
    Draft,
    /// Enregistrée: sent; still editable by the citizen until an agent takes it.
    Submitted,
    /// En traitement: an agent took it.
    InProgress,
    /// Clos: done.
    Closed,
    /// Refusé, with a reason.
    Refused,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Draft,
        RequestStatus::Submitted,
        RequestStatus::InProgress,
        RequestStatus::Closed,
        RequestStatus::Refused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Draft => "draft",
            RequestStatus::Submitted => "submitted",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Closed => "closed",
            RequestStatus::Refused => "refused",
        }
    }

    pub fn parse(value: &str) -> Option<RequestStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The label of the manuals.
    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Draft => "Brouillon",
            RequestStatus::Submitted => "Enregistrée",
            RequestStatus::InProgress => "En traitement",
            RequestStatus::Closed => "Clos",
            RequestStatus::Refused => "Refusé",
        }
    }

    /// "En cours" (true) or "Effectuées" (false) in "Mes demandes".
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RequestStatus::Draft | RequestStatus::Submitted | RequestStatus::InProgress
        )
    }

    /// The citizen may still change the answers.
    pub fn citizen_can_edit(self) -> bool {
        matches!(self, RequestStatus::Draft | RequestStatus::Submitted)
    }

    /// Whether `self -> to` is a step of the workflow.
    pub fn can_become(self, to: RequestStatus) -> bool {
        use RequestStatus::*;
        matches!(
            (self, to),
            (Draft, Submitted)
                | (Submitted, InProgress)
                | (InProgress, Closed)
                | (InProgress, Refused)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::RequestStatus::*;

    #[test]
    fn the_workflow_only_moves_forward() {
        assert!(Draft.can_become(Submitted));
        assert!(Submitted.can_become(InProgress));
        assert!(InProgress.can_become(Closed));
        assert!(InProgress.can_become(Refused));
        assert!(!Draft.can_become(Closed));
        assert!(!Closed.can_become(InProgress));
        assert!(!Submitted.can_become(Refused));
    }

    #[test]
    fn open_requests_are_listed_under_en_cours() {
        assert!(Draft.is_open() && Submitted.is_open() && InProgress.is_open());
        assert!(!Closed.is_open() && !Refused.is_open());
    }
}
