//! What reaches the terminal: every cell as wide on any terminal as ratatui lays it out.
//! ratatui measures a character cluster as one (an emoji family joined by zero-width joiners,
//! a flag, a skin tone, a heart with its emoji selector), but many terminals advance the
//! cursor character by character, and then the rest of the line, borders too, is drawn out of
//! place. After a frame is laid out, each such cluster is replaced, on screen only, by its
//! first character padded to the same width, so boxes stay whole; the text itself (answers,
//! titles) is never changed. Lone combining marks are never drawn (ratatui drops clusters of
//! no width), and a mark on a letter is drawn with it, as every terminal does.

use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Make every cell of `buf` advance a terminal's cursor by the width ratatui gave it.
pub fn settle(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        // Nearly every cell is one character: nothing to do.
        if symbol.chars().nth(1).is_none() && !symbol.chars().any(is_sequence_char) {
            continue;
        }
        if let Some(safe) = safe_symbol(symbol) {
            cell.set_symbol(&safe);
        }
    }
}

/// The width a terminal that advances character by character gives `s`.
pub fn naive_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Characters that only mean something inside an emoji sequence, which terminals treat in
/// different ways: joiners, presentation selectors, skin tones, keycaps, tags and the
/// halves of a flag.
fn is_sequence_char(c: char) -> bool {
    matches!(
        c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}' | '\u{1f3fb}'..='\u{1f3ff}'
            | '\u{e0020}'..='\u{e007f}' | '\u{1f1e6}'..='\u{1f1ff}'
    )
}

/// A stand-in for `symbol` that every terminal draws at ratatui's width, when it needs one.
fn safe_symbol(symbol: &str) -> Option<String> {
    let width = symbol.width();
    if naive_width(symbol) == width && !symbol.chars().any(is_sequence_char) {
        return None;
    }
    // A flag: its two letters, as plain capitals ("GB").
    let letters: String = symbol
        .chars()
        .filter_map(|c| match c {
            '\u{1f1e6}'..='\u{1f1ff}' => char::from_u32(u32::from(c) - 0x1f1e6 + u32::from('A')),
            _ => None,
        })
        .collect();
    let mut out = if letters.is_empty() {
        symbol
            .chars()
            .find(|c| !is_sequence_char(*c) && c.width().unwrap_or(0) > 0)
            .map(String::from)
            .unwrap_or_default()
    } else {
        letters
    };
    while naive_width(&out) > width {
        out.pop();
    }
    while naive_width(&out) < width {
        out.push(' ');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{naive_width, safe_symbol};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn clusters_become_what_every_terminal_draws_at_the_same_width() {
        for s in [
            "👨\u{200d}👩\u{200d}👧",
            "🇬🇧",
            "👍🏽",
            "❤\u{fe0f}",
            "1\u{fe0f}\u{20e3}",
        ] {
            let safe = safe_symbol(s).unwrap_or_else(|| s.to_string());
            assert_eq!(naive_width(&safe), s.width(), "{s:?} → {safe:?}");
            assert_eq!(safe.width(), s.width(), "{s:?} → {safe:?}");
        }
        assert_eq!(safe_symbol("🇬🇧").as_deref(), Some("GB"));
        assert_eq!(
            safe_symbol("e\u{301}"),
            None,
            "a letter with its accent is fine"
        );
        assert_eq!(safe_symbol("学"), None);
    }
}
