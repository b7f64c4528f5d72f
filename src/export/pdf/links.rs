//! Link annotations: each laid-out link becomes a clickable area with its address as its
//! alternative text, tagged inside the Link element that holds its text.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::geom::Rect;

use super::tags::Tags;

/// A link's place on the page, its address, and the block and link whose tag holds it.
pub struct PageLink {
    pub rect: (f32, f32, f32, f32),
    pub url: String,
    pub block: usize,
    pub link: usize,
}

impl PageLink {
    pub fn annotate(self, page: &mut krilla::page::Page<'_>, tags: &mut Tags) {
        let (x, y, w, h) = self.rect;
        let Some(rect) = Rect::from_xywh(x, y, w.max(1.0), h) else {
            return;
        };
        let link = LinkAnnotation::new(
            rect,
            Target::Action(Action::Link(LinkAction::new(self.url.clone()))),
        );
        let alt = match self.url.strip_prefix("mailto:") {
            Some(address) => format!("E-mail {address}"),
            None => format!("Web page {}", self.url),
        };
        let id = page.add_tagged_annotation(Annotation::new_link(link, Some(alt)));
        tags.annotation(self.block, self.link, id);
    }
}
