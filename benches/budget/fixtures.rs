//! The data folders the whole-program benchmarks open, written to disk the way music-sef
//! writes them: an empty folder, one answered default draft alone, the same among 30 drafts
//! with 3 installed questionnaires, a fully answered 10,000-question draft, and drafts for
//! typing (a short answer, a 1 MB answer in paragraphs, a 300 KB paragraph).

use std::path::{Path, PathBuf};

use music_sef::answers::AnswerValue;
use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::paths::DataDirs;
use music_sef::questionnaire::{Questionnaire, load_str};
use music_sef::store::Store;
use music_sef::synthetic;
use uuid::Uuid;

/// A data folder and the draft a case opens in it.
#[derive(Clone)]
pub struct Folder {
    pub root: PathBuf,
    pub draft: Option<Uuid>,
}

pub struct Fixtures {
    _tmp: tempfile::TempDir,
    pub empty: Folder,
    pub alone: Folder,
    pub crowded: Folder,
    pub big: Folder,
    pub short: Folder,
    pub mega: Folder,
    pub paragraph: Folder,
}

pub fn shipped(id: &str) -> Questionnaire {
    let (name, text) = music_sef::questionnaire::builtin::BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.starts_with(id))
        .copied()
        .unwrap_or(("missing", "{}"));
    load_str(Path::new(name), text).unwrap_or_else(|e| panic!("{e}"))
}

fn reference(q: &Questionnaire) -> QuestionnaireRef {
    QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        source: None,
    }
}

/// A draft of `q` with every question that applies answered.
pub fn answered(q: &Questionnaire, title: &str, long_text_len: usize) -> Draft {
    let mut d = Draft::new(title, reference(q));
    d.answers = synthetic::answers(q, long_text_len);
    d
}

fn folder(tmp: &Path, name: &str) -> PathBuf {
    let root = tmp.join(name);
    let _ = std::fs::create_dir_all(root.join("drafts"));
    // The e-mail address is known, so an export never stops to ask for it.
    let _ = std::fs::write(
        root.join("settings.json"),
        r#"{"hub_email": "music@hub.example"}"#,
    );
    root
}

fn save(root: &Path, d: &Draft) -> Uuid {
    let store = Store::new(&DataDirs::at(root));
    store.save(d).unwrap_or_else(|e| panic!("{e}"));
    d.id
}

fn install(root: &Path, q: &Questionnaire) {
    let dir = root.join("questionnaires");
    let _ = std::fs::create_dir_all(&dir);
    let text = serde_json::to_string_pretty(q).unwrap_or_default();
    let _ = std::fs::write(dir.join(format!("{}.json", q.id)), text);
}

/// A questionnaire with a long answer first and a short one second: a fully answered draft
/// opens at the long answer, one with only the long answer given opens at the short one.
fn typing_questionnaire() -> Questionnaire {
    let text = r#"{"format": "music-sef/questionnaire", "format_version": 1,
        "id": "bench-typing", "version": "1", "title": "Typing benchmark",
        "sections": [{"id": "s", "title": "Answers", "questions": [
            {"id": "story", "type": "long_text", "prompt": "Tell the story of music this year."},
            {"id": "school", "type": "text", "prompt": "The school's name"}]}]}"#;
    load_str(Path::new("bench-typing.json"), text).unwrap_or_else(|e| panic!("{e}"))
}

fn typing(tmp: &Path, name: &str, story: String, school: bool) -> Folder {
    let root = folder(tmp, name);
    let q = typing_questionnaire();
    install(&root, &q);
    let mut d = Draft::new("Typing", reference(&q));
    d.answers.insert("story".into(), AnswerValue::Text(story));
    if school {
        d.answers
            .insert("school".into(), AnswerValue::Text("Oakfield".into()));
    }
    let draft = Some(save(&root, &d));
    Folder { root, draft }
}

fn crowded(tmp: &Path, default: &Questionnaire) -> Folder {
    let root = folder(tmp, "crowded");
    for n in [100, 1_000, 10_000] {
        install(&root, &synthetic::questionnaire(n, 25));
    }
    let first = save(&root, &answered(default, "Oakfield Primary – 2026/27", 400));
    for i in 1..30 {
        save(
            &root,
            &answered(default, &format!("School {i} – 2026/27"), 400),
        );
    }
    Folder {
        root,
        draft: Some(first),
    }
}

/// Paragraphs of about 460 bytes, `total` bytes in all.
fn paragraphs(total: usize) -> String {
    let para = "Pupils sing every week and perform each term. ".repeat(10);
    std::iter::repeat_n(para.as_str(), total / (para.len() + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Fixtures {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let t = tmp.path();
        let default = shipped("school-music-self-evaluation");
        let alone = folder(t, "alone");
        let alone_id = save(
            &alone,
            &answered(&default, "Oakfield Primary – 2026/27", 400),
        );
        let big = folder(t, "big");
        let q10k = synthetic::questionnaire(10_000, 25);
        install(&big, &q10k);
        let big_id = save(&big, &answered(&q10k, "Ten thousand", 100));
        // Just under 1 MB, the most an answer may hold.
        let mega_text = paragraphs(999_000);
        let paragraph_text = "Pupils sing every week and perform each term. "
            .repeat(300_000 / 46)
            .trim_end()
            .to_string();
        Self {
            empty: Folder {
                root: folder(t, "empty"),
                draft: None,
            },
            alone: Folder {
                root: alone,
                draft: Some(alone_id),
            },
            crowded: crowded(t, &default),
            big: Folder {
                root: big,
                draft: Some(big_id),
            },
            short: typing(t, "short", "Short.".into(), false),
            mega: typing(t, "mega", mega_text, true),
            paragraph: typing(t, "paragraph", paragraph_text, true),
            _tmp: tmp,
        }
    }
}
