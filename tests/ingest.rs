//! Reading input (issues 14 and 11): Markdown front matter with fields of its
//! own, the anchors file beside files named by path, repeated pins and ids,
//! plain text on stdin, bytes that are not UTF-8, and the messages for each,
//! through the library and through the binary on temporary folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chronology::anchor::pins;
use chronology::ingest::{self, IngestError};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronology"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chronology-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("fixture dir");
    }
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn done(o: Output) -> (i32, String, String) {
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    );
    assert!(!err.contains("panicked"), "{err}");
    (o.status.code().unwrap_or(-1), out, err)
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    done(cmd.output().expect("the binary runs"))
}

/// Run with `input` on stdin.
fn run_stdin(cmd: &mut Command, input: &[u8]) -> (i32, String, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    done(child.wait_with_output().expect("the binary ends"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

// --- front matter -------------------------------------------------------

#[test]
fn front_matter_fields_of_other_tools_are_passed_over_and_listed() {
    let d = tmpdir("fm");
    write(
        &d,
        "a.md",
        b"---\ntitle: Talks\nauthor: A. Writer\npublished: 2025-02-10\ntags: [talks, peace]\n---\nTalks were held on Monday.\n",
    );
    write(&d, "b.md", b"---\nauthor: B\n---\nNothing here.\n");
    let (docs, errs) = ingest::read_all(std::slice::from_ref(&d)).expect("readable");
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].meta.published, chrono::NaiveDate::from_ymd_opt(2025, 2, 10));
    assert_eq!(
        docs[0].ignored_fields,
        vec![("author".to_string(), 3), ("tags".to_string(), 5)]
    );
    let a = d.join("a.md").display().to_string();
    assert_eq!(
        ingest::ignored_fields_note(&docs),
        Some(format!(
            "front matter fields not read: author (2 files, first at {a}:3), tags ({a}:5)"
        ))
    );
    // the whole build goes through, and says nothing about them by default
    let (code, out, err) = run(bin().arg("tag").arg(&d));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"value\":\"2025-02-10\""), "{out}");
    assert!(!err.contains("author"), "{err}");
    let (code, _, err) = run(bin().arg("build").arg(&d).arg("--out").arg(d.join("out")));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_fields_the_engine_reads_are_still_checked() {
    let d = tmpdir("fm-bad");
    let p = write(&d, "a.md", b"---\nauthor: A\ntimezone: Mars/Olympus\n---\nBody.\n");
    let (code, _, err) = run(bin().arg("tag").arg(&p));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("a.md:3: front matter: `timezone`: unknown time zone \"Mars/Olympus\""),
        "{err}"
    );
}

// --- the anchors file -----------------------------------------------------

#[test]
fn the_anchors_file_beside_files_named_by_path_is_used_and_named() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let (pins, lookup) = pins::load_for(None, &files).expect("seeds/anchors.yaml");
    assert_eq!(pins.by_doc.len(), 5);
    assert_eq!(
        lookup.used,
        Some((seeds().join("anchors.yaml"), pins::Found::BesideFiles))
    );
    assert_eq!(
        lookup.notice(),
        Some(format!("using anchors file {}", seeds().join("anchors.yaml").display()))
    );
    // `build seeds/*.txt` gives what `build seeds` gives
    let d = tmpdir("beside");
    let (code, by_files, err) = run(bin().arg("build").args(&files).arg("--out").arg(d.join("a")));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("using anchors file "), "{err}");
    assert!(!err.contains("pin it in anchors.yaml"), "{err}");
    let (code, by_dir, err2) = run(bin().arg("build").arg(seeds()).arg("--out").arg(d.join("b")));
    assert_eq!(code, 0, "{err2}");
    let counts = |s: &str| s.split_once(": ").map(|(_, c)| c.to_string()).unwrap_or_default();
    assert_eq!(counts(&by_files), counts(&by_dir));
    assert!(by_files.contains("19 events"), "{by_files}");
}

#[test]
fn a_jsonl_file_named_by_path_uses_the_anchors_file_beside_it() {
    let d = tmpdir("beside-jsonl");
    let p = write(
        &d,
        "arts.jsonl",
        b"{\"doc\": \"a\", \"text\": \"Officials met yesterday.\"}\n",
    );
    write(&d, "anchors.yaml", b"a:\n  published: 2025-02-10\n");
    let (code, out, err) = run(bin().args(["anchors", "--format", "jsonl"]).arg(&p));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"status\":\"pinned\""), "{out}");
    assert!(
        err.contains(&format!("using anchors file {}", d.join("anchors.yaml").display())),
        "{err}"
    );
}

