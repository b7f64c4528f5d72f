//! Laying out the report's labelled items: label-and-value pairs (one column, or two side by
//! side for the first page's facts), links that keep their address whole, and numbered
//! questions with a short answer beside them.

use super::blocks::Style;
use super::layout::{Layout, Look, MARGIN_X, Role, Target, WIDTH};

/// The column a short answer sits in, beside its question.
const ANSWER_W: f32 = 150.0;

impl Layout<'_> {
    pub(super) fn pair(&mut self, label: &str, value: &str) {
        let size = 9.5;
        let lh = size * 1.35;
        let label = self.clean(label, true);
        let value = self.clean(value, false);
        // One label column for every pair, so values line up down the page.
        let label_w = WIDTH * 0.3;
        let label_lines = self.wrap(&label, size, true, label_w - 6.0);
        let value_lines = self.wrap(&value, size, false, WIDTH - label_w);
        for i in 0..label_lines.len().max(value_lines.len()) {
            self.ensure(lh);
            self.y += lh;
            if let Some(l) = label_lines.get(i) {
                self.emit(
                    MARGIN_X,
                    Look::plain(size, true),
                    l,
                    Role::Para,
                    Target::None,
                );
            }
            if let Some(v) = value_lines.get(i) {
                let x = MARGIN_X + label_w;
                self.emit(x, Look::plain(size, false), v, Role::Para, Target::Find);
            }
        }
    }

    /// A label and an address that is one link however many lines it takes.
    pub(super) fn link(&mut self, label: &str, url: &str) {
        let size = 10.0;
        let lh = size * 1.4;
        self.ensure(lh * 2.0);
        let label = self.clean(label, true);
        let url_clean = self.clean(url, false);
        let label_w = if label.is_empty() {
            0.0
        } else {
            self.bold.width(&label, size) + 6.0
        };
        // The address follows its label on the same line when both fit.
        let same_line = label_w + self.regular.width(&url_clean, size) <= WIDTH;
        if !label.is_empty() {
            self.y += lh;
            self.emit(
                MARGIN_X,
                Look::plain(size, true),
                &label,
                Role::Para,
                Target::None,
            );
        }
        let (x, width) = if same_line {
            (MARGIN_X + label_w, WIDTH - label_w)
        } else {
            (MARGIN_X, WIDTH)
        };
        for (i, l) in self
            .wrap(&url_clean, size, false, width)
            .into_iter()
            .enumerate()
        {
            if i > 0 || !same_line || label.is_empty() {
                self.ensure(lh);
                self.y += lh;
            }
            self.emit(
                x,
                Look::plain(size, false),
                &l,
                Role::Para,
                Target::Whole(url),
            );
        }
    }

    /// A numbered question in bold with a short answer in the column beside it, or (when the
    /// answer does not fit there) on the lines below.
    pub(super) fn question(
        &mut self,
        number: &str,
        prompt: &str,
        answer: Option<&(String, Style)>,
    ) {
        let look = Look::of(Style::Bold);
        let lh = look.size * 1.35;
        let prompt = self.clean(&format!("{number}  {prompt}"), true);
        let short = answer.and_then(|(text, style)| {
            let a = Look::of(*style);
            let clean = self.clean(text, a.bold);
            let fits = !clean.contains('\n')
                && self.metrics(a.bold).width(&clean, a.size) <= ANSWER_W - 8.0;
            fits.then_some((clean, a))
        });
        let width = if short.is_some() {
            WIDTH - ANSWER_W
        } else {
            WIDTH
        };
        let lines = self.wrap(&prompt, look.size, true, width);
        self.ensure(lh * 2.0);
        for (i, l) in lines.iter().enumerate() {
            self.ensure(lh);
            self.y += lh;
            self.emit(MARGIN_X, look, l, Role::Para, Target::None);
            if i == 0
                && let Some((a, alook)) = &short
            {
                let x = MARGIN_X + WIDTH - ANSWER_W + 8.0;
                self.emit(x, *alook, a, Role::Para, Target::Find);
            }
        }
        if short.is_none()
            && let Some((text, style)) = answer
        {
            self.block += 1;
            self.text(*style, text, 14.0);
        }
    }

    /// Label-and-value pairs two to a line, so the first page's facts take half the room.
    pub(super) fn facts(&mut self, pairs: &[(String, String)]) {
        let size = 9.5;
        let lh = size * 1.35;
        let (label_w, value_w) = (WIDTH * 0.17, WIDTH * 0.33);
        for two in pairs.chunks(2) {
            let cols: Vec<(Vec<String>, Vec<String>)> = two
                .iter()
                .map(|(l, v)| {
                    let l = self.clean(&format!("{l}:"), true);
                    let v = self.clean(v, false);
                    (
                        self.wrap(&l, size, true, label_w - 4.0),
                        self.wrap(&v, size, false, value_w - 8.0),
                    )
                })
                .collect();
            let rows = cols
                .iter()
                .map(|(l, v)| l.len().max(v.len()))
                .max()
                .unwrap_or(1);
            #[allow(clippy::cast_precision_loss)]
            self.ensure(lh * rows as f32);
            for i in 0..rows {
                self.y += lh;
                for (c, (l, v)) in cols.iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let x = MARGIN_X + c as f32 * (label_w + value_w);
                    if let Some(l) = l.get(i) {
                        self.emit(x, Look::plain(size, true), l, Role::Para, Target::None);
                    }
                    if let Some(v) = v.get(i) {
                        self.emit(
                            x + label_w,
                            Look::plain(size, false),
                            v,
                            Role::Para,
                            Target::Find,
                        );
                    }
                }
            }
        }
    }
}
