//! Updates while a question is showing: moving between questions and sections, opening the
//! sections list or review, guidance, clicks, and the answer widget's keys.

use super::review::Review;
use super::{View, Workspace, save_if};
use crate::tui::action::{Action, Cx, Effect};
use crate::tui::clicks::Hit;
use crate::tui::editor::{Editor, LevelFocus, Outcome};

const LAST: &str = "That was the last question. Press r (or F3) to review your answers.";

pub fn update(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    if action != Action::Idle {
        s.notice = None;
    }
    if !matches!(action, Action::Digit(_) | Action::Idle) {
        s.editor.clear_pending();
    }
    match action {
        Action::Idle => save_if(s.commit_text(cx.now)),
        Action::KeepTyping => {
            // A half-typed address is not wrong yet: no message while the typing goes on.
            let shown = s.error.take();
            let changed = s.commit_text(cx.now);
            s.error = shown;
            save_if(changed)
        }
        Action::Back => {
            if s.editor.stop_typing() {
                return save_if(s.commit_text(cx.now));
            }
            s.commit_text(cx.now);
            Effect::ShowHome {
                select: Some(s.draft.id),
            }
        }
        Action::NextQuestion | Action::ScrollDown => leave(ws, cx, Move::Next),
        Action::PrevQuestion | Action::ScrollUp => leave(ws, cx, Move::Prev),
        Action::NextField if !s.editor.next_field() => leave(ws, cx, Move::Next),
        Action::PrevField if !s.editor.prev_field() => leave(ws, cx, Move::Prev),
        Action::NextField | Action::PrevField => save_if(s.commit_text(cx.now)),
        Action::NextSection => leave(ws, cx, Move::NextSection),
        Action::PrevSection => leave(ws, cx, Move::PrevSection),
        Action::Sections => {
            let save = s.commit_text(cx.now);
            ws.view = View::Sections {
                cursor: s.place.section,
            };
            save_if(save)
        }
        Action::Review => {
            let save = s.commit_text(cx.now);
            ws.view = View::Review(Box::new(Review::of(s)));
            save_if(save)
        }
        Action::ToggleGuidance => {
            s.toggle_guidance();
            Effect::None
        }
        Action::Clicked(hit) => click(ws, hit, cx),
        other => widget(ws, other, cx),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Next,
    Prev,
    NextSection,
    PrevSection,
}

/// Leave the current question (keeping typed text first), then move.
fn leave(ws: &mut Workspace, cx: &mut Cx, mv: Move) -> Effect {
    let s = &mut ws.session;
    let save = s.commit_text(cx.now);
    let moved = match mv {
        Move::Next => s.next_question(),
        Move::Prev => s.prev_question(),
        Move::NextSection => s.walk.next_section(s.place.section).is_some_and(|t| {
            s.go_to_section(t);
            true
        }),
        Move::PrevSection => s.walk.prev_section(s.place.section).is_some_and(|t| {
            s.go_to_section(t);
            true
        }),
    };
    if !moved {
        if matches!(mv, Move::Next | Move::NextSection) {
            s.editor.stop_typing();
            cx.info(LAST);
        } else {
            cx.info("This is the first question.");
        }
    }
    save_if(save)
}

/// Keys for the answer widget.
fn widget(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    let Some(q) = s.question().cloned() else {
        return Effect::None;
    };
    let outcome = match action {
        Action::Text(key) => {
            if let Some(reason) = &s.read_only {
                let text = format!("Nothing can be changed: {reason}");
                cx.warn(text);
            } else if let Some(full) = s.editor.refuses(&key) {
                s.error = Some(full);
            } else if s.editor.input_key(key) {
                s.text_dirty = true;
                s.error = None;
            }
            return Effect::None;
        }
        // A paste, or a run of letters that arrived together: the same as typing them.
        Action::Paste(text) => {
            if let Some(reason) = &s.read_only {
                let text = format!("Nothing can be changed: {reason}");
                cx.warn(text);
            } else {
                match s.editor.paste(&text) {
                    Ok(true) => {
                        s.text_dirty = true;
                        s.error = None;
                    }
                    Ok(false) => {}
                    Err(refused) => s.error = Some(refused),
                }
            }
            return Effect::None;
        }
        Action::Clear | Action::Undo | Action::Redo => return edit(ws, &action, cx),
        Action::StartTyping => {
            s.editor.start_typing();
            return Effect::None;
        }
        Action::Up | Action::Down => {
            s.editor.move_highlight(&q, action == Action::Down);
            return Effect::None;
        }
        Action::Left | Action::Right => {
            if matches!(
                s.editor,
                Editor::YesNo { .. }
                    | Editor::Level {
                        focus: LevelFocus::Target,
                        ..
                    }
            ) {
                s.editor.move_highlight(&q, action == Action::Right);
            }
            return Effect::None;
        }
        Action::Toggle => s.editor.choose(&q, &s.draft, false),
        Action::Enter => return enter(ws, cx),
        Action::Digit(n) => return digit(ws, n, cx),
        Action::Yes | Action::No => match s.editor {
            Editor::YesNo { ref mut highlight } => {
                *highlight = usize::from(action == Action::No);
                s.editor.choose(&q, &s.draft, true)
            }
            _ => return Effect::None,
        },
        Action::Confirm if s.draft.is_unconfirmed(&q.id) => {
            s.draft.confirm(&q.id);
            return Effect::Save;
        }
        _ => return Effect::None,
    };
    apply(ws, outcome, cx)
}

/// Ctrl-K clears the answer, Ctrl-Z brings it back (in a text box, a word at a time).
fn edit(ws: &mut Workspace, action: &Action, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    if let Some(reason) = &s.read_only {
        let text = format!("Nothing can be changed: {reason}");
        cx.warn(text);
        return Effect::None;
    }
    if s.editor.text_focused() {
        let changed = match action {
            Action::Clear => s.editor.clear_text(),
            Action::Undo => s.editor.undo_text(),
            _ => s.editor.redo_text(),
        };
        s.text_dirty |= changed;
        if changed && *action == Action::Clear {
            cx.info("Cleared. Ctrl-Z brings it back.");
        }
        return Effect::None;
    }
    let Some(q) = s.question().cloned() else {
        return Effect::None;
    };
    match action {
        Action::Clear => {
            let Some(old) = s.draft.answers.get(&q.id).cloned() else {
                return Effect::None;
            };
            s.cleared = Some((q.id.clone(), old));
            cx.info("Answer cleared. Ctrl-Z brings it back.");
            set(ws, None, cx)
        }
        Action::Undo => match s.cleared.take() {
            Some((id, value)) if id == q.id => {
                let effect = set(ws, Some(value), cx);
                ws.session.load_editor();
                effect
            }
            other => {
                s.cleared = other;
                Effect::None
            }
        },
        _ => Effect::None,
    }
}

/// Enter: confirm last year's answer, check a typed line, start typing, or choose.
fn enter(ws: &mut Workspace, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    let Some(q) = s.question().cloned() else {
        return Effect::None;
    };
    let outcome = if s.draft.is_unconfirmed(&q.id) && !s.editor.text_focused() {
        s.draft.confirm(&q.id);
        Outcome::Advance
    } else {
        match &s.editor {
            Editor::Line { typing: true, .. } => {
                match s.editor.value(&s.questionnaire, &q, &s.draft) {
                    Outcome::Set(v) => Outcome::SetAndAdvance(v),
                    other => other,
                }
            }
            Editor::Long { typing: false, .. } | Editor::Line { typing: false, .. } => {
                s.editor.start_typing();
                return Effect::None;
            }
            _ => s.editor.choose(&q, &s.draft, true),
        }
    };
    apply(ws, outcome, cx)
}

/// A digit: on a text box that is not being typed in it starts typing with it; elsewhere
/// it chooses by number.
fn digit(ws: &mut Workspace, n: u8, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    let Some(q) = s.question().cloned() else {
        return Effect::None;
    };
    if matches!(s.editor, Editor::Line { .. } | Editor::Long { .. }) {
        s.editor.start_typing();
        let key = ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(char::from(b'0' + n)),
            ..ratatui_textarea::Input::default()
        };
        if s.read_only.is_none() && s.editor.input_key(key) {
            s.text_dirty = true;
        }
        return Effect::None;
    }
    let outcome = s.editor.pick(&q, &s.draft, n);
    apply(ws, outcome, cx)
}

