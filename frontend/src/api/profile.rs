//! "Mon profil": the whole profile, the phone numbers, the e-mail address, the addresses
//! and the children's school enrolment certificates.

use domain::auth::Accepted;
use domain::ids::{AddressId, EnrolmentId};
use domain::profile::{
    Address, AddressInput, Contacts, ContactsInput, EmailChangeRequest, Profile,
};
use web_sys::Blob;

use super::client::{self, encode, ApiResult, Authed};

pub async fn profile(authed: &Authed) -> ApiResult<Profile> {
    authed.get("/me/profile").await
}

pub async fn update_contacts(authed: &Authed, input: &ContactsInput) -> ApiResult<Contacts> {
    authed.put("/me/contacts", input).await
}

/// Asks to use another e-mail address: the API mails a confirmation link to it and
/// answers with the sentence to show; the account keeps its address until the link is used.
pub async fn change_email(authed: &Authed, request: &EmailChangeRequest) -> ApiResult<Accepted> {
    authed.post("/me/email", request).await
}

/// The confirmation link of a new e-mail address (no login needed).
pub async fn confirm_email(token: &str) -> ApiResult<Accepted> {
    client::post_empty(&format!("/email-confirmations/{}", encode(token))).await
}

pub async fn add_address(authed: &Authed, input: &AddressInput) -> ApiResult<Address> {
    authed.post("/me/addresses", input).await
}

pub async fn update_address(
    authed: &Authed,
    id: AddressId,
    input: &AddressInput,
) -> ApiResult<Address> {
    authed.put(&format!("/me/addresses/{id}"), input).await
}

pub async fn delete_address(authed: &Authed, id: AddressId) -> ApiResult<()> {
    authed.delete(&format!("/me/addresses/{id}")).await
}

/// A downloaded certificate: the PDF and the name to save it under.
pub struct Certificate {
    pub pdf: Blob,
    pub file_name: String,
}

/// "Télécharger le certificat d'inscription": the PDF of a child's school enrolment, with
/// the file name the server gives it (`certificat-inscription-lea-2026-2027.pdf`).
pub async fn enrolment_certificate(authed: &Authed, id: EnrolmentId) -> ApiResult<Certificate> {
    let file = authed
        .get_file(
            &format!("/me/enrolments/{id}/certificate"),
            "application/pdf",
        )
        .await?;
    Ok(Certificate {
        pdf: file.blob,
        file_name: file
            .name
            .unwrap_or_else(|| format!("certificat-inscription-{id}.pdf")),
    })
}
