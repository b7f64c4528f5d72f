//! Plain mode as a screen-reader user or a script meets it: numbered prompts, answers
//! from piped input, wrong answers re-asked, no escape sequences at all.

use crate::common;

use music_sef::answers::{AnswerValue, Answers};
use music_sef::questionnaire::{QuestionType, Questionnaire};

/// The lines a teacher would type for `common::plan`, and the answers they amount to.
fn script(qn: &Questionnaire) -> (String, Answers) {
    let mut input = String::new();
    let mut answers = Answers::new();
    for (q, value) in common::plan(qn) {
        let lines: Vec<String> = match (&q.kind, &value) {
            (QuestionType::LongText, AnswerValue::Text(t)) => t
                .lines()
                .map(str::to_string)
                .chain(std::iter::once(".".to_string()))
                .collect(),
            (QuestionType::Date, _) => vec!["23/11/2026".into()],
            (QuestionType::SingleChoice, _) => vec!["2".into()],
            (QuestionType::MultiChoice, _) => vec!["1, 2".into()],
            (QuestionType::YesNo, _) => vec!["yes".into()],
            (QuestionType::Rating | QuestionType::Criterion, _) => {
                let mut l = vec!["2".to_string(), "Seen in lessons".to_string()];
                if q.offers_target() {
                    l.push("3".into());
                }
                l
            }
            (_, v) => vec![
                v.as_text()
                    .map_or_else(|| v.to_json().to_string(), str::to_string),
            ],
        };
        for l in lines {
            input.push_str(&l);
            input.push('\n');
        }
        answers.insert(q.id.clone(), value);
    }
    (input, answers)
}

#[test]
fn piped_answers_complete_every_shipped_questionnaire_with_no_escape_sequences() {
    for id in [
        "school-music-self-evaluation",
        "music-quality-mark-audit",
        "pre-meeting-data-form",
    ] {
        let env = common::env();
        let qn = common::shipped(id);
        let (mut input, expected) = script(&qn);
        // The end offers to mark the draft ready; the teacher accepts.
        input.push_str("ready\n");
        let out = common::bin(&env)
            .args(["plain", "--questionnaire", id, "--title", "Piped"])
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(
            !out.contains(&0x1b),
            "{id}: plain output must hold no escape sequences"
        );
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("Every required question is answered"),
            "{id}: {}",
            &text[text.len().saturating_sub(600)..]
        );
        let listing = env.store.list();
        let Some(music_sef::store::Listing::Ok(d)) = listing.first() else {
            panic!("no draft")
        };
        assert_eq!(d.answers, expected, "{id}");
        assert_eq!(d.status, music_sef::draft::DraftStatus::Ready);
        // Each prompt line says where it is and what to type.
        assert!(text.contains(&format!(
            "Section 1 of {}, {}. Question 1 of",
            qn.sections.len(),
            qn.sections[0].title
        )));
    }
}

