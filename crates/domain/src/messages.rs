//! French messages for machine codes, shared by the API (in problem bodies) and the SPA.

/// Every error `code` the API answers with, and its French title. The spec lists them
/// as the values of `Problem.code`.
pub const PROBLEM_CODES: &[(&str, &str)] = &[
    ("malformed_json", "La requête n'est pas un JSON valide."),
    (
        "unsupported_media_type",
        "Le corps de la requête doit être du JSON (application/json).",
    ),
    ("payload_too_large", "La requête est trop volumineuse."),
    ("validation_failed", "Certains champs sont invalides."),
    ("not_found", "La ressource demandée n'existe pas."),
    ("method_not_allowed", "Cette méthode n'est pas permise ici."),
    ("unauthenticated", "Vous devez vous connecter."),
    (
        "token_expired",
        "Votre session a expiré, veuillez vous reconnecter.",
    ),
    ("forbidden", "Vous n'avez pas accès à cette ressource."),
    (
        "health_permission_required",
        "Les informations de santé ne sont accessibles qu'aux agents habilités par un administrateur.",
    ),
    (
        "invalid_credentials",
        "Identifiant ou mot de passe incorrect.",
    ),
    (
        "too_many_attempts",
        "Trop de tentatives de connexion. Veuillez patienter avant de réessayer.",
    ),
    (
        "link_invalid",
        "Ce lien n'est pas valide ou a déjà été utilisé.",
    ),
    (
        "link_expired",
        "Ce lien a expiré. Veuillez en demander un nouveau.",
    ),
    ("login_taken", "Cet identifiant est déjà utilisé."),
    (
        "captcha_invalid",
        "Les caractères recopiés ne correspondent pas à l'image.",
    ),
    ("account_inactive", "Ce compte n'est pas encore activé."),
    ("email_taken", "Cette adresse e-mail a déjà un compte."),
    ("invalid_query", "Un filtre de la recherche est invalide."),
    (
        "request_locked",
        "Cette demande ne peut plus être modifiée.",
    ),
    (
        "invalid_transition",
        "Cette action n'est pas possible dans l'état actuel de la demande.",
    ),
    (
        "database_unavailable",
        "Le service est momentanément indisponible.",
    ),
    (
        "cannot_disable_self",
        "Vous ne pouvez pas désactiver votre propre compte.",
    ),
    (
        "server_busy",
        "Le service est très sollicité : veuillez réessayer dans un instant.",
    ),
    (
        "internal_error",
        "Une erreur inattendue est survenue. Veuillez réessayer.",
    ),
    (
        "storage_unavailable",
        "Le dépôt des documents est momentanément indisponible : veuillez réessayer.",
    ),
    (
        "malformed_multipart",
        "Le fichier envoyé n'a pas pu être lu : veuillez réessayer.",
    ),
    (
        "already_reviewed",
        "Ce justificatif a déjà été validé ou refusé.",
    ),
    (
        "not_a_family_attachment",
        "Seule une pièce jointe envoyée par la famille peut être classée comme justificatif.",
    ),
    (
        "already_filed",
        "Cette pièce jointe a déjà été classée comme justificatif.",
    ),
    (
        "day_closed",
        "Ce jour-là, l'activité n'a pas lieu (jour férié, vacances ou fermeture).",
    ),
    (
        "day_past",
        "On ne réserve ni n'annule pour aujourd'hui ou un jour passé.",
    ),
    (
        "not_enrolled",
        "L'enfant n'est pas inscrit à cette activité pour cette année scolaire : faites d'abord sa fiche enfant.",
    ),
    (
        "school_enrolment_required",
        "La restauration scolaire se réserve pour un enfant inscrit à l'école cette année scolaire.",
    ),
    (
        "beyond_horizon",
        "Ce jour est trop éloigné pour être réservé maintenant.",
    ),
    (
        "booking_deadline_passed",
        "Le délai de réservation de ce jour est dépassé.",
    ),
    (
        "cancellation_deadline_passed",
        "Le délai d'annulation de ce jour est dépassé.",
    ),
    ("already_booked", "Ce jour est déjà réservé pour cette activité."),
    (
        "exclusive_unit_booked",
        "Un autre créneau de cette activité est déjà réservé ce jour-là : annulez-le d'abord.",
    ),
    (
        "booking_changed",
        "La réservation a changé entre-temps : rechargez l'agenda.",
    ),
    (
        "attendance_recorded",
        "La présence de ce jour est déjà pointée : la réservation ne peut plus être annulée.",
    ),
    (
        "not_booked",
        "Seule une réservation confirmée (pas en liste d'attente ni annulée) se pointe.",
    ),
    (
        "attendance_too_early",
        "La présence se pointe le jour même ou après, pas à l'avance.",
    ),
    (
        "too_many_unsent_attachments",
        "Trop de pièces jointes en attente d'envoi : envoyez votre message ou retirez-en avant d'en ajouter.",
    ),
];

pub fn problem_title(code: &str) -> &'static str {
    PROBLEM_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("La requête n'a pas pu aboutir.", |(_, message)| message)
}

