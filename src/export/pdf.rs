//! The PDF report (krilla): A4, fonts from the `typst-assets` crate, every page with the
//! school, questionnaire and version, page x of y and the date; the development plan link
//! clickable on the first page; INCOMPLETE DRAFT on every page when exported incomplete.

pub mod content;
pub mod layout;
mod shape;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::Font;

use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};

use self::layout::{BOTTOM, Colour, Layout, MARGIN_X, Metrics, Op, PAGE_H, PAGE_W, Role};
use super::{ExportError, Submission};

pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font could not draw.
    pub missing: Vec<char>,
}

/// The tag tree, built in reading order: one element per block (a heading or a paragraph),
/// the plan link as a Link element holding its text and its annotation.
#[derive(Default)]
struct Tags {
    blocks: std::collections::BTreeMap<usize, TaggedBlock>,
}

/// One block's role (from its first line), its lines, and its link if it has one.
type TaggedBlock = (Option<Role>, Vec<Node>, Option<TagGroup>);

impl Tags {
    fn add(&mut self, block: usize, role: Role, id: Identifier) {
        let entry = self.blocks.entry(block).or_insert((None, Vec::new(), None));
        if role == Role::Link {
            entry
                .2
                .get_or_insert_with(|| TagGroup::new(Tag::Link))
                .push(id);
        } else {
            entry.0.get_or_insert(role);
            entry.1.push(id.into());
        }
    }

    fn into_tree(self) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some("en-GB".to_string()));
        for (_, (role, mut nodes, link)) in self.blocks {
            if let Some(l) = link {
                nodes.push(l.into());
            }
            let level = |n| std::num::NonZeroU16::new(n).map(|l| TagKind::from(Tag::Hn(l, None)));
            let kind = match role {
                Some(Role::Title) => level(1),
                Some(Role::Heading) => level(2),
                Some(Role::Subheading) => level(3),
                _ => None,
            }
            .unwrap_or_else(|| Tag::P.into());
            tree.push(TagGroup::with_children(kind, nodes));
        }
        tree
    }
}

/// The report's two fonts, with the metrics that lay text out in them.
struct Fonts {
    regular: Font,
    bold: Font,
    regular_metrics: Metrics,
    bold_metrics: Metrics,
    data: (&'static [u8], &'static [u8]),
}

impl Fonts {
    fn load() -> Result<Self, ExportError> {
        let mut all = typst_assets::fonts();
        // The bundle's first two fonts are Libertinus Serif Regular and Bold.
        let (Some(reg_data), Some(bold_data)) = (all.next(), all.next()) else {
            return Err(ExportError::pdf(
                "the report fonts are missing from this build",
            ));
        };
        Ok(Self {
            regular_metrics: Metrics::new(reg_data)
                .ok_or_else(|| ExportError::pdf("the regular font could not be read"))?,
            bold_metrics: Metrics::new(bold_data)
                .ok_or_else(|| ExportError::pdf("the bold font could not be read"))?,
            regular: Font::new(reg_data.into(), 0)
                .ok_or_else(|| ExportError::pdf("the regular font could not be loaded"))?,
            bold: Font::new(bold_data.into(), 0)
                .ok_or_else(|| ExportError::pdf("the bold font could not be loaded"))?,
            data: (reg_data, bold_data),
        })
    }

    fn shaper(&self) -> Result<shape::Shaper, ExportError> {
        shape::Shaper::new((&self.regular, self.data.0), (&self.bold, self.data.1))
            .ok_or_else(|| ExportError::pdf("the fonts could not be prepared for shaping"))
    }
}

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

fn fill_of(colour: Colour) -> Fill {
    match colour {
        Colour::Blue => fill(0, 60, 160),
        Colour::Grey => fill(85, 85, 85),
        Colour::Black => fill(0, 0, 0),
    }
}

/// Render the report.
///
/// # Errors
/// Fonts missing from the build or PDF writing failed.
pub fn render(sub: &Submission<'_>) -> Result<PdfOutput, ExportError> {
    let fonts = Fonts::load()?;
    let mut shaper = fonts.shaper()?;
    let mut layout = Layout::new(&fonts.regular_metrics, &fonts.bold_metrics);
    for b in content::build(sub) {
        layout.block(&b);
    }
    let furniture = Furniture {
        header: header_line(&layout, sub),
        total: layout.pages.len(),
        date: &sub.dates.display,
        incomplete: sub.incomplete,
    };
    let mut doc = Document::new();
    doc.set_metadata(metadata(sub));
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ExportError::pdf("bad page size"))?;
    let mut tags = Tags::default();
    for (i, ops) in layout.pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let links = {
            let mut s = page.surface();
            let mut pen = Pen {
                s: &mut s,
                fonts: &fonts,
                shaper: &mut shaper,
            };
            furniture.draw(&mut pen, i);
            let links = pen.ops(ops, &mut tags);
            s.finish();
            links
        };
        for link in links {
            link.annotate(&mut page, &mut tags);
        }
        page.finish();
    }
    doc.set_tag_tree(tags.into_tree());
    let bytes = doc
        .finish()
        .map_err(|e| ExportError::pdf(format!("{e:?}")))?;
    Ok(PdfOutput {
        bytes,
        pages: furniture.total,
        missing: layout.missing.into_iter().collect(),
    })
}

