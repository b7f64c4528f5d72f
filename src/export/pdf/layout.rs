//! Laying the report out on A4 pages: text measured with the real font, wrapped at word
//! boundaries (long words split), pages broken so nothing runs off the bottom, headings
//! kept with what follows, right-to-left runs reordered and addresses made links. Produces
//! drawing operations; `pdf.rs` turns them into PDF. Grids and ruled lines are in `grid`.

use std::collections::BTreeSet;

use super::blocks::{Block, Style};
pub use super::metrics::Metrics;
use super::runs::runs;

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub const MARGIN_X: f32 = 56.0;
pub const TOP: f32 = 70.0;
pub const BOTTOM: f32 = 780.0;
/// The width text is set in.
pub const WIDTH: f32 = PAGE_W - 2.0 * MARGIN_X;

/// What a line of text is, for the PDF's tag tree (screen readers, reflow on phones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Subheading,
    Para,
    /// A grid cell: its row (0 is the header row) and column.
    Cell {
        row: usize,
        col: usize,
        header: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        look: Look,
        text: String,
        block: usize,
        role: Role,
        /// The link this text belongs to, if it is a link's text.
        link: Option<usize>,
        /// Drawn right to left.
        rtl: bool,
    },
    /// A link's underline.
    Underline { x: f32, y: f32, w: f32 },
    /// A grey ruled line: a grid's row rule or a line to write on.
    Rule { x: f32, y: f32, w: f32 },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
        block: usize,
        link: usize,
    },
}

/// A place the outline (bookmarks) jumps to.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub title: String,
    /// 1 for a top-level entry, 2 for one under it.
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

pub struct Layout<'a> {
    pub(super) regular: &'a Metrics,
    pub(super) bold: &'a Metrics,
    pub pages: Vec<Vec<Op>>,
    pub(super) y: f32,
    /// Characters neither font can draw, replaced on the page and reported.
    pub missing: BTreeSet<char>,
    /// Index of the block being laid out: lines of one block form one tagged element.
    pub(super) block: usize,
    /// Links made so far; each link's pieces share its number.
    links: usize,
    pub marks: Vec<Mark>,
}

/// How a line of text is drawn: its size, weight and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Black,
    Grey,
    /// Links and "changed since" marks.
    Blue,
    /// Checklist items not met.
    Red,
}

impl Look {
    pub const fn new(size: f32, bold: bool, colour: Colour) -> Self {
        Self { size, bold, colour }
    }

    pub const fn plain(size: f32, bold: bool) -> Self {
        Self::new(size, bold, Colour::Black)
    }

    pub fn of(s: Style) -> Self {
        match s {
            Style::Title => Self::plain(18.0, true),
            Style::Heading => Self::plain(14.0, true),
            Style::Subheading => Self::plain(11.5, true),
            Style::Bold => Self::plain(10.0, true),
            Style::Body => Self::plain(10.0, false),
            Style::Small => Self::plain(9.0, false),
            Style::Muted => Self::new(9.0, false, Colour::Grey),
            Style::Mark => Self::new(9.0, true, Colour::Blue),
            Style::Alert => Self::new(9.5, true, Colour::Red),
        }
    }
}

impl<'a> Layout<'a> {
    pub fn new(regular: &'a Metrics, bold: &'a Metrics) -> Self {
        Self {
            regular,
            bold,
            pages: vec![Vec::new()],
            y: TOP,
            missing: BTreeSet::new(),
            block: 0,
            links: 0,
            marks: Vec::new(),
        }
    }

