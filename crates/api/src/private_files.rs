//! Files the server creates hold personal data and secrets (the database, the signing
//! key, mails with their links): the data directory is the owner's only (0700), and so is
//! each file (0600). SQLite gives its `-wal` and `-shm` files the mode of the database
//! file, so creating that file first is enough for them.

use std::io::Write;
use std::path::Path;

/// Creates `dir` (and its parents) and makes it the owner's only.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Writes a new file only the owner can read, whole or not at all: the content goes to
/// a hidden `.<name>.part` beside it first, renamed once written (a reader never sees a
/// half-written mail or key, a crash leaves no empty one).
pub fn write_new(path: &Path, content: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| std::io::Error::other("a file name is needed"))?;
    let part = path.with_file_name(format!(".{name}.part"));
    let mut file = options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&part)?;
    file.write_all(content)?;
    file.sync_all()?;
    std::fs::rename(&part, path)
}

/// Creates `path` empty (owner only) unless it exists: for the SQLite database.
pub fn touch(path: &Path) -> std::io::Result<()> {
    options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    Ok(())
}
