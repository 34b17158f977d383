//! Messages ("Échanges"): the conversation between the town hall and a family, each
//! message tied to one of the family's requests. Status changes and comments stay in the
//! request's history; messages are the conversation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::document::{FileKind, RequestRef};
use crate::ids::{AttachmentId, DocumentId, MessageId};
use crate::text_enum::text_enum;

text_enum! {
    /// Who wrote a message.
    pub enum MessageSender {
        /// The town hall (an agent).
        TownHall = "town_hall",
        /// The family (the account holder).
        Family = "family",
    }
}

/// One message, as its reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "request": {"id": 51, "number": 51, "procedure_title": "Fiche enfant"}, "subject": "Demande de justificatifs", "body": "Merci de nous faire parvenir le carnet de vaccination DT Polio.", "sender": "town_hall", "author": "Mairie de Quiévrechain", "sent_at": "2026-12-01T10:00:00Z", "read_at": null, "attachments": []})))]
pub struct Message {
    pub id: MessageId,
    /// "Téléservice concerné".
    pub request: RequestRef,
    /// "Sujet".
    pub subject: String,
    pub body: String,
    pub sender: MessageSender,
    /// The agent's or the family's name as the other side reads it.
    pub author: String,
    pub sent_at: DateTime<Utc>,
    /// When the recipient opened it ("Lu"); none: "Non lu".
    pub read_at: Option<DateTime<Utc>>,
    /// "Pièces jointes".
    pub attachments: Vec<Attachment>,
}

/// Most files attached to one message.
pub const MAX_ATTACHMENTS: usize = 5;

/// A file attached to a message (uploaded first, then sent with the message).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 7, "file_name": "carnet DT Polio.pdf", "file_kind": "pdf", "size_bytes": 182044, "filed_as": null})))]
pub struct Attachment {
    pub id: AttachmentId,
    /// The name the sender's file had (shown, never used to store it).
    pub file_name: String,
    /// Decided from the content.
    pub file_kind: FileKind,
    pub size_bytes: i64,
    /// The document an agent filed it as, if any.
    pub filed_as: Option<DocumentId>,
}

/// A message of the town hall on a request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"subject": "Demande de justificatifs", "body": "Merci de nous faire parvenir le carnet de vaccination DT Polio.", "attachments": []})))]
pub struct NewMessage {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    #[validate(custom(function = "subject"))]
    pub subject: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "crate::request::note"))]
    pub body: String,
    /// Files uploaded beforehand (`POST …/attachments`), at most five.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    #[validate(length(max = 5, code = "too_many_attachments"))]
    pub attachments: Vec<AttachmentId>,
}

/// The family's answer to a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "Bonjour, je vous l'envoie ce soir depuis « Mes justificatifs à fournir ».", "attachments": [7]})))]
pub struct Reply {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "crate::request::note"))]
    pub body: String,
    /// Files uploaded beforehand (`POST …/attachments`), at most five.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    #[validate(length(max = 5, code = "too_many_attachments"))]
    pub attachments: Vec<AttachmentId>,
}

/// How many messages wait to be read ("Échanges (2)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"unread": 2})))]
pub struct Unread {
    pub unread: i64,
}

fn subject(value: &str) -> Result<(), validator::ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        Err(crate::validation::error("required"))
    } else if trimmed.chars().count() > 200 {
        Err(crate::validation::error("too_long"))
    } else if value.chars().any(char::is_control) || crate::text::has_bidi_controls(value) {
        Err(crate::validation::error("invalid_characters"))
    } else {
        Ok(())
    }
}
