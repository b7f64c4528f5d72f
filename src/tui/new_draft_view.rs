//! Drawing the new-draft screen: the questionnaires to choose from with the chosen one's
//! description, then the title box.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::clicks::{ClickMap, Hit};
use super::new_draft::NewDraft;
use super::theme::Theme;
use super::widgets::{ListRow, list_row};

pub fn render(frame: &mut Frame, area: Rect, nd: &NewDraft, theme: Theme, clicks: &mut ClickMap) {
    let choices = u16::try_from(nd.choices.len()).unwrap_or(u16::MAX);
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(choices.clamp(3, 8)),
        Constraint::Min(6),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                "Step 1 of 2: which questionnaire? Your music hub may have told you which to use.",
                theme.bold(),
            ),
            Line::styled(
                "If unsure, choose the first: the full school music self-evaluation.",
                theme.dim(),
            ),
        ]),
        head,
    );
    for (i, c) in nd.choices.iter().enumerate().take(usize::from(list.height)) {
        // "Up to": follow-up questions apply only after some answers.
        let text = format!(
            "{:>2}. {}  (up to {} questions, {})",
            i + 1,
            c.title,
            c.questions,
            if c.built_in { "built in" } else { "installed" }
        );
        let row = ListRow::choosable(&text, i == nd.selected, theme, Hit::ListRow(i));
        list_row(frame, clicks, list, i, &row);
    }
    if let Some(text) = &nd.title {
        let block = Block::bordered()
            .border_style(theme.focus_border())
            .title(Span::styled(
                " Step 2 of 2: a title for this draft — Enter to start, Esc to go back ",
                theme.bold(),
            ));
        let inner = block.inner(detail);
        frame.render_widget(block, detail);
        let [line, help] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(text, line);
        frame.render_widget(
            Paragraph::new(Span::styled("Any name you will recognise. Once you give the school name and year it is filled in for you.", theme.dim())).wrap(Wrap { trim: true }),
            help,
        );
    } else if let Some(c) = nd.choices.get(nd.selected) {
        frame.render_widget(
            Paragraph::new(about(c, theme))
                .wrap(Wrap { trim: true })
                .block(
                    Block::bordered().border_style(theme.border()).title(
                        " About this questionnaire · p prints every question to read first ",
                    ),
                ),
            detail,
        );
    }
}

/// The chosen questionnaire: what it is, how long it takes, what to have ready.
fn about(c: &crate::workflow::Choice, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::raw(c.description.clone())];
    if let Some(t) = &c.time_needed {
        lines.push(Line::from(vec![
            Span::styled("It takes ", theme.bold()),
            Span::raw(format!("{t}.")),
        ]));
    }
    if !c.have_ready.is_empty() {
        lines.push(Line::styled("Have these ready:", theme.bold()));
        lines.extend(c.have_ready.iter().map(|r| Line::raw(format!("• {r}"))));
    }
    lines
}
