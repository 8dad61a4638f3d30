//! The `chronology` command: a thin shell over the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = chronology::cli::Cli::parse();
    match chronology::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("chronology: {e:#}");
            ExitCode::from(2)
        }
    }
}
