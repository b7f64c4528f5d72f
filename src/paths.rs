//! Where music-sef keeps its files: drafts and installed questionnaires in the data folder,
//! settings in the platform's config folder, and where bundles are written.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "MUSIC_SEF_DATA_DIR";
/// Environment variable that chooses the folder bundles are written to.
pub const EXPORT_DIR_ENV: &str = "MUSIC_SEF_EXPORT_DIR";
/// Environment variable that overrides the config folder (where settings are kept).
pub const CONFIG_DIR_ENV: &str = "MUSIC_SEF_CONFIG_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDirs {
    root: PathBuf,
    /// Where bundles go unless the teacher names a folder. Decided once, when the folders are
    /// found: a data folder chosen by `MUSIC_SEF_DATA_DIR` keeps its bundles inside it (so
    /// tests and portable installs never write elsewhere); the usual data folder is hidden,
    /// so its bundles go to `Documents/music-sef`, where a teacher can find and attach them.
    exports: PathBuf,
    /// Where settings live: the platform's config folder (`~/.config/music-sef` on Linux),
    /// or `config` inside a data folder chosen by `MUSIC_SEF_DATA_DIR`, so a test run or a
    /// portable install never reads or writes the real one.
    config: PathBuf,
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
                let project = directories::ProjectDirs::from("", "", "music-sef")?;
                let root = project.data_dir().to_path_buf();
                let exports = directories::UserDirs::new()
                    .and_then(|u| u.document_dir().map(|d| d.join("music-sef")))
                    .unwrap_or_else(|| root.join("exports"));
                Self {
                    root,
                    exports,
                    config: project.config_dir().to_path_buf(),
                }
            }
        };
        if let Some(out) = env_dir(EXPORT_DIR_ENV) {
            dirs.exports = out;
        }
        if let Some(config) = env_dir(CONFIG_DIR_ENV) {
            dirs.config = config;
        }
        Some(dirs)
    }

    /// A data folder at a fixed place (tests, `MUSIC_SEF_DATA_DIR`); bundles and settings
    /// go inside it.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            exports: root.join("exports"),
            config: root.join("config"),
            root,
        }
    }

    /// The same folders with bundles written to `dir` instead.
    #[must_use]
    pub fn with_exports(mut self, dir: impl Into<PathBuf>) -> Self {
        self.exports = dir.into();
        self
    }

    /// The same folders with settings kept in `dir` instead.
    #[must_use]
    pub fn with_config(mut self, dir: impl Into<PathBuf>) -> Self {
        self.config = dir.into();
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

    /// The config folder, where settings are kept.
    pub fn config(&self) -> &Path {
        &self.config
    }

    /// `<config dir>/settings.json`: remembered answers to one-off questions (hub e-mail) and
    /// choices such as the mouse being off.
    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.json")
    }

    /// `<data dir>/settings.json`, where settings were kept before they moved to the config
    /// folder; read once and moved. The same file as `settings_file` on macOS, where both
    /// folders are `~/Library/Application Support/music-sef`.
    pub fn old_settings_file(&self) -> PathBuf {
        self.root.join("settings.json")
    }
}
