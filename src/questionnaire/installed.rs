//! The installed folder (`<data dir>/questionnaires/`) as a list of files with what is known
//! of each without reading it. A cache (`<data dir>/cache/questionnaires.json`), keyed by each
//! file's size and modification time, remembers which files were checked before and what
//! they hold, so opening a draft reads only the questionnaire it uses and a file checked
//! before is not checked again. Special files (FIFOs, devices, sockets, or links to them) are
//! skipped with a message and never opened: opening a FIFO for reading would wait forever.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Questionnaire;
use chrono::NaiveDate;

use super::load::{LoadError, MAX_FILE_BYTES, load_bytes_on};
use crate::paths::DataDirs;

/// A file as the file system describes it: a different stamp means different contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Self {
        let ns = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
        };
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Self {
            len: meta.len(),
            modified_ns: ns(meta.modified()),
            changed_ns,
            inode,
        }
    }
}

impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}:{}",
            self.len, self.modified_ns, self.changed_ns, self.inode
        )
    }
}

/// What a list of questionnaires shows of one, known without loading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    pub sections: usize,
    pub questions: usize,
    /// How long it usually takes, in words.
    #[serde(default)]
    pub time_needed: Option<String>,
    /// What to have ready before starting, one line each.
    #[serde(default)]
    pub have_ready: Vec<String>,
    /// A reflection on priorities agreed before (listed after the reviews).
    #[serde(default)]
    pub reflection: bool,
}

impl Meta {
    pub fn of(q: &Questionnaire) -> Self {
        Self {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            description: q.description.clone(),
            sections: q.sections.len(),
            questions: q.question_count(),
            time_needed: q.time_needed.clone(),
            have_ready: q.have_ready.iter().map(|i| i.line()).collect(),
            reflection: q.purpose == super::Purpose::Reflection,
        }
    }
}

/// What the cache says of a file in its present state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// Checked before and valid: what it holds.
    Valid(Meta),
    /// Checked before and refused: loading it again gives the reason.
    Refused,
    /// Not seen in this state: it must be read to know.
    New,
}

/// One installed file.
#[derive(Debug, Clone)]
pub struct File {
    pub path: PathBuf,
    pub stamp: Stamp,
    pub known: Known,
}

impl File {
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The id it holds, when known to be valid.
    pub fn id(&self) -> Option<&str> {
        match &self.known {
            Known::Valid(m) => Some(&m.id),
            _ => None,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    /// The build that checked the files: another build may check differently.
    build: String,
    /// By file name: its stamp when checked, and what it holds (None: it was refused).
    files: BTreeMap<String, (Stamp, Option<Meta>)>,
}

/// The cache's largest sensible size: far above what thousands of files need.
const MAX_CACHE_BYTES: u64 = 4 << 20;

fn build_id() -> String {
    format!("music-sef {}", env!("CARGO_PKG_VERSION"))
}

fn cache_path(dirs: &DataDirs) -> PathBuf {
    dirs.root().join("cache").join("questionnaires.json")
}

fn read_cache(path: &Path) -> Cache {
    read_regular(path, MAX_CACHE_BYTES)
        .ok()
        .and_then(|(b, _)| serde_json::from_slice::<Cache>(&b).ok())
        .filter(|c| c.build == build_id())
        .unwrap_or_default()
}

/// Read a file only if it is a regular one (never blocking on a FIFO or a device), at most
/// `cap` bytes; the bytes and the file's stamp as opened.
///
/// # Errors
/// Not a regular file, too large, or unreadable.
pub fn read_regular(path: &Path, cap: u64) -> std::io::Result<(Vec<u8>, Stamp)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO without O_NONBLOCK waits for a writer; with it, it returns at once
        // and the check below refuses it.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > cap {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            "the file is too large",
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes, Stamp::of(&meta)))
}

/// Load a questionnaire file (a draft's recorded one) only if it is a regular file.
///
/// # Errors
/// As `load_file`, or a special file.
pub fn load_regular(path: &Path, today: NaiveDate) -> Result<Questionnaire, LoadError> {
    let (bytes, _) = read_regular(path, MAX_FILE_BYTES).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    load_bytes_on(path, &bytes, today)
}

