//! Drawing an open draft: for a question, where you are (section x of y, question n of m,
//! overall progress), the sections with their progress marks and the question itself; the
//! other views take the whole body.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::marks::section_marker;
use super::{Session, View, Workspace, export_view, question_view, review_view, sections_view};
use crate::tui::clicks::{ClickMap, Hit};
use crate::tui::theme::Theme;
use crate::tui::widgets::truncate;

pub fn render(frame: &mut Frame, area: Rect, ws: &Workspace, theme: Theme, clicks: &mut ClickMap) {
    let s = &ws.session;
    match &ws.view {
        View::Question => {}
        View::Sections { cursor } => {
            return sections_view::render(frame, area, s, *cursor, theme, clicks);
        }
        View::Review(r) => return review_view::render(frame, area, s, r, theme, clicks),
        View::Export(e) => return export_view::render(frame, area, e, theme),
    }
    let [place, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_place(frame, place, s, theme);
    let side_width = if area.width >= 110 { 34 } else { 24 };
    let [side, main] =
        Layout::horizontal([Constraint::Length(side_width), Constraint::Min(40)]).areas(body);
    draw_sidebar(frame, side, s, theme, clicks);
    question_view::render(frame, main, s, theme, clicks);
}

/// "Section 3 of 10: Singing · Question 3.4 · 40% done (34 of 84 that apply)": the most
/// useful parts kept whole when the line is short; only the section title is cut.
fn draw_place(frame: &mut Frame, area: Rect, s: &Session, theme: Theme) {
    let n_sections = s.questionnaire.sections.len();
    let title = s
        .questionnaire
        .sections
        .get(s.place.section)
        .map_or("", |x| x.title.as_str());
    let question = s
        .number()
        .map(|n| format!(" · Question {n}"))
        .unwrap_or_default();
    let overall = s.walk.overall();
    let long = format!(
        " · {}% done ({} of {} that apply)",
        overall.percent(),
        overall.answered,
        overall.total
    );
    let short = format!(" · {}% done", overall.percent());
    let width = usize::from(area.width);
    let lead = format!("Section {} of {n_sections}: ", s.place.section + 1);
    let room = |tail: &str| width.saturating_sub(lead.width() + question.width() + tail.width());
    let tail = if room(&long) >= title.width().min(12) {
        long
    } else {
        short
    };
    let head = format!("{lead}{}", truncate(title, room(&tail)));
    let spans = vec![
        Span::styled(head, theme.bold()),
        Span::raw(question),
        Span::styled(tail, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_sidebar(frame: &mut Frame, area: Rect, s: &Session, theme: Theme, clicks: &mut ClickMap) {
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
        .place
        .section
        .saturating_sub(rows / 2)
        .min(n.saturating_sub(rows));
    let width = usize::from(inner.width);
    for (row, i) in (start..n.min(start + rows)).enumerate() {
        let p = s.walk.section_progress(i);
        let (mark, _) = section_marker(&p);
        let current = i == s.place.section;
        let counts = format!(" {}/{}", p.answered, p.total);
        let title_room = width.saturating_sub(counts.len() + 4);
        let title = truncate(&s.questionnaire.sections[i].title, title_room);
        let pad = width.saturating_sub(3 + title.width() + counts.len());
        let pointer = if current { "›" } else { " " };
        let text = format!("{pointer}{mark} {title}{}{counts}", " ".repeat(pad));
        let style = if current {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let rect = Rect::new(inner.x, y, inner.width, 1);
        frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
        clicks.add(rect, Hit::Section(i));
    }
}
