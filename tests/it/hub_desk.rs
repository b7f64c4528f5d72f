//! The hub desk driven by key events over a real hub database, drawn into ratatui's
//! `TestBackend`: the schools table with its search, filter and sort, a school's page, the
//! review state and the decision form by keys, and the feedback key. Snapshots at 80×24
//! and 120×40.

use music_sef::hub::HubDb;
use music_sef::hub::desk::Desk;
use music_sef::questionnaire::Registry;
use music_sef::tui::TermEvent;
use music_sef::tui::desk::controller::DeskController;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

use crate::common::{self, Env};
use crate::harness;
use crate::hub_decide::taken_in;
use crate::hub_setup::{count, db_path};

pub struct DeskApp {
    pub c: DeskController,
}

impl DeskApp {
    pub fn over(env: &Env) -> Self {
        let db = HubDb::open(&db_path(env)).expect("open");
        let registry = Registry::discover_on(&env.dirs, harness::moment().date_naive());
        let desk = Desk::new(db, registry, &env.dirs);
        let c = DeskController::new(desk, false, harness::clock()).expect("desk");
        Self { c }
    }

    pub fn key(&mut self, key: Key) {
        self.c.handle(TermEvent::Key(Input {
            key,
            ..Input::default()
        }));
    }

    pub fn ctrl(&mut self, ch: char) {
        self.c.handle(TermEvent::Key(Input {
            key: Key::Char(ch),
            ctrl: true,
            ..Input::default()
        }));
    }

    pub fn typed(&mut self, text: &str) {
        text.chars().for_each(|ch| self.key(Key::Char(ch)));
    }

    pub fn screen(&self, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        self.c.draw(&mut t).expect("draw");
        format!("{}", t.backend())
    }

    fn snap(&self, name: &str) {
        let (small, large) = (self.screen(80, 24), self.screen(120, 40));
        let mut s = harness::filters();
        // Bundles are made when the tests run: their dates and ids differ every run.
        s.add_filter(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD");
        s.add_filter(r"\d{2} [A-Z][a-z]{2} \d{4}", "DD Mon YYYY");
        s.add_filter(r"id [0-9a-f]{12}", "id [SUBMISSION]");
        s.bind(|| {
            insta::assert_snapshot!(format!("desk__{name}_80x24"), small);
            insta::assert_snapshot!(format!("desk__{name}_120x40"), large);
        });
    }
}

fn desk() -> (Env, DeskApp) {
    let env = common::env();
    taken_in(&env);
    let app = DeskApp::over(&env);
    (env, app)
}

#[test]
fn the_table_lists_every_school_and_finds_filters_and_sorts() {
    let (_env, mut d) = desk();
    d.snap("table");
    d.key(Key::Char('/'));
    d.typed("birch");
    assert_eq!(d.c.app.table.shown.len(), 1);
    d.snap("search");
    d.key(Key::Enter);
    d.key(Key::Esc);
    assert!(d.c.app.should_quit, "Esc on the table closes the desk");
    let (_env, mut d) = desk();
    d.key(Key::Char('f'));
    assert!(d.screen(120, 40).contains("Showing to decide (4 of 4)"));
    d.key(Key::Char('f'));
    assert!(d.screen(120, 40).contains("No school matches"));
    d.key(Key::Char('s'));
    assert!(d.screen(80, 24).contains("sorted by name"));
}

#[test]
fn review_state_and_decision_by_keys_are_kept_and_shown_on_the_page() {
    let (env, mut d) = desk();
    d.key(Key::Enter);
    d.snap("school");
    // r: the state chooser; ↓ to Follow-up asked, a note, Enter.
    d.key(Key::Char('r'));
    d.key(Key::Down);
    d.typed("Asked for the plan link");
    d.snap("state");
    d.key(Key::Enter);
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM review_events WHERE state = 'follow_up' AND note = 'Asked for the plan link'"
        ),
        1
    );
    assert!(d.screen(120, 40).contains("Review state: Follow-up asked"));
    // d: the form; Ctrl-S straight away lists what is missing and keeps nothing.
    d.key(Key::Char('d'));
    d.typed("Sam Patel");
    d.ctrl('s');
    assert_eq!(count(&env, "SELECT count(*) FROM decisions"), 0);
    d.snap("form_problems");
    // The focus is on the first thing to fix: recommend. Above it, the hub's name for letters.
    d.key(Key::Up);
    d.typed("Riverside Music Hub");
    d.key(Key::Down);
    // Recommend, then Ambition & Quality, one priority.
    d.key(Key::Right);
    d.key(Key::Tab);
    d.key(Key::Right);
    d.key(Key::Right);
    for text in [
        "Singing every week",
        "Timetable it",
        "Training",
        "2035-06-30",
    ] {
        d.key(Key::Tab);
        d.typed(text);
    }
    d.ctrl('s');
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM decisions WHERE certificate = 'ambition-quality' AND officer = 'Sam Patel'"
        ),
        1
    );
    let page = d.screen(120, 40);
    assert!(
        page.contains(
            "Decision: Recommended for the Music Mark of Recognition for Ambition & Quality"
        ),
        "{page}"
    );
    assert!(page.contains("Priority 1: Singing every week"), "{page}");
    // f: the feedback bundle.
    d.key(Key::Char('f'));
    assert_eq!(count(&env, "SELECT count(*) FROM feedback_sent"), 1);
    let settings = music_sef::settings::Settings::load(&env.dirs);
    assert_eq!(
        settings.hub_name(),
        Some("Riverside Music Hub"),
        "remembered"
    );
    assert_eq!(settings.officer(), Some("Sam Patel"));
    assert!(
        d.screen(120, 40).contains("Feedback written in"),
        "{}",
        d.screen(120, 40)
    );
    d.key(Key::Esc);
    d.key(Key::Char('f'));
    d.key(Key::Char('f'));
    d.key(Key::Char('f'));
    d.key(Key::Char('f'));
    assert!(
        d.screen(120, 40).contains("Showing decided (1 of 4)"),
        "{}",
        d.screen(120, 40)
    );
}
