//! "Mon profil": the whole profile, the phone numbers and the addresses.

use domain::profile::{Address, AddressInput, Contacts, ContactsInput, Profile};

use super::client::{ApiResult, Authed};

pub async fn profile(authed: &Authed) -> ApiResult<Profile> {
    authed.get("/me/profile").await
}

pub async fn update_contacts(authed: &Authed, input: &ContactsInput) -> ApiResult<Contacts> {
    authed.put("/me/contacts", input).await
}

pub async fn add_address(authed: &Authed, input: &AddressInput) -> ApiResult<Address> {
    authed.post("/me/addresses", input).await
}

pub async fn update_address(authed: &Authed, id: i64, input: &AddressInput) -> ApiResult<Address> {
    authed.put(&format!("/me/addresses/{id}"), input).await
}

pub async fn delete_address(authed: &Authed, id: i64) -> ApiResult<()> {
    authed.delete(&format!("/me/addresses/{id}")).await
}
