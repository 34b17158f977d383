//! Justificatifs: what requests need, the upload into the object store, the agents'
//! validation, and everything a bad file or another household may try.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::TestApp;

use crate::requests::token;
pub use tests::documents::{child_form, family_with_a_request, pdf, upload};

pub fn line<'a>(required: &'a Value, kind: &str) -> &'a Value {
    required
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["document_type"] == kind)
        .unwrap_or_else(|| panic!("no line for {kind} in {required}"))
}

/// Files in the object store's directory.
pub fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.state.settings.data_dir.join("documents"), &mut out);
    out
}

#[tokio::test]
async fn a_document_goes_from_missing_to_refused_to_valid_and_serves_every_request() {
    let app = TestApp::spawn().await;
    let (session, child, request) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let number = request["request"]["number"].as_i64().unwrap();

    // "Mes justificatifs à fournir": the three of Quiévrechain's Fiche enfant, for Éric.
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    let kinds: Vec<&str> = required
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["document_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["dt-polio", "livret-famille", "pai"]);
    let polio = line(&required, "dt-polio");
    assert_eq!(polio["status"], "missing");
    assert_eq!(polio["concerned"], "MOUNIER Éric");
    assert_eq!(
        polio["requests"],
        json!([{"id": request["request"]["id"], "number": number, "procedure_title": "Fiche enfant"}])
    );

    // The parent sends the carnet: it waits for an agent.
    let file = pdf(20_000);
    let sent = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        file.clone(),
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let document: Value = sent.json().await.unwrap();
    assert_eq!(document["status"], "pending");
    assert_eq!(document["file_kind"], "pdf");
    assert_eq!(document["size_bytes"], file.len());
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(line(&required, "dt-polio")["status"], "pending");

    // The family gets its own file back, as an attachment of its real type, uncached.
    let id = document["id"].as_i64().unwrap();
    let got = app
        .get_auth(&format!("/api/me/documents/{id}/file"), &citizen)
        .await;
    assert_eq!(got.status(), StatusCode::OK);
    let headers = got.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"justificatif-{id}.pdf\"")
    );
    assert_eq!(got.bytes().await.unwrap().to_vec(), file);

    // The agent finds it in the queue and refuses it: the family is told why.
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let queue = app.get_json("/api/agent/documents", &agent).await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["id"], id);
    let refused = app
        .post_auth(
            &format!("/api/agent/documents/{id}/refuse"),
            &agent,
            &json!({"text": "Le carnet est illisible."}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::OK);
    let mail = app
        .smtp
        .wait_for("mounier@yopmail.com", "un justificatif fourni a été refusé")
        .await;
    assert!(
        mail.body.contains("Le carnet est illisible."),
        "{}",
        mail.body
    );
    let again = app
        .post_auth(
            &format!("/api/agent/documents/{id}/validate"),
            &agent,
            &json!({}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(problem(again).await["code"], "already_reviewed");
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    let polio = line(&required, "dt-polio");
    assert_eq!(polio["status"], "invalid");
    assert_eq!(
        polio["document"]["refusal_reason"],
        "Le carnet est illisible."
    );
    assert_eq!(
        app.get_json("/api/agent/documents", &agent).await["total"],
        0
    );

    // A better scan, validated: valid without end (the carnet does not expire).
    let second: Value = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet-net.pdf",
        pdf(30_000),
    )
    .await
    .json()
    .await
    .unwrap();
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{}/validate", second["id"]),
            &agent,
            &json!({}),
        )
        .await;
    assert_eq!(validated.status(), StatusCode::OK);
    let validated: Value = validated.json().await.unwrap();
    assert_eq!(validated["status"], "valid");
    assert_eq!(validated["valid_until"], Value::Null);

    // A second Fiche enfant for Éric needs the carnet too: it is already provided.
    let other = child_form(&app, &citizen, child).await;
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    let polio = line(&required, "dt-polio");
    assert_eq!(polio["status"], "valid");
    let numbers: Vec<&Value> = polio["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["number"])
        .collect();
    assert_eq!(numbers, [&json!(number), &other["request"]["number"]]);
    assert_eq!(line(&required, "livret-famille")["status"], "missing");

    // The library keeps the history: both carnets, latest first.
    let library = app.get_json("/api/me/documents", &citizen).await;
    let statuses: Vec<&str> = library
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["valid", "refused"]);
}

#[tokio::test]
async fn a_document_valid_for_some_days_expires_back_to_missing() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let (session, _, _) = family_with_a_request(&app, "marinelli@yopmail.com", "marinelli").await;
    let citizen = token(&session);
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    // A household's document is in the holder's name, as in the manual.
    assert_eq!(
        line(&required, "justificatif-domicile")["concerned"],
        "DUPIN Pascal"
    );

    // A proof of address dated 100 days ago is valid 90 days from its date: already
    // expired, it is refused at once rather than left for an agent who could not validate it.
    let old = chrono::Utc::now().date_naive() - chrono::TimeDelta::days(100);
    let expired = upload(
        &app,
        &citizen,
        &format!("document_type=justificatif-domicile&document_date={old}"),
        "facture.pdf",
        pdf(5_000),
    )
    .await;
    assert_eq!(
        field_codes(&problem(expired).await),
        [("document_date".into(), "document_expired".into())]
    );
    // Dated 80 days ago, it has some days left: validated until its date + 90 days.
    let dated = chrono::Utc::now().date_naive() - chrono::TimeDelta::days(80);
    let sent: Value = upload(
        &app,
        &citizen,
        &format!("document_type=justificatif-domicile&document_date={dated}"),
        "facture.pdf",
        pdf(5_000),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(sent["document_date"], dated.to_string());
    // The agent cannot validate it into the past...
    let yesterday = chrono::Utc::now().date_naive() - chrono::TimeDelta::days(2);
    let past = app
        .post_auth(
            &format!("/api/agent/documents/{}/validate", sent["id"]),
            &agent,
            &json!({"valid_until": yesterday}),
        )
        .await;
    assert_eq!(past.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(past).await),
        [("valid_until".into(), "date_in_past".into())]
    );
    // ...and without a date gets the type's validity; once it passes, "Non fourni" again.
    let ok: Value = app
        .post_auth(
            &format!("/api/agent/documents/{}/validate", sent["id"]),
            &agent,
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let until = dated + chrono::TimeDelta::days(90);
    assert_eq!(ok["valid_until"], until.to_string());
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(line(&required, "justificatif-domicile")["status"], "valid");
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::{ExpressionMethods, RunQueryDsl};
        let mut conn = pool.get().unwrap();
        let yesterday = chrono::Utc::now().date_naive() - chrono::TimeDelta::days(2);
        diesel::update(db::schema::documents::table)
            .set(db::schema::documents::valid_until.eq(yesterday))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(
        line(&required, "justificatif-domicile")["status"],
        "missing"
    );
}
