//! Updates while answering: moving between questions and sections, the widgets, the
//! sections list, guidance and mouse clicks.

use super::action::{Action, Effect};
use super::app::{App, FlashKind, Hit, Screen};
use super::editor::Outcome;

impl App {
    pub(super) fn update_workspace(&mut self, action: Action) -> Effect {
        let Some(s) = self.session.as_mut() else {
            self.screen = Screen::Home;
            return Effect::RefreshHome;
        };
        match action {
            Action::Idle => {
                return if self.commit_text() {
                    Effect::Save
                } else {
                    Effect::None
                };
            }
            Action::Back => {
                if s.editor.stop_typing() {
                    return if self.commit_text() {
                        Effect::Save
                    } else {
                        Effect::None
                    };
                }
                return self.close_draft();
            }
            Action::NextQuestion | Action::PrevQuestion | Action::ScrollDown | Action::ScrollUp => {
                let forward = matches!(action, Action::NextQuestion | Action::ScrollDown);
                return self.leave_question(
                    |s| {
                        if forward {
                            s.next_question()
                        } else {
                            s.prev_question()
                        }
                    },
                    forward,
                );
            }
            Action::NextField => {
                if s.editor.next_field() {
                    return self.commit_effect();
                }
                return self.leave_question(super::session::Session::next_question, true);
            }
            Action::PrevField => {
                if s.editor.prev_field() {
                    return self.commit_effect();
                }
                return self.leave_question(super::session::Session::prev_question, false);
            }
            Action::NextSection | Action::PrevSection => {
                let forward = action == Action::NextSection;
                return self.leave_question(
                    |s| {
                        let target = if forward {
                            (s.section + 1..s.visible.len()).find(|&i| !s.visible[i].is_empty())
                        } else {
                            (0..s.section).rev().find(|&i| !s.visible[i].is_empty())
                        };
                        target.is_some_and(|t| {
                            s.go_to_section(t);
                            true
                        })
                    },
                    forward,
                );
            }
            Action::Sections => {
                let save = self.commit_text();
                if let Some(s) = self.session.as_mut() {
                    s.sections_cursor = s.section;
                }
                self.previous = Screen::Workspace;
                self.screen = Screen::Sections;
                return if save { Effect::Save } else { Effect::None };
            }
            Action::Review => {
                let save = self.commit_text();
                self.open_review();
                return if save { Effect::Save } else { Effect::None };
            }
            Action::ToggleGuidance => {
                s.guidance_open = !s.guidance_open;
                return Effect::None;
            }
            Action::Click { column, row } => return self.click(column, row),
            _ => {}
        }
        self.widget_action(action)
    }

    fn commit_effect(&mut self) -> Effect {
        if self.commit_text() {
            Effect::Save
        } else {
            Effect::None
        }
    }

    /// Leave the current question (checking typed text first), then move.
    fn leave_question(
        &mut self,
        mv: impl FnOnce(&mut super::session::Session) -> bool,
        forward: bool,
    ) -> Effect {
        let save = self.commit_text();
        let Some(s) = self.session.as_mut() else {
            return Effect::None;
        };
        if !mv(s) {
            self.flash = Some((
                FlashKind::Info,
                if forward {
                    "That was the last question. Press F3 (or r) to review your answers."
                        .to_string()
                } else {
                    "This is the first question.".to_string()
                },
            ));
        }
        if save { Effect::Save } else { Effect::None }
    }

    fn close_draft(&mut self) -> Effect {
        self.commit_text();
        if self.single_draft {
            self.should_quit = true;
            return Effect::Quit;
        }
        Effect::CloseDraft
    }

