//! The long-answer box. A text box re-wraps (and re-measures) everything it holds on every
//! key, so for long answers only a window of text around the cursor is in the box; the rest
//! waits outside and the window moves when the cursor comes near its edge. A paragraph too
//! long for the window (hundreds of kilobytes without a line break) is windowed too: the
//! part of the cursor's paragraph before the window waits in `head` and the part after it in
//! `tail`. A key press then costs the same for 1 KB and 1 MB of text, in lines or in one
//! paragraph.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

/// Lines kept in the box at once, at most.
const WINDOW: usize = 200;
/// Text kept in the box at once, roughly: the box's cost per key grows with it.
const WINDOW_BYTES: usize = 3_000;
/// Of a paragraph longer than the window: text kept before the cursor (about a screen of
/// it, so the rows above the cursor are all there) and after it.
const BEFORE: usize = 2_400;
const AFTER: usize = 600;
/// The window moves when the cursor comes this close to a cut edge, before the key acts.
const MARGIN: usize = 300;
/// A line longer than this is cut at the window's edge.
const LONG: usize = BEFORE + AFTER + MARGIN;

/// Which neighbouring line a move needs in the window, however long that line is; `Whole`
/// also keeps all of the cursor's line (its start or end would otherwise be cut off on the
/// very row the cursor leaves from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Here,
    Up,
    Down,
    Whole(bool),
}

/// The byte offset of character `col` in `line` (its end when past it).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

pub struct LongText {
    pub before: Vec<String>,
    /// The start of the window's first line, when that line is cut (else empty).
    head: String,
    pub area: TextArea<'static>,
    /// The end of the window's last line, when that line is cut (else empty).
    tail: String,
    pub after: Vec<String>,
    /// Characters in `head`, for the cursor's place in its line.
    head_chars: usize,
    /// Words outside the window, counted when the window moves.
    outside_words: usize,
    /// Bytes outside the window (a newline counted for each line), counted when it moves.
    outside_bytes: usize,
    /// The whole text before the last clear, so Ctrl-Z can bring it back (`clear` module).
    cleared: Option<String>,
    /// Where the box was last drawn: a new window is laid out for it at once, so the key
    /// that moved the window already moves by the rows the teacher sees.
    drawn: Cell<Option<Rect>>,
}

/// Bytes of `lines` with a newline after each.
pub fn line_bytes(lines: &[String]) -> usize {
    lines.iter().map(|l| l.len() + 1).sum()
}

fn words(lines: &[String]) -> usize {
    lines.iter().map(|l| l.split_whitespace().count()).sum()
}

fn area_with(mut lines: Vec<String>) -> TextArea<'static> {
    if lines.is_empty() {
        lines.push(String::new());
    }
    let mut a = TextArea::new(lines);
    a.set_wrap_mode(WrapMode::WordOrGlyph);
    a.set_cursor_line_style(ratatui::style::Style::default());
    a
}

/// A byte offset near `at` where `line` may be cut: just after a space, looking back from
/// `at` at most `reach` bytes; else the nearest character boundary.
fn cut_near(line: &str, at: usize, reach: usize) -> usize {
    let mut at = at.min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let from = at.saturating_sub(reach);
    line[..at]
        .rfind(char::is_whitespace)
        .filter(|&i| i >= from)
        .map_or(at, |i| {
            i + line[i..].chars().next().map_or(1, char::len_utf8)
        })
}

/// The first line of `lines` from `start` outward that stays within the window's budget.
fn grow(lines: &[String], row: usize) -> (usize, usize) {
    let (mut start, mut end) = (row, row + 1);
    let mut bytes = lines[row].len();
    let fits = |b: usize, l: &str| b + l.len() <= WINDOW_BYTES;
    loop {
        let up = start > 0 && fits(bytes, &lines[start - 1]);
        if up {
            start -= 1;
            bytes += lines[start].len();
        }
        let down = end < lines.len() && fits(bytes, &lines[end]);
        if down {
            bytes += lines[end].len();
            end += 1;
        }
        if !(up || down) || end - start >= WINDOW {
            return (start, end);
        }
    }
}

fn joins_word(left: &str, right: &str) -> bool {
    let l = left.chars().next_back().is_some_and(|c| !c.is_whitespace());
    let r = right.chars().next().is_some_and(|c| !c.is_whitespace());
    l && r
}

impl LongText {
    /// The box with the cursor at the end of `text`.
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut lt = Self {
            before: Vec::new(),
            head: String::new(),
            area: area_with(Vec::new()),
            tail: String::new(),
            after: Vec::new(),
            head_chars: 0,
            outside_words: 0,
            outside_bytes: 0,
            cleared: None,
            drawn: Cell::new(None),
        };
        let last = lines.len().saturating_sub(1);
        let col = lines.last().map_or(0, |l| l.chars().count());
        lt.place(lines, last, col, Reach::Here);
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

