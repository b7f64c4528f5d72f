//! The answers CSV in long form, for the hub's spreadsheet: one row per question (per chosen
//! option for a multiple choice), every row carrying the school's URN and name, the
//! questionnaire and the academic year, so many schools' files concatenate into one sheet.
//! Values are data (numbers bare with the unit beside, choices as ids with their labels
//! beside). UTF-8 with a BOM (so Excel reads accents); cells a spreadsheet would run as a
//! formula are prefixed with `'`. The one-row summary is in `summary_csv`.

use super::Submission;
use crate::answers::display::{evidence, level_label, option_label};
use crate::answers::parse::fmt_num;
use crate::answers::{AnswerValue, is_visible, numbering};
use crate::questionnaire::{Question, QuestionType};

/// The columns, in order (documented in docs/bundle-format.md).
pub const COLUMNS: [&str; 19] = [
    "urn",
    "school",
    "questionnaire",
    "questionnaire_version",
    "academic_year",
    "section",
    "number",
    "question_id",
    "question",
    "type",
    "applies",
    "value",
    "label",
    "unit",
    "evidence",
    "target",
    "target_label",
    "changed_since_previous",
    "required",
];

/// Neutralise formula-looking cells (= + - @ tab CR at the start).
pub fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A question's answer as data: (value, label, unit, evidence, target, target label) per row.
type Values = Vec<[String; 6]>;

fn values(sub: &Submission<'_>, q: &Question, v: Option<&AnswerValue>) -> Values {
    let qn = sub.qn;
    let empty = || vec![Default::default()];
    let Some(v) = v.filter(|v| v.is_answered()) else {
        // Evidence typed before a level was chosen still belongs to the school's answer.
        let ev = v.and_then(evidence).unwrap_or_default().to_string();
        return vec![[
            String::new(),
            String::new(),
            unit(q),
            ev,
            String::new(),
            String::new(),
        ]];
    };
    let one = |value: String, label: String| {
        vec![[
            value,
            label,
            unit(q),
            String::new(),
            String::new(),
            String::new(),
        ]]
    };
    match v {
        AnswerValue::Bool(b) => one(
            if *b { "yes" } else { "no" }.into(),
            if *b { "Yes" } else { "No" }.into(),
        ),
        AnswerValue::Number(n) => one(
            n.as_f64().map_or_else(|| n.to_string(), fmt_num),
            String::new(),
        ),
        AnswerValue::Text(t) if q.kind == QuestionType::SingleChoice => {
            one(t.clone(), option_label(q, t))
        }
        AnswerValue::Text(t) => one(t.clone(), String::new()),
        AnswerValue::List(ids) if ids.is_empty() => empty(),
        AnswerValue::List(ids) => ids
            .iter()
            .flat_map(|id| one(id.clone(), option_label(q, id)))
            .collect(),
        AnswerValue::Level(l) => {
            let level = l.level.clone().unwrap_or_default();
            let target = l.target.clone().unwrap_or_default();
            vec![[
                level.clone(),
                level_label(qn, q, &level),
                String::new(),
                evidence(v).unwrap_or_default().to_string(),
                target.clone(),
                if target.is_empty() {
                    String::new()
                } else {
                    level_label(qn, q, &target)
                },
            ]]
        }
    }
}

fn unit(q: &Question) -> String {
    q.unit.clone().unwrap_or_default()
}

/// The CSV bytes.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(sub: &Submission<'_>) -> Result<Vec<u8>, csv::Error> {
    let (qn, draft) = (sub.qn, sub.draft);
    let mut w = csv::WriterBuilder::new().from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record(COLUMNS)?;
    let f = &sub.facts;
    let school = [
        f.urn.clone().unwrap_or_default(),
        f.school.clone().unwrap_or_default(),
        qn.id.clone(),
        qn.version.clone(),
        f.academic_year.clone().unwrap_or_default(),
    ];
    let carried = draft.carried_over.is_some();
    for (si, section) in qn.sections.iter().enumerate() {
        for (qi, q) in section.questions.iter().enumerate() {
            let applies = is_visible(q, &draft.answers);
            // A hidden question's old answer is kept in the draft, not sent as an answer.
            let rows = if applies {
                values(sub, q, draft.answers.get(&q.id))
            } else {
                vec![Default::default()]
            };
            let changed = match (carried, sub.changes.ids.contains(&q.id)) {
                (false, _) => "",
                (true, true) => "yes",
                (true, false) => "no",
            };
            let about = [
                section.title.clone(),
                numbering::number(si, qi),
                q.id.clone(),
                q.prompt.clone(),
                q.kind.name().to_string(),
                if applies { "yes" } else { "no" }.to_string(),
            ];
            for r in rows {
                let record = school
                    .iter()
                    .chain(&about)
                    .chain(&r)
                    .map(|c| cell(c))
                    .chain([changed.to_string(), required(q).to_string()]);
                w.write_record(record.collect::<Vec<_>>())?;
            }
        }
    }
    orphaned(sub, &school, &mut w)?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn required(q: &Question) -> &'static str {
    match q.required {
        crate::questionnaire::Requirement::Required => "required",
        crate::questionnaire::Requirement::Recommended => "recommended",
        crate::questionnaire::Requirement::Optional => "optional",
    }
}

/// Answers to questions no longer asked come last, under the section "(no longer asked)".
fn orphaned(
    sub: &Submission<'_>,
    school: &[String; 5],
    w: &mut csv::Writer<Vec<u8>>,
) -> Result<(), csv::Error> {
    for (id, o) in &sub.draft.orphaned_answers {
        let shown = match &o.value {
            AnswerValue::Text(t) => t.clone(),
            other => other.to_json().to_string(),
        };
        let mut record: Vec<String> = school.iter().map(|c| cell(c)).collect();
        record.extend([
            "(no longer asked)".to_string(),
            String::new(),
            cell(id),
            cell(o.prompt.as_deref().unwrap_or("")),
            String::new(),
            "no".to_string(),
            cell(&shown),
        ]);
        record.resize(COLUMNS.len(), String::new());
        w.write_record(record)?;
    }
    Ok(())
}
