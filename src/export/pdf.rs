//! The PDF report (krilla): A4, fonts from the `typst-assets` crate, every page with the
//! school, questionnaire and version, page x of y and the date; every web and e-mail address
//! clickable; bookmarks per section; tagged and identified as PDF/UA-1; INCOMPLETE DRAFT on
//! every page when exported incomplete.

pub mod audit;
pub mod blocks;
pub mod content;
pub mod front;
pub mod grid;
pub mod hub_use;
pub mod items;
pub mod layout;
pub mod links;
pub mod meta;
pub mod metrics;
pub mod runs;
mod shape;
pub mod tags;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::Font;

use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};

use self::layout::{BOTTOM, Colour, Layout, MARGIN_X, Metrics, Op, PAGE_H, PAGE_W};
use self::links::PageLink;
use self::tags::Tags;
use super::{ExportError, Submission};

pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font could not draw.
    pub missing: Vec<char>,
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
        Colour::Red => fill(170, 0, 0),
    }
}

/// Render the report.
///
/// # Errors
/// Fonts missing from the build or PDF writing failed.
pub fn render(sub: &Submission<'_>) -> Result<PdfOutput, ExportError> {
    let frame = Frame {
        header: format!(
            "{} · {} (version {})",
            sub.facts.school_or_default(),
            sub.qn.title,
            sub.qn.version
        ),
        date: sub.dates.display.clone(),
        incomplete: sub.incomplete,
        metadata: meta::metadata(sub),
    };
    render_blocks(&content::build(sub), &frame)
}

/// What goes round the blocks on every page, and the document's metadata.
pub struct Frame {
    /// The running header (cut to one line).
    pub header: String,
    /// The day shown in the footer.
    pub date: String,
    /// Every page says INCOMPLETE DRAFT.
    pub incomplete: bool,
    pub metadata: krilla::metadata::Metadata,
}

/// Lay out `blocks` and draw them as a tagged PDF with an outline of its headings, in the
/// report's typography: the one engine for the report and the printed questionnaire.
///
/// # Errors
/// Fonts missing from the build or PDF writing failed.
pub fn render_blocks(blocks: &[content::Block], frame: &Frame) -> Result<PdfOutput, ExportError> {
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts.regular_metrics, &fonts.bold_metrics);
    for b in blocks {
        layout.block(b);
    }
    let furniture = Furniture {
        header: header_line(&mut layout, &frame.header, frame.incomplete),
        total: layout.pages.len(),
        date: &frame.date,
        incomplete: frame.incomplete,
    };
    // PDF/UA-1 first; should krilla find our tagging short of it for some text, the document
    // still goes out, tagged, without the claim.
    let meta = &frame.metadata;
    let bytes = match document(meta, &layout, &furniture, &fonts, true) {
        Ok(bytes) => bytes,
        Err(_) => document(meta, &layout, &furniture, &fonts, false)?,
    };
    Ok(PdfOutput {
        bytes,
        pages: furniture.total,
        missing: layout.missing.into_iter().collect(),
    })
}

/// Draw the laid-out pages into a PDF, checked as PDF/UA-1 when `accessible`.
fn document(
    metadata: &krilla::metadata::Metadata,
    layout: &Layout<'_>,
    furniture: &Furniture<'_>,
    fonts: &Fonts,
    accessible: bool,
) -> Result<Vec<u8>, ExportError> {
    let mut shaper = fonts.shaper()?;
    let mut doc = Document::new_with(meta::settings(accessible));
    doc.set_metadata(metadata.clone());
    doc.set_outline(meta::outline(&layout.marks));
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ExportError::pdf("bad page size"))?;
    let mut tags = Tags::default();
    for (i, ops) in layout.pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let links = {
            let mut s = page.surface();
            let mut pen = Pen {
                s: &mut s,
                fonts,
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
    doc.finish().map_err(|e| ExportError::pdf(format!("{e:?}")))
}

/// The running header's text, with characters the font lacks replaced as in the body, cut to
/// one line that leaves room for INCOMPLETE DRAFT.
fn header_line(layout: &mut Layout<'_>, header: &str, incomplete: bool) -> String {
    let header = layout.clean(header, false);
    let room = PAGE_W - 2.0 * MARGIN_X - if incomplete { 130.0 } else { 0.0 };
    layout
        .wrap(&header, 8.5, false, room)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Draws on one page's surface in the report's fonts.
struct Pen<'s, 'p> {
    s: &'s mut krilla::surface::Surface<'p>,
    fonts: &'s Fonts,
    shaper: &'s mut shape::Shaper,
}

impl Pen<'_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, t: &str, rtl: bool) {
        let font = if bold {
            &self.fonts.bold
        } else {
            &self.fonts.regular
        };
        let glyphs = self.shaper.glyphs(bold, rtl, t);
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
                    link,
                    rtl,
                } => {
                    self.s.set_fill(Some(fill_of(look.colour)));
                    let id = self.s.start_tagged(ContentTag::Span(SpanTag::empty()));
                    self.text(*x, *y, look.size, look.bold, text, *rtl);
                    self.s.end_tagged();
                    tags.text(*block, *role, *link, id, text);
                }
                Op::Underline { x, y, w } => self.line(*x, *y, *w, (0, 60, 160), 0.6),
                Op::Rule { x, y, w } => self.line(*x, *y, *w, (170, 170, 170), 0.5),
                Op::Link {
                    x,
                    y,
                    w,
                    h,
                    url,
                    block,
                    link,
                } => links.push(PageLink {
                    rect: (*x, *y, *w, *h),
                    url: url.clone(),
                    block: *block,
                    link: *link,
                }),
            }
        }
        links
    }

    /// A horizontal line (an underline or a rule), an artifact a screen reader skips.
    fn line(&mut self, x: f32, y: f32, w: f32, (r, g, b): (u8, u8, u8), width: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x, y);
        pb.line_to(x + w, y);
        let Some(path) = pb.finish() else {
            return;
        };
        self.s.set_fill(None);
        self.s.set_stroke(Some(Stroke {
            paint: rgb::Color::new(r, g, b).into(),
            width,
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
            p.text(MARGIN_X, 40.0, 8.5, false, &self.header, false);
        });
        pen.artifact(ArtifactType::Footer, |p| {
            p.text(MARGIN_X, BOTTOM + 34.0, 8.5, false, &footer, false);
        });
        if self.incomplete {
            let x = PAGE_W - MARGIN_X - 118.0;
            pen.s.set_fill(Some(fill(180, 0, 0)));
            for (kind, y) in [
                (ArtifactType::Header, 40.0),
                (ArtifactType::Footer, BOTTOM + 34.0),
            ] {
                pen.artifact(kind, |p| {
                    p.text(x, y, 10.0, true, "INCOMPLETE DRAFT", false)
                });
            }
        }
    }
}
