//! Tests of the parent module.

use std::sync::atomic::{AtomicUsize, Ordering};

use object_store::memory::InMemory;
use object_store::{
    GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, PutMultipartOptions,
    PutOptions, PutResult, UploadPart,
};

use super::*;

/// An in-memory store that counts the multipart uploads aborted (as S3 needs them).
#[derive(Debug, Default)]
struct Watched {
    inner: InMemory,
    aborted: Arc<AtomicUsize>,
}

impl std::fmt::Display for Watched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watched")
    }
}

#[derive(Debug)]
struct WatchedUpload {
    inner: Box<dyn MultipartUpload>,
    aborted: Arc<AtomicUsize>,
}

#[async_trait::async_trait]
impl MultipartUpload for WatchedUpload {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        self.inner.put_part(data)
    }
    async fn complete(&mut self) -> object_store::Result<PutResult> {
        self.inner.complete().await
    }
    async fn abort(&mut self) -> object_store::Result<()> {
        self.aborted.fetch_add(1, Ordering::SeqCst);
        self.inner.abort().await
    }
}

#[async_trait::async_trait]
impl ObjectStore for Watched {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        self.inner.put_opts(location, payload, opts).await
    }
    async fn put_multipart_opts(
        &self,
        location: &Path,
        opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        let inner = self.inner.put_multipart_opts(location, opts).await?;
        Ok(Box::new(WatchedUpload {
            inner,
            aborted: self.aborted.clone(),
        }))
    }
    async fn get_opts(
        &self,
        location: &Path,
        options: GetOptions,
    ) -> object_store::Result<GetResult> {
        self.inner.get_opts(location, options).await
    }
    async fn delete(&self, location: &Path) -> object_store::Result<()> {
        self.inner.delete(location).await
    }
    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list(prefix)
    }
    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        self.inner.list_with_delimiter(prefix).await
    }
    async fn copy(&self, from: &Path, to: &Path) -> object_store::Result<()> {
        self.inner.copy(from, to).await
    }
    async fn copy_if_not_exists(&self, from: &Path, to: &Path) -> object_store::Result<()> {
        self.inner.copy_if_not_exists(from, to).await
    }
}

fn watched() -> (Storage, Arc<AtomicUsize>) {
    let store = Watched::default();
    let aborted = store.aborted.clone();
    let storage = Storage {
        store: Arc::new(store),
        root: Path::default(),
    };
    (storage, aborted)
}

#[tokio::test]
async fn a_storage_url_names_a_directory_or_a_bucket_and_its_prefix() {
    let dir = std::env::temp_dir().join(format!("guichet-storage-{}", std::process::id()));
    let local = Storage::open(&format!("file://{}", dir.display())).unwrap();
    local
        .put("documents/a.pdf", b"%PDF-1.7".to_vec())
        .await
        .unwrap();
    assert!(dir.join("documents").join("a.pdf").is_file());
    let _ = std::fs::remove_dir_all(&dir);

    // The same calls on an S3-compatible bucket, under the URL's prefix.
    let s3 = Storage::open("s3://guichet-documents/portail/quievrechain").unwrap();
    assert_eq!(
        s3.path("documents/a.pdf").as_ref(),
        "portail/quievrechain/documents/a.pdf"
    );
    for bad in [
        "file://relative/dir",
        "ftp://example.org/x",
        "pas une adresse",
    ] {
        assert!(Storage::open(bad).is_err(), "{bad}");
    }
}

#[tokio::test]
async fn a_local_file_is_read_back_whole_in_large_pieces() {
    let dir = std::env::temp_dir().join(format!("guichet-pieces-{}", std::process::id()));
    let storage = Storage::local(&dir).unwrap();
    let bytes: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
    storage
        .put("documents/big.pdf", bytes.clone())
        .await
        .unwrap();
    let pieces: Vec<Bytes> = storage
        .get("documents/big.pdf")
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(pieces.len(), 3, "256 KiB, 256 KiB, the rest");
    assert_eq!(pieces.concat(), bytes);
}

#[tokio::test]
async fn an_upload_dropped_unfinished_is_aborted_and_a_finished_one_is_not() {
    let (storage, aborted) = watched();
    let mut upload = storage.begin("documents/dropped.pdf").await.unwrap();
    upload
        .write(b"%PDF-1.7 the client goes away")
        .await
        .unwrap();
    // The request is dropped with its handler's future (a client that disconnects).
    drop(upload);
    for _ in 0..100 {
        if aborted.load(Ordering::SeqCst) == 1 {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert_eq!(
        aborted.load(Ordering::SeqCst),
        1,
        "the dropped upload was aborted"
    );

    let mut upload = storage.begin("documents/kept.pdf").await.unwrap();
    upload.write(b"%PDF-1.7 whole").await.unwrap();
    upload.finish().await.unwrap();
    tokio::task::yield_now().await;
    assert_eq!(
        aborted.load(Ordering::SeqCst),
        1,
        "a finished upload is not aborted"
    );
    assert!(storage.get("documents/kept.pdf").await.is_ok());
}
