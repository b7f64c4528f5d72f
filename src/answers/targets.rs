//! Which levels a criterion's target can be: a level of the award scale (not one of the
//! award rule's "no award" levels such as "Not yet") above the level chosen now. The
//! full-screen view and plain mode offer the same targets.

use crate::questionnaire::{Question, Questionnaire};

/// Every level that can be a target: the scale's, less the award rule's "no award" levels.
pub fn pool(qn: &Questionnaire, q: &Question) -> Vec<String> {
    let Some(scale) = qn.scale_of(q) else {
        return Vec::new();
    };
    let no_award: Vec<String> = qn
        .scoring
        .as_ref()
        .and_then(|s| s.award.as_ref())
        .filter(|a| a.scale == scale.id)
        .map(|a| a.no_award_levels.clone())
        .unwrap_or_default();
    scale
        .levels
        .iter()
        .map(|l| l.id.clone())
        .filter(|id| !no_award.contains(id))
        .collect()
}

/// The levels of `pool` above `current` in `order` (all of them when no level is chosen).
pub fn above(order: &[String], pool: &[String], current: Option<&str>) -> Vec<String> {
    let rank = |id: &str| order.iter().position(|l| l == id);
    let floor = current.and_then(rank);
    pool.iter()
        .filter(|id| floor.is_none_or(|f| rank(id).is_some_and(|r| r > f)))
        .cloned()
        .collect()
}

/// The targets worth offering for `q` when its level is `current`.
pub fn allowed(qn: &Questionnaire, q: &Question, current: Option<&str>) -> Vec<String> {
    let order: Vec<String> = qn
        .scale_of(q)
        .map(|s| s.levels.iter().map(|l| l.id.clone()).collect())
        .unwrap_or_default();
    above(&order, &pool(qn, q), current)
}
