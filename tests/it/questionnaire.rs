//! Questionnaire files as a hub author meets them: every mistake refused with its place and
//! its fix (`mistakes`, one fixture per mistake), the limits that keep hostile files harmless
//! (`limits`), the documented example and the shipped files loading (`loading`), and the
//! rules between answers (`answer_rules`: exclusive options, follow-ups, cross-checks). All
//! read problems the same way, through the helpers here.

mod answer_rules;
mod limits;
mod loading;
mod mistakes;

use std::path::{Path, PathBuf};

use music_sef::questionnaire::{LoadError, load_file, load_file_on, load_str};
use serde_json::Value;

/// A file under tests/fixtures/questionnaires.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires")
        .join(name)
}

/// The single semantic problem in an invalid fixture, as printed.
fn only_problem(name: &str) -> String {
    match load_file(&fixture(&format!("invalid/{name}.json"))) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(
                problems.len(),
                1,
                "{name}: expected one problem, got {problems:#?}"
            );
            problems[0].to_string()
        }
        other => panic!("{name}: expected a semantic problem, got {other:?}"),
    }
}

/// Everything wrong with `text`, as printed; it must not load.
fn problems(text: &str) -> String {
    match load_str(Path::new("t.json"), text) {
        Ok(_) => panic!("expected problems"),
        Err(e) => e.to_string(),
    }
}

/// As [`problems`], for a questionnaire given as a JSON value.
fn problems_of(v: &Value) -> String {
    problems(&serde_json::to_string(v).expect("serialises"))
}

/// The smallest valid questionnaire, as a JSON value to edit.
fn minimal() -> Value {
    let text = include_str!("../fixtures/questionnaires/valid/minimal.json");
    serde_json::from_str(text).expect("fixture parses")
}

/// The example questionnaire in docs/questionnaire-format.md.
fn doc_example() -> String {
    let doc = include_str!("../../docs/questionnaire-format.md");
    let start = doc.find("```json\n{").expect("the doc has a JSON example") + 8;
    let end = start + doc[start..].find("\n```").expect("the example ends");
    doc[start..end].to_string()
}

/// The documented example with one edit applied to its JSON value.
fn edited(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&doc_example()).expect("example parses");
    f(&mut v);
    serde_json::to_string_pretty(&v).expect("serialises")
}

/// One mistake per fixture: (file name without `.json`, where the problem must be, words the
/// message must hold, including the fix).
pub type Mistake<'a> = (&'a str, &'a str, &'a [&'a str]);

/// Each fixture in `folder` (under tests/fixtures/questionnaires) is refused with exactly its
/// one problem, at its place and with its words, and every fixture there is in `cases`, so
/// none rots unnoticed. Loaded on 1 December 2026, so options made from the date are fixed.
pub fn each_mistake_is_reported(folder: &str, cases: &[Mistake<'_>]) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a real date");
    for (name, place, words) in cases {
        let problems = match load_file_on(&fixture(&format!("{folder}/{name}.json")), day) {
            Err(LoadError::Invalid { problems, .. }) => problems,
            other => panic!("{name}: expected a problem, got {other:?}"),
        };
        assert_eq!(problems.len(), 1, "{name}: {problems:#?}");
        let text = problems[0].to_string();
        assert!(problems[0].location.contains(place), "{name}: {text}");
        for w in *words {
            assert!(text.contains(w), "{name}: {w:?} missing from {text}");
        }
    }
    for entry in std::fs::read_dir(fixture(folder)).expect("fixtures") {
        let file = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let stem = file.trim_end_matches(".json");
        assert!(
            cases.iter().any(|(n, _, _)| *n == stem),
            "{file} is not checked by any test"
        );
    }
}
