//! The `music-sef` binary: parse arguments, find the data folder, dispatch, report errors.

use std::process::ExitCode;

use clap::Parser;
use music_sef::cli::Cli;
use music_sef::paths::DataDirs;

fn main() -> ExitCode {
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