    /// The whole text's lines, the window's edge lines joined with what was cut off them.
    fn all_lines(&self) -> Vec<String> {
        let mut all = self.before.clone();
        let n = self.area.lines().len();
        for (i, l) in self.area.lines().iter().enumerate() {
            let mut line = if i == 0 {
                self.head.clone()
            } else {
                String::new()
            };
            line.push_str(l);
            if i + 1 == n {
                line.push_str(&self.tail);
            }
            all.push(line);
        }
        all.extend(self.after.iter().cloned());
        all
    }

    /// Bytes of the whole text (a newline counted for each line), without putting it
    /// together: the size check runs on every key.
    pub fn byte_len(&self) -> usize {
        self.outside_bytes + line_bytes(self.area.lines())
    }

    pub fn text(&self) -> String {
        self.all_lines().join("\n")
    }

    pub fn word_count(&self) -> usize {
        let lines = self.area.lines();
        let first = lines.first().map_or("", String::as_str);
        let last = lines.last().map_or("", String::as_str);
        // A word cut in two by the window's edge counts once.
        let split =
            usize::from(joins_word(&self.head, first)) + usize::from(joins_word(last, &self.tail));
        (self.outside_words + words(lines)).saturating_sub(split)
    }

    /// Put `lines` back together with a window around (`row`, `col`), holding also the
    /// line next to it that `reach` names.
    fn place(&mut self, mut lines: Vec<String>, row: usize, col: usize, reach: Reach) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = row.min(lines.len() - 1);
        let (mut start, mut end) = grow(&lines, row);
        let (up, down) = match reach {
            Reach::Up | Reach::Whole(true) => (true, false),
            Reach::Down | Reach::Whole(false) => (false, true),
            Reach::Here => (false, false),
        };
        if up && start == row && row > 0 {
            start -= 1;
        }
        if down && end == row + 1 && end < lines.len() {
            end += 1;
        }
        let after = lines.split_off(end);
        let mut window = lines.split_off(start);
        self.before = lines;
        self.after = after;
        let here = row - start;
        let col = if matches!(reach, Reach::Whole(_)) {
            self.head = String::new();
            self.tail = String::new();
            col
        } else {
            self.cut(&mut window, here, col)
        };
        self.head_chars = self.head.chars().count();
        self.outside_bytes =
            line_bytes(&self.before) + line_bytes(&self.after) + self.head.len() + self.tail.len();
        self.outside_words = words(&self.before)
            + words(&self.after)
            + self.head.split_whitespace().count()
            + self.tail.split_whitespace().count();
        self.area = area_with(window);
        let r = u16::try_from(here).unwrap_or(u16::MAX);
        let c = u16::try_from(col).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(r, c));
        if let Some(rect) = self.drawn.get() {
            (&self.area).render(rect, &mut Buffer::empty(rect));
        }
    }

    /// Note where the box is drawn (the view calls this as it draws it).
    pub fn drawn_in(&self, rect: Rect) {
        self.drawn.set(Some(rect));
    }

    /// Of the window's edge lines too long for it, keep only the part next to the cursor
    /// (on the cursor's own line, at `here`, `col`) or next to the rest of the window; the
    /// rest waits in `head` and `tail`. Returns the cursor's column in what is kept.
    fn cut(&mut self, window: &mut [String], here: usize, col: usize) -> usize {
        self.head = String::new();
        self.tail = String::new();
        let last = window.len() - 1;
        if window[last].len() > LONG {
            let line = &mut window[last];
            let keep_to = if here == last {
                byte_at(line, col) + AFTER
            } else {
                AFTER
            };
            if keep_to + MARGIN < line.len() {
                let end = cut_near(line, keep_to, AFTER / 3);
                self.tail = line.split_off(end);
            }
        }
        let mut col = col;
        if window[0].len() > LONG {
            let line = &mut window[0];
            let keep_from = if here == 0 {
                byte_at(line, col).saturating_sub(BEFORE)
            } else {
                line.len().saturating_sub(BEFORE)
            };
            if keep_from > MARGIN {
                let start = cut_near(line, keep_from, BEFORE / 2);
                let kept = line.split_off(start);
                self.head = std::mem::replace(line, kept);
                if here == 0 {
                    col -= self.head.chars().count().min(col);
                }
            }
        }
        col
    }

    /// Move the window to the cursor at (`row`, `col`) of the whole text.
    fn rewindow(&mut self, row: usize, col: usize, reach: Reach) {
        let all = self.all_lines();
        self.place(all, row, col, reach);
    }

    /// The cursor's place in the whole text.
    fn global_cursor(&self) -> (usize, usize) {
        let ratatui_textarea::DataCursor(r, c) = self.area.cursor();
        let col = if r == 0 { c + self.head_chars } else { c };
        (self.before.len() + r, col)
    }

    /// Whether the cursor is close to a cut edge of the window.
    fn near_cut(&self) -> bool {
        let ratatui_textarea::DataCursor(r, c) = self.area.cursor();
        let lines = self.area.lines();
        let here = &lines[r];
        let at = byte_at(here, c);
        (!self.head.is_empty() && r == 0 && at < MARGIN)
            || (!self.tail.is_empty() && r + 1 == lines.len() && here.len() - at < MARGIN)
    }

    /// Whether the cursor is on the box's first or last screen row (after wrapping).
    fn on_edge_row(&self, up: bool) -> bool {
        let cursor = self.area.cursor();
        if up {
            return self.area.screen_cursor().row == 0;
        }
        let last = self.area.screen_to_data(usize::MAX, 0);
        cursor.0 == last.0 && cursor.1 >= last.1
    }

    /// Move the window first when the key would take the cursor out of it, or close to
    /// where it was cut.
    fn before_key(&mut self, key: &Input) {
        let (row, col) = self.global_cursor();
        let ratatui_textarea::DataCursor(r, c) = self.area.cursor();
        let lines = self.area.lines();
        let at_start = r == 0 && c == 0 && self.head.is_empty();
        let at_end = r + 1 == lines.len() && self.tail.is_empty() && c == lines[r].chars().count();
        let (before, after) = (!self.before.is_empty(), !self.after.is_empty());
        let (head, tail) = (!self.head.is_empty(), !self.tail.is_empty());
        let last = self.line_count() - 1;
        let move_to = match key.key {
            Key::Home if key.ctrl => (before || head).then_some((0, 0, Reach::Here)),
            Key::End if key.ctrl => (after || tail).then_some((last, usize::MAX / 2, Reach::Here)),
            Key::Home if head && r == 0 => Some((row, 0, Reach::Here)),
            Key::End if tail && r + 1 == lines.len() => Some((row, usize::MAX / 2, Reach::Here)),
            Key::Up | Key::PageUp if self.on_edge_row(true) && (head || before) => {
                Some((row, col, if head { Reach::Here } else { Reach::Up }))
            }
            Key::Down | Key::PageDown if self.on_edge_row(false) && (tail || after) => {
                Some((row, col, if tail { Reach::Here } else { Reach::Down }))
            }
            _ if self.near_cut() => Some((row, col, Reach::Here)),
            _ if at_start && before => Some((row, col, Reach::Up)),
            _ if at_end && after => Some((row, col, Reach::Down)),
            _ => None,
        };
        if let Some((row, col, reach)) = move_to {
            self.rewindow(row, col, reach);
            // Still on the edge row after centring: the row holds all the text kept before
            // (or after) the cursor — the box was not drawn yet, or is very wide — so the
            // move needs the whole line and its neighbour.
            let vertical = matches!(key.key, Key::Up | Key::PageUp | Key::Down | Key::PageDown);
            let up = matches!(key.key, Key::Up | Key::PageUp);
            let cut = if up {
                !self.head.is_empty()
            } else {
                !self.tail.is_empty()
            };
            if reach == Reach::Here && vertical && cut && self.on_edge_row(up) {
                self.rewindow(row, col, Reach::Whole(up));
            }
        }
    }

    /// A key for the box. Moves the window first when the cursor would leave it.
    pub fn input(&mut self, key: Input) -> bool {
        self.before_key(&key);
        let changed = self.area.input(key);
        self.after_edit(changed)
    }

    /// Pasted (already cleaned) text at the cursor, into the box whole, once; the window is
    /// then laid out again, so keys after a large paste cost what keys in a short answer do.
    pub fn paste(&mut self, text: &str) -> bool {
        let changed = self.area.insert_str(text);
        self.after_edit(changed)
    }

    /// After an edit: a new window if the box holds far more than one; a clear is forgotten.
    fn after_edit(&mut self, changed: bool) -> bool {
        if changed {
            self.cleared = None;
        }
        let held: usize = self.area.lines().iter().map(String::len).sum();
        if self.area.lines().len() > WINDOW * 3 || held > WINDOW_BYTES * 3 {
            let (row, col) = self.global_cursor();
            self.rewindow(row, col, Reach::Here);
        }
        changed
    }
}

mod clear;
#[cfg(test)]
mod tests;
