//! An open draft in the workspace: where the teacher is, which questions apply (cached and
//! refreshed only when an answer changes, so a key press costs the same for 100 or 10,000
//! questions), progress, and the editor for the current question.

use crate::answers::{self, Progress};
use crate::draft::Draft;
use crate::questionnaire::{Question, Questionnaire};

use super::editor::Editor;

pub struct Session {
    pub questionnaire: Questionnaire,
    pub draft: Draft,
    /// Why changes are refused, when the draft is read-only.
    pub read_only: Option<String>,
    pub section: usize,
    /// Position among the section's applicable questions.
    pub pos: usize,
    /// Per section, the indices of the questions that apply now.
    pub visible: Vec<Vec<usize>>,
    pub progress: Vec<Progress>,
    pub overall: Progress,
    pub editor: Editor,
    pub guidance_open: bool,
    /// Inline message under the widget: what is wrong with the answer and how to fix it.
    pub error: Option<String>,
    /// Text typed but not yet copied into the draft (copied on idle or when leaving).
    pub text_dirty: bool,
    /// Highlight in the sections list.
    pub sections_cursor: usize,
}

impl Session {
    pub fn new(questionnaire: Questionnaire, draft: Draft, read_only: Option<String>) -> Self {
        let mut s = Self {
            visible: Vec::new(),
            progress: Vec::new(),
            overall: Progress::default(),
            editor: Editor::None,
            questionnaire,
            draft,
            read_only,
            section: 0,
            pos: 0,
            guidance_open: false,
            error: None,
            text_dirty: false,
            sections_cursor: 0,
        };
        s.refresh();
        s.resume_position();
        s.load_editor();
        s
    }

    /// Recompute which questions apply and the progress. Called when an answer changes.
    pub fn refresh(&mut self) {
        let answers = &self.draft.answers;
        self.visible = self
            .questionnaire
            .sections
            .iter()
            .map(|s| {
                s.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| answers::is_visible(q, answers))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        self.progress = answers::progress::all_sections(&self.questionnaire, answers);
        self.overall = self.progress.iter().fold(Progress::default(), |mut a, p| {
            a.total += p.total;
            a.answered += p.answered;
            a.required_missing += p.required_missing;
            a.recommended_missing += p.recommended_missing;
            a
        });
        let len = self.visible.get(self.section).map_or(0, Vec::len);
        if self.pos >= len {
            self.pos = len.saturating_sub(1);
        }
    }

    /// Start at the first question that is unanswered or still to be confirmed from last
    /// time, so a teacher coming back carries on where work remains.
    fn resume_position(&mut self) {
        for (si, qs) in self.visible.iter().enumerate() {
            for (pi, &qi) in qs.iter().enumerate() {
                let q = &self.questionnaire.sections[si].questions[qi];
                let answered = self
                    .draft
                    .answers
                    .get(&q.id)
                    .is_some_and(answers::AnswerValue::is_answered);
                if !answered || self.draft.is_unconfirmed(&q.id) {
                    self.section = si;
                    self.pos = pi;
                    return;
                }
            }
        }
    }

    pub fn question(&self) -> Option<&Question> {
        let qi = *self.visible.get(self.section)?.get(self.pos)?;
        self.questionnaire
            .sections
            .get(self.section)?
            .questions
            .get(qi)
    }

    pub fn question_count_in_section(&self) -> usize {
        self.visible.get(self.section).map_or(0, Vec::len)
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
        if let Some(q) = self.question()
            && self.draft.unfinished.contains_key(&q.id)
        {
            self.error = Some("This answer is not finished: check it and press Enter.".to_string());
        }
    }

    /// Move to the next applicable question, crossing into later sections. Returns false at
    /// the end.
    pub fn next_question(&mut self) -> bool {
        if self.pos + 1 < self.question_count_in_section() {
            self.pos += 1;
        } else if let Some(s) =
            (self.section + 1..self.visible.len()).find(|&s| !self.visible[s].is_empty())
        {
            self.section = s;
            self.pos = 0;
        } else {
            return false;
        }
        self.load_editor();
        true
    }

    pub fn prev_question(&mut self) -> bool {
        if self.pos > 0 {
            self.pos -= 1;
        } else if let Some(s) = (0..self.section)
            .rev()
            .find(|&s| !self.visible[s].is_empty())
        {
            self.section = s;
            self.pos = self.visible[s].len() - 1;
        } else {
            return false;
        }
        self.load_editor();
        true
    }

    pub fn go_to_section(&mut self, section: usize) {
        if section < self.visible.len() {
            self.section = section;
            self.pos = 0;
            self.load_editor();
        }
    }

    /// Jump to a question by id, opening its section. False if it does not apply now.
    pub fn go_to_question(&mut self, id: &str) -> bool {
        for (si, qs) in self.visible.iter().enumerate() {
            if let Some(pi) = qs
                .iter()
                .position(|&qi| self.questionnaire.sections[si].questions[qi].id == id)
            {
                self.section = si;
                self.pos = pi;
                self.load_editor();
                return true;
            }
        }
        false
    }

    /// Suggest a better title once the school and year are known, if the title is still
    /// the automatic one.
    pub fn maybe_update_title(&mut self) -> Option<String> {
        use crate::questionnaire::Role;
        let find = |role| {
            self.questionnaire
                .with_role(role)
                .next()
                .and_then(|q| self.draft.answers.get(&q.id).map(|v| (q, v)))
                .map(|(q, v)| answers::display::answer_text(&self.questionnaire, q, v))
        };
        let school = find(Role::SchoolName)?;
        let year = find(Role::AcademicYear);
        let today = chrono::Local::now().date_naive();
        let automatic = Draft::suggest_title(None, year.as_deref(), today);
        let automatic_no_year = Draft::suggest_title(None, None, today);
        if self.draft.title == automatic
            || self.draft.title == automatic_no_year
            || self.draft.title.trim().is_empty()
        {
            let title = Draft::suggest_title(Some(&school), year.as_deref(), today);
            if title != self.draft.title {
                self.draft.title.clone_from(&title);
                return Some(title);
            }
        }
        None
    }
}