#[test]
fn files_from_several_folders_read_no_anchors_file_and_say_so() {
    let d = tmpdir("scattered");
    let a = write(&d, "x/a.txt", b"Talks were held on February 4, 2025.");
    let b = write(&d, "y/b.txt", b"Talks were held on February 5, 2025.");
    write(&d, "x/anchors.yaml", b"a:\n  published: 2025-02-10\n");
    let lookup = pins::locate(None, &[a.clone(), b.clone()]);
    assert_eq!(lookup.used, None);
    assert_eq!(lookup.not_read, vec![d.join("x/anchors.yaml")]);
    let (code, out, err) = run(bin().args(["anchors", "--format", "jsonl"]).arg(&a).arg(&b));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("pinned"), "{out}");
    assert!(
        err.contains(
            "anchors.yaml not read: the files named are in several folders; name the one to use with --anchors FILE"
        ),
        "{err}"
    );
    // naming it reads it, and says nothing more
    let (code, out, err) = run(bin()
        .args(["anchors", "--format", "jsonl", "--anchors"])
        .arg(d.join("x/anchors.yaml"))
        .arg(&a)
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"status\":\"pinned\""), "{out}");
    assert!(!err.contains("not read"), "{err}");
}

#[test]
fn a_document_pinned_twice_is_an_error_with_both_lines() {
    let d = tmpdir("pin-twice");
    write(&d, "002_x.txt", b"Talks were held on February 4, 2025.");
    write(
        &d,
        "anchors.yaml",
        b"# pins\n\n002_x:\n  published: 2025-02-10\n\n# later, by someone else\n002_x:\n  published: 2025-02-11\n",
    );
    let (code, out, err) = run(bin().arg("anchors").arg(&d));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("anchors.yaml:7: 002_x pinned twice (first at line 3)"),
        "{err}"
    );
}

#[test]
fn a_malformed_anchors_file_is_told_without_the_engines_types() {
    let d = tmpdir("pin-words");
    write(&d, "a.txt", b"Talks were held on February 4, 2025.");
    for (text, want) in [
        (
            "a:\n  - 2025-02-10\n",
            "anchors.yaml:1: a: expected `published:` / `retrieved:` / `note:`",
        ),
        ("- a: 2025-02-10\n", "anchors.yaml:1: not an anchors file: found a list"),
        (
            "a:\n  published: 2025-02-10\n   retrieved: x\n",
            "anchors.yaml:3: not an anchors file",
        ),
        (
            "a:\n  publish: 2025-02-10\n",
            "anchors.yaml:2: a: unknown field `publish`",
        ),
    ] {
        write(&d, "anchors.yaml", text.as_bytes());
        let (code, _, err) = run(bin().arg("check").arg(&d));
        assert_eq!(code, 2, "{text:?}: {err}");
        assert!(err.contains(want), "{text:?}: {err}");
        for internal in ["struct", "Entry", "sequence", "invalid type", "column"] {
            assert!(!err.contains(internal), "{text:?}: {err}");
        }
    }
}

// --- duplicate ids --------------------------------------------------------

#[test]
fn two_files_with_one_id_are_refused_naming_both() {
    let d = tmpdir("dup-files");
    write(&d, "x.md", b"Talks were held on February 4, 2025.");
    write(&d, "x.txt", b"Talks were held on February 5, 2025.");
    match ingest::read_all(std::slice::from_ref(&d)) {
        Err(IngestError::DuplicateIds(dups)) => {
            assert_eq!(dups.len(), 1);
            assert_eq!((dups[0].id.as_str(), dups[0].first_path.clone()), ("x", d.join("x.md")));
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    for cmd in ["build", "check", "anchors", "tag"] {
        let mut c = bin();
        c.arg(cmd).arg(&d);
        if cmd == "build" {
            c.arg("--out").arg(d.join("out"));
        }
        let (code, _, err) = run(&mut c);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(
            err.contains(&format!(
                "{}:1: document id \"x\" is used twice (first at {}:1)",
                d.join("x.txt").display(),
                d.join("x.md").display()
            )),
            "{cmd}: {err}"
        );
    }
    assert!(!d.join("out/chronology.yaml").exists());
}

#[test]
fn two_jsonl_lines_with_one_doc_are_refused_naming_both_lines() {
    let d = tmpdir("dup-jsonl");
    let p = write(
        &d,
        "in.jsonl",
        b"{\"doc\": \"a\", \"text\": \"on Monday\", \"dct\": \"2025-02-10\"}\n{\"doc\": \"b\", \"text\": \"x\"}\n\n{\"doc\": \"a\", \"text\": \"on Tuesday\"}\n{\"doc\": \"b\", \"text\": \"y\"}\n",
    );
    let (code, _, err) = run(bin().arg("check").arg(&p));
    assert_eq!(code, 2, "{err}");
    let f = p.display().to_string();
    assert!(
        err.contains(&format!("{f}:4: document id \"a\" is used twice (first at {f}:1)")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{f}:5: document id \"b\" is used twice (first at {f}:2)")),
        "{err}"
    );
}

// --- stdin ----------------------------------------------------------------

#[test]
fn plain_text_on_stdin_is_one_document_named_stdin() {
    let text = b"Talks were held on Monday.\nThey end on Friday.\n";
    let (code, out, err) = run_stdin(bin().args(["tag", "--dct", "2025-02-12", "-"]), text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|l| l.contains("\"doc\":\"stdin\"")), "{out}");
    assert!(!err.contains("expected value"), "{err}");
    // said outright, the same
    let (code, out2, _) = run_stdin(
        bin().args(["tag", "--dct", "2025-02-12", "--stdin-format", "text", "-"]),
        text,
    );
    assert_eq!((code, out2), (0, out));
    // build and check read it too
    let d = tmpdir("stdin-build");
    let (code, out, err) = run_stdin(bin().args(["build", "-", "--out"]).arg(d.join("out")), text);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 document,"), "{out}");
}

