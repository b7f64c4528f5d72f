//! Quitting when the save fails (the disk is full, the folder became read-only): instead of
//! leaving and losing what exists only in memory, the teacher is told why in plain words and
//! chooses — try again, write a recovery copy somewhere that has room, go back, or quit
//! without saving after saying yes once more. Drawn by `quit_view`.

use super::action::Action;
pub use super::action::Rescued;
use super::keys::Place;

pub struct QuitProblem {
    /// Why saving fails, in words for the teacher.
    pub reason: String,
    /// When saving started failing ("14:02:31"), for what would be lost.
    pub since: String,
    /// "Quit without saving?" is being asked.
    pub confirming: bool,
    /// Where the recovery copy went, or why none could be written.
    pub recovery: Option<Result<Rescued, String>>,
    /// The teacher said yes to quitting without saving.
    pub chose_loss: bool,
}

/// What the teacher chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    TryAgain,
    Recover,
    Leave,
    Cancel,
}

impl QuitProblem {
    pub fn new(reason: String, since: String) -> Self {
        Self {
            reason,
            since,
            confirming: false,
            recovery: None,
            chose_loss: false,
        }
    }

    pub fn place(&self) -> Place {
        if self.confirming {
            Place::QuitConfirm
        } else {
            Place::QuitProblem
        }
    }

    /// The recovery copy is written: quitting now loses nothing.
    pub fn rescued(&self) -> bool {
        matches!(self.recovery, Some(Ok(_)))
    }

    pub fn update(&mut self, action: &Action) -> Option<Choice> {
        if self.confirming {
            self.confirming = false;
            if *action == Action::Yes {
                self.chose_loss = true;
                return Some(Choice::Leave);
            }
            return None;
        }
        match action {
            Action::TryAgain => Some(Choice::TryAgain),
            Action::WriteRecovery => Some(Choice::Recover),
            Action::QuitAnyway if self.rescued() => Some(Choice::Leave),
            Action::QuitAnyway => {
                self.confirming = true;
                None
            }
            Action::Back => Some(Choice::Cancel),
            _ => None,
        }
    }
}
