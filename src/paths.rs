//! Where music-sef keeps its files: drafts, installed questionnaires, settings and the hub
//! database, and where bundles are written.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "MUSIC_SEF_DATA_DIR";
/// Environment variable that chooses the folder bundles are written to.
pub const EXPORT_DIR_ENV: &str = "MUSIC_SEF_EXPORT_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDirs {
    root: PathBuf,
    /// Where bundles go unless the teacher names a folder. Decided once, when the folders are
    /// found: a data folder chosen by `MUSIC_SEF_DATA_DIR` keeps its bundles inside it (so
    /// tests and portable installs never write elsewhere); the usual data folder is hidden,
    /// so its bundles go to `Documents/music-sef`, where a teacher can find and attach them.
    exports: PathBuf,
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

impl DataDirs {
    /// The data directory from `MUSIC_SEF_DATA_DIR`, else the platform's usual place
    /// (`~/.local/share/music-sef` on Linux). None only when no home directory is known.
    pub fn from_env() -> Option<Self> {
        let mut dirs = match env_dir(DATA_DIR_ENV) {
            Some(dir) => Self::at(dir),
            None => {
                let root = directories::ProjectDirs::from("", "", "music-sef")?
                    .data_dir()
                    .to_path_buf();
                // Linux without xdg-user-dirs names no Documents folder: use ~/Documents,
                // where a teacher would look, rather than the hidden data folder.
                let exports = directories::UserDirs::new()
                    .and_then(|u| {
                        u.document_dir()
                            .map(Path::to_path_buf)
                            .or_else(|| Some(u.home_dir().join("Documents")))
                    })
                    .map_or_else(|| root.join("exports"), |d| d.join("music-sef"));
                Self { root, exports }
            }
        };
        if let Some(out) = env_dir(EXPORT_DIR_ENV) {
            dirs.exports = out;
        }
        Some(dirs)
    }

    /// A data folder at a fixed place (tests, `MUSIC_SEF_DATA_DIR`); bundles go inside it.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            exports: root.join("exports"),
            root,
        }
    }

    /// The same folders with bundles written to `dir` instead.
    #[must_use]
    pub fn with_exports(mut self, dir: impl Into<PathBuf>) -> Self {
        self.exports = dir.into();
        self
    }

    /// Where bundles are written when no folder is named.
    pub fn exports(&self) -> &Path {
        &self.exports
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
