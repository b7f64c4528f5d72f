//! The submission bundle as a hub receives it: the PDF shows the school, the plan link and
//! every answer; the CSV opens in a spreadsheet; the e-mail carries the files; hashes match.

use crate::common;

use std::collections::BTreeMap;

use music_sef::answers::AnswerValue;
use music_sef::answers::display::answer_text;
use music_sef::export::{ExportError, ExportOptions, json::SubmissionFile};

fn pdf_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("pdf");
    pdf_extract::extract_text_from_mem(&bytes).expect("pdf text")
}

/// Compare ignoring all whitespace: the PDF wraps lines anywhere.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn each_shipped_questionnaire_exports_a_complete_readable_bundle() {
    for id in [
        "school-music-self-evaluation",
        "music-quality-mark-audit",
        "pre-meeting-data-form",
    ] {
        let env = common::env();
        let qn = common::shipped(id);
        let mut draft = common::complete_draft(&env, &qn, "Oakfield Primary – 2026/27");
        let out = env.dir.path().join("out");
        let report = common::export(&env, &mut draft, &qn, &out, false).expect("export");
        // PDF: the school, the link and every answer are there.
        let text = squash(&pdf_text(&report.pdf));
        assert!(
            text.contains("OakfieldPrimarySchool"),
            "{id}: school missing"
        );
        assert!(
            text.contains("https://www.oakfield.sch.uk/music"),
            "{id}: plan link missing"
        );
        for (_, q) in qn.questions() {
            if let Some(v) = draft.answers.get(&q.id) {
                let shown = squash(&answer_text(&qn, q, v));
                assert!(
                    text.contains(&shown),
                    "{id}: answer to {} ({shown}) missing from the PDF",
                    q.id
                );
            }
        }
        assert!(!text.contains("INCOMPLETEDRAFT"));
        // Tagged for screen readers, in British English.
        let raw = std::fs::read(&report.pdf).expect("pdf");
        let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
        assert!(
            has(b"StructTreeRoot") && has(b"MarkInfo") && has(b"en-GB"),
            "{id}: the PDF is tagged"
        );
        // CSV: BOM, header, a row per applicable question, parseable.
        let csv_bytes = std::fs::read(&report.csv).expect("csv");
        assert!(csv_bytes.starts_with(b"\xef\xbb\xbf"));
        let mut rdr = csv::Reader::from_reader(&csv_bytes[3..]);
        let headers = rdr.headers().expect("headers").clone();
        assert_eq!(&headers[1], "question_id");
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
        assert_eq!(
            rows.len(),
            draft.answers.len(),
            "{id}: one row per answered applicable question"
        );
        // JSON: answers identical, hashes match the files.
        let sub: SubmissionFile =
            serde_json::from_slice(&std::fs::read(&report.json).expect("json")).expect("parse");
        assert_eq!(sub.answers, draft.answers);
        assert_eq!(sub.format, "music-sef/submission");
        let pdf_name = report
            .pdf
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            sub.files.get(&pdf_name),
            Some(&music_sef::export::json::sha256_hex(
                &std::fs::read(&report.pdf).expect("pdf")
            ))
        );
        assert_eq!(
            sub.files.get("answers.csv"),
            Some(&music_sef::export::json::sha256_hex(&csv_bytes))
        );
        // E-mail: subject, link, three attachments.
        let eml = std::fs::read(&report.eml).expect("eml");
        let msg = mail_parser::MessageParser::default()
            .parse(&eml)
            .expect("parse eml");
        assert!(
            msg.subject()
                .unwrap_or("")
                .contains("Oakfield Primary School")
        );
        assert!(
            msg.body_text(0)
                .unwrap_or_default()
                .contains("https://www.oakfield.sch.uk/music")
        );
        let names: Vec<String> = msg
            .attachments()
            .filter_map(|a| a.attachment_name().map(str::to_string))
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(
            names.contains(&"answers.csv".to_string())
                && names.contains(&"submission.json".to_string())
        );
        assert!(report.zip.exists());
        // The draft records the export.
        assert_eq!(env.store.load(draft.id).expect("load").exports.len(), 1);
    }
}

