//! The review screen and the export result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::tui::app::{App, Hit};
use crate::tui::review::{ItemKind, ReviewRow};

pub fn render_review(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(s) = app.session.as_ref() else {
        return;
    };
    let o = s.overall;
    let status = if o.required_missing == 0 {
        format!(
            "All required answers are given ({} of {} answered). Press m to mark the draft ready, e to export.",
            o.answered, o.total
        )
    } else {
        format!(
            "{} required answer{} missing (marked !). Choose one and press Enter to go to it.",
            o.required_missing,
            if o.required_missing == 1 {
                " is"
            } else {
                "s are"
            }
        )
    };
    let [head, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let head_style = if o.required_missing == 0 {
        theme.ok()
    } else {
        theme.warn()
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                format!("Review · status: {}", s.draft.status.label()),
                theme.bold(),
            ),
            Line::styled(status, head_style),
        ])
        .wrap(Wrap { trim: true }),
        head,
    );
    if app.review.confirm_incomplete {
        let text = format!(
            "{} required answers are missing. Export anyway, with every page marked INCOMPLETE DRAFT? Press y to export, any other key to go back.",
            o.required_missing
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().border_style(theme.warn())),
            list,
        );
        return;
    }
    if let Some(area) = &app.review.hub_email {
        let text = "Your music hub's e-mail address, so the e-mail draft is addressed for you. It is asked once and remembered. Press Enter with the box empty to skip.";
        let [msg, input] =
            Layout::vertical([Constraint::Length(3), Constraint::Length(3)]).areas(list);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), msg);
        let block = Block::bordered()
            .border_style(theme.focus_border())
            .title(Span::styled(
                " Hub e-mail — Enter to export, Esc to cancel ",
                theme.bold(),
            ));
        let inner = block.inner(input);
        frame.render_widget(block, input);
        frame.render_widget(area, inner);
        return;
    }
    let rows = usize::from(list.height);
    let sel = app.review.selected;
    let start = sel.saturating_sub(rows.saturating_sub(1));
    for (row, (i, r)) in app
        .review
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .enumerate()
    {
        let (text, style) = match r {
            ReviewRow::Section { text, .. } => (text.clone(), theme.bold()),
            ReviewRow::Heading(t) => (t.clone(), theme.title()),
            ReviewRow::Item { kind, text, .. } => (
                format!("    {}: {text}", kind.label()),
                match kind {
                    ItemKind::RequiredMissing | ItemKind::Unfinished => theme.warn(),
                    _ => Style::default(),
                },
            ),
        };
        let style = if i == sel { theme.selected() } else { style };
        super::list_row(frame, app, list, row, &text, style, Hit::ListRow(i));
    }
}

pub fn render_export(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let e = &app.export;
    let title = if e.failed {
        " Export did not finish "
    } else {
        " Your submission bundle is ready "
    };
    let style = if e.failed { theme.warn() } else { theme.ok() };
    let lines: Vec<Line> = e.lines.iter().map(|l| Line::raw(l.clone())).collect();
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(style)
                .title(Span::styled(title, theme.bold())),
        ),
        area,
    );
}
