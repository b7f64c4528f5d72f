//! Semantic checks on a parsed questionnaire. Every problem found is reported (not just the
//! first), each with where it is and how to fix it.

use std::collections::{HashMap, HashSet};

use super::model::{
    QUESTIONNAIRE_FORMAT, QUESTIONNAIRE_FORMAT_VERSION, Question, QuestionType, Questionnaire, Role,
};

/// Limits that keep a hostile or broken file from exhausting memory or time.
pub const MAX_SECTIONS: usize = 500;
pub const MAX_QUESTIONS: usize = 20_000;
pub const MAX_OPTIONS: usize = 200;
pub const MAX_LEVELS: usize = 20;
pub const MAX_TEXT: usize = 20_000;
pub const MAX_CONDITION_DEPTH: usize = 8;

/// One problem: where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `section "about" › question "urn"`, or `scales[1]`.
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

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
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

const ID_FIX: &str = "use 1 to 64 letters, digits, '_', '.' or '-'";

/// Check everything the type system cannot. Returns all problems, in file order.
pub fn validate(q: &Questionnaire) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    header(&mut c, q);
    scales(&mut c, q);
    let question_count: usize = q.sections.iter().map(|s| s.questions.len()).sum();
    if q.sections.len() > MAX_SECTIONS || question_count > MAX_QUESTIONS {
        c.add(
            "sections",
            format!(
                "the file has {} sections and {question_count} questions; the most allowed are {MAX_SECTIONS} sections and {MAX_QUESTIONS} questions. Split it into several questionnaires.",
                q.sections.len()
            ),
        );
        return c.problems;
    }
    if q.sections.is_empty() {
        c.add(
            "sections",
            "there are no sections: add at least one section with a question",
        );
    }
    let mut seen_ids: HashMap<&str, String> = HashMap::new();
    let mut earlier: HashSet<&str> = HashSet::new();
    let all_ids: HashSet<&str> = q.questions().map(|(_, x)| x.id.as_str()).collect();
    let mut roles: HashMap<Role, &str> = HashMap::new();
    for (si, section) in q.sections.iter().enumerate() {
        let sloc = format!("section \"{}\"", section.id);
        if !valid_id(&section.id) {
            c.add(
                format!("sections[{si}]"),
                format!("the section id \"{}\" is not allowed: {ID_FIX}", section.id),
            );
        }
        if let Some(prev) = seen_ids.insert(&section.id, sloc.clone()) {
            c.add(&sloc, format!("the id \"{}\" is already used by {prev}: give each section and question its own id", section.id));
        }
        long_text(&mut c, &sloc, "title", &section.title);
        long_text(&mut c, &sloc, "intro", &section.intro);
        if section.questions.is_empty() {
            c.add(
                &sloc,
                "the section has no questions: add one or remove the section",
            );
        }
        for question in &section.questions {
            let loc = format!("{sloc} › question \"{}\"", question.id);
            if !valid_id(&question.id) {
                c.add(&loc, format!("the question id is not allowed: {ID_FIX}"));
            }
            if let Some(prev) = seen_ids.insert(&question.id, loc.clone()) {
                c.add(&loc, format!("the id \"{}\" is already used by {prev}: give each question its own id (answers are stored under it)", question.id));
            }
            one_question(&mut c, q, question, &loc);
            if let Some(cond) = &question.show_if {
                if cond.depth() > MAX_CONDITION_DEPTH {
                    c.add(&loc, format!("show_if is nested {} deep; the most allowed is {MAX_CONDITION_DEPTH}. Simplify the condition.", cond.depth()));
                }
                for r in cond.referenced_ids() {
                    if r == question.id {
                        c.add(&loc, "show_if refers to the question itself: a condition can only look at earlier questions");
                    } else if !all_ids.contains(r) {
                        c.add(&loc, format!("show_if refers to \"{r}\", which is not a question in this file: check the spelling of the id"));
                    } else if !earlier.contains(r) {
                        c.add(&loc, format!("show_if refers to \"{r}\", which comes later: a condition can only look at earlier questions, so move \"{r}\" before this one"));
                    }
                }
            }
            if let Some(role) = question.role
                && !role.repeatable()
                && let Some(prev) = roles.insert(role, &question.id)
            {
                c.add(&loc, format!("the role {} is already given to question \"{prev}\": only strength, priority and discussion_topic may be used more than once", role.name()));
            }
            earlier.insert(&question.id);
            for old in &question.previous_ids {
                if all_ids.contains(old.as_str()) {
                    c.add(&loc, format!("previous_ids lists \"{old}\", which is still a question's id: an old id must not be reused"));
                }
            }
        }
    }
    submission(&mut c, q);
    scoring(&mut c, q);
    c.problems
}