#[test]
fn an_incomplete_draft_is_refused_with_the_list_or_marked_on_every_page() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut draft = common::complete_draft(&env, &qn, "Draft");
    draft.answers.remove("school_name");
    draft.answers.remove("intent");
    let out = env.dir.path().join("out");
    match common::export(&env, &mut draft, &qn, &out, false) {
        Err(ExportError::Incomplete { missing }) => {
            let ids: Vec<&str> = missing.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(ids, ["school_name", "intent"]);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(
        !out.exists() || std::fs::read_dir(&out).expect("dir").next().is_none(),
        "nothing written"
    );
    let report = common::export(&env, &mut draft, &qn, &out, true).expect("export anyway");
    let text = pdf_text(&report.pdf);
    let pages = text.matches("Page ").count();
    assert!(pages >= 2);
    assert_eq!(
        squash(&text).matches("INCOMPLETEDRAFT").count(),
        pages * 2,
        "top and bottom of every page"
    );
}

#[test]
fn hostile_answers_come_out_intact_and_harmless() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut draft = common::complete_draft(&env, &qn, "Hostile");
    let big = "Lorem ipsum dolor sit amet. ".repeat(7_500);
    let hostile: BTreeMap<&str, String> = BTreeMap::from([
        (
            "school_name",
            "Oak <script>alert(1)</script> School x\r\nBcc: a@b.org".to_string(),
        ),
        ("topic_1", "=HYPERLINK(\"http://evil\")".to_string()),
        ("topic_2", "Music 🎵 and עברית and Ελληνικά".to_string()),
        ("intent", big.clone()),
    ]);
    for (k, v) in &hostile {
        draft
            .answers
            .insert((*k).to_string(), AnswerValue::Text(v.clone()));
    }
    let out = env.dir.path().join("out");
    let report = common::export(&env, &mut draft, &qn, &out, false).expect("export");
    // E-mail: one Subject, no Bcc.
    let eml = String::from_utf8_lossy(&std::fs::read(&report.eml).expect("eml")).into_owned();
    let headers = &eml[..eml.find("\r\n\r\n").expect("headers end")];
    assert_eq!(
        headers.matches("\nSubject:").count() + usize::from(headers.starts_with("Subject:")),
        1
    );
    assert!(
        !headers.to_ascii_lowercase().contains("\nbcc:"),
        "{headers}"
    );
    // CSV: the formula is neutralised, the rest intact.
    let csv_bytes = std::fs::read(&report.csv).expect("csv");
    let mut rdr = csv::Reader::from_reader(&csv_bytes[3..]);
    let answers: BTreeMap<String, String> = rdr
        .records()
        .map(|r| r.expect("row"))
        .map(|r| (r[1].to_string(), r[3].to_string()))
        .collect();
    assert_eq!(answers["topic_1"], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(answers["topic_2"], hostile["topic_2"]);
    assert_eq!(
        answers["intent"].len(),
        big.trim_end().len().max(answers["intent"].len())
    );
    // JSON keeps every character.
    let sub: music_sef::export::json::SubmissionFile =
        serde_json::from_slice(&std::fs::read(&report.json).expect("json")).expect("json");
    assert_eq!(
        sub.answers["school_name"],
        AnswerValue::Text(hostile["school_name"].clone())
    );
    // PDF: the long answer flows over pages and the script tag is plain text; the emoji is
    // reported as not drawable.
    let text = squash(&pdf_text(&report.pdf));
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.matches("Loremipsumdolor").count() >= 7_000);
    assert!(
        report.warnings.iter().any(|w| w.to_string().contains('🎵')),
        "{:?}",
        report.warnings
    );
}

#[test]
fn exporting_an_unchanged_draft_twice_gives_the_same_json_and_csv() {
    let env = common::env();
    let qn = common::shipped("music-quality-mark-audit");
    let mut draft = common::complete_draft(&env, &qn, "Audit");
    let out = env.dir.path().join("out");
    let first = common::export(&env, &mut draft, &qn, &out, false).expect("export");
    let csv1 = std::fs::read(&first.csv).expect("csv");
    let mut j1: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&first.json).expect("json")).expect("json");
    let second = common::export(&env, &mut draft, &qn, &out, false).expect("export");
    let csv2 = std::fs::read(&second.csv).expect("csv");
    let mut j2: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&second.json).expect("json")).expect("json");
    assert_eq!(csv1, csv2);
    for j in [&mut j1, &mut j2] {
        j["generated_at"] = serde_json::Value::Null;
        // The PDF carries its own creation time, so only its hash may differ.
        j["files"]
            .as_object_mut()
            .expect("files")
            .retain(|k, _| !k.ends_with(".pdf"));
    }
    assert_eq!(j1, j2);
    assert_eq!(
        first.folder, second.folder,
        "the same day's export is replaced, not duplicated"
    );
}

#[test]
fn prepare_then_write_makes_the_bundle_and_leaves_the_draft_to_the_caller() {
    use chrono::TimeZone as _;
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let draft = common::complete_draft(&env, &qn, "Two steps");
    let now = chrono::Local
        .with_ymd_and_hms(2026, 12, 1, 9, 30, 0)
        .earliest()
        .expect("a time that exists");
    let sub =
        music_sef::export::prepare(&qn, &draft, &ExportOptions::default(), now).expect("prepare");
    let out = env.dir.path().join("out");
    let report = music_sef::export::write(&sub, &out).expect("write");
    assert_eq!(
        report.folder.file_name().and_then(|n| n.to_str()),
        Some(
            music_sef::export::names::bundle_base(
                "Oakfield Primary School",
                "pre-meeting-data-form",
                "2026-12-01"
            )
            .as_str()
        )
    );
    for file in [
        &report.pdf,
        &report.csv,
        &report.json,
        &report.eml,
        &report.zip,
    ] {
        assert!(file.is_file(), "{} written", file.display());
    }
    assert_eq!(
        report.warnings,
        [music_sef::export::ExportWarning::NoHubAddress]
    );
    let sub_file: SubmissionFile =
        serde_json::from_slice(&std::fs::read(&report.json).expect("json")).expect("parse");
    assert_eq!(sub_file.generated_at, now.with_timezone(&chrono::Utc));
    // Recording and saving are the caller's: the saved draft knows nothing yet.
    assert!(env.store.load(draft.id).expect("load").exports.is_empty());
}

#[test]
fn the_export_command_lists_missing_answers_and_exits_1() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut d = common::complete_draft(&env, &qn, "Cmd test");
    d.answers.remove("impact");
    env.store.save(&d).expect("save");
    common::bin(&env)
        .args(["export", "Cmd test", "--out"])
        .arg(env.dir.path().join("o"))
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("impact")
                .and(predicates::str::contains("--allow-incomplete")),
        );
    common::bin(&env)
        .args([
            "export",
            &d.id.to_string()[..6],
            "--allow-incomplete",
            "--out",
        ])
        .arg(env.dir.path().join("o"))
        .assert()
        .success()
        .stdout(predicates::str::contains("answers.csv").and(predicates::str::contains("mailto:")));
}

use mail_parser::MimeHeaders as _;
use predicates::prelude::PredicateBooleanExt as _;
