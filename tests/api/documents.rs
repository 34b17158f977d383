//! Justificatifs: what requests need, the upload into the object store, the agents'
//! validation, and everything a bad file or another household may try.

use domain::auth::Role;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::TestApp;

use crate::requests::token;
pub use tests::documents::{child_form, family_with_a_request, pdf, upload};

fn line<'a>(required: &'a Value, kind: &str) -> &'a Value {
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
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
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
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
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
async fn pictures_are_stored_upright_and_without_their_metadata() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    // A 40x20 JPEG with an EXIF block giving a place and a camera.
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(40, 20, image::Rgb([200, 30, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let mut exif =
        b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x10\0\x02\0\0\0\x0cSecretPhone\0\0\0\0\0".to_vec();
    exif.extend_from_slice(b"GPS 50.7264N 1.6147E");
    let mut tagged = jpeg[..2].to_vec();
    tagged.extend_from_slice(&[0xff, 0xe1]);
    tagged.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    tagged.extend_from_slice(&exif);
    tagged.extend_from_slice(&jpeg[2..]);

    let sent = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "IMG_2041.JPG",
        tagged.clone(),
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let document: Value = sent.json().await.unwrap();
    assert_eq!(document["file_kind"], "jpeg");
    let got = app
        .get_auth(
            &format!("/api/me/documents/{}/file", document["id"]),
            &citizen,
        )
        .await;
    assert_eq!(got.headers()["content-type"], "image/jpeg");
    let bytes = got.bytes().await.unwrap().to_vec();
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("SecretPhone") && !text.contains("GPS") && !text.contains("Exif"));
    let picture = image::load_from_memory(&bytes).unwrap();
    assert_eq!((picture.width(), picture.height()), (40, 20));
    // The hash kept is the stored file's.
    use sha2::Digest;
    assert_eq!(
        document["sha256"],
        hex::encode(sha2::Sha256::digest(&bytes))
    );
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
async fn files_left_without_a_document_are_swept_and_documents_stay() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let kept = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(2000),
    )
    .await;
    assert_eq!(kept.status(), StatusCode::CREATED);
    let kept_file = stored_files(&app).remove(0);
    // An upload whose row was never written, two hours ago.
    let orphan = kept_file.with_file_name("0123456789abcdef0123456789abcdef.pdf");
    std::fs::write(&orphan, pdf(100)).unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in [&orphan, &kept_file] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    // A fresh one may be an upload under way: it stays until it is old.
    let fresh = kept_file.with_file_name("fedcba9876543210fedcba9876543210.pdf");
    std::fs::write(&fresh, pdf(100)).unwrap();

    let swept = api::housekeeping::sweep_orphans(&app.state).await.unwrap();
    assert_eq!(swept, 1);
    assert!(!orphan.exists());
    assert!(kept_file.exists() && fresh.exists());
}

#[tokio::test]
async fn an_agent_asks_for_one_more_document_and_each_request_shows_its_documents() {
    let app = TestApp::spawn().await;
    let (session, child, request) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let (other, other_child, _) = family_with_a_request(&app, "dupont@yopmail.com", "dupont").await;
    let citizen = token(&session);
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let id = request["request"]["id"].as_i64().unwrap();
    let mine = format!("/api/requests/{id}/documents");
    let kinds = |lines: &Value| -> Vec<String> {
        lines
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                format!(
                    "{} {}",
                    l["document_type"].as_str().unwrap(),
                    l["status"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        kinds(&app.get_json(&mine, &citizen).await),
        ["dt-polio missing", "livret-famille missing", "pai missing"]
    );

    // "Demande de justificatifs": the attestation CAF of the account holder, too.
    let ask = format!("/api/agent/requests/{id}/document-requests");
    let asked = app
        .post_auth(&ask, &agent, &json!({"document_type": "attestation-caf"}))
        .await;
    assert_eq!(asked.status(), StatusCode::CREATED);
    let lines: Value = asked.json().await.unwrap();
    let caf = line(&lines, "attestation-caf");
    assert_eq!(caf["concerned"], "DUPIN Pascal");
    assert_eq!(caf["status"], "missing");
    assert_eq!(
        app.get_json(&mine, &citizen)
            .await
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        app.get_json(&format!("/api/agent/requests/{id}/documents"), &agent)
            .await,
        lines
    );
    let messages = app.get_json("/api/me/messages", &citizen).await;
    assert_eq!(messages[0]["subject"], "Demande de justificatifs");
    assert!(messages[0]["body"]
        .as_str()
        .unwrap()
        .contains("Attestation CAF de DUPIN Pascal"));
    app.smtp
        .wait_for("mounier@yopmail.com", "nouveau message de la mairie")
        .await;
    // "Mes justificatifs à fournir" asks for it too.
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(line(&required, "attestation-caf")["status"], "missing");

    for (body, field, code) in [
        (
            json!({"document_type": "passeport"}),
            "document_type",
            "unknown_document_type",
        ),
        (
            json!({"document_type": "dt-polio", "person_id": other_child}),
            "person_id",
            "not_a_member",
        ),
        (
            json!({"document_type": "justificatif-domicile", "person_id": child}),
            "person_id",
            "not_expected",
        ),
        (
            json!({"document_type": "attestation-caf", "person_id": child}),
            "person_id",
            "not_an_adult",
        ),
    ] {
        let response = app.post_auth(&ask, &agent, &body).await;
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())],
            "{body}"
        );
    }
    // What the request already needs is not asked twice.
    let twice = app
        .post_auth(&ask, &agent, &json!({"document_type": "dt-polio"}))
        .await;
    assert_eq!(
        field_codes(&problem(twice).await),
        [("document_type".into(), "already_required".into())]
    );
    // A closed request needs nothing more.
    for action in ["take", "accept"] {
        let done = app
            .post_auth(
                &format!("/api/agent/requests/{id}/{action}"),
                &agent,
                &json!({}),
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK, "{action}");
    }
    let closed = app
        .post_auth(&ask, &agent, &json!({"document_type": "rib"}))
        .await;
    assert_eq!(closed.status(), StatusCode::CONFLICT);
    // Another family sees nothing of it; a citizen cannot ask.
    let theirs = token(&other);
    assert_eq!(
        app.get_auth(&mine, &theirs).await.status(),
        StatusCode::NOT_FOUND
    );
    let forged = app
        .post_auth(&ask, &theirs, &json!({"document_type": "rib"}))
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}

/// CRC-32 of PNG chunks (ISO 3309), to forge a header.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[tokio::test]
async fn a_picture_too_large_to_decode_is_refused_before_decoding() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    // A real 1x1 PNG whose header then claims 9000 x 9000 (81 Mpx): a few hundred bytes
    // that would decode to hundreds of megabytes.
    let mut png = Vec::new();
    image::GrayImage::from_pixel(1, 1, image::Luma([0]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png[16..20].copy_from_slice(&9000u32.to_be_bytes());
    png[20..24].copy_from_slice(&9000u32.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let response = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "photo.png",
        png,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(response).await),
        [("file".into(), "image_too_large".into())]
    );
    assert_eq!(stored_files(&app), Vec::<std::path::PathBuf>::new());
}
