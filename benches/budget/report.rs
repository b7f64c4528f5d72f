//! The figures of this run as README's Performance tables: criterion's medians (read back
//! from its output folder), each beside dialog's from the same run as a ratio, with peak
//! memory, idle wake-ups and export costs. Printed, kept as `performance.md` beside
//! criterion's files, and written into README.md between its markers when
//! `MUSIC_SEF_BENCH_README` is set.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::SystemTime;

use super::whole::{DIALOG, FIGURES};

const BEGIN: &str = "<!-- benches:begin -->";
const END: &str = "<!-- benches:end -->";

fn criterion_home() -> PathBuf {
    if let Some(h) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
            PathBuf::from,
        )
        .join("criterion")
}

/// The median of one benchmark in ns, if it ran in this run (since `since`).
fn median(group: &str, id: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home()
        .join(group)
        .join(id)
        .join("new")
        .join("estimates.json");
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn figure(key: &str) -> Option<u64> {
    FIGURES.lock().ok()?.get(key).copied()
}

fn time(ns: f64) -> String {
    let ms = ns / 1e6;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn ratio(ours: Option<f64>, yardstick: Option<f64>) -> String {
    match (ours, yardstick) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.1}×", a / b),
        _ => "—".to_string(),
    }
}

fn timed_table(out: &mut String, group: &str, ids: &[&str], since: SystemTime) {
    let yard = median(group, DIALOG, since);
    let _ = writeln!(out, "| case | median | ratio to dialog | peak memory |");
    let _ = writeln!(out, "|---|---|---|---|");
    for id in std::iter::once(&DIALOG).chain(ids.iter().filter(|i| **i != DIALOG)) {
        let Some(m) = median(group, id, since) else {
            continue;
        };
        let r = if *id == DIALOG {
            "1.0×".to_string()
        } else {
            ratio(Some(m), yard)
        };
        let peak = figure(&format!("peak {id}")).map_or_else(|| "—".to_string(), mb);
        let _ = writeln!(out, "| {id} | {} | {r} | {peak} |", time(m));
    }
}

fn idle_table(out: &mut String) {
    let cases = ["idle on a question", "idle at home", DIALOG];
    if !cases
        .iter()
        .any(|c| figure(&format!("idle wake-ups {c}")).is_some())
    {
        return;
    }
    let _ = writeln!(
        out,
        "\nIdle for 10 s after the first frame (all threads):\n"
    );
    let _ = writeln!(out, "| case | wake-ups | CPU | frames drawn |");
    let _ = writeln!(out, "|---|---|---|---|");
    for c in cases {
        let get = |k: &str| figure(&format!("{k} {c}"));
        if let (Some(w), Some(cpu), Some(f)) =
            (get("idle wake-ups"), get("idle cpu ms"), get("idle frames"))
        {
            let _ = writeln!(out, "| {c} | {w} | {cpu} ms | {f} |");
        }
    }
}

fn export_table(out: &mut String, since: SystemTime) {
    let ids = [
        "music-sef export, default draft",
        "music-sef export, 10k draft",
    ];
    let _ = writeln!(out, "\nExport, the whole command:\n");
    let _ = writeln!(out, "| case | median | peak memory | instructions |");
    let _ = writeln!(out, "|---|---|---|---|");
    for id in ids {
        let Some(m) = median("export", id, since) else {
            continue;
        };
        let peak = figure(&format!("peak {id}")).map_or_else(|| "—".to_string(), mb);
        let ins = figure(&format!("instructions {id}"))
            .map_or_else(|| "—".to_string(), |n| format!("{:.0} M", n as f64 / 1e6));
        let _ = writeln!(out, "| {id} | {} | {peak} | {ins} |", time(m));
    }
    for id in ["default draft after an export", "10k draft after an export"] {
        if let Some(kb) = figure(&format!("peak {id}")) {
            let _ = writeln!(
                out,
                "\nPeak memory, {id} in the full-screen view: {}.",
                mb(kb)
            );
        }
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown processor".to_string());
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    format!("{cpu}, {cores} cores")
}

pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

/// The whole section, from the figures of this run.
pub fn render(since: SystemTime, load_before: &str, startup: &[String], keys: &[String]) -> String {
    let mut out = String::new();
    let date = chrono::Local::now().format("%-d %b %Y");
    let _ = writeln!(
        out,
        "Figures from `cargo bench` on {date}: {}, load average {load_before} at the start and {} at the end; medians; release build; 120×40 pseudo-terminal.\n",
        machine(),
        load()
    );
    let _ = writeln!(out, "Start-up to the end of the first frame:\n");
    let ids: Vec<&str> = startup.iter().map(String::as_str).collect();
    timed_table(&mut out, "start-up", &ids, since);
    let _ = writeln!(out, "\nOne key to the end of the frame it causes:\n");
    let ids: Vec<&str> = keys.iter().map(String::as_str).collect();
    timed_table(&mut out, "key to frame", &ids, since);
    idle_table(&mut out);
    export_table(&mut out, since);
    out
}

/// Print the section, keep it beside criterion's files, and put it in README.md if asked.
pub fn publish(section: &str) {
    println!("\n{section}");
    let _ = std::fs::write(criterion_home().join("performance.md"), section);
    if std::env::var_os("MUSIC_SEF_BENCH_README").is_none() {
        return;
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    if let (Some(a), Some(b)) = (text.find(BEGIN), text.find(END)) {
        let new = format!("{}{BEGIN}\n{section}{}", &text[..a], &text[b..]);
        let _ = std::fs::write(&path, new);
    }
}
