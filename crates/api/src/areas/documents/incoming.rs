//! One file from a `multipart/form-data` body into the object store. The kind is read
//! from the first bytes (never the name or the declared type); the size is counted while
//! the file streams in, and the upload stops at the first byte over the limit. PDFs go to
//! the store part by part; images are decoded and encoded again, which drops their
//! metadata (location, camera) and keeps what the eye sees (the orientation is applied).
//! Whatever goes wrong, nothing stays in the store.

use std::io::Cursor;

use actix_multipart::Multipart;
use actix_web::web;
use domain::document::FileKind;
use futures_util::TryStreamExt;
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::state::AppState;
use crate::storage::{Storage, DOCUMENTS};

/// Bytes read before deciding the kind of a file.
const SNIFF: usize = 8 * 1024;

/// Largest picture accepted, in pixels on a side (a 48 Mpx phone photo is 8000 wide).
const MAX_SIDE: u32 = 12_000;

/// Largest picture accepted, in pixels (a 48 Mpx phone photo passes).
const MAX_PIXELS: u64 = 50_000_000;

/// Largest decoded picture, in bytes: checked before decoding (the decoders' own limits
/// only look at the sides).
const MAX_DECODED: u64 = 256 * 1024 * 1024;

/// Pictures re-encoded at once.
static REENCODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// What a file must be.
pub struct Rules<'a> {
    pub formats: &'a [FileKind],
    pub max_bytes: u64,
}

/// A file now in the store.
#[derive(Debug, Clone)]
pub struct Stored {
    pub key: String,
    pub kind: FileKind,
    pub size: u64,
    pub sha256: String,
    /// The name the browser gave the file (checked, never used to store it).
    pub file_name: Option<String>,
}

fn file_error(code: &'static str) -> ApiError {
    ApiError::field("file", code)
}

fn malformed(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorKind::BadRequest, "malformed_multipart").with_detail(e.to_string())
}

/// A name shown by the browser; refused when it tries to be a path or hides characters.
fn check_name(name: &str) -> ApiResult<()> {
    let bad = name.is_empty()
        || name.chars().count() > 255
        || name.contains(['/', '\\'])
        || name == "."
        || name == ".."
        || name.chars().any(char::is_control)
        || domain::text::has_bidi_controls(name);
    if bad {
        Err(file_error("invalid_file_name"))
    } else {
        Ok(())
    }
}

/// A fresh key for a stored file: random, never derived from what the user sent.
pub fn new_key(kind: FileKind) -> String {
    let random: [u8; 16] = rand::thread_rng().gen();
    format!("{DOCUMENTS}/{}.{}", hex::encode(random), kind.extension())
}

/// Reads the body's one `file` part into the store.
pub async fn receive(
    storage: &Storage,
    mut body: Multipart,
    rules: Rules<'_>,
) -> ApiResult<Stored> {
    let mut stored: Option<Stored> = None;
    loop {
        let next = match body.try_next().await {
            Ok(next) => next,
            Err(e) => {
                discard(storage, stored).await;
                return Err(malformed(e));
            }
        };
        let Some(mut field) = next else { break };
        let name = field.name().unwrap_or_default().to_string();
        if name != "file" {
            discard(storage, stored).await;
            return Err(ApiError::field(&name, "unknown_field"));
        }
        if stored.is_some() {
            discard(storage, stored).await;
            return Err(file_error("too_many_files"));
        }
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        if let Some(file_name) = &file_name {
            check_name(file_name)?;
        }
        let mut file = one_file(storage, &mut field, &rules).await?;
        file.file_name = file_name;
        stored = Some(file);
    }
    stored.ok_or_else(|| file_error("required"))
}

/// Writes the row of a file now in the store with `record`; when it cannot be written,
/// the file goes too (nothing half-stored).
pub async fn recorded<T, F>(state: &AppState, stored: Stored, record: F) -> ApiResult<T>
where
    F: FnOnce(&mut db::Conn, &Stored) -> ApiResult<T> + Send + 'static,
    T: Send + 'static,
{
    let key = stored.key.clone();
    let recorded = state.run(move |conn| record(conn, &stored)).await;
    if recorded.is_err() {
        let _ = state.storage.delete(&key).await;
    }
    recorded
}

async fn discard(storage: &Storage, stored: Option<Stored>) {
    if let Some(s) = stored {
        let _ = storage.delete(&s.key).await;
    }
}

