//! Reading the files of a corpus, and only those: every path resolves (after symbolic
//! links) inside the corpus folder, only regular files are opened, and no file is read
//! past its size limit. Corpora arrive from strangers in pull requests; a `path` of
//! `/proc/self/environ`, a link to `/etc/passwd` or a FIFO must be refused, never read.
//!
//! [`CorpusFiles`] is the one way the loader reads: [`DiskFiles`] for a folder,
//! [`MemoryFiles`] for a set of files held in memory (tests and fuzzing).

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Size limits, in bytes. Generous for real corpora; `--max-text-size` and
/// `--max-json-size` raise them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A source text.
    pub text: u64,
    /// A JSON file: a source's claims, a registry, a settings or ledger file.
    pub json: u64,
}

/// Offsets into texts are kept as `u32`: no limit may go past this.
pub const MAX_LIMIT: u64 = u32::MAX as u64;

impl Default for Limits {
    fn default() -> Self {
        Limits { text: 64 << 20, json: 16 << 20 }
    }
}

/// What a file is for, which sets its limit and the flag that raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Json,
}

impl Limits {
    pub fn of(&self, kind: Kind) -> u64 {
        match kind {
            Kind::Text => self.text,
            Kind::Json => self.json,
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum FileError {
    Missing,
    /// An absolute path, or `..` that climbs out of the corpus folder.
    Absolute,
    Climbs,
    /// A symbolic link (of the file or a folder on the way) that leads out of the corpus folder.
    Outside,
    Folder,
    /// A FIFO, a device or a socket.
    Special(&'static str),
    TooLarge {
        /// The file's size; `None` when it grew past the limit as it was read (or, like
        /// the files of /proc, gave no size).
        size: Option<u64>,
        limit: u64,
    },
    Io(std::io::Error),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Missing => f.write_str("no such file"),
            FileError::Absolute => {
                f.write_str("an absolute path; corpus files are named relative to the corpus folder")
            }
            FileError::Climbs => f.write_str("the path leaves the corpus folder through `..`"),
            FileError::Outside => f.write_str("a symbolic link leads out of the corpus folder; it was not read"),
            FileError::Folder => f.write_str("a folder, not a file"),
            FileError::Special(what) => write!(f, "{what}, not a regular file; it was not read"),
            FileError::TooLarge { size: Some(size), limit } => {
                write!(f, "{}, above the limit of {}", human_size(*size), human_size(*limit))
            }
            FileError::TooLarge { size: None, limit } => write!(f, "larger than the limit of {}", human_size(*limit)),
            FileError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// The files of one corpus.
pub trait CorpusFiles: Sync {
    /// The corpus folder, as messages name it; paths below are relative to it.
    fn root(&self) -> &Path;

    /// The `*.json` files of a subfolder (`sources`, `registry`), relative to the root and
    /// sorted, so the corpus loads in the same order on every machine.
    fn json_files(&self, folder: &str) -> Result<Vec<PathBuf>, FileError>;

    /// The bytes of a file named relative to the root, at most `limit` of them.
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, FileError>;
}

/// A path written in the corpus (a source's `path`), checked as text: relative, not
/// climbing out with `..`; `.` and `..` inside are worked out. Symbolic links are checked
/// when the file is opened.
pub fn relative_path(written: impl AsRef<Path>) -> Result<PathBuf, FileError> {
    let path = written.as_ref();
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in path.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => return Err(FileError::Absolute),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(FileError::Climbs);
                }
            }
            Component::Normal(p) => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(FileError::Folder);
    }
    Ok(parts.iter().collect())
}

/// A corpus folder on disk.
pub struct DiskFiles {
    root: PathBuf,
    /// The root with every symbolic link resolved; `None` when it cannot be resolved.
    canonical: Option<PathBuf>,
}

impl DiskFiles {
    pub fn new(root: &Path) -> Self {
        DiskFiles { root: root.to_path_buf(), canonical: std::fs::canonicalize(root).ok() }
    }

    /// The path with every link resolved, once it is known to stay in the corpus.
    fn resolve(&self, path: &Path) -> Result<PathBuf, FileError> {
        let relative = relative_path(path)?;
        let root = self.canonical.as_ref().ok_or(FileError::Missing)?;
        let resolved = match std::fs::canonicalize(self.root.join(&relative)) {
            Ok(p) => p,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // A dangling link is missing; a link that leads out is refused first.
                return Err(match std::fs::symlink_metadata(self.root.join(&relative)) {
                    Ok(_) => FileError::Outside,
                    Err(_) => FileError::Missing,
                });
            }
            Err(e) => return Err(FileError::Io(e)),
        };
        if resolved.starts_with(root) { Ok(resolved) } else { Err(FileError::Outside) }
    }
}

fn special(file_type: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    (!file_type.is_file() && !file_type.is_dir()).then_some("a special file")
}

/// Opens without blocking on a FIFO and without following a link swapped in since the
/// path was resolved.
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path)
}

impl CorpusFiles for DiskFiles {
    fn root(&self) -> &Path {
        &self.root
    }

