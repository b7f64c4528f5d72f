//! Help, shown over whichever screen asked for it: the keys of that screen from the keys
//! table, and the current question's guidance. Drawn by `help_view`.

use super::action::Action;
use super::keys::Place;

pub struct Help {
    /// The place help was opened from: its keys are the ones listed.
    pub about: Place,
    pub scroll: u16,
}

impl Help {
    pub fn new(about: Place) -> Self {
        Self { about, scroll: 0 }
    }

    /// Returns false when help closes.
    pub fn update(&mut self, action: &Action) -> bool {
        match action {
            Action::Back | Action::Help => return false,
            Action::Down | Action::ScrollDown => {
                self.scroll = self.scroll.saturating_add(1).min(80)
            }
            Action::Up | Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
        true
    }
}