/// The reason a special file is not read.
#[derive(Debug)]
struct NotRegular;

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "it is not a regular file (a pipe, device or socket), so it was skipped and not opened",
        )
    }
}

impl std::error::Error for NotRegular {}

pub fn not_regular() -> std::io::Error {
    std::io::Error::other(NotRegular)
}

/// Whether `read_regular` refused a special file.
pub fn is_not_regular(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<NotRegular>())
}

/// The installed files, sorted by path, and what was skipped.
pub struct Installed {
    pub files: Vec<File>,
    /// Special files, named with the reason.
    pub skipped: Vec<LoadError>,
    cache: RefCell<Cache>,
    cache_path: PathBuf,
    changed: RefCell<bool>,
}

fn is_json(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
}

impl Installed {
    /// Look at the folder (names and file metadata only) and the cache.
    pub fn scan(dirs: &DataDirs) -> Self {
        let cache_path = cache_path(dirs);
        let cache = read_cache(&cache_path);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dirs.questionnaires())
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.retain(|p| is_json(p));
        paths.sort();
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        for path in paths {
            // Following links: a link to a FIFO is as bad as the FIFO.
            match std::fs::metadata(&path) {
                Ok(m) if m.is_file() => {
                    let stamp = Stamp::of(&m);
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    let known = match name.and_then(|n| cache.files.get(&n)) {
                        Some((s, Some(meta))) if *s == stamp => Known::Valid(meta.clone()),
                        Some((s, None)) if *s == stamp => Known::Refused,
                        _ => Known::New,
                    };
                    files.push(File { path, stamp, known });
                }
                Ok(_) => skipped.push(LoadError::Read {
                    path,
                    source: not_regular(),
                }),
                // Unreadable: loading it says why, as before.
                Err(_) => files.push(File {
                    path,
                    stamp: Stamp::default(),
                    known: Known::New,
                }),
            }
        }
        Self {
            files,
            skipped,
            cache: RefCell::new(cache),
            cache_path,
            changed: RefCell::new(false),
        }
    }

    /// Load one installed file. One found valid before in this very state is only parsed;
    /// any other is checked in full, and the verdict remembered.
    ///
    /// # Errors
    /// As `load_file`, or a special file.
    pub fn load(&self, f: &File, today: NaiveDate) -> Result<Questionnaire, LoadError> {
        let read_err = |source| LoadError::Read {
            path: f.path.clone(),
            source,
        };
        let (bytes, stamp) = read_regular(&f.path, MAX_FILE_BYTES).map_err(|e| {
            if e.kind() == std::io::ErrorKind::FileTooLarge {
                LoadError::TooLarge {
                    path: f.path.clone(),
                }
            } else {
                read_err(e)
            }
        })?;
        if stamp == f.stamp
            && f.id().is_some()
            && let Ok(mut q) = serde_json::from_slice::<Questionnaire>(&bytes)
        {
            // Checked before in this state: only what is made at load time is made again.
            q.generate_options(today);
            return Ok(q);
        }
        let result = load_bytes_on(&f.path, &bytes, today);
        self.remember(&f.name(), stamp, result.as_ref().ok().map(Meta::of));
        result
    }

    fn remember(&self, name: &str, stamp: Stamp, meta: Option<Meta>) {
        let mut cache = self.cache.borrow_mut();
        cache.build = build_id();
        cache.files.insert(name.to_string(), (stamp, meta));
        *self.changed.borrow_mut() = true;
    }

    /// Write the cache if anything new was learnt. A cache that cannot be written only
    /// means the files are checked again next time.
    pub fn keep(&self) {
        if !*self.changed.borrow() {
            return;
        }
        let mut cache = self.cache.borrow_mut();
        let names: Vec<String> = self.files.iter().map(File::name).collect();
        // Forget files that are gone.
        cache.files.retain(|n, _| names.contains(n));
        let Ok(json) = serde_json::to_vec(&*cache) else {
            return;
        };
        if let Some(dir) = self.cache_path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // Named by the process, so two programs writing at once never mix their files.
        let tmp = self
            .cache_path
            .with_extension(format!("{}.tmp", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() {
            let _ = std::fs::rename(&tmp, &self.cache_path);
        }
        *self.changed.borrow_mut() = false;
    }
}