/// The running header's text: school, questionnaire and version, cut to one line that leaves
/// room for INCOMPLETE DRAFT.
fn header_line(layout: &Layout<'_>, sub: &Submission<'_>) -> String {
    let qn = sub.qn;
    let header = format!(
        "{} · {} (version {})",
        sub.facts.school_or_default(),
        qn.title,
        qn.version
    );
    let room = PAGE_W - 2.0 * MARGIN_X - if sub.incomplete { 130.0 } else { 0.0 };
    layout
        .wrap(&header, 8.5, false, room)
        .into_iter()
        .next()
        .unwrap_or_default()
}

fn metadata(sub: &Submission<'_>) -> krilla::metadata::Metadata {
    let metadata = krilla::metadata::Metadata::new()
        .title(format!(
            "{} – {}",
            sub.qn.title,
            sub.facts.school_or_default()
        ))
        .language("en-GB".to_string())
        .creator(format!("music-sef {}", env!("CARGO_PKG_VERSION")));
    match &sub.facts.completed_by {
        Some(by) => metadata.authors(vec![by.clone()]),
        None => metadata,
    }
}

/// Draws on one page's surface in the report's fonts.
struct Pen<'s, 'p> {
    s: &'s mut krilla::surface::Surface<'p>,
    fonts: &'s Fonts,
    shaper: &'s mut shape::Shaper,
}

impl Pen<'_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, t: &str) {
        let font = if bold {
            &self.fonts.bold
        } else {
            &self.fonts.regular
        };
        let glyphs = self.shaper.glyphs(bold, t);
        self.s
            .draw_glyphs(Point::from_xy(x, y), &glyphs, font.clone(), t, size, false);
    }

    /// Running header and footer are artifacts: a screen reader skips them.
    fn artifact(&mut self, kind: ArtifactType, draw: impl FnOnce(&mut Self)) {
        self.s
            .start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
        draw(self);
        self.s.end_tagged();
    }

    /// Draw a page's laid-out operations; returns its links, which are annotations added
    /// once the surface is finished.
    fn ops(&mut self, ops: &[Op], tags: &mut Tags) -> Vec<PageLink> {
        let mut links = Vec::new();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    look,
                    text,
                    block,
                    role,
                } => {
                    self.s.set_fill(Some(fill_of(look.colour)));
                    let id = self.s.start_tagged(ContentTag::Span(SpanTag::empty()));
                    self.text(*x, *y, look.size, look.bold, text);
                    self.s.end_tagged();
                    tags.add(*block, *role, id);
                }
                Op::Underline { x, y, w } => self.underline(*x, *y, *w),
                Op::Link {
                    x,
                    y,
                    w,
                    h,
                    url,
                    block,
                } => links.push(PageLink {
                    rect: (*x, *y, *w, *h),
                    url: url.clone(),
                    block: *block,
                }),
            }
        }
        links
    }

    fn underline(&mut self, x: f32, y: f32, w: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x, y);
        pb.line_to(x + w, y);
        let Some(path) = pb.finish() else {
            return;
        };
        self.s.set_fill(None);
        self.s.set_stroke(Some(Stroke {
            paint: rgb::Color::new(0, 60, 160).into(),
            width: 0.6,
            ..Stroke::default()
        }));
        self.artifact(ArtifactType::Layout, |p| p.s.draw_path(&path));
        self.s.set_stroke(None);
    }
}

/// What every page carries: header, footer with page x of y and the date, and INCOMPLETE
/// DRAFT at top and bottom when exported incomplete.
struct Furniture<'a> {
    header: String,
    total: usize,
    date: &'a str,
    incomplete: bool,
}

impl Furniture<'_> {
    fn draw(&self, pen: &mut Pen<'_, '_>, page: usize) {
        let footer = format!(
            "Page {} of {} · {} · music-sef",
            page + 1,
            self.total,
            self.date
        );
        pen.s.set_fill(Some(fill(90, 90, 90)));
        pen.artifact(ArtifactType::Header, |p| {
            p.text(MARGIN_X, 40.0, 8.5, false, &self.header);
        });
        pen.artifact(ArtifactType::Footer, |p| {
            p.text(MARGIN_X, BOTTOM + 34.0, 8.5, false, &footer);
        });
        if self.incomplete {
            let x = PAGE_W - MARGIN_X - 118.0;
            pen.s.set_fill(Some(fill(180, 0, 0)));
            for (kind, y) in [
                (ArtifactType::Header, 40.0),
                (ArtifactType::Footer, BOTTOM + 34.0),
            ] {
                pen.artifact(kind, |p| p.text(x, y, 10.0, true, "INCOMPLETE DRAFT"));
            }
        }
    }
}

/// A link's place on the page, its address, and the block whose tag holds it.
struct PageLink {
    rect: (f32, f32, f32, f32),
    url: String,
    block: usize,
}

impl PageLink {
    fn annotate(self, page: &mut krilla::page::Page<'_>, tags: &mut Tags) {
        let (x, y, w, h) = self.rect;
        let Some(rect) = Rect::from_xywh(x, y, w.max(1.0), h) else {
            return;
        };
        let link = krilla::annotation::LinkAnnotation::new(
            rect,
            krilla::annotation::Target::Action(krilla::action::Action::Link(
                krilla::action::LinkAction::new(self.url.clone()),
            )),
        );
        let id = page.add_tagged_annotation(krilla::annotation::Annotation::new_link(
            link,
            Some(format!("Music development plan: {}", self.url)),
        ));
        tags.add(self.block, Role::Link, id);
    }
}
