//! What a key press or click means (`Action`) and what the loop must do after an update
//! (`Effect`): the boundary between pure state and IO.

use std::path::PathBuf;

use uuid::Uuid;

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
    GoToSection(usize),
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
    Text(ratatui::crossterm::event::KeyEvent),
    Paste(String),
    StartTyping,
    Undo,
    Redo,
    Confirm,
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    /// Typing stopped for a moment: keep what was typed.
    Idle,
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
}

/// IO the loop carries out after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Hand the draft to the background writer.
    Save,
    /// Save, then leave the program.
    Quit,
    /// Save and close the draft, back to the home screen.
    CloseDraft,
    RefreshHome,
    OpenDraft(Uuid),
    CreateDraft {
        questionnaire: String,
        title: String,
    },
    DeleteDraft(Uuid),
    RenameDraft(Uuid, String),
    DuplicateDraft(Uuid),
    LoadBackups(Uuid),
    RestoreBackup(Uuid, PathBuf),
    ImportFrom(String),
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
}
