//! Re-assessment: a new draft from an earlier draft or submission, with every answer
//! carried over and marked "from <date> — confirm or change".

pub mod feedback_file;
pub mod feedback_match;
pub mod reader;

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Local, Utc};

use crate::answers::{Answers, check::check_value};
use crate::draft::{CarriedOver, Draft, QuestionnaireRef};
use crate::feedback::Agreed;
use crate::paths::DataDirs;
use crate::questionnaire::{Questionnaire, Registry, Role};
use crate::store::Store;

/// Where carried answers come from.
pub struct Source {
    pub title: String,
    pub date: DateTime<Utc>,
    pub questionnaire_id: String,
    pub answers: Answers,
    /// The priorities the hub agreed on it, when its feedback has been imported here: the
    /// new draft looks back on them.
    pub agreed: Option<Agreed>,
}

/// What happened, for the message after import.
#[derive(Debug, Default)]
pub struct Carried {
    pub carried: usize,
    pub kept_aside: Vec<String>,
}

/// Copy `src`'s answers into `draft` for `qn`: through `previous_ids`, checked against each
/// question; anything that does not fit is kept aside, never dropped.
pub fn carry(draft: &mut Draft, qn: &Questionnaire, src: &Source) -> Carried {
    let mut used = BTreeSet::new();
    let mut unknown = Answers::new();
    let mut out = Carried::default();
    for (_, q) in qn.questions() {
        let found = std::iter::once(&q.id)
            .chain(q.previous_ids.iter())
            .find_map(|id| src.answers.get(id).map(|v| (id.clone(), v.clone())));
        if let Some((from_id, v)) = found {
            used.insert(from_id.clone());
            if v.is_answered() && check_value(qn, q, &v).is_ok() {
                draft.answers.insert(q.id.clone(), v);
                out.carried += 1;
            } else {
                unknown.insert(from_id, v);
            }
        }
    }
    for (id, v) in &src.answers {
        if !used.contains(id) {
            unknown.insert(id.clone(), v.clone());
        }
    }
    out.kept_aside = unknown.keys().cloned().collect();
    draft.carried_over = Some(CarriedOver {
        from_title: src.title.clone(),
        from_date: src.date,
        previous_answers: src.answers.clone(),
        unconfirmed: draft.answers.keys().cloned().collect(),
        unknown_answers: unknown,
    });
    out
}

fn source_from(spec: &str, dirs: &DataDirs) -> anyhow::Result<Source> {
    let path = Path::new(spec);
    if !path.exists() {
        let store = Store::new(dirs);
        let id = store
            .resolve(spec)
            .with_context(|| format!("\"{spec}\" is neither a file nor one of your drafts"))?;
        let d = store.load(id)?;
        return Ok(Source {
            agreed: d.agreed_by_hub(|_| true),
            title: d.title,
            date: d.updated_at,
            questionnaire_id: d.questionnaire.id,
            answers: d.answers,
        });
    }
    let s = reader::read(path)?;
    // The feedback is kept on the draft that exported the submission, not in the bundle.
    let answers = |f: &crate::feedback::FeedbackFile| {
        f.answers.generated_at == s.generated_at && f.answers.questionnaire_id == s.questionnaire.id
    };
    let agreed = Store::new(dirs).list().into_iter().find_map(|l| match l {
        crate::store::Listing::Ok(d) => d.agreed_by_hub(answers),
        crate::store::Listing::Damaged { .. } => None,
    });
    Ok(Source {
        title: s.title,
        date: s.generated_at,
        questionnaire_id: s.questionnaire.id,
        answers: s.answers,
        agreed,
    })
}

/// Create and save a new draft carried over from `spec` (a draft, an export folder, its
/// zip or a submission.json). Prints nothing; see `import_report` for the summary.
///
/// # Errors
/// The source is unreadable or refused, or its questionnaire is unknown.
pub fn start_from(
    spec: &str,
    dirs: &DataDirs,
    questionnaire: Option<&str>,
    title: Option<&str>,
) -> anyhow::Result<Draft> {
    start_from_with_report(spec, dirs, questionnaire, title).map(|(d, _)| d)
}

/// As [`start_from`], also saying what was carried and what was kept aside.
///
/// # Errors
/// As [`start_from`].
pub fn start_from_with_report(
    spec: &str,
    dirs: &DataDirs,
    questionnaire: Option<&str>,
    title: Option<&str>,
) -> anyhow::Result<(Draft, Carried)> {
    let src = source_from(spec, dirs)?;
    let reg = Registry::discover(dirs);
    let entry = reg.find(questionnaire.unwrap_or(&src.questionnaire_id)).with_context(|| {
        format!("the earlier submission used the questionnaire \"{}\"; choose one with --questionnaire", src.questionnaire_id)
    })?;
    // A section repeated for each priority is made before the answers are carried into it.
    let qn = entry.for_agreed(src.agreed.as_ref());
    let mut draft = Draft::new(String::new(), QuestionnaireRef::of(&qn));
    draft.agreed.clone_from(&src.agreed);
    let report = carry(&mut draft, &qn, &src);
    let school = qn
        .with_role(Role::SchoolName)
        .next()
        .and_then(|q| draft.answers.get(&q.id))
        .and_then(|v| v.as_text().map(str::to_string));
    draft.title = title
        .map(str::to_string)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            Draft::suggest_title(
                school.as_deref(),
                &qn.title,
                None,
                Local::now().date_naive(),
            )
        });
    Store::new(dirs).save(&draft)?;
    Ok((draft, report))
}
