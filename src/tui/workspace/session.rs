//! An open draft: the questionnaire and the answers, where the teacher is (through the
//! navigator), the editor for the current question, and the message under it. Changing an
//! answer refreshes what applies; moving never recomputes it.

use chrono::{DateTime, NaiveDate, Utc};

use crate::answers::walk::{Place, Walk};
use crate::answers::{self, AnswerValue};
use crate::draft::{Draft, DraftStatus, Position};
use crate::questionnaire::{Question, Questionnaire, Role};
use crate::tui::editor::{Editor, Outcome};

pub struct Session {
    pub questionnaire: Questionnaire,
    pub draft: Draft,
    /// Why changes are refused, when the draft is read-only.
    pub read_only: Option<String>,
    pub walk: Walk,
    pub place: Place,
    pub editor: Editor,
    pub guidance_open: bool,
    /// Inline message under the widget: what is wrong with the answer and how to fix it.
    pub error: Option<String>,
    /// A note under the widget that is not an error ("1… type another digit").
    pub notice: Option<String>,
    /// The answer last cleared with Ctrl-K, for Ctrl-Z.
    pub cleared: Option<(String, AnswerValue)>,
    /// Text typed but not yet copied into the draft (copied on idle or when leaving).
    pub text_dirty: bool,
    /// The hub's e-mail address is known (questionnaire or settings): export need not ask.
    pub hub_address_known: bool,
    /// The question came from review's list: once answered, go back to review.
    pub from_review: bool,
    /// The draft reopened where the teacher had stopped.
    pub resumed: bool,
}

impl Session {
    pub fn new(questionnaire: Questionnaire, draft: Draft, read_only: Option<String>) -> Self {
        let walk = Walk::new(&questionnaire, &draft.answers);
        let unconfirmed = draft
            .carried_over
            .as_ref()
            .map(|c| c.unconfirmed.clone())
            .unwrap_or_default();
        // Back where the teacher stopped, if that question still applies; else the first
        // question still to answer or confirm.
        let stopped = draft.position.as_ref().and_then(|p| {
            walk.find(&questionnaire, &p.question)
                .map(|place| (place, p.guidance_open))
        });
        let place = stopped.map_or_else(
            || walk.resume(&questionnaire, &draft.answers, &unconfirmed),
            |(place, _)| place,
        );
        let mut s = Self {
            questionnaire,
            draft,
            read_only,
            walk,
            place,
            editor: Editor::None,
            guidance_open: stopped.is_some_and(|(_, open)| open),
            error: None,
            notice: None,
            cleared: None,
            text_dirty: false,
            hub_address_known: false,
            from_review: false,
            resumed: stopped.is_some(),
        };
        s.load_editor();
        s
    }

    /// Recompute what applies and the progress, after an answer changed.
    pub fn refresh(&mut self) {
        self.walk.refresh(&self.questionnaire, &self.draft.answers);
        self.place = self.walk.clamp(self.place);
    }

    pub fn question(&self) -> Option<&Question> {
        self.walk.question(&self.questionnaire, self.place)
    }

    pub fn question_count_in_section(&self) -> usize {
        self.walk.count(self.place.section)
    }

    /// Where the highlight is in a list of choices (for tests and the mouse).
    pub fn editor_highlight(&self) -> Option<usize> {
        match &self.editor {
            Editor::Choice { highlight, .. } | Editor::YesNo { highlight } => Some(*highlight),
            Editor::Level { highlight, .. } => Some(*highlight),
            _ => None,
        }
    }

    /// The current question's number as shown everywhere, "3.11".
    pub fn number(&self) -> Option<String> {
        let qi = *self
            .walk
            .applicable(self.place.section)
            .get(self.place.index)?;
        Some(crate::answers::numbering::number(self.place.section, qi))
    }

    /// Remember where the teacher is, for the next time the draft is opened. Kept in the
    /// draft (saved with the next save) but not a change to its answers.
    fn note_position(&mut self) {
        self.draft.position = self.question().map(|q| Position {
            question: q.id.clone(),
            guidance_open: self.guidance_open,
        });
    }

    pub fn toggle_guidance(&mut self) {
        self.guidance_open = !self.guidance_open;
        self.note_position();
    }

