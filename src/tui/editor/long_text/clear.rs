//! Clearing the long-answer box and taking the clear back: the whole text is kept for one
//! undo, as a teacher who cleared the wrong box expects Ctrl-Z to bring it back.

use super::{LongText, Reach};

impl LongText {
    /// Empty the box; the text is kept for one undo.
    pub fn clear(&mut self) -> bool {
        let text = self.text();
        if text.is_empty() {
            return false;
        }
        self.cleared = Some(text);
        self.place(Vec::new(), 0, 0, Reach::Here);
        true
    }

    /// Undo: bring back a cleared text, else take back the last word typed.
    pub fn undo(&mut self) -> bool {
        if let Some(text) = self.cleared.take() {
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let last = lines.len().saturating_sub(1);
            let col = lines.last().map_or(0, |l| l.chars().count());
            self.place(lines, last, col, Reach::Here);
            return true;
        }
        crate::tui::editor::edit::undo_word(&mut self.area)
    }
}
