//! The performance budget (README.md, "Performance"), measured (never asserted in tests):
//! loading questionnaires, one key press → update → render at 120×40, serialising drafts, a
//! full export, and start-up to first frame of the release binary in a pseudo-terminal.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use music_sef::answers::AnswerValue;
use music_sef::clock::Clock;
use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::questionnaire::{Questionnaire, load_str};
use music_sef::synthetic;
use music_sef::tui::action::{OpenedDraft, Reply};
use music_sef::tui::{App, Screen, keys, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

fn draft_for(q: &Questionnaire, long_text_len: usize) -> Draft {
    let mut d = Draft::new(
        "Oakfield Primary – 2026/27",
        QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            source: None,
        },
    );
    d.answers = synthetic::answers(q, long_text_len);
    d
}

fn shipped(id: &str) -> Questionnaire {
    let (name, text) = music_sef::questionnaire::builtin::BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.starts_with(id))
        .copied()
        .unwrap_or(("missing", "{}"));
    load_str(Path::new(name), text).unwrap_or_else(|e| panic!("{e}"))
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+validate");
    for (name, text) in music_sef::questionnaire::builtin::BUILTIN_FILES {
        g.bench_function(*name, |b| {
            b.iter(|| load_str(Path::new(name), black_box(text)).map(|q| q.question_count()));
        });
    }
    for n in [1_000, 10_000] {
        let text = serde_json::to_string(&synthetic::questionnaire(n, 25)).unwrap_or_default();
        g.bench_function(format!("synthetic {n} questions"), |b| {
            b.iter(|| {
                load_str(Path::new("synthetic.json"), black_box(&text)).map(|q| q.question_count())
            });
        });
    }
    g.finish();
}

fn key(key: Key) -> Input {
    Input {
        key,
        ..Input::default()
    }
}

/// One key → action → update → draw into a 120×40 test terminal.
fn press_and_draw(app: &mut App, term: &mut Terminal<TestBackend>, input: &Input) {
    if let Some(a) = keys::action_for(app.place(), input) {
        let _ = app.update(a);
    }
    let _ = term.draw(|f| {
        view::render(f, app);
    });
}

fn app_at(q: Questionnaire, d: Draft, question: &str) -> App {
    let mut app = App::new(false, Clock::system());
    let _ = app.on_reply(Reply::Opened(Box::new(OpenedDraft {
        questionnaire: q,
        draft: d,
        read_only: None,
        hub_address_known: true,
        orphaned: 0,
    })));
    if let Screen::Workspace(w) = &mut app.screen {
        w.session.go_to_question(question);
    }
    app
}

fn keys(c: &mut Criterion) {
    let mut g = c.benchmark_group("key+update+render 120x40");
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));

    let q = shipped("school-music-self-evaluation");
    let d = draft_for(&q, 200);
    let mut app = app_at(q, d, "phase");
    let (down, up) = (key(Key::Down), key(Key::Up));
    g.bench_function("choice question (default questionnaire)", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            press_and_draw(&mut app, &mut term, if flip { &down } else { &up });
        });
    });

    // A long-text answer of 1 MB in paragraphs, typing and deleting at its end.
    let q = synthetic::questionnaire(6, 6);
    let mut d = draft_for(&q, 0);
    let para = "Pupils sing every week and perform each term. ".repeat(10);
    let big: String = std::iter::repeat_n(para.as_str(), (1 << 20) / para.len())
        .collect::<Vec<_>>()
        .join("\n");
    d.answers.insert("q3".into(), AnswerValue::Text(big));
    let mut app = app_at(q, d, "q3");
    let (a, bs) = (key(Key::Char('a')), key(Key::Backspace));
    g.bench_function("long text holding 1 MB", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            press_and_draw(&mut app, &mut term, if flip { &a } else { &bs });
        });
    });

    for n in [1_000, 10_000] {
        let q = synthetic::questionnaire(n, 25);
        let d = draft_for(&q, 100);
        let mut app = app_at(q, d, "q1");
        g.bench_function(
            format!("choice question, {n}-question questionnaire"),
            |b| {
                let mut flip = false;
                b.iter(|| {
                    flip = !flip;
                    press_and_draw(&mut app, &mut term, if flip { &down } else { &up });
                });
            },
        );
        let mut app = app_at(
            synthetic::questionnaire(n, 25),
            draft_for(&synthetic::questionnaire(n, 25), 100),
            "q1",
        );
        press_and_draw(&mut app, &mut term, &key(Key::F(2)));
        g.bench_function(format!("section list, {n}-question questionnaire"), |b| {
            let mut flip = false;
            b.iter(|| {
                flip = !flip;
                press_and_draw(&mut app, &mut term, if flip { &down } else { &up });
            });
        });
    }
    g.finish();
}

