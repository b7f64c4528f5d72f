//! Shared set-up for integration tests: a temporary data folder and complete drafts of the
//! shipped questionnaires.

use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::paths::DataDirs;
use music_sef::questionnaire::{Questionnaire, Registry};
use music_sef::store::Store;

pub struct Env {
    /// Shared, so a second "window" can use the same folder; removed when the last goes.
    pub dir: std::rc::Rc<tempfile::TempDir>,
    pub dirs: DataDirs,
    pub store: Store,
}

pub fn env() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let dirs = DataDirs::at(dir.path());
    let store = Store::new(&dirs);
    Env {
        dir: std::rc::Rc::new(dir),
        dirs,
        store,
    }
}

impl Env {
    /// The same data folder, as a second program would see it.
    pub fn beside(other: &Env) -> Env {
        Env {
            dir: std::rc::Rc::clone(&other.dir),
            dirs: other.dirs.clone(),
            store: other.store.clone(),
        }
    }
}

pub fn shipped(id: &str) -> Questionnaire {
    // The same date as the TUI harness, so academic years offered agree.
    let today = crate::harness::moment().date_naive();
    Registry::discover_on(&DataDirs::at("/nonexistent-music-sef-test"), today)
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
    // Settings then live inside the temporary folder too: a test never reads or writes the
    // real config folder, whatever the developer has set.
    c.env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .env_remove("MUSIC_SEF_CONFIG_DIR")
        .env_remove("MUSIC_SEF_EXPORT_DIR")
        .env("NO_COLOR", "1");
    c
}

/// The answers a teacher gives to every question that applies, in order: the second option,
/// the first two of a multiple choice, yes, the smallest sensible number, 23 Nov 2026, the
/// second level with evidence and (for criteria) the third level as target.
pub fn plan(
    qn: &Questionnaire,
) -> Vec<(
    music_sef::questionnaire::Question,
    music_sef::answers::AnswerValue,
)> {
    use music_sef::answers::{AnswerValue, Answers, LevelAnswer, is_visible};
    use music_sef::questionnaire::QuestionType as T;
    let mut answers = Answers::new();
    let mut out = Vec::new();
    for (_, q) in qn.questions() {
        if !is_visible(q, &answers) {
            continue;
        }
        let v = match q.kind {
            T::Text => AnswerValue::Text("Oakfield Primary School".into()),
            T::LongText => {
                AnswerValue::Text("We sing every day.\nEvery class learns an instrument.".into())
            }
            T::SingleChoice => AnswerValue::Text(q.options[1].id.clone()),
            T::MultiChoice => {
                AnswerValue::List(vec![q.options[0].id.clone(), q.options[1].id.clone()])
            }
            T::YesNo => AnswerValue::Bool(true),
            T::Number => AnswerValue::number(q.min.unwrap_or(0.0).max(1.0)).expect("number"),
            T::Date => AnswerValue::Text("2026-11-23".into()),
            T::Url => AnswerValue::Text("https://www.oakfield.sch.uk/music".into()),
            T::Email => AnswerValue::Text("music@oakfield.sch.uk".into()),
            T::Rating | T::Criterion => {
                let scale = qn.scale_of(q).expect("scale");
                AnswerValue::Level(LevelAnswer {
                    level: Some(scale.levels[1].id.clone()),
                    evidence: Some("Seen in lessons".into()),
                    target: q.offers_target().then(|| scale.levels[2].id.clone()),
                })
            }
        };
        answers.insert(q.id.clone(), v.clone());
        out.push((q.clone(), v));
    }
    out
}

/// Export `draft` into `out` as the program does (backup, bundle, record, save).
pub fn export(
    env: &Env,
    draft: &mut Draft,
    qn: &Questionnaire,
    out: &std::path::Path,
    allow_incomplete: bool,
) -> Result<music_sef::export::BundleReport, music_sef::export::ExportError> {
    let req = music_sef::workflow::ExportRequest {
        allow_incomplete,
        out: Some(out.to_path_buf()),
    };
    music_sef::workflow::Workflow::new(&env.dirs).export(draft, qn, &req, chrono::Local::now())
}

/// Run the binary with `args` and `stdin`; it must succeed; what it printed.
pub fn stdout_of(env: &Env, args: &[&str], stdin: &str) -> String {
    printed(bin(env).args(args).write_stdin(stdin))
}

/// What a command that must succeed printed.
fn printed(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8_lossy(&out).into_owned()
}

/// Run the binary with `args`, which must succeed within `secs` seconds; what it printed.
/// Only the tests of special files (FIFOs, devices: Unix) need it.
#[cfg(unix)]
pub fn stdout_within(env: &Env, args: &[&str], secs: u64) -> String {
    printed(
        bin(env)
            .args(args)
            .timeout(std::time::Duration::from_secs(secs)),
    )
}
