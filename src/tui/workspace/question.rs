//! Updates while a question is showing: moving between questions and sections, opening the
//! sections list or review, guidance, clicks, and the answer widget's keys.

use super::review::Review;
use super::{View, Workspace, save_if};
use crate::tui::action::{Action, Cx, Effect};
use crate::tui::clicks::Hit;
use crate::tui::editor::{Editor, LevelFocus, Outcome};

const LAST: &str = "That was the last question. Press F3 (or r) to review your answers.";

pub fn update(ws: &mut Workspace, action: Action, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
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
            s.guidance_open = !s.guidance_open;
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
        Action::Undo | Action::Redo => {
            if let Some(area) = s.editor.text_area_mut() {
                let undo = action == Action::Undo;
                s.text_dirty |= if undo { area.undo() } else { area.redo() };
            }
            return Effect::None;
        }
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
        Outcome::Invalid(msg) => {
            s.error = Some(msg);
            Effect::None
        }
        Outcome::Set(v) => set(ws, v, cx),
        Outcome::Advance => {
            s.next_question();
            Effect::Save
        }
        Outcome::SetAndAdvance(v) => {
            let effect = set(ws, v, cx);
            let s = &mut ws.session;
            if s.read_only.is_none() && !s.next_question() {
                cx.info(LAST);
            }
            effect
        }
    }
}

fn set(ws: &mut Workspace, value: Option<crate::answers::AnswerValue>, cx: &mut Cx) -> Effect {
    let s = &mut ws.session;
    if let Some(reason) = &s.read_only {
        let text = format!("Nothing can be changed: {reason}");
        cx.warn(text);
        return Effect::None;
    }
    if let Some(note) = s.set_current(value, cx.now, cx.today) {
        cx.info(note);
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
