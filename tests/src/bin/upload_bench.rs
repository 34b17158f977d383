//! Benchmark of document uploads and downloads (not a test): a real portal on a temporary
//! SQLite database and data directory, a family whose request needs the DT Polio, then
//! PDF uploads and downloads of growing size. Prints the throughput and the process's
//! peak and current memory: streamed both ways, they stay flat whatever the file's size. Run: `cargo run -p tests --bin upload_bench`.

use std::time::Instant;

use reqwest::multipart::{Form, Part};
use tests::documents::{family_with_a_request, pdf};
use tests::TestApp;

/// A memory figure of this process (server and client) from `/proc/self/status`, in MiB:
/// `VmHWM` (the peak so far) or `VmRSS` (now).
fn mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The file as a browser sends it: read in pieces of 256 KiB (a `tokio::fs::File` body
/// reads 8 KiB per trip to the blocking pool, which measures the client, not the portal).
fn pieces(
    file: std::fs::File,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    futures_util::stream::try_unfold(file, |mut file| async move {
        let (file, piece) = tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut piece = Vec::with_capacity(256 * 1024);
            (&mut file).take(256 * 1024).read_to_end(&mut piece)?;
            Ok::<_, std::io::Error>((file, piece))
        })
        .await
        .map_err(std::io::Error::other)??;
        Ok((!piece.is_empty()).then_some((piece, file)))
    })
}

#[tokio::main]
async fn main() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "bench@yopmail.com", "bench").await;
    let token = session["access_token"].as_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    println!("| file | rounds | upload MB/s | download MB/s | peak RSS | RSS after |");
    println!("|---|---|---|---|---|---|");
    for megabytes in [1usize, 5, 9] {
        let path = dir.path().join(format!("{megabytes}.pdf"));
        std::fs::write(&path, pdf(megabytes * 1024 * 1024 - 64)).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let rounds = 10;
        let mut ids = Vec::new();
        let started = Instant::now();
        for _ in 0..rounds {
            let file = std::fs::File::open(&path).unwrap();
            let part = Part::stream_with_length(reqwest::Body::wrap_stream(pieces(file)), size)
                .file_name("carnet.pdf")
                .mime_str("application/pdf")
                .unwrap();
            let response = app
                .client
                .post(app.url(&format!(
                    "/api/me/documents?document_type=dt-polio&person_id={child}"
                )))
                .bearer_auth(&token)
                .multipart(Form::new().part("file", part))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201);
            let body: serde_json::Value = response.json().await.unwrap();
            ids.push(body["id"].as_i64().unwrap());
        }
        let up = started.elapsed().as_secs_f64();
        let started = Instant::now();
        for id in &ids {
            let mut response = app
                .get_auth(&format!("/api/me/documents/{id}/file"), &token)
                .await;
            let mut read = 0u64;
            while let Some(chunk) = response.chunk().await.unwrap() {
                read += chunk.len() as u64;
            }
            assert_eq!(read, size);
        }
        let down = started.elapsed().as_secs_f64();
        let total = (size * rounds) as f64 / (1024.0 * 1024.0);
        println!(
            "| {megabytes} MB PDF | {rounds} | {:.0} | {:.0} | {:.0} MiB | {:.0} MiB |",
            total / up,
            total / down,
            mib("VmHWM:"),
            mib("VmRSS:")
        );
    }
}
