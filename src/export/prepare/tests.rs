//! `prepare` on a small questionnaire: refusals, the hub address, warnings, names, changes.

use chrono::{DateTime, Local, TimeZone, Utc};

use super::prepare;
use crate::answers::{AnswerValue, Answers};
use crate::draft::{CarriedOver, Draft, QuestionnaireRef};
use crate::export::{ExportError, ExportOptions, ExportWarning};
use crate::questionnaire::Questionnaire;

fn questionnaire(hub_email: Option<&str>) -> Questionnaire {
    let value = serde_json::json!({
        "format": "music-sef/questionnaire",
        "format_version": 1,
        "id": "fixture",
        "version": "1",
        "title": "Fixture questionnaire",
        "sections": [{
            "id": "about",
            "title": "About your school",
            "questions": [
                {"id": "school", "type": "text", "prompt": "School name", "role": "school_name",
                 "required": "required"},
                {"id": "contact", "type": "email", "prompt": "Your e-mail", "role": "contact_email"},
                {"id": "plan", "type": "url", "prompt": "Plan link",
                 "role": "development_plan_url", "required": "required"},
                {"id": "notes", "type": "long_text", "prompt": "Anything else?"}
            ]
        }],
        "submission": {"hub_name": "Riverside music hub", "hub_email": hub_email,
                       "subject": "Review – {school} – {date}"}
    });
    serde_json::from_value(value).unwrap_or_else(|e| panic!("fixture questionnaire: {e}"))
}

fn draft(qn: &Questionnaire) -> Draft {
    let mut d = Draft::new(
        "Oakfield 2026",
        QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            source: None,
        },
    );
    for (id, text) in [
        ("school", "Oakfield Primary"),
        ("contact", "music@oakfield.sch.uk"),
        ("plan", "https://www.oakfield.sch.uk/music"),
    ] {
        d.answers.insert(id.into(), AnswerValue::Text(text.into()));
    }
    d
}

fn now() -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2026, 12, 1, 9, 30, 0)
        .earliest()
        .unwrap_or_else(|| panic!("a time that exists"))
}

fn remembered(address: Option<&str>) -> ExportOptions {
    ExportOptions {
        allow_incomplete: false,
        hub_email: address.map(str::to_string),
    }
}

#[test]
fn a_complete_draft_is_prepared_with_only_the_missing_address_to_warn_of() {
    let qn = questionnaire(None);
    let d = draft(&qn);
    let sub = prepare(&qn, &d, &ExportOptions::default(), now()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!sub.incomplete && sub.missing.is_empty());
    assert_eq!(sub.warnings, [ExportWarning::NoHubAddress]);
    assert_eq!(sub.progress.answered, 3);
    assert_eq!(sub.progress.total, 4);
    assert_eq!(sub.section_progress, [sub.progress]);
    assert_eq!(sub.facts.school.as_deref(), Some("Oakfield Primary"));
    assert_eq!(sub.email.from.as_deref(), Some("music@oakfield.sch.uk"));
    assert_eq!(sub.dates.generated_at, now().with_timezone(&Utc));
    assert!(sub.changes.ids.is_empty() && sub.changes.since_last_time.is_empty());
}

