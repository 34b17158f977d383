//! What the commune's configuration of documents decides: a type takes only its formats,
//! a procedure may need a document only for some answers, and the agent's "Valider" keeps
//! the last day of validity the agent chose.

use api::config::documents::{Condition, RequirementSettings};
use domain::document::FileKind;
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{family_with_a_request, pdf, upload};
use tests::{people, TestApp};

use crate::requests::{in_two_months, token};

/// A small JPEG photo.
fn photo() -> Vec<u8> {
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(8, 8, image::Rgb([200, 180, 160]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    jpeg
}

#[tokio::test]
async fn a_type_takes_only_its_formats() {
    // The commune takes the DT Polio as a PDF only (as Isques does the mandat SEPA).
    let app = TestApp::spawn_with(|s| {
        let types = s.commune.document_types.as_mut().expect("document types");
        let polio = types
            .iter_mut()
            .find(|t| t.slug == "dt-polio")
            .expect("dt-polio");
        polio.formats = vec![FileKind::Pdf];
    })
    .await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let slot = format!("document_type=dt-polio&person_id={child}");
    let refused = upload(&app, &citizen, &slot, "carnet.jpg", photo()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(refused).await),
        [("file".into(), "unsupported_file_type".into())]
    );
    let types = app.get_json("/api/document-types", &citizen).await;
    let polio = types
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["slug"] == "dt-polio")
        .unwrap();
    assert_eq!(polio["formats"], json!(["pdf"]));
    // Another type still takes the photo.
    let taken = upload(
        &app,
        &citizen,
        "document_type=justificatif-domicile",
        "facture.jpg",
        photo(),
    )
    .await;
    assert_eq!(taken.status(), StatusCode::CREATED);
    let accepted = upload(&app, &citizen, &slot, "carnet.pdf", pdf(1000)).await;
    assert_eq!(accepted.status(), StatusCode::CREATED);
}

/// A room rental sent for an event of `kind`: its documents.
async fn rental_documents(app: &TestApp, citizen: &str, kind: &str) -> Value {
    let draft = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({
                "procedure": "location-salle-des-fetes",
                "answers": {"event_date": in_two_months(), "event_type": kind, "guests": 80},
            }),
        )
        .await;
    assert_eq!(draft.status(), StatusCode::CREATED);
    let draft: Value = draft.json().await.unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    let sent = app
        .post_auth(&format!("/api/requests/{id}/submit"), citizen, &json!({}))
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    app.get_json(&format!("/api/requests/{id}/documents"), citizen)
        .await
}

