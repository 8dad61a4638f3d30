//! What the command-line tests share: the binary, a fresh temp folder, a run
//! with its exit code and both streams, and a fixture file. A folder, not a
//! `tests/*.rs` file, so it is not built as a test of its own.
#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `chronology` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronology"))
}

/// An empty folder `chronology-SUITE-PID-NAME` in the temp dir.
pub fn tmpdir(suite: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chronology-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Exit code (-1 when killed), stdout and stderr of a finished process.
pub fn done(o: Output) -> (i32, String, String) {
    let Output { status, stdout, stderr } = o;
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// Run to the end: exit code, stdout, stderr.
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    done(cmd.output().expect("the binary runs"))
}

/// Write a fixture file into `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}