fn apply(ws: &mut Workspace, outcome: Outcome, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    match outcome {
        Outcome::Nothing => Effect::None,
        Outcome::Waiting(msg) => {
            s.notice = Some(msg);
            Effect::None
        }
        Outcome::Invalid(msg) => {
            s.error = Some(msg);
            Effect::None
        }
        Outcome::Set(v) => set(ws, v, cx),
        Outcome::SetSaying(v, message) => {
            let effect = set(ws, v, cx);
            cx.info(message);
            effect
        }
        Outcome::Advance => {
            advance(ws, cx);
            Effect::Save
        }
        Outcome::SetAndAdvance(v) => {
            let effect = set(ws, v, cx);
            if ws.session.read_only.is_none() {
                advance(ws, cx);
            }
            effect
        }
    }
}

/// After an answer: back to review when the teacher came from there, else the next
/// question; at the last one, typing stops so that r (review) is a command, not a letter in
/// the answer.
fn advance(ws: &mut Workspace, cx: &mut Cx) {
    let s = &mut ws.session;
    if s.from_review {
        s.from_review = false;
        ws.view = View::Review(Box::new(Review::of(s)));
        return;
    }
    if !s.next_question() {
        s.editor.stop_typing();
        cx.info(LAST);
    }
}

fn set(ws: &mut Workspace, value: Option<crate::answers::AnswerValue>, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    if let Some(reason) = &s.read_only {
        let text = format!("Nothing can be changed: {reason}");
        cx.warn(text);
        return Effect::None;
    }
    let id = s.question().map(|q| q.id.clone());
    let notes = s.set_current(value, cx.now, cx.today);
    // A cross-check between answers is a warning, never a block.
    let checks: Vec<String> = id
        .map(|id| crate::answers::checks::warnings_about(&s.questionnaire, &s.draft.answers, &id))
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.text)
        .collect();
    if !checks.is_empty() {
        cx.warn(format!("Please check: {}", checks.join(" ")));
    } else if !notes.is_empty() {
        cx.info(notes.join(" "));
    }
    Effect::Save
}

fn click(ws: &mut Workspace, hit: Hit, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    match hit {
        Hit::Section(i) => {
            let save = s.commit_text(cx.now);
            s.go_to_section(i);
            save_if(save)
        }
        Hit::Option(i) => {
            let Some(q) = s.question().cloned() else {
                return Effect::None;
            };
            let n = u8::try_from(i + 1).unwrap_or(u8::MAX);
            let outcome = s.editor.pick(&q, &s.draft, n);
            apply(ws, outcome, cx)
        }
        Hit::TextBox => {
            s.editor.start_typing();
            Effect::None
        }
        Hit::ListRow(_) => Effect::None,
    }
}
