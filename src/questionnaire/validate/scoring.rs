//! Checks on `scoring`: section summaries name a scale their ratings use, with bands in
//! range; the award rule names a criterion scale, a method with what it needs, and a short
//! note.

use super::{Checker, rules::scale_names, shorten};
use crate::questionnaire::limits::MAX_AWARD_NOTE;
use crate::questionnaire::{
    AWARD_PERCENT_RANGE, AwardMethod, AwardRule, QuestionType, Questionnaire, SectionSummaries,
};

pub(super) fn check(c: &mut Checker, q: &Questionnaire) {
    let Some(s) = &q.scoring else {
        return;
    };
    if let Some(sum) = &s.section_summaries {
        summaries(c, q, sum);
    }
    if let Some(a) = &s.award {
        award(c, q, a);
    }
}

fn unknown(q: &Questionnaire, id: &str) -> String {
    format!(
        "the scale \"{}\" is not defined: use one of: {}",
        shorten(id),
        scale_names(q)
    )
}

/// Whether a question of one of `kinds` uses `scale`. While a question names an unknown
/// scale (reported already), "no question uses this scale" would only be a follow-on of that
/// typo, so then this says yes.
fn used_by(q: &Questionnaire, scale: &str, kinds: &[QuestionType]) -> bool {
    let scales_known = q.questions().all(|(_, x)| {
        !x.kind.uses_scale() || x.scale.as_deref().is_some_and(|s| q.scale(s).is_some())
    });
    !scales_known
        || q.questions()
            .any(|(_, x)| kinds.contains(&x.kind) && x.scale.as_deref() == Some(scale))
}

fn summaries(c: &mut Checker, q: &Questionnaire, sum: &SectionSummaries) {
    let loc = "scoring.section_summaries";
    let Some(scale) = q.scale(&sum.scale) else {
        c.add(loc, unknown(q, &sum.scale));
        return;
    };
    if !used_by(q, &scale.id, &[QuestionType::Rating]) {
        c.add(loc, format!("no rating question uses the scale \"{}\", so there is nothing to summarise: use a scale your rating questions use", scale.id));
    }
    #[allow(clippy::cast_precision_loss)]
    let top = scale.levels.len() as f64;
    for b in &sum.bands {
        if b.label.trim().is_empty() {
            c.add(loc, "every band needs a label, e.g. \"Strong\"");
        }
        c.text(loc, "a band label", &b.label);
        if !(1.0..=top).contains(&b.from) {
            c.add(loc, format!("the band \"{}\" starts at {}, but a section's mean is between 1 (the lowest level) and {top} (the highest): choose a \"from\" in that range", shorten(&b.label), b.from));
        }
    }
}

fn award(c: &mut Checker, q: &Questionnaire, a: &AwardRule) {
    let loc = "scoring.award";
    if a.title.trim().is_empty() {
        c.add(
            loc,
            "give the award a title, e.g. \"Indicative award\": it heads the report's summary",
        );
    }
    c.text(loc, "the title", &a.title);
    method(c, a, loc);
    if let Some(note) = &a.note {
        let n = note.chars().count();
        if note.trim().is_empty() {
            c.add(loc, "the note is empty: write a sentence to show with the award (for example that it is indicative and who decides), or remove \"note\"");
        } else if n > MAX_AWARD_NOTE {
            c.add(loc, format!("the note is {n} characters long; it is shown beside the award, so keep it to one or two sentences of at most {MAX_AWARD_NOTE} characters (longer explanations belong in a section's intro)"));
        }
    }
    let Some(scale) = q.scale(&a.scale) else {
        c.add(loc, unknown(q, &a.scale));
        return;
    };
    for l in &a.no_award_levels {
        if scale.rank(l).is_none() {
            c.add(
                loc,
                format!(
                    "no_award_levels lists \"{}\", which is not a level of the scale \"{}\"",
                    shorten(l),
                    scale.id
                ),
            );
        }
    }
    if !used_by(
        q,
        &scale.id,
        &[QuestionType::Criterion, QuestionType::Rating],
    ) {
        c.add(loc, format!("no criterion uses the scale \"{}\", so no award can be worked out: give your criterion questions \"scale\": \"{}\"", scale.id, scale.id));
    }
    if scale.not_applicable {
        c.add(loc, format!("the award's scale \"{}\" offers \"not applicable\", but every criterion must reach a level for an award: remove \"not_applicable\": true from that scale", scale.id));
    }
}

/// `percent` belongs to `highest_level_most_reach`, which cannot do without it.
fn method(c: &mut Checker, a: &AwardRule, loc: &str) {
    let (low, high) = (AWARD_PERCENT_RANGE.start(), AWARD_PERCENT_RANGE.end());
    match (a.method, a.percent) {
        (AwardMethod::HighestLevelAllReach, Some(_)) => c.add(
            loc,
            "\"percent\" only applies to \"method\": \"highest_level_most_reach\": remove it, or set that method",
        ),
        (AwardMethod::HighestLevelMostReach, None) => c.add(
            loc,
            format!("the method highest_level_most_reach needs \"percent\": the share of criteria ({low} to {high}) that must reach a level for it to be the award, e.g. \"percent\": 80"),
        ),
        (AwardMethod::HighestLevelMostReach, Some(p)) if !AWARD_PERCENT_RANGE.contains(&p) => {
            c.add(
                loc,
                format!("\"percent\" is {p}, but it must be from {low} to {high} (the share of criteria that must reach a level): for example 80"),
            );
        }
        _ => {}
    }
}
