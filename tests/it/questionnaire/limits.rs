//! The limits that keep a broken or hostile questionnaire file from exhausting memory or
//! time, and the file-level checks (size, encoding) that run before parsing.

use std::path::Path;

use music_sef::questionnaire::{LoadError, load_file, load_str};
use serde_json::{Value, json};

use super::{minimal, problems_of};

#[test]
fn too_many_sections_or_questions_are_refused_with_one_message() {
    let mut v = minimal();
    let section = v["sections"][1].clone();
    let sections: Vec<Value> = (0..501)
        .map(|i| {
            let mut s = section.clone();
            s["id"] = format!("s{i}").into();
            s["questions"][0]["id"] = format!("q{i}").into();
            s
        })
        .collect();
    v["sections"] = sections.into();
    let msg = problems_of(&v);
    assert!(
        msg.contains("501 sections; the most allowed is 500"),
        "{msg}"
    );
    assert!(msg.contains("1 problem to fix"), "{msg}");

    let mut v = minimal();
    let q = v["sections"][1]["questions"][0].clone();
    let questions: Vec<Value> = (0..20_001)
        .map(|i| {
            let mut q = q.clone();
            q["id"] = format!("q{i}").into();
            q
        })
        .collect();
    v["sections"][1]["questions"] = questions.into();
    let msg = problems_of(&v);
    assert!(
        msg.contains("20004 questions; the most allowed is 20000"),
        "{msg}"
    );
}

#[test]
fn too_many_options_or_levels_and_overlong_text_are_refused() {
    let mut v = minimal();
    let options: Vec<Value> = (0..201)
        .map(|i| json!({"id": format!("o{i}"), "label": format!("Option {i}")}))
        .collect();
    v["sections"][0]["questions"][1]["options"] = options.into();
    let msg = problems_of(&v);
    assert!(
        msg.contains("201 options is too many") && msg.contains("200"),
        "{msg}"
    );

    let mut v = minimal();
    let levels: Vec<Value> = (0..21)
        .map(|i| json!({"id": format!("l{i}"), "label": format!("Level {i}")}))
        .collect();
    v["scales"][0]["levels"] = levels.into();
    let msg = problems_of(&v);
    assert!(
        msg.contains("from 2 to 20 levels") && msg.contains("has 21"),
        "{msg}"
    );

    let mut v = minimal();
    v["sections"][0]["questions"][0]["guidance"] = "é".repeat(20_001).into();
    let msg = problems_of(&v);
    assert!(
        msg.contains("question \"school\": the guidance is 20001 characters long"),
        "{msg}"
    );
    // 20,000 two-byte characters are fine: the limit counts characters, not bytes.
    let mut v = minimal();
    v["sections"][0]["questions"][0]["guidance"] = "é".repeat(20_000).into();
    load_str(Path::new("ok.json"), &v.to_string()).expect("20,000 characters are allowed");
}

#[test]
fn a_condition_looking_at_too_many_answers_is_refused() {
    let mut v = minimal();
    let terms: Vec<Value> = (0..101)
        .map(|_| json!({"answered": {"question": "school"}}))
        .collect();
    v["sections"][0]["questions"][2]["show_if"] = json!({ "any": terms });
    let msg = problems_of(&v);
    assert!(
        msg.contains("looks at 101 answers") && msg.contains("100"),
        "{msg}"
    );
}

#[test]
fn generated_questionnaires_of_benchmark_size_are_valid() {
    for n in [1, 10, 10_000] {
        let q = music_sef::synthetic::questionnaire(n, 50);
        let text = serde_json::to_string(&q).expect("serialises");
        let loaded = load_str(Path::new("synthetic.json"), &text)
            .unwrap_or_else(|e| panic!("{n} questions: {e}"));
        assert_eq!(loaded.question_count(), n);
    }
}

#[test]
fn a_file_over_5_mb_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: large on paper, nothing for the loader to read if it checks the size.
    file.set_len(5 * 1024 * 1024 + 1).expect("set_len");
    let err = load_file(&path).expect_err("too large");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("larger than 5 MB"), "{err}");

    // Exactly 5 MB is read (and then fails as JSON, not as too large).
    std::fs::write(&path, vec![b' '; 5 * 1024 * 1024]).expect("write");
    assert!(matches!(load_file(&path), Err(LoadError::Syntax { .. })));
}

#[test]
fn encoding_problems_are_explained_and_a_bom_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = include_str!("../../fixtures/questionnaires/valid/minimal.json");
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{text}")).expect("write");
    load_file(&bom).expect("a leading BOM is fine");

    let latin1 = dir.path().join("latin1.json");
    let mut bytes = text
        .replace("Fixture questionnaire", "Caf\u{e9}")
        .into_bytes();
    let at = bytes.iter().position(|&b| b == 0xc3).expect("é");
    bytes.splice(at..at + 2, [0xe9]);
    std::fs::write(&latin1, &bytes).expect("write");
    let err = load_file(&latin1).expect_err("not UTF-8");
    let msg = err.to_string();
    assert!(matches!(err, LoadError::NotUtf8 { .. }), "{msg}");
    assert!(
        msg.contains("latin1.json") && msg.contains("Save it as UTF-8"),
        "{msg}"
    );
    assert!(msg.contains(&format!("byte {at}")), "{msg}");
}

#[test]
fn empty_files_and_json_that_is_not_an_object_say_so() {
    let empty = load_str(Path::new("empty.json"), "  \n").expect_err("empty");
    assert!(empty.to_string().contains("the file is empty"), "{empty}");
    let list = load_str(Path::new("list.json"), "[]").expect_err("not an object");
    assert!(
        list.to_string().contains("must be one JSON object"),
        "{list}"
    );
    let text = include_str!("../../fixtures/questionnaires/valid/minimal.json");
    let twice = load_str(Path::new("twice.json"), &format!("{text}{text}")).expect_err("twice");
    assert!(
        twice
            .to_string()
            .contains("more after the questionnaire's closing }"),
        "{twice}"
    );
}
