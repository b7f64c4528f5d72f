//! Drawing the hub desk: a title line, the schools table (columns that fit the width) or
//! a school's page with the review-state chooser or the decision form over it, the message
//! line and the footer from the keys table. Reads state only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::form::DecisionForm;
use super::table::{DeskRow, SchoolsTable};
use super::{DeskApp, PageMode, SchoolPage};
use crate::hub::page::Line as PageLine;
use crate::hub::review::ReviewState;
use crate::text::fit;
use crate::tui::action::FlashKind;
use crate::tui::keys;
use crate::tui::theme::Theme;
use crate::tui::view::draw_footer;
use crate::tui::widgets::window_start;

pub fn render(frame: &mut Frame, app: &DeskApp) {
    let theme = Theme { color: app.color };
    let [top, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let place = match &app.school {
        Some(p) => p.page.title.clone(),
        None => format!("schools {}", app.table.year),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("music-sef hub desk", theme.title()),
            Span::raw(format!(" · {} · ", app.db_name)),
            Span::styled(place, theme.bold()),
        ])),
        top,
    );
    match &app.school {
        Some(p) => page(frame, body, p, theme),
        None => table(frame, body, app, theme),
    }
    if let Some(f) = &app.flash {
        let style = if f.kind == FlashKind::Warning {
            theme.warn()
        } else {
            theme.ok()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(f.text.clone(), style)).wrap(Wrap { trim: true }),
            flash,
        );
    }
    if let Some(h) = &app.help {
        help(frame, body, h, theme);
    }
    draw_footer(frame, footer, &keys::footer(app.place()), theme);
}

/// Column widths: the name takes what the others leave; phase and questionnaire only when wide.
struct Columns {
    wide: bool,
    name: usize,
}

impl Columns {
    fn new(width: u16) -> Self {
        let wide = width >= 110;
        // The mark, then each fixed column and its gap: 60 in all, 96 with phase and questionnaire.
        let fixed = 1 + 8 + 2 + 12 + 8 + 14 + 15 + if wide { 12 + 24 } else { 0 };
        Self {
            wide,
            name: usize::from(width).saturating_sub(fixed).max(10),
        }
    }

    fn line(&self, c: [&str; 8]) -> String {
        let [
            urn,
            name,
            phase,
            submitted,
            questionnaire,
            checks,
            overall,
            state,
        ] = c;
        let mut out = format!("{}  {}  ", fit(urn, 6), fit(name, self.name));
        if self.wide {
            out.push_str(&format!("{}  ", fit(phase, 10)));
        }
        out.push_str(&format!("{}  ", fit(submitted, 10)));
        if self.wide {
            out.push_str(&format!("{}  ", fit(questionnaire, 22)));
        }
        out.push_str(&format!(
            "{}  {}  {}",
            fit(checks, 6),
            fit(overall, 12),
            fit(state, 15)
        ));
        out
    }

    fn row(&self, r: &DeskRow) -> String {
        let urn = r.urn.map(|u| u.to_string()).unwrap_or_else(|| "—".into());
        let checks = r
            .checks
            .map(|(m, n)| format!("{m}/{n}"))
            .unwrap_or_default();
        self.line([
            &urn,
            &r.name,
            &r.phase,
            &r.submitted,
            &r.questionnaire,
            &checks,
            &r.overall,
            r.state_label(),
        ])
    }
}

