//! Pictures: drawn again without their metadata (JPEG EXIF, PNG text chunks), upright,
//! checked in pixels before decoding, and the clean copy must still fit the type's size.

use reqwest::StatusCode;
use serde_json::Value;
use tests::app::{field_codes, problem};
use tests::TestApp;

use crate::documents::{family_with_a_request, stored_files, upload};
use crate::requests::token;

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
    // The first size where the photo fits and its clean copy (as the portal draws it)
    // does not. Drawn before any request: on a busy machine it takes longer than the
    // server keeps an idle connection, and the client would send the photo on a pooled
    // connection the server has just closed (a broken pipe, not the server's answer).
    let jpeg = (6..20)
        .map(|tenth| noise_jpeg(tenth * 100))
        .find(|(original, clean)| original.len() < 1024 * 1024 && clean.len() > 1024 * 1024)
        .map(|(original, _)| original)
        .expect("a photo that fits whose clean copy does not");
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
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

#[tokio::test]
async fn a_png_loses_its_text_chunks() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    // A 30x30 PNG with a tEXt chunk after its header: a place and a device.
    let mut png = Vec::new();
    image::RgbImage::from_pixel(30, 30, image::Rgb([20, 120, 40]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let text = b"tEXtComment\0GPS 50.7264N 1.6147E SecretPhone";
    let mut chunk = ((text.len() - 4) as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(text);
    chunk.extend_from_slice(&crc32(text).to_be_bytes());
    let mut tagged = png[..33].to_vec();
    tagged.extend_from_slice(&chunk);
    tagged.extend_from_slice(&png[33..]);
    assert!(image::load_from_memory(&tagged).is_ok(), "a valid PNG");

    let sent = upload(
        &app,
        &citizen,
        &format!("document_type=dt-polio&person_id={child}"),
        "scan.png",
        tagged,
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let document: Value = sent.json().await.unwrap();
    assert_eq!(document["file_kind"], "png");
    let got = app
        .get_auth(
            &format!("/api/me/documents/{}/file", document["id"]),
            &citizen,
        )
        .await;
    assert_eq!(got.headers()["content-type"], "image/png");
    let bytes = got.bytes().await.unwrap().to_vec();
    let seen = String::from_utf8_lossy(&bytes);
    assert!(!seen.contains("SecretPhone") && !seen.contains("GPS") && !seen.contains("tEXt"));
    let picture = image::load_from_memory(&bytes).unwrap();
    assert_eq!((picture.width(), picture.height()), (30, 30));
}
