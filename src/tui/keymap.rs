//! Keys and mouse events to actions, per screen and focus. Pure: no state is changed here.
//! While a text box has focus, printable keys type; commands use Ctrl, function keys, Tab
//! and PageUp/PageDown so they never swallow a letter.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::app::{App, Screen};

/// The action for an event, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(app, k),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            _ => None,
        },
        _ => None,
    }
}

fn key(app: &App, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    // Keys that work everywhere.
    match k.code {
        KeyCode::Char('q' | 'c') if ctrl => return Some(Action::Quit),
        KeyCode::F(1) => return Some(Action::Help),
        _ => {}
    }
    if app.text_focused() {
        return typing_key(app, k, ctrl);
    }
    match app.screen {
        Screen::Workspace => workspace_key(k, ctrl),
        Screen::Home => home_key(k),
        _ => list_key(k),
    }
}

fn common_nav(k: &KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match k.code {
        KeyCode::Tab => Action::NextField,
        KeyCode::BackTab => Action::PrevField,
        KeyCode::PageDown => Action::NextSection,
        KeyCode::PageUp => Action::PrevSection,
        KeyCode::F(2) => Action::Sections,
        KeyCode::F(3) => Action::Review,
        KeyCode::Char('l') if ctrl => Action::Sections,
        KeyCode::Char('r') if ctrl => Action::Review,
        KeyCode::Char('g') if ctrl => Action::ToggleGuidance,
        KeyCode::Char('n') if ctrl => Action::NextQuestion,
        KeyCode::Char('p') if ctrl => Action::PrevQuestion,
        _ => return None,
    })
}

fn typing_key(app: &App, k: &KeyEvent, ctrl: bool) -> Option<Action> {
    if let Some(a) = common_nav(k, ctrl) {
        return Some(a);
    }
    let multiline = app.text_is_multiline();
    match k.code {
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Enter if !multiline => Some(Action::Enter),
        KeyCode::Up if !multiline && app.screen == Screen::Workspace => Some(Action::PrevQuestion),
        KeyCode::Down if !multiline && app.screen == Screen::Workspace => {
            Some(Action::NextQuestion)
        }
        KeyCode::Char('z') if ctrl => Some(Action::Undo),
        KeyCode::Char('y') if ctrl => Some(Action::Redo),
        _ => Some(Action::Text(*k)),
    }
}

fn workspace_key(k: &KeyEvent, ctrl: bool) -> Option<Action> {
    if let Some(a) = common_nav(k, ctrl) {
        return Some(a);
    }
    Some(match k.code {
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('g') => Action::ToggleGuidance,
        KeyCode::Char('r') => Action::Review,
        KeyCode::Char('s') => Action::Sections,
        KeyCode::Char('c') => Action::Confirm,
        KeyCode::Char('y' | 'Y') => Action::Yes,
        KeyCode::Char('n' | 'N') => Action::No,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char(c @ '0'..='9') => Action::Digit(c as u8 - b'0'),
        KeyCode::Enter => Action::Enter,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Char('e' | 'i') => Action::StartTyping,
        _ => return None,
    })
}

fn home_key(k: &KeyEvent) -> Option<Action> {
    Some(match k.code {
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('n') => Action::New,
        KeyCode::Char('r') => Action::Rename,
        KeyCode::Char('d') => Action::Duplicate,
        KeyCode::Char('x') | KeyCode::Delete => Action::Delete,
        KeyCode::Char('b') => Action::Restore,
        KeyCode::Char('i') => Action::Import,
        KeyCode::Char('y' | 'Y') => Action::Yes,
        KeyCode::Char('N') => Action::No,
        KeyCode::Enter | KeyCode::Char('o') => Action::Enter,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        _ => return None,
    })
}

/// Screens that are lists with a few letter commands: new draft, sections, review, help,
/// export, restore.
fn list_key(k: &KeyEvent) -> Option<Action> {
    Some(match k.code {
        KeyCode::Esc | KeyCode::Char('q') => Action::Back,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Enter => Action::Enter,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageDown => Action::ScrollDown,
        KeyCode::PageUp => Action::ScrollUp,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Char('m') => Action::MarkReady,
        KeyCode::Char('e') => Action::Export,
        KeyCode::Char('o') => Action::OpenFolder,
        KeyCode::Char('s') => Action::OpenMail,
        KeyCode::Char('y' | 'Y') => Action::Yes,
        KeyCode::Char('n' | 'N') => Action::No,
        KeyCode::Char(c @ '1'..='9') => Action::Digit(c as u8 - b'0'),
        _ => return None,
    })
}
