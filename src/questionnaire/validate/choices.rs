//! Checks on the option flags of choice questions: `exclusive` ("No support needed") only on
//! multi_choice and never on every option, and `follow_up` ("Something else") naming a text
//! question later in the same section that is shown whenever the option is chosen, so a
//! teacher who ticks it always gets a box to say what.

use super::{Checker, shorten};
use crate::questionnaire::{
    ChoiceOption, Condition, Question, QuestionType, Questionnaire, Section,
};

pub(super) fn check(c: &mut Checker, qn: &Questionnaire) {
    for section in &qn.sections {
        for (at, q) in section.questions.iter().enumerate() {
            if !q.kind.has_options() {
                // Options on other types are reported as misplaced fields already.
                continue;
            }
            let loc = format!(
                "section \"{}\" › question \"{}\"",
                shorten(&section.id),
                shorten(&q.id)
            );
            exclusive(c, q, &loc);
            for o in &q.options {
                if let Some(f) = &o.follow_up {
                    let oloc = format!("{loc} › option \"{}\"", shorten(&o.id));
                    follow_up(c, qn, (section, at), o, f, &oloc);
                }
            }
        }
    }
}

fn exclusive(c: &mut Checker, q: &Question, loc: &str) {
    if q.kind == QuestionType::SingleChoice {
        for o in q.options.iter().filter(|o| o.exclusive) {
            c.add(
                format!("{loc} › option \"{}\"", shorten(&o.id)),
                "\"exclusive\" only belongs on the options of a multi_choice question (a single_choice answer is always one option): remove it",
            );
        }
    } else if q.options.len() > 1 && q.options.iter().all(|o| o.exclusive) {
        c.add(
            loc,
            "every option is \"exclusive\", so only one could ever be ticked: make it a single_choice question, or remove \"exclusive\" from the options that can go together",
        );
    }
}

/// The follow-up `f` of option `o` of the question at `at` in `section`.
fn follow_up(
    c: &mut Checker,
    qn: &Questionnaire,
    (section, at): (&Section, usize),
    o: &ChoiceOption,
    f: &str,
    loc: &str,
) {
    let q = &section.questions[at];
    let label = shorten(&o.label);
    let Some(pos) = section.questions.iter().position(|x| x.id == f) else {
        let fix = if qn.question(f).is_some() {
            "is in another section: move it just after this question, so it is asked straight after the choice"
        } else {
            "is not a question: add a text question with that id just after this one, or check the spelling"
        };
        c.add(loc, format!("the follow-up \"{}\" {fix}", shorten(f)));
        return;
    };
    let fq = &section.questions[pos];
    if pos <= at {
        let what = if pos == at {
            "is the question itself"
        } else {
            "comes before this question"
        };
        c.add(
            loc,
            format!("the follow-up \"{f}\" {what}: name a text question that comes after it and asks what \"{label}\" means"),
        );
        return;
    }
    if !matches!(fq.kind, QuestionType::Text | QuestionType::LongText) {
        c.add(
            loc,
            format!(
                "the follow-up \"{f}\" is a {} question: make it \"type\": \"text\" (or long_text), so the teacher can say in words what \"{label}\" means",
                fq.kind.name()
            ),
        );
    }
    if !fq
        .show_if
        .as_ref()
        .is_some_and(|s| shown_when_chosen(s, q, &o.id))
    {
        c.add(
            loc,
            format!(
                "the follow-up \"{f}\" must be shown whenever \"{label}\" is chosen: give it \"show_if\": {}",
                wanted_condition(q, &o.id)
            ),
        );
    }
}

/// The condition a follow-up should have: the option chosen, and whatever shows the question.
fn wanted_condition(q: &Question, option: &str) -> String {
    let picked = Condition::Equals {
        question: q.id.clone(),
        value: option.into(),
    };
    let wanted = match &q.show_if {
        None => picked,
        Some(own) => Condition::All(vec![own.clone(), picked]),
    };
    serde_json::to_string(&wanted).unwrap_or_default()
}

/// Whether `cond` holds exactly when `option` of `q` is chosen and `q` itself is shown: an
/// `equals` or `one_of` on the option, alone or in an `all` with `q`'s own conditions (so a
/// follow-up never shows under a question that is hidden but still holds an old answer).
fn shown_when_chosen(cond: &Condition, q: &Question, option: &str) -> bool {
    let picks = |c: &Condition| match c {
        Condition::Equals { question, value } => {
            *question == q.id && value.as_str() == Some(option)
        }
        Condition::OneOf { question, values } => {
            *question == q.id && values.iter().any(|v| v.as_str() == Some(option))
        }
        _ => false,
    };
    let (chosen, rest): (Vec<&Condition>, Vec<&Condition>) = match cond {
        Condition::All(list) => list.iter().partition(|c| picks(c)),
        single => (
            vec![single].into_iter().filter(|c| picks(c)).collect(),
            Vec::new(),
        ),
    };
    if chosen.is_empty() {
        return false;
    }
    match &q.show_if {
        None => rest.is_empty(),
        Some(own) => {
            let parts: Vec<&Condition> = match own {
                Condition::All(list) => list.iter().collect(),
                other => vec![other],
            };
            rest == [own] || (rest.len() == parts.len() && parts.iter().all(|p| rest.contains(p)))
        }
    }
}
