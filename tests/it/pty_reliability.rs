//! The promise on the welcome screen, kept by the real binary in a real terminal: steady
//! typing killed with SIGKILL at random moments never loses a word typed more than 2 s
//! before; 64 KB arriving at once is taken and Ctrl-Q still works; an idle program does not
//! wake up.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use music_sef::answers::AnswerValue;
use music_sef::paths::DataDirs;
use music_sef::store::{Listing, Store};

use crate::pty::{Pty, music_sef};

const PROMPT: &str = "Tell us about music in your school";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/one_long_answer.json")
}

/// A new draft of the one-long-answer questionnaire, open and ready for typing.
fn started(data: &Path) -> Pty {
    let q = fixture();
    let args = [
        "new",
        "--questionnaire",
        q.to_str().unwrap_or_default(),
        "--title",
        "Typing",
    ];
    let mut pty = Pty::spawn(music_sef(data, &args), 100, 30);
    assert!(
        pty.wait_for(PROMPT, Duration::from_secs(30)),
        "the question is shown"
    );
    pty
}

/// The long answer as on disk (typed text that did not pass yet counts too).
fn saved(data: &Path) -> String {
    let store = Store::new(&DataDirs::at(data));
    match store.list().into_iter().next() {
        Some(Listing::Ok(d)) => match d.answers.get("reflection") {
            Some(AnswerValue::Text(t)) => t.clone(),
            _ => d.unfinished.get("reflection").cloned().unwrap_or_default(),
        },
        other => panic!("expected one readable draft, got {other:?}"),
    }
}

/// What one round found: words that had to be on disk, and how far behind the disk was.
struct Round {
    checked: usize,
    lag: Duration,
}

/// Type words steadily (a key every 15 ms, never a pause) and kill -9 the program at
/// `kill_after`; every word finished more than 2 s before the kill must be on disk.
fn round(kill_after: Duration) -> Round {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = started(dir.path());
    let start = Instant::now();
    let mut typed = String::new();
    let mut finished: Vec<(usize, Instant)> = Vec::new();
    let mut n = 0;
    'typing: loop {
        let word = format!("w{n} ");
        for b in word.bytes() {
            if start.elapsed() >= kill_after {
                break 'typing;
            }
            pty.write(&[b]);
            typed.push(char::from(b));
            pty.drain();
            std::thread::sleep(Duration::from_millis(15));
        }
        finished.push((typed.len(), Instant::now()));
        n += 1;
    }
    let killed = Instant::now();
    pty.kill();
    let on_disk = saved(dir.path());
    assert!(
        typed.starts_with(on_disk.trim_end()),
        "what is on disk is what was typed: {on_disk:?}"
    );
    let must: Vec<usize> = finished
        .iter()
        .filter(|(_, at)| killed.duration_since(*at) > Duration::from_secs(2))
        .map(|(len, _)| *len)
        .collect();
    let need = must.last().copied().unwrap_or(0);
    assert!(
        on_disk.len() + 1 >= need,
        "killed {:?} after typing began: {} of the {} characters typed more than 2 s before are on disk",
        kill_after,
        on_disk.len(),
        need
    );
    // How old the newest word on disk was at the kill: the real delay to disk.
    let newest = finished
        .iter()
        .take_while(|(len, _)| *len <= on_disk.len() + 1)
        .last()
        .map_or(start, |(_, at)| *at);
    Round {
        checked: must.len(),
        lag: killed.duration_since(newest),
    }
}

#[test]
fn killed_while_typing_steadily_nothing_typed_more_than_two_seconds_before_is_lost() {
    const WORKERS: u64 = 6;
    const ROUNDS: u64 = 9;
    let started = Instant::now();
    let results: Vec<Round> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                s.spawn(move || {
                    let mut rng = 0x9e37_79b9_7f4a_7c15_u64 ^ (w + 1);
                    (0..ROUNDS)
                        .map(|_| {
                            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                            // A random moment between 2.2 s and 3.2 s into the typing.
                            round(Duration::from_millis(2_200 + (rng >> 33) % 1_000))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a round"))
            .collect()
    });
    let words: usize = results.iter().map(|r| r.checked).sum();
    let worst = results.iter().map(|r| r.lag).max().unwrap_or_default();
    eprintln!(
        "{} kill -9 rounds in {:?}: {words} words typed more than 2 s before a kill, all on disk; the disk was at most {worst:?} behind the typing",
        results.len(),
        started.elapsed()
    );
    assert!(results.len() >= 50);
    assert!(words > 0);
}

#[test]
fn sixty_four_kilobytes_at_once_are_taken_and_ctrl_q_then_quits_within_two_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = started(dir.path());
    // No paste markers: what a terminal without bracketed paste or a text expander sends.
    let text: String = (0..)
        .map(|i| format!("word{i} "))
        .take_while({
            let mut len = 0;
            move |w: &String| {
                len += w.len();
                len <= 64 * 1024
            }
        })
        .collect();
    pty.write(text.as_bytes());
    pty.write(b"\x11");
    let sent = Instant::now();
    let took = pty.wait_exit(Duration::from_secs(20));
    eprintln!("64 KB burst: Ctrl-Q ended the program {took:?} after it was typed");
    let took = took.unwrap_or_else(|| panic!("still running {:?} after Ctrl-Q", sent.elapsed()));
    assert!(took <= Duration::from_secs(2), "took {took:?}");
    assert_eq!(saved(dir.path()), text.trim_end());
}

/// Context switches of every thread of `pid`: each wake-up is at least one.
#[cfg(target_os = "linux")]
fn switches(pid: u32) -> u64 {
    let mut total = 0;
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    for t in tasks.filter_map(Result::ok) {
        let status = std::fs::read_to_string(t.path().join("status")).unwrap_or_default();
        total += status
            .lines()
            .filter(|l| l.contains("ctxt_switches"))
            .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
            .sum::<u64>();
    }
    total
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_program_does_not_wake_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = started(dir.path());
    pty.write(b"Typed, saved, then left alone");
    // Wait until it is on disk and shown: after that nothing is due.
    let deadline = Instant::now() + Duration::from_secs(20);
    while saved(dir.path()).is_empty() && Instant::now() < deadline {
        pty.drain();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!saved(dir.path()).is_empty(), "the text was saved");
    // Then the screen settles (the status changes to "Saved …" once).
    let mut quiet = Instant::now();
    while quiet.elapsed() < Duration::from_millis(500) && Instant::now() < deadline {
        pty.seen.clear();
        pty.drain();
        if !pty.seen.is_empty() {
            quiet = Instant::now();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    pty.seen.clear();
    let pid = pty.child.id();
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(2));
    let woke = switches(pid) - before;
    pty.drain();
    eprintln!("idle for 2 s: {woke} wake-ups (context switches of all its threads)");
    assert_eq!(woke, 0, "an idle program sleeps");
    assert!(pty.seen.is_empty(), "and draws nothing");
    // A resize alone (no key) wakes it, and it draws the new size.
    pty.resize(60, 20);
    assert!(
        pty.wait_for("too small", Duration::from_secs(10)),
        "redrawn for the new size"
    );
    pty.write(b"\x11");
    assert!(pty.wait_exit(Duration::from_secs(10)).is_some());
}
