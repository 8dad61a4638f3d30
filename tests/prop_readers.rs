//! Property tests of the input readers (issue 14): front matter (`.md`),
//! JSON lines and TimeML, on generated and damaged files. They never panic,
//! every error names the file (and the line, where the format has lines), a
//! document's body is a char-boundary range of its text, and reading twice
//! gives the same. Each reader is called through one adapter in `prop_gen`.

mod prop_gen;

use chronology::ingest::{Document, IngestError};
use prop_gen::*;
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

fn check(ext: &str, bytes: &[u8], out: &[Result<Document, IngestError>], lines: bool) -> Result<(), TestCaseError> {
    let file = scratch_name(ext);
    let n = line_count(bytes);
    for r in out {
        match r {
            Ok(d) => {
                prop_assert!(
                    d.text.get(d.body.clone()).is_some(),
                    "body {:?} not in the text",
                    d.body
                );
                prop_assert!((1..=n).contains(&d.line), "line {} of {}", d.line, n);
                let m = chronology::tag::tag(&d.text, d.body.clone());
                check_mentions(&d.text, d.body.clone(), &m).map_err(TestCaseError::fail)?;
            }
            // a line of the file, even for a YAML error at its very end
            // (regression_eof_line_front_matter)
            Err(e) => names_place(&e.to_string(), &file, lines.then_some(n)).map_err(TestCaseError::fail)?,
        }
    }
    Ok(())
}

fn same(a: &[Result<Document, IngestError>], b: &[Result<Document, IngestError>]) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn front_matter_files(bytes in front_matter_file()) {
        let out = read_front_matter(&bytes);
        prop_assert_eq!(out.len(), 1);
        check("md", &bytes, &out, true)?;
        prop_assert!(same(&out, &read_front_matter(&bytes)), "not deterministic");
    }

    #[test]
    fn jsonl_files(bytes in jsonl_file()) {
        let out = read_jsonl(&bytes);
        check("jsonl", &bytes, &out, true)?;
        prop_assert!(same(&out, &read_jsonl(&bytes)), "not deterministic");
    }

    #[test]
    fn timeml_files(bytes in timeml_file()) {
        let out = read_timeml(&bytes);
        prop_assert_eq!(out.len(), 1);
        check("tml", &bytes, &out, false)?;
        prop_assert!(same(&out, &read_timeml(&bytes)), "not deterministic");
    }

    #[test]
    fn random_bytes_in_every_reader(bytes in random_bytes()) {
        check("md", &bytes, &read_front_matter(&bytes), true)?;
        check("jsonl", &bytes, &read_jsonl(&bytes), true)?;
        check("tml", &bytes, &read_timeml(&bytes), false)?;
    }

    /// Valid front matter: the date is read and the body starts after the closing line.
    #[test]
    fn valid_front_matter_is_read(y in 1900i32..2100, doy in 1u32..366, body in any_text()) {
        let day = chrono::NaiveDate::from_yo_opt(y, doy).unwrap_or_default();
        let text = format!("---\npublished: {day}\ntitle: T\n---\n{body}");
        let out = read_front_matter(text.as_bytes());
        let d = out.into_iter().next().and_then(Result::ok);
        prop_assert!(d.is_some());
        let d = d.unwrap_or_else(|| Document::from_text("x", ""));
        prop_assert_eq!(d.meta.published, Some(day));
        prop_assert_eq!(d.body_text(), body.as_str());
    }

    /// Valid JSONL records among blank lines: each text as written, each line counted.
    #[test]
    fn valid_jsonl_lines_are_counted(texts in proptest::collection::vec((any_text(), any::<bool>()), 1..5)) {
        let mut s = String::new();
        let mut want = Vec::new();
        let mut line = 0;
        for (i, (t, blank)) in texts.iter().enumerate() {
            if *blank {
                s.push('\n');
                line += 1;
            }
            s.push_str(&serde_json::json!({"doc": format!("d{i}"), "text": t}).to_string());
            s.push('\n');
            line += 1;
            want.push((t.clone(), line));
        }
        let got: Vec<(String, usize)> = read_jsonl(s.as_bytes()).into_iter().filter_map(Result::ok).map(|d| (d.text, d.line)).collect();
        prop_assert_eq!(got, want);
    }

    /// What `tag --format timeml` writes reads back as the same text.
    #[test]
    fn timeml_round_trip(text in any_text(), dct in any_dct()) {
        let mut doc = Document::from_text("rt", &text);
        doc.meta.published = dct;
        let (_, r) = tag_resolve(&text, dct);
        let tml = chronology::emit::timeml::document(&doc, &r);
        let back = timeml_plain(&tml);
        prop_assert!(back.is_some(), "no <TEXT> in what we wrote");
        let back = back.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(back.text, text);
    }
}

/// A YAML error at the very end of the front matter named the line after
/// its last ("title: [" left open on line 2 gave line 3, the closing `---`;
/// with no closing line, the line after the file's last).
#[test]
fn regression_eof_line_front_matter() {
    for (t, line) in [
        ("---\ntitle: [\n---\nBody\n", 2),
        ("---\ntitle: T\npublished: [2025\n---\n", 3),
    ] {
        let out = read_front_matter(t.as_bytes());
        let msg = match out.first() {
            Some(Err(e)) => e.to_string(),
            other => panic!("{t:?}: expected an error, got {other:?}"),
        };
        let at = msg.split(':').nth(1).and_then(|l| l.parse::<usize>().ok());
        assert_eq!(at, Some(line), "{t:?}: {msg}");
    }
}
