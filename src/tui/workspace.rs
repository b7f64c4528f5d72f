//! An open draft on screen: the session (answers, place, editor) and which view of it is
//! showing — a question, the list of sections, review or the export result. Updates of each
//! view live beside it (`question`, `sections`, `review`, `export`); their drawing is in the
//! matching `*_view` files.

pub mod export;
pub mod export_view;
pub mod frame_view;
pub mod levels_view;
pub mod marks;
pub mod question;
pub mod question_view;
pub mod review;
pub mod review_view;
pub mod sections;
pub mod sections_view;
pub mod session;

use super::action::{Action, Cx, Effect, Flash, OpenedDraft};
use super::keys::Place;
use crate::workflow::Written;
use export::ExportView;
use review::{Review, ReviewMode};
pub use session::Session;

/// Which view of the draft is showing; each carries its own state.
pub enum View {
    Question,
    Sections { cursor: usize },
    Review(Box<Review>),
    Export(ExportView),
}

pub struct Workspace {
    pub session: Session,
    pub view: View,
}

impl Workspace {
    /// The workspace for a freshly opened draft, and what to tell the teacher about it.
    pub fn open(opened: OpenedDraft) -> (Self, Option<Flash>) {
        let mut session = Session::new(opened.questionnaire, opened.draft, opened.read_only);
        session.hub_address_known = opened.hub_address_known;
        let flash = if let Some(reason) = &session.read_only {
            Some(Flash::warn(reason.clone()))
        } else if opened.orphaned > 0 {
            Some(Flash::warn(format!(
                "The questionnaire has changed: {} earlier answers are kept under \"answers no longer asked\" in review.",
                opened.orphaned
            )))
        } else {
            welcome_back(&session)
        };
        (
            Self {
                session,
                view: View::Question,
            },
            flash,
        )
    }

    /// Where keys are read now.
    pub fn place(&self) -> Place {
        match &self.view {
            View::Question if self.session.editor.text_focused() => {
                if self.session.editor.is_multiline() {
                    Place::TypingLong
                } else {
                    Place::TypingLine
                }
            }
            View::Question => Place::Question,
            View::Sections { .. } => Place::Sections,
            View::Review(r) => match r.mode {
                ReviewMode::Browse => Place::Review,
                ReviewMode::ConfirmExport { .. } => Place::ReviewConfirm,
                ReviewMode::HubEmail { .. } => Place::ReviewTyping,
            },
            View::Export(e) if e.choose.is_some() => Place::ExportTyping,
            View::Export(_) => Place::Export,
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let effect = match &self.view {
            View::Question => question::update(self, action, cx),
            View::Sections { .. } => sections::update(self, &action),
            View::Review(_) => review::update(self, action, cx),
            View::Export(_) => export::update(self, action, cx),
        };
        self.session.editor.sync_cursor();
        effect
    }

    /// Keep typed text before leaving the draft or quitting; true when the draft changed.
    pub fn commit_text(&mut self, cx: &Cx) -> bool {
        self.session.commit_text(cx.now)
    }

    /// The bundle came back: record it on the draft and show the result.
    pub fn exported(&mut self, result: Result<Written, String>, cx: &Cx) -> Effect {
        let effect = match &result {
            Ok(w) => {
                crate::export::record(&mut self.session.draft, &w.report, w.incomplete, cx.now);
                Effect::Save
            }
            Err(_) => Effect::None,
        };
        self.view = View::Export(ExportView::from(result));
        effect
    }

    /// The hub's address was remembered: export need not ask again.
    pub fn hub_address_remembered(&mut self) {
        self.session.hub_address_known = true;
    }
}

/// "Welcome back — you stopped at 3.11", and any half-typed answers kept aside.
fn welcome_back(s: &Session) -> Option<Flash> {
    let unfinished = s.draft.unfinished.len();
    let kept = match unfinished {
        0 => String::new(),
        1 => " One answer is typed but not finished: it is marked x in review (r).".to_string(),
        n => format!(" {n} answers are typed but not finished: they are marked x in review (r)."),
    };
    if s.resumed {
        let at = s.number().unwrap_or_default();
        return Some(Flash::info(format!(
            "Welcome back — you stopped at {at}.{kept}"
        )));
    }
    (unfinished > 0).then(|| Flash::info(kept.trim_start().to_string()))
}

/// `Effect::Save` when `changed`, for updates that may or may not have changed the draft.
pub fn save_if(changed: bool) -> Effect {
    if changed { Effect::Save } else { Effect::None }
}
