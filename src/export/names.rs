//! Safe file and folder names from a school's name: valid on Windows, macOS and Linux.

/// Letters, digits and a few separators only; spaces become hyphens; length capped;
/// Windows reserved names avoided. Never empty.
pub fn safe_name(raw: &str, max: usize) -> String {
    let mut out = String::new();
    let mut last_dash = true;
    for c in raw.chars() {
        if c.is_alphanumeric() && !c.is_control() {
            out.push(c);
            last_dash = false;
        } else if !last_dash {
            out.push('-');
            last_dash = true;
        }
        if out.chars().count() >= max {
            break;
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '.').to_string();
    let upper = trimmed.to_ascii_uppercase();
    let reserved = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3",
    ];
    if trimmed.is_empty() {
        "School".to_string()
    } else if reserved.contains(&upper.as_str()) {
        format!("{trimmed}-school")
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn hostile_names_become_one_plain_folder_name() {
        assert_eq!(safe_name("Oakfield Primary", 60), "Oakfield-Primary");
        assert_eq!(safe_name("../../etc/passwd", 60), "etc-passwd");
        assert_eq!(safe_name("C:\\Windows\\x", 60), "C-Windows-x");
        assert_eq!(safe_name("CON", 60), "CON-school");
        assert_eq!(safe_name("trail.", 60), "trail");
        assert_eq!(safe_name("\u{0}\u{1b}", 60), "School");
        assert_eq!(safe_name("École Saint-Jean", 60), "École-Saint-Jean");
        assert_eq!(safe_name(&"a".repeat(300), 60).len(), 60);
    }
}
