//! `chronology check`: each conflict kind on its own small corpus, and the
//! consistent twin of each staying clean; exit codes; warnings.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronology"))
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("the binary runs");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn fixture(kind: &str, which: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/conflicts")
        .join(kind)
        .join(which)
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chronology-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn kinds_of(dir: &Path) -> (i32, Vec<String>) {
    let (code, out, err) = run(bin().arg("check").arg("--format").arg("jsonl").arg(dir));
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    let kinds = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object a line");
            v["kind"].as_str().expect("kind").to_string()
        })
        .collect();
    (code, kinds)
}

fn conflict_and_twin(kind: &str) {
    let (code, kinds) = kinds_of(&fixture(kind, "bad"));
    assert_eq!((code, kinds), (1, vec![kind.to_string()]), "{kind}/bad");
    let (code, kinds) = kinds_of(&fixture(kind, "good"));
    assert_eq!((code, kinds), (0, Vec::<String>::new()), "{kind}/good");
}

#[test]
fn event_dates() {
    conflict_and_twin("event_dates");
}

#[test]
fn duration_arithmetic() {
    conflict_and_twin("duration_arithmetic");
}

#[test]
fn weekday_mismatch() {
    conflict_and_twin("weekday_mismatch");
}

#[test]
fn inverted_range() {
    conflict_and_twin("inverted_range");
}

#[test]
fn event_order() {
    conflict_and_twin("event_order");
}

#[test]
fn clean_input_exits_zero_and_under_determined_anchors_are_warnings() {
    let d = tmpdir("clean");
    std::fs::write(
        d.join("a.txt"),
        "The council met and talked at length about the roads.\n",
    )
    .expect("write");
    let (code, out, err) = run(bin().arg("check").arg(&d));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "");
    assert!(err.contains("warning: a: publication date under-determined"), "{err}");
}

#[test]
fn unreadable_input_exits_two() {
    let d = tmpdir("unreadable");
    std::fs::write(d.join("a.tml"), "<TimeML>no text element</TimeML>").expect("write");
    let (code, _, err) = run(bin().arg("check").arg(&d));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a.tml"), "{err}");
}

#[test]
fn a_bad_anchors_file_is_an_error_naming_its_line() {
    let d = tmpdir("badpins");
    std::fs::write(d.join("a.txt"), "Nothing dated here.\n").expect("write");
    std::fs::write(d.join("anchors.yaml"), "a:\n  published: 2025-02-30\n").expect("write");
    let (code, _, err) = run(bin().arg("check").arg(&d));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("anchors.yaml:2"), "{err}");
}

// The anchor stage's kinds, passed through by the chronology.

#[test]
fn copyright_vs_body() {
    conflict_and_twin("copyright_vs_body");
}

#[test]
fn pin_contradicted() {
    conflict_and_twin("pin_contradicted");
}