fn header(c: &mut Checker, q: &Questionnaire) {
    if q.format != QUESTIONNAIRE_FORMAT {
        c.add("format", format!("\"{}\" is not a music-sef questionnaire format: set \"format\": \"{QUESTIONNAIRE_FORMAT}\"", q.format));
    }
    if q.format_version > QUESTIONNAIRE_FORMAT_VERSION {
        c.add("format_version", format!("this questionnaire is made for a newer music-sef (format version {}; this program reads up to {QUESTIONNAIRE_FORMAT_VERSION}). Update music-sef.", q.format_version));
    } else if q.format_version == 0 {
        c.add(
            "format_version",
            format!("set \"format_version\": {QUESTIONNAIRE_FORMAT_VERSION}"),
        );
    }
    if !valid_id(&q.id) {
        c.add(
            "id",
            format!("the questionnaire id \"{}\" is not allowed: {ID_FIX}", q.id),
        );
    }
    if q.version.trim().is_empty() || q.version.len() > 64 {
        c.add(
            "version",
            "give the questionnaire a short version such as \"2026.1\"",
        );
    }
    if q.title.trim().is_empty() {
        c.add("title", "give the questionnaire a title");
    }
    long_text(c, "questionnaire", "title", &q.title);
    long_text(c, "questionnaire", "description", &q.description);
}

fn long_text(c: &mut Checker, loc: &str, field: &str, text: &str) {
    let n = text.chars().count();
    if n > MAX_TEXT {
        c.add(
            loc,
            format!("{field} is {n} characters long; the most allowed is {MAX_TEXT}. Shorten it."),
        );
    }
}

fn scales(c: &mut Checker, q: &Questionnaire) {
    let mut seen = HashSet::new();
    for (i, s) in q.scales.iter().enumerate() {
        let loc = format!("scale \"{}\"", s.id);
        if !valid_id(&s.id) {
            c.add(
                format!("scales[{i}]"),
                format!("the scale id is not allowed: {ID_FIX}"),
            );
        }
        if !seen.insert(s.id.as_str()) {
            c.add(
                &loc,
                "another scale has the same id: give each scale its own id",
            );
        }
        if s.levels.len() < 2 || s.levels.len() > MAX_LEVELS {
            c.add(
                &loc,
                format!(
                    "a scale needs from 2 to {MAX_LEVELS} levels; this one has {}",
                    s.levels.len()
                ),
            );
        }
        let mut lv = HashSet::new();
        for l in &s.levels {
            if !valid_id(&l.id) || l.id == super::NOT_APPLICABLE {
                c.add(&loc, format!("the level id \"{}\" is not allowed: {ID_FIX} (and not \"not_applicable\", which is set with \"not_applicable\": true)", l.id));
            }
            if !lv.insert(l.id.as_str()) {
                c.add(&loc, format!("the level id \"{}\" appears twice", l.id));
            }
            if l.label.trim().is_empty() {
                c.add(&loc, format!("the level \"{}\" needs a label", l.id));
            }
        }
    }
}

