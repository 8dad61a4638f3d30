//! The `chronology` command: a thin shell over the library.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("chronology: {e:#}");
            ExitCode::from(2)
        }
    }
}
