//! Account creation, the activation mail and activation.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

#[tokio::test]
async fn registering_sends_an_activation_mail_over_smtp() {
    let app = TestApp::spawn().await;
    let response = app.register("dupin@yopmail.com", "Pascal", "Dupin").await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["email"], "dupin@yopmail.com");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("dupin@yopmail.com"));

    let mail = app
        .smtp
        .wait_for("dupin@yopmail.com", "activez votre compte")
        .await;
    assert_eq!(mail.subject, "Ville de Quiévrechain : activez votre compte");
    assert!(mail.body.contains("Bonjour Pascal"));
    let link = mail.link("/activation/").unwrap();
    assert!(
        link.starts_with(&format!("{}/activation/", app.address)),
        "{link}"
    );
}

#[tokio::test]
async fn the_activation_page_proposes_firstname_dot_name_with_a_suffix_when_taken() {
    let app = TestApp::spawn().await;
    app.create_account("premier@exemple.fr", "helene.delatour", people::PASSWORD)
        .await;
    let token = app
        .activation_token("second@exemple.fr", "Hélène", "De La Tour")
        .await;
    let info: Value = app
        .get(&format!("/api/activations/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(info["first_name"], "Hélène");
    assert_eq!(info["email"], "second@exemple.fr");
    assert_eq!(info["suggested_login"], "helene.delatour2");
}

#[tokio::test]
async fn activating_logs_the_person_in_and_the_link_works_once() {
    let app = TestApp::spawn().await;
    let token = app
        .activation_token("dupin@yopmail.com", "Pascal", "Dupin")
        .await;
    let body = json!({"login": "Pascal.Dupin", "password": people::PASSWORD, "password_confirmation": people::PASSWORD});
    let response = app.post(&format!("/api/activations/{token}"), &body).await;
    assert_eq!(response.status(), 200);
    let session: Value = response.json().await.unwrap();
    assert_eq!(session["token_type"], "Bearer");
    assert_eq!(session["account"]["login"], "pascal.dupin");
    assert_eq!(session["account"]["first_name"], "Pascal");
    assert_eq!(session["account"]["role"], "citizen");

    let me: Value = app
        .get_json("/api/me", session["access_token"].as_str().unwrap())
        .await;
    assert_eq!(me["email"], "dupin@yopmail.com");

    let again = app.post(&format!("/api/activations/{token}"), &body).await;
    assert_eq!(again.status(), 404);
    assert_eq!(problem(again).await["code"], "link_invalid");
}

#[tokio::test]
async fn an_expired_activation_link_is_refused_with_410() {
    let app = TestApp::spawn().await;
    let token = app
        .activation_token("tard@exemple.fr", "Pascal", "Dupin")
        .await;
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        use db::schema::account_tokens::dsl::*;
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        diesel::update(account_tokens)
            .set(expires_at.eq(db::now() - chrono::TimeDelta::minutes(1)))
            .execute(&mut *conn)
            .unwrap();
    })
    .await
    .unwrap();
    let response = app.get(&format!("/api/activations/{token}")).await;
    assert_eq!(response.status(), 410);
    assert_eq!(problem(response).await["code"], "link_expired");
}

#[tokio::test]
async fn a_login_already_taken_is_refused_with_409() {
    let app = TestApp::spawn().await;
    app.create_account("a@exemple.fr", "pascal.dupin", people::PASSWORD)
        .await;
    let token = app
        .activation_token("b@exemple.fr", "Pascal", "Dupin")
        .await;
    let response = app
        .post(
            &format!("/api/activations/{token}"),
            &json!({"login": "pascal.dupin", "password": people::PASSWORD, "password_confirmation": people::PASSWORD}),
        )
        .await;
    assert_eq!(response.status(), 409);
    let problem = problem(response).await;
    assert_eq!(problem["code"], "login_taken");
    assert_eq!(
        field_codes(&problem),
        [("login".into(), "login_taken".into())]
    );
    // The link was not spent: the person can pick another login.
    let retry = app
        .post(
            &format!("/api/activations/{token}"),
            &json!({"login": "pascal.dupin.b", "password": people::PASSWORD, "password_confirmation": people::PASSWORD}),
        )
        .await;
    assert_eq!(retry.status(), 200);
}

