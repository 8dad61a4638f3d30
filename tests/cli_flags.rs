//! The command line's flags and streams: help with examples, `render -o -`,
//! `-o x.png` refused, a closed stdout, progress never in a pipe unless asked,
//! `--threads`, `--quiet` and `--verbose` on every command that reads articles.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

mod cli_common;
use cli_common::{bin, run};

fn tmpdir(name: &str) -> PathBuf {
    cli_common::tmpdir("flags", name)
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

const COMMANDS: [&str; 6] = ["tag", "anchors", "build", "check", "render", "timeline"];

#[test]
fn every_help_has_examples_and_the_top_one_the_exit_codes() {
    for cmd in COMMANDS {
        let (code, out, err) = run(bin().args([cmd, "--help"]));
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("EXAMPLES:"), "{cmd}: {out}");
        let examples = out
            .lines()
            .filter(|l| l.trim_start().starts_with("chronology ") || l.contains("| chronology "))
            .count();
        assert!(examples >= 2, "{cmd}: {examples} examples\n{out}");
        assert!(out.contains("--quiet") && out.contains("--progress"), "{cmd}: {out}");
    }
    let (_, out, _) = run(bin().arg("--help"));
    assert!(out.contains("EXIT CODES"), "{out}");
    assert!(out.contains("1  check found conflicts"), "{out}");
}

