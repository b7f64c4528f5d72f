//! The hub's side: taking in schools' bundles (intake), the SQLite store they go into, the
//! expected schools, the schools list and the roll-up report; and the desk's data: review
//! states, decisions with agreed priorities, the feedback sent back and the reflections
//! received. See docs/hub.md.

pub mod db;
pub mod decision;
pub mod desk;
pub mod expect;
pub mod feedback;
pub mod generate;
pub mod intake;
pub mod page;
pub mod reflection;
pub mod report;
pub mod review;
pub mod schools;
pub mod stored;
pub mod summary;
pub mod target;
pub mod year;

use std::path::{Path, PathBuf};

pub use db::HubDb;

#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error(
        "the hub database {} is in use by another music-sef (another `hub` command, or the hub desk). Wait for it to finish, then try again.",
        path.display()
    )]
    InUse { path: PathBuf },
    #[error(
        "{} is not a music-sef hub database ({reason}). Choose another file with --db, or move this one aside.",
        path.display()
    )]
    NotHubDb { path: PathBuf, reason: String },
    #[error(
        "the hub database {} was made by a newer music-sef (schema version {found}; this program knows up to {known}). Update music-sef to use it.",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the hub database {} could not be used: {reason}", path.display())]
    Db { path: PathBuf, reason: String },
    #[error("could not {action} {}: {reason}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        reason: String,
    },
    /// The officer's input is wrong: the message says what and how to fix it.
    #[error("{0}")]
    Input(String),
}

impl HubError {
    pub fn io(action: &'static str, path: &Path, e: &std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
    }
}

/// Text from a file (a school's name, a title, a path) made safe for the terminal: control
/// characters and escape sequences removed, on one line.
pub fn shown(s: &str) -> String {
    crate::answers::parse::sanitize(s, false)
}

/// "23 Nov 2026" from a stored ISO 8601 time (the text itself, made safe, if it is not one).
pub fn day_of(iso: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| shown(iso))
}

/// A school's name folded for matching: lower case letters and digits, single spaces, and
/// the usual short forms made equal ("St" and "Saint", "&" and "and", "Sch" and "School").
pub fn name_key(name: &str) -> String {
    let lowered: String = name
        .chars()
        .map(|c| {
            if c == '&' {
                ' '
            } else if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    lowered
        .split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "and" => "",
            "sch" => "school",
            other => other,
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A six-digit URN from an answer or a CSV cell ("123456", 123456, " 123456 ").
pub fn parse_urn(raw: &str) -> Option<u32> {
    let t = raw.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse::<u32>()
        .ok()
        .filter(|u| (100_000..=999_999).contains(u))
}

#[cfg(test)]
mod tests {
    use super::{name_key, parse_urn, shown};

    #[test]
    fn names_fold_for_matching_and_urns_are_six_digits() {
        assert_eq!(
            name_key("St. Mary's C of E Primary & Nursery"),
            name_key("Saint Mary s C of E Primary and Nursery")
        );
        assert_eq!(name_key("  OAKFIELD   Primary "), "oakfield primary");
        assert_eq!(parse_urn("123456"), Some(123_456));
        assert_eq!(parse_urn("123456.0"), Some(123_456));
        assert_eq!(parse_urn("12"), None);
        assert_eq!(parse_urn("1234567"), None);
        assert_eq!(shown("Oak\u{1b}[31mfield\u{7}"), "Oakfield");
    }
}
