//! The sweep of stored files: a file no document or attachment row knows is an upload
//! that failed half-way; once old, it goes, however many there are, and every file a
//! row knows stays.

use reqwest::StatusCode;
use tests::TestApp;

use crate::documents::{family_with_a_request, pdf, stored_files, upload};
use crate::requests::token;

/// Makes the files look written two hours ago.
fn age(paths: &[&std::path::PathBuf]) {
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in paths {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
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
    age(&[&orphan, &kept_file]);
    // A fresh one may be an upload under way: it stays until it is old.
    let fresh = kept_file.with_file_name("fedcba9876543210fedcba9876543210.pdf");
    std::fs::write(&fresh, pdf(100)).unwrap();

    let swept = api::housekeeping::sweep_orphans(&app.state).await.unwrap();
    assert_eq!(swept, 1);
    assert!(!orphan.exists());
    assert!(kept_file.exists() && fresh.exists());
}

#[tokio::test]
async fn the_sweep_goes_through_more_orphans_than_one_batch() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let kept = upload(
        &app,
        &token(&session),
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(2000),
    )
    .await;
    assert_eq!(kept.status(), StatusCode::CREATED);
    let kept_file = stored_files(&app).remove(0);
    // More than two batches of 500, around the one file a document knows.
    let orphans: Vec<_> = (0..1_201)
        .map(|i| kept_file.with_file_name(format!("{i:032x}.pdf")))
        .collect();
    for orphan in &orphans {
        std::fs::write(orphan, b"%PDF-1.7").unwrap();
    }
    let mut all: Vec<_> = orphans.iter().collect();
    all.push(&kept_file);
    age(&all);

    let swept = api::housekeeping::sweep_orphans(&app.state).await.unwrap();
    assert_eq!(swept, 1_201);
    assert_eq!(stored_files(&app), [kept_file]);
}
