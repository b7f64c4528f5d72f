//! Semantic checks on a parsed questionnaire: everything serde cannot see. Every problem
//! found is reported (not just the first), each with where it is and how to fix it.

mod checklist;
mod checks;
mod choices;
mod conditions;
mod prepare;
mod question;
mod repeat;
mod rules;
mod scoring;

use std::collections::{HashMap, HashSet};

use super::model::{QUESTIONNAIRE_FORMAT, QUESTIONNAIRE_FORMAT_VERSION, Questionnaire};

pub use super::limits::{
    MAX_CONDITION_DEPTH, MAX_LEVELS, MAX_OPTIONS, MAX_QUESTIONS, MAX_SECTIONS, MAX_TEXT,
};
use super::limits::{MAX_ID_LEN, MAX_PREVIOUS_IDS};

/// One problem: where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `section "about" › question "urn"`, `scale "quality"` or `scoring.award`.
    pub location: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Collects problems in file order.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn add(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.into(),
            message: message.into(),
        });
    }

    /// Refuse over-long text and control characters in a one-line field (title, prompt,
    /// label …).
    fn text(&mut self, loc: &str, field: &str, text: &str) {
        self.controls(loc, field, text, false);
        self.length(loc, field, text);
    }

    /// As [`Checker::text`], for a field that may run over several lines (guidance, intro,
    /// description, meanings, hints): line breaks are allowed there.
    fn long_text(&mut self, loc: &str, field: &str, text: &str) {
        self.controls(loc, field, text, true);
        self.length(loc, field, text);
    }

    /// Control characters in a file's text could retitle a window, clear the screen or
    /// write the clipboard wherever the text is printed, and bidi overrides reorder it.
    fn controls(&mut self, loc: &str, field: &str, text: &str, newlines: bool) {
        if let Some((at, c)) = crate::text::first_control(text, newlines) {
            let name = control_name(c);
            let allowed = if newlines {
                "only line breaks are allowed here"
            } else {
                "this must be one line of ordinary text"
            };
            self.add(
                loc,
                format!(
                    "{field} contains a control character ({name}, U+{:04X}) at character {at}: remove it ({allowed})",
                    u32::from(c)
                ),
            );
        }
    }

    /// Refuse over-long text (a pasted book in a prompt is a mistake, and bounds memory).
    fn length(&mut self, loc: &str, field: &str, text: &str) {
        // Byte length first: counting characters of a huge string is the slow part.
        if text.len() > MAX_TEXT {
            let n = text.chars().count();
            if n > MAX_TEXT {
                self.add(
                    loc,
                    format!("{field} is {n} characters long; the most allowed is {MAX_TEXT}. Shorten it."),
                );
            }
        }
    }

    /// Refuse an id that would be awkward in files, CSV columns and messages.
    fn id(&mut self, loc: &str, what: &str, id: &str) {
        if !valid_id(id) {
            self.add(
                loc,
                format!(
                    "the {what} id \"{}\" is not allowed: {ID_RULE}",
                    shorten(id)
                ),
            );
        }
    }
}

/// A control character's name as a hub author would look it up.
fn control_name(c: char) -> &'static str {
    match c {
        '\u{1b}' => "escape",
        '\n' => "line break",
        '\r' => "carriage return",
        '\t' => "tab",
        '\u{7}' => "bell",
        '\u{0}' => "null",
        '\u{7f}' => "delete",
        '\u{80}'..='\u{9f}' => "C1 control",
        c if crate::text::is_bidi_control(c) => "bidi override",
        _ => "control",
    }
}

pub(crate) fn valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

const ID_RULE: &str = "use 1 to 64 letters, digits, '_', '.' or '-' (no spaces)";

/// A bad id may be a whole paragraph; quote only its start.
fn shorten(s: &str) -> String {
    if s.chars().count() <= 70 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(60).collect::<String>())
    }
}

/// Every `{…}` in `text` (an unclosed one runs to the end), for the placeholder checks.
fn braces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let end = after.find('}').map_or(after.len(), |i| i + 1);
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// Check everything the type system cannot. Returns all problems, in file order.
pub fn validate(q: &Questionnaire) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    header(&mut c, q);
    let question_count = q.question_count();
    if q.sections.len() > MAX_SECTIONS || question_count > MAX_QUESTIONS {
        // Past these sizes the file is not a questionnaire anyone can answer; stop here
        // rather than spend time listing thousands of follow-on problems.
        let (count, what, most) = if q.sections.len() > MAX_SECTIONS {
            (q.sections.len(), "sections", MAX_SECTIONS)
        } else {
            (question_count, "questions", MAX_QUESTIONS)
        };
        c.add(
            "sections",
            format!(
                "the file has {count} {what}; the most allowed is {most}. Split it into several questionnaires."
            ),
        );
        return c.problems;
    }
    rules::scales(&mut c, q);
    sections(&mut c, q);
    choices::check(&mut c, q);
    rules::roles(&mut c, q);
    rules::submission(&mut c, q);
    scoring::check(&mut c, q);
    checks::check(&mut c, q);
    checklist::check(&mut c, q);
    repeat::check(&mut c, q);
    prepare::check(&mut c, q);
    c.problems
}