    pub(super) fn metrics(&self, bold: bool) -> &'a Metrics {
        if bold { self.bold } else { self.regular }
    }

    pub(super) fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    /// Replace characters the font cannot draw, and control characters, so the page never
    /// shows blanks silently (and never needs the font's empty box, which PDF/UA forbids).
    pub fn clean(&mut self, text: &str, bold: bool) -> String {
        let m = self.metrics(bold);
        text.chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .map(|c| {
                if c == '\n' || c == ' ' || m.has(c) {
                    c
                } else if c.is_whitespace() {
                    ' '
                } else {
                    self.missing.insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// Break text into lines that fit `width`.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let m = self.metrics(bold);
        let space = m.width(" ", size);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut w = 0.0;
            for word in para.split_whitespace() {
                let ww = m.width(word, size);
                if ww > width {
                    // A word longer than the line: split it by characters.
                    for c in word.chars() {
                        let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
                        if w + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            w = 0.0;
                        }
                        line.push(c);
                        w += cw;
                    }
                    continue;
                }
                let extra = if line.is_empty() { ww } else { space + ww };
                if w + extra > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    w = 0.0;
                }
                if !line.is_empty() {
                    line.push(' ');
                    w += space;
                }
                line.push_str(word);
                w += ww;
            }
            lines.push(line);
        }
        lines
    }

    /// Place one line at the current height: its right-to-left runs in visual order, and
    /// each address (or the whole line, when `target` is given) a link.
    pub(super) fn emit(&mut self, x: f32, look: Look, line: &str, role: Role, target: Target<'_>) {
        let m = self.metrics(look.bold);
        let (y, block) = (self.y, self.block);
        let mut x = x;
        let pieces = match target {
            Target::Whole(url) => vec![super::runs::Run {
                text: line.to_string(),
                rtl: false,
                target: Some(url.to_string()),
            }],
            Target::Find => runs(line, true),
            Target::None => runs(line, false),
        };
        for run in pieces {
            let w = m.width(&run.text, look.size);
            let link = run.target.as_ref().map(|_| {
                self.links += 1;
                self.links
            });
            let look = if link.is_some() {
                Look {
                    colour: Colour::Blue,
                    ..look
                }
            } else {
                look
            };
            let page = self.page();
            page.push(Op::Text {
                x,
                y,
                look,
                text: run.text,
                block,
                role,
                link,
                rtl: run.rtl,
            });
            if let (Some(url), Some(link)) = (run.target, link) {
                page.push(Op::Underline { x, y: y + 1.5, w });
                let h = look.size * 1.3;
                page.push(Op::Link {
                    x,
                    y: y - look.size,
                    w,
                    h,
                    url,
                    block,
                    link,
                });
            }
            x += w;
        }
    }

    pub fn block(&mut self, b: &Block) {
        self.block += 1;
        match b {
            Block::Gap(g) => self.y += g,
            Block::PageBreak => self.new_page(),
            Block::Keep(h) => self.ensure(*h),
            Block::Text {
                style,
                text,
                indent,
            } => self.text(*style, text, *indent),
            Block::Pair { label, value } => self.pair(label, value),
            Block::Facts(pairs) => self.facts(pairs),
            Block::Link { label, url } => self.link(label, url),
            Block::Question {
                number,
                prompt,
                answer,
            } => self.question(number, prompt, answer.as_ref()),
            Block::Grid(g) => self.grid(g),
            Block::Rule { label, lines } => self.rule(label, *lines),
            Block::Bookmark { title, level } => {
                let page = self.pages.len().saturating_sub(1);
                let mark = Mark {
                    title: title.clone(),
                    level: *level,
                    page,
                    y: self.y,
                };
                self.marks.push(mark);
            }
        }
    }

    pub(super) fn text(&mut self, style: Style, text: &str, indent: f32) {
        let look = Look::of(style);
        let role = match style {
            Style::Title => Role::Title,
            Style::Heading => Role::Heading,
            Style::Subheading => Role::Subheading,
            _ => Role::Para,
        };
        let clean = self.clean(text, look.bold);
        let lines = self.wrap(&clean, look.size, look.bold, WIDTH - indent);
        let lh = look.size * 1.35;
        // Keep a heading with at least two lines of what follows.
        let keep = if matches!(
            style,
            Style::Title | Style::Heading | Style::Subheading | Style::Bold
        ) {
            3.0 * lh
        } else {
            lh
        };
        self.ensure(keep);
        for l in lines {
            self.ensure(lh);
            self.y += lh;
            self.emit(MARGIN_X + indent, look, &l, role, Target::Find);
        }
    }
}

/// What a line links to.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'u> {
    /// Nothing.
    None,
    /// Any web or e-mail address in it.
    Find,
    /// The whole line, to this address.
    Whole(&'u str),
}