fn table(frame: &mut Frame, area: Rect, app: &DeskApp, theme: Theme) {
    let t: &SchoolsTable = &app.table;
    let [status, head, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let find = match (&app.searching, t.search.is_empty()) {
        (Some(s), _) => format!(" · find: {}▏", s.lines().join("")),
        (None, false) => format!(" · find: {}", t.search),
        (None, true) => String::new(),
    };
    let counts = format!(
        "Showing {} ({} of {}) · sorted by {}{find}",
        t.filter.label(),
        t.shown.len(),
        t.rows.len(),
        t.sort.label()
    );
    frame.render_widget(Paragraph::new(Span::styled(counts, theme.bold())), status);
    let cols = Columns::new(list.width);
    let header = cols.line([
        "URN",
        "SCHOOL",
        "PHASE",
        "SUBMITTED",
        "QUESTIONNAIRE",
        "CHECKS",
        "OVERALL",
        "REVIEW",
    ]);
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {header}"), theme.dim())),
        head,
    );
    if t.shown.is_empty() {
        let why = if t.rows.is_empty() {
            "No schools yet: take in bundles with `music-sef hub add PATH`."
        } else {
            "No school matches: press f to show others, or / to change the search."
        };
        frame.render_widget(Paragraph::new(why), list);
        return;
    }
    let rows = usize::from(list.height);
    let start = window_start(t.selected, rows, t.shown.len());
    let lines: Vec<Line> = t.shown[start..]
        .iter()
        .take(rows)
        .enumerate()
        .map(|(n, &i)| {
            let chosen = start + n == t.selected;
            let mark = if chosen { "›" } else { " " };
            let text = format!("{mark}{}", cols.row(&t.rows[i]));
            if chosen {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn page(frame: &mut Frame, area: Rect, p: &SchoolPage, theme: Theme) {
    let mut lines: Vec<Line> = Vec::new();
    for (i, l) in p.page.lines.iter().enumerate().skip(p.scroll) {
        match l {
            PageLine::Heading(t) => {
                // A blank line above each heading but the first, so the parts stand apart.
                if i > p.scroll {
                    lines.push(Line::raw(""));
                }
                lines.push(Line::styled(t.clone(), theme.bold()));
            }
            PageLine::Text(t) => lines.push(Line::raw(t.clone())),
            PageLine::Muted(t) => lines.push(Line::styled(t.clone(), theme.dim())),
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    match &p.mode {
        PageMode::Browse => {}
        PageMode::State { chosen, note } => {
            let mut text: Vec<Line> = ReviewState::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mark = if i == *chosen { "› " } else { "  " };
                    let line = format!("{mark}{}", s.label());
                    if i == *chosen {
                        Line::styled(line, theme.selected())
                    } else {
                        Line::raw(line)
                    }
                })
                .collect();
            text.push(Line::raw(""));
            text.push(Line::from(vec![
                Span::styled("Note: ", theme.bold()),
                Span::raw(format!("{}▏", note.lines().join(""))),
            ]));
            overlay(frame, area, " New review state ", text, theme);
        }
        PageMode::Form(form) => overlay(
            frame,
            area,
            " The decision · Ctrl-S keeps it ",
            form_lines(form, theme),
            theme,
        ),
    }
}

fn form_lines(form: &DecisionForm, theme: Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = form
        .problems
        .iter()
        .map(|p| Line::styled(format!("! {p}"), theme.warn()))
        .collect();
    let start = window_start(form.focus, 14, form.slots.len());
    for (i, slot) in form.slots.iter().enumerate().skip(start).take(14) {
        let focused = i == form.focus;
        let cursor = if focused && matches!(slot, super::form::Slot::Box { .. }) {
            "▏"
        } else {
            ""
        };
        let arrows = if focused && matches!(slot, super::form::Slot::Choice { .. }) {
            "  ←→"
        } else {
            ""
        };
        let text = format!(
            "{} {}: {}{cursor}{arrows}",
            if focused { "›" } else { " " },
            slot.label(),
            slot.value()
        );
        out.push(if focused {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    out
}

fn overlay(frame: &mut Frame, area: Rect, title: &'static str, lines: Vec<Line>, theme: Theme) {
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = Rect {
        y: area.y + area.height.saturating_sub(height),
        height,
        ..area
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(theme.focus_border())
                .title(title),
        ),
        rect,
    );
}

fn help(frame: &mut Frame, area: Rect, h: &crate::tui::help::Help, theme: Theme) {
    let mut lines = vec![
        Line::styled("Help: the hub desk", theme.title()),
        Line::raw("Every change is written to the hub database at once; there is nothing to save."),
        Line::raw(""),
    ];
    for (k, what) in keys::help_rows(h.about) {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:<12}"), theme.key()),
            Span::raw(what),
        ]));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((h.scroll, 0))
            .block(
                Block::bordered()
                    .border_style(theme.border())
                    .title(" ↑↓ scroll · Esc closes "),
            ),
        area,
    );
}