fn header(c: &mut Checker, q: &Questionnaire) {
    if q.format != QUESTIONNAIRE_FORMAT {
        c.add(
            "format",
            format!(
                "\"{}\" is not a music-sef questionnaire format: set \"format\": \"{QUESTIONNAIRE_FORMAT}\"",
                shorten(&q.format)
            ),
        );
    }
    if q.format_version > QUESTIONNAIRE_FORMAT_VERSION {
        c.add(
            "format_version",
            format!(
                "this questionnaire is made for a newer music-sef (format version {}; this program reads up to {QUESTIONNAIRE_FORMAT_VERSION}). Install the latest music-sef, or ask whoever sent the file for a version for this one.",
                q.format_version
            ),
        );
    } else if q.format_version == 0 {
        c.add(
            "format_version",
            format!("format version 0 does not exist: set \"format_version\": {QUESTIONNAIRE_FORMAT_VERSION}"),
        );
    }
    c.id("id", "questionnaire", &q.id);
    c.controls("version", "the version", &q.version, false);
    if q.version.trim().is_empty() || q.version.chars().count() > 64 {
        c.add(
            "version",
            "give the questionnaire a short version such as \"2026.1\" (raise it whenever you change the file)",
        );
    }
    if q.title.trim().is_empty() {
        c.add(
            "title",
            "give the questionnaire a title: teachers choose it by this name",
        );
    }
    c.text("title", "the title", &q.title);
    c.long_text("description", "the description", &q.description);
}

/// Sections and questions in order: ids, then each question, then what its `show_if` reads.
fn sections(c: &mut Checker, q: &Questionnaire) {
    if q.sections.is_empty() {
        c.add(
            "sections",
            "there are no sections: add at least one section with a question",
        );
    }
    // Section and question ids share one namespace so messages and CSV columns never clash.
    let mut seen: HashMap<&str, String> = HashMap::new();
    let all_ids: HashSet<&str> = q.questions().map(|(_, x)| x.id.as_str()).collect();
    let mut earlier = HashSet::new();
    let mut old_ids: HashMap<&str, &str> = HashMap::new();
    for (si, section) in q.sections.iter().enumerate() {
        let sloc = format!("section \"{}\"", shorten(&section.id));
        c.id(&format!("sections[{si}]"), "section", &section.id);
        if let Some(prev) = seen.insert(&section.id, sloc.clone()) {
            c.add(
                &sloc,
                format!(
                    "the id \"{}\" is already used by {prev}: give each section and question its own id",
                    section.id
                ),
            );
        }
        if section.title.trim().is_empty() {
            c.add(&sloc, "the section needs a title");
        }
        c.text(&sloc, "the title", &section.title);
        c.long_text(&sloc, "the intro", &section.intro);
        if section.questions.is_empty() {
            c.add(
                &sloc,
                "the section has no questions: add at least one, or remove the section",
            );
        }
        for question in &section.questions {
            let loc = format!("{sloc} › question \"{}\"", shorten(&question.id));
            c.id(&loc, "question", &question.id);
            if let Some(prev) = seen.insert(&question.id, loc.clone()) {
                c.add(
                    &loc,
                    format!(
                        "the id \"{}\" is already used by {prev}: give each question its own id (answers are stored under it)",
                        question.id
                    ),
                );
            }
            question::check(c, q, question, &loc);
            if let Some(cond) = &question.show_if {
                conditions::check(c, q, question, cond, &earlier, &all_ids, &loc);
            }
            previous_ids(c, question, &all_ids, &mut old_ids, &loc);
            earlier.insert(question.id.as_str());
        }
    }
}

/// Old ids carry answers forward, so each must point at exactly one current question.
fn previous_ids<'a>(
    c: &mut Checker,
    question: &'a super::Question,
    all_ids: &HashSet<&str>,
    old_ids: &mut HashMap<&'a str, &'a str>,
    loc: &str,
) {
    if question.previous_ids.len() > MAX_PREVIOUS_IDS {
        c.add(
            loc,
            format!(
                "previous_ids lists {} ids; the most allowed is {MAX_PREVIOUS_IDS}",
                question.previous_ids.len()
            ),
        );
        return;
    }
    for old in &question.previous_ids {
        c.id(loc, "previous", old);
        if all_ids.contains(old.as_str()) {
            c.add(
                loc,
                format!(
                    "previous_ids lists \"{old}\", which is still the id of a question: an old id must not be used again, so remove it from previous_ids or rename that question"
                ),
            );
        } else if let Some(other) = old_ids.insert(old, &question.id)
            && other != question.id
        {
            c.add(
                loc,
                format!(
                    "previous_ids lists \"{old}\", which question \"{other}\" also lists: an old answer can only move to one question, so keep it on one of them"
                ),
            );
        }
    }
}
