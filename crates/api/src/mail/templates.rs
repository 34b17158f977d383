//! The French text of every mail the portal sends.

use super::Mail;
use crate::config::Settings;

/// Hours an activation link stays valid.
pub const ACTIVATION_HOURS: i64 = 72;
/// Minutes a password reset link stays valid.
pub const RESET_MINUTES: i64 = 60;

fn signature(settings: &Settings) -> String {
    format!(
        "\n\nCordialement,\n{}\n\n--\nCe message vous est envoyé automatiquement par le portail citoyen, merci de ne pas y répondre.\n",
        settings.commune.name()
    )
}

pub fn activation(settings: &Settings, to: &str, first_name: &str, token: &str) -> Mail {
    let link = format!("{}/activation/{token}", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : activez votre compte", settings.commune.name()),
        body: format!(
            "Bonjour {first_name},\n\nVotre demande de création de compte sur le portail citoyen a bien été enregistrée.\n\nPour activer votre compte, choisir votre identifiant et votre mot de passe, ouvrez ce lien :\n\n{link}\n\nCe lien est valable {ACTIVATION_HOURS} heures et ne peut servir qu'une fois.\nSi vous n'êtes pas à l'origine de cette demande, ignorez simplement ce message.{}",
            signature(settings)
        ),
    }
}

pub fn already_registered(settings: &Settings, to: &str, login: &str) -> Mail {
    let link = format!("{}/identifiants-oublies", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : vous avez déjà un compte", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nUne demande de création de compte a été faite avec cette adresse e-mail, mais un compte existe déjà.\n\nVotre identifiant de connexion est : {login}\n\nSi vous avez oublié votre mot de passe, vous pouvez le réinitialiser ici :\n\n{link}{}",
            signature(settings)
        ),
    }
}

pub fn forgotten_login(settings: &Settings, to: &str, login: &str) -> Mail {
    let link = format!("{}/connexion", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : votre identifiant de connexion", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVous avez demandé à recevoir votre identifiant de connexion.\n\nVotre identifiant est : {login}\n\nVous pouvez vous connecter ici :\n\n{link}{}",
            signature(settings)
        ),
    }
}

pub fn password_reset(settings: &Settings, to: &str, login: &str, token: &str) -> Mail {
    let link = format!("{}/reinitialisation/{token}", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : réinitialisation de votre mot de passe", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVous avez demandé à réinitialiser le mot de passe du compte « {login} ».\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n\n{link}\n\nCe lien est valable {RESET_MINUTES} minutes et ne peut servir qu'une fois.\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.{}",
            signature(settings)
        ),
    }
}

pub fn password_changed(settings: &Settings, to: &str, login: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: format!("{} : votre mot de passe a été modifié", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nLe mot de passe du compte « {login} » vient d'être modifié. Vos autres sessions ont été fermées.\n\nSi vous n'êtes pas à l'origine de ce changement, contactez la mairie sans attendre.{}",
            signature(settings)
        ),
    }
}

/// "Votre demande n° 12 a bien été enregistrée" (accusé de réception).
pub fn request_received(settings: &Settings, to: &str, number: i64, procedure: &str) -> Mail {
    let link = format!("{}/mes-demandes", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : demande n° {number} enregistrée", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVotre demande n° {number} « {procedure} » a bien été enregistrée. Elle sera traitée par les services de la mairie.\n\nVous pouvez la suivre, et la modifier tant qu'elle n'est pas prise en charge, dans « Mes demandes » :\n\n{link}{}",
            signature(settings)
        ),
    }
}

/// A status change or a comment of an agent on a request.
pub fn request_update(
    settings: &Settings,
    to: &str,
    number: i64,
    procedure: &str,
    news: &str,
) -> Mail {
    let link = format!("{}/mes-demandes", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : votre demande n° {number}", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVotre demande n° {number} « {procedure} » a évolué.\n\n{news}\n\nRetrouvez-la dans « Mes demandes » :\n\n{link}{}",
            signature(settings)
        ),
    }
}

/// A new agent or admin account: the login and the link to choose a password.
pub fn staff_welcome(settings: &Settings, to: &str, login: &str, link: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: format!("{} : votre compte agent sur le portail", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nUn compte vous a été ouvert sur le portail citoyen pour traiter les demandes des usagers.\n\nVotre identifiant de connexion est : {login}\n\nChoisissez votre mot de passe en ouvrant ce lien, valable 72 heures et une seule fois :\n\n{link}{}",
            signature(settings)
        ),
    }
}

/// Link to confirm a new e-mail address, sent to that address.
pub fn email_confirmation(settings: &Settings, to: &str, token: &str) -> Mail {
    let link = format!("{}/confirmation-courriel/{token}", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : confirmez votre nouvelle adresse e-mail", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVous avez demandé à utiliser cette adresse e-mail pour votre compte du portail citoyen.\n\nPour confirmer, ouvrez ce lien (valable 24 heures, une seule fois) :\n\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne changera.{}",
            signature(settings)
        ),
    }
}

/// Told to the former address once the new one is confirmed.
pub fn email_changed(settings: &Settings, to: &str, new_email: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: format!("{} : votre adresse e-mail a été modifiée", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nL'adresse e-mail de votre compte du portail citoyen est désormais {new_email}. Les prochains messages y seront envoyés.\n\nSi vous n'êtes pas à l'origine de ce changement, contactez la mairie sans attendre.{}",
            signature(settings)
        ),
    }
}

/// "Un justificatif fourni a été refusé": the reason, and where to send another one.
pub fn document_refused(settings: &Settings, to: &str, document: &str, reason: &str) -> Mail {
    let link = format!("{}/echanges", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!(
            "{} : un justificatif fourni a été refusé",
            settings.commune.name()
        ),
        body: format!(
            "Bonjour,\n\nLe justificatif « {document} » que vous avez fourni a été refusé par la mairie.\n\nMotif : {reason}\n\nVous pouvez en déposer un autre dans « Échanges », rubrique « Mes justificatifs à fournir » :\n\n{link}{}",
            signature(settings)
        ),
    }
}

/// "Nouveau message de la mairie": a link to "Échanges", never the message itself.
/// A place freed: the booking that waited is now booked.
pub fn booking_promoted(settings: &Settings, to: &str, child: &str, what: &str, day: &str) -> Mail {
    let link = format!("{}/agenda", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : une place s'est libérée", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nUne place s'est libérée : la réservation de {child} pour « {what} » le {day}, qui était en liste d'attente, est confirmée.\n\nVous la retrouvez dans l'agenda du portail :\n\n{link}{}",
            signature(settings)
        ),
    }
}

pub fn new_message(settings: &Settings, to: &str) -> Mail {
    let link = format!("{}/echanges", settings.public_url());
    Mail {
        to: to.into(),
        subject: format!("{} : nouveau message de la mairie", settings.commune.name()),
        body: format!(
            "Bonjour,\n\nVous avez reçu un nouveau message de la mairie au sujet de l'une de vos demandes.\n\nPour le lire et y répondre, connectez-vous au portail, rubrique « Échanges » :\n\n{link}{}",
            signature(settings)
        ),
    }
}