async fn one_file(
    storage: &Storage,
    field: &mut actix_multipart::Field,
    rules: &Rules<'_>,
) -> ApiResult<Stored> {
    let mut size: u64 = 0;
    let mut head = Vec::with_capacity(SNIFF);
    let mut pending = None;
    // A field must not be read again once it said it was over.
    let mut over = false;
    while head.len() < SNIFF {
        let Some(chunk) = next_chunk(field, &mut over, &mut size, rules).await? else {
            break;
        };
        let room = SNIFF - head.len();
        if chunk.len() > room {
            head.extend_from_slice(&chunk[..room]);
            pending = Some(chunk.slice(room..));
        } else {
            head.extend_from_slice(&chunk);
        }
    }
    if head.is_empty() {
        return Err(file_error("empty_file"));
    }
    let kind = infer::get(&head)
        .and_then(|t| FileKind::from_mime(t.mime_type()))
        // `infer` finds "%PDF" anywhere in the first kilobyte: a PDF starts with it.
        .filter(|k| *k != FileKind::Pdf || head.starts_with(b"%PDF-"))
        .filter(|k| rules.formats.contains(k))
        .ok_or_else(|| file_error("unsupported_file_type"))?;
    match kind {
        FileKind::Pdf => stream_pdf(storage, field, rules, (head, pending, size, over)).await,
        FileKind::Jpeg | FileKind::Png => {
            let mut all = head;
            all.extend_from_slice(pending.as_deref().unwrap_or_default());
            while let Some(chunk) = next_chunk(field, &mut over, &mut size, rules).await? {
                all.extend_from_slice(&chunk);
            }
            let clean = reencoded(all, kind).await?;
            if clean.len() as u64 > rules.max_bytes {
                return Err(file_error("file_too_large"));
            }
            let key = new_key(kind);
            let sha256 = hex::encode(Sha256::digest(&clean));
            let size = clean.len() as u64;
            storage.put(&key, clean).await?;
            Ok(Stored {
                key,
                kind,
                size,
                sha256,
                file_name: None,
            })
        }
    }
}

/// The next chunk of the file, counted against the limit; `None` once it is over (and
/// the field is not polled again: it must not be).
async fn next_chunk(
    field: &mut actix_multipart::Field,
    over: &mut bool,
    size: &mut u64,
    rules: &Rules<'_>,
) -> ApiResult<Option<bytes::Bytes>> {
    if *over {
        return Ok(None);
    }
    let Some(chunk) = field.try_next().await.map_err(malformed)? else {
        *over = true;
        return Ok(None);
    };
    *size += chunk.len() as u64;
    if *size > rules.max_bytes {
        return Err(file_error("file_too_large"));
    }
    Ok(Some(chunk))
}

/// What was read of a file before its kind was known: the head, the rest of the last
/// chunk, the size so far and whether the field is over.
type Started = (Vec<u8>, Option<bytes::Bytes>, u64, bool);

async fn stream_pdf(
    storage: &Storage,
    field: &mut actix_multipart::Field,
    rules: &Rules<'_>,
    (head, pending, mut size, mut over): Started,
) -> ApiResult<Stored> {
    let key = new_key(FileKind::Pdf);
    let mut upload = storage.begin(&key).await?;
    let mut hasher = Sha256::new();
    let written = async {
        for chunk in [Some(head.as_slice()), pending.as_deref()]
            .into_iter()
            .flatten()
        {
            hasher.update(chunk);
            upload.write(chunk).await?;
        }
        while let Some(chunk) = next_chunk(field, &mut over, &mut size, rules).await? {
            hasher.update(&chunk);
            upload.write(&chunk).await?;
        }
        Ok(())
    }
    .await;
    if let Err(e) = written {
        upload.abort().await;
        return Err(e);
    }
    upload.finish().await?;
    Ok(Stored {
        key,
        kind: FileKind::Pdf,
        size,
        sha256: hex::encode(hasher.finalize()),
        file_name: None,
    })
}

/// [`reencode`], two pictures at a time: each may take a few hundred megabytes decoded.
async fn reencoded(bytes: Vec<u8>, kind: FileKind) -> ApiResult<Vec<u8>> {
    let _turn = REENCODING.acquire().await.map_err(ApiError::internal)?;
    web::block(move || reencode(&bytes, kind))
        .await
        .map_err(ApiError::internal)?
}

/// The picture drawn again, upright, without any of the original's metadata.
fn reencode(bytes: &[u8], kind: FileKind) -> ApiResult<Vec<u8>> {
    use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
    let unreadable = |_| file_error("unreadable_image");
    let format = match kind {
        FileKind::Png => ImageFormat::Png,
        _ => ImageFormat::Jpeg,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODED {
        return Err(file_error("image_too_large"));
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    let mut out = Cursor::new(Vec::new());
    match kind {
        FileKind::Png => picture.write_to(&mut out, ImageFormat::Png),
        _ => DynamicImage::ImageRgb8(picture.into_rgb8()).write_with_encoder(
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90),
        ),
    }
    .map_err(ApiError::internal)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_third_picture_waits_while_two_are_reencoded() {
        let mut png = Vec::new();
        image::GrayImage::from_pixel(4, 4, image::Luma([128]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        // Two re-encodings under way.
        let busy = REENCODING.acquire_many(2).await.unwrap();
        let third = tokio::spawn(reencoded(png, FileKind::Png));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(!third.is_finished(), "the third waits for a turn");
        drop(busy);
        let clean = tokio::time::timeout(std::time::Duration::from_secs(10), third)
            .await
            .expect("its turn came")
            .unwrap()
            .unwrap();
        assert!(clean.starts_with(b"\x89PNG"));
    }

    #[test]
    fn names_that_try_to_be_paths_or_hide_characters_are_refused() {
        for bad in [
            "../../etc/passwd",
            "a/b.pdf",
            "a\\b.pdf",
            "carnet\u{202e}fdp.exe",
            "carnet\n.pdf",
            "",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        for good in [
            "carnet DT Polio.pdf",
            "scan.2026.12.01.jpg",
            "photo (1).png",
        ] {
            assert!(check_name(good).is_ok(), "{good:?}");
        }
    }
}
