//! The long-answer box. A text box re-wraps everything it holds on every key, so for very
//! long answers only a window of lines around the cursor is in the box; the rest waits in
//! `before` and `after` and the window moves when the cursor reaches its edge. A key press
//! then costs the same for 1 KB and 1 MB of text.

use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

/// Lines kept in the box at once, at most.
const WINDOW: usize = 200;
/// Text kept in the box at once, roughly: the box's cost per key grows with it.
const WINDOW_BYTES: usize = 3_000;

pub struct LongText {
    pub before: Vec<String>,
    pub area: TextArea<'static>,
    pub after: Vec<String>,
    /// Words in `before` and `after`, counted when the window moves.
    outside_words: usize,
    /// The whole text before the last clear, so Ctrl-Z can bring it back.
    cleared: Option<String>,
}

fn words(lines: &[String]) -> usize {
    lines.iter().map(|l| l.split_whitespace().count()).sum()
}

fn area_with(lines: Vec<String>) -> TextArea<'static> {
    let mut a = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    a.set_wrap_mode(WrapMode::WordOrGlyph);
    a.set_cursor_line_style(ratatui::style::Style::default());
    a
}

impl LongText {
    /// The box with the cursor at the end of `text`.
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut lt = Self {
            before: Vec::new(),
            area: area_with(Vec::new()),
            after: Vec::new(),
            outside_words: 0,
            cleared: None,
        };
        let last = lines.len().saturating_sub(1);
        let col = lines.last().map_or(0, |l| l.chars().count());
        lt.place(lines, last, col);
        lt
    }

    /// Total line count, for "line x of y".
    pub fn line_count(&self) -> usize {
        self.before.len() + self.area.lines().len() + self.after.len()
    }

    /// The cursor's line in the whole text (0-based).
    pub fn cursor_line(&self) -> usize {
        self.before.len() + self.area.cursor().0
    }

    pub fn text(&self) -> String {
        let mut all: Vec<&str> = self.before.iter().map(String::as_str).collect();
        all.extend(self.area.lines().iter().map(String::as_str));
        all.extend(self.after.iter().map(String::as_str));
        all.join("\n")
    }

    pub fn word_count(&self) -> usize {
        self.outside_words + words(self.area.lines())
    }

    /// Put `lines` back together with a window around (`row`, `col`).
    fn place(&mut self, mut lines: Vec<String>, row: usize, col: usize) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = row.min(lines.len() - 1);
        // Grow the window outwards from the cursor's line until it holds enough text.
        let (mut start, mut end) = (row, row + 1);
        let mut bytes = lines[row].len();
        while end - start < WINDOW && bytes < WINDOW_BYTES && (start > 0 || end < lines.len()) {
            if start > 0 {
                start -= 1;
                bytes += lines[start].len();
            }
            if end < lines.len() {
                bytes += lines[end].len();
                end += 1;
            }
        }
        let after = lines.split_off(end);
        let window = lines.split_off(start);
        self.before = lines;
        self.after = after;
        self.outside_words = words(&self.before) + words(&self.after);
        self.area = area_with(window);
        let r = u16::try_from(row - start).unwrap_or(u16::MAX);
        let c = u16::try_from(col).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(r, c));
    }

    fn rewindow(&mut self, row: usize, col: usize) {
        let mut all = std::mem::take(&mut self.before);
        all.extend(self.area.lines().iter().cloned());
        all.append(&mut self.after);
        self.place(all, row, col);
    }

    /// Empty the box; the text is kept for one undo.
    pub fn clear(&mut self) -> bool {
        let text = self.text();
        if text.is_empty() {
            return false;
        }
        self.cleared = Some(text);
        self.place(Vec::new(), 0, 0);
        true
    }

    /// Undo: bring back a cleared text, else take back the last word typed.
    pub fn undo(&mut self) -> bool {
        if let Some(text) = self.cleared.take() {
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let last = lines.len().saturating_sub(1);
            let col = lines.last().map_or(0, |l| l.chars().count());
            self.place(lines, last, col);
            return true;
        }
        super::edit::undo_word(&mut self.area)
    }

    /// A key for the box. Moves the window first when the cursor would leave it.
    pub fn input(&mut self, key: Input) -> bool {
        let ratatui_textarea::DataCursor(r, c) = self.area.cursor();
        let rows = self.area.lines().len();
        let ctrl = key.ctrl;
        let global = self.before.len() + r;
        match key.key {
            Key::Up | Key::PageUp if r == 0 && !self.before.is_empty() => self.rewindow(global, c),
            Key::Down | Key::PageDown if r + 1 == rows && !self.after.is_empty() => {
                self.rewindow(global, c)
            }
            Key::Home if ctrl && !self.before.is_empty() => self.rewindow(0, 0),
            Key::End if ctrl && !self.after.is_empty() => {
                let last = self.line_count() - 1;
                self.rewindow(last, usize::MAX / 2);
            }
            Key::Backspace if r == 0 && c == 0 && !self.before.is_empty() => {
                self.rewindow(global, 0)
            }
            Key::Delete if r + 1 == rows && !self.after.is_empty() => self.rewindow(global, c),
            _ => {}
        }
        let changed = self.area.input(key);
        if changed {
            // Typing again after a clear: the cleared text is no longer one undo away.
            self.cleared = None;
        }
        if self.area.lines().len() > WINDOW * 3 {
            let ratatui_textarea::DataCursor(r, c) = self.area.cursor();
            self.rewindow(self.before.len() + r, c);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::LongText;
    use ratatui_textarea::{Input, Key};

    fn key(key: Key) -> Input {
        Input {
            key,
            ..Input::default()
        }
    }

    #[test]
    fn a_huge_answer_is_edited_anywhere_and_nothing_is_lost() {
        let lines: Vec<String> = (0..5_000)
            .map(|i| format!("line {i} of a long reflective answer"))
            .collect();
        let text = lines.join("\n");
        let mut lt = LongText::new(&text);
        assert!(lt.area.lines().len() <= 200, "only a window is in the box");
        assert_eq!(lt.text(), text);
        assert_eq!(lt.cursor_line(), 4_999);
        assert_eq!(lt.word_count(), 5_000 * 7);
        // Walk up past the window's edge: the window follows the cursor.
        for _ in 0..300 {
            lt.input(key(Key::Up));
        }
        assert_eq!(lt.cursor_line(), 4_699);
        lt.input(key(Key::Home));
        lt.input(key(Key::Char('X')));
        // Jump to the very start and type there too.
        lt.input(Input {
            key: Key::Home,
            ctrl: true,
            ..Input::default()
        });
        assert_eq!(lt.cursor_line(), 0);
        lt.input(key(Key::Char('Y')));
        let got: Vec<String> = lt.text().split('\n').map(str::to_string).collect();
        assert_eq!(got.len(), 5_000);
        assert_eq!(got[0], format!("Y{}", lines[0]));
        assert_eq!(got[4_699], format!("X{}", lines[4_699]));
        assert_eq!(got[1..4_699], lines[1..4_699]);
    }
}
#[cfg(test)]
mod window_size {
    #[test]
    fn window_is_small_for_long_paragraphs() {
        let para = "Pupils sing every week and perform each term. ".repeat(10);
        let big: String = std::iter::repeat_n(para.as_str(), (1 << 20) / para.len())
            .collect::<Vec<_>>()
            .join("\n");
        let lt = super::LongText::new(&big);
        let bytes: usize = lt.area.lines().iter().map(String::len).sum();
        assert!(
            bytes < 4_000,
            "{bytes} bytes in {} lines",
            lt.area.lines().len()
        );
    }
}
