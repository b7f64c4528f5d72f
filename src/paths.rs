//! Where music-sef keeps its files: drafts, installed questionnaires, settings and the hub
//! database.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "MUSIC_SEF_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDirs {
    root: PathBuf,
    /// Set when the folder came from `MUSIC_SEF_DATA_DIR`: then exports stay inside it too,
    /// so tests and portable installs never write elsewhere.
    explicit: bool,
}

impl DataDirs {
    /// The data directory from `MUSIC_SEF_DATA_DIR`, else the platform's usual place
    /// (`~/.local/share/music-sef` on Linux). None only when no home directory is known.
    pub fn from_env() -> Option<Self> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(Self::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("", "", "music-sef")
            .map(|p| Self::at(p.data_dir().to_path_buf()))
    }

    /// A data folder at a fixed place (tests, `MUSIC_SEF_DATA_DIR`).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            explicit: true,
        }
    }

    /// Where the TUI writes bundles: `Documents/music-sef` when there is a Documents folder
    /// (easy to find and attach), else `<data dir>/exports`.
    pub fn exports(&self) -> PathBuf {
        if !self.explicit
            && let Some(docs) =
                directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
        {
            return docs.join("music-sef");
        }
        self.root.join("exports")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `<data dir>/drafts`: one folder per draft, named by its id.
    pub fn drafts(&self) -> PathBuf {
        self.root.join("drafts")
    }

    /// `<data dir>/questionnaires`: extra questionnaire files shown beside the built-in ones.
    pub fn questionnaires(&self) -> PathBuf {
        self.root.join("questionnaires")
    }

    /// `<data dir>/hub/hub.sqlite`: the hub's database (`music-sef hub …`).
    pub fn hub_db(&self) -> PathBuf {
        self.root.join("hub").join("hub.sqlite")
    }

    /// `<data dir>/settings.json`: remembered answers to one-off questions (hub e-mail).
    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.json")
    }
}
