//! Where uploaded files live: an object store through the `object_store` crate. A local
//! directory under the data directory by default (`file://`); an S3-compatible store by
//! configuration (`s3://bucket/prefix`, with the `AWS_*` environment variables the
//! `object_store` crate reads), through the very same calls.

use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload, WriteMultipart};

use crate::error::{ApiError, ApiResult, ErrorKind};

/// Every document object is stored under this prefix.
pub const DOCUMENTS: &str = "documents";

#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// Where keys start inside the store (the path part of an `s3://bucket/prefix` URL).
    root: Path,
}

/// An upload under way: parts go to the store as they come; nothing is visible under
/// the key before [`Upload::finish`], and [`Upload::abort`] leaves nothing behind. An
/// upload dropped unfinished (the client went away and its request was dropped) is
/// aborted in the background: an S3 store would otherwise keep its parts.
pub struct Upload {
    writer: Option<WriteMultipart>,
}

fn failed(e: object_store::Error) -> ApiError {
    tracing::error!(error = %e, "object store");
    ApiError::new(ErrorKind::Unavailable, "storage_unavailable").retry_after(30)
}

impl Storage {
    /// A directory of this machine (the default: `documents` in the data directory).
    pub fn local(dir: &std::path::Path) -> Result<Storage, String> {
        crate::private_files::create_dir(dir)
            .map_err(|e| format!("storage directory {}: {e}", dir.display()))?;
        let dir = std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let local = object_store::local::LocalFileSystem::new_with_prefix(&dir)
            .map_err(|e| format!("storage directory {}: {e}", dir.display()))?;
        Ok(Storage {
            store: Arc::new(local),
            root: Path::default(),
        })
    }

    /// The store named by `url`: `file:///abs/dir`, or any URL `object_store` knows
    /// (`s3://bucket/prefix`, with credentials and endpoint from the `AWS_*` variables).
    pub fn open(url: &str) -> Result<Storage, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("storage url `{url}`: {e}"))?;
        if parsed.scheme() == "file" {
            let dir = parsed
                .to_file_path()
                .map_err(|()| format!("storage url `{url}` is not an absolute directory"))?;
            return Storage::local(&dir);
        }
        let options = std::env::vars().filter(|(k, _)| k.starts_with("AWS_"));
        let (store, root) = object_store::parse_url_opts(&parsed, options)
            .map_err(|e| format!("storage url `{url}`: {e}"))?;
        Ok(Storage {
            store: Arc::from(store),
            root,
        })
    }

    fn path(&self, key: &str) -> Path {
        key.split('/')
            .fold(self.root.clone(), |path, part| path.child(part))
    }

    /// Starts writing the object `key`.
    pub async fn begin(&self, key: &str) -> ApiResult<Upload> {
        let upload = self
            .store
            .put_multipart(&self.path(key))
            .await
            .map_err(failed)?;
        Ok(Upload {
            writer: Some(WriteMultipart::new(upload)),
        })
    }

    /// Writes a whole object at once (a re-encoded image).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> ApiResult<()> {
        self.store
            .put(&self.path(key), PutPayload::from(bytes))
            .await
            .map_err(failed)?;
        Ok(())
    }

    /// The object's bytes, as they are read.
    pub async fn get(
        &self,
        key: &str,
    ) -> ApiResult<BoxStream<'static, Result<Bytes, std::io::Error>>> {
        let found = match self.store.get(&self.path(key)).await {
            Ok(found) => found,
            // A row whose file is gone is a fault of ours, not a reason to retry.
            Err(object_store::Error::NotFound { .. }) => {
                return Err(ApiError::internal(format!("stored file {key} is missing")))
            }
            Err(e) => return Err(failed(e)),
        };
        match found.payload {
            // A file of this machine: read in large pieces (`object_store` reads 8 KiB at a
            // time, one trip to the blocking pool each).
            object_store::GetResultPayload::File(file, _) => Ok(read_in_pieces(file)),
            object_store::GetResultPayload::Stream(stream) => Ok(stream
                .map_err(|e| std::io::Error::other(e.to_string()))
                .boxed()),
        }
    }

    /// A second object `to` with the bytes of `from` (a message's attachment filed as a
    /// document: each keeps its own file).
    pub async fn copy(&self, from: &str, to: &str) -> ApiResult<()> {
        match self.store.copy(&self.path(from), &self.path(to)).await {
            Ok(()) => Ok(()),
            Err(object_store::Error::NotFound { .. }) => {
                Err(ApiError::internal(format!("stored file {from} is missing")))
            }
            Err(e) => Err(failed(e)),
        }
    }

    pub async fn delete(&self, key: &str) -> ApiResult<()> {
        match self.store.delete(&self.path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(failed(e)),
        }
    }

    /// The keys under `prefix` last written before `before` (the sweep's candidates).
    pub async fn older_than(
        &self,
        prefix: &str,
        before: DateTime<Utc>,
        limit: usize,
    ) -> ApiResult<Vec<String>> {
        let root = self.root.clone();
        let listed: Vec<_> = self
            .store
            .list(Some(&self.path(prefix)))
            .try_filter(|meta| std::future::ready(meta.last_modified < before))
            .take(limit)
            .try_collect()
            .await
            .map_err(failed)?;
        Ok(listed
            .into_iter()
            .filter_map(|meta| {
                let parts: Vec<String> = meta
                    .location
                    .prefix_match(&root)?
                    .map(|p| p.as_ref().to_string())
                    .collect();
                Some(parts.join("/"))
            })
            .collect())
    }
}

