//! The PDF report (krilla): A4, fonts from the `typst-assets` crate, every page with the
//! school, questionnaire and version, page x of y and the date; the development plan link
//! clickable on the first page; INCOMPLETE DRAFT on every page when exported incomplete.

pub mod content;
pub mod layout;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};

use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};

use self::layout::{BOTTOM, Layout, MARGIN_X, Metrics, Op, PAGE_H, PAGE_W, Role};
use super::ExportError;
use super::facts::Facts;
use crate::draft::Draft;
use crate::questionnaire::Questionnaire;

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

fn fonts() -> Option<(&'static [u8], &'static [u8])> {
    let mut all = typst_assets::fonts();
    // The bundle's first two fonts are Libertinus Serif Regular and Bold.
    Some((all.next()?, all.next()?))
}

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

/// Render the report.
///
/// # Errors
/// Fonts missing from the build or PDF writing failed.
pub fn render(
    qn: &Questionnaire,
    draft: &Draft,
    facts: &Facts,
    incomplete: bool,
    date: &str,
) -> Result<PdfOutput, ExportError> {
    let (reg_data, bold_data) = fonts()
        .ok_or_else(|| ExportError::Pdf("the report fonts are missing from this build".into()))?;
    let reg_m = Metrics::new(reg_data)
        .ok_or_else(|| ExportError::Pdf("the regular font could not be read".into()))?;
    let bold_m = Metrics::new(bold_data)
        .ok_or_else(|| ExportError::Pdf("the bold font could not be read".into()))?;
    let regular = Font::new(reg_data.into(), 0)
        .ok_or_else(|| ExportError::Pdf("the regular font could not be loaded".into()))?;
    let bold = Font::new(bold_data.into(), 0)
        .ok_or_else(|| ExportError::Pdf("the bold font could not be loaded".into()))?;

    let mut layout = Layout::new(&reg_m, &bold_m);
    for b in content::build(qn, draft, facts) {
        layout.block(&b);
    }
    let total = layout.pages.len();
    let school = facts.school_or_default();
    let header = format!("{school} · {} (version {})", qn.title, qn.version);
    let header = layout
        .wrap(
            &header,
            8.5,
            false,
            PAGE_W - 2.0 * MARGIN_X - if incomplete { 130.0 } else { 0.0 },
        )
        .into_iter()
        .next()
        .unwrap_or_default();

    let mut doc = Document::new();
    let mut tags = Tags::default();
    let mut metadata = krilla::metadata::Metadata::new()
        .title(format!("{} – {school}", qn.title))
        .language("en-GB".to_string())
        .creator(format!("music-sef {}", env!("CARGO_PKG_VERSION")));
    if let Some(by) = &facts.completed_by {
        metadata = metadata.authors(vec![by.clone()]);
    }
    doc.set_metadata(metadata);
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
    for (i, ops) in layout.pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut links = Vec::new();
        {
            let mut s = page.surface();
            let text =
                |s: &mut krilla::surface::Surface, x: f32, y: f32, size: f32, b: bool, t: &str| {
                    s.draw_text(
                        Point::from_xy(x, y),
                        if b { bold.clone() } else { regular.clone() },
                        size,
                        t,
                        false,
                        TextDirection::Auto,
                    );
                };
            // Running header and footer are artifacts: a screen reader skips them.
            let artifact = |s: &mut krilla::surface::Surface, kind| {
                s.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
            };
            s.set_fill(Some(fill(90, 90, 90)));
            artifact(&mut s, ArtifactType::Header);
            text(&mut s, MARGIN_X, 40.0, 8.5, false, &header);
            s.end_tagged();
            artifact(&mut s, ArtifactType::Footer);
            text(
                &mut s,
                MARGIN_X,
                BOTTOM + 34.0,
                8.5,
                false,
                &format!("Page {} of {total} · {date} · music-sef", i + 1),
            );
            s.end_tagged();
            if incomplete {
                s.set_fill(Some(fill(180, 0, 0)));
                artifact(&mut s, ArtifactType::Header);
                text(
                    &mut s,
                    PAGE_W - MARGIN_X - 118.0,
                    40.0,
                    10.0,
                    true,
                    "INCOMPLETE DRAFT",
                );
                s.end_tagged();
                artifact(&mut s, ArtifactType::Footer);
                text(
                    &mut s,
                    PAGE_W - MARGIN_X - 118.0,
                    BOTTOM + 34.0,
                    10.0,
                    true,
                    "INCOMPLETE DRAFT",
                );
                s.end_tagged();
            }
            for op in ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        bold: b,
                        grey,
                        blue,
                        text: t,
                        block,
                        role,
                    } => {
                        let f = if *blue {
                            fill(0, 60, 160)
                        } else if *grey {
                            fill(85, 85, 85)
                        } else {
                            fill(0, 0, 0)
                        };
                        s.set_fill(Some(f));
                        let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
                        text(&mut s, *x, *y, *size, *b, t);
                        s.end_tagged();
                        tags.add(*block, *role, id);
                    }
                    Op::Underline { x, y, w } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x, *y);
                        pb.line_to(x + w, *y);
                        if let Some(path) = pb.finish() {
                            s.set_fill(None);
                            s.set_stroke(Some(Stroke {
                                paint: rgb::Color::new(0, 60, 160).into(),
                                width: 0.6,
                                ..Stroke::default()
                            }));
                            artifact(&mut s, ArtifactType::Layout);
                            s.draw_path(&path);
                            s.end_tagged();
                            s.set_stroke(None);
                        }
                    }
                    Op::Link {
                        x,
                        y,
                        w,
                        h,
                        url,
                        block,
                    } => links.push((*x, *y, *w, *h, url.clone(), *block)),
                }
            }
            s.finish();
        }
        for (x, y, w, h, url, block) in links {
            if let Some(rect) = Rect::from_xywh(x, y, w.max(1.0), h) {
                let link = krilla::annotation::LinkAnnotation::new(
                    rect,
                    krilla::annotation::Target::Action(krilla::action::Action::Link(
                        krilla::action::LinkAction::new(url.clone()),
                    )),
                );
                let id = page.add_tagged_annotation(krilla::annotation::Annotation::new_link(
                    link,
                    Some(format!("Music development plan: {url}")),
                ));
                tags.add(block, Role::Link, id);
            }
        }
        page.finish();
    }
    doc.set_tag_tree(tags.into_tree());
    let bytes = doc
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    Ok(PdfOutput {
        bytes,
        pages: total,
        missing: layout.missing.into_iter().collect(),
    })
}
