//! The `music-sef` binary: parse arguments, find the data folder, dispatch, report errors.

use std::process::ExitCode;

use clap::Parser;
use music_sef::cli::Cli;
use music_sef::paths::DataDirs;

fn main() -> ExitCode {
    leave_quietly_when_the_reader_goes();
    let cli = Cli::parse();
    let Some(dirs) = DataDirs::from_env() else {
        eprintln!(
            "error: music-sef cannot find your home folder to keep its files in.\n\
             Set MUSIC_SEF_DATA_DIR to a folder it may use, for example:\n  \
             MUSIC_SEF_DATA_DIR=~/music-sef music-sef"
        );
        return ExitCode::from(1);
    };
    match music_sef::commands::dispatch(cli, &dirs) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// `music-sef questionnaires | head -1`: once the reader has gone, Rust's `println!` panics
/// ("failed printing to stdout: Broken pipe"). Nobody is left to read anything, so end at
/// once with success and no message, as other command-line tools do.
fn leave_quietly_when_the_reader_goes() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload_as_str().is_some_and(is_closed_output) {
            std::process::exit(0);
        }
        previous(info);
    }));
}

/// The panic std raises when printing to a closed pipe. The OS error number, not its text,
/// is matched, as Windows words (and translates) the message.
fn is_closed_output(message: &str) -> bool {
    // EPIPE on Linux and macOS; ERROR_BROKEN_PIPE and ERROR_NO_DATA on Windows.
    const CODES: &[&str] = if cfg!(windows) {
        &["(os error 109)", "(os error 232)"]
    } else {
        &["(os error 32)"]
    };
    message.starts_with("failed printing to std") && CODES.iter().any(|c| message.ends_with(c))
}