    /// Build the editor for the current question from its stored answer.
    pub fn load_editor(&mut self) {
        self.error = None;
        self.text_dirty = false;
        self.editor = match self.question() {
            Some(q) => Editor::for_question(&self.questionnaire, q, &self.draft),
            None => Editor::None,
        };
        self.editor.sync_cursor();
        self.note_position();
        if let Some(q) = self.question()
            && self.draft.unfinished.contains_key(&q.id)
        {
            self.error = Some("This answer is not finished: check it and press Enter.".to_string());
        }
    }

    fn go(&mut self, place: Option<Place>) -> bool {
        match place {
            Some(p) => {
                self.from_review = false;
                self.place = p;
                self.load_editor();
                true
            }
            None => false,
        }
    }

    /// The next applicable question, crossing sections; false at the end.
    pub fn next_question(&mut self) -> bool {
        self.go(self.walk.next(self.place))
    }

    pub fn prev_question(&mut self) -> bool {
        self.go(self.walk.prev(self.place))
    }

    pub fn go_to_section(&mut self, section: usize) {
        if section < self.walk.sections() {
            self.go(Some(Walk::start(section)));
        }
    }

    /// Jump to a question by id. False if it does not apply now.
    pub fn go_to_question(&mut self, id: &str) -> bool {
        self.go(self.walk.find(&self.questionnaire, id))
    }

    /// Copy typed text into the draft. Returns true if the draft changed.
    pub fn commit_text(&mut self, now: DateTime<Utc>) -> bool {
        if !self.text_dirty || self.read_only.is_some() {
            return false;
        }
        self.text_dirty = false;
        let Some(q) = self.question().cloned() else {
            return false;
        };
        match self.editor.value(&self.questionnaire, &q, &self.draft) {
            Outcome::Set(v) => {
                self.draft.set_answer(&q.id, v, now);
                self.refresh();
                true
            }
            Outcome::Invalid(msg) => {
                // Keep what was typed, even though it does not pass yet.
                let raw = self
                    .editor
                    .text_area_mut()
                    .map(|a| a.lines().join("\n"))
                    .unwrap_or_default();
                if raw.trim().is_empty() {
                    self.draft.unfinished.remove(&q.id);
                } else {
                    self.draft.unfinished.insert(q.id.clone(), raw);
                }
                self.draft.updated_at = now;
                self.error = Some(msg);
                true
            }
            _ => false,
        }
    }

    /// Store a new value for the current question and refresh what depends on it. Returns
    /// what the teacher should be told: more questions now apply, the title was filled in.
    pub fn set_current(
        &mut self,
        value: Option<AnswerValue>,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Vec<String> {
        let Some(id) = self.question().map(|q| q.id.clone()) else {
            return Vec::new();
        };
        self.error = None;
        let before = self.walk.overall().total;
        self.draft.set_answer(&id, value, now);
        self.refresh();
        let mut notes = Vec::new();
        // Progress can drop when follow-up questions appear: say why.
        match self.walk.overall().total.checked_sub(before) {
            Some(0) | None => {}
            Some(1) => notes.push("One more question now applies, from this answer.".to_string()),
            Some(n) => notes.push(format!("{n} more questions now apply, from this answer.")),
        }
        if self.draft.status == DraftStatus::Ready && self.walk.overall().required_missing > 0 {
            self.draft.status = DraftStatus::InProgress;
        }
        // A new answer may hide the current question; keep the position sensible.
        if self.question().map(|q| &q.id) != Some(&id) && !self.go_to_question(&id) {
            self.load_editor();
        }
        if let Some(t) = self.maybe_update_title(today) {
            notes.push(format!("Title now \"{t}\" (rename it on the home screen)."));
        }
        notes
    }

    /// Suggest a better title once the school and year are known, if the title is still
    /// the automatic one.
    fn maybe_update_title(&mut self, today: NaiveDate) -> Option<String> {
        let find = |role| {
            self.questionnaire
                .with_role(role)
                .next()
                .and_then(|q| self.draft.answers.get(&q.id).map(|v| (q, v)))
                .map(|(q, v)| answers::display::answer_text(&self.questionnaire, q, v))
        };
        let school = find(Role::SchoolName)?;
        let year = find(Role::AcademicYear);
        let qn_title = &self.questionnaire.title;
        if Draft::is_automatic_title(&self.draft.title, qn_title, year.as_deref(), today) {
            let title = Draft::suggest_title(Some(&school), qn_title, year.as_deref(), today);
            if title != self.draft.title {
                self.draft.title.clone_from(&title);
                return Some(title);
            }
        }
        None
    }
}
