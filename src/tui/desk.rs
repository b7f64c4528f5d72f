//! The hub desk (`music-sef hub` in a terminal), built like the school's screens: the
//! schools table and a school's page each own their state (`table`, `form`, here), keys
//! come from the keys table, `update` changes state only and says what IO to do as a
//! `DeskEffect`, which the `controller` carries out over the hub database; `view` draws.

pub mod controller;
pub mod form;
pub mod table;
pub mod view;

use ratatui_textarea::TextArea;

use super::action::{Action, Flash};
use super::help::Help;
use super::home::{edit_line, one_line, step};
use super::keys::Place;
use crate::hub::decision::Input;
use crate::hub::page::Page;
use crate::hub::review::ReviewState;
use form::DecisionForm;
use table::SchoolsTable;

/// IO for the controller after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskEffect {
    None,
    Quit,
    /// Read the school's page.
    Open(u32),
    SetState {
        urn: u32,
        state: ReviewState,
        note: String,
    },
    /// Open the decision form (the controller knows whether it is an audit and the officer).
    StartDecision(u32),
    /// Keep the decision; remember the hub's name typed in the form for the letters.
    Decide {
        urn: u32,
        input: Input,
        hub: Option<String>,
    },
    Feedback(u32),
}

/// What the school's page is doing.
pub enum PageMode {
    Browse,
    /// Choosing a new review state, with a note.
    State {
        chosen: usize,
        note: Box<TextArea<'static>>,
    },
    Form(Box<DecisionForm>),
}

pub struct SchoolPage {
    pub urn: u32,
    pub page: Page,
    pub scroll: usize,
    pub mode: PageMode,
}

pub struct DeskApp {
    pub table: SchoolsTable,
    /// The search box, while typing in it.
    pub searching: Option<TextArea<'static>>,
    pub school: Option<SchoolPage>,
    pub help: Option<Help>,
    pub flash: Option<Flash>,
    pub should_quit: bool,
    pub color: bool,
    /// Where the database is, for the title line.
    pub db_name: String,
}

impl DeskApp {
    pub fn new(table: SchoolsTable, db_name: String, color: bool) -> Self {
        Self {
            table,
            searching: None,
            school: None,
            help: None,
            flash: None,
            should_quit: false,
            color,
            db_name,
        }
    }

    pub fn place(&self) -> Place {
        if self.help.is_some() {
            return Place::Help;
        }
        match (&self.school, &self.searching) {
            (Some(p), _) => match p.mode {
                PageMode::Browse => Place::DeskSchool,
                PageMode::State { .. } => Place::DeskState,
                PageMode::Form(_) => Place::DeskForm,
            },
            (None, Some(_)) => Place::DeskSearch,
            (None, None) => Place::DeskTable,
        }
    }

    pub fn update(&mut self, action: Action) -> DeskEffect {
        if action == Action::Quit && self.place() != Place::DeskForm {
            self.should_quit = true;
            return DeskEffect::Quit;
        }
        if let Some(h) = &mut self.help {
            if !h.update(&action) {
                self.help = None;
            }
            return DeskEffect::None;
        }
        if action == Action::Help {
            self.help = Some(Help::new(self.place()));
            return DeskEffect::None;
        }
        self.flash = None;
        if self.school.is_some() {
            return self.page_update(action);
        }
        if let Some(search) = &mut self.searching {
            match edit_line(search, action) {
                None => {
                    let text = search.lines().join("");
                    self.table.set_search(&text);
                }
                Some(Action::Enter) => self.searching = None,
                Some(Action::Back) => {
                    self.searching = None;
                    self.table.set_search("");
                }
                Some(_) => {}
            }
            return DeskEffect::None;
        }
        self.table_update(action)
    }

    fn table_update(&mut self, action: Action) -> DeskEffect {
        let t = &mut self.table;
        match action {
            Action::Up | Action::Down | Action::Home | Action::End => {
                step(&mut t.selected, t.shown.len(), &action)
            }
            Action::ScrollDown => {
                t.selected = (t.selected + 20).min(t.shown.len().saturating_sub(1))
            }
            Action::ScrollUp => t.selected = t.selected.saturating_sub(20),
            Action::Filter => t.next_filter(),
            Action::Sort => t.next_sort(),
            Action::Search => self.searching = Some(one_line(&t.search)),
            Action::Enter => match t.chosen() {
                Some(r) if r.state.is_some() => {
                    if let Some(urn) = r.urn {
                        return DeskEffect::Open(urn);
                    }
                    self.flash = Some(Flash::warn(
                        "This submission has no URN: match it to a school first (see `music-sef hub schools`).",
                    ));
                }
                Some(r) => {
                    self.flash = Some(Flash::info(format!(
                        "{} has sent nothing yet this year.",
                        r.name
                    )))
                }
                None => {}
            },
            _ => {}
        }
        DeskEffect::None
    }

    fn page_update(&mut self, action: Action) -> DeskEffect {
        let Some(p) = &mut self.school else {
            return DeskEffect::None;
        };
        let urn = p.urn;
        match &mut p.mode {
            PageMode::Browse => match action {
                Action::Up => p.scroll = p.scroll.saturating_sub(1),
                Action::Down => p.scroll = (p.scroll + 1).min(p.page.lines.len().saturating_sub(1)),
                Action::ScrollUp => p.scroll = p.scroll.saturating_sub(15),
                Action::ScrollDown => {
                    p.scroll = (p.scroll + 15).min(p.page.lines.len().saturating_sub(1))
                }
                Action::Back => self.school = None,
                Action::SetState => {
                    p.mode = PageMode::State {
                        chosen: 1,
                        note: Box::new(one_line("")),
                    }
                }
                Action::Decide => return DeskEffect::StartDecision(urn),
                Action::Feedback => return DeskEffect::Feedback(urn),
                _ => {}
            },
            PageMode::State { chosen, note } => match action {
                Action::Up | Action::Down => step(chosen, ReviewState::ALL.len(), &action),
                Action::Back => p.mode = PageMode::Browse,
                Action::Save => {
                    let state = ReviewState::ALL[(*chosen).min(ReviewState::ALL.len() - 1)];
                    let note = note.lines().join(" ");
                    return DeskEffect::SetState { urn, state, note };
                }
                other => {
                    // Keys the note box does not take do nothing here.
                    let _ = edit_line(note, other);
                }
            },
            PageMode::Form(form) => match form.update(action) {
                Some(Action::Back) => {
                    p.mode = PageMode::Browse;
                    self.flash = Some(Flash::info(
                        "The decision was not kept; nothing was changed.",
                    ));
                }
                Some(Action::Save) => {
                    return DeskEffect::Decide {
                        urn,
                        input: form.input(),
                        hub: form.hub_name(),
                    };
                }
                _ => {}
            },
        }
        DeskEffect::None
    }
}
