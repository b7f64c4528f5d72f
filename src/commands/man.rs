//! `music-sef man`: the manual page, made from the same argument definitions the program
//! parses (clap_mangen): every command with its options, then what clap does not know (the
//! folders, the environment, the exit codes). Kept as `docs/music-sef.1` (a test fails when
//! it is out of date) and shipped as `music-sef.1` in every release archive.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::Cli;

/// What clap does not know: the folders, the environment, the exit codes, examples.
const MORE: &str = r#".SH EXAMPLES
.nf
music\-sef new \-\-title "Oakfield Primary 2026\-27"
music\-sef open 3f2a
music\-sef drafts
music\-sef export "Oakfield Primary 2026\-27" \-\-out ~/Desktop
music\-sef plain 3f2a < answers.txt
music\-sef check our\-hub\-review.json
.fi
.PP
DRAFT is a draft's id, the first four or more characters of it, or its exact title.
.SH FILES
\fBmusic\-sef paths\fR prints the folders in use.
.TP
\fIdata folder\fR
drafts/ (your answers, each saved safely as you type, with backups) and questionnaires/
(extra questionnaires from your hub): ~/.local/share/music\-sef on Linux,
~/Library/Application Support/music\-sef on macOS, %APPDATA%\(rsmusic\-sef\(rsdata on Windows.
.TP
\fIconfig folder\fR
settings.json (your hub's e\-mail address, the mouse setting): ~/.config/music\-sef on Linux,
the data folder on macOS, %APPDATA%\(rsmusic\-sef\(rsconfig on Windows.
.TP
\fIDocuments/music\-sef\fR
the submission bundles for your music hub.
.SH ENVIRONMENT
.TP
\fBMUSIC_SEF_DATA_DIR\fR
use this data folder instead (settings are then kept in its config folder, and bundles in
its exports folder).
.TP
\fBMUSIC_SEF_CONFIG_DIR\fR
keep settings in this folder.
.TP
\fBMUSIC_SEF_EXPORT_DIR\fR
write bundles to this folder.
.TP
\fBNO_COLOR\fR
when set, the full\-screen view uses no colour.
.TP
\fBTERM\fR
when it is \fBdumb\fR, the full\-screen view is not started: use \fBmusic\-sef plain\fR.
.SH "EXIT STATUS"
.TP
\fB0\fR
done.
.TP
\fB1\fR
something in your input or data needs fixing; the message says what and where.
.TP
\fB2\fR
the command was typed wrongly.
"#;

/// What clap_mangen writes before every part (for the quote character in groff and others).
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// The command as the page describes it: no `help` subcommand (every command has --help).
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// One part of a page as clap_mangen renders it, without its preamble and, for the parts
/// put under a command's heading, without their own section heading.
fn part(
    page: &Man,
    render: fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>,
    keep_heading: bool,
) -> std::io::Result<String> {
    let mut roff = Vec::new();
    render(page, &mut roff)?;
    let text = String::from_utf8_lossy(&roff).into_owned();
    let text = text.strip_prefix(PREAMBLE).unwrap_or(&text).to_string();
    if keep_heading {
        return Ok(text);
    }
    Ok(text
        .lines()
        .filter(|l| !l.starts_with(".SH "))
        .flat_map(|l| [l, "\n"])
        .collect())
}

/// A command under COMMANDS: its name, what it does, how it is typed and its options
/// (without the ones every command has, listed once at the top).
fn command_part(sub: &clap::Command) -> std::io::Result<String> {
    let mut sub = sub.clone();
    for id in ["no_mouse", "help"] {
        if sub.get_arguments().any(|a| a.get_id() == id) {
            sub = sub.mut_arg(id, |a| a.hide(true));
        }
    }
    let page = Man::new(sub.clone());
    let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
    let mut out = format!(".SS \"{}\"\n{}\n.PP\n", sub.get_name(), roman(&about));
    out.push_str(&part(&page, Man::render_synopsis_section, false)?);
    if sub.get_arguments().any(|a| !a.is_hide_set()) {
        out.push_str(&part(&page, Man::render_options_section, false)?);
    }
    Ok(out)
}

/// Plain text for roff: a backslash and a hyphen are escaped, a leading dot kept as text.
fn roman(text: &str) -> String {
    let escaped = text.replace('\\', "\\(rs").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The whole page, music-sef.1: every command with its options, the folders, the
/// environment and the exit codes.
///
/// # Errors
/// Only if writing into memory failed, which it does not.
pub fn page() -> std::io::Result<String> {
    let cmd = command();
    let top = Man::new(cmd.clone());
    let mut out = part(&top, Man::render_title, true)?;
    out.insert_str(0, PREAMBLE);
    for render in [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        out.push_str(&part(&top, render, true)?);
    }
    out.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out.push_str(&command_part(sub)?);
    }
    out.push_str(MORE);
    out.push_str(&part(&top, Man::render_version_section, true)?);
    Ok(out)
}

pub fn run() -> anyhow::Result<ExitCode> {
    let page = page().context("could not make the manual page")?;
    super::print_bytes(page.as_bytes())
}