fn serialise(c: &mut Criterion) {
    let mut g = c.benchmark_group("serialise draft");
    let full = draft_for(&shipped("school-music-self-evaluation"), 400);
    let big = draft_for(&synthetic::questionnaire(6, 6), 1 << 20);
    g.bench_function("full default draft", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&full)).map(|v| v.len()));
    });
    g.bench_function("draft with a 1 MB answer", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&big)).map(|v| v.len()));
    });
    g.finish();
}

fn export(c: &mut Criterion) {
    let mut g = c.benchmark_group("export");
    g.sample_size(20);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let workflow = music_sef::workflow::Workflow::new(&music_sef::paths::DataDirs::at(dir.path()));
    let q = shipped("school-music-self-evaluation");
    let mut d = draft_for(&q, 400);
    let _ = workflow.save(&d);
    let out = dir.path().join("bundles");
    g.bench_function("full bundle, complete default draft", |b| {
        b.iter(|| {
            let req = music_sef::workflow::ExportRequest {
                allow_incomplete: false,
                out: Some(out.clone()),
            };
            workflow
                .export(&mut d, &q, &req, chrono::Local::now())
                .map(|r| r.zip)
        });
    });
    g.finish();
}

/// Time from spawning `cmd` in a 120×40 pseudo-terminal until `needle` appears on it; then
/// `quit` is sent and the process is waited for.
fn first_frame(
    iters: u64,
    make: &dyn Fn() -> std::process::Command,
    needle: &str,
    quit: &str,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let Ok(mut s) = expectrl::Session::spawn(make()) else {
            continue;
        };
        #[cfg(unix)]
        let _ = s.get_process_mut().set_window_size(120, 40);
        s.set_expect_timeout(Some(Duration::from_secs(10)));
        if s.expect(needle).is_ok() {
            total += start.elapsed();
        }
        let _ = s.send(quit);
        let _ = s.expect(expectrl::Eof);
    }
    total
}

/// Start-up to first frame of the release binary, and of `dialog` (C, ncurses) in the same
/// harness as the yardstick when it is installed.
fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("start-up");
    g.sample_size(20);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().to_path_buf();
    let ours = move || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_music-sef"));
        cmd.env("MUSIC_SEF_DATA_DIR", &data)
            .env("TERM", "xterm-256color");
        cmd
    };
    g.bench_function("release binary to first frame (pty)", |b| {
        b.iter_custom(|iters| first_frame(iters, &ours, "Welcome to music-sef", "\x11"));
    });
    if std::process::Command::new("dialog")
        .arg("--version")
        .output()
        .is_ok()
    {
        let dialog = || {
            let mut cmd = std::process::Command::new("dialog");
            cmd.args(["--msgbox", "Welcome to music-sef", "10", "40"])
                .env("TERM", "xterm-256color");
            cmd
        };
        g.bench_function(
            "dialog --msgbox to first frame (pty), for comparison",
            |b| {
                b.iter_custom(|iters| first_frame(iters, &dialog, "Welcome to music-sef", "\r"));
            },
        );
    }
    g.finish();
}

criterion_group!(benches, load, keys, serialise, export, startup);
criterion_main!(benches);
