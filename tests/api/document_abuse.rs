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

/// A photo of noise `side` pixels wide at quality 75, and the same drawn again at 90.
fn noise_jpeg(side: u32) -> (Vec<u8>, Vec<u8>) {
    let mut seed = 12345u32;
    let noise = image::RgbImage::from_fn(side, side, |_, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let [a, b, c, _] = seed.to_be_bytes();
        image::Rgb([a, b, c])
    });
    let encode = |picture: &image::RgbImage, quality| {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(picture)
            .unwrap();
        out
    };
    let original = encode(&noise, 75);
    let decoded = image::load_from_memory(&original).unwrap().into_rgb8();
    let clean = encode(&decoded, 90);
    (original, clean)
}

#[tokio::test]
async fn a_picture_whose_clean_copy_is_over_the_limit_is_refused_and_not_stored() {
    // The DT Polio takes 1 Mo here; a photo of noise saved at quality 75 fits, and drawn
    // again at the portal's quality (90) it does not.
    let app = TestApp::spawn_with(|s| {
        let types = s.commune.document_types.as_mut().expect("document types");
        let polio = types
            .iter_mut()
            .find(|t| t.slug == "dt-polio")
            .expect("dt-polio");
        polio.max_megabytes = 1;
    })
    .await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    // The first size where the photo fits and its clean copy (as the portal draws it)
    // does not.
    let jpeg = (6..20)
        .map(|tenth| noise_jpeg(tenth * 100))
        .find(|(original, clean)| original.len() < 1024 * 1024 && clean.len() > 1024 * 1024)
        .map(|(original, _)| original)
        .expect("a photo that fits whose clean copy does not");
    let response = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "photo.jpg",
        jpeg,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(response).await),
        [("file".into(), "file_too_large".into())]
    );
    assert_eq!(stored_files(&app), Vec::<std::path::PathBuf>::new());
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
