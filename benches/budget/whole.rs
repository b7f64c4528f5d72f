//! The whole program in a 120×40 pseudo-terminal, beside `dialog --inputbox` in the same run:
//! start-up to the end of the first frame, one key to the end of its frame, wake-ups while
//! idle, peak memory, and a whole `music-sef export`. `MUSIC_SEF_BENCH_BIN` measures another
//! build of the program (an earlier commit, say) with the same fixtures.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::Criterion;

use super::fixtures::{Fixtures, Folder};
use super::pty::{self, CURSES_END, FRAME_END, LAST_ROW, Pty};

/// Peak memory (kB) seen per case, and other figures that are not times.
pub static FIGURES: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

pub fn note(key: &str, value: u64) {
    if let Ok(mut f) = FIGURES.lock() {
        f.insert(key.to_string(), value);
    }
}

pub const DIALOG: &str = "dialog --inputbox";
const PATIENCE: Duration = Duration::from_secs(30);

pub fn program() -> PathBuf {
    std::env::var_os("MUSIC_SEF_BENCH_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_music-sef")),
        PathBuf::from,
    )
}

pub fn dialog_installed() -> bool {
    Command::new("dialog")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn music_sef(f: &Folder, open: bool) -> Command {
    let mut cmd = Command::new(program());
    cmd.env("MUSIC_SEF_DATA_DIR", &f.root)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("MUSIC_SEF_EXPORT_DIR");
    // By the first 8 characters of the id, as music-sef tells a teacher to carry on.
    if let (true, Some(id)) = (open, f.draft) {
        cmd.args(["open", &id.to_string()[..8]]);
    }
    cmd
}

fn dialog() -> Command {
    let mut cmd = Command::new("dialog");
    cmd.args(["--inputbox", "Welcome to music-sef", "10", "40"])
        .env("TERM", "xterm-256color");
    cmd
}

/// One program under test: how to start it, how its first frame ends, how to leave.
struct Subject {
    id: String,
    start: Box<dyn Fn() -> Command>,
    first: &'static [&'static [u8]],
    quit: &'static [u8],
}

const OURS_FIRST: &[&[u8]] = &[LAST_ROW, FRAME_END];
// dialog's bottom border, then the reset after it clears the input field.
const DIALOG_FIRST: &[&[u8]] = &[b"qqqj", b"X\x1b[39;49m\x1b(B\x1b[m"];

fn ours(id: &str, f: &Folder, open: bool) -> Subject {
    let f = f.clone();
    Subject {
        id: id.to_string(),
        start: Box::new(move || music_sef(&f, open)),
        first: OURS_FIRST,
        quit: b"\x11",
    }
}

fn the_dialog() -> Subject {
    Subject {
        id: DIALOG.to_string(),
        start: Box::new(dialog),
        first: DIALOG_FIRST,
        // Enter is OK: dialog leaves at once.
        quit: b"\r",
    }
}

/// Start `s` and wait for its first frame to end; the time, and the session.
fn first_frame(s: &Subject) -> (Duration, Option<Pty>) {
    let start = Instant::now();
    let Ok(mut p) = Pty::spawn((s.start)()) else {
        return (PATIENCE, None);
    };
    let end = p.wait_for(s.first, PATIENCE);
    let took = end.map_or(PATIENCE, |t| t.duration_since(start));
    if end.is_none() {
        eprintln!("{}: no first frame within {PATIENCE:?}", s.id);
    }
    if let Some(kb) = pty::peak_kb(p.pid()) {
        note(&format!("peak {}", s.id), kb);
    }
    (took, Some(p))
}

fn startup_subjects(fx: &Fixtures) -> Vec<Subject> {
    vec![
        ours("home, empty folder", &fx.empty, false),
        ours("home, 30 drafts + 3 questionnaires", &fx.crowded, false),
        ours("open default draft, alone", &fx.alone, true),
        ours("open default draft among 30", &fx.crowded, true),
        ours("open 10k answered draft", &fx.big, true),
        ours("open 1 MB answer", &fx.mega, true),
        ours("open 300 KB paragraph", &fx.paragraph, true),
    ]
}

/// Returns the cases' ids, for the report.
pub fn startup(c: &mut Criterion, fx: &Fixtures) -> Vec<String> {
    let mut g = c.benchmark_group("start-up");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let mut subjects = startup_subjects(fx);
    if dialog_installed() {
        subjects.insert(0, the_dialog());
    }
    for s in &subjects {
        g.bench_function(&s.id, |b| {
            b.iter_custom(|n| {
                let mut total = Duration::ZERO;
                for _ in 0..n {
                    let (took, p) = first_frame(s);
                    total += took;
                    if let Some(p) = p {
                        p.finish(s.quit);
                    }
                }
                total
            });
        });
    }
    g.finish();
    subjects.into_iter().map(|s| s.id).collect()
}

/// Alternately a letter and Backspace, each timed to the end of the frame it causes.
struct Typist {
    pty: Pty,
    letter: bool,
    ends: [&'static [&'static [u8]]; 2],
}

// music-sef: the letter's frame holds the letter; Backspace's frame redraws the cursor
// cell, in reverse video. Idle frames hold neither.
const OURS_KEYS: [&[&[u8]]; 2] = [&[b"x", FRAME_END], &[b"\x1b[7m", FRAME_END]];
const DIALOG_KEYS: [&[&[u8]]; 2] = [&[b"x", CURSES_END], &[b"\x08", CURSES_END]];

