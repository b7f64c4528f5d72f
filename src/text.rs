//! Text from files and from the keyboard made safe for a terminal. One parser (`vte`, the
//! state machine terminals use) recognises whole escape sequences — CSI, OSC, DCS, SOS/PM/APC
//! and their 8-bit C1 forms with every parameter — so none reaches a terminal or an answer,
//! and bidi embedding, override and isolate controls (which reorder what is shown) go too.
//! Every command prints through [`print_line`] / [`eprint_line`] (the `outln!` and `errln!`
//! macros), and pasted or typed text goes through [`clean_typed`].

use std::borrow::Cow;
use std::io::Write;

use unicode_bidi::BidiClass;
use vte::{Parser, Perform};

/// What happens to line breaks and lone control characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Going into an answer: controls are removed; line breaks and tabs stay only in a
    /// box that takes several lines (elsewhere they become spaces).
    Typed { multiline: bool },
    /// Going to the terminal: line breaks and tabs stay; any other control is shown as its
    /// visible picture (␇, ␍ …), so nothing is hidden and nothing acts on the terminal.
    Shown,
}

/// True for the bidi controls that change the order text is shown in: embeddings,
/// overrides and isolates (the "Trojan Source" characters).
pub fn is_bidi_control(c: char) -> bool {
    // Every one of them is at U+202A or above; skip the table for everything earlier.
    u32::from(c) >= 0x202A
        && matches!(
            unicode_bidi::bidi_class(c),
            BidiClass::LRE
                | BidiClass::RLE
                | BidiClass::PDF
                | BidiClass::LRO
                | BidiClass::RLO
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::FSI
                | BidiClass::PDI
        )
}

/// True for a character that must not reach a terminal as it is.
fn needs_care(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Text typed or pasted into a box, cleaned: whole escape sequences and other controls
/// removed, CRLF and CR made LF; tabs and line breaks kept when `multiline`, else spaces.
pub fn clean_typed(input: &str, multiline: bool) -> String {
    if !input
        .chars()
        .any(|c| needs_care(c) || (!multiline && matches!(c, '\n' | '\t')))
    {
        return input.to_string();
    }
    run(input, Mode::Typed { multiline })
}

/// Text from a file (a questionnaire, a draft, a bundle) ready to print: escape sequences
/// removed, other controls shown as their pictures, bidi controls removed. Unchanged (and
/// not copied) when there is nothing to do, which is almost always.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(needs_care) {
        Cow::Owned(run(text, Mode::Shown))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where the first character a questionnaire may not contain is: its position (counting
/// characters from 1) and the character. A line break is allowed when `newlines` is set.
pub fn first_control(text: &str, newlines: bool) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| (c.is_control() && !(newlines && c == '\n')) || is_bidi_control(c))
        .map(|(i, c)| (i + 1, c))
}

/// JSON text with every character that is unsafe on a terminal written as a `\uXXXX`
/// escape: the same JSON to a program reading it, and nothing a terminal acts on. (Those
/// characters can only be inside strings: JSON's own syntax is plain ASCII.)
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(needs_care) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_care(c) {
            // Every such character is in the Basic Multilingual Plane: one escape each.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn run(input: &str, mode: Mode) -> String {
    let mut performer = Collect {
        out: String::with_capacity(input.len()),
        mode,
    };
    let mut parser = Parser::new();
    parser.advance(&mut performer, &prepare(input, mode));
    performer.out
}

/// The bytes the parser reads: CRLF as LF (and, for typing, a lone CR as LF), and each C1
/// control as its 7-bit form `ESC` + letter, so that `U+009B 31m` is one CSI sequence, as a
/// terminal that honours C1 would read it, and its parameters go with it.
fn prepare(input: &str, mode: Mode) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut buf = [0u8; 4];
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' if mode != Mode::Shown => bytes.push(b'\n'),
            '\u{80}'..='\u{9f}' => {
                bytes.push(0x1b);
                // In range, so the 7-bit form is an ASCII letter or sign from @ to _.
                bytes.push(u8::try_from(u32::from(c) - 0x40).unwrap_or(b'@'));
            }
            c => bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
        }
    }
    bytes
}

/// Collects what a terminal would print; sequences (dispatched, never printed) are dropped.
struct Collect {
    out: String,
    mode: Mode,
}