#[tokio::test]
async fn a_procedure_needs_a_document_only_for_the_answer_its_condition_names() {
    // The room for a wedding needs a proof of address; for an association, nothing.
    let app = TestApp::spawn_with(|s| {
        let rental = s
            .commune
            .catalogue
            .as_mut()
            .expect("catalogue")
            .iter_mut()
            .flat_map(|c| c.procedures.iter_mut())
            .find(|p| p.slug == "location-salle-des-fetes")
            .expect("room rental");
        rental.documents = vec![RequirementSettings {
            document_type: "justificatif-domicile".into(),
            when: Some(Condition {
                field: "event_type".into(),
                equals: json!("mariage"),
            }),
        }];
    })
    .await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let wedding = rental_documents(&app, &citizen, "mariage").await;
    assert_eq!(wedding.as_array().unwrap().len(), 1, "{wedding}");
    assert_eq!(wedding[0]["document_type"], "justificatif-domicile");
    assert_eq!(wedding[0]["status"], "missing");
    let association = rental_documents(&app, &citizen, "association").await;
    assert_eq!(association, json!([]));
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(required.as_array().unwrap().len(), 1, "{required}");
    assert_eq!(required[0]["requests"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn valider_keeps_the_last_day_the_agent_chose_and_agents_get_the_file() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let sent = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(1500),
    )
    .await;
    let document: Value = sent.json().await.unwrap();
    let id = document["id"].as_i64().unwrap();
    let file = app
        .get_auth(&format!("/api/agent/documents/{id}/file"), &agent)
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert_eq!(file.headers()["x-content-type-options"], "nosniff");
    assert_eq!(file.headers()["cache-control"], "no-store");
    assert!(file.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(file.bytes().await.unwrap().len(), pdf(1500).len());

    let until = (chrono::Utc::now().date_naive() + chrono::TimeDelta::days(400)).to_string();
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{id}/validate"),
            &agent,
            &json!({"valid_until": until}),
        )
        .await;
    assert_eq!(validated.status(), StatusCode::OK);
    let validated: Value = validated.json().await.unwrap();
    assert_eq!(validated["valid_until"], until.as_str());
    let library = app.get_json("/api/me/documents", &citizen).await;
    assert_eq!(library[0]["valid_until"], until.as_str());
    assert_eq!(library[0]["status"], "valid");
}

#[tokio::test]
async fn an_oversize_file_is_refused_while_it_streams_in() {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    // A 200 MB PDF (the type takes 10 Mo), made as it is sent: the test counts what the
    // server let it send before answering.
    const TOTAL: u64 = 200 * 1024 * 1024;
    const CHUNK: usize = 64 * 1024;
    let boundary = "guichet-test-boundary";
    let sent = Arc::new(AtomicU64::new(0));
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    );
    let counter = sent.clone();
    let chunks = futures_util::stream::iter(
        std::iter::once(head.into_bytes())
            .chain((0..TOTAL / CHUNK as u64).map(|_| vec![b' '; CHUNK]))
            .chain(std::iter::once(
                format!("\r\n--{boundary}--\r\n").into_bytes(),
            )),
    )
    .map(move |chunk| {
        counter.fetch_add(chunk.len() as u64, Ordering::SeqCst);
        Ok::<_, std::io::Error>(chunk)
    });
    let response = app
        .client
        .post(app.url(&format!(
            "/api/me/documents?document_type=dt-polio&person_id={child}"
        )))
        .bearer_auth(token(&session))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await;
    let produced = sent.load(Ordering::SeqCst);
    // About 15 MB here when alone (the limit, then the sockets' buffers); under a loaded
    // machine more may be in flight, never the whole body.
    assert!(
        produced < TOTAL / 2,
        "the server read {produced} bytes of {TOTAL} before answering ({:?})",
        response.as_ref().map(|r| r.status())
    );
    // Answered (or the connection closed on the rest of the body): nothing is stored.
    if let Ok(response) = response {
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            field_codes(&problem(response).await),
            [("file".into(), "file_too_large".into())]
        );
    }
    assert_eq!(
        app.get_json("/api/me/documents", &token(&session)).await,
        json!([])
    );
}

#[tokio::test]
async fn the_fiche_enfant_asks_for_the_pai_only_when_the_child_needs_one() {
    let app = TestApp::spawn().await;
    let (session, child, with_pai) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let kinds = |lines: &Value| -> Vec<String> {
        lines
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["document_type"].as_str().unwrap().to_string())
            .collect()
    };
    let documents = |id: &Value| format!("/api/requests/{id}/documents");
    let needed = app
        .get_json(&documents(&with_pai["request"]["id"]), &citizen)
        .await;
    assert_eq!(kinds(&needed), ["dt-polio", "livret-famille", "pai"]);
    // "Non": the PAI is not asked.
    let procedure = app.get_json("/api/procedures/fiche-enfant", &citizen).await;
    let without_pai = tests::documents::fiche_answers(&procedure, json!(child));
    let draft: Value = app
        .post_auth(
            "/api/requests",
            &citizen,
            &json!({"procedure": "fiche-enfant", "answers": without_pai}),
        )
        .await
        .json()
        .await
        .unwrap();
    let sent = app
        .post_auth(
            &format!("/api/requests/{}/submit", draft["request"]["id"]),
            &citizen,
            &json!({}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    let needed = app
        .get_json(&documents(&draft["request"]["id"]), &citizen)
        .await;
    assert_eq!(kinds(&needed), ["dt-polio", "livret-famille"]);
    // Unanswered, the question stops the fiche.
    let mut unanswered = without_pai.clone();
    unanswered.as_object_mut().unwrap().remove("pai");
    let draft: Value = app
        .post_auth(
            "/api/requests",
            &citizen,
            &json!({"procedure": "fiche-enfant", "answers": unanswered}),
        )
        .await
        .json()
        .await
        .unwrap();
    let refused = app
        .post_auth(
            &format!("/api/requests/{}/submit", draft["request"]["id"]),
            &citizen,
            &json!({}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(refused).await),
        [("answers.pai".into(), "required".into())]
    );
}
