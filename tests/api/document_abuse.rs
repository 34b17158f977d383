//! Justificatifs against bad files and other households: whatever is sent, a clear error
//! and nothing stored; pictures stored without their metadata; leftovers swept.

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::TestApp;

use crate::documents::{family_with_a_request, line, pdf, stored_files, upload};
use crate::requests::token;

#[tokio::test]
async fn bad_files_get_a_clear_error_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let slot = format!("document_type=dt-polio&person_id={child}");
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.resize(4096, 0);
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.resize(4096, 0);
    let cases: Vec<(&str, &str, Vec<u8>, &str, &str)> = vec![
        (
            "an executable named .pdf",
            "carnet.pdf",
            exe,
            "file",
            "unsupported_file_type",
        ),
        (
            "an ELF binary",
            "carnet.pdf",
            elf,
            "file",
            "unsupported_file_type",
        ),
        (
            "an empty file",
            "carnet.pdf",
            Vec::new(),
            "file",
            "empty_file",
        ),
        (
            "an HTML page",
            "carnet.pdf",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec(),
            "file",
            "unsupported_file_type",
        ),
        (
            "an HTML page claiming %PDF",
            "carnet.pdf",
            b"<html><!-- %PDF-1.7 --><script>alert(1)</script></html>".to_vec(),
            "file",
            "unsupported_file_type",
        ),
        (
            "an SVG picture",
            "carnet.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            "file",
            "unsupported_file_type",
        ),
        (
            "a file over the type's 10 MB",
            "carnet.pdf",
            pdf(10 * 1024 * 1024 + 1),
            "file",
            "file_too_large",
        ),
        (
            "a path for a name",
            "../../etc/passwd",
            pdf(1000),
            "file",
            "invalid_file_name",
        ),
        (
            "a name hiding characters",
            "carnet\u{202e}fdp.exe",
            pdf(1000),
            "file",
            "invalid_file_name",
        ),
        (
            "a picture that is not one",
            "photo.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 broken".to_vec(),
            "file",
            "unreadable_image",
        ),
    ];
    for (what, name, bytes, field, code) in cases {
        let response = upload(&app, &citizen, &slot, name, bytes).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}"
        );
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())],
            "{what}"
        );
    }

    // Two files at once, or a part that is not the file.
    let two = Form::new()
        .part("file", Part::bytes(pdf(1000)).file_name("a.pdf"))
        .part("file", Part::bytes(pdf(1000)).file_name("b.pdf"));
    let response = app
        .client
        .post(app.url(&format!("/api/me/documents?{slot}")))
        .bearer_auth(&citizen)
        .multipart(two)
        .send()
        .await
        .unwrap();
    assert_eq!(
        field_codes(&problem(response).await),
        [("file".into(), "too_many_files".into())]
    );
    let other = Form::new().text("comment", "bonjour");
    let response = app
        .client
        .post(app.url(&format!("/api/me/documents?{slot}")))
        .bearer_auth(&citizen)
        .multipart(other)
        .send()
        .await
        .unwrap();
    assert_eq!(
        field_codes(&problem(response).await),
        [("comment".into(), "unknown_field".into())]
    );

    // The slot is checked before the file: unknown type, missing child, a household
    // document given a person, an implausible date, an unknown query parameter.
    for (query, field, code) in [
        (
            "document_type=passeport".to_string(),
            "document_type",
            "unknown_document_type",
        ),
        (
            "document_type=dt-polio".to_string(),
            "person_id",
            "required",
        ),
        (
            format!("document_type=justificatif-domicile&person_id={child}"),
            "person_id",
            "not_expected",
        ),
        (
            "document_type=attestation-caf&document_date=2099-01-01".to_string(),
            "document_date",
            "date_in_future",
        ),
    ] {
        let response = upload(&app, &citizen, &query, "a.pdf", pdf(1000)).await;
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())],
            "{query}"
        );
    }
    let response = upload(
        &app,
        &citizen,
        &format!("{slot}&hack=1"),
        "a.pdf",
        pdf(1000),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(response).await["code"], "invalid_query");

    assert_eq!(app.get_json("/api/me/documents", &citizen).await, json!([]));
    assert_eq!(stored_files(&app), Vec::<std::path::PathBuf>::new());
}

#[tokio::test]
async fn a_citizen_never_reaches_another_households_documents() {
    let app = TestApp::spawn().await;
    let (mounier, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let (dupont, other_child, _) =
        family_with_a_request(&app, "dupont@yopmail.com", "dupont").await;
    let (mine, theirs) = (token(&mounier), token(&dupont));
    let document: Value = upload(
        &app,
        &mine,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(2000),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = document["id"].as_i64().unwrap();

    // The other family cannot read it, list it or upload for the first family's child.
    let stolen = app
        .get_auth(&format!("/api/me/documents/{id}/file"), &theirs)
        .await;
    assert_eq!(stolen.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get_json("/api/me/documents", &theirs).await, json!([]));
    let required = app.get_json("/api/me/required-documents", &theirs).await;
    assert_eq!(line(&required, "dt-polio")["status"], "missing");
    let response = upload(
        &app,
        &theirs,
        &format!("document_type=dt-polio&person_id={child}"),
        "a.pdf",
        pdf(1000),
    )
    .await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("person_id".into(), "not_a_member".into())]
    );
    // Its own child is fine.
    let own = upload(
        &app,
        &theirs,
        &format!("document_type=dt-polio&person_id={other_child}"),
        "a.pdf",
        pdf(1000),
    )
    .await;
    assert_eq!(own.status(), StatusCode::CREATED);

    // Citizens never reach the agents' side, anonymous callers nothing at all.
    for path in [
        "/api/agent/documents".to_string(),
        format!("/api/agent/documents/{id}/file"),
    ] {
        assert_eq!(
            app.get_auth(&path, &theirs).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get(&path).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    let validate = app
        .post_auth(
            &format!("/api/agent/documents/{id}/validate"),
            &theirs,
            &json!({}),
        )
        .await;
    assert_eq!(validate.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.get(&format!("/api/me/documents/{id}/file"))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    // Guessing a storage key gets nothing either: files are served by document id only.
    let key = stored_files(&app)[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    for path in [
        format!("/documents/{key}"),
        format!("/api/documents/{key}"),
        format!("/data/documents/documents/{key}"),
    ] {
        let response = app.get_auth(&path, &theirs).await;
        let body = response.bytes().await.unwrap();
        assert!(!body.starts_with(b"%PDF"), "{path} served the file");
    }
}

#[tokio::test]
async fn a_body_that_is_not_a_readable_form_is_malformed_multipart_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    for path in [
        format!("/api/me/documents?document_type=dt-polio&person_id={child}"),
        "/api/me/attachments".to_string(),
    ] {
        // A part that never ends: its closing boundary is missing.
        let response = app
            .client
            .post(app.url(&path))
            .bearer_auth(&citizen)
            .header("content-type", "multipart/form-data; boundary=xyz")
            .body("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 cut")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            problem(response).await["code"],
            "malformed_multipart",
            "{path}"
        );
    }
    assert_eq!(stored_files(&app), Vec::<std::path::PathBuf>::new());
}
