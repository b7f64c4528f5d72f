//! The command line contract (README.md, docs/architecture.md): argument types only, no
//! behaviour.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "music-sef",
    about = "A guided music self-evaluation for your school, saved as you go and ready to send to your music hub.",
    long_about = None,
    version,
    after_help = "Run `music-sef` on its own to open the home screen, where you can start a new self-evaluation or carry on with one. Every answer is saved as you go; `music-sef paths` shows where.\n\nDRAFT is a draft's id, the first 4 or more characters of it, or its exact title (see `music-sef drafts`).\n\nExamples:\n  music-sef new --title \"Oakfield Primary 2026-27\"\n  music-sef drafts\n  music-sef export \"Oakfield Primary 2026-27\" --out ~/Desktop\n  music-sef check our-hub-review.json"
)]
pub struct Cli {
    /// Leave the mouse to the terminal this time, so you can select and copy text as usual
    /// (F4 in the full-screen view turns it off and on and remembers)
    #[arg(long, global = true)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new self-evaluation and open it
    New(NewArgs),
    /// Resume a self-evaluation in the full-screen view
    Open(OpenArgs),
    /// List your self-evaluations
    Drafts(DraftsArgs),
    /// Write the submission bundle (PDF, CSV, JSON and e-mail) for your music hub
    Export(ExportArgs),
    /// Start a new self-evaluation from an earlier submission (submission.json or its .zip)
    Import(ImportArgs),
    /// List the questionnaires you can use
    Questionnaires,
    /// Check questionnaire files and explain any problem
    Check(CheckArgs),
    /// Answer a self-evaluation as plain numbered prompts (screen readers, scripts)
    Plain(PlainArgs),
    /// Show the folders music-sef uses: your work, its settings, where bundles go
    Paths,
    /// Print shell completions for bash, zsh, fish, PowerShell or elvish
    ///
    /// For example, in bash:
    ///   music-sef completions bash > ~/.local/share/bash-completion/completions/music-sef
    /// in zsh, into a folder on your fpath:
    ///   music-sef completions zsh > ~/.zfunc/_music-sef
    /// in fish:
    ///   music-sef completions fish > ~/.config/fish/completions/music-sef.fish
    /// in PowerShell:
    ///   music-sef completions powershell >> $PROFILE
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for packagers: `music-sef man > music-sef.1`
    #[command(hide = true)]
    Man,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Which questionnaire: an id from `music-sef questionnaires` or a file path
    #[arg(short, long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// A title for the draft (you can change it later)
    #[arg(short, long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Carry answers over from an earlier draft or exported bundle (folder, .zip or submission.json)
    #[arg(long, value_name = "DRAFT|BUNDLE")]
    pub from: Option<String>,
    /// Answer in plain numbered prompts instead of the full-screen view
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The draft to resume
    pub draft: String,
}

#[derive(Debug, Args)]
pub struct DraftsArgs {
    /// Print the list as JSON (for scripts)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The draft to export
    pub draft: String,
    /// Folder to write the bundle in (default: Documents/music-sef, or MUSIC_SEF_EXPORT_DIR)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Export even though required answers are missing; every page is marked INCOMPLETE DRAFT
    #[arg(long)]
    pub allow_incomplete: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A submission.json or the .zip from an export
    pub file: PathBuf,
    /// Use this questionnaire instead of the one named in the file
    #[arg(short, long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// A title for the new draft
    #[arg(short, long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Questionnaire files to check
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlainArgs {
    /// The draft to continue; without it a new one is started
    pub draft: Option<String>,
    /// Questionnaire for a new draft: an id or a file path
    #[arg(short, long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// Title for a new draft
    #[arg(short, long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
