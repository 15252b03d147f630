//! The one writer of files (the corpus's ledger files, and reports written to a file): a
//! write replaces its file atomically — a temporary file created exclusively in the same
//! folder, synced, then renamed over the target — so a write cut short leaves the old file
//! or the new one, never a broken one. A ledger file stays inside the corpus folder (after
//! symlinks); every target is a regular file, keeps its permissions, and a read-only one is
//! refused. Reading goes through `corpus::CorpusFiles`, which confines reads the same way.

use crate::diagnostic::Diagnostic;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The path, or the file a symlink leads to, is outside the corpus folder.
    Outside {
        path: PathBuf,
        target: PathBuf,
    },
    /// A directory, FIFO, device or socket where a file belongs.
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    ReadOnly {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A write stopped on purpose by a test hook, as a crash would stop it.
    #[doc(hidden)]
    Interrupted,
}

impl WriteError {
    pub fn path(&self) -> &Path {
        match self {
            WriteError::Outside { path, .. }
            | WriteError::NotAFile { path, .. }
            | WriteError::ReadOnly { path }
            | WriteError::Io { path, .. } => path,
            WriteError::Interrupted => Path::new(""),
        }
    }

    /// The error as an input diagnostic, with what to do.
    pub fn diagnostic(&self) -> Diagnostic {
        let at = (1, 1);
        let help = match self {
            WriteError::Outside { .. } => {
                "keep the corpus's files inside its folder; replace the symlink with the file itself".to_string()
            }
            WriteError::NotAFile { .. } => "put a regular file at this path, or remove what is there".to_string(),
            WriteError::ReadOnly { path } => format!(
                "the file is read-only, so it was left as it is; make it writable (`chmod u+w {}`) if the change is meant",
                path.display()
            ),
            WriteError::Io { .. } | WriteError::Interrupted => "check the file's permissions and the disk".to_string(),
        };
        Diagnostic::error(self.path(), at, self.to_string()).help(help)
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Outside { target, .. } => {
                write!(f, "leads outside the corpus folder (to {}); it was not opened", target.display())
            }
            WriteError::NotAFile { what, .. } => write!(f, "is {what}, not a regular file"),
            WriteError::ReadOnly { path } => write!(f, "{} is read-only", path.display()),
            WriteError::Io { error, .. } => write!(f, "{error}"),
            WriteError::Interrupted => write!(f, "the write was interrupted"),
        }
    }
}

/// Replaces (or creates) a file of the corpus atomically, keeping its permissions; refuses
/// a read-only file and any path that leaves the corpus folder. A symlink inside the folder
/// is written through: the file it points to is replaced, the link stays.
pub fn write(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(Some(root), path, bytes, &mut |_| true)
}

/// A file the user names outside any corpus (a report written with `-o`): replaced
/// atomically like [`write`], its permissions kept, a read-only one refused; wherever the
/// path leads, since the user chose it.
pub fn write_anywhere(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(None, path, bytes, &mut |_| true)
}

/// The points a write passes, for tests that stop it there as a crash would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Created,
    HalfWritten,
    Synced,
    Renamed,
}

/// [`write`], asking `go_on` at each step; `false` leaves everything as a crash at
/// that point would (the temporary file stays) and returns [`WriteError::Interrupted`].
#[doc(hidden)]
pub fn write_with(
    root: &Path,
    path: &Path,
    bytes: &[u8],
    go_on: &mut dyn FnMut(Step) -> bool,
) -> Result<(), WriteError> {
    replace(Some(root), path, bytes, go_on)
}

