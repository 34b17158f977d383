//! "Télécharger le certificat d'inscription": the school enrolment certificate of a child
//! of the caller's household, as a PDF.

use chrono::Utc;
use chrono_tz::Europe::Paris;
use domain::ids::{AccountId, EnrolmentId};

use super::service::holder;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::pdf::{Block, Printable};

/// What the certificate says; the handler renders it off the connection.
pub fn school_certificate(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    enrolment_id: EnrolmentId,
) -> ApiResult<Printable> {
    let (_, household) = holder(conn, account_id)?;
    let enrolment =
        db::households::find_enrolment(conn, enrolment_id)?.ok_or_else(ApiError::not_found)?;
    let in_household = db::households::members(conn, household)?.iter().any(|m| {
        m.person_id == enrolment.person_id && m.role == domain::profile::MemberRole::Child
    });
    if !in_household {
        return Err(ApiError::not_found());
    }
    let child = db::persons::find(conn, enrolment.person_id)?.ok_or_else(ApiError::not_found)?;
    let town = settings
        .commune
        .name()
        .trim_start_matches("Ville de ")
        .trim_start_matches("Ville d'")
        .to_string();
    let today = Utc::now()
        .with_timezone(&Paris)
        .date_naive()
        .format("%d/%m/%Y")
        .to_string();
    let born = match (child.birth_date, child.birth_city.as_deref()) {
        (Some(date), Some(city)) => {
            let department = child
                .birth_department
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            format!(
                ", né(e) le {} à {city}{department},",
                date.format("%d/%m/%Y")
            )
        }
        _ => ",".into(),
    };
    let class = enrolment
        .class_name
        .as_deref()
        .map(|c| format!(", classe {c}"))
        .unwrap_or_default();
    let sentence = format!(
        "Le maire de {town} certifie que l'enfant {} {}{born} est inscrit(e) pour l'année scolaire {} à l'établissement {}, niveau {}{class}.",
        child.first_name,
        child.birth_name.to_uppercase(),
        enrolment.school_year,
        enrolment.establishment,
        enrolment.level,
    );
    let title = format!(
        "Certificat d'inscription – {} {}",
        child.first_name,
        child.birth_name.to_uppercase()
    );
    let file = format!(
        "certificat-inscription-{}-{}.pdf",
        domain::text::slug_part(&child.first_name),
        enrolment.school_year
    );
    let blocks = vec![
        Block::Space(20.0),
        Block::title(settings.commune.name(), 18.0),
        Block::Space(40.0),
        Block::title("CERTIFICAT D'INSCRIPTION SCOLAIRE", 16.0),
        Block::centred(format!("Année scolaire {}", enrolment.school_year), 12.0),
        Block::Space(40.0),
        Block::text(sentence, 12.0),
        Block::Space(12.0),
        Block::text(
            "Ce certificat est délivré pour servir et valoir ce que de droit.",
            12.0,
        ),
        Block::Space(36.0),
        Block::text(format!("Fait à {town}, le {today}."), 12.0),
        Block::Space(12.0),
        Block::text("Pour le maire,", 12.0),
    ];
    Ok(Printable {
        title,
        file,
        blocks,
        footer: format!(
            "Document établi par le portail citoyen – inscription n° {}",
            enrolment.id
        ),
    })
}
