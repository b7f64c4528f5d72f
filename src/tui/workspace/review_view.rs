//! Drawing review: the status, then the list of sections and what is missing, or the
//! "export anyway?" question, or the box for the hub's address.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Session;
use super::review::{ItemKind, Review, ReviewMode, ReviewRow};
use crate::answers::scoring;
use crate::draft::DraftStatus;
use crate::tui::clicks::{ClickMap, Hit};
use crate::tui::theme::Theme;
use crate::tui::widgets::{ListRow, list_row, rows, window_start};

fn missing_words(n: usize) -> &'static str {
    if n == 1 { " is" } else { "s are" }
}

/// What the status line says: what is missing, or what the next step is.
fn status_line(s: &Session) -> String {
    let o = s.walk.overall();
    if o.required_missing > 0 {
        return format!(
            "{} required answer{} missing (marked !). Choose one and press Enter to go to it.",
            o.required_missing,
            missing_words(o.required_missing)
        );
    }
    let next = match s.draft.status {
        DraftStatus::InProgress => "Press m to mark the draft ready, e to write the bundle.",
        DraftStatus::Ready => "Marked ready. Press e to write the bundle for your music hub.",
        DraftStatus::Exported => "Exported. Press e to write the bundle again.",
        DraftStatus::ChangedSinceExport => {
            "Changed since the last export: press e to write a new bundle for your music hub."
        }
    };
    format!(
        "All required answers are given ({} of {} answered). {next}",
        o.answered, o.total
    )
}

/// For an audit: the indicative award and what holds the next one back.
fn award_line(s: &Session) -> Option<String> {
    let qn = &s.questionnaire;
    let a = scoring::award(qn, &s.draft.answers)?;
    let level = a
        .level_label
        .clone()
        .unwrap_or_else(|| "none yet".to_string());
    let mut text = format!("{}: {level}", a.title);
    // The level above the one every criterion reaches, if there is one.
    let next = qn
        .scoring
        .as_ref()
        .and_then(|sc| sc.award.as_ref())
        .and_then(|rule| qn.scale(&rule.scale))
        .and_then(|scale| {
            let rank = a
                .level
                .as_deref()
                .and_then(|l| scale.rank(l))
                .map_or(1, |r| r + 1);
            scale.levels.get(rank).map(|l| l.label.clone())
        });
    if a.unanswered > 0 {
        text.push_str(&format!(" ({} criteria not answered yet)", a.unanswered));
    } else if let (Some(next), false) = (next, a.holding_back.is_empty()) {
        let names: Vec<String> = a
            .holding_back
            .iter()
            .map(|id| {
                s.questionnaire
                    .question(id)
                    .map_or_else(|| id.clone(), |q| q.prompt.clone())
            })
            .collect();
        text.push_str(&format!(". To reach {next}, work on: {}", names.join("; ")));
    }
    Some(text)
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    s: &Session,
    review: &Review,
    theme: Theme,
    clicks: &mut ClickMap,
) {
    let o = s.walk.overall();
    let mut head = vec![
        Line::styled(
            format!("Review · status: {}", s.draft.status.label()),
            theme.bold(),
        ),
        Line::styled(
            status_line(s),
            if o.required_missing == 0 {
                theme.ok()
            } else {
                theme.warn()
            },
        ),
    ];
    if !s.draft.unfinished.is_empty() {
        head.push(Line::styled(
            "Answers typed but not finished (x) do not go out: the bundle has the last accepted answer.",
            theme.warn(),
        ));
    }
    if let Some(award) = award_line(s) {
        head.push(Line::styled(award, theme.bold()));
    }
    let head_rows: u16 = head
        .iter()
        .map(|l| rows(&l.to_string(), area.width))
        .sum::<u16>()
        .min(area.height / 2);
    let [head_area, list] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: true }), head_area);
    match &review.mode {
        ReviewMode::ConfirmExport {
            missing,
            unfinished,
        } => confirm(frame, list, *missing, *unfinished, theme),
        ReviewMode::HubEmail { area: text, .. } => {
            let intro = "Your music hub's e-mail address, so the e-mail draft is addressed for you. It is asked once and remembered. Press Enter with the box empty to skip.";
            let [msg, input] =
                Layout::vertical([Constraint::Length(3), Constraint::Length(3)]).areas(list);
            frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), msg);
            let block = Block::bordered()
                .border_style(theme.focus_border())
                .title(Span::styled(
                    " Hub e-mail — Enter to export, Esc to cancel ",
                    theme.bold(),
                ));
            let inner = block.inner(input);
            frame.render_widget(block, input);
            frame.render_widget(&**text, inner);
        }
        ReviewMode::Browse => draw_rows(frame, list, review, theme, clicks),
    }
}

fn confirm(frame: &mut Frame, area: Rect, missing: usize, unfinished: usize, theme: Theme) {
    let mut parts = Vec::new();
    if missing > 0 {
        parts.push(format!(
            "{missing} required answer{} missing, so every page will be marked INCOMPLETE DRAFT.",
            missing_words(missing)
        ));
    }
    if unfinished > 0 {
        parts.push(format!(
            "{unfinished} answer{} typed but not finished (marked x): {} not go out; the last accepted answer does.",
            if unfinished == 1 { " is" } else { "s are" },
            if unfinished == 1 { "it does" } else { "they do" }
        ));
    }
    parts.push("Export anyway? Press y to export, any other key to go back.".to_string());
    frame.render_widget(
        Paragraph::new(parts.join(" "))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.warn())),
        area,
    );
}

fn draw_rows(frame: &mut Frame, list: Rect, review: &Review, theme: Theme, clicks: &mut ClickMap) {
    let height = usize::from(list.height);
    let sel = review.selected;
    let start = window_start(sel, height, review.rows.len());
    for (line, (i, r)) in review
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
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
        let selected = i == sel;
        let row = ListRow {
            text: &text,
            selected,
            style: if selected { theme.selected() } else { style },
            hit: Hit::ListRow(i),
        };
        list_row(frame, clicks, list, line, &row);
    }
}