/// The write itself: confined to `root` when there is one; otherwise through any symlink
/// to wherever it leads.
fn replace(
    root: Option<&Path>,
    path: &Path,
    bytes: &[u8],
    go_on: &mut dyn FnMut(Step) -> bool,
) -> Result<(), WriteError> {
    let io = |error| WriteError::Io { path: path.to_path_buf(), error };
    let target = match root {
        Some(root) => resolve(root, path)?,
        None => std::fs::canonicalize(path).ok(),
    }
    .unwrap_or_else(|| path.to_path_buf());
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(WriteError::NotAFile { path: path.to_path_buf(), what: kind_of(&meta) });
        }
        Ok(meta) if meta.permissions().readonly() => return Err(WriteError::ReadOnly { path: path.to_path_buf() }),
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).map_err(io)?;
    let crash = |tmp: tempfile::NamedTempFile| {
        let _ = tmp.into_temp_path().keep();
        Err(WriteError::Interrupted)
    };
    if !go_on(Step::Created) {
        return crash(tmp);
    }
    let half = bytes.len() / 2;
    tmp.write_all(&bytes[..half]).map_err(io)?;
    if !go_on(Step::HalfWritten) {
        return crash(tmp);
    }
    tmp.write_all(&bytes[half..]).map_err(io)?;
    tmp.flush().map_err(io)?;
    // The file's own permissions; a new file gets what a new file gets (the temporary
    // file is private to its owner until then).
    if let Some(permissions) = existing.or_else(new_file_permissions) {
        tmp.as_file().set_permissions(permissions).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    if !go_on(Step::Synced) {
        return crash(tmp);
    }
    tmp.persist(&target).map_err(|e| io(e.error))?;
    // The rename is durable once the folder is synced too.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    go_on(Step::Renamed);
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a temporary file is created with ordinary permissions already.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Where a path of the corpus really leads: itself, or the file its symlinks point to,
/// which must be inside the corpus folder. `None` when nothing is there.
fn resolve(root: &Path, path: &Path) -> Result<Option<PathBuf>, WriteError> {
    let io = |error| WriteError::Io { path: path.to_path_buf(), error };
    let outside = |target: PathBuf| WriteError::Outside { path: path.to_path_buf(), target };
    let root = std::fs::canonicalize(root).map_err(io)?;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Nothing there yet: the folder it would go in must be inside the corpus.
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let parent = std::fs::canonicalize(parent).map_err(io)?;
            return if parent.starts_with(&root) { Ok(None) } else { Err(outside(parent)) };
        }
        Err(e) => return Err(io(e)),
        Ok(_) => {}
    }
    match std::fs::canonicalize(path) {
        Ok(target) if target.starts_with(&root) => Ok(Some(target)),
        Ok(target) => Err(outside(target)),
        // A symlink to nothing: say where it points, and refuse it whether or not the
        // place is inside, since writing through it would create a file there.
        Err(_) => {
            let link = std::fs::read_link(path).map_err(io)?;
            let target = path.parent().unwrap_or(Path::new(".")).join(link);
            let parent = target.parent().and_then(|p| std::fs::canonicalize(p).ok());
            match parent {
                Some(p) if p.starts_with(&root) => Ok(Some(p.join(target.file_name().unwrap_or_default()))),
                _ => Err(outside(target)),
            }
        }
    }
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("baseline.json"), "old\n").unwrap();
        dir
    }

    /// A write stopped at any step leaves the old content or the new, never a mix or nothing.
    #[test]
    fn an_interrupted_write_leaves_the_old_file_or_the_new() {
        let new = "new content, long enough to be cut in half\n".repeat(100);
        for stop in [Step::Created, Step::HalfWritten, Step::Synced, Step::Renamed] {
            let dir = corpus();
            let path = dir.path().join("baseline.json");
            let result = write_with(dir.path(), &path, new.as_bytes(), &mut |s| s != stop);
            let now = std::fs::read_to_string(&path).unwrap();
            if stop == Step::Renamed {
                assert!(result.is_ok());
                assert_eq!(now, new);
            } else {
                assert!(matches!(result, Err(WriteError::Interrupted)));
                assert_eq!(now, "old\n", "stopped at {stop:?}");
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_refuses_read_only_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = corpus();
        let path = dir.path().join("baseline.json");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(dir.path(), &path, b"new\n").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write(dir.path(), &path, b"newer\n").unwrap_err();
        assert!(matches!(err, WriteError::ReadOnly { .. }), "{err:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_corpus_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "token").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("resolutions.json");
        std::os::unix::fs::symlink(outside.path().join("secret"), &link).unwrap();
        assert!(matches!(write(dir.path(), &link, b"x"), Err(WriteError::Outside { .. })));
        assert_eq!(std::fs::read_to_string(outside.path().join("secret")).unwrap(), "token");
        // Dangling, pointing out: nothing is created there.
        let dangling = dir.path().join("baseline.json");
        std::os::unix::fs::symlink(outside.path().join("new"), &dangling).unwrap();
        assert!(matches!(write(dir.path(), &dangling, b"x"), Err(WriteError::Outside { .. })));
        assert!(!outside.path().join("new").exists());
        // Inside the corpus, a symlink is written through and stays a symlink.
        std::fs::write(dir.path().join("real.json"), "a").unwrap();
        let inner = dir.path().join("inner.json");
        std::os::unix::fs::symlink("real.json", &inner).unwrap();
        write(dir.path(), &inner, b"b").unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("real.json")).unwrap(), "b");
        assert!(std::fs::symlink_metadata(&inner).unwrap().file_type().is_symlink());
    }
}
