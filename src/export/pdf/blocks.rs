//! The report's vocabulary of blocks: styles, paragraphs, label-and-value pairs, grids and
//! bookmarks, which the report, the printed questionnaire and the hub's letter are made of
//! and the layout draws.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Subheading,
    Bold,
    Body,
    Small,
    Muted,
    Mark,
    /// Something the reader must not miss (a "No" where it matters).
    Alert,
}

/// Rows of text in columns, tagged as a table; widths are shares of the text width.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub columns: Vec<(String, f32)>,
    pub rows: Vec<Vec<String>>,
    pub size: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text {
        style: Style,
        text: String,
        indent: f32,
    },
    Pair {
        label: String,
        value: String,
    },
    /// Label-and-value pairs, two to a line.
    Facts(Vec<(String, String)>),
    /// A label and an address that is a link (the label may be empty).
    Link {
        label: String,
        url: String,
    },
    /// A numbered question, with its short answer beside it when it fits.
    Question {
        number: String,
        prompt: String,
        answer: Option<(String, Style)>,
    },
    Grid(Grid),
    /// A label and a ruled line to write on, then more lines.
    Rule {
        label: String,
        lines: usize,
    },
    /// Where a bookmark jumps to.
    Bookmark {
        title: String,
        level: u8,
    },
    /// Start a new page unless this much room is left.
    Keep(f32),
    Gap(f32),
    PageBreak,
}

pub fn text(style: Style, t: impl Into<String>) -> Block {
    Block::Text {
        style,
        text: t.into(),
        indent: 0.0,
    }
}

pub fn indented(style: Style, t: impl Into<String>) -> Block {
    Block::Text {
        style,
        text: t.into(),
        indent: 14.0,
    }
}

pub fn pair(label: impl Into<String>, value: impl Into<String>) -> Block {
    Block::Pair {
        label: label.into(),
        value: value.into(),
    }
}

pub fn bookmark(title: impl Into<String>) -> Block {
    Block::Bookmark {
        title: title.into(),
        level: 1,
    }
}
