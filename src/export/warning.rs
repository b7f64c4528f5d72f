//! What the teacher should know about a bundle that was written: a closed list, so the screen
//! can treat each kind on its own, and `Display` gives the sentence shown for it.

use std::fmt;

/// How many of the characters the PDF could not draw are named in the warning.
const GLYPHS_SHOWN: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWarning {
    /// The backup taken before export failed; the reason in words.
    BackupFailed { reason: String },
    /// Characters the PDF's fonts cannot draw (shown there as `?`), in order, each once.
    GlyphsMissing(String),
    /// No hub address is known, so the e-mail is not addressed.
    NoHubAddress,
    /// Exported with required answers missing: every page is marked INCOMPLETE DRAFT.
    Incomplete { missing: usize },
}

impl fmt::Display for ExportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BackupFailed { reason } => write!(
                f,
                "The backup before export could not be made ({reason}); your draft itself is unchanged."
            ),
            Self::GlyphsMissing(chars) => {
                let shown: String = chars.chars().take(GLYPHS_SHOWN).collect();
                write!(
                    f,
                    "Some characters cannot be shown in the PDF and appear as ? there: {shown} (the CSV and JSON keep them)."
                )
            }
            Self::NoHubAddress => f.write_str(
                "The e-mail has no address yet: add your music hub's address before sending.",
            ),
            Self::Incomplete { missing } => write!(
                f,
                "{missing} required answer{} missing: every page is marked INCOMPLETE DRAFT.",
                if *missing == 1 { " is" } else { "s are" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ExportWarning;

    #[test]
    fn each_warning_reads_as_before() {
        assert_eq!(
            ExportWarning::Incomplete { missing: 3 }.to_string(),
            "3 required answers are missing: every page is marked INCOMPLETE DRAFT."
        );
        assert_eq!(
            ExportWarning::NoHubAddress.to_string(),
            "The e-mail has no address yet: add your music hub's address before sending."
        );
        assert_eq!(
            ExportWarning::BackupFailed {
                reason: "disk full".into()
            }
            .to_string(),
            "The backup before export could not be made (disk full); your draft itself is unchanged."
        );
    }

    #[test]
    fn at_most_twenty_missing_characters_are_named() {
        let many: String = ('a'..='z').collect();
        let text = ExportWarning::GlyphsMissing(many).to_string();
        assert!(text.contains(": abcdefghijklmnopqrst (the CSV"), "{text}");
    }
}
