//! `TestApp`: the real full-screen controller on a temporary data folder with a fixed clock
//! and no colour, driven by key events and drawn into ratatui's `TestBackend`. Snapshots
//! go through insta filters for what differs per run (temporary paths, backup times), so no
//! test rewrites the program's state before drawing.

use chrono::TimeZone;
use music_sef::clock::Clock;
use music_sef::draft::Draft;
use music_sef::tui::workspace::Workspace;
use music_sef::tui::{Controller, Effect, TermEvent};
use music_sef::workflow::Workflow;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

use crate::common::{self, Env};

/// 24 Nov 2026, 14:02:31 where the tests run.
pub fn moment() -> chrono::DateTime<chrono::Utc> {
    chrono::Local
        .with_ymd_and_hms(2026, 11, 24, 14, 2, 31)
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
        .expect("a fixed moment")
}

pub fn clock() -> Clock {
    Clock::fixed(moment())
}

pub struct TestApp {
    pub env: Env,
    pub c: Controller,
}

impl TestApp {
    /// A fresh data folder at the home screen.
    pub fn new() -> Self {
        Self::in_env(common::env())
    }

    pub fn in_env(env: Env) -> Self {
        let c = Controller::new(Workflow::new(&env.dirs), false, clock());
        Self { env, c }
    }

    /// A new empty draft of `questionnaire`, opened in the workspace.
    pub fn with_draft(questionnaire: &str, title: &str) -> (Self, Draft) {
        let app = Self::new();
        let d = app
            .c
            .workflow
            .create(
                Some(questionnaire),
                Some(title),
                moment(),
                moment().date_naive(),
            )
            .expect("create");
        app.opened(d)
    }

    /// Open `draft` (already saved in this app's folder) in the workspace.
    pub fn opened(mut self, draft: Draft) -> (Self, Draft) {
        self.c.run(Effect::Open(draft.id));
        assert!(self.c.app.workspace().is_some(), "{:?}", self.c.app.flash);
        (self, draft)
    }

    pub fn key(&mut self, key: Key) {
        self.c.handle(TermEvent::Key(Input {
            key,
            ..Input::default()
        }));
    }

    pub fn ctrl(&mut self, c: char) {
        self.c.handle(TermEvent::Key(Input {
            key: Key::Char(c),
            ctrl: true,
            ..Input::default()
        }));
    }

    /// Type `text` key by key; a newline is Enter.
    pub fn typed(&mut self, text: &str) {
        for ch in text.chars() {
            if ch == '\n' {
                self.key(Key::Enter);
            } else {
                self.key(Key::Char(ch));
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.c.handle(TermEvent::Paste(text.to_string()));
    }

    pub fn ws(&self) -> &Workspace {
        self.c.app.workspace().expect("a draft is open")
    }

    /// Go to a question the way review's list does.
    pub fn goto(&mut self, id: &str) {
        let found = match &mut self.c.app.screen {
            music_sef::tui::Screen::Workspace(w) => w.session.go_to_question(id),
            _ => false,
        };
        assert!(found, "{id} applies");
    }

    /// The screen as text at `w`×`h`, once saving has settled.
    pub fn screen(&mut self, w: u16, h: u16) -> String {
        self.c.settle();
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        self.c.draw(&mut t).expect("draw");
        format!("{}", t.backend())
    }

    /// Snapshot this one screen at 80×24 and 120×40.
    pub fn snap(&mut self, name: &str) {
        let small = self.screen(80, 24);
        let large = self.screen(120, 40);
        filters().bind(|| {
            insta::assert_snapshot!(format!("screen__{name}_80x24"), small);
            insta::assert_snapshot!(format!("screen__{name}_120x40"), large);
        });
    }

    /// Snapshot at one size.
    pub fn snap_at(&mut self, name: &str, w: u16, h: u16) {
        let text = self.screen(w, h);
        filters().bind(|| insta::assert_snapshot!(format!("screen__{name}"), text));
    }
}

/// What differs from run to run: temporary folders, backup times, draft ids.
pub fn filters() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    // Named by screen, wherever the test that drew it lives.
    s.set_prepend_module_to_snapshot(false);
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[TMP]");
    s.add_filter(
        r"\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}",
        "[BACKUP TIME]",
    );
    s.add_filter(r"Draft [0-9a-f]{8}", "Draft [ID]");
    s.add_filter(
        r"music-sef-recovery-[0-9a-f]{8}-",
        "music-sef-recovery-[ID]-",
    );
    s.add_filter(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[DRAFT ID]",
    );
    s
}
