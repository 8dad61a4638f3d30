//! The command line's messages and exit codes: each cause said once, proper
//! plurals, an empty input folder named, unreadable input exit 2 everywhere.

use std::path::PathBuf;

mod cli_common;
use cli_common::{bin, run, write};

fn tmpdir(name: &str) -> PathBuf {
    cli_common::tmpdir("msg", name)
}

#[test]
fn a_missing_anchors_file_is_said_once() {
    let d = tmpdir("once");
    write(&d, "a.txt", b"Talks were held on February 4, 2025.");
    let (code, _, err) = run(bin().arg("anchors").arg(&d).arg("--anchors").arg(d.join("nope.yaml")));
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    assert!(err.contains("nope.yaml: No such file or directory"), "{err}");
}

#[test]
fn counts_are_singular_or_plural() {
    let d = tmpdir("plural");
    let input = d.join("in");
    std::fs::create_dir_all(&input).expect("dir");
    write(
        &input,
        "a.txt",
        b"---\npublished: 2024-04-01\n---\nThe book fair ran on March 3, 2024 in Lyon.\n",
    );
    let out = d.join("out");
    let (code, stdout, err) = run(bin().arg("build").arg(&input).arg("--out").arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains(": 1 document, 1 event, 0 conflicts\n"), "{stdout}");
    write(&input, "b.tml", b"<TimeML>no text</TimeML>");
    let (code, _, err) = run(bin().arg("build").arg(&input).arg("--out").arg(&out));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("1 input could not be read; nothing was written"), "{err}");
    let (_, _, err) = run(bin().arg("render").arg(out.join("chronology.yaml")));
    assert!(err.contains("(1 event)"), "{err}");
}

#[test]
fn an_empty_input_folder_is_an_error_naming_it() {
    let d = tmpdir("empty-folder");
    write(&d, "notes.doc", b"not an article");
    for cmd in ["tag", "anchors", "build", "check"] {
        let mut c = bin();
        c.arg(cmd).arg(&d);
        if cmd == "build" {
            c.arg("--out").arg(d.join("out"));
        }
        let (code, out, err) = run(&mut c);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(out.is_empty(), "{cmd}: {out}");
        assert!(
            err.contains(&format!("{}: no articles in this folder", d.display())),
            "{cmd}: {err}"
        );
    }
    assert!(!d.join("out").exists(), "nothing written");
}

#[test]
fn unreadable_input_exits_2_for_every_command() {
    let d = tmpdir("unreadable");
    write(&d, "a.txt", b"Talks were held on February 4, 2025.");
    write(&d, "b.tml", b"<TimeML>no text</TimeML>");
    for cmd in ["tag", "anchors", "check", "build"] {
        let mut c = bin();
        c.arg(cmd).arg(&d);
        if cmd == "build" {
            c.arg("--out").arg(d.join("out"));
        }
        let (code, _, err) = run(&mut c);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(err.contains("b.tml"), "{cmd}: {err}");
    }
}
