//! Brouillon -> Enregistrée -> En traitement -> Clos | Refusée.

use crate::text_enum::text_enum;

text_enum! {
    pub enum RequestStatus {
        /// Brouillon: editable and deletable by the citizen.
        Draft = "draft",
        /// Enregistrée: sent; still editable by the citizen until an agent takes it.
        Submitted = "submitted",
        /// En traitement: an agent took it.
        InProgress = "in_progress",
        /// Clos: done.
        Closed = "closed",
        /// Refusée, with a reason.
        Refused = "refused",
    }
}

impl RequestStatus {
    /// The label of the manuals.
    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Draft => "Brouillon",
            RequestStatus::Submitted => "Enregistrée",
            RequestStatus::InProgress => "En traitement",
            RequestStatus::Closed => "Clos",
            RequestStatus::Refused => "Refusée",
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