#[test]
fn threads_is_accepted_by_every_command_that_reads_articles() {
    for cmd in ["tag", "anchors", "check", "timeline"] {
        let (code, _, err) = run(bin().arg(cmd).arg(seeds()).args(["--threads", "2", "--quiet"]));
        assert!(code == 0 || (cmd == "check" && code == 1), "{cmd}: {code} {err}");
        assert!(err.is_empty(), "{cmd} --quiet: {err}");
    }
    let out = tmpdir("threads");
    let (code, _, err) = run(bin()
        .arg("build")
        .arg(seeds())
        .arg("--out")
        .arg(out.join("o"))
        .args(["--threads", "1"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn quiet_silences_warnings_and_progress_shows_only_when_asked() {
    let d = tmpdir("quiet");
    std::fs::write(d.join("e.txt"), "").expect("write");
    std::fs::write(d.join("a.txt"), "Talks were held on February 4, 2025.").expect("write");
    let (_, _, err) = run(bin().arg("tag").arg(&d));
    assert!(err.contains("warning: "), "{err}");
    let (code, _, err) = run(bin().arg("tag").arg(&d).arg("--quiet"));
    assert_eq!(code, 0);
    assert_eq!(err, "");
    // stderr is a pipe here: no bar, however long the run
    let big = d.join("big.jsonl");
    let mut f = std::fs::File::create(&big).expect("create");
    for i in 0..1500 {
        writeln!(f, "{{\"doc\":\"d{i}\",\"text\":\"Ministers met on Tuesday, March 4, 2025, and again last week.\",\"dct\":\"2025-03-10\"}}").expect("write");
    }
    drop(f);
    let (code, _, err) = run(bin().arg("tag").arg(&big));
    assert_eq!(code, 0);
    assert_eq!(err, "", "no progress in a pipe");
    let (code, _, err) = run(bin().arg("check").arg(&d));
    assert!(code <= 1);
    assert!(!err.contains("documents ("), "no progress in a pipe: {err}");
    // --progress forces it on
    let (code, _, err) = run(bin().arg("tag").arg(&big).arg("--progress"));
    assert_eq!(code, 0);
    assert!(err.contains("documents"), "{err}");
    let (code, _, _) = run(bin().arg("tag").arg(&big).args(["--progress", "--quiet"]));
    assert_eq!(code, 2, "the two flags conflict");
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let d = tmpdir("pipe");
    let big = d.join("big.jsonl");
    let mut f = std::fs::File::create(&big).expect("create");
    for i in 0..3000 {
        writeln!(f, "{{\"doc\":\"d{i}\",\"text\":\"Ministers met on Tuesday, March 4, 2025, and again last week, in May 2024 and on 3 June.\",\"dct\":\"2025-03-10\"}}").expect("write");
    }
    drop(f);
    for args in [
        vec!["tag"],
        vec!["tag", "--format", "yaml"],
        vec!["anchors", "--format", "jsonl"],
    ] {
        let mut child = bin()
            .args(&args)
            .arg(&big)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        out.read_line(&mut line).expect("one line");
        assert!(!line.is_empty());
        drop(out);
        let o = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn render_to_stdout_and_only_to_svg() {
    let d = tmpdir("render");
    let input = d.join("chronology.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/seeds.yaml"),
        &input,
    )
    .expect("copy");
    let (code, out, err) = run(bin().arg("render").arg(&input).args(["-o", "-"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("<!-- generated by chronology "),
        "{}",
        &out[..80.min(out.len())]
    );
    assert!(out.contains("<svg ") && out.trim_end().ends_with("</svg>"));
    assert!(!Path::new("-").exists() && !Path::new("-.json").exists());
    assert!(!d.join("-").exists() && !d.join("-.json").exists());
    for bad in ["x.png", "x.json", "x"] {
        let (code, _, err) = run(bin().arg("render").arg(&input).arg("-o").arg(d.join(bad)));
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("give a file name ending in .svg"), "{err}");
        assert!(!d.join(bad).exists());
    }
}

#[test]
fn verbose_says_once_which_anchors_file_is_read_and_which_fields_are_not() {
    let d = tmpdir("verbose");
    let arts = d.join("articles");
    std::fs::create_dir_all(&arts).expect("articles dir");
    for (name, day) in [("a.md", "2025-02-10"), ("b.md", "2025-02-11")] {
        let text =
            format!("---\npublished: {day}\nauthor: A. Writer\ntags: [x]\n---\nThe talks were held on Tuesday.\n");
        std::fs::write(arts.join(name), text).expect("article");
    }
    std::fs::write(arts.join("anchors.yaml"), "b:\n  published: 2025-02-11\n").expect("anchors");
    let once = |err: &str, what: &str| err.matches(what).count() == 1;
    for cmd in ["tag", "anchors", "check", "build"] {
        let mut c = bin();
        c.arg(cmd).arg(&arts).arg("--verbose");
        if cmd == "build" {
            c.arg("--out").arg(d.join("out"));
        }
        let (code, _, err) = run(&mut c);
        assert!(code == 0 || (cmd == "check" && code == 1), "{cmd}: {code} {err}");
        assert!(
            once(&err, "front matter fields not read: author (2 files, first at "),
            "{cmd}: {err}"
        );
        assert!(once(&err, "tags (2 files"), "{cmd}: {err}");
        assert!(once(&err, "anchors.yaml (in an input folder)"), "{cmd}: {err}");
        // not without --verbose
        let mut c = bin();
        c.arg(cmd).arg(&arts);
        if cmd == "build" {
            c.arg("--out").arg(d.join("out"));
        }
        let (_, _, err) = run(&mut c);
        assert!(
            !err.contains("front matter fields") && !err.contains("anchors file"),
            "{cmd}: {err}"
        );
    }
    // -v, and the other ways an anchors file is found or not
    let (_, _, err) = run(bin().arg("tag").arg(arts.join("a.md")).arg("-v"));
    assert!(once(&err, "anchors.yaml (beside the files named)"), "{err}");
    let pins = d.join("pins.yaml");
    std::fs::write(&pins, "a:\n  published: 2025-02-10\n").expect("pins");
    let (_, _, err) = run(bin().arg("tag").arg(&arts).arg("-v").arg("--anchors").arg(&pins));
    assert!(once(&err, "pins.yaml (named with --anchors)"), "{err}");
    let (_, _, err) = run(bin().args(["tag", "-", "-v"]).arg("--stdin-format=text"));
    assert!(once(&err, "no anchors file"), "{err}");
    // --verbose and --quiet contradict each other
    let (code, _, err) = run(bin().arg("tag").arg(&arts).args(["-v", "-q"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be used with"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}