/// Every per-field error `code`, and its French message. The spec lists them as the
/// values of `FieldError.code`.
pub const FIELD_CODES: &[(&str, &str)] = &[
    ("required", "Ce champ est obligatoire."),
    ("too_long", "Ce champ est trop long."),
    ("too_short", "Ce champ est trop court."),
    ("invalid_email", "Adresse e-mail invalide."),
    ("invalid_login", "L'identifiant ne peut contenir que des lettres sans accent, des chiffres, « . », « - » et « _ »."),
    ("invalid_name", "Seuls les lettres, espaces, apostrophes et tirets sont acceptés."),
    ("invalid_characters", "Ce champ contient des caractères non autorisés."),
    ("invalid_date", "Date invalide."),
    ("date_in_future", "La date ne peut pas être dans le futur."),
    ("date_too_old", "La date doit être postérieure au 1er janvier 1900."),
    ("date_not_upcoming", "La date doit être postérieure à aujourd'hui."),
    ("date_too_far", "La date est trop lointaine : deux ans au plus à partir d'aujourd'hui."),
    ("too_small", "Ce nombre est trop petit."),
    ("too_large", "Ce nombre est trop grand."),
    ("invalid_phone", "Numéro de téléphone invalide (ex. : 06 12 34 56 78)."),
    ("invalid_school_year", "Année scolaire invalide (ex. : 2026-2027)."),
    ("unknown_activity", "Cette activité n'existe pas."),
    ("unknown_unit", "Cette unité n'existe pas pour cette activité."),
    ("invalid_period", "La période va d'une date à une autre, 42 jours au plus (366 pour une saisie groupée)."),
    ("too_many_days", "Trop de jours à la fois : réduisez la période, les usagers ou les activités."),
    ("invalid_postal_code", "Code postal invalide : 5 chiffres en France."),
    ("invalid_department", "Département invalide (ex. : 59, 2A, 974)."),
    ("must_accept", "Vous devez cocher cette case pour continuer."),
    ("weak_password", "Le mot de passe ne respecte pas les règles."),
    ("password_mismatch", "Les deux mots de passe ne sont pas identiques."),
    ("wrong_password", "Mot de passe actuel incorrect."),
    ("captcha_invalid", "Les caractères recopiés ne correspondent pas à l'image."),
    ("captcha_expired", "Le code a expiré ; un nouveau code a été généré."),
    ("login_taken", "Cet identifiant est déjà utilisé."),
    ("invalid_type", "Valeur d'un type inattendu."),
    ("invalid_value", "Valeur non reconnue."),
    ("unknown_field", "Champ inconnu."),
    ("download_failed", "Le fichier n'a pas pu être enregistré sur votre appareil."),
    ("same_email", "C'est déjà l'adresse e-mail de votre compte."),
    ("not_a_member", "Cette personne ne fait pas partie de votre foyer."),
    ("unknown_document_type", "Ce type de justificatif n'est pas demandé par la mairie."),
    ("not_expected", "Ce justificatif concerne tout le foyer : n'indiquez pas de personne."),
    ("not_a_child", "Ce justificatif concerne un enfant du foyer."),
    ("not_an_adult", "Ce justificatif concerne un adulte du foyer."),
    ("empty_file", "Le fichier est vide."),
    ("file_too_large", "Le fichier est trop volumineux."),
    ("unsupported_file_type", "Ce type de fichier n'est pas accepté : envoyez un PDF, une image JPEG ou PNG."),
    ("unreadable_image", "L'image n'a pas pu être lue : elle est peut-être abîmée."),
    ("invalid_file_name", "Le nom du fichier contient des caractères non autorisés."),
    ("too_many_files", "Envoyez un seul fichier à la fois."),
    ("date_in_past", "La date ne peut pas être passée."),
    ("image_too_large", "L'image est trop grande : envoyez une photo de 50 mégapixels au plus."),
    ("document_expired", "Ce justificatif est déjà expiré à cette date : envoyez-en un plus récent."),
    ("already_required", "Ce justificatif est déjà demandé pour cette demande."),
    ("not_your_address", "Cette adresse n'est pas l'une des vôtres : choisissez-en une dans la liste."),
    ("same_person", "Choisissez une autre personne que le responsable du dossier."),
    ("too_young", "Cette personne doit avoir au moins 16 ans."),
    ("exclusive_choice", "Cette réponse exclut les autres : décochez-les ou décochez-la."),
    ("too_few_items", "Ajoutez d'autres éléments à cette liste."),
    ("too_many_items", "Cette liste a trop d'éléments : retirez-en."),
    ("not_applicable", "Cette question ne se pose pas d'après vos autres réponses : retirez cette réponse."),
    ("too_many_attachments", "Joignez au plus 5 fichiers à un message."),
    ("unknown_attachment", "Cette pièce jointe n'existe pas ou a déjà été envoyée : ajoutez-la de nouveau."),
    ("not_required", "Ce justificatif n'est pas demandé pour cette demande."),
];

pub fn field_message(code: &str) -> &'static str {
    FIELD_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Valeur invalide.", |(_, message)| message)
}

#[cfg(test)]
mod tests {
    /// A code listed twice would name two messages, and breaks the generated clients'
    /// enums.
    #[test]
    fn each_code_is_listed_once() {
        for (i, (code, _)) in super::FIELD_CODES.iter().enumerate() {
            assert!(
                !super::FIELD_CODES[..i].iter().any(|(c, _)| c == code),
                "{code} twice"
            );
        }
    }
}
