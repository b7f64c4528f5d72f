//! The questionnaire format's section repeated for each agreed priority: the shipped
//! follow-up reflection made once per priority with its words in the prompts, and each
//! mistake an author can make with it refused by `check` with its place and its fix.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use music_sef::feedback::{Agreed, Priority};
use music_sef::questionnaire::load_str;

fn shipped_text() -> serde_json::Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/follow-up-reflection.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

pub fn agreed(n: usize) -> Agreed {
    Agreed {
        hub: "Riverside Music Hub".into(),
        submission: "ab".repeat(32),
        decided_at: Utc::now(),
        priorities: (1..=n)
            .map(|i| Priority {
                text: format!("Priority text {i}"),
                actions: format!("School actions {i}"),
                support: format!("Hub support {i}"),
                review_date: NaiveDate::from_ymd_opt(2030, 6, 30).expect("date"),
            })
            .collect(),
    }
}

/// What `check` says of the shipped file changed by `change`.
fn problems(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = shipped_text();
    change(&mut v);
    match load_str(Path::new("changed.json"), &v.to_string()) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_reflection_asks_about_each_agreed_priority_in_its_own_section() {
    let qn = music_sef::questionnaire::load_str(Path::new("f.json"), &shipped_text().to_string())
        .expect("valid");
    assert!(qn.repeats());
    let three = qn.for_agreed(Some(&agreed(3)));
    let titles: Vec<&str> = three.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Your school",
            "Priority 1: Priority text 1",
            "Priority 2: Priority text 2",
            "Priority 3: Priority text 3",
            "Looking ahead"
        ]
    );
    let second = three.question("done_2").expect("a copy per priority");
    assert_eq!(
        second.prompt,
        "What has been done about priority 2 since the meeting?"
    );
    assert!(
        three.sections[2]
            .intro
            .contains("The hub offered: Hub support 2.")
    );
    assert!(three.sections[2].intro.contains("30 June 2030"));
    assert!(three.question("done").is_none());
    // One priority, one section; none without feedback.
    assert_eq!(qn.for_agreed(Some(&agreed(1))).sections.len(), 3);
    assert_eq!(qn.for_agreed(None).sections.len(), 2);
}

#[test]
fn check_refuses_repeated_sections_it_could_not_make() {
    assert_eq!(problems(|_| {}), "");
    let role = problems(|v| v["sections"][1]["questions"][0]["role"] = "strength".into());
    assert!(role.contains("cannot have a role"), "{role}");
    let unknown = problems(|v| v["sections"][1]["title"] = "Priority {n} at {school}".into());
    assert!(
        unknown.contains("{school}, which music-sef cannot fill in"),
        "{unknown}"
    );
    let outside = problems(|v| v["sections"][2]["title"] = "After {priority}".into());
    assert!(
        outside.contains("filled in only in a section with \"repeat\""),
        "{outside}"
    );
    let clash = problems(|v| v["sections"][2]["questions"][0]["id"] = "done_2".into());
    assert!(clash.contains("would be named \"done_2\""), "{clash}");
    let reads = problems(|v| {
        v["sections"][2]["questions"][0]["show_if"] =
            serde_json::json!({"answered": {"question": "done"}});
    });
    assert!(
        reads.contains("in a section repeated for each priority"),
        "{reads}"
    );
    let check = problems(|v| {
        v["checks"] = serde_json::json!([{"id": "c", "question": "urn", "at_most": "done", "warning": "Too many."}]);
    });
    assert!(
        check.contains("\"done\" is in a section repeated for each priority"),
        "{check}"
    );
    let bad_kind = problems(|v| v["sections"][1]["repeat"] = "each_school".into());
    assert!(!bad_kind.is_empty(), "an unknown repeat is refused");
}
