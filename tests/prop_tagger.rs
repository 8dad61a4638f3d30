//! Property tests of the tagger and resolver (issue 14): on random bytes,
//! random words from the grammar's own lexicons, mutated example sentences
//! and absurd numbers, `tag` + `resolve_all` never panic, give spans inside
//! the text on char boundaries and in order, values that parse as TIMEX3,
//! and the same output twice. The long run is `examples/fuzz.rs`.

mod prop_gen;

use chronology::ingest::Document;
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

fn check_text(text: &str, dct: Option<chrono::NaiveDate>) -> Result<(), TestCaseError> {
    let (m, r) = tag_resolve(text, dct);
    check_mentions(text, 0..text.len(), &m).map_err(TestCaseError::fail)?;
    check_resolved(text, &r).map_err(TestCaseError::fail)?;
    let (m2, r2) = tag_resolve(text, dct);
    prop_assert_eq!(&m, &m2, "tag is not deterministic");
    prop_assert_eq!(&r, &r2, "resolve is not deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(config(600))]

    #[test]
    fn any_text_tags_and_resolves(text in any_text(), dct in any_dct()) {
        check_text(&text, dct)?;
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn absurd_numbers_never_panic(text in absurd_phrase(), dct in any_dct()) {
        check_text(&text, dct)?;
    }

    #[test]
    fn edges_of_the_calendar_never_panic(text in any_text(), dct in edge_dct()) {
        let (m, r) = tag_resolve(&text, dct);
        check_mentions(&text, 0..text.len(), &m).map_err(TestCaseError::fail)?;
        prop_assert!(r.iter().all(|x| text.get(x.start..x.end) == Some(x.text.as_str())));
    }

    #[test]
    fn mutated_examples(text in mutated_sentence(), dct in any_dct()) {
        check_text(&text, dct)?;
    }

    #[test]
    fn body_inside_text_stays_inside(text in any_text(), a in 0.0..1.0f64, b in 0.0..1.0f64) {
        // a body that starts or ends anywhere, even inside a character
        let (lo, hi) = ((text.len() as f64 * a.min(b)) as usize, (text.len() as f64 * a.max(b)) as usize);
        let m = chronology::tag::tag(&text, lo..hi);
        if text.is_char_boundary(lo) && text.is_char_boundary(hi) {
            check_mentions(&text, lo..hi, &m).map_err(TestCaseError::fail)?;
        } else {
            check_mentions(&text, 0..text.len(), &m).map_err(TestCaseError::fail)?;
        }
    }
}

proptest! {
    #![proptest_config(config(150))]

    #[test]
    fn anchor_inferred_from_text(text in any_text()) {
        let doc = Document::from_text("p", &text);
        let (m, r, anchors) = tag_infer(&doc);
        check_mentions(&text, 0..text.len(), &m).map_err(TestCaseError::fail)?;
        check_resolved(&text, &r).map_err(TestCaseError::fail)?;
        check_anchors(&text, &anchors).map_err(TestCaseError::fail)?;
        prop_assert_eq!(tag_infer(&doc), (m, r, anchors), "inference is not deterministic");
    }

    #[test]
    fn build_over_documents(texts in proptest::collection::vec(any_text(), 1..4)) {
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::from_text(&format!("d{i}"), t)).collect();
        let built = build(&docs);
        for (d, a) in docs.iter().zip(&built.anchors) {
            check_anchors(&d.text, std::slice::from_ref(a)).map_err(TestCaseError::fail)?;
        }
        for e in &built.chronology.events {
            prop_assert!(value_ok(&e.value), "event value {:?} does not parse", e.value);
            prop_assert!(e.start <= e.end, "event {} starts {} after it ends {}", e.id, e.start, e.end);
            if let Some(d) = docs.iter().find(|d| Some(&d.id) == e.doc.as_ref()) {
                let [s, t] = e.span;
                prop_assert!(d.text.get(s..t).is_some(), "event span {}..{} not in {}", s, t, d.id);
            }
        }
        prop_assert_eq!(build(&docs), built, "build is not deterministic");
    }
}

#[test]
fn generators_find_the_grammar() {
    assert!(lexicon_words().iter().any(|w| w == "february"));
    assert!(example_sentences().iter().any(|s| s.contains("February")));
    assert!(value_ok("2025-02-04") && value_ok("P3Y6M") && value_ok("XXXX-WXX-1") && value_ok("2025-02-10TMO"));
    assert!(value_ok("2026-02-04/2026-02-05") && value_ok("BC0044") && value_ok("199") && value_ok("PTXH"));
    assert!(!value_ok("2025-02-30") && !value_ok("12345") && !value_ok("P") && !value_ok("2025-13"));
}

// ---------------------------------------------------------------------------
// Cases found by the fuzzing (issue 14), kept as regression tests.

fn values(text: &str, dct: Option<chrono::NaiveDate>) -> Vec<String> {
    tag_resolve(text, dct).1.into_iter().map(|r| r.timex.value).collect()
}

/// "this morning" / "tonight" / "overnight" / "3:00 P.M. TODAY" with no
/// anchor gave `PRESENT_REFTMO`, `PRESENT_REFT15:00`: a part of day or a
/// A second year before the first is no range ("1532 – 1000": found by
/// `build_over_documents`, an event that ended before it began).
#[test]
fn regression_reversed_year_range() {
    for t in ["\"This 1532 \u{2013} 1000. ", "from 2010 to 2008"] {
        let docs = [Document::from_text("d0", t)];
        let built = build(&docs);
        for e in &built.chronology.events {
            assert!(
                e.start <= e.end,
                "{t:?}: event {} starts {} after it ends {}",
                e.id,
                e.start,
                e.end
            );
        }
    }
}

/// clock time on a day known only as a reference is on an unknown day,
/// `XXXX-XX-XXTMO`, as TimeML writes it.
#[test]
fn regression_ref_with_part_of_day() {
    for (t, want) in [
        ("this morning", "XXXX-XX-XXTMO"),
        ("tonight", "XXXX-XX-XXTNI"),
        ("overnight", "XXXX-XX-XXTNI"),
        ("3:00 P.M. TODAY", "XXXX-XX-XXT15:00"),
    ] {
        let v = values(t, None);
        assert!(v.iter().all(|v| value_ok(v)), "{t:?} -> {v:?}");
        assert_eq!(v, [want], "{t:?}");
    }
    // with an anchor the day is written
    let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 4);
    assert_eq!(values("tonight", day), ["2025-02-04TNI"]);
}

