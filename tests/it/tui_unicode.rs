//! Wide characters, accents and emoji sequences never draw outside their box: every cell the
//! screen sends advances a terminal's cursor by the width ratatui laid it out with, also on a
//! terminal that reads character by character (so borders and the text after stay put), and
//! text is cut between character clusters, never inside one.

use music_sef::tui::cells::naive_width;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use crate::harness::TestApp;

const HOSTILE: &str =
    "👨\u{200d}👩\u{200d}👧 🇬🇧 👍🏽 ❤\u{fe0f} 1\u{fe0f}\u{20e3} e\u{301} 学校 विद्यालय \u{301}x";

/// Every cell ratatui sends, with where a per-character terminal would put the next one.
fn misplaced_cells(app: &mut TestApp, w: u16, h: u16) -> Vec<String> {
    app.c.settle();
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    app.c.draw(&mut t).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut bad = Vec::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let s = buf[(x, y)].symbol();
            let laid = s.width().max(1);
            if naive_width(s).max(1) != laid {
                bad.push(format!("row {y} col {x}: {s:?} laid out {laid} wide"));
            }
            x += u16::try_from(laid).unwrap_or(1);
        }
    }
    bad
}

#[test]
fn emoji_sequences_accents_and_wide_letters_stay_inside_their_boxes() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", HOSTILE);
    // In the answer box, as typed or pasted: kept exactly, drawn safely.
    app.paste(&HOSTILE.repeat(3));
    for (w, h) in [(80, 24), (120, 40), (97, 31)] {
        let bad = misplaced_cells(&mut app, w, h);
        assert!(bad.is_empty(), "{w}×{h}: {bad:#?}");
    }
    assert!(
        app.ws().session.editor.text_len() > HOSTILE.len(),
        "the text itself is unchanged"
    );
}

#[test]
fn cutting_text_to_a_width_never_splits_a_character_or_passes_the_width() {
    use music_sef::tui::widgets::truncate;
    for max in 1..20 {
        for s in [
            "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}",
            "e\u{301}e\u{301}e\u{301}abcdef",
            "学校学校学校学校学校",
        ] {
            let cut = truncate(s, max);
            assert!(cut.width() <= max.max(1), "{s:?} cut to {max}: {cut:?}");
        }
    }
}
