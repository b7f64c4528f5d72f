//! The habits of a well-kept command-line tool: quiet when the reader of a pipe goes away,
//! `--version` on one line, the folders in `paths`, completions that load in bash, and a
//! full-screen view that refuses plainly where it cannot work.

use std::process::Stdio;

use crate::common;

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("music-sef")
}

/// Run `args` with standard output a pipe whose reader has already gone, so every write
/// fails as it does after `| head -0` (a real `head` may or may not leave in time).
fn into_closed_pipe(env: &common::Env, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    std::process::Command::new(binary())
        .args(args)
        .env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run music-sef")
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly_with_success() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    common::complete_draft(&env, &qn, "Piped");
    for args in [
        &["questionnaires"][..],
        &["drafts"],
        &["drafts", "--json"],
        &["paths"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["--version"],
    ] {
        let out = into_closed_pipe(&env, args);
        assert_eq!(out.status.code(), Some(0), "music-sef {args:?}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "music-sef {args:?} wrote to stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn questionnaires_into_head_0_exits_0_with_nothing_on_stderr() {
    let env = common::env();
    let out = std::process::Command::new("bash")
        .args(["-c", "set -o pipefail; \"$0\" questionnaires | head -0"])
        .arg(binary())
        .env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .output()
        .expect("bash");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn version_is_one_line() {
    let env = common::env();
    let text = common::stdout_of(&env, &["--version"], "");
    assert_eq!(text, format!("music-sef {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(common::stdout_of(&env, &["-V"], ""), text);
}

#[test]
fn paths_shows_the_folders_in_use_with_settings_inside_a_chosen_data_folder() {
    let env = common::env();
    let root = env.dir.path().display().to_string();
    let text = common::stdout_of(&env, &["paths"], "");
    let settings = env.dir.path().join("config").join("settings.json");
    for needle in [
        format!("Data folder:              {root}"),
        format!("Settings:                 {}", settings.display()),
        format!("Drafts:                   {}", env.dirs.drafts().display()),
        "Bundles are written to:".to_string(),
        "MUSIC_SEF_DATA_DIR".to_string(),
    ] {
        assert!(text.contains(&needle), "{needle:?} missing from:\n{text}");
    }
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let out = common::bin(&env)
        .arg("paths")
        .env("MUSIC_SEF_CONFIG_DIR", elsewhere.path())
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let settings = elsewhere.path().join("settings.json");
    assert!(text.contains(&settings.display().to_string()), "{text}");
}

/// A bash with the completions loaded, asked what follows `line` (the last word is the one
/// being completed).
#[cfg(unix)]
fn bash_completes(env: &common::Env, line: &str) -> Vec<String> {
    let script = env.dir.path().join("music-sef.bash");
    std::fs::write(
        &script,
        common::stdout_of(env, &["completions", "bash"], ""),
    )
    .expect("write");
    let ask = r#"set -e
source "$1"
spec=$(complete -p music-sef)
fn=$(sed -E 's/.* -F ([^ ]+) .*/\1/' <<< "$spec")
read -ra COMP_WORDS <<< "$2"
[[ "$2" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
"$fn" music-sef "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", ask, "bash"])
        .arg(&script)
        .arg(line)
        .output()
        .expect("bash");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[cfg(unix)]
#[test]
fn bash_loads_the_completions_and_completes_commands_and_options() {
    let env = common::env();
    let words = bash_completes(&env, "music-sef q");
    assert_eq!(words, ["questionnaires"]);
    let words = bash_completes(&env, "music-sef export --");
    for option in ["--out", "--allow-incomplete", "--no-mouse"] {
        assert!(words.iter().any(|w| w == option), "{option} in {words:?}");
    }
    let words = bash_completes(&env, "music-sef completions ");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert!(words.iter().any(|w| w == shell), "{shell} in {words:?}");
    }
}

#[test]
fn completions_are_written_for_every_shell_named_in_the_help() {
    let env = common::env();
    for (shell, needle) in [
        ("zsh", "#compdef music-sef"),
        ("fish", "complete -c music-sef"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "music-sef"),
    ] {
        let script = common::stdout_of(&env, &["completions", shell], "");
        assert!(script.contains(needle), "{shell}: {script}");
    }
    common::bin(&env)
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn a_dumb_terminal_points_to_plain_mode_and_leaves_nothing_behind() {
    let env = common::env();
    for args in [&[][..], &["new", "--title", "Dumb"]] {
        let out = common::bin(&env)
            .args(args)
            .env("TERM", "dumb")
            .assert()
            .code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains("TERM=dumb") && err.contains("music-sef plain"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(out.get_output().stdout.is_empty());
    }
    assert!(env.store.list().is_empty(), "no draft was made");
}

/// With no terminal at all (a scheduled task, a service): one sentence, no OS error number.
#[cfg(unix)]
#[test]
fn no_terminal_points_to_plain_mode_without_an_os_error() {
    use std::os::unix::process::CommandExt as _;
    let env = common::env();
    for args in [&[][..], &["new", "--title", "Nowhere"]] {
        let mut cmd = std::process::Command::new(binary());
        cmd.args(args)
            .env("MUSIC_SEF_DATA_DIR", env.dir.path())
            .env("TERM", "xterm-256color")
            .stdin(Stdio::null());
        // SAFETY: setsid only detaches the child from the terminal `cargo test` may run
        // in, so the test never draws on the developer's screen.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let out = cmd.output().expect("run music-sef");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("needs a terminal window") && err.contains("music-sef plain"),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(out.stdout.is_empty(), "nothing but text on stdout");
    }
    assert!(env.store.list().is_empty(), "no draft was made");
}

#[test]
fn the_terminal_check_refuses_dumb_and_missing_terminals() {
    use music_sef::tui::tty::{Attached, NoScreen, check};
    let xterm = Some(std::ffi::OsStr::new("xterm-256color"));
    let dumb = Some(std::ffi::OsStr::new("dumb"));
    assert_eq!(check(xterm, Attached::Terminal), Ok(()));
    assert_eq!(check(None, Attached::Device), Ok(()));
    assert_eq!(check(dumb, Attached::Terminal), Err(NoScreen::Dumb));
    assert_eq!(check(xterm, Attached::None), Err(NoScreen::NoTerminal));
    assert_eq!(
        check(xterm, Attached::Redirected),
        Err(NoScreen::Redirected)
    );
    for e in [NoScreen::Dumb, NoScreen::NoTerminal, NoScreen::Redirected] {
        let text = e.to_string();
        assert!(
            text.contains("music-sef plain") && !text.contains('\n'),
            "{text}"
        );
    }
}
