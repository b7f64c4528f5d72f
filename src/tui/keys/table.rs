//! The rows of the keys table. Within a place the first matching row wins, and the footer
//! shows labelled rows in this order, so the most useful keys come first.

use ratatui_textarea::Key;

use super::Chord::{Ctrl, Digits, Plain, Shift};
use super::Place::{
    DeskForm, DeskSchool, DeskSearch, DeskState, DeskTable, Everywhere, Export, ExportTyping, Help,
    Home, HomeConfirm, HomeTyping, NewDraft, NewDraftTitle, Question, QuitConfirm, QuitProblem,
    Restore, RestoreConfirm, Review, ReviewConfirm, ReviewTyping, Sections, TypingLine, TypingLong,
    Welcome,
};
use super::{Binding, Place};
use crate::tui::action::Action;

/// Where a question is being answered, typing or not.
const ANSWERING: &[Place] = &[Question, TypingLine, TypingLong];
const HOME: &[Place] = &[Welcome, Home];

macro_rules! row {
    ($places:expr, [$($chord:expr),+], $action:expr, $keys:literal, $footer:expr, $help:literal) => {
        Binding {
            places: $places,
            chords: &[$($chord),+],
            action: $action,
            keys: $keys,
            footer: $footer,
            help: $help,
        }
    };
}

