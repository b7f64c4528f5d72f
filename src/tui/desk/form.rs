//! The decision form on a school's page: the officer, the recommendation and certificate
//! (or for an audit the award), and three priorities each with actions, support and a review
//! date. Choices change with ←→, boxes take typing; saving is checked by the same rules as
//! `hub decide`, and what is wrong is listed with the focus on its field, nothing typed lost.

use ratatui_textarea::TextArea;

use crate::feedback::{Award, Certificate, MAX_PRIORITIES};
use crate::hub::decision::{Field, Input, Part, PriorityInput, Problem};
use crate::tui::action::Action;
use crate::tui::home::{edit_line, one_line};

/// One field of the form.
pub enum Slot {
    /// A choice among `options` (ids, the first meaning "not given").
    Choice {
        label: &'static str,
        options: Vec<(&'static str, &'static str)>,
        chosen: usize,
    },
    Box {
        label: String,
        text: Box<TextArea<'static>>,
    },
}

impl Slot {
    pub fn label(&self) -> &str {
        match self {
            Self::Choice { label, .. } => label,
            Self::Box { label, .. } => label,
        }
    }

    /// What it holds, in words.
    pub fn value(&self) -> String {
        match self {
            Self::Choice {
                options, chosen, ..
            } => options.get(*chosen).map_or("", |o| o.1).to_string(),
            Self::Box { text, .. } => text.lines().join(" "),
        }
    }

    fn id(&self) -> Option<&'static str> {
        match self {
            Self::Choice {
                options, chosen, ..
            } => options
                .get(*chosen)
                .map(|o| o.0)
                .filter(|id| !id.is_empty()),
            Self::Box { .. } => None,
        }
    }
}

pub struct DecisionForm {
    pub slots: Vec<Slot>,
    pub focus: usize,
    /// What the last save found wrong.
    pub problems: Vec<String>,
    audit: bool,
}

const OFFICER: usize = 0;
const HUB: usize = 1;
const RECOMMEND: usize = 2;
const CERTIFICATE: usize = 3;
const AWARD: usize = 4;
/// Where the priorities start: after the award for an audit.
fn first_priority(audit: bool) -> usize {
    if audit { AWARD + 1 } else { AWARD }
}

impl DecisionForm {
    /// The form for a school's submission; `officer` and `hub` as remembered, if they are.
    pub fn new(officer: Option<&str>, hub: Option<&str>, audit: bool) -> Self {
        let mut slots = vec![
            Slot::Box {
                label: "Your name (the officer)".into(),
                text: Box::new(one_line(officer.unwrap_or(""))),
            },
            Slot::Box {
                label: "Your hub's name (for the letter)".into(),
                text: Box::new(one_line(hub.unwrap_or(""))),
            },
            Slot::Choice {
                label: "Recommend for the Music Mark",
                options: vec![
                    ("", "— choose —"),
                    ("yes", "Yes, recommend"),
                    ("no", "Not this time"),
                ],
                chosen: 0,
            },
            Slot::Choice {
                label: "Certificate",
                options: std::iter::once(("", "— none —"))
                    .chain(Certificate::ALL.map(|c| (c.id(), c.label())))
                    .collect(),
                chosen: 0,
            },
        ];
        if audit {
            slots.push(Slot::Choice {
                label: "Award",
                options: std::iter::once(("", "— choose —"))
                    .chain(Award::ALL.map(|a| (a.id(), a.label())))
                    .collect(),
                chosen: 0,
            });
        }
        for n in 1..=MAX_PRIORITIES {
            for part in ["Priority", "Actions", "Support", "Review date"] {
                slots.push(Slot::Box {
                    label: format!("{part} {n}"),
                    text: Box::new(one_line("")),
                });
            }
        }
        Self {
            slots,
            focus: if officer.is_some() {
                RECOMMEND
            } else {
                OFFICER
            },
            problems: Vec::new(),
            audit,
        }
    }