    fn widget_action(&mut self, action: Action) -> Effect {
        let Some(s) = self.session.as_mut() else {
            return Effect::None;
        };
        let Some(q) = s.question().cloned() else {
            return Effect::None;
        };
        let outcome = match action {
            Action::Text(key) => {
                if s.read_only.is_some() {
                    self.flash = Some((
                        FlashKind::Warning,
                        "This draft is read-only: nothing can be changed here.".to_string(),
                    ));
                    return Effect::None;
                }
                if s.editor.input_key(key) {
                    s.text_dirty = true;
                    s.error = None;
                }
                return Effect::None;
            }
            Action::Paste(text) => {
                if s.read_only.is_none() && s.editor.paste(&text) {
                    s.text_dirty = true;
                }
                return Effect::None;
            }
            Action::Undo | Action::Redo => {
                if let Some(area) = s.editor.text_area_mut() {
                    let changed = if action == Action::Undo {
                        area.undo()
                    } else {
                        area.redo()
                    };
                    s.text_dirty |= changed;
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
                    super::editor::Editor::YesNo { .. }
                        | super::editor::Editor::Level {
                            focus: super::editor::LevelFocus::Target,
                            ..
                        }
                ) {
                    s.editor.move_highlight(&q, action == Action::Right);
                }
                return Effect::None;
            }
            Action::Toggle => s.editor.choose(&q, &s.draft, false),
            Action::Enter => {
                if s.draft.is_unconfirmed(&q.id) && !s.editor.text_focused() {
                    s.draft.confirm(&q.id);
                    Outcome::Advance
                } else {
                    match &s.editor {
                        super::editor::Editor::Line { typing: true, .. } => {
                            match s.editor.value(&s.questionnaire, &q, &s.draft) {
                                Outcome::Set(v) => Outcome::SetAndAdvance(v),
                                other => other,
                            }
                        }
                        super::editor::Editor::Long { typing: false, .. }
                        | super::editor::Editor::Line { typing: false, .. } => {
                            s.editor.start_typing();
                            return Effect::None;
                        }
                        _ => s.editor.choose(&q, &s.draft, true),
                    }
                }
            }
            Action::Digit(n)
                if matches!(
                    s.editor,
                    super::editor::Editor::Line { .. } | super::editor::Editor::Long { .. }
                ) =>
            {
                // A digit on a text box that is not being typed in starts typing with it.
                s.editor.start_typing();
                let ch = char::from(b'0' + n);
                let key = ratatui::crossterm::event::KeyEvent::new(
                    ratatui::crossterm::event::KeyCode::Char(ch),
                    ratatui::crossterm::event::KeyModifiers::NONE,
                );
                if s.read_only.is_none() && s.editor.input_key(key) {
                    s.text_dirty = true;
                }
                return Effect::None;
            }
            Action::Digit(n) => s.editor.pick(&q, &s.draft, n),
            Action::Yes | Action::No => match s.editor {
                super::editor::Editor::YesNo { ref mut highlight } => {
                    *highlight = usize::from(action == Action::No);
                    s.editor.choose(&q, &s.draft, true)
                }
                _ => return Effect::None,
            },
            Action::Confirm => {
                if s.draft.is_unconfirmed(&q.id) {
                    s.draft.confirm(&q.id);
                    return Effect::Save;
                }
                return Effect::None;
            }
            _ => return Effect::None,
        };
        self.apply(outcome)
    }

    fn apply(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::Nothing => Effect::None,
            Outcome::Invalid(msg) => {
                if let Some(s) = self.session.as_mut() {
                    s.error = Some(msg);
                }
                Effect::None
            }
            Outcome::Set(v) => self.set_current(v),
            Outcome::Advance => {
                if let Some(s) = self.session.as_mut() {
                    s.next_question();
                }
                Effect::Save
            }
            Outcome::SetAndAdvance(v) => {
                let effect = self.set_current(v);
                if let Some(s) = self.session.as_mut()
                    && s.read_only.is_none()
                    && !s.next_question()
                {
                    self.flash = Some((
                        FlashKind::Info,
                        "That was the last question. Press F3 (or r) to review your answers."
                            .to_string(),
                    ));
                }
                effect
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) -> Effect {
        let hit = self.hit_at(column, row);
        match hit {
            Some(Hit::Section(i)) => {
                let save = self.commit_text();
                if let Some(s) = self.session.as_mut() {
                    s.go_to_section(i);
                }
                if save { Effect::Save } else { Effect::None }
            }
            Some(Hit::Option(i)) => {
                let Some(s) = self.session.as_mut() else {
                    return Effect::None;
                };
                let Some(q) = s.question().cloned() else {
                    return Effect::None;
                };
                let n = u8::try_from(i + 1).unwrap_or(u8::MAX);
                let outcome = s.editor.pick(&q, &s.draft, n);
                self.apply(outcome)
            }
            Some(Hit::TextBox) => {
                if let Some(s) = self.session.as_mut() {
                    s.editor.start_typing();
                }
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub(super) fn update_sections(&mut self, action: Action) -> Effect {
        let Some(s) = self.session.as_mut() else {
            return Effect::None;
        };
        let n = s.questionnaire.sections.len();
        match action {
            Action::Up => s.sections_cursor = s.sections_cursor.saturating_sub(1),
            Action::Down => s.sections_cursor = (s.sections_cursor + 1).min(n.saturating_sub(1)),
            Action::Home => s.sections_cursor = 0,
            Action::End => s.sections_cursor = n.saturating_sub(1),
            Action::Digit(d) if usize::from(d) >= 1 && usize::from(d) <= n => {
                s.go_to_section(usize::from(d) - 1);
                self.screen = Screen::Workspace;
            }
            Action::Enter => {
                let target = s.sections_cursor;
                s.go_to_section(target);
                self.screen = Screen::Workspace;
            }
            Action::Back | Action::Sections => self.screen = Screen::Workspace,
            Action::Click { column, row } => {
                let hit = self.hit_at(column, row);
                if let (Some(Hit::Section(i) | Hit::ListRow(i)), Some(s)) =
                    (hit, self.session.as_mut())
                {
                    s.go_to_section(i);
                    self.screen = Screen::Workspace;
                }
            }
            _ => {}
        }
        Effect::None
    }
}
