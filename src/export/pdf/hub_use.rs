//! The "for hub use" block on the last page: lines for the hub to write its decision on, by
//! hand or with a PDF reader's fill-and-sign tool (krilla writes no form fields).

use super::blocks::{Block, Style, bookmark, text};
use crate::export::Submission;

pub fn build(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let has_award = sub.award.is_some();
    let mut lines: Vec<(&str, usize)> = vec![
        ("Received on", 1),
        ("Recommend for the Music Mark (yes / not yet)", 1),
        (
            "Certificate (Dedication & Improvement / Ambition & Quality)",
            1,
        ),
    ];
    if has_award {
        lines.push(("Award agreed", 1));
    }
    lines.extend([
        ("Agreed priority 1", 1),
        ("Agreed priority 2", 1),
        ("Agreed priority 3", 1),
        ("Hub officer", 1),
        ("Date", 1),
        ("Notes", 3),
    ]);
    // The whole block stays on one page, so nothing is written across a page break.
    let height = 60.0 + 22.0 * lines.iter().map(|(_, n)| *n).sum::<usize>() as f32;
    b.push(Block::Gap(16.0));
    b.push(Block::Keep(height));
    b.push(bookmark("For hub use"));
    b.push(text(Style::Heading, "For hub use"));
    b.push(text(
        Style::Muted,
        "To fill in by hand or with a PDF reader's fill-and-sign tool.",
    ));
    for (label, n) in lines {
        b.push(Block::Rule {
            label: format!("{label}:"),
            lines: n,
        });
    }
}