impl Perform for Collect {
    fn print(&mut self, c: char) {
        if is_bidi_control(c) {
            return;
        }
        if c == '\u{7f}' {
            if self.mode == Mode::Shown {
                self.out.push('␡');
            }
            return;
        }
        self.out.push(c);
    }

    fn execute(&mut self, byte: u8) {
        let c = char::from(byte);
        match self.mode {
            Mode::Typed { multiline: true } if matches!(c, '\n' | '\t') => self.out.push(c),
            Mode::Typed { multiline: false } if matches!(c, '\n' | '\t') => self.out.push(' '),
            Mode::Typed { .. } => {}
            Mode::Shown if matches!(c, '\n' | '\t') => self.out.push(c),
            Mode::Shown => self.out.push(picture(byte)),
        }
    }
}

/// The visible stand-in for a C0 control: U+2400 + its code (␀ … ␟).
fn picture(byte: u8) -> char {
    if byte < 0x20 {
        char::from_u32(0x2400 + u32::from(byte)).unwrap_or('�')
    } else {
        '�'
    }
}

/// Print a line on standard output, made terminal-safe. A closed pipe (`music-sef drafts |
/// head`) is not an error worth a panic.
pub fn print_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", terminal_safe(line));
}

/// Print without a line break (a question waiting for its answer), made terminal-safe.
pub fn print_part(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", terminal_safe(text));
    let _ = out.flush();
}

/// Print a line on standard error, made terminal-safe.
pub fn eprint_line(line: &str) {
    let mut out = std::io::stderr().lock();
    let _ = writeln!(out, "{}", terminal_safe(line));
}

/// `println!` for anything that may hold text from a file: made safe by [`terminal_safe`].
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::text::print_line(&format!($($arg)*))
    };
}

/// `eprintln!` made safe by [`terminal_safe`].
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::text::eprint_line(&format!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::{clean_typed, first_control, terminal_safe};

    #[test]
    fn whole_sequences_go_with_their_parameters() {
        let hostile = "a\x1b]0;pwned\x07b\x1b[2Jc\u{9b}31md\u{9d}52;c;aGk=\u{9c}e\x1bP1$r\x1b\\f";
        assert_eq!(clean_typed(hostile, false), "abcdef");
        assert_eq!(terminal_safe(hostile), "abcdef");
    }

    #[test]
    fn bidi_overrides_go_and_ordinary_right_to_left_text_stays() {
        let text = "price \u{202e}3.99\u{202c} עברית \u{2066}x\u{2069}";
        assert_eq!(clean_typed(text, false), "price 3.99 עברית x");
        assert_eq!(terminal_safe(text), "price 3.99 עברית x");
    }

    #[test]
    fn typing_keeps_lines_only_where_a_box_takes_them() {
        assert_eq!(clean_typed("a\r\nb\rc\td\u{7}", true), "a\nb\nc\td");
        assert_eq!(clean_typed("a\r\nb\tc", false), "a b c");
        assert_eq!(
            clean_typed("Oakfield 🎵 विद्यालय", false),
            "Oakfield 🎵 विद्यालय"
        );
    }

    #[test]
    fn printing_shows_lone_controls_as_pictures_and_keeps_lines() {
        assert_eq!(
            terminal_safe("bell\u{7}\rback\u{8}\u{7f}\nnext"),
            "bell␇␍back␈␡\nnext"
        );
        assert!(matches!(
            terminal_safe("plain text\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn json_stays_the_same_json_without_anything_a_terminal_acts_on() {
        let value = serde_json::json!({"title": "a\u{9b}31m\u{7f}\u{202e}b\u{1b}"});
        let text = serde_json::to_string(&value).expect("json");
        let safe = super::json_safe(&text);
        assert!(!safe.chars().any(super::needs_care), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still json");
        assert_eq!(back, value);
    }

    #[test]
    fn the_first_control_is_found_with_its_place() {
        assert_eq!(first_control("Title\x1b[2J", false), Some((6, '\x1b')));
        assert_eq!(first_control("two\nlines", true), None);
        assert_eq!(first_control("two\nlines", false), Some((4, '\n')));
        assert_eq!(first_control("a\u{202e}b", true), Some((2, '\u{202e}')));
    }
}