#[tokio::test]
async fn the_password_policy_of_the_manuals_is_enforced_by_the_server() {
    let app = TestApp::spawn().await;
    let token = app
        .activation_token("mdp@exemple.fr", "Pascal", "Dupin")
        .await;
    for (password, confirmation, field, code) in [
        ("court1A", "court1A", "password", "weak_password"),
        ("Accentué123", "Accentué123", "password", "weak_password"),
        (
            "Valide123",
            "Valide124",
            "password_confirmation",
            "password_mismatch",
        ),
    ] {
        let response = app
            .post(
                &format!("/api/activations/{token}"),
                &json!({"login": "pascal.dupin", "password": password, "password_confirmation": confirmation}),
            )
            .await;
        assert_eq!(response.status(), 422, "{password}");
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.to_string(), code.to_string())]
        );
    }
}

#[tokio::test]
async fn registration_checks_every_field_and_the_consents() {
    let app = TestApp::spawn().await;
    let mut body = people::registration("pas-une-adresse", "Pascal", "Dupin");
    body["birth_date"] = json!("2999-01-01");
    body["birth_department"] = json!("");
    body["terms_accepted"] = json!(false);
    body["privacy_consent"] = json!(false);
    body["captcha"] = app.solve_captcha().await;
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(response.status(), 422);
    let codes = field_codes(&problem(response).await);
    for expected in [
        ("birth_date", "date_in_future"),
        ("birth_department", "required"),
        ("email", "invalid_email"),
        ("privacy_consent", "must_accept"),
        ("terms_accepted", "must_accept"),
    ] {
        assert!(
            codes.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {codes:?}"
        );
    }
}

#[tokio::test]
async fn a_wrong_captcha_is_refused_and_cannot_be_retried() {
    let app = TestApp::spawn().await;
    let mut captcha = app.solve_captcha().await;
    let right = captcha["answer"].as_str().unwrap().to_string();
    captcha["answer"] = json!("999999999");
    let mut body = people::registration("robot@exemple.fr", "Pascal", "Dupin");
    body["captcha"] = captcha.clone();
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("captcha.answer".into(), "captcha_invalid".into())]
    );

    captcha["answer"] = json!(right);
    body["captcha"] = captcha;
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("captcha.answer".into(), "captcha_expired".into())]
    );
    assert!(app.smtp.for_address("robot@exemple.fr").is_empty());
}

#[tokio::test]
async fn an_image_captcha_is_a_png_and_its_answer_is_checked() {
    let app = TestApp::spawn().await;
    let response = app.post("/api/captchas/image", &json!({})).await;
    assert_eq!(response.status(), 201);
    let captcha: Value = response.json().await.unwrap();
    assert!(captcha["image"]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    let mut body = people::registration("image@exemple.fr", "Pascal", "Dupin");
    body["captcha"] = json!({"id": captcha["id"], "answer": "?????"});
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("captcha.answer".into(), "captcha_invalid".into())]
    );
}

#[tokio::test]
async fn the_captcha_can_be_switched_off_only_by_the_explicit_setting() {
    let app = TestApp::spawn_with(|s| s.captcha = api::config::CaptchaMode::Disabled).await;
    let mut body = people::registration("sans@exemple.fr", "Pascal", "Dupin");
    body["captcha"] = json!({"id": "none", "answer": "none"});
    assert_eq!(app.post("/api/registrations", &body).await.status(), 202);
}

#[tokio::test]
async fn registering_an_address_that_has_an_account_answers_the_same_and_mails_the_login() {
    let app = TestApp::spawn().await;
    app.create_account("deja@exemple.fr", "pascal.dupin", people::PASSWORD)
        .await;
    let response = app.register("deja@exemple.fr", "Pascal", "Dupin").await;
    assert_eq!(response.status(), 202);
    let mail = app
        .smtp
        .wait_for("deja@exemple.fr", "vous avez déjà un compte")
        .await;
    assert!(mail.body.contains("pascal.dupin"));
}

