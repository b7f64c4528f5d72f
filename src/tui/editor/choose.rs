//! Choosing in the answer widget: moving the highlight in a list of options or levels,
//! choosing (Space, Enter or a number), and Tab between a question's parts.

use super::{Editor, LevelFocus, Outcome};
use crate::answers::{AnswerValue, LevelAnswer};
use crate::draft::Draft;
use crate::questionnaire::Question;

impl Editor {
    /// Up/Down within a list. Returns true when something moved.
    pub fn move_highlight(&mut self, q: &Question, down: bool) -> bool {
        let step = |h: &mut usize, len: usize| {
            let before = *h;
            if down {
                *h = (*h + 1).min(len.saturating_sub(1));
            } else {
                *h = h.saturating_sub(1);
            }
            *h != before
        };
        match self {
            Self::Choice { highlight, .. } => step(highlight, q.options.len()),
            Self::YesNo { highlight } => step(highlight, 2),
            Self::Level {
                levels,
                highlight,
                focus: LevelFocus::Levels,
                ..
            } => step(highlight, levels.len()),
            Self::Level {
                targets: Some(t),
                target_highlight,
                focus: LevelFocus::Target,
                ..
            } => step(target_highlight, t.len() + 1),
            _ => false,
        }
    }

    /// Choose the highlighted item (Space or Enter, or a number key via `pick`).
    pub fn choose(&mut self, q: &Question, draft: &Draft, advance: bool) -> Outcome {
        let current = draft.answers.get(&q.id);
        let wrap = |v: Option<AnswerValue>| {
            if advance {
                Outcome::SetAndAdvance(v)
            } else {
                Outcome::Set(v)
            }
        };
        match self {
            Self::Choice {
                highlight,
                multi: false,
                ..
            } => wrap(
                q.options
                    .get(*highlight)
                    .map(|o| AnswerValue::Text(o.id.clone())),
            ),
            Self::Choice {
                highlight,
                multi: true,
                ..
            } => {
                if advance {
                    return Outcome::Advance;
                }
                let Some(opt) = q.options.get(*highlight) else {
                    return Outcome::Nothing;
                };
                let chosen: Vec<String> = match current {
                    Some(AnswerValue::List(l)) => l.clone(),
                    _ => Vec::new(),
                };
                // One rule for options that go on their own, shared with plain mode.
                let toggled = crate::answers::choice::toggle_option(q, &chosen, &opt.id);
                let message = toggled.message(q, &opt.id);
                let value =
                    (!toggled.ticked.is_empty()).then_some(AnswerValue::List(toggled.ticked));
                match message {
                    Some(m) => Outcome::SetSaying(value, m),
                    None => Outcome::Set(value),
                }
            }
            Self::YesNo { highlight } => wrap(Some(AnswerValue::Bool(*highlight == 0))),
            Self::Level { .. } => self.choose_level(current, advance),
            _ => Outcome::Nothing,
        }
    }

    /// Choose in a rating or criterion: the level (which also decides the targets offered),
    /// or the target.
    fn choose_level(&mut self, current: Option<&AnswerValue>, advance: bool) -> Outcome {
        let Self::Level {
            levels,
            highlight,
            focus,
            evidence,
            targets,
            target_highlight,
            target_pool,
        } = self
        else {
            return Outcome::Nothing;
        };
        let mut la: LevelAnswer = current
            .and_then(AnswerValue::as_level)
            .cloned()
            .unwrap_or_default();
        match focus {
            LevelFocus::Levels => {
                la.level = levels.get(*highlight).cloned();
                // A target must lie above the level now; one that does not is dropped.
                if let Some(t) = targets.as_mut() {
                    *t = super::allowed_targets(levels, target_pool, la.level.as_deref());
                    if la.target.as_ref().is_some_and(|x| !t.contains(x)) {
                        la.target = None;
                    }
                    *target_highlight = la
                        .target
                        .as_ref()
                        .and_then(|x| t.iter().position(|y| y == x))
                        .map_or(0, |i| i + 1);
                }
                if advance {
                    *focus = if evidence.is_some() {
                        LevelFocus::Evidence
                    } else if targets.is_some() {
                        LevelFocus::Target
                    } else {
                        return Outcome::SetAndAdvance(Some(AnswerValue::Level(la)));
                    };
                }
            }
            LevelFocus::Target => {
                la.target = target_highlight
                    .checked_sub(1)
                    .and_then(|i| targets.as_ref()?.get(i).cloned());
                if advance {
                    return Outcome::SetAndAdvance(Some(AnswerValue::Level(la)));
                }
            }
            LevelFocus::Evidence => return Outcome::Nothing,
        }
        Outcome::Set(Some(AnswerValue::Level(la)))
    }