    /// Returns the action when the form does not use it (saving, cancelling).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let last = self.slots.len() - 1;
        match action {
            Action::NextField => self.focus = (self.focus + 1).min(last),
            Action::PrevField => self.focus = self.focus.saturating_sub(1),
            Action::Left | Action::Right => {
                if let Some(Slot::Choice {
                    options, chosen, ..
                }) = self.slots.get_mut(self.focus)
                {
                    let n = options.len();
                    *chosen = if action == Action::Right {
                        (*chosen + 1) % n
                    } else {
                        (*chosen + n - 1) % n
                    };
                }
            }
            other => match self.slots.get_mut(self.focus) {
                Some(Slot::Box { text, .. }) => return edit_line(text, other),
                Some(Slot::Choice { .. }) => match other {
                    Action::Text(_) | Action::Paste(_) | Action::Clear => {}
                    rest => return Some(rest),
                },
                None => return Some(other),
            },
        }
        None
    }

    /// The form as the decision's input.
    pub fn input(&self) -> Input {
        let text = |i: usize| self.slots.get(i).map(Slot::value).unwrap_or_default();
        let start = first_priority(self.audit);
        Input {
            recommended: self.slots[RECOMMEND].id().map(|id| id == "yes"),
            certificate: self.slots[CERTIFICATE].id().map(str::to_string),
            award: self
                .audit
                .then(|| self.slots[AWARD].id().map(str::to_string))
                .flatten(),
            priorities: (0..MAX_PRIORITIES)
                .map(|p| {
                    let at = start + p * 4;
                    PriorityInput {
                        text: text(at),
                        actions: text(at + 1),
                        support: text(at + 2),
                        review_date: text(at + 3),
                    }
                })
                .collect(),
            officer: text(OFFICER),
        }
    }

    /// The hub's name as typed, to remember for the letters.
    pub fn hub_name(&self) -> Option<String> {
        Some(self.slots[HUB].value().trim().to_string()).filter(|h| !h.is_empty())
    }

    /// Show what is wrong, with the focus on the first problem's field.
    pub fn show_problems(&mut self, problems: &[Problem]) {
        self.problems = problems.iter().map(|p| p.message.clone()).collect();
        let start = first_priority(self.audit);
        let slot = |f: Field| match f {
            Field::Officer => OFFICER,
            Field::Recommend => RECOMMEND,
            Field::Certificate => CERTIFICATE,
            Field::Award => AWARD,
            Field::Priorities => start,
            Field::Priority(i, part) => {
                let offset = match part {
                    Part::Text => 0,
                    Part::Actions => 1,
                    Part::Support => 2,
                    Part::ReviewDate => 3,
                };
                start + i * 4 + offset
            }
        };
        if let Some(p) = problems.first() {
            self.focus = slot(p.field).min(self.slots.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DecisionForm;
    use crate::tui::action::Action;

    fn typed(f: &mut DecisionForm, text: &str) {
        for c in text.chars() {
            let key = ratatui_textarea::Input {
                key: ratatui_textarea::Key::Char(c),
                ..Default::default()
            };
            assert_eq!(f.update(Action::Text(key)), None);
        }
    }

    #[test]
    fn the_form_gives_the_decision_as_typed() {
        let mut f = DecisionForm::new(Some("Sam Patel"), None, false);
        f.update(Action::Right);
        f.update(Action::NextField);
        f.update(Action::Right);
        f.update(Action::Right);
        f.update(Action::NextField);
        typed(&mut f, "Sing weekly");
        let input = f.input();
        assert_eq!(input.recommended, Some(true));
        assert_eq!(input.certificate.as_deref(), Some("ambition-quality"));
        assert_eq!(input.priorities[0].text, "Sing weekly");
        assert_eq!(input.officer, "Sam Patel");
        assert_eq!(f.hub_name(), None, "nothing typed for the hub");
        assert_eq!(f.update(Action::Save), Some(Action::Save));
    }
}
