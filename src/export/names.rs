//! The bundle's names, made in one place: short, safe file and folder names from a school's
//! name, valid on Windows, macOS and Linux, that fit every file-name limit and leave a bundle
//! extracted by Explorer from a Documents folder well under Windows' 260-character paths, and
//! that two different schools never share. (When the URN becomes part of the name, it goes in
//! [`bundle_base`] too.)

use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

/// The school's part of a name, at most: in UTF-16 units (what Windows counts in a path) and
/// in bytes (what Linux and macOS count in a file name). A bundle extracted by Explorer sits
/// three names deep (`<base>\<base>\<base>.pdf`), so each name stays near 45 characters.
const SCHOOL_UNITS: usize = 24;
const SCHOOL_BYTES: usize = 72;

/// `<school, short>-<YYYY-MM-DD>-<tag>`: the folder's name and the stem of the PDF and the
/// zip. The tag is the start of a hash of the school's whole name and the questionnaire, so
/// schools whose short names agree (or have no letters a file name can keep) still get
/// different names, while one school's export of the same day replaces its own.
pub fn bundle_base(school: &str, questionnaire_id: &str, date_iso: &str) -> String {
    let digest = Sha256::digest(format!("{}\n{questionnaire_id}", school.trim()).as_bytes());
    let tag: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{date_iso}-{tag}",
        safe_name(school, SCHOOL_UNITS, SCHOOL_BYTES)
    )
}

/// Letters and digits (whole characters, with their accents and vowel signs) and single
/// hyphens; cut to `units` UTF-16 units and `bytes` bytes without splitting a character;
/// Windows' reserved names avoided. Never empty: "School" when nothing is left.
pub fn safe_name(raw: &str, units: usize, bytes: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut last_dash = true;
    for g in raw.graphemes(true) {
        let keep = g.chars().next().is_some_and(char::is_alphanumeric)
            && !g
                .chars()
                .any(|c| c.is_control() || crate::text::is_bidi_control(c));
        let piece = if keep {
            g
        } else if !last_dash {
            "-"
        } else {
            continue;
        };
        let cost = piece.encode_utf16().count();
        if used + cost > units || out.len() + piece.len() > bytes {
            break;
        }
        out.push_str(piece);
        used += cost;
        last_dash = !keep;
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '.').to_string();
    if trimmed.is_empty() {
        "School".to_string()
    } else if is_reserved(&trimmed) {
        format!("{trimmed}-school")
    } else {
        trimmed
    }
}

/// Names Windows keeps for devices, whatever follows them.
fn is_reserved(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{bundle_base, safe_name};

    #[test]
    fn hostile_names_become_one_plain_folder_name() {
        assert_eq!(safe_name("Oakfield Primary", 60, 200), "Oakfield-Primary");
        assert_eq!(safe_name("../../etc/passwd", 60, 200), "etc-passwd");
        assert_eq!(safe_name("C:\\Windows\\x", 60, 200), "C-Windows-x");
        assert_eq!(safe_name("CON", 60, 200), "CON-school");
        assert_eq!(safe_name("lpt7", 60, 200), "lpt7-school");
        assert_eq!(safe_name("trail.", 60, 200), "trail");
        assert_eq!(safe_name("\u{0}\u{1b}", 60, 200), "School");
        assert_eq!(safe_name("École Saint-Jean", 60, 200), "École-Saint-Jean");
        assert_eq!(safe_name(&"a".repeat(300), 60, 200).len(), 60);
        // Vowel signs and viramas stay with their letters.
        assert_eq!(safe_name("विद्यालय", 60, 200), "विद्यालय");
    }

    #[test]
    fn long_names_in_any_script_fit_and_different_schools_differ() {
        for school in [
            "विद्यालय".repeat(50),
            "🎵".repeat(200),
            "学校".repeat(100),
            "a".repeat(300),
        ] {
            let base = bundle_base(&school, "school-music-self-evaluation", "2026-12-01");
            assert!(base.len() + ".pdf".len() <= 255, "{base}");
            assert!(base.encode_utf16().count() <= 48, "{base}");
        }
        let a = bundle_base("🎵🎶", "q", "2026-12-01");
        let b = bundle_base("🎻🎺", "q", "2026-12-01");
        assert!(a.starts_with("School-2026-12-01-") && b.starts_with("School-2026-12-01-"));
        assert_ne!(a, b, "schools with no letters still get their own names");
        assert_ne!(
            bundle_base("St Mary's", "q", "2026-12-01"),
            bundle_base("St Marys", "q", "2026-12-01")
        );
        assert_eq!(
            bundle_base("Oakfield", "q", "2026-12-01"),
            bundle_base(" Oakfield ", "q", "2026-12-01"),
            "the same school replaces its own export of the day"
        );
    }
}
