//! The whole TUI state and `update`: one `Screen` at a time, pure changes only. IO is asked
//! for by returning an `Effect`.

use std::cell::RefCell;

use ratatui::layout::Rect;

use crate::store::SaveStatus;

use super::action::{Action, Effect};
use super::editor::Outcome;
use super::home::{Home, NewDraft, RestoreView};
use super::review::{ExportView, ReviewView};
use super::session::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    NewDraft,
    Workspace,
    Sections,
    Review,
    Export,
    Restore,
    Help,
}

/// Something clickable drawn on screen, recorded while drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hit {
    Section(usize),
    Option(usize),
    ListRow(usize),
    TextBox,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlashKind {
    Info,
    Warning,
}

pub struct App {
    pub screen: Screen,
    /// Where Help or Sections return to.
    pub previous: Screen,
    pub home: Home,
    pub new_draft: NewDraft,
    pub restore: RestoreView,
    pub review: ReviewView,
    pub export: ExportView,
    pub session: Option<Session>,
    pub flash: Option<(FlashKind, String)>,
    pub save_status: SaveStatus,
    pub should_quit: bool,
    /// Open a draft directly and leave when it is closed (`music-sef open`).
    pub single_draft: bool,
    /// How far the help text is scrolled.
    pub help_scroll: u16,
    /// The hub's e-mail address is known (from the questionnaire or settings), so export
    /// does not need to ask for it.
    pub hub_email_known: bool,
    /// Colours on (false when NO_COLOR is set): meaning never rests on colour alone.
    pub color: bool,
    pub hits: RefCell<Vec<(Rect, Hit)>>,
}

impl Default for App {
    fn default() -> Self {
        Self::new()
    }
}

impl App {
    pub fn new() -> Self {
        Self {
            screen: Screen::Home,
            previous: Screen::Home,
            home: Home::default(),
            new_draft: NewDraft::default(),
            restore: RestoreView::default(),
            review: ReviewView::default(),
            export: ExportView::default(),
            session: None,
            flash: None,
            save_status: SaveStatus::Unchanged,
            should_quit: false,
            single_draft: false,
            help_scroll: 0,
            hub_email_known: false,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            hits: RefCell::new(Vec::new()),
        }
    }

    /// Open a draft in the workspace.
    pub fn open_session(&mut self, session: Session) {
        if let Some(reason) = &session.read_only {
            self.flash = Some((FlashKind::Warning, reason.clone()));
        }
        self.session = Some(session);
        self.screen = Screen::Workspace;
        self.save_status = SaveStatus::Unchanged;
    }

    /// What was drawn at a screen cell, for mouse clicks.
    pub fn hit_at(&self, column: u16, row: u16) -> Option<Hit> {
        self.hits
            .borrow()
            .iter()
            .find(|(r, _)| {
                column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
            })
            .map(|(_, h)| h.clone())
    }

    /// A text box has focus, so printable keys type.
    pub fn text_focused(&self) -> bool {
        match self.screen {
            Screen::Workspace => self
                .session
                .as_ref()
                .is_some_and(|s| s.editor.text_focused()),
            Screen::Home => self.home.input_active(),
            Screen::NewDraft => self.new_draft.title.is_some(),
            Screen::Review => self.review.hub_email.is_some(),
            _ => false,
        }
    }

    pub fn text_is_multiline(&self) -> bool {
        self.screen == Screen::Workspace
            && self
                .session
                .as_ref()
                .is_some_and(|s| s.editor.is_multiline())
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Idle) {
            self.flash = None;
        }
        match action {
            Action::Quit => return self.quit(),
            Action::Help if self.screen != Screen::Help => {
                self.previous = self.screen;
                self.screen = Screen::Help;
                self.help_scroll = 0;
                return Effect::None;
            }
            _ => {}
        }
        let effect = match self.screen {
            Screen::Home => self.update_home(action),
            Screen::NewDraft => self.update_new_draft(action),
            Screen::Restore => self.update_restore(action),
            Screen::Workspace => self.update_workspace(action),
            Screen::Sections => self.update_sections(action),
            Screen::Review => self.update_review(action),
            Screen::Export => self.update_export(action),
            Screen::Help => {
                match action {
                    Action::Back | Action::Help | Action::Enter => self.screen = self.previous,
                    Action::Down | Action::ScrollDown => {
                        self.help_scroll = self.help_scroll.saturating_add(1).min(60)
                    }
                    Action::Up | Action::ScrollUp => {
                        self.help_scroll = self.help_scroll.saturating_sub(1)
                    }
                    _ => {}
                }
                Effect::None
            }
        };
        if let Some(s) = self.session.as_mut() {
            s.editor.sync_cursor();
        }
        effect
    }

    fn quit(&mut self) -> Effect {
        self.commit_text();
        self.should_quit = true;
        Effect::Quit
    }

    /// Copy typed text into the draft. Returns true if the draft changed.
    pub fn commit_text(&mut self) -> bool {
        let Some(s) = self.session.as_mut() else {
            return false;
        };
        if !s.text_dirty || s.read_only.is_some() {
            return false;
        }
        s.text_dirty = false;
        let Some(q) = s.question().cloned() else {
            return false;
        };
        match s.editor.value(&s.questionnaire, &q, &s.draft) {
            Outcome::Set(v) => {
                s.draft.set_answer(&q.id, v);
                s.refresh();
                true
            }
            Outcome::Invalid(msg) => {
                let raw = s
                    .editor
                    .text_area_mut()
                    .map(|a| a.lines().join("\n"))
                    .unwrap_or_default();
                if raw.trim().is_empty() {
                    s.draft.unfinished.remove(&q.id);
                } else {
                    s.draft.unfinished.insert(q.id.clone(), raw);
                }
                s.draft.updated_at = chrono::Utc::now();
                s.error = Some(msg);
                true
            }
            _ => false,
        }
    }

    /// Store a new value for the current question and refresh what depends on it.
    pub fn set_current(&mut self, value: Option<crate::answers::AnswerValue>) -> Effect {
        let Some(s) = self.session.as_mut() else {
            return Effect::None;
        };
        if let Some(reason) = &s.read_only {
            let reason = reason.clone();
            self.flash = Some((
                FlashKind::Warning,
                format!("Nothing can be changed: {reason}"),
            ));
            return Effect::None;
        }
        let Some(id) = s.question().map(|q| q.id.clone()) else {
            return Effect::None;
        };
        s.error = None;
        s.draft.set_answer(&id, value);
        if s.draft.status == crate::draft::DraftStatus::Ready && s.overall.required_missing > 0 {
            s.draft.status = crate::draft::DraftStatus::InProgress;
        }
        s.refresh();
        // A new answer may hide the current question; keep the position sensible.
        if s.question().map(|q| &q.id) != Some(&id) && !s.go_to_question(&id) {
            s.load_editor();
        }
        if let Some(title) = s.maybe_update_title() {
            self.flash = Some((
                FlashKind::Info,
                format!("Title now \"{title}\" (rename it on the home screen)."),
            ));
        }
        Effect::Save
    }
}
