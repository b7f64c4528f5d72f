//! `music-sef completions SHELL`: tab completion of commands and options, written from the
//! same argument definitions the program parses, so they never drift apart.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "music-sef", &mut script);
    if args.shell == clap_complete::Shell::Bash {
        script = bash_fixed(&script).into_bytes();
    }
    super::print_bytes(&script)
}

/// clap_complete's bash script spells a hyphenated program's state two ways, so nothing
/// after a command (`music-sef export --<Tab>`) completes (clap issue 6421). Spell the case
/// labels the way the loop that sets the state does; once clap is fixed this changes nothing.
fn bash_fixed(script: &[u8]) -> String {
    String::from_utf8_lossy(script).replace("music__subcmd__sef", "music__sef")
}
