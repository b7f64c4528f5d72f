//! The marks that show a section's state in the sidebar and the sections list.

use crate::answers::Progress;

/// Mark and word for a section's state; never colour alone.
pub fn section_marker(p: &Progress) -> (&'static str, &'static str) {
    if p.total == 0 {
        ("-", "nothing applies")
    } else if p.required_missing == 0 && p.answered == p.total {
        ("✓", "done")
    } else if p.answered == 0 {
        ("·", "not started")
    } else if p.required_missing > 0 {
        ("!", "required missing")
    } else {
        ("…", "in progress")
    }
}
