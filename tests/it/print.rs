//! The printed questionnaire, read back as a teacher or a hub author would: every question's
//! number and prompt, each criterion's descriptors, the conditions in words and the list of
//! what to have ready; bookmarks per section; and an invalid file gets `check`'s message
//! instead of a PDF.

use music_sef::answers::numbering::number;
use music_sef::questionnaire::QuestionType;
use ratatui_textarea::Key;

use crate::common;
use crate::harness::TestApp;

/// Compare ignoring whitespace (the PDF wraps lines anywhere) and the font's ligatures
/// ("ﬀ" for "ff"), which text extraction gives back as one character.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('ﬀ', "ff")
        .replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
}

/// The text without each page's running header and footer, which extraction puts wherever
/// a page breaks, even mid-sentence.
fn without_furniture(text: &str, header: &str) -> String {
    let mut t = text.replace(&squash(header), "");
    while let Some(start) = t.find("Page").filter(|&i| t[i..].contains("music-sef")) {
        let Some(len) = t[start..].find("music-sef") else {
            break;
        };
        t.replace_range(start..start + len + "music-sef".len(), "");
    }
    t
}

fn has(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn each_shipped_questionnaire_prints_every_question_with_its_number_and_descriptors() {
    let env = common::env();
    for id in [
        "school-music-self-evaluation",
        "music-quality-mark-audit",
        "pre-meeting-data-form",
    ] {
        let out = env.dir.path().join(format!("{id}.pdf"));
        common::stdout_of(
            &env,
            &["print", id, "--out", &out.display().to_string()],
            "",
        );
        let bytes = std::fs::read(&out).expect("pdf");
        let qn = common::shipped(id);
        let header = format!(
            "{} (version {}) · the questions, to read before you start",
            qn.title, qn.version
        );
        let text = without_furniture(
            &squash(&pdf_extract::extract_text_from_mem(&bytes).expect("text")),
            &header,
        );
        for (si, s) in qn.sections.iter().enumerate() {
            let mark = format!("/Title({}. {})", si + 1, s.title);
            assert!(has(&bytes, mark.as_bytes()), "{id}: no bookmark {mark}");
            for (qi, q) in s.questions.iter().enumerate() {
                let line = squash(&format!("{} {}", number(si, qi), q.prompt));
                assert!(text.contains(&line), "{id}: {line} missing");
                if q.kind == QuestionType::Criterion {
                    for d in q.descriptors.values() {
                        let at = text.find(&squash(&q.prompt)).unwrap_or(0);
                        let near: String = text[at..].chars().take(600).collect();
                        assert!(
                            text.contains(&squash(d)),
                            "{id}/{}: descriptor missing:\n{}\n{near}",
                            q.id,
                            squash(d)
                        );
                    }
                }
            }
        }
        for item in &qn.have_ready {
            assert!(
                text.contains(&squash(&item.what)),
                "{id}: have-ready item missing"
            );
        }
        assert!(text.contains("Havetheseready"), "{id}");
        assert!(
            has(&bytes, b"<pdfuaid:part>1</pdfuaid:part>"),
            "{id}: PDF/UA"
        );
    }
}

#[test]
fn conditions_are_printed_in_words() {
    let env = common::env();
    let out = env.dir.path().join("default.pdf");
    common::stdout_of(
        &env,
        &[
            "print",
            "school-music-self-evaluation",
            "--out",
            &out.display().to_string(),
        ],
        "",
    );
    let text = squash(
        &pdf_extract::extract_text_from_mem(&std::fs::read(&out).expect("pdf")).expect("text"),
    );
    let qn = common::shipped("school-music-self-evaluation");
    let choir = music_sef::answers::numbering::number_of(&qn, "choir").expect("choir");
    assert!(
        text.contains(&squash(&format!("asked if you answered Yes to {choir}"))),
        "{text}"
    );
}

#[test]
fn an_invalid_file_gets_checks_message_and_no_pdf() {
    let env = common::env();
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/questionnaires/invalid/unknown_scale.json"
    );
    let out = env.dir.path().join("bad.pdf");
    let printed = common::bin(&env)
        .args(["print", bad, "--out", &out.display().to_string()])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let checked = common::bin(&env)
        .args(["check", bad])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let first = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let problem = first(&checked);
    assert!(
        String::from_utf8_lossy(&printed).contains(&problem),
        "{problem}"
    );
    assert!(!out.exists(), "no PDF for a file with mistakes");
    common::bin(&env)
        .args(["check", bad, "--print", &out.display().to_string()])
        .assert()
        .code(1);
    assert!(!out.exists());
    let good = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/questionnaires/valid/minimal.json"
    );
    common::bin(&env)
        .args(["check", good, "--print", &out.display().to_string()])
        .assert()
        .success();
    assert!(out.exists(), "check --print proofs a good file in one step");
}

#[test]
fn the_new_draft_screen_shows_what_to_have_ready_and_p_prints_the_questions() {
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    let text = app.screen(120, 40);
    assert!(text.contains("Have these ready"), "{text}");
    assert!(text.contains("Pupils on roll"), "{text}");
    app.key(Key::Char('p'));
    let pdf = app
        .env
        .dirs
        .exports()
        .join("school-music-self-evaluation-questions.pdf");
    assert!(pdf.exists(), "{:?}", app.c.app.flash);
    let flash = app
        .c
        .app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(
        flash.contains("school-music-self-evaluation-questions.pdf"),
        "{flash}"
    );
}

#[test]
fn the_welcome_screen_lists_what_to_have_ready() {
    let mut app = TestApp::new();
    let text = app.screen(120, 40);
    assert!(text.contains("have these ready"), "{text}");
    assert!(text.contains("Pupils on roll"), "{text}");
}
