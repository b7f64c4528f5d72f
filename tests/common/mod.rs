//! Shared set-up for integration tests: a temporary data folder and complete drafts of the
//! shipped questionnaires.
#![allow(dead_code)]

use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::paths::DataDirs;
use music_sef::questionnaire::{Questionnaire, Registry};
use music_sef::store::Store;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub dirs: DataDirs,
    pub store: Store,
}

pub fn env() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let dirs = DataDirs::at(dir.path());
    let store = Store::new(&dirs);
    Env { dir, dirs, store }
}

pub fn shipped(id: &str) -> Questionnaire {
    Registry::discover(&DataDirs::at("/nonexistent-music-sef-test"))
        .find(id)
        .expect("shipped questionnaire")
        .questionnaire
}

/// A draft with every applicable question answered, saved in the store.
pub fn complete_draft(env: &Env, qn: &Questionnaire, title: &str) -> Draft {
    let mut d = Draft::new(
        title,
        QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            source: None,
        },
    );
    d.answers = music_sef::synthetic::answers(qn, 300);
    env.store.save(&d).expect("save");
    d
}

pub fn bin(env: &Env) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("music-sef").expect("binary");
    c.env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .env("NO_COLOR", "1");
    c
}