/// Years outside 0..=9999 were written as chrono writes them, not as TIMEX3
/// values: a year past 9999 (or before 9999 BC) drops the mention and
/// `out_of_range` reports it, as it does for "the year 99999"; a year before
/// 1 AD is written `BCnnnn` at every granularity (WikiWars: `BC0481-SU`).
#[test]
fn regression_year_out_of_range() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    for (t, dct) in [
        ("99999 years after", day(1933, 8, 9)),      // was "101941"
        ("10000 decades earlier", day(2078, 6, 27)), // was "BC97923"
        ("tomorrow", day(9999, 12, 31)),             // was "10000-01-01"
        ("68 weeks later", day(9999, 12, 31)),       // was "10001-W16"
    ] {
        let (m, r) = tag_resolve(t, dct);
        let v: Vec<_> = r.iter().map(|r| r.timex.value.as_str()).collect();
        assert!(!m.is_empty() && r.is_empty(), "{t:?} at {dct:?} -> {v:?}");
        let out = chronology::tag::out_of_range::out_of_range(t, 0..t.len(), &m, &r);
        assert!(!out.is_empty(), "{t:?} at {dct:?}: not reported as out of range");
    }
    for (t, dct, want) in [
        ("In October prices rose", day(0, 1, 1), "BC0002-10"), // was "-001-10"
        ("June 1", day(0, 1, 1), "BC0002-06-01"),              // was "-001-06-01"
        ("today", day(0, 1, 1), "BC0001-01-01"),
        ("today", day(9999, 12, 31), "9999-12-31"),
        ("480 BC", None, "BC0480"),
    ] {
        let v = values(t, dct);
        assert!(v.iter().all(|v| value_ok(v)), "{t:?} at {dct:?} -> {v:?}");
        assert_eq!(v, [want], "{t:?} at {dct:?}");
    }
}
