//! The home screen: the drafts list, with rename, copy, delete (asked first), backups and
//! starting from last year's bundle. Drawn by `home_view`.

use chrono::{DateTime, Local};
use ratatui_textarea::TextArea;
use uuid::Uuid;

use super::action::{Action, Cx, Effect};
use super::clicks::Hit;
use super::keys::Place;
use crate::answers::Progress;
use crate::workflow::DraftRow;

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
    /// What the hub has said about it (feedback, or the priorities it looks back on).
    pub hub_note: Option<String>,
}

impl From<DraftRow> for HomeRow {
    fn from(row: DraftRow) -> Self {
        match row {
            DraftRow::Ok(d) => Self {
                id: d.id,
                questionnaire: d
                    .questionnaire_title
                    .unwrap_or_else(|| format!("{} (not found)", d.questionnaire.id)),
                title: d.title,
                progress: d.progress,
                status: if d.newer.is_some() {
                    "Newer version".to_string()
                } else {
                    d.status.label().to_string()
                },
                saved: Some(d.updated_at.with_timezone(&Local)),
                damaged: None,
                hub_note: d.hub_note,
            },
            DraftRow::Damaged { id, reason } => Self {
                id,
                title: format!("Draft {}", &id.to_string()[..8]),
                questionnaire: String::new(),
                progress: None,
                status: "Damaged".to_string(),
                saved: None,
                hub_note: None,
                damaged: Some(format!("This draft cannot be opened: {reason}.")),
            },
        }
    }
}

/// What the home screen is doing besides listing.
#[derive(Default)]
pub enum HomeMode {
    #[default]
    Browse,
    ConfirmDelete,
    /// "Quit music-sef?" — Esc is everyone's "back", so on the home screen it asks.
    ConfirmQuit,
    Rename(TextArea<'static>),
    Import(TextArea<'static>),
}

#[derive(Default)]
pub struct Home {
    pub rows: Vec<HomeRow>,
    pub selected: usize,
    pub mode: HomeMode,
    /// What to have ready, shown on the welcome screen before the first draft.
    pub ready: Vec<String>,
}

/// A one-line text box holding `text`, the cursor at its end.
pub fn one_line(text: &str) -> TextArea<'static> {
    let mut a = TextArea::new(vec![text.to_string()]);
    a.set_cursor_line_style(ratatui::style::Style::default());
    a.move_cursor(ratatui_textarea::CursorMove::End);
    a
}

/// Move a list highlight.
pub fn step(i: &mut usize, len: usize, action: &Action) {
    match action {
        Action::Up => *i = i.saturating_sub(1),
        Action::Down => *i = (*i + 1).min(len.saturating_sub(1)),
        Action::Home => *i = 0,
        Action::End => *i = len.saturating_sub(1),
        _ => {}
    }
}

/// Edit a one-line box; returns the action when it is not a key for the box.
pub fn edit_line(area: &mut TextArea<'static>, action: Action) -> Option<Action> {
    match action {
        Action::Clear => {
            area.select_all();
            area.cut();
            None
        }
        Action::Text(k) => {
            area.input(k);
            None
        }
        Action::Paste(p) => {
            area.insert_str(crate::answers::parse::sanitize(&p, false));
            None
        }
        other => Some(other),
    }
}

impl Home {
    /// The list from disk; the highlight stays on `select` (or the same place).
    pub fn new(rows: Vec<DraftRow>, select: Option<Uuid>, previous: usize) -> Self {
        let rows: Vec<HomeRow> = rows.into_iter().map(HomeRow::from).collect();
        let selected = select
            .and_then(|id| rows.iter().position(|r| r.id == id))
            .unwrap_or(previous)
            .min(rows.len().saturating_sub(1));
        Self {
            rows,
            selected,
            mode: HomeMode::Browse,
            ready: Vec::new(),
        }
    }

    pub fn selected_row(&self) -> Option<&HomeRow> {
        self.rows.get(self.selected)
    }

    pub fn place(&self) -> Place {
        match self.mode {
            HomeMode::Browse if self.rows.is_empty() => Place::Welcome,
            HomeMode::Browse => Place::Home,
            HomeMode::ConfirmDelete | HomeMode::ConfirmQuit => Place::HomeConfirm,
            HomeMode::Rename(_) | HomeMode::Import(_) => Place::HomeTyping,
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match std::mem::take(&mut self.mode) {
            HomeMode::ConfirmDelete => {
                if let (Action::Yes, Some(row)) = (&action, self.selected_row()) {
                    return Effect::Delete(row.id);
                }
                cx.info("Nothing was deleted.");
                Effect::None
            }
            HomeMode::ConfirmQuit if action == Action::Yes => Effect::Quit,
            HomeMode::ConfirmQuit => Effect::None,
            HomeMode::Rename(mut area) => match edit_line(&mut area, action) {
                None => {
                    self.mode = HomeMode::Rename(area);
                    Effect::None
                }
                Some(Action::Enter) => self.rename(&area, cx),
                Some(Action::Back) => Effect::None,
                Some(_) => {
                    self.mode = HomeMode::Rename(area);
                    Effect::None
                }
            },
            HomeMode::Import(mut area) => match edit_line(&mut area, action) {
                None => {
                    self.mode = HomeMode::Import(area);
                    Effect::None
                }
                Some(Action::Enter) => {
                    let text = area.lines().join(" ").trim().to_string();
                    if text.is_empty() {
                        Effect::None
                    } else {
                        Effect::Import(text)
                    }
                }
                Some(Action::Back) => Effect::None,
                Some(_) => {
                    self.mode = HomeMode::Import(area);
                    Effect::None
                }
            },
            HomeMode::Browse => self.browse(action, cx),
        }
    }

    fn rename(&self, area: &TextArea<'static>, cx: &mut Cx) -> Effect {
        let text = area.lines().join(" ").trim().to_string();
        let Some(row) = self.selected_row() else {
            return Effect::None;
        };
        if text.is_empty() {
            cx.warn("A title cannot be empty; the old title was kept.");
            return Effect::None;
        }
        Effect::Rename(row.id, text)
    }

    fn browse(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let row = self.selected_row().cloned();
        match (action, row) {
            (a @ (Action::Up | Action::Down | Action::Home | Action::End), _) => {
                step(&mut self.selected, self.rows.len(), &a);
            }
            (Action::Clicked(Hit::ListRow(i)), _) if i < self.rows.len() => self.selected = i,
            (Action::Enter, Some(row)) => {
                if let Some(why) = &row.damaged {
                    cx.warn(format!("{why} Press b to restore a backup."));
                    return Effect::None;
                }
                return Effect::Open(row.id);
            }
            (Action::Enter | Action::New, _) => return Effect::ListChoices,
            (Action::Rename, Some(row)) => self.mode = HomeMode::Rename(one_line(&row.title)),
            (Action::Import, _) => self.mode = HomeMode::Import(one_line("")),
            (Action::Duplicate, Some(row)) => return Effect::Duplicate(row.id),
            (Action::Delete, Some(_)) => self.mode = HomeMode::ConfirmDelete,
            (Action::Leave, _) => self.mode = HomeMode::ConfirmQuit,
            (Action::Restore, Some(row)) => {
                return Effect::LoadBackups {
                    id: row.id,
                    title: row.title,
                };
            }
            _ => {}
        }
        Effect::None
    }
}
