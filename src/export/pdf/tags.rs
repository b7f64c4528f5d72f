//! The PDF's tag tree, built in reading order: one element per block (a heading with its
//! title, a paragraph, or a table with header cells), each link a Link element holding its
//! text and its annotation, so screen readers and phones reflow the report as it reads.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use krilla::tagging::{Identifier, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree};

use super::layout::Role;

/// What one block's tags hold so far.
#[derive(Default)]
struct Block {
    /// From its first line.
    role: Option<Role>,
    items: Vec<Item>,
    /// A heading's text, which PDF/UA asks for as its title.
    text: String,
}

enum Item {
    Span(Identifier),
    /// A link's text and annotation, by link number.
    Link(usize, TagGroup),
    /// A table cell's text, by row and column.
    Cell {
        row: usize,
        col: usize,
        header: bool,
        nodes: Vec<Node>,
    },
}

#[derive(Default)]
pub struct Tags {
    blocks: BTreeMap<usize, Block>,
}

impl Tags {
    /// A drawn piece of text: `link` when it is (part of) a link's text.
    pub fn text(
        &mut self,
        block: usize,
        role: Role,
        link: Option<usize>,
        id: Identifier,
        text: &str,
    ) {
        let b = self.blocks.entry(block).or_default();
        b.role.get_or_insert(role);
        if matches!(role, Role::Title | Role::Heading | Role::Subheading) {
            if !b.text.is_empty() {
                b.text.push(' ');
            }
            b.text.push_str(text);
        }
        let node = Node::from(id);
        if let Role::Cell { row, col, header } = role {
            match b
                .items
                .iter_mut()
                .find(|i| matches!(i, Item::Cell { row: r, col: c, .. } if *r == row && *c == col))
            {
                Some(Item::Cell { nodes, .. }) => nodes.push(node),
                _ => b.items.push(Item::Cell {
                    row,
                    col,
                    header,
                    nodes: vec![node],
                }),
            }
            return;
        }
        match link {
            Some(k) => Self::push_to_link(b, k, node),
            None => b.items.push(Item::Span(id)),
        }
    }

    /// A link's annotation, added to the Link element that holds its text.
    pub fn annotation(&mut self, block: usize, link: usize, id: Identifier) {
        let b = self.blocks.entry(block).or_default();
        Self::push_to_link(b, link, Node::from(id));
    }

    /// Add `node` to link `k`'s element, making it where the link's first piece sits.
    fn push_to_link(b: &mut Block, k: usize, node: Node) {
        let group = b.items.iter_mut().find_map(|i| match i {
            Item::Link(n, g) if *n == k => Some(g),
            _ => None,
        });
        match group {
            Some(g) => g.push(node),
            None => {
                let mut g = TagGroup::new(Tag::Link);
                g.push(node);
                b.items.push(Item::Link(k, g));
            }
        }
    }

    pub fn into_tree(self) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some("en-GB".to_string()));
        for (_, b) in self.blocks {
            tree.push(element(b));
        }
        tree
    }
}

fn element(b: Block) -> TagGroup {
    let level =
        |n: u16, title: String| NonZeroU16::new(n).map(|l| TagKind::from(Tag::Hn(l, Some(title))));
    let kind = match b.role {
        Some(Role::Title) => level(1, b.text.clone()),
        Some(Role::Heading) => level(2, b.text.clone()),
        Some(Role::Subheading) => level(3, b.text.clone()),
        Some(Role::Cell { .. }) => return table(b.items),
        _ => None,
    }
    .unwrap_or_else(|| Tag::P.into());
    let nodes = b
        .items
        .into_iter()
        .map(|i| match i {
            Item::Span(id) => Node::from(id),
            Item::Link(_, g) => g.into(),
            Item::Cell { nodes, .. } => TagGroup::with_children(Tag::Span, nodes).into(),
        })
        .collect();
    TagGroup::with_children(kind, nodes)
}

/// A grid as a table: rows in order, header cells scoped to their column.
fn table(items: Vec<Item>) -> TagGroup {
    let mut rows: BTreeMap<usize, Vec<(usize, TagGroup)>> = BTreeMap::new();
    for i in items {
        if let Item::Cell {
            row,
            col,
            header,
            nodes,
        } = i
        {
            let kind: TagKind = if header {
                Tag::TH(TableHeaderScope::Column).into()
            } else {
                Tag::TD.into()
            };
            rows.entry(row)
                .or_default()
                .push((col, TagGroup::with_children(kind, nodes)));
        }
    }
    let trs = rows
        .into_values()
        .map(|mut cells| {
            cells.sort_by_key(|(c, _)| *c);
            let cells = cells.into_iter().map(|(_, g)| g.into()).collect();
            TagGroup::with_children(Tag::TR, cells).into()
        })
        .collect();
    TagGroup::with_children(Tag::Table, trs)
}
