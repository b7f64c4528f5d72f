//! The list of sections (F2): move and jump to any section.

use super::{View, Workspace};
use crate::tui::action::{Action, Effect};
use crate::tui::clicks::Hit;

pub fn update(ws: &mut Workspace, action: &Action) -> Effect {
    let View::Sections { cursor } = &mut ws.view else {
        return Effect::None;
    };
    let n = ws.session.questionnaire.sections.len();
    let target = match action {
        Action::Up => {
            *cursor = cursor.saturating_sub(1);
            None
        }
        Action::Down => {
            *cursor = (*cursor + 1).min(n.saturating_sub(1));
            None
        }
        Action::Home => {
            *cursor = 0;
            None
        }
        Action::End => {
            *cursor = n.saturating_sub(1);
            None
        }
        Action::Digit(d) if usize::from(*d) >= 1 && usize::from(*d) <= n => {
            Some(usize::from(*d) - 1)
        }
        Action::Enter => Some(*cursor),
        Action::Clicked(Hit::Section(i) | Hit::ListRow(i)) => Some(*i),
        Action::Back | Action::Sections => {
            ws.view = View::Question;
            None
        }
        Action::Review => {
            ws.view = View::Review(Box::new(super::review::Review::of(&ws.session)));
            None
        }
        _ => None,
    };
    if let Some(section) = target {
        ws.session.go_to_section(section);
        ws.view = View::Question;
    }
    Effect::None
}
