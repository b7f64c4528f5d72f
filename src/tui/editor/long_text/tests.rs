//! The long-answer box keeps every character wherever the window is, for many lines and for
//! one very long paragraph.

use super::LongText;
use ratatui_textarea::{Input, Key};

/// Equal texts, or where they first differ (never the whole 300 KB in a message).
fn same(got: &str, want: &str) {
    let at = got
        .chars()
        .zip(want.chars())
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    assert!(
        got == want,
        "differ at character {at} (lengths {} and {})",
        got.len(),
        want.len()
    );
}

fn key(key: Key) -> Input {
    Input {
        key,
        ..Input::default()
    }
}

fn ctrl(key: Key) -> Input {
    Input {
        key,
        ctrl: true,
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
    lt.input(ctrl(Key::Home));
    assert_eq!(lt.cursor_line(), 0);
    lt.input(key(Key::Char('Y')));
    let got: Vec<String> = lt.text().split('\n').map(str::to_string).collect();
    assert_eq!(got.len(), 5_000);
    assert_eq!(got[0], format!("Y{}", lines[0]));
    assert_eq!(got[4_699], format!("X{}", lines[4_699]));
    assert_eq!(got[1..4_699], lines[1..4_699]);
}

#[test]
fn window_is_small_for_long_paragraphs() {
    let para = "Pupils sing every week and perform each term. ".repeat(10);
    let big: String = std::iter::repeat_n(para.as_str(), (1 << 20) / para.len())
        .collect::<Vec<_>>()
        .join("\n");
    let lt = LongText::new(&big);
    let bytes: usize = lt.area.lines().iter().map(String::len).sum();
    assert!(
        bytes < 4_000,
        "{bytes} bytes in {} lines",
        lt.area.lines().len()
    );
}

fn paragraph() -> String {
    "Pupils sing every week and perform each term. ".repeat(300_000 / 46)
}

#[test]
fn one_long_paragraph_is_windowed_too() {
    let text = paragraph();
    let mut lt = LongText::new(&text);
    let held: usize = lt.area.lines().iter().map(String::len).sum();
    assert!(held < 4_000, "{held} bytes in the box");
    assert_eq!(lt.line_count(), 1);
    assert_eq!(lt.word_count(), text.split_whitespace().count());
    // Typing at the end keeps the box small and the text whole.
    for _ in 0..10_000 {
        lt.input(key(Key::Char('a')));
    }
    let held: usize = lt.area.lines().iter().map(String::len).sum();
    assert!(held < 10_000, "{held} bytes in the box");
    same(&lt.text(), &format!("{text}{}", "a".repeat(10_000)));
    for _ in 0..10_000 {
        lt.input(key(Key::Backspace));
    }
    same(&lt.text(), &text);
    assert_eq!(lt.word_count(), text.split_whitespace().count());
}

#[test]
fn a_long_paragraph_is_edited_at_its_start_middle_and_end() {
    let text = paragraph();
    let mut lt = LongText::new(&text);
    lt.input(key(Key::Home));
    lt.input(key(Key::Char('<')));
    // Walk right a long way, across several windows, and type there.
    for _ in 0..10_000 {
        lt.input(key(Key::Right));
    }
    lt.input(key(Key::Char('|')));
    // Walk back left across a cut edge, deleting as we go.
    for _ in 0..3_000 {
        lt.input(key(Key::Left));
    }
    lt.input(key(Key::Backspace));
    lt.input(key(Key::End));
    lt.input(key(Key::Char('>')));
    let mut want = format!("<{text}>");
    want.insert(10_001, '|');
    // The cursor was just after '|' (10,002), then 3,000 to the left.
    want.remove(10_002 - 3_000 - 1);
    same(&lt.text(), &want);
    assert_eq!(lt.cursor_line(), 0);
}

#[test]
fn moving_by_rows_and_lines_crosses_cut_edges() {
    let text = format!("first line\n{}\nlast line", paragraph());
    let mut lt = LongText::new(&text);
    // Up from the last line into the paragraph's end, then far up through it.
    for _ in 0..5_000 {
        lt.input(key(Key::Up));
    }
    assert_eq!(lt.cursor_line(), 0, "reached the first line");
    lt.input(key(Key::End));
    lt.input(key(Key::Char('!')));
    for _ in 0..5_000 {
        lt.input(key(Key::Down));
    }
    assert_eq!(lt.cursor_line(), 2);
    same(&lt.text(), &text.replacen("first line", "first line!", 1));
    lt.input(ctrl(Key::Home));
    lt.input(ctrl(Key::End));
    assert_eq!(lt.cursor_line(), 2);
}

/// Draw the box as the screen does, so moves go by wrapped rows.
fn draw(lt: &LongText) {
    use ratatui::widgets::Widget;
    let area = ratatui::layout::Rect::new(0, 0, 60, 10);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    lt.drawn_in(area);
    (&lt.area).render(area, &mut buf);
}

#[test]
fn walking_through_a_drawn_paragraph_goes_row_by_row() {
    let para = "Pupils sing every week and perform each term. ".repeat(30_000 / 46);
    let text = format!("first\n{para}\nlast");
    let mut lt = LongText::new(&text);
    draw(&lt);
    let mut presses = 0;
    while lt.cursor_line() > 0 && presses < 10_000 {
        lt.input(key(Key::Up));
        draw(&lt);
        presses += 1;
        let held: usize = lt.area.lines().iter().map(String::len).sum();
        assert!(held < 8_000, "{held} bytes in the box");
    }
    // About 30,000 / 60 wrapped rows, and one more for each line.
    assert!((480..=560).contains(&presses), "{presses} presses");
    while lt.cursor_line() < 2 && presses < 20_000 {
        lt.input(key(Key::Down));
        draw(&lt);
        presses += 1;
    }
    assert_eq!(lt.cursor_line(), 2);
    same(&lt.text(), &text);
}

#[test]
fn a_large_paste_lands_at_the_cursor_and_leaves_only_a_window_in_the_box() {
    let start = "word ".repeat(2_000);
    let mut lt = LongText::new(&start);
    lt.input(ctrl(Key::Home));
    for _ in 0..3 {
        lt.input(key(Key::Right));
    }
    let pasted = "pasted ".repeat(20_000);
    assert!(lt.paste(&pasted));
    let held: usize = lt.area.lines().iter().map(String::len).sum();
    assert!(held < 10_000, "the box holds {held} bytes after the paste");
    lt.input(key(Key::Char('!')));
    let want = format!("wor{pasted}!{}", &start[3..]);
    same(&lt.text(), &want);
}

#[test]
fn the_size_of_a_cut_paragraph_counts_what_waits_outside_the_window() {
    let text = "word ".repeat(60_000);
    let mut lt = LongText::new(&text);
    assert!(!lt.head.is_empty(), "the paragraph is cut");
    assert_eq!(lt.byte_len(), text.len() + 1);
    lt.input(ctrl(Key::Home));
    lt.input(key(Key::Char('x')));
    assert_eq!(lt.byte_len(), text.len() + 2);
}
