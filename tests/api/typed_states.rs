//! Statuses, roles and kinds are closed sets on both databases: a CHECK constraint
//! refuses any other value, and a value that got in anyway (by hand, around the
//! constraint) is an error when read, never mistaken for a default such as "draft".

use diesel::connection::SimpleConnection;
use serde_json::Value;
use tests::{people, TestApp};

use crate::requests::{submitted, token};

/// Every typed column, with a row to try it on.
const COLUMNS: [(&str, &str); 16] = [
    ("procedures", "kind"),
    ("persons", "civility"),
    ("persons", "sex"),
    ("accounts", "role"),
    ("accounts", "status"),
    ("account_tokens", "purpose"),
    ("captcha_challenges", "kind"),
    ("household_members", "role"),
    ("relations", "role"),
    ("requests", "status"),
    ("request_events", "from_status"),
    ("request_events", "to_status"),
    ("documents", "status"),
    ("documents", "file_kind"),
    ("messages", "sender"),
    ("message_attachments", "file_kind"),
];

async fn run_sql(app: &TestApp, sql: String) -> Result<(), String> {
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        conn.batch_execute(&sql).map_err(|e| e.to_string())
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_database_refuses_a_value_outside_its_enum_on_every_typed_column() {
    let app = TestApp::spawn().await;
    let t = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let sent = submitted(&app, &t).await;
    // A child and its relation, through the real filiation procedure and an agent.
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
            .await,
    );
    let child = crate::changes::child("Tim", "male", "2019-04-02", "Lille", "59");
    crate::changes::accepted(&app, &t, &agent, "mise-a-jour-filiation", child).await;
    app.solve_captcha().await;
    let proof = crate::documents::upload(
        &app,
        &t,
        "document_type=justificatif-domicile",
        "facture.pdf",
        crate::documents::pdf(2000),
    )
    .await;
    assert_eq!(proof.status(), 201);
    let message = app
        .post_auth(
            &format!("/api/agent/requests/{}/messages", sent["request"]["id"]),
            &agent,
            &serde_json::json!({"subject": "Information", "body": "Bonjour."}),
        )
        .await;
    assert_eq!(message.status(), 201);
    tests::documents::attached(&app, &agent, "note.pdf", crate::documents::pdf(500)).await;

    for (table, column) in COLUMNS {
        refuses_unknown(&app, table, column).await;
    }
}

/// The database refuses a value outside the column's enum (the table has rows).
pub async fn refuses_unknown(app: &TestApp, table: &str, column: &str) {
    let rows = run_sql(app, format!("SELECT 1 FROM {table}")).await;
    assert!(rows.is_ok(), "{table}: {rows:?}");
    let refused = run_sql(app, format!("UPDATE {table} SET {column} = 'not_a_value'")).await;
    let error = refused.expect_err(&format!("{table}.{column} took an unknown value"));
    assert!(
        error.to_lowercase().contains("check"),
        "{table}.{column}: {error}"
    );
}

#[tokio::test]
async fn an_unknown_stored_status_is_an_error_not_an_editable_draft() {
    let app = TestApp::spawn().await;
    let t = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let request: Value = submitted(&app, &t).await;
    let id = request["request"]["id"].as_i64().unwrap();
    // Around the constraint, as a hand-edited database would be.
    let around = match app.state.pool.get().unwrap().backend() {
        db::Backend::Postgres => format!(
            "ALTER TABLE requests DROP CONSTRAINT requests_status_check; \
             UPDATE requests SET status = 'archived' WHERE id = {id};"
        ),
        db::Backend::Sqlite => format!(
            "PRAGMA ignore_check_constraints = ON; \
             UPDATE requests SET status = 'archived' WHERE id = {id}; \
             PRAGMA ignore_check_constraints = OFF;"
        ),
    };
    run_sql(&app, around).await.unwrap();

    let detail = app.get_auth(&format!("/api/requests/{id}"), &t).await;
    assert_eq!(detail.status(), 500);
    let problem = tests::app::problem(detail).await;
    assert_eq!(problem["code"], "internal_error");
    let edit = app
        .put_auth(
            &format!("/api/requests/{id}"),
            &t,
            &crate::requests::room_rental(10),
        )
        .await;
    assert_ne!(edit.status(), 200, "an unknown status must not be editable");
}