#[test]
fn json_lines_on_stdin_are_still_guessed_and_text_told_as_jsonl_says_what_to_do() {
    let jsonl = b"\n{\"doc\": \"a\", \"text\": \"on Monday\", \"dct\": \"2025-02-12\"}\n{\"doc\": \"b\", \"text\": \"on Friday\", \"dct\": \"2025-02-12\"}\n";
    let (code, out, err) = run_stdin(bin().args(["tag", "-"]), jsonl);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"doc\":\"a\"") && out.contains("\"doc\":\"b\""), "{out}");
    // line numbers count the blank first line
    let (code, _, err) = run_stdin(
        bin().args(["anchors", "--stdin-format", "jsonl", "-"]),
        b"\nPlain text, one line.\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("-:2: not a JSON record (each line is one object {\"doc\": \"ID\", \"text\": \"...\"}); for plain text on stdin give --stdin-format text"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

// --- bytes, empty and unreadable files, malformed lines -------------------

#[test]
fn bytes_that_are_not_utf8_are_reported_by_line_and_byte_offset() {
    let d = tmpdir("utf8");
    let p = write(
        &d,
        "f.txt",
        b"First line.\nSecond line.\nTalks on \xff February 4, 2025.\n",
    );
    let (code, out, err) = run(bin().args(["tag", "--dct", "2025-02-10"]).arg(&p));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("{}:3: not UTF-8 (byte offset 34)", p.display())),
        "{err}"
    );
    assert!(out.contains("2025-02-04"), "{out}");
    let j = write(
        &d,
        "f.jsonl",
        b"{\"doc\": \"a\", \"text\": \"ok\"}\n{\"doc\": \"b\", \"text\": \"\xfe on February 4, 2025\"}\n",
    );
    let (code, _, err) = run(bin().args(["tag", "--dct", "2025-02-10"]).arg(&j));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("{}:2: not UTF-8 (byte offset 49)", j.display())),
        "{err}"
    );
}

#[test]
fn empty_unreadable_and_malformed_inputs_are_named_never_a_panic() {
    let d = tmpdir("bad");
    write(&d, "empty.md", b"---\ntitle: T\n---\n\n");
    write(&d, "ok.txt", b"Talks were held on February 4, 2025.");
    write(
        &d,
        "in.jsonl",
        b"{\"doc\": \"a\", \"text\": \"x\"}\n{\"doc\": \"b\" \"text\": \"y\"}\n[1, 2]\n{\"doc\": \"c\", \"text\": \"\"}\n",
    );
    let (code, _, err) = run(bin().arg("anchors").arg(&d));
    assert_eq!(code, 2, "{err}");
    let f = |name: &str| d.join(name).display().to_string();
    assert!(
        err.contains(&format!("{}: the article is empty", f("empty.md"))),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:2: not valid JSON at column 13: expected `,` or `}}`",
            f("in.jsonl")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3: not a JSON record", f("in.jsonl"))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:4: document \"c\" is empty", f("in.jsonl"))),
        "{err}"
    );
    // build refuses what it cannot read, naming it
    let (code, _, err) = run(bin().arg("build").arg(&d).arg("--out").arg(d.join("out")));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("{}:2:", f("in.jsonl"))), "{err}");

    // a path that cannot be opened at all stops the run, naming it
    let through_a_file = d.join("ok.txt").join("x.txt");
    let (code, _, err) = run(bin().arg("tag").arg(&through_a_file));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("{}: cannot read: ", through_a_file.display())),
        "{err}"
    );

    // a file the system will not let us read (unless we run as root)
    let locked = write(&d, "locked/l.txt", b"Talks on Monday.");
    set_mode(&locked, 0o000);
    if std::fs::read(&locked).is_err() {
        let (code, _, err) = run(bin().arg("tag").arg(&locked).arg(d.join("ok.txt")));
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(&format!("{}: cannot read: ", locked.display())), "{err}");
    }
    set_mode(&locked, 0o644);
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

// --- issue 11: ingest is the first stage ----------------------------------

/// `ingest` uses no later stage (it used to format `tag::out_of_range`), and
/// the TimeML reader is named only where TimeML is read.
#[test]
fn ingest_depends_on_no_other_stage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest");
    for e in std::fs::read_dir(&dir).expect("src/ingest") {
        let p = e.expect("entry").path();
        let src = std::fs::read_to_string(&p).expect("source");
        for (i, line) in src.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                assert!(rest.starts_with("ingest"), "{}:{}: {line}", p.display(), i + 1);
            }
        }
    }
    let mod_rs = std::fs::read_to_string(dir.join("mod.rs")).expect("mod.rs");
    assert!(
        !mod_rs.contains("fn timeml_plain"),
        "the TimeML reader lives in timeml.rs"
    );
}
