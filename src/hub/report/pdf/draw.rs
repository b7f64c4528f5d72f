//! Laying the summary out on A4 and drawing it with krilla: the report's fonts and text
//! measuring (`export::pdf::layout`), simple horizontal bars for charts, a running header
//! and footer, and a tag tree so screen readers and phones can reflow it.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};

use crate::export::pdf::layout::{BOTTOM, Layout, MARGIN_X, Metrics, PAGE_H, PAGE_W, TOP};
use crate::hub::HubError;

/// What the summary says, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Title(String),
    Heading(String),
    /// A bold line heading a group of bars.
    Sub(String),
    Para(String),
    Muted(String),
    /// A labelled bar: `value` of `max`, with `shown` written after it.
    Bar {
        label: String,
        value: f64,
        max: f64,
        shown: String,
    },
    Gap(f32),
}

enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        grey: bool,
        text: String,
        block: usize,
    },
    Bar {
        x: f32,
        y: f32,
        w: f32,
        full: f32,
        h: f32,
    },
}

fn fail(what: &str) -> HubError {
    HubError::Input(format!("the summary PDF could not be made: {what}"))
}

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

struct Pages<'m> {
    layout: Layout<'m>,
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Each block's tag: a heading level or a paragraph.
    kinds: Vec<Option<u16>>,
}

impl Pages<'_> {
    fn room(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > TOP {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    fn text(&mut self, text: &str, size: f32, bold: bool, grey: bool, level: Option<u16>) {
        let block = self.kinds.len();
        self.kinds.push(level);
        let lh = size * 1.35;
        self.room(if level.is_some() { lh * 3.0 } else { lh });
        for line in self
            .layout
            .wrap(&clean(text), size, bold, PAGE_W - 2.0 * MARGIN_X)
        {
            self.room(lh);
            self.y += lh;
            self.push(Op::Text {
                x: MARGIN_X,
                y: self.y,
                size,
                bold,
                grey,
                text: line,
                block,
            });
        }
    }

    fn bar(&mut self, label: &str, value: f64, max: f64, shown: &str) {
        let block = self.kinds.len();
        self.kinds.push(None);
        let width = PAGE_W - 2.0 * MARGIN_X;
        let (label_w, bar_w) = (width * 0.42, width * 0.36);
        let lines = self.layout.wrap(&clean(label), 10.0, false, label_w - 6.0);
        let lh = 13.5;
        #[allow(clippy::cast_precision_loss)]
        let h = lh * lines.len().max(1) as f32 + 3.0;
        self.room(h);
        let top = self.y;
        for (i, l) in lines.into_iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = top + lh * (i + 1) as f32;
            self.push(Op::Text {
                x: MARGIN_X,
                y,
                size: 10.0,
                bold: false,
                grey: false,
                text: l,
                block,
            });
        }
        #[allow(clippy::cast_possible_truncation)]
        let share = if max > 0.0 {
            (value / max).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        let x = MARGIN_X + label_w;
        self.push(Op::Bar {
            x,
            y: top + 4.0,
            w: bar_w * share,
            full: bar_w,
            h: 9.0,
        });
        self.push(Op::Text {
            x: x + bar_w + 8.0,
            y: top + lh,
            size: 10.0,
            bold: true,
            grey: false,
            text: clean(shown),
            block,
        });
        self.y = top + h;
    }
}

/// No control characters, and nothing the font lacks turned into a blank: the same rule as
/// the school's report, kept simple because hub text is ours or already shown elsewhere.
fn clean(s: &str) -> String {
    crate::hub::shown(s)
}

fn fonts() -> Result<(&'static [u8], &'static [u8]), HubError> {
    let mut all = typst_assets::fonts();
    // As the school's report: the bundle's first two fonts are Libertinus Serif Regular and Bold.
    match (all.next(), all.next()) {
        (Some(r), Some(b)) => Ok((r, b)),
        _ => Err(fail("the fonts are missing from this build")),
    }
}

/// The PDF bytes for `items`, with `header` on every page and `footer` beside the page number.
///
/// # Errors
/// Fonts missing from the build, or the PDF could not be written.
pub fn render(items: &[Item], title: &str, footer: &str) -> Result<Vec<u8>, HubError> {
    let (reg, bold) = fonts()?;
    let (reg_m, bold_m) = (
        Metrics::new(reg).ok_or_else(|| fail("the font cannot be read"))?,
        Metrics::new(bold).ok_or_else(|| fail("the font cannot be read"))?,
    );
    let mut p = Pages {
        layout: Layout::new(&reg_m, &bold_m),
        pages: vec![Vec::new()],
        y: TOP,
        kinds: Vec::new(),
    };
    for item in items {
        match item {
            Item::Title(t) => p.text(t, 20.0, true, false, Some(1)),
            Item::Heading(t) => {
                p.y += 8.0;
                p.text(t, 14.0, true, false, Some(2));
            }
            Item::Sub(t) => {
                p.y += 3.0;
                p.text(t, 10.5, true, false, Some(3));
            }
            Item::Para(t) => p.text(t, 10.5, false, false, None),
            Item::Muted(t) => p.text(t, 9.0, false, true, None),
            Item::Bar {
                label,
                value,
                max,
                shown,
            } => p.bar(label, *value, *max, shown),
            Item::Gap(g) => p.y += g,
        }
    }
    let fonts = (
        Font::new(reg.into(), 0).ok_or_else(|| fail("the font cannot be loaded"))?,
        Font::new(bold.into(), 0).ok_or_else(|| fail("the font cannot be loaded"))?,
    );
    draw(&p.pages, &p.kinds, &fonts, title, footer)
}

fn draw_op(s: &mut Surface, op: &Op, fonts: &(Font, Font), blocks: &mut [Vec<Node>]) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            grey,
            text,
            block,
        } => {
            s.set_fill(Some(if *grey {
                fill(85, 85, 85)
            } else {
                fill(0, 0, 0)
            }));
            let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
            let font = if *bold {
                fonts.1.clone()
            } else {
                fonts.0.clone()
            };
            s.draw_text(
                Point::from_xy(*x, *y),
                font,
                *size,
                text,
                false,
                TextDirection::Auto,
            );
            s.end_tagged();
            if let Some(b) = blocks.get_mut(*block) {
                b.push(id.into());
            }
        }
        Op::Bar { x, y, w, full, h } => {
            // The bar is drawn as an artifact: its number is in the text beside it.
            s.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::Layout,
                None,
            )));
            for (width, shade) in [(*full, fill(225, 229, 236)), (*w, fill(30, 80, 160))] {
                let mut pb = PathBuilder::new();
                if let Some(r) = Rect::from_xywh(*x, *y, width.max(0.5), *h) {
                    pb.push_rect(r);
                }
                if let Some(path) = pb.finish() {
                    s.set_fill(Some(shade));
                    s.draw_path(&path);
                }
            }
            s.end_tagged();
        }
    }
}