    /// Forget a half-typed two-digit number (any key but a digit does).
    pub fn clear_pending(&mut self) {
        if let Self::Choice { pending, .. } = self {
            *pending = None;
        }
    }

    /// A number key: choose item `n` of the focused list, numbered as shown. In a list of
    /// ten or more, a digit that can start a two-digit number waits for the next one.
    pub fn pick(&mut self, q: &Question, draft: &Draft, n: u8) -> Outcome {
        let n = usize::from(n);
        if let Self::Choice {
            pending, highlight, ..
        } = self
        {
            let len = q.options.len();
            match pending.take() {
                Some(first) if first * 10 + n <= len => {
                    return self.pick_index(q, draft, first * 10 + n);
                }
                None if len >= 10 && n >= 1 && n * 10 <= len => {
                    *pending = Some(n);
                    *highlight = n - 1;
                    let last = (n * 10 + 9).min(len);
                    return Outcome::Waiting(format!(
                        "{n}… type another digit for {}–{last}, or press Space or Enter for {n}.",
                        n * 10
                    ));
                }
                _ => {}
            }
        }
        if let Self::Level {
            levels,
            focus: LevelFocus::Target,
            targets: Some(t),
            target_highlight,
            ..
        } = self
        {
            // Targets use the level list's numbers; 0 is "no target".
            let wanted = n.checked_sub(1).and_then(|i| levels.get(i));
            match wanted.and_then(|id| t.iter().position(|x| x == id)) {
                Some(i) => *target_highlight = i + 1,
                None if n == 0 => *target_highlight = 0,
                None => {
                    let shown: Vec<String> = t
                        .iter()
                        .filter_map(|id| {
                            levels
                                .iter()
                                .position(|l| l == id)
                                .map(|i| (i + 1).to_string())
                        })
                        .collect();
                    return Outcome::Invalid(format!(
                        "A target must be above the level chosen now: press {}, or 0 for no target.",
                        shown.join(" or ")
                    ));
                }
            }
            return self.choose(q, draft, false);
        }
        self.pick_index(q, draft, n)
    }

    /// Choose item `n` (1-based) of the focused list.
    fn pick_index(&mut self, q: &Question, draft: &Draft, n: usize) -> Outcome {
        let i = n.wrapping_sub(1);
        let len = match self {
            Self::Choice { .. } => q.options.len(),
            Self::YesNo { .. } => 2,
            Self::Level {
                levels,
                focus: LevelFocus::Levels,
                ..
            } => levels.len(),
            _ => 0,
        };
        if i >= len {
            return Outcome::Invalid(format!("Type a number from 1 to {len}."));
        }
        match self {
            Self::Choice { highlight, .. } | Self::YesNo { highlight } => *highlight = i,
            Self::Level {
                highlight,
                focus: LevelFocus::Levels,
                ..
            } => *highlight = i,
            _ => {}
        }
        self.choose(q, draft, false)
    }

    /// Tab: the next part of this question, or false when the question is done.
    pub fn next_field(&mut self) -> bool {
        if let Self::Level {
            focus,
            evidence,
            targets,
            ..
        } = self
        {
            let next = match focus {
                LevelFocus::Levels if evidence.is_some() => Some(LevelFocus::Evidence),
                LevelFocus::Levels | LevelFocus::Evidence if targets.is_some() => {
                    Some(LevelFocus::Target)
                }
                _ => None,
            };
            if let Some(n) = next {
                *focus = n;
                return true;
            }
        }
        false
    }

    /// Shift-Tab: the previous part of this question, or false at its first part.
    pub fn prev_field(&mut self) -> bool {
        if let Self::Level {
            focus, evidence, ..
        } = self
        {
            let prev = match focus {
                LevelFocus::Target if evidence.is_some() => Some(LevelFocus::Evidence),
                LevelFocus::Target | LevelFocus::Evidence => Some(LevelFocus::Levels),
                LevelFocus::Levels => None,
            };
            if let Some(p) = prev {
                *focus = p;
                return true;
            }
        }
        false
    }
}
