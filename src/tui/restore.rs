//! The restore screen: a draft's backups, newest first; restoring one asks first. Drawn by
//! `restore_view`.

use std::path::PathBuf;

use chrono::{DateTime, Local};
use uuid::Uuid;

use super::action::{Action, Cx, Effect};
use super::home::step;
use super::keys::Place;
use crate::store::BackupInfo;

#[derive(Debug, Clone)]
pub struct BackupRow {
    pub path: PathBuf,
    pub taken_at: DateTime<Local>,
    pub answered: usize,
}

pub struct Restore {
    pub draft: Uuid,
    pub title: String,
    pub backups: Vec<BackupRow>,
    pub selected: usize,
    pub confirm: bool,
}

impl Restore {
    pub fn new(draft: Uuid, title: String, backups: Vec<BackupInfo>) -> Self {
        Self {
            draft,
            title,
            backups: backups
                .into_iter()
                .map(|b| BackupRow {
                    path: b.path,
                    taken_at: b.taken_at.with_timezone(&Local),
                    answered: b.answered,
                })
                .collect(),
            selected: 0,
            confirm: false,
        }
    }

    pub fn place(&self) -> Place {
        if self.confirm {
            Place::RestoreConfirm
        } else {
            Place::Restore
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.confirm {
            self.confirm = false;
            if action == Action::Yes
                && let Some(b) = self.backups.get(self.selected)
            {
                return Effect::Restore(self.draft, b.path.clone());
            }
            cx.info("Nothing was restored.");
            return Effect::None;
        }
        match action {
            Action::Back => {
                return Effect::ShowHome {
                    select: Some(self.draft),
                };
            }
            Action::Enter if !self.backups.is_empty() => self.confirm = true,
            other => step(&mut self.selected, self.backups.len(), &other),
        }
        Effect::None
    }
}