    fn json_files(&self, folder: &str) -> Result<Vec<PathBuf>, FileError> {
        let dir = self.resolve(Path::new(folder))?;
        if !dir.is_dir() {
            return Err(FileError::Io(std::io::Error::other("a file, not a folder")));
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(FileError::Io)?
            .filter_map(Result::ok)
            .map(|e| Path::new(folder).join(e.file_name()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        Ok(files)
    }

    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
        let resolved = self.resolve(path)?;
        let check = |meta: &std::fs::Metadata| {
            let file_type = meta.file_type();
            if file_type.is_dir() {
                return Err(FileError::Folder);
            }
            if let Some(what) = special(&file_type) {
                return Err(FileError::Special(what));
            }
            if meta.len() > limit {
                return Err(FileError::TooLarge { size: Some(meta.len()), limit });
            }
            Ok(())
        };
        check(&std::fs::metadata(&resolved).map_err(FileError::Io)?)?;
        let file = open(&resolved).map_err(FileError::Io)?;
        // The file may have been swapped since it was looked at: look at what was opened.
        check(&file.metadata().map_err(FileError::Io)?)?;
        let mut bytes = Vec::new();
        // A file may grow as it is read (or report no size, as /proc does): never past the limit.
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(FileError::Io)?;
        if bytes.len() as u64 > limit {
            return Err(FileError::TooLarge { size: None, limit });
        }
        Ok(bytes)
    }
}

/// A corpus held in memory: relative path → bytes.
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    pub root: PathBuf,
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemoryFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        MemoryFiles { root: root.into(), files: BTreeMap::new() }
    }

    pub fn insert(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.files.insert(path.into(), bytes.into());
        self
    }
}

impl CorpusFiles for MemoryFiles {
    fn root(&self) -> &Path {
        &self.root
    }

    fn json_files(&self, folder: &str) -> Result<Vec<PathBuf>, FileError> {
        let folder = Path::new(folder);
        let files: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|p| p.parent() == Some(folder) && p.extension().is_some_and(|e| e == "json"))
            .cloned()
            .collect();
        if files.is_empty() && !self.files.keys().any(|p| p.starts_with(folder)) {
            return Err(FileError::Missing);
        }
        Ok(files)
    }

    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
        let path = relative_path(path)?;
        match self.files.get(&path) {
            Some(bytes) if bytes.len() as u64 > limit => {
                Err(FileError::TooLarge { size: Some(bytes.len() as u64), limit })
            }
            Some(bytes) => Ok(bytes.clone()),
            None if self.files.keys().any(|p| p.starts_with(&path)) => Err(FileError::Folder),
            None => Err(FileError::Missing),
        }
    }
}

/// `1.5 MiB`, `320 KiB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    if size.fract() == 0.0 { format!("{size:.0} {}", UNITS[unit]) } else { format!("{size:.1} {}", UNITS[unit]) }
}

/// A size as the flags take it: `500000`, `512K`, `64M`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => s.split_at(at),
        None => (s, ""),
    };
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("`{s}` is not a size: write bytes, or a number with K, M or G (64M)")),
    };
    let n: u64 =
        digits.parse().map_err(|_| format!("`{s}` is not a size: write bytes, or a number with K, M or G (64M)"))?;
    let bytes = n.checked_shl(shift).filter(|b| b >> shift == n).ok_or_else(|| format!("`{s}` is too large"))?;
    if bytes > MAX_LIMIT {
        return Err(format!("{} is above the most claimcheck can read, {}", human_size(bytes), human_size(MAX_LIMIT)));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_paths_stay_in_the_corpus() {
        assert_eq!(relative_path("texts/a.txt").unwrap(), Path::new("texts/a.txt"));
        assert_eq!(relative_path("./texts/../texts/a.txt").unwrap(), Path::new("texts/a.txt"));
        assert!(matches!(relative_path("/proc/self/environ"), Err(FileError::Absolute)));
        assert!(matches!(relative_path("texts/../../secret"), Err(FileError::Climbs)));
        assert!(matches!(relative_path("../".repeat(8)), Err(FileError::Climbs)));
        assert!(matches!(relative_path(""), Err(FileError::Folder)));
        assert!(matches!(relative_path("texts/.."), Err(FileError::Folder)));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(
            parse_size("8G").is_err() && parse_size("lots").is_err() && parse_size("99999999999999999999M").is_err()
        );
        assert_eq!(human_size(64 << 20), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
    }

    #[test]
    fn memory_files_list_and_read_like_a_folder() {
        let mut files = MemoryFiles::new("mem");
        files.insert("sources/b.json", "{}").insert("sources/a.json", "{}").insert("texts/a.txt", "text");
        assert_eq!(files.json_files("sources").unwrap(), [Path::new("sources/a.json"), Path::new("sources/b.json")]);
        assert!(matches!(files.json_files("registry"), Err(FileError::Missing)));
        assert_eq!(files.read(Path::new("texts/a.txt"), 10).unwrap(), b"text");
        assert!(matches!(
            files.read(Path::new("texts/a.txt"), 3),
            Err(FileError::TooLarge { size: Some(4), limit: 3 })
        ));
        assert!(matches!(files.read(Path::new("texts"), 10), Err(FileError::Folder)));
        assert!(matches!(files.read(Path::new("../texts/a.txt"), 10), Err(FileError::Climbs)));
    }
}
