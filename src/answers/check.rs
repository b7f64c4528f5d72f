//! Checking a stored value against its question: the right shape, a known option or level,
//! a number in range. Used when loading drafts and imports, so bad data is reported, not
//! silently shown.

use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire};

use super::{AnswerValue, parse};

/// Why a stored value does not fit its question, in words for the teacher.
///
/// # Errors
/// The first problem found.
pub fn check_value(qn: &Questionnaire, q: &Question, v: &AnswerValue) -> Result<(), String> {
    use AnswerValue as A;
    use QuestionType as T;
    match (q.kind, v) {
        (T::Text | T::LongText, A::Text(_)) | (T::YesNo, A::Bool(_)) => Ok(()),
        (T::Number, A::Number(n)) => {
            let x = n.as_f64().ok_or("not a usable number")?;
            parse::parse_typed(q, &parse::fmt_num(x)).map(|_| ())
        }
        (T::Date, A::Text(s)) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(|_| ())
            .map_err(|_| format!("\"{s}\" is not a date written as YYYY-MM-DD")),
        (T::Url, A::Text(s)) => parse::parse_url(s).map(|_| ()),
        (T::Email, A::Text(s)) => parse::parse_email(s).map(|_| ()),
        (T::SingleChoice, A::Text(s)) => known_option(q, s),
        (T::MultiChoice, A::List(list)) => list.iter().try_for_each(|s| known_option(q, s)),
        (T::Rating | T::Criterion, A::Level(l)) => {
            let scale = qn
                .scale_of(q)
                .ok_or_else(|| format!("the question's scale {:?} is missing", q.scale))?;
            for id in l.level.iter().chain(l.target.iter()) {
                let na_ok = id == NOT_APPLICABLE && scale.not_applicable;
                if scale.rank(id).is_none() && !na_ok {
                    return Err(format!(
                        "\"{id}\" is not a level of the scale \"{}\"",
                        scale.id
                    ));
                }
            }
            Ok(())
        }
        (kind, _) => Err(format!(
            "the answer is not the kind a {} question takes",
            kind.name()
        )),
    }
}

fn known_option(q: &Question, id: &str) -> Result<(), String> {
    if q.option(id).is_some() {
        Ok(())
    } else {
        Err(format!("\"{id}\" is not one of this question's options"))
    }
}