fn one_question(c: &mut Checker, qn: &Questionnaire, q: &Question, loc: &str) {
    use QuestionType as T;
    if q.prompt.trim().is_empty() {
        c.add(
            loc,
            "the question has no prompt: write the question the teacher should answer",
        );
    }
    long_text(c, loc, "prompt", &q.prompt);
    if let Some(g) = &q.guidance {
        long_text(c, loc, "guidance", g);
    }
    let kind = q.kind.name();
    let wrong = |c: &mut Checker, field: &str, belongs: &str| {
        c.add(loc, format!("\"{field}\" does not belong on a {kind} question (it is for {belongs}): remove it or change the type"));
    };
    if !q.kind.has_options() && !q.options.is_empty() {
        wrong(c, "options", "single_choice and multi_choice");
    }
    if q.kind != T::Number {
        for (f, present) in [
            ("min", q.min.is_some()),
            ("max", q.max.is_some()),
            ("integer", q.integer),
            ("unit", q.unit.is_some()),
        ] {
            if present {
                wrong(c, f, "number");
            }
        }
    }
    if !q.kind.uses_scale() {
        if q.scale.is_some() {
            wrong(c, "scale", "rating and criterion");
        }
        if q.evidence.is_some() {
            wrong(c, "evidence", "rating and criterion");
        }
    }
    if q.kind != T::Criterion {
        if !q.descriptors.is_empty() {
            wrong(c, "descriptors", "criterion");
        }
        if q.target.is_some() {
            wrong(c, "target", "criterion");
        }
    }
    if q.max_length.is_some() && !matches!(q.kind, T::Text | T::LongText) {
        wrong(c, "max_length", "text and long_text");
    }
    if q.kind.has_options() {
        if q.options.is_empty() {
            c.add(loc, "a choice question needs options: add at least two {\"id\": .., \"label\": ..} entries");
        }
        if q.options.len() > MAX_OPTIONS {
            c.add(
                loc,
                format!(
                    "{} options is too many; the most allowed is {MAX_OPTIONS}",
                    q.options.len()
                ),
            );
        }
        let mut seen = HashSet::new();
        for o in &q.options {
            if !valid_id(&o.id) {
                c.add(
                    loc,
                    format!("the option id \"{}\" is not allowed: {ID_FIX}", o.id),
                );
            }
            if !seen.insert(o.id.as_str()) {
                c.add(
                    loc,
                    format!(
                        "the option id \"{}\" appears twice: give each option its own id",
                        o.id
                    ),
                );
            }
            if o.label.trim().is_empty() {
                c.add(loc, format!("the option \"{}\" needs a label", o.id));
            }
        }
    }
    if let (Some(min), Some(max)) = (q.min, q.max)
        && min > max
    {
        c.add(
            loc,
            format!("min ({min}) is larger than max ({max}): swap them"),
        );
    }
    if q.kind.uses_scale() {
        match q.scale.as_deref() {
            None => c.add(
                loc,
                format!(
                    "a {kind} question needs \"scale\": the id of one of the scales in \"scales\""
                ),
            ),
            Some(id) => match qn.scale(id) {
                None => c.add(
                    loc,
                    format!(
                        "the scale \"{id}\" is not defined: add it to \"scales\" or use one of: {}",
                        scale_names(qn)
                    ),
                ),
                Some(scale) if q.kind == T::Criterion => {
                    let exempt: Vec<&str> = qn
                        .scoring
                        .as_ref()
                        .and_then(|s| s.award.as_ref())
                        .map(|a| a.no_award_levels.iter().map(String::as_str).collect())
                        .unwrap_or_default();
                    for l in &scale.levels {
                        if !exempt.contains(&l.id.as_str()) && !q.descriptors.contains_key(&l.id) {
                            c.add(loc, format!("the criterion has no descriptor for the level \"{}\": add \"descriptors\": {{\"{}\": \"what this level looks like\"}}", l.id, l.id));
                        }
                    }
                    for (k, v) in &q.descriptors {
                        if scale.rank(k).is_none() {
                            c.add(
                                loc,
                                format!(
                                    "the descriptor \"{k}\" is not a level of the scale \"{}\"",
                                    scale.id
                                ),
                            );
                        }
                        long_text(c, loc, "descriptor", v);
                    }
                }
                Some(_) => {}
            },
        }
    }
}

fn scale_names(q: &Questionnaire) -> String {
    if q.scales.is_empty() {
        return "(none yet)".to_string();
    }
    q.scales
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn submission(c: &mut Checker, q: &Questionnaire) {
    let Some(sub) = &q.submission else {
        return;
    };
    if sub.hub_name.trim().is_empty() {
        c.add(
            "submission",
            "give \"hub_name\", e.g. \"your local music hub\"",
        );
    }
    if let Some(email) = &sub.hub_email
        && crate::answers::parse::parse_email(email).is_err()
    {
        c.add(
            "submission.hub_email",
            format!("\"{email}\" is not an e-mail address"),
        );
    }
    let plan: Vec<&Question> = q.with_role(Role::DevelopmentPlanUrl).collect();
    match plan.as_slice() {
        [] => c.add("submission", "a questionnaire meant for submission must ask for the school's music development plan link: add a question with \"type\": \"url\" and \"role\": \"development_plan_url\""),
        [p, ..] if p.kind != QuestionType::Url => c.add(format!("question \"{}\"", p.id), "the development_plan_url question must have \"type\": \"url\""),
        _ => {}
    }
}

fn scoring(c: &mut Checker, q: &Questionnaire) {
    let Some(s) = &q.scoring else {
        return;
    };
    if let Some(sum) = &s.section_summaries
        && q.scale(&sum.scale).is_none()
    {
        c.add(
            "scoring.section_summaries",
            format!(
                "the scale \"{}\" is not defined; use one of: {}",
                sum.scale,
                scale_names(q)
            ),
        );
    }
    if let Some(a) = &s.award {
        match q.scale(&a.scale) {
            None => c.add(
                "scoring.award",
                format!(
                    "the scale \"{}\" is not defined; use one of: {}",
                    a.scale,
                    scale_names(q)
                ),
            ),
            Some(scale) => {
                for l in &a.no_award_levels {
                    if scale.rank(l).is_none() {
                        c.add(
                            "scoring.award",
                            format!(
                                "no_award_levels lists \"{l}\", which is not a level of \"{}\"",
                                scale.id
                            ),
                        );
                    }
                }
            }
        }
    }
}
