//! The workspace: where you are (section x of y, question n of m, overall progress), the
//! sections with their progress markers, and the current question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use super::{hit, question};
use crate::answers::Progress;
use crate::tui::app::{App, Hit};
use crate::tui::session::Session;

/// Marker and word for a section's state; never colour alone.
pub fn section_marker(p: &Progress) -> (&'static str, &'static str) {
    if p.total == 0 {
        ("-", "nothing applies")
    } else if p.required_missing == 0 && p.answered == p.total {
        ("✓", "done")
    } else if p.answered == 0 {
        ("·", "not started")
    } else if p.required_missing > 0 {
        ("!", "required missing")
    } else {
        ("…", "in progress")
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(s) = app.session.as_ref() else {
        return;
    };
    let [place, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_place(frame, place, s, theme);
    let side_width = if area.width >= 110 { 34 } else { 24 };
    let [side, main] =
        Layout::horizontal([Constraint::Length(side_width), Constraint::Min(40)]).areas(body);
    draw_sidebar(frame, side, app, s, theme);
    question::render(frame, main, app, s, theme);
}

fn draw_place(frame: &mut Frame, area: Rect, s: &Session, theme: Theme) {
    let n_sections = s.questionnaire.sections.len();
    let title = s
        .questionnaire
        .sections
        .get(s.section)
        .map_or("", |x| x.title.as_str());
    let head = format!("Section {} of {n_sections}: {title}", s.section + 1);
    let count = s.question_count_in_section();
    let question = if count > 0 {
        format!(" · Question {} of {count}", s.pos + 1)
    } else {
        String::new()
    };
    let long = format!(
        " · {}% done ({} of {} answered)",
        s.overall.percent(),
        s.overall.answered,
        s.overall.total
    );
    let short = format!(" · {}% done", s.overall.percent());
    let fits = |tail: &str| {
        unicode_width::UnicodeWidthStr::width(format!("{head}{question}{tail}").as_str())
            <= usize::from(area.width)
    };
    let tail = if fits(&long) { long } else { short };
    let spans = vec![
        Span::styled(head, theme.bold()),
        Span::raw(question),
        Span::styled(tail, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_sidebar(frame: &mut Frame, area: Rect, app: &App, s: &Session, theme: Theme) {
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(theme.border())
        .title(Span::styled("Sections (F2)", theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let n = s.questionnaire.sections.len();
    // Only the window of sections that fits is drawn, centred on the current one.
    let start = s
        .section
        .saturating_sub(rows / 2)
        .min(n.saturating_sub(rows));
    let width = usize::from(inner.width);
    for (row, i) in (start..n.min(start + rows)).enumerate() {
        let p = s.progress.get(i).copied().unwrap_or_default();
        let (mark, _) = section_marker(&p);
        let counts = format!(" {}/{}", p.answered, p.total);
        let title_room = width.saturating_sub(counts.len() + 3);
        let title: String = truncate(&s.questionnaire.sections[i].title, title_room);
        let pad = width.saturating_sub(
            2 + unicode_width::UnicodeWidthStr::width(title.as_str()) + counts.len(),
        );
        let text = format!("{mark} {title}{}{counts}", " ".repeat(pad));
        let style = if i == s.section {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let rect = Rect::new(inner.x, y, inner.width, 1);
        frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
        hit(app, rect, Hit::Section(i));
    }
}

/// Cut a string to `max` cells, ending with … when cut.
pub fn truncate(s: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The sections list as its own screen (F2): jump anywhere.
pub fn render_sections(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(s) = app.session.as_ref() else {
        return;
    };
    let block = Block::bordered()
        .border_style(theme.focus_border())
        .title(Span::styled(" Go to a section ", theme.bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let n = s.questionnaire.sections.len();
    let start = s
        .sections_cursor
        .saturating_sub(rows / 2)
        .min(n.saturating_sub(rows));
    for (row, i) in (start..n.min(start + rows)).enumerate() {
        let p = s.progress.get(i).copied().unwrap_or_default();
        let (mark, word) = section_marker(&p);
        let text = format!(
            "{mark} {:>2}. {}  —  {} of {} answered, {word}",
            i + 1,
            s.questionnaire.sections[i].title,
            p.answered,
            p.total
        );
        let style = if i == s.sections_cursor {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        super::list_row(frame, app, inner, row, &text, style, Hit::ListRow(i));
    }
}