fn draw(
    pages: &[Vec<Op>],
    kinds: &[Option<u16>],
    fonts: &(Font, Font),
    title: &str,
    footer: &str,
) -> Result<Vec<u8>, HubError> {
    let mut doc = Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_string())
            .language("en-GB".to_string())
            .creator(format!("music-sef {}", env!("CARGO_PKG_VERSION"))),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| fail("bad page size"))?;
    let mut blocks: Vec<Vec<Node>> = vec![Vec::new(); kinds.len()];
    let total = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut s = page.surface();
        let running = [
            (40.0, title.to_string(), ArtifactType::Header),
            (
                BOTTOM + 34.0,
                format!("Page {} of {total} · {footer}", i + 1),
                ArtifactType::Footer,
            ),
        ];
        s.set_fill(Some(fill(90, 90, 90)));
        for (y, t, kind) in running {
            // Running header and footer are artifacts: a screen reader skips them.
            s.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
            s.draw_text(
                Point::from_xy(MARGIN_X, y),
                fonts.0.clone(),
                8.5,
                &t,
                false,
                TextDirection::Auto,
            );
            s.end_tagged();
        }
        for op in ops {
            draw_op(&mut s, op, fonts, &mut blocks);
        }
        s.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some("en-GB".to_string()));
    for (kind, nodes) in kinds.iter().zip(blocks) {
        if nodes.is_empty() {
            continue;
        }
        let tag: TagKind = match kind.and_then(std::num::NonZeroU16::new) {
            Some(l) => Tag::Hn(l, None).into(),
            None => Tag::P.into(),
        };
        tree.push(TagGroup::with_children(tag, nodes));
    }
    doc.set_tag_tree(tree);
    doc.finish().map_err(|e| fail(&format!("{e:?}")))
}
