//! Review (what is answered and what is missing, per section, each item jumping to its
//! question; mark ready; go on to export) and the export result screen.

use std::path::PathBuf;

use crate::answers::{self, AnswerValue};
use crate::draft::DraftStatus;
use crate::questionnaire::Requirement;

use super::action::{Action, Effect};
use super::app::{App, FlashKind, Hit, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    RequiredMissing,
    RecommendedMissing,
    Unconfirmed,
    Unfinished,
    NoLongerAsked,
}

impl ItemKind {
    /// Marker and words, so meaning never rests on colour.
    pub fn label(self) -> &'static str {
        match self {
            Self::RequiredMissing => "! Required, not answered",
            Self::RecommendedMissing => "- Recommended, not answered",
            Self::Unconfirmed => "? From last time, not yet confirmed",
            Self::Unfinished => "x Typed but not finished",
            Self::NoLongerAsked => "  No longer asked",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewRow {
    Section {
        index: usize,
        text: String,
    },
    Item {
        kind: ItemKind,
        question: String,
        text: String,
    },
    Heading(String),
}

#[derive(Default)]
pub struct ReviewView {
    pub rows: Vec<ReviewRow>,
    pub selected: usize,
    /// Asked "export anyway, marked incomplete?"
    pub confirm_incomplete: bool,
    /// The one-off question for the hub's e-mail address, while it is being typed.
    pub hub_email: Option<ratatui_textarea::TextArea<'static>>,
    /// Whether the export waiting for the address is an incomplete one.
    pub pending_incomplete: bool,
}

#[derive(Default)]
pub struct ExportView {
    /// Lines describing the result: where the bundle is, the files, any warnings.
    pub lines: Vec<String>,
    pub folder: Option<PathBuf>,
    pub failed: bool,
}

impl App {
    pub(super) fn open_review(&mut self) {
        let Some(s) = self.session.as_ref() else {
            return;
        };
        let qn = &s.questionnaire;
        let answers = &s.draft.answers;
        let mut rows = Vec::new();
        for (si, section) in qn.sections.iter().enumerate() {
            let p = s.progress.get(si).copied().unwrap_or_default();
            let mut text = format!(
                "{}. {} — {} of {} answered",
                si + 1,
                section.title,
                p.answered,
                p.total
            );
            if p.required_missing > 0 {
                text.push_str(&format!(" · {} required missing", p.required_missing));
            }
            if p.recommended_missing > 0 {
                text.push_str(&format!(" · {} recommended missing", p.recommended_missing));
            }
            if p.total == 0 {
                text.push_str(" (no questions apply)");
            }
            rows.push(ReviewRow::Section { index: si, text });
            for &qi in s.visible.get(si).into_iter().flatten() {
                let q = &section.questions[qi];
                let answered = answers.get(&q.id).is_some_and(AnswerValue::is_answered);
                let kind = if s.draft.unfinished.contains_key(&q.id) {
                    Some(ItemKind::Unfinished)
                } else if !answered && q.required == Requirement::Required {
                    Some(ItemKind::RequiredMissing)
                } else if !answered && q.required == Requirement::Recommended {
                    Some(ItemKind::RecommendedMissing)
                } else if s.draft.is_unconfirmed(&q.id) {
                    Some(ItemKind::Unconfirmed)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    rows.push(ReviewRow::Item {
                        kind,
                        question: q.id.clone(),
                        text: q.prompt.clone(),
                    });
                }
            }
        }
        if !s.draft.orphaned_answers.is_empty() {
            rows.push(ReviewRow::Heading(
                "Answers no longer asked (kept in your draft and in the export)".to_string(),
            ));
            for (id, o) in &s.draft.orphaned_answers {
                let shown = match &o.value {
                    AnswerValue::Text(t) => t.clone(),
                    other => other.to_json().to_string(),
                };
                let prompt = o.prompt.clone().unwrap_or_else(|| id.clone());
                rows.push(ReviewRow::Item {
                    kind: ItemKind::NoLongerAsked,
                    question: id.clone(),
                    text: format!("{prompt}: {shown}"),
                });
            }
        }
        if let Some(c) = &s.draft.carried_over
            && !c.unknown_answers.is_empty()
        {
            rows.push(ReviewRow::Heading(format!(
                "{} answers from last time that this questionnaire does not ask (kept aside)",
                c.unknown_answers.len()
            )));
        }
        self.review = ReviewView {
            rows,
            selected: 0,
            ..ReviewView::default()
        };
        self.previous = Screen::Workspace;
        self.screen = Screen::Review;
    }

    /// Export, first asking once for the hub's address when nobody knows it.
    fn export_or_ask(&mut self, allow_incomplete: bool) -> Effect {
        if self.hub_email_known {
            return Effect::Export { allow_incomplete };
        }
        let mut area = ratatui_textarea::TextArea::default();
        area.set_cursor_line_style(ratatui::style::Style::default());
        self.review.hub_email = Some(area);
        self.review.pending_incomplete = allow_incomplete;
        Effect::None
    }

    fn update_hub_email(&mut self, action: Action) -> Effect {
        let allow_incomplete = self.review.pending_incomplete;
        let Some(area) = self.review.hub_email.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::Text(k) => {
                area.input(k);
            }
            Action::Paste(p) => {
                area.insert_str(crate::answers::parse::sanitize(&p, false));
            }
            Action::Back => self.review.hub_email = None,
            Action::Enter => {
                let typed = area.lines().join("").trim().to_string();
                if typed.is_empty() {
                    self.review.hub_email = None;
                    return Effect::Export { allow_incomplete };
                }
                match crate::answers::parse::parse_email(&typed) {
                    Ok(email) => {
                        self.review.hub_email = None;
                        return Effect::RememberHubEmail {
                            email,
                            allow_incomplete,
                        };
                    }
                    Err(msg) => self.flash = Some((FlashKind::Warning, msg)),
                }
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn update_review(&mut self, action: Action) -> Effect {
        if self.review.hub_email.is_some() {
            return self.update_hub_email(action);
        }
        if self.review.confirm_incomplete {
            self.review.confirm_incomplete = false;
            if action == Action::Yes {
                return self.export_or_ask(true);
            }
            self.flash = Some((
                FlashKind::Info,
                "Not exported. Answer the required questions marked ! first.".to_string(),
            ));
            return Effect::None;
        }
        let len = self.review.rows.len();
        match action {
            Action::Up => self.review.selected = self.review.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                self.review.selected = (self.review.selected + 1).min(len.saturating_sub(1))
            }
            Action::ScrollUp => self.review.selected = self.review.selected.saturating_sub(1),
            Action::Home => self.review.selected = 0,
            Action::End => self.review.selected = len.saturating_sub(1),
            Action::Back | Action::Review => self.screen = Screen::Workspace,
            Action::Enter => self.jump_from_review(self.review.selected),
            Action::Click { column, row } => {
                let hit = self.hit_at(column, row);
                if let Some(Hit::ListRow(i)) = hit {
                    self.review.selected = i;
                    self.jump_from_review(i);
                }
            }
            Action::MarkReady => return self.mark_ready(),
            Action::Export => {
                let missing = self
                    .session
                    .as_ref()
                    .map_or(0, |s| s.overall.required_missing);
                if missing > 0 {
                    self.review.confirm_incomplete = true;
                    return Effect::None;
                }
                return self.export_or_ask(false);
            }
            _ => {}
        }
        Effect::None
    }

    fn jump_from_review(&mut self, i: usize) {
        let Some(s) = self.session.as_mut() else {
            return;
        };
        match self.review.rows.get(i) {
            Some(ReviewRow::Section { index, .. }) => {
                s.go_to_section(*index);
                self.screen = Screen::Workspace;
            }
            Some(ReviewRow::Item { question, kind, .. })
                if *kind != ItemKind::NoLongerAsked && s.go_to_question(question) =>
            {
                self.screen = Screen::Workspace;
            }
            _ => {}
        }
    }

    fn mark_ready(&mut self) -> Effect {
        let Some(s) = self.session.as_mut() else {
            return Effect::None;
        };
        if s.read_only.is_some() {
            self.flash = Some((FlashKind::Warning, "This draft is read-only.".to_string()));
            return Effect::None;
        }
        let missing = s.overall.required_missing;
        if missing > 0 {
            let first = answers::progress::missing(
                &s.questionnaire,
                &s.draft.answers,
                Requirement::Required,
            )
            .first()
            .map(|(si, q)| {
                format!(
                    " The first is in section {} ({}): \"{}\".",
                    si + 1,
                    s.questionnaire.sections[*si].title,
                    q.prompt
                )
            })
            .unwrap_or_default();
            self.flash = Some((
                FlashKind::Warning,
                format!(
                    "{missing} required answer{} still missing, so the draft cannot be marked ready yet.{first}",
                    if missing == 1 { " is" } else { "s are" }
                ),
            ));
            return Effect::None;
        }
        s.draft.status = DraftStatus::Ready;
        self.flash = Some((
            FlashKind::Info,
            "Marked ready to export. Press e to write the bundle for your music hub.".to_string(),
        ));
        Effect::Save
    }

    pub(super) fn update_export(&mut self, action: Action) -> Effect {
        match action {
            Action::OpenFolder => {
                if let Some(f) = &self.export.folder {
                    return Effect::OpenFolder(f.clone());
                }
            }
            Action::OpenMail if self.export.folder.is_some() => return Effect::OpenMail,
            Action::Back | Action::Enter => self.screen = Screen::Review,
            _ => {}
        }
        Effect::None
    }
}
