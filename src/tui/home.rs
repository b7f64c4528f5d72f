//! The home screen (drafts list with rename, duplicate, delete, restore and import), the
//! new-draft screen (questionnaire and title) and the restore screen (backups of a draft).

use std::path::PathBuf;

use chrono::{DateTime, Local};
use ratatui_textarea::TextArea;
use uuid::Uuid;

use crate::answers::Progress;

use super::action::{Action, Effect};
use super::app::{App, FlashKind, Screen};

#[derive(Debug, Clone)]
pub struct HomeRow {
    pub id: Uuid,
    pub title: String,
    pub questionnaire: String,
    pub progress: Option<Progress>,
    pub status: String,
    pub saved: Option<DateTime<Local>>,
    /// Why the draft cannot be opened, with what can be done.
    pub damaged: Option<String>,
}

#[derive(Default)]
pub enum HomeMode {
    #[default]
    Browse,
    ConfirmDelete,
    Rename(TextArea<'static>),
    Import(TextArea<'static>),
}

#[derive(Default)]
pub struct Home {
    pub rows: Vec<HomeRow>,
    pub selected: usize,
    pub mode: HomeMode,
}

impl Home {
    pub fn input_active(&self) -> bool {
        matches!(self.mode, HomeMode::Rename(_) | HomeMode::Import(_))
    }

    pub fn selected_row(&self) -> Option<&HomeRow> {
        self.rows.get(self.selected)
    }

    pub fn set_rows(&mut self, rows: Vec<HomeRow>) {
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

#[derive(Debug, Clone)]
pub struct QuestionnaireChoice {
    pub id: String,
    pub title: String,
    pub description: String,
    pub origin: String,
    pub questions: usize,
}

#[derive(Default)]
pub struct NewDraft {
    pub choices: Vec<QuestionnaireChoice>,
    pub selected: usize,
    /// Set once a questionnaire is chosen: the title box.
    pub title: Option<TextArea<'static>>,
}

#[derive(Debug, Clone)]
pub struct BackupRow {
    pub path: PathBuf,
    pub taken_at: DateTime<Local>,
    pub answered: usize,
}

#[derive(Default)]
pub struct RestoreView {
    pub draft: Option<Uuid>,
    pub title: String,
    pub backups: Vec<BackupRow>,
    pub selected: usize,
    pub confirm: bool,
}

fn one_line(text: &str) -> TextArea<'static> {
    let mut a = TextArea::new(vec![text.to_string()]);
    a.set_cursor_line_style(ratatui::style::Style::default());
    a.move_cursor(ratatui_textarea::CursorMove::End);
    a
}

fn step(i: &mut usize, len: usize, action: &Action) {
    match action {
        Action::Up => *i = i.saturating_sub(1),
        Action::Down => *i = (*i + 1).min(len.saturating_sub(1)),
        Action::Home => *i = 0,
        Action::End => *i = len.saturating_sub(1),
        _ => {}
    }
}

impl App {
    pub(super) fn update_home(&mut self, action: Action) -> Effect {
        let is_rename = matches!(self.home.mode, HomeMode::Rename(_));
        match &mut self.home.mode {
            HomeMode::ConfirmDelete => {
                self.home.mode = HomeMode::Browse;
                if let (Action::Yes, Some(row)) = (&action, self.home.selected_row()) {
                    return Effect::DeleteDraft(row.id);
                }
                self.flash = Some((FlashKind::Info, "Nothing was deleted.".to_string()));
                return Effect::None;
            }
            HomeMode::Rename(area) | HomeMode::Import(area) => {
                match action {
                    Action::Text(k) => {
                        area.input(k);
                    }
                    Action::Paste(p) => {
                        area.insert_str(crate::answers::parse::sanitize(&p, false));
                    }
                    Action::Back => self.home.mode = HomeMode::Browse,
                    Action::Enter => {
                        let text = area.lines().join(" ").trim().to_string();
                        self.home.mode = HomeMode::Browse;
                        if is_rename {
                            let Some(row) = self.home.selected_row() else {
                                return Effect::None;
                            };
                            if text.is_empty() {
                                self.flash = Some((
                                    FlashKind::Warning,
                                    "A title cannot be empty; the old title was kept.".to_string(),
                                ));
                                return Effect::None;
                            }
                            return Effect::RenameDraft(row.id, text);
                        }
                        if !text.is_empty() {
                            return Effect::ImportFrom(text);
                        }
                    }
                    _ => {}
                }
                return Effect::None;
            }
            HomeMode::Browse => {}
        }
        let len = self.home.rows.len();
        match action {
            Action::Up | Action::Down | Action::Home | Action::End => {
                step(&mut self.home.selected, len, &action)
            }
            Action::Enter => {
                if let Some(row) = self.home.selected_row() {
                    if let Some(why) = &row.damaged {
                        self.flash = Some((
                            FlashKind::Warning,
                            format!("{why} Press b to restore a backup."),
                        ));
                        return Effect::None;
                    }
                    return Effect::OpenDraft(row.id);
                }
                return self.start_new_draft();
            }
            Action::New => return self.start_new_draft(),
            Action::Rename => {
                if let Some(row) = self.home.selected_row() {
                    self.home.mode = HomeMode::Rename(one_line(&row.title));
                }
            }
            Action::Import => {
                self.home.mode = HomeMode::Import(one_line(""));
            }
            Action::Duplicate => {
                if let Some(row) = self.home.selected_row() {
                    return Effect::DuplicateDraft(row.id);
                }
            }
            Action::Delete if self.home.selected_row().is_some() => {
                self.home.mode = HomeMode::ConfirmDelete;
            }
            Action::Restore => {
                if let Some(row) = self.home.selected_row() {
                    return Effect::LoadBackups(row.id);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn start_new_draft(&mut self) -> Effect {
        self.new_draft.selected = 0;
        self.new_draft.title = None;
        self.screen = Screen::NewDraft;
        Effect::None
    }

    pub(super) fn update_new_draft(&mut self, action: Action) -> Effect {
        if let Some(area) = self.new_draft.title.as_mut() {
            match action {
                Action::Back => self.new_draft.title = None,
                Action::Enter => {
                    let title = area.lines().join(" ").trim().to_string();
                    let Some(choice) = self.new_draft.choices.get(self.new_draft.selected) else {
                        return Effect::None;
                    };
                    let title = if title.is_empty() {
                        crate::draft::Draft::suggest_title(None, None, Local::now().date_naive())
                    } else {
                        title
                    };
                    return Effect::CreateDraft {
                        questionnaire: choice.id.clone(),
                        title,
                    };
                }
                Action::Text(k) => {
                    area.input(k);
                }
                Action::Paste(p) => {
                    area.insert_str(crate::answers::parse::sanitize(&p, false));
                }
                _ => {}
            }
            return Effect::None;
        }
        let len = self.new_draft.choices.len();
        match action {
            Action::Back => self.screen = Screen::Home,
            Action::Enter => {
                if len > 0 {
                    let suggestion =
                        crate::draft::Draft::suggest_title(None, None, Local::now().date_naive());
                    self.new_draft.title = Some(one_line(&suggestion));
                }
            }
            Action::Digit(d) if usize::from(d) >= 1 && usize::from(d) <= len => {
                self.new_draft.selected = usize::from(d) - 1;
            }
            _ => step(&mut self.new_draft.selected, len, &action),
        }
        Effect::None
    }

    pub(super) fn update_restore(&mut self, action: Action) -> Effect {
        let r = &mut self.restore;
        if r.confirm {
            r.confirm = false;
            if action == Action::Yes
                && let (Some(id), Some(b)) = (r.draft, r.backups.get(r.selected))
            {
                return Effect::RestoreBackup(id, b.path.clone());
            }
            self.flash = Some((FlashKind::Info, "Nothing was restored.".to_string()));
            return Effect::None;
        }
        match action {
            Action::Back => self.screen = Screen::Home,
            Action::Enter if !r.backups.is_empty() => r.confirm = true,
            _ => step(&mut r.selected, r.backups.len(), &action),
        }
        Effect::None
    }
}