#[test]
fn missing_required_answers_refuse_the_export_unless_allowed() {
    let qn = questionnaire(None);
    let mut d = draft(&qn);
    d.answers.remove("school");
    d.answers.remove("plan");
    match prepare(&qn, &d, &ExportOptions::default(), now()) {
        Err(ExportError::Incomplete { missing }) => {
            let ids: Vec<&str> = missing.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(ids, ["school", "plan"]);
            assert_eq!(missing[0].section, "About your school");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let allow = ExportOptions {
        allow_incomplete: true,
        hub_email: Some("hub@example.org".into()),
    };
    let sub = prepare(&qn, &d, &allow, now()).unwrap_or_else(|e| panic!("{e}"));
    assert!(sub.incomplete);
    assert_eq!(sub.missing.len(), 2);
    assert_eq!(sub.warnings, [ExportWarning::Incomplete { missing: 2 }]);
    assert!(sub.email.body.contains("INCOMPLETE DRAFT"));
}

#[test]
fn the_questionnaires_hub_address_comes_before_the_remembered_one() {
    let cases = [
        (
            Some("hub@riverside.org"),
            Some("old@x.org"),
            Some("hub@riverside.org"),
        ),
        (None, Some("old@x.org"), Some("old@x.org")),
        (None, None, None),
    ];
    for (in_questionnaire, in_settings, expected) in cases {
        let qn = questionnaire(in_questionnaire);
        let d = draft(&qn);
        let sub =
            prepare(&qn, &d, &remembered(in_settings), now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sub.email.to.as_deref(), expected);
        let encoded = expected.map_or(String::new(), |a| a.replace('@', "%40"));
        assert!(
            sub.email
                .mailto
                .starts_with(&format!("mailto:{encoded}?subject=")),
            "{}",
            sub.email.mailto
        );
        assert_eq!(
            sub.warnings.contains(&ExportWarning::NoHubAddress),
            expected.is_none()
        );
    }
}

#[test]
fn file_names_carry_the_school_and_the_day() {
    let qn = questionnaire(None);
    let d = draft(&qn);
    let sub = prepare(&qn, &d, &ExportOptions::default(), now()).unwrap_or_else(|e| panic!("{e}"));
    let base = crate::export::names::bundle_base("Oakfield Primary", "fixture", "2026-12-01");
    assert!(base.starts_with("Oakfield-Primary-2026-12-01-"), "{base}");
    assert_eq!(sub.names.base, base);
    assert_eq!(sub.names.pdf, format!("{base}.pdf"));
    assert_eq!(sub.names.zip, format!("{base}.zip"));
    assert_eq!(
        sub.names.in_folder(),
        [
            format!("{base}.pdf").as_str(),
            "answers.csv",
            "submission.json",
            "email-to-hub.eml"
        ]
    );
    assert_eq!(sub.dates.display, "1 Dec 2026");
    assert_eq!(sub.email.subject, "Review – Oakfield Primary – 1 Dec 2026");
    assert!(sub.email.body.starts_with("Dear Riverside music hub,"));
}

#[test]
fn an_unusable_plan_link_is_refused_naming_the_link() {
    let qn = questionnaire(None);
    let mut d = draft(&qn);
    d.answers
        .insert("plan".into(), AnswerValue::Text("ftp:nothing".into()));
    match prepare(&qn, &d, &ExportOptions::default(), now()) {
        Err(e @ ExportError::PlanLink { .. }) => {
            let text = e.to_string();
            assert!(text.contains("\"ftp:nothing\" cannot be used"), "{text}");
            assert!(text.ends_with("export again."), "{text}");
        }
        other => panic!("expected the link refused, got {other:?}"),
    }
}

#[test]
fn a_carried_over_draft_knows_what_changed_and_since_when() {
    let qn = questionnaire(None);
    let mut d = draft(&qn);
    let mut before: Answers = d.answers.clone();
    before.insert(
        "school".into(),
        AnswerValue::Text("Oakfield Infants".into()),
    );
    d.carried_over = Some(CarriedOver {
        from_title: "Last year".into(),
        from_date: Utc
            .with_ymd_and_hms(2025, 11, 20, 12, 0, 0)
            .single()
            .unwrap_or_else(|| panic!("a UTC time")),
        previous_answers: before,
        unconfirmed: Default::default(),
        unknown_answers: Answers::new(),
    });
    let sub = prepare(&qn, &d, &ExportOptions::default(), now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sub.changes.ids.iter().collect::<Vec<_>>(), ["school"]);
    assert_eq!(sub.changes.previous_date.as_deref(), Some("20 Nov 2025"));
    assert_eq!(
        sub.changes.since_last_time,
        ["Compared with \"Last year\" of 20 Nov 2025: 1 answer changed."]
    );
}