impl Typist {
    fn key(&mut self) -> Duration {
        self.letter = !self.letter;
        let (bytes, end): (&[u8], _) = if self.letter {
            (b"x", self.ends[0])
        } else {
            (b"\x7f", self.ends[1])
        };
        let start = Instant::now();
        self.pty.send(bytes);
        self.pty
            .wait_for(end, PATIENCE)
            .map_or(PATIENCE, |t| t.duration_since(start))
    }
}

fn typist(s: &Subject, ends: [&'static [&'static [u8]]; 2]) -> Option<Typist> {
    let (_, p) = first_frame(s);
    let mut pty = p?;
    pty.drain(Duration::from_millis(300));
    Some(Typist {
        pty,
        letter: false,
        ends,
    })
}

/// Returns the cases' ids, for the report.
pub fn keys(c: &mut Criterion, fx: &Fixtures) -> Vec<String> {
    let mut g = c.benchmark_group("key to frame");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let mut subjects = vec![
        (ours("short answer", &fx.short, true), OURS_KEYS),
        (ours("1 MB answer", &fx.mega, true), OURS_KEYS),
        (ours("300 KB paragraph", &fx.paragraph, true), OURS_KEYS),
    ];
    if dialog_installed() {
        subjects.insert(0, (the_dialog(), DIALOG_KEYS));
    }
    for (s, ends) in &subjects {
        let Some(mut t) = typist(s, *ends) else {
            continue;
        };
        g.bench_function(&s.id, |b| {
            b.iter_custom(|n| (0..n).map(|_| t.key()).sum());
        });
        t.pty.finish(s.quit);
    }
    g.finish();
    subjects.into_iter().map(|(s, _)| s.id).collect()
}

/// Sit on the first frame for 10 s and count what the process did meanwhile.
fn idle_one(s: &Subject) {
    let (_, Some(mut p)) = first_frame(s) else {
        return;
    };
    p.drain(Duration::from_millis(500));
    let pid = p.pid();
    let before = pty::wakeups(pid);
    let frames = p.watch(Duration::from_secs(10), FRAME_END);
    if let (Some((w0, t0)), Some((w1, t1))) = (before, pty::wakeups(pid)) {
        note(&format!("idle wake-ups {}", s.id), w1.saturating_sub(w0));
        // Clock ticks are 10 ms.
        note(&format!("idle cpu ms {}", s.id), t1.saturating_sub(t0) * 10);
        note(&format!("idle frames {}", s.id), frames as u64);
    }
    p.finish(s.quit);
}

pub fn idle(fx: &Fixtures) {
    idle_one(&ours("idle on a question", &fx.alone, true));
    idle_one(&ours("idle at home", &fx.crowded, false));
    if dialog_installed() {
        idle_one(&the_dialog());
    }
}

/// Open a draft, export it from review (F3, then e), and read the peak memory once the
/// zip is there.
fn export_in_tui(id: &str, f: &Folder) {
    let s = ours(id, f, true);
    let (_, Some(mut p)) = first_frame(&s) else {
        return;
    };
    let exports = f.root.join("exports");
    let _ = std::fs::remove_dir_all(&exports);
    p.send(b"\x1bOR");
    p.drain(Duration::from_millis(300));
    p.send(b"e");
    let deadline = Instant::now() + Duration::from_secs(120);
    while !has_zip(&exports) && Instant::now() < deadline {
        p.drain(Duration::from_millis(20));
    }
    p.drain(Duration::from_millis(300));
    if let Some(kb) = pty::peak_kb(p.pid()) {
        note(&format!("peak {id}"), kb);
    }
    p.finish(b"\x11");
}

fn has_zip(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "zip"))
    })
}

pub fn memory_after_export(fx: &Fixtures) {
    export_in_tui("default draft after an export", &fx.alone);
    export_in_tui("10k draft after an export", &fx.big);
}

fn export_command(f: &Folder) -> Command {
    let mut cmd = music_sef(f, false);
    let id = f.draft.map(|d| d.to_string()).unwrap_or_default();
    cmd.args(["export", &id, "--out"]).arg(f.root.join("out"));
    cmd
}

/// `count`: also count the instructions of the default export (callgrind, slow).
pub fn export(c: &mut Criterion, fx: &Fixtures, count: bool) {
    let mut g = c.benchmark_group("export");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (id, f) in [
        ("music-sef export, default draft", &fx.alone),
        ("music-sef export, 10k draft", &fx.big),
    ] {
        g.bench_function(id, |b| {
            b.iter_custom(|n| {
                let mut total = Duration::ZERO;
                for _ in 0..n {
                    let (took, _) = pty::run_to_end(export_command(f)).unwrap_or_default();
                    total += took;
                }
                total
            });
        });
        if let Some(kb) = pty::peak_of(&export_command(f)) {
            note(&format!("peak {id}"), kb);
        }
        // The 10k export under callgrind takes minutes: the default one says enough.
        if count
            && std::ptr::eq(f, &fx.alone)
            && let Some(n) = instructions(export_command(f))
        {
            note(&format!("instructions {id}"), n);
        }
    }
    g.finish();
}

/// Instructions the command executes, counted by callgrind when valgrind is installed.
fn instructions(cmd: Command) -> Option<u64> {
    let out = std::env::temp_dir().join(format!("music-sef-bench-{}.cg", std::process::id()));
    let mut vg = Command::new("valgrind");
    vg.arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()));
    pty::run_to_end(pty::wrapping(vg, &cmd))?;
    let text = std::fs::read_to_string(&out).ok()?;
    let _ = std::fs::remove_file(&out);
    text.lines()
        .find_map(|l| {
            l.strip_prefix("summary:")
                .or_else(|| l.strip_prefix("totals:"))
        })
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}
