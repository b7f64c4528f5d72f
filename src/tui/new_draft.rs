//! The new-draft screen: step 1 chooses the questionnaire, step 2 gives a title. Drawn by
//! `new_draft_view`.

use ratatui_textarea::TextArea;

use super::action::{Action, Cx, Effect};
use super::clicks::Hit;
use super::home::{edit_line, one_line, step};
use super::keys::Place;
use crate::draft::Draft;
use crate::workflow::Choice;

pub struct NewDraft {
    pub choices: Vec<Choice>,
    pub selected: usize,
    /// Set once a questionnaire is chosen: the title box.
    pub title: Option<TextArea<'static>>,
}

impl NewDraft {
    pub fn new(choices: Vec<Choice>) -> Self {
        Self {
            choices,
            selected: 0,
            title: None,
        }
    }

    pub fn place(&self) -> Place {
        if self.title.is_some() {
            Place::NewDraftTitle
        } else {
            Place::NewDraft
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if let Some(area) = self.title.as_mut() {
            return match edit_line(area, action) {
                Some(Action::Back) => {
                    self.title = None;
                    Effect::None
                }
                Some(Action::Enter) => self.create(cx),
                _ => Effect::None,
            };
        }
        let len = self.choices.len();
        match action {
            Action::Back => return Effect::ShowHome { select: None },
            Action::Enter if len > 0 => {
                let questionnaire = &self.choices[self.selected.min(len - 1)].title;
                let suggestion = Draft::suggest_title(None, questionnaire, None, cx.today);
                self.title = Some(one_line(&suggestion));
            }
            Action::Digit(d) if usize::from(d) >= 1 && usize::from(d) <= len => {
                self.selected = usize::from(d) - 1;
            }
            Action::Clicked(Hit::ListRow(i)) if i < len => self.selected = i,
            Action::Print => {
                if let Some(c) = self.choices.get(self.selected) {
                    return Effect::Print(c.id.clone());
                }
            }
            other => step(&mut self.selected, len, &other),
        }
        Effect::None
    }

    fn create(&self, cx: &Cx) -> Effect {
        let Some(area) = &self.title else {
            return Effect::None;
        };
        let Some(choice) = self.choices.get(self.selected) else {
            return Effect::None;
        };
        let title = area.lines().join(" ").trim().to_string();
        let title = if title.is_empty() {
            Draft::suggest_title(None, &choice.title, None, cx.today)
        } else {
            title
        };
        Effect::Create {
            questionnaire: choice.id.clone(),
            title,
        }
    }
}