#[rustfmt::skip]
pub static TABLE: &[Binding] = &[
    // Everywhere.
    row!(&[Everywhere], [Ctrl(Key::Char('q')), Ctrl(Key::Char('c'))], Action::Quit, "Ctrl-Q", Some("quit"), "save and quit, from anywhere (everything is saved as you go)"),
    row!(&[Everywhere], [Plain(Key::F(1))], Action::Help, "F1", Some("help"), "help for the screen you are on"),
    row!(&[Everywhere], [Plain(Key::F(4))], Action::ToggleMouse, "F4", None, "mouse off to select and copy text; F4 again turns it on (remembered)"),
    // The home screen.
    row!(&[Home], [Plain(Key::Enter), Plain(Key::Char('o'))], Action::Enter, "Enter", Some("open"), "open the chosen draft"),
    row!(&[Welcome], [Plain(Key::Enter)], Action::New, "Enter", None, "start your first self-evaluation"),
    row!(HOME, [Plain(Key::Char('n'))], Action::New, "n", Some("new"), "start a new self-evaluation"),
    row!(&[Welcome], [Plain(Key::Char('i'))], Action::Import, "i", Some("from last year"), "start from last year's bundle (.zip, folder or submission.json)"),
    row!(HOME, [Plain(Key::Char('q')), Plain(Key::Esc)], Action::Leave, "q", Some("quit"), "quit, after asking (everything is already saved)"),
    row!(HOME, [Plain(Key::Char('?'))], Action::Help, "?", None, "help"),
    row!(&[Home], [Plain(Key::Char('r'))], Action::Rename, "r", Some("rename"), "rename the chosen draft"),
    row!(&[Home], [Plain(Key::Char('d'))], Action::Duplicate, "d", Some("copy"), "copy the chosen draft"),
    row!(&[Home], [Plain(Key::Char('x')), Plain(Key::Delete)], Action::Delete, "x", Some("delete"), "delete the chosen draft (asks first)"),
    row!(&[Home], [Plain(Key::Char('b'))], Action::Restore, "b", Some("backups"), "the chosen draft's backups; restore one (your current answers are backed up first)"),
    row!(&[Home], [Plain(Key::Char('i'))], Action::Import, "i", Some("from last year"), "start a new draft from last year's bundle (.zip, folder or submission.json)"),
    row!(&[Home], [Plain(Key::Up), Plain(Key::Char('k'))], Action::Up, "↑↓", None, "choose a draft"),
    row!(&[Home], [Plain(Key::Down), Plain(Key::Char('j'))], Action::Down, "↓", None, ""),
    // Typing a title or a path on the home screen, a title for a new draft.
    row!(&[HomeTyping, NewDraftTitle], [Plain(Key::Enter)], Action::Enter, "Enter", Some("OK"), "accept what you typed"),
    row!(&[HomeTyping], [Plain(Key::Esc)], Action::Back, "Esc", Some("cancel"), "cancel, keeping everything as it was"),
    row!(&[HomeConfirm, RestoreConfirm], [Plain(Key::Char('y')), Plain(Key::Char('Y'))], Action::Yes, "y", Some("yes"), "yes, go ahead"),
    row!(&[HomeConfirm, RestoreConfirm, ReviewConfirm], [Plain(Key::Char('n')), Plain(Key::Char('N'))], Action::No, "any other key", Some("no"), "no: nothing is changed"),
    // The new-draft screen.
    row!(&[NewDraft, Restore, Sections], [Plain(Key::Up), Plain(Key::Char('k'))], Action::Up, "↑↓", Some("choose"), "move in the list"),
    row!(&[NewDraft, Restore, Sections], [Plain(Key::Down), Plain(Key::Char('j'))], Action::Down, "↓", None, ""),
    row!(&[NewDraft], [Plain(Key::Enter)], Action::Enter, "Enter", Some("next"), "use the chosen questionnaire, then give a title"),
    row!(&[NewDraft], [Digits], Action::Digit(0), "1-9", None, "choose a questionnaire by its number"),
    row!(&[NewDraft], [Plain(Key::Char('p'))], Action::Print, "p", Some("print questions"), "print the questions to prepare, with the list of what to have ready (a PDF)"),
    row!(&[NewDraftTitle], [Plain(Key::Esc)], Action::Back, "Esc", Some("back"), "back to the choice of questionnaire"),
    // Restoring a backup.
    row!(&[Restore], [Plain(Key::Enter)], Action::Enter, "Enter", Some("restore"), "restore the chosen backup (asks first)"),
    // Answering: moving around.
    row!(ANSWERING, [Plain(Key::Tab)], Action::NextField, "Tab", Some("next"), "next part of a question (level, evidence, target), then the next question"),
    row!(ANSWERING, [Shift(Key::Tab)], Action::PrevField, "Shift-Tab", Some("back"), "previous part, then the previous question"),
    row!(ANSWERING, [Plain(Key::PageDown)], Action::NextSection, "PgDn/PgUp", Some("section"), "next / previous section"),
    row!(ANSWERING, [Plain(Key::PageUp)], Action::PrevSection, "PageUp", None, ""),
    row!(ANSWERING, [Ctrl(Key::Char('n'))], Action::NextQuestion, "Ctrl-N / Ctrl-P", None, "next / previous question (the mouse wheel too; ↑ and ↓ in a one-line box)"),
    row!(ANSWERING, [Ctrl(Key::Char('p'))], Action::PrevQuestion, "Ctrl-P", None, ""),
    row!(&[TypingLine, TypingLong], [Plain(Key::Esc)], Action::Back, "Esc", Some("stop typing"), "stop typing, so letters work as commands"),
    row!(ANSWERING, [Plain(Key::F(2)), Ctrl(Key::Char('l'))], Action::Sections, "F2", Some("sections"), "the list of sections: jump to any (s when not typing)"),
    row!(ANSWERING, [Plain(Key::F(3)), Ctrl(Key::Char('r'))], Action::Review, "F3", Some("review"), "review: what is missing, mark ready, export (r when not typing)"),
    row!(ANSWERING, [Ctrl(Key::Char('g'))], Action::ToggleGuidance, "Ctrl-G", None, "show or hide this question's guidance (g when not typing)"),
    row!(&[TypingLine], [Plain(Key::Enter)], Action::Enter, "Enter", None, "check the answer and move on (a message says what to fix)"),
    row!(&[TypingLine], [Plain(Key::Up)], Action::PrevQuestion, "↑", None, ""),
    row!(&[TypingLine], [Plain(Key::Down)], Action::NextQuestion, "↓", None, ""),
    row!(ANSWERING, [Ctrl(Key::Char('k'))], Action::Clear, "Ctrl-K", Some("clear"), "clear the answer (Ctrl-Z brings it back)"),
    row!(&[HomeTyping, NewDraftTitle, ReviewTyping, ExportTyping], [Ctrl(Key::Char('k'))], Action::Clear, "Ctrl-K", None, "clear the box (Ctrl-Z brings it back)"),
    row!(ANSWERING, [Ctrl(Key::Char('z'))], Action::Undo, "Ctrl-Z / Ctrl-Y", None, "undo / redo in a text box, a word at a time"),
    row!(ANSWERING, [Ctrl(Key::Char('y'))], Action::Redo, "Ctrl-Y", None, ""),
    // Answering, not typing: letters are commands.
    row!(&[Question], [Plain(Key::Char('?'))], Action::Help, "?", Some("help"), "help"),
    row!(&[Question], [Plain(Key::Char('s'))], Action::Sections, "s", None, "the list of sections"),
    row!(&[Question], [Plain(Key::Char('r'))], Action::Review, "r", None, "review"),
    row!(&[Question], [Plain(Key::Char('g'))], Action::ToggleGuidance, "g", None, "show or hide the guidance"),
    row!(&[Question], [Plain(Key::Esc)], Action::Back, "Esc", Some("back"), "back to your drafts (everything is saved)"),
    row!(&[Question], [Plain(Key::Up), Plain(Key::Char('k'))], Action::Up, "↑↓", None, "move in a list of choices or levels"),
    row!(&[Question], [Plain(Key::Down), Plain(Key::Char('j'))], Action::Down, "↓", None, ""),
    row!(&[Question], [Plain(Key::Enter)], Action::Enter, "Enter", None, "choose; in a text box, start typing; on last year's answer, confirm it"),
    row!(&[Question], [Plain(Key::Char(' '))], Action::Toggle, "Space", None, "tick or untick a choice"),
    row!(&[Question], [Digits], Action::Digit(0), "1-9", None, "choose by number"),
    row!(&[Question], [Plain(Key::Char('y')), Plain(Key::Char('Y'))], Action::Yes, "y / n", None, "answer a yes / no question"),
    row!(&[Question], [Plain(Key::Char('n')), Plain(Key::Char('N'))], Action::No, "n", None, ""),
    row!(&[Question], [Plain(Key::Left)], Action::Left, "←→", None, "yes / no, or the target level"),
    row!(&[Question], [Plain(Key::Right)], Action::Right, "→", None, ""),
    row!(&[Question], [Plain(Key::Home)], Action::Home, "Home", None, ""),
    row!(&[Question], [Plain(Key::End)], Action::End, "End", None, ""),
    row!(&[Question], [Plain(Key::Char('c'))], Action::Confirm, "c", None, "confirm an answer carried over from last time"),
    row!(&[Question], [Plain(Key::Char('e')), Plain(Key::Char('i'))], Action::StartTyping, "e", None, "start typing in the box again"),
    // The list of sections.
    row!(&[Sections], [Plain(Key::Enter)], Action::Enter, "Enter", Some("go"), "go to the chosen section"),
    row!(&[Sections], [Digits], Action::Digit(0), "1-9", None, "go to a section by its number"),
    row!(&[Sections], [Plain(Key::F(2))], Action::Sections, "F2", None, "close the list"),
    row!(&[Sections], [Plain(Key::F(3))], Action::Review, "F3", None, "review"),
    row!(&[NewDraft, Restore, Sections], [Plain(Key::Esc), Plain(Key::Char('q'))], Action::Back, "Esc", Some("back"), "go back"),
    // Review.
    row!(&[Review], [Plain(Key::Enter)], Action::Enter, "Enter", Some("go to"), "go to a section or a missing answer"),
    row!(&[Review], [Plain(Key::Char('m'))], Action::MarkReady, "m", Some("mark ready"), "mark the draft ready (needs every required answer)"),
    row!(&[Review], [Plain(Key::Char('e'))], Action::Export, "e", Some("export"), "write the bundle for your music hub; with required answers missing it asks first"),
    row!(&[Review], [Plain(Key::Up), Plain(Key::Char('k'))], Action::Up, "↑↓", None, "move in the list"),
    row!(&[Review], [Plain(Key::Down), Plain(Key::Char('j'))], Action::Down, "↓", None, ""),
    row!(&[Review], [Plain(Key::PageDown)], Action::ScrollDown, "PgDn", None, ""),
    row!(&[Review], [Plain(Key::PageUp)], Action::ScrollUp, "PgUp", None, ""),
    row!(&[Review], [Plain(Key::Esc), Plain(Key::Char('q'))], Action::Back, "Esc", Some("back"), "back to the questions"),
    row!(&[Review], [Plain(Key::F(3))], Action::Review, "F3", None, ""),
    row!(&[Review], [Plain(Key::F(2))], Action::Sections, "F2", None, "the list of sections"),
    row!(&[ReviewConfirm], [Plain(Key::Char('y')), Plain(Key::Char('Y'))], Action::Yes, "y", Some("export anyway"), "write the bundle marked INCOMPLETE DRAFT"),
    row!(&[ReviewTyping], [Plain(Key::Enter)], Action::Enter, "Enter", Some("export"), "remember the address and write the bundle (empty: no address)"),
    row!(&[ReviewTyping], [Plain(Key::Esc)], Action::Back, "Esc", Some("cancel"), "do not export now"),
    // After exporting.
    row!(&[Export], [Plain(Key::Char('o'))], Action::OpenFolder, "o", Some("open folder"), "open the bundle's folder"),
    row!(&[Export], [Plain(Key::Char('s'))], Action::OpenMail, "s", Some("send"), "open the e-mail, with the files attached, in your mail program"),
    row!(&[Export], [Plain(Key::Char('f'))], Action::ChooseFolder, "f", Some("other folder"), "choose another folder for bundles"),
    row!(&[ExportTyping], [Plain(Key::Enter)], Action::Enter, "Enter", Some("use it"), "use this folder for bundles from now on"),
    row!(&[ExportTyping], [Plain(Key::Esc)], Action::Back, "Esc", Some("cancel"), "keep the folder as it is"),
    row!(&[Export], [Plain(Key::Esc), Plain(Key::Char('q')), Plain(Key::Enter)], Action::Back, "Esc", Some("back"), "back to review"),
    // Lists everywhere.
    row!(&[Home, NewDraft, Restore, Sections, Review], [Plain(Key::Home)], Action::Home, "Home / End", None, "first / last in the list"),
    row!(&[Home, NewDraft, Restore, Sections, Review], [Plain(Key::End)], Action::End, "End", None, ""),
    // When quitting cannot save (Ctrl-Q there tries again).
    row!(&[QuitProblem], [Plain(Key::Char('t')), Plain(Key::Char('T'))], Action::TryAgain, "t", Some("try again"), "try to save again, then quit"),
    row!(&[QuitProblem], [Plain(Key::Char('w')), Plain(Key::Char('W'))], Action::WriteRecovery, "w", Some("recovery copy"), "write a recovery copy of your answers somewhere that has room; the screen says where"),
    row!(&[QuitProblem], [Plain(Key::Char('q')), Plain(Key::Char('Q'))], Action::QuitAnyway, "q", Some("quit"), "quit: without saving (asks you first), or once the recovery copy is written"),
    row!(&[QuitProblem], [Plain(Key::Esc)], Action::Back, "Esc", Some("back"), "go back to your answers; saving is tried again every few seconds"),
    row!(&[QuitConfirm], [Plain(Key::Char('y')), Plain(Key::Char('Y'))], Action::Yes, "y", Some("quit without saving"), "yes, quit without saving"),
    row!(&[QuitConfirm], [Plain(Key::Char('n')), Plain(Key::Char('N'))], Action::No, "any other key", Some("no"), "no: back to the choices"),
    // The hub desk: the schools table.
    row!(&[DeskTable], [Plain(Key::Enter), Plain(Key::Char('o'))], Action::Enter, "Enter", Some("open"), "open the chosen school's page"),
    row!(&[DeskTable], [Plain(Key::Char('/'))], Action::Search, "/", Some("find"), "find schools by name or URN as you type"),
    row!(&[DeskTable], [Plain(Key::Char('f'))], Action::Filter, "f", Some("show"), "show all schools, those to decide, outstanding, needing follow-up, or decided"),
    row!(&[DeskTable], [Plain(Key::Char('s'))], Action::Sort, "s", Some("sort"), "sort by the next column: URN, name, submitted, checklist, overall, review state"),
    row!(&[DeskTable, DeskSchool], [Plain(Key::Up), Plain(Key::Char('k'))], Action::Up, "↑↓", None, "choose a school; on its page, scroll"),
    row!(&[DeskTable, DeskSchool], [Plain(Key::Down), Plain(Key::Char('j'))], Action::Down, "↓", None, ""),
    row!(&[DeskTable, DeskSchool], [Plain(Key::PageDown)], Action::ScrollDown, "PgDn/PgUp", None, "a page down / up"),
    row!(&[DeskTable, DeskSchool], [Plain(Key::PageUp)], Action::ScrollUp, "PgUp", None, ""),
    row!(&[DeskTable], [Plain(Key::Home)], Action::Home, "Home / End", None, "first / last school"),
    row!(&[DeskTable], [Plain(Key::End)], Action::End, "End", None, ""),
    row!(&[DeskTable], [Plain(Key::Char('q')), Plain(Key::Esc)], Action::Quit, "q", Some("quit"), "close the desk (everything is kept as you go)"),
    row!(&[DeskSearch], [Plain(Key::Enter)], Action::Enter, "Enter", Some("done"), "keep the search and go back to the table"),
    row!(&[DeskSearch], [Plain(Key::Esc)], Action::Back, "Esc", Some("clear"), "clear the search and show every school again"),
    // A school's page.
    row!(&[DeskSchool], [Plain(Key::Char('r'))], Action::SetState, "r", Some("review state"), "change the review state, with a note (kept with your name and the time)"),
    row!(&[DeskSchool], [Plain(Key::Char('d'))], Action::Decide, "d", Some("decide"), "fill in the decision: recommendation, certificate or award, three priorities"),
    row!(&[DeskSchool], [Plain(Key::Char('f'))], Action::Feedback, "f", Some("feedback"), "write the feedback for the school: letter, feedback.json and an e-mail"),
    row!(&[DeskSchool], [Plain(Key::Esc), Plain(Key::Char('q'))], Action::Back, "Esc", Some("back"), "back to the schools table"),
    row!(&[DeskState], [Plain(Key::Up)], Action::Up, "↑↓", Some("state"), "choose the state; type the note"),
    row!(&[DeskState], [Plain(Key::Down)], Action::Down, "↓", None, ""),
    row!(&[DeskState], [Plain(Key::Enter)], Action::Save, "Enter", Some("keep"), "keep the new state and the note"),
    row!(&[DeskState, DeskForm], [Plain(Key::Esc)], Action::Back, "Esc", Some("cancel"), "cancel: nothing is changed"),
    // The decision form.
    row!(&[DeskForm], [Plain(Key::Tab), Plain(Key::Down), Plain(Key::Enter)], Action::NextField, "Tab", Some("next"), "next field (↓ and Enter too)"),
    row!(&[DeskForm], [Shift(Key::Tab), Plain(Key::Up)], Action::PrevField, "Shift-Tab", Some("back"), "previous field (↑ too)"),
    row!(&[DeskForm], [Plain(Key::Left)], Action::Left, "←→", None, "in a choice (recommend, certificate, award), the other choice"),
    row!(&[DeskForm], [Plain(Key::Right)], Action::Right, "→", None, ""),
    row!(&[DeskForm], [Ctrl(Key::Char('s'))], Action::Save, "Ctrl-S", Some("keep"), "check the decision and keep it; what is wrong is shown and nothing typed is lost"),
    // Help.
    row!(&[Help], [Plain(Key::Esc), Plain(Key::Char('q')), Plain(Key::Enter), Plain(Key::F(1)), Plain(Key::Char('?'))], Action::Back, "Esc", Some("close help"), "close help"),
    row!(&[Help], [Plain(Key::Up), Plain(Key::Char('k')), Plain(Key::PageUp)], Action::Up, "↑↓", Some("scroll"), "scroll"),
    row!(&[Help], [Plain(Key::Down), Plain(Key::Char('j')), Plain(Key::PageDown)], Action::Down, "↓", None, ""),
];