#[test]
fn wrong_answers_are_re_asked_with_the_same_message_as_the_full_screen_view() {
    let env = common::env();
    let input = "Oakfield\n12\n123456\nback\n\nquit\n";
    let out = common::bin(&env)
        .args([
            "plain",
            "--questionnaire",
            "school-music-self-evaluation",
            "--title",
            "Re-ask",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    let qn = common::shipped("school-music-self-evaluation");
    let urn = qn.question("urn").expect("urn");
    let tui_message = music_sef::answers::parse::parse_typed(urn, "12").expect_err("invalid");
    assert!(
        text.contains(&format!("That answer was not accepted. {tui_message}")),
        "{text}"
    );
    assert_eq!(
        text.matches("What is your school's URN?").count(),
        2,
        "asked again after back"
    );
    let Some(music_sef::store::Listing::Ok(d)) = env.store.list().into_iter().next() else {
        panic!("draft")
    };
    assert_eq!(d.answers["urn"], AnswerValue::number(123_456.0).expect("n"));
    assert!(text.contains("Saved. Goodbye."));
}

#[test]
fn commands_give_guidance_review_and_jump_to_a_section() {
    let env = common::env();
    let input = "?\nreview\nsection 10\nquit\n";
    let out = common::bin(&env)
        .args([
            "plain",
            "--questionnaire",
            "school-music-self-evaluation",
            "--title",
            "Commands",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Guidance: "), "{text}");
    assert!(
        text.contains("Section 1, About your school and this review: 0 of"),
        "{text}"
    );
    assert!(
        text.contains("Section 10 of 10, Summary and next steps. Question 1 of"),
        "{text}"
    );
}

#[test]
fn a_draft_started_in_plain_mode_carries_on_in_the_full_screen_view() {
    let env = common::env();
    common::bin(&env)
        .args([
            "plain",
            "--questionnaire",
            "school-music-self-evaluation",
            "--title",
            "Both",
        ])
        .write_stdin("Oakfield Primary School\n123456\n")
        .assert()
        .success();
    let Some(music_sef::store::Listing::Ok(d)) = env.store.list().into_iter().next() else {
        panic!("draft")
    };
    let (app, _) = crate::harness::TestApp::in_env(env).opened(*d);
    let s = &app.ws().session;
    assert_eq!(
        s.draft.answers,
        app.env.store.load(s.draft.id).expect("load").answers
    );
    assert_eq!(
        s.question().map(|q| q.id.as_str()),
        Some("local_authority"),
        "resumes at the first unanswered question"
    );
}

#[test]
fn a_new_plain_draft_asks_which_questionnaire_by_number_and_a_title() {
    let env = common::env();
    let reg = music_sef::questionnaire::Registry::discover(&env.dirs);
    assert!(
        reg.entries.len() > 1,
        "the shipped questionnaires are built in"
    );
    let out = common::bin(&env)
        .arg("plain")
        .write_stdin("9\n2\nOakfield Primary 2026/27\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Which questionnaire would you like to answer?"));
    assert!(text.contains("1. School music self-evaluation"), "{text}");
    let second = text
        .lines()
        .find_map(|l| l.strip_prefix("2. "))
        .expect("a second questionnaire");
    assert!(text.contains(&format!(
        "Please type a number from 1 to {}.",
        reg.entries.len()
    )));
    assert!(text.contains("or press Enter to use \""));
    let listing = env.store.list();
    let Some(music_sef::store::Listing::Ok(d)) = listing.first() else {
        panic!("no draft")
    };
    assert_eq!(d.title, "Oakfield Primary 2026/27");
    let chosen = reg
        .entries
        .iter()
        .find(|e| e.questionnaire.title == second)
        .expect("listed questionnaire");
    assert_eq!(d.questionnaire.id, chosen.questionnaire.id);
}

/// A complete pre-meeting draft exported as last year's bundle, and a new draft carried over
/// from it; returns the new draft's id.
fn carried_over_draft(env: &common::Env) -> uuid::Uuid {
    let qn = common::shipped("pre-meeting-data-form");
    let mut last = common::complete_draft(env, &qn, "Last year");
    let out = env.dir.path().join("last-year");
    let report = common::export(env, &mut last, &qn, &out, false).expect("export");
    let (draft, _) = music_sef::workflow::Workflow::new(&env.dirs)
        .start_from(&report.zip.display().to_string(), None, None)
        .expect("import");
    draft.id
}

#[test]
fn plain_mode_resumes_at_the_first_answer_still_to_confirm() {
    let env = common::env();
    let id = carried_over_draft(&env);
    // One later question has no answer: resuming must not skip the carried-over answers
    // before it, which still wait to be confirmed.
    let mut d = env.store.load(id).expect("load");
    let qn = common::shipped("pre-meeting-data-form");
    let later = qn
        .questions()
        .nth(5)
        .map(|(_, q)| q.id.clone())
        .expect("a sixth question");
    d.answers.remove(&later);
    env.store.save(&d).expect("save");
    let text = common::stdout_of(&env, &["plain", &id.to_string()], "quit\n");
    let first_prompt = &qn.sections[0].questions[0].prompt;
    let asked = text
        .lines()
        .skip_while(|l| !l.starts_with("Section "))
        .nth(1);
    assert_eq!(asked, Some(first_prompt.as_str()), "{text}");
}

#[test]
fn plain_mode_takes_a_backup_when_a_draft_is_opened() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let d = common::complete_draft(&env, &qn, "Backed up");
    assert!(env.store.backups(d.id).is_empty());
    common::stdout_of(&env, &["plain", &d.id.to_string()], "quit\n");
    assert_eq!(env.store.backups(d.id).len(), 1, "a backup per session");
}

#[test]
fn plain_mode_addresses_the_e_mail_to_the_remembered_hub() {
    let env = common::env();
    let settings = music_sef::settings::Settings {
        hub_email: Some("music@hub.example.org".into()),
        ..Default::default()
    };
    settings.save(&env.dirs).expect("settings");
    let qn = common::shipped("pre-meeting-data-form");
    let d = common::complete_draft(&env, &qn, "Addressed");
    // Every question answered: Enter keeps each answer, then the end offers export.
    let questions = music_sef::answers::walk::Walk::new(&qn, &d.answers)
        .overall()
        .total;
    let input = format!("{}export\n", "\n".repeat(questions));
    let text = common::stdout_of(&env, &["plain", &d.id.to_string()], &input);
    assert!(
        text.contains("The e-mail is addressed to music@hub.example.org."),
        "{text}"
    );
    let eml = walk_for(env.dirs.exports(), "-email.eml").expect("e-mail");
    let mail = std::fs::read_to_string(eml).expect("read");
    assert!(
        mail.contains("To: <music@hub.example.org>") || mail.contains("To: music@hub.example.org"),
        "{mail}"
    );
}

/// The first file under `dir` whose name ends with `name`.
fn walk_for(dir: &std::path::Path, name: &str) -> Option<std::path::PathBuf> {
    for e in std::fs::read_dir(dir).ok()?.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            if let Some(found) = walk_for(&p, name) {
                return Some(found);
            }
        } else if p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(name))
        {
            return Some(p);
        }
    }
    None
}