/// Bytes read from a local file per trip to the blocking pool.
const READ_PIECE: usize = 256 * 1024;

/// A local file as a stream of pieces of [`READ_PIECE`] bytes.
fn read_in_pieces(file: std::fs::File) -> BoxStream<'static, Result<Bytes, std::io::Error>> {
    futures_util::stream::try_unfold(file, |mut file| async move {
        let (file, piece) = tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut piece = Vec::with_capacity(READ_PIECE);
            (&mut file)
                .take(READ_PIECE as u64)
                .read_to_end(&mut piece)?;
            Ok::<_, std::io::Error>((file, piece))
        })
        .await
        .map_err(std::io::Error::other)??;
        Ok((!piece.is_empty()).then(|| (Bytes::from(piece), file)))
    })
    .boxed()
}

impl Upload {
    fn writer(&mut self) -> ApiResult<&mut WriteMultipart> {
        self.writer
            .as_mut()
            .ok_or_else(|| ApiError::internal("an upload written after it was over"))
    }

    /// Sends a chunk on, waiting while two parts are still in flight (memory stays at a
    /// few parts whatever the file's size).
    pub async fn write(&mut self, chunk: &[u8]) -> ApiResult<()> {
        let writer = self.writer()?;
        writer.wait_for_capacity(2).await.map_err(failed)?;
        writer.write(chunk);
        Ok(())
    }

    /// Makes the object visible; on failure, nothing stays behind.
    pub async fn finish(mut self) -> ApiResult<()> {
        let Some(mut writer) = self.writer.take() else {
            return Err(ApiError::internal("an upload finished twice"));
        };
        if let Err(e) = writer.wait_for_capacity(0).await {
            abort(writer).await;
            return Err(failed(e));
        }
        writer.finish().await.map_err(failed)?;
        Ok(())
    }

    pub async fn abort(mut self) {
        if let Some(writer) = self.writer.take() {
            abort(writer).await;
        }
    }
}

async fn abort(writer: WriteMultipart) {
    if let Err(e) = writer.abort().await {
        tracing::warn!(error = %e, "could not abort an upload");
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        let Some(writer) = self.writer.take() else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => drop(runtime.spawn(abort(writer))),
            // No runtime to abort from: the store's own clean-up (an S3 lifecycle rule
            // on incomplete multipart uploads) removes the parts.
            Err(_) => tracing::warn!("an unfinished upload was dropped outside a runtime"),
        }
    }
}

#[cfg(test)]
#[path = "storage_tests.rs"]
mod tests;