#[tokio::test]
async fn simultaneous_registrations_of_one_address_all_answer_202() {
    let app = TestApp::spawn().await;
    let sends = (0..5).map(|_| {
        let app = &app;
        async move {
            app.register("double@exemple.fr", "Pascal", "Dupin")
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(sends).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::ACCEPTED),
        "{statuses:?}"
    );
    app.smtp
        .wait_for("double@exemple.fr", "activez votre compte")
        .await;
}

#[tokio::test]
async fn by_default_mail_is_written_as_readable_eml_files() {
    let app =
        TestApp::spawn_with(|s| s.mail.transport = api::config::MailTransportKind::File).await;
    assert_eq!(
        app.register("dupin@yopmail.com", "Hélène", "Dupin")
            .await
            .status(),
        StatusCode::ACCEPTED
    );
    let dir = app.state.settings.mail_dir();
    let mut text = String::new();
    for _ in 0..100 {
        // Only whole mails show: a file being written has a hidden `.part` name.
        let files: Vec<_> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|f| f.path())
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .collect();
        if let Some(file) = files.first() {
            assert_eq!(files.len(), 1, "{files:?}");
            assert_eq!(file.extension().and_then(|e| e.to_str()), Some("eml"));
            text = std::fs::read_to_string(file).unwrap();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(text.contains("Content-Transfer-Encoding: 8bit"), "{text}");
    assert!(
        text.contains("Bonjour Hélène,"),
        "plain UTF-8 text a person can read: {text}"
    );
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/activation/"))
        .expect("the activation link, whole on one line");
    let token = link.rsplit('/').next().unwrap();
    assert_eq!(
        app.get(&format!("/api/activations/{token}")).await.status(),
        200
    );
}

/// The answer of an image challenge, as stored.
async fn stored_answer(app: &TestApp, challenge: &str) -> String {
    let (pool, challenge) = (app.state.pool.clone(), challenge.to_string());
    tokio::task::spawn_blocking(move || {
        use db::schema::captcha_challenges::dsl::*;
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        captcha_challenges
            .filter(public_id.eq(challenge))
            .select(answer)
            .first::<String>(&mut *conn)
            .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_captcha_is_checked_before_the_recap_and_a_right_answer_still_registers() {
    let app = TestApp::spawn().await;
    let check = |id: Value, answer: &str| {
        let body = json!({"id": id, "answer": answer});
        let app = &app;
        async move { app.post("/api/captchas/check", &body).await }
    };
    // A wrong answer is named on the field and spends the challenge.
    let image: Value = app
        .post("/api/captchas/image", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let wrong = check(image["id"].clone(), "zzzzz").await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(
        field_codes(&problem(wrong).await),
        [("captcha.answer".into(), "captcha_invalid".into())]
    );
    let right = stored_answer(&app, image["id"].as_str().unwrap()).await;
    let again = check(image["id"].clone(), &right).await;
    assert_eq!(
        field_codes(&problem(again).await),
        [("captcha.answer".into(), "captcha_expired".into())]
    );

    // A right answer, typed in capitals, stays good for the registration itself.
    let image: Value = app
        .post("/api/captchas/image", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let right = stored_answer(&app, image["id"].as_str().unwrap()).await;
    assert_eq!(
        check(image["id"].clone(), &right.to_uppercase())
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let mut body = people::registration("dupin@yopmail.com", "Pascal", "Dupin");
    body["captcha"] = json!({"id": image["id"], "answer": right});
    assert_eq!(
        app.post("/api/registrations", &body).await.status(),
        StatusCode::ACCEPTED
    );
    // The proof of work too.
    let pow = app.solve_captcha().await;
    let answer = pow["answer"].as_str().unwrap().to_string();
    assert_eq!(
        check(pow["id"].clone(), &answer).await.status(),
        StatusCode::NO_CONTENT
    );
}
