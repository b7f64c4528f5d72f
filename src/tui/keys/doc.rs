//! docs/keys.md, made from the keys table: the places grouped under headings, and each
//! place's rows with their help sentences.

use super::{Place, TABLE};

/// The places as docs/keys.md groups them: a heading each, and for groups of several
/// places a line saying when each list applies.
pub const DOC_GROUPS: &[(&str, &[(Place, &str)])] = &[
    ("Everywhere", &[(Place::Everywhere, "")]),
    (
        "Home screen",
        &[
            (Place::Welcome, "Before your first draft"),
            (Place::Home, "With your drafts listed"),
            (
                Place::HomeTyping,
                "Typing a new title, or the path of last year's bundle",
            ),
            (Place::HomeConfirm, "Asked whether to delete a draft"),
        ],
    ),
    (
        "Starting a new self-evaluation",
        &[
            (Place::NewDraft, "Choosing the questionnaire"),
            (Place::NewDraftTitle, "Typing the title"),
        ],
    ),
    (
        "Restoring a backup",
        &[
            (Place::Restore, "Choosing a backup"),
            (Place::RestoreConfirm, "Asked whether to restore it"),
        ],
    ),
    ("Answering questions (not typing)", &[(Place::Question, "")]),
    (
        "Typing in an answer box",
        &[
            (Place::TypingLine, "A one-line box"),
            (Place::TypingLong, "A long answer or evidence box"),
        ],
    ),
    ("List of sections", &[(Place::Sections, "")]),
    (
        "Review",
        &[
            (Place::Review, "The list"),
            (
                Place::ReviewConfirm,
                "Asked whether to export with required answers missing",
            ),
            (Place::ReviewTyping, "Typing the hub's e-mail address"),
        ],
    ),
    (
        "After exporting",
        &[
            (Place::Export, "The bundle written"),
            (Place::ExportTyping, "Typing another folder for bundles"),
        ],
    ),
    ("Help", &[(Place::Help, "")]),
    (
        "The hub desk (music-sef hub)",
        &[
            (Place::DeskTable, "The schools table"),
            (Place::DeskSearch, "Finding a school by name or URN"),
            (Place::DeskSchool, "A school's page"),
            (Place::DeskState, "Changing the review state"),
            (Place::DeskForm, "Filling in the decision"),
        ],
    ),
    (
        "When quitting cannot save",
        &[
            (Place::QuitProblem, "Told why and asked what to do"),
            (Place::QuitConfirm, "Asked whether to quit without saving"),
        ],
    ),
];

/// The keys part of docs/keys.md, made from the table.
pub fn markdown() -> String {
    let mut out = String::new();
    for (heading, places) in DOC_GROUPS {
        out.push_str(&format!("\n## {heading}\n"));
        for (place, when) in *places {
            if !when.is_empty() {
                out.push_str(&format!("\n{when}:\n"));
            }
            out.push_str("\n| key | what it does |\n|---|---|\n");
            for b in TABLE
                .iter()
                .filter(|b| b.applies(*place) && !b.help.is_empty())
            {
                out.push_str(&format!("| {} | {} |\n", b.keys, b.help));
            }
        }
    }
    out
}
