//! The document's own information: title (shown by readers in place of the file name),
//! language, author, creation date, the PDF/UA-1 identification krilla checks the tagging
//! against, and the outline (bookmarks) a phone jumps by.

use chrono::{Datelike, Timelike};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};

use super::layout::{MARGIN_X, Mark};
use crate::export::Submission;

/// Settings that make krilla write PDF/UA-1 (with `DisplayDocTitle`) and refuse a file that
/// would not meet it; without the accessibility check when it cannot be had.
pub fn settings(accessible: bool) -> krilla::SerializeSettings {
    let configuration = if accessible {
        ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .unwrap_or_default()
    } else {
        krilla::configure::Configuration::default()
    };
    krilla::SerializeSettings {
        configuration,
        ..krilla::SerializeSettings::default()
    }
}

pub fn metadata(sub: &Submission<'_>) -> Metadata {
    let title = format!("{} – {}", sub.qn.title, sub.facts.school_or_default());
    let metadata = info(title, sub.dates.generated_at);
    match &sub.facts.completed_by {
        Some(by) => metadata.authors(vec![by.clone()]),
        None => metadata,
    }
}

/// Title, language, creator and creation date: what every document of ours carries.
pub fn info(title: String, t: chrono::DateTime<chrono::Utc>) -> Metadata {
    let small = |n: u32| u8::try_from(n).unwrap_or(0);
    let created = DateTime::new(u16::try_from(t.year()).unwrap_or(1970))
        .month(small(t.month()))
        .day(small(t.day()))
        .hour(small(t.hour()))
        .minute(small(t.minute()))
        .second(small(t.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    Metadata::new()
        .title(title)
        .language("en-GB".to_string())
        .creator(format!("music-sef {}", env!("CARGO_PKG_VERSION")))
        .creation_date(created)
}

/// One bookmark per place the layout marked, second-level ones under the one before.
pub fn outline(marks: &[Mark]) -> Outline {
    let mut outline = Outline::new();
    let mut top: Option<OutlineNode> = None;
    for m in marks {
        let node = OutlineNode::new(
            m.title.clone(),
            XyzDestination::new(m.page, Point::from_xy(MARGIN_X, (m.y - 4.0).max(0.0))),
        );
        match (m.level, top.as_mut()) {
            (2, Some(parent)) => parent.push_child(node),
            _ => {
                if let Some(done) = top.replace(node) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = top {
        outline.push_child(done);
    }
    outline
}
