//! The boundary between pure state and IO: what a key or click means (`Action`), the IO the
//! loop must carry out after an update (`Effect`), and what that IO found (`Reply`), which goes
//! back into update. Screens change only in update, never in the loop.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui_textarea::Input;
use uuid::Uuid;

use super::clicks::Hit;
use crate::questionnaire::Questionnaire;
use crate::store::{BackupInfo, SaveStatus};
use crate::workflow::{Choice, DraftRow, Written};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    // Moving around the questionnaire.
    NextQuestion,
    PrevQuestion,
    NextSection,
    PrevSection,
    Sections,
    Review,
    ToggleGuidance,
    // Inside a widget or list.
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Toggle,
    Enter,
    Digit(u8),
    Yes,
    No,
    NextField,
    PrevField,
    /// A key for the focused text box.
    Text(Input),
    Paste(String),
    StartTyping,
    Undo,
    Redo,
    /// Clear the current answer (undone by Undo).
    Clear,
    /// Leave the program from the home screen: asks first.
    Leave,
    Confirm,
    /// Something drawn on screen was clicked.
    Clicked(Hit),
    ScrollUp,
    ScrollDown,
    /// Typing stopped for a moment: keep what was typed (and say what is wrong with it).
    Idle,
    /// Typing goes on, but what was typed is due to be kept: keep it without judging it yet.
    KeepTyping,
    // Home screen and elsewhere.
    New,
    Rename,
    Duplicate,
    Delete,
    Restore,
    Import,
    MarkReady,
    Export,
    OpenFolder,
    OpenMail,
    /// Choose another folder for bundles.
    ChooseFolder,
    /// Print the chosen questionnaire's questions, to read before starting.
    Print,
    // The hub desk.
    /// Find a school by name or URN.
    Search,
    /// Show the next group of schools (all, to decide, outstanding, follow-up, decided).
    Filter,
    /// Sort the table by the next column.
    Sort,
    /// Change the school's review state.
    SetState,
    /// Fill in the hub's decision.
    Decide,
    /// Write the feedback bundle for the school.
    Feedback,
    /// Keep what the form holds.
    Save,
    // When quitting cannot save.
    TryAgain,
    WriteRecovery,
    QuitAnyway,
    /// Take the mouse or leave it to the terminal (for selecting text).
    ToggleMouse,
}

/// IO the loop carries out after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Hand the open draft to the background writer.
    Save,
    /// Save, then leave the program.
    Quit,
    /// Save and close the open draft (if any), then show the drafts list.
    ShowHome {
        select: Option<Uuid>,
    },
    ListChoices,
    Open(Uuid),
    Create {
        questionnaire: String,
        title: String,
    },
    Delete(Uuid),
    Rename(Uuid, String),
    Duplicate(Uuid),
    LoadBackups {
        id: Uuid,
        title: String,
    },
    Restore(Uuid, PathBuf),
    Import(String),
    Export {
        allow_incomplete: bool,
    },
    /// Remember the hub's e-mail address (asked once), then export.
    RememberHubEmail {
        email: String,
        allow_incomplete: bool,
    },
    OpenFolder(PathBuf),
    OpenMail,
    /// Bundles go to this folder from now on.
    RememberExportFolder(PathBuf),
    /// Write the printed questionnaire of this id.
    Print(String),
    /// Write the open draft somewhere else that has room (the save in its place failed).
    WriteRecovery,
    /// Leave without saving, as the teacher confirmed.
    Leave,
    /// Switch the mouse at the terminal and remember the choice.
    ToggleMouse,
}

/// A draft the loop opened, for the workspace.
#[derive(Debug)]
pub struct OpenedDraft {
    pub questionnaire: Questionnaire,
    pub draft: crate::draft::Draft,
    pub read_only: Option<String>,
    pub hub_address_known: bool,
    /// Answers moved aside because the questionnaire no longer asks them.
    pub orphaned: usize,
}

/// A recovery copy written, and the file it stands in for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescued {
    pub copy: std::path::PathBuf,
    /// The draft's own file: copying the recovery copy over it (once there is room) puts the
    /// answers back.
    pub draft_file: std::path::PathBuf,
}

/// What the loop's IO found.
#[derive(Debug)]
pub enum Reply {
    Home {
        rows: Vec<DraftRow>,
        select: Option<Uuid>,
        flash: Option<Flash>,
        /// For a first start: what to have ready for the usual questionnaire.
        ready: Vec<String>,
    },
    Choices(Vec<Choice>),
    Backups {
        id: Uuid,
        title: String,
        backups: Vec<BackupInfo>,
    },
    Opened(Box<OpenedDraft>),
    /// The bundle is written (to be recorded on the draft), or why not.
    /// Boxed: a written bundle is large beside the other replies (300 bytes on Windows).
    Exported(Result<Box<Written>, String>),
    /// The hub's address is remembered now.
    HubAddressKnown,
    Flash(Flash),
    Saved(SaveStatus),
    /// Quitting could not save: why, in words for the teacher, and since when it fails.
    QuitBlocked {
        reason: String,
        since: String,
    },
    /// Where the recovery copy went, or why none could be written.
    Recovery(Result<Rescued, String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Info,
    Warning,
}

/// The one-line message above the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub kind: FlashKind,
    pub text: String,
}

impl Flash {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            kind: FlashKind::Info,
            text: text.into(),
        }
    }

    pub fn warn(text: impl Into<String>) -> Self {
        Self {
            kind: FlashKind::Warning,
            text: text.into(),
        }
    }
}

/// What a screen's update may use besides its own state: the time, and the message line.
pub struct Cx<'a> {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub flash: &'a mut Option<Flash>,
}

impl Cx<'_> {
    pub fn info(&mut self, text: impl Into<String>) {
        *self.flash = Some(Flash::info(text));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        *self.flash = Some(Flash::warn(text));
    }
}
