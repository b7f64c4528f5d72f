//! Undo a word at a time and clearing a whole answer. The text box's own history undoes one
//! character per step; a teacher who types a sentence expects Ctrl-Z to take back words.

use ratatui_textarea::TextArea;

use super::Editor;

/// Characters and lines in the box: one typed character changes this by exactly one.
fn size(area: &TextArea<'static>) -> usize {
    area.lines()
        .iter()
        .map(|l| l.chars().count())
        .sum::<usize>()
        + area.lines().len()
}

/// The character just before the cursor.
fn before_cursor(area: &TextArea<'static>) -> Option<char> {
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    area.lines()
        .get(row)
        .and_then(|l| l.chars().nth(col.checked_sub(1)?))
}

/// Undo back to the start of the word last typed. A larger step (a paste, a clear) is
/// undone on its own. Returns whether anything changed.
pub fn undo_word(area: &mut TextArea<'static>) -> bool {
    let start = size(area);
    if !area.undo() {
        return false;
    }
    if size(area).abs_diff(start) != 1 {
        return true;
    }
    while before_cursor(area).is_some_and(|c| !c.is_whitespace()) {
        let before = size(area);
        if !area.undo() {
            break;
        }
        if size(area).abs_diff(before) != 1 {
            // That was a paste or a clear: not part of this word.
            area.redo();
            break;
        }
    }
    true
}

/// Empty the box in one step that Ctrl-Z takes back.
pub fn clear(area: &mut TextArea<'static>) -> bool {
    if area.lines().iter().all(String::is_empty) {
        return false;
    }
    area.select_all();
    area.cut()
}

impl Editor {
    /// Clear the text box that has focus; false when no box has focus or it is empty.
    pub fn clear_text(&mut self) -> bool {
        match self {
            Self::Long { text, .. } => text.clear(),
            _ => self.text_area_mut().is_some_and(clear),
        }
    }

    /// Undo in the text box that has focus, a word at a time.
    pub fn undo_text(&mut self) -> bool {
        match self {
            Self::Long { text, .. } => text.undo(),
            _ => self.text_area_mut().is_some_and(undo_word),
        }
    }

    pub fn redo_text(&mut self) -> bool {
        self.text_area_mut().is_some_and(TextArea::redo)
    }
}

#[cfg(test)]
mod tests {
    use ratatui_textarea::{Input, Key, TextArea};

    use super::{clear, undo_word};

    fn typed(area: &mut TextArea<'static>, text: &str) {
        for c in text.chars() {
            area.input(Input {
                key: Key::Char(c),
                ..Input::default()
            });
        }
    }

    #[test]
    fn undo_takes_back_a_word_and_a_clear_in_one_step() {
        let mut area = TextArea::default();
        typed(&mut area, "We sing daily");
        assert!(undo_word(&mut area));
        assert_eq!(area.lines(), ["We sing "]);
        assert!(undo_word(&mut area));
        assert_eq!(area.lines(), ["We "]);
        typed(&mut area, "play");
        assert!(clear(&mut area));
        assert_eq!(area.lines(), [""]);
        assert!(undo_word(&mut area), "the clear comes back whole");
        assert_eq!(area.lines(), ["We play"]);
    }
}
