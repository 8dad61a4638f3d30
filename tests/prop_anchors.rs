//! Property tests of the anchors-file reader (`anchors.yaml`, issue 14): it
//! never panics, every error names `anchors.yaml:LINE` with a line of the
//! file, every pin's line is its entry's, and valid files read as written.

mod prop_gen;

use chrono::NaiveDate;
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

proptest! {
    #![proptest_config(config(600))]

    #[test]
    fn any_anchors_file(text in anchors_file()) {
        let n = line_count(text.as_bytes());
        match read_anchors(&text) {
            Ok(p) => {
                for (doc, pin) in &p.by_doc {
                    prop_assert!((1..=n).contains(&pin.line), "{doc}: line {} of {n}", pin.line);
                }
            }
            // a line of the file, even for an error at its very end
            // (serde_yaml's end-of-stream mark): see regression_eof_line below
            Err(e) => names_place(&e.to_string(), "anchors.yaml", Some(n)).map_err(TestCaseError::fail)?,
        }
        prop_assert_eq!(format!("{:?}", read_anchors(&text)), format!("{:?}", read_anchors(&text)));
    }

    #[test]
    fn valid_pins_read_as_written(entries in proptest::collection::btree_map(0u32..100, (1900i32..2100, 1u32..366, 0u32..30, any::<bool>()), 0..6)) {
        let mut s = String::from("# pinned by hand\n");
        let mut want = Vec::new();
        for (k, (y, doy, later, both)) in &entries {
            let p = NaiveDate::from_yo_opt(*y, *doy).unwrap_or_default();
            let r = p.checked_add_days(chrono::Days::new(u64::from(*later))).unwrap_or(p);
            let line = s.lines().count() + 1;
            s.push_str(&format!("{k:03}_doc:\n  published: {p}  # a note\n"));
            if *both {
                s.push_str(&format!("  retrieved: {r}\n"));
            }
            want.push((format!("{k:03}_doc"), p, both.then_some(r), line));
        }
        let pins = read_anchors(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let got: Vec<_> = pins.by_doc.iter().map(|(d, p)| (d.clone(), p.published.unwrap_or_default(), p.retrieved, p.line)).collect();
        prop_assert_eq!(got, want);
    }
}

/// A YAML error at the end of the file named the line after the last
/// ("a: [" is one line, the error said line 2): it names the last line.
#[test]
fn regression_eof_line() {
    for t in ["a: [", "a: [\n", "010_doc:\n039_doc:\n    timezone: [unc"] {
        let e = read_anchors(t).map(|_| ()).map_err(|e| e.to_string());
        let msg = e.err().unwrap_or_default();
        assert!(
            names_place(&msg, "anchors.yaml", Some(t.lines().count().max(1))).is_ok(),
            "{msg}"
        );
    }
}
