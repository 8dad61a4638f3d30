//! Issue 3: the seeds' publication dates inferred from the text alone (no pins).

use std::path::PathBuf;

use chrono::NaiveDate;
use chronology::anchor::{self, Anchor, Pins, Status};
use chronology::ingest;
use chronology::pipeline::Pipeline;
use serde::Deserialize;

#[derive(Deserialize)]
struct TextOnly {
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct Gold {
    doc: String,
    dct: NaiveDate,
    text_only: TextOnly,
}

/// The pipeline, its grammar checked.
fn pipeline() -> Pipeline {
    Pipeline::new().expect("the grammar loads")
}

fn seeds() -> Vec<anchor::Anchor> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (docs, errs) = ingest::read_all(&[dir]).expect("seeds/ is readable");
    assert!(errs.is_empty(), "{errs:?}");
    pipeline().anchors(&docs, &Pins::default(), None)
}

fn gold() -> Vec<Gold> {
    let text = include_str!("fixtures/seeds_anchors.yaml");
    serde_yaml::from_str(text).expect("fixture parses")
}

#[test]
fn every_seed_interval_contains_its_publication_date() {
    let anchors = seeds();
    for g in gold() {
        let a = anchors.iter().find(|a| a.doc == g.doc).expect("an anchor per seed");
        assert!(
            a.earliest.is_none_or(|e| e <= g.dct) && a.latest.is_none_or(|l| g.dct <= l),
            "{}: {:?}..{:?} misses {}; evidence: {:#?}",
            g.doc,
            a.earliest,
            a.latest,
            g.dct,
            a.evidence
        );
    }
}

#[test]
fn seeds_the_text_bounds_are_bounded_within_a_month_or_two() {
    let anchors = seeds();
    for g in gold() {
        let (Some(te), Some(tl)) = (g.text_only.earliest, g.text_only.latest) else {
            continue;
        };
        let a = anchors.iter().find(|a| a.doc == g.doc).expect("an anchor per seed");
        let (Some(e), Some(l)) = (a.earliest, a.latest) else {
            panic!(
                "{}: expected both bounds, got {:?}..{:?}: {:#?}",
                g.doc, a.earliest, a.latest, a.evidence
            );
        };
        assert!((te - e).num_days() <= 62, "{}: earliest {e} is far before {te}", g.doc);
        assert!((l - tl).num_days() <= 62, "{}: latest {l} is far after {tl}", g.doc);
        assert!(
            matches!(a.status, Status::Bounded | Status::Determined),
            "{}: {:?}",
            g.doc,
            a.status
        );
    }
}

#[test]
fn seeds_without_a_year_or_an_upper_bound_are_under_determined_with_a_reason() {
    let anchors = seeds();
    for doc in ["000_89f4313892e122e5", "002_4ced0c1f17db292f"] {
        let a = anchors.iter().find(|a| a.doc == doc).expect("an anchor");
        assert_eq!(a.status, Status::UnderDetermined, "{doc}");
        let reason = a.reason.as_deref().unwrap_or("");
        assert!(!reason.is_empty(), "{doc}: no reason");
    }
    let a = anchors.iter().find(|a| a.doc == "000_89f4313892e122e5").expect("000");
    assert!(
        a.reason.as_deref().is_some_and(|r| r.contains("no year is stated")),
        "{:?}",
        a.reason
    );
    let b = anchors.iter().find(|a| a.doc == "002_4ced0c1f17db292f").expect("002");
    assert!(
        b.reason.as_deref().is_some_and(|r| r.contains("Published 1 day ago")),
        "002 should say the page stamp needs a retrieval date: {:?}",
        b.reason
    );
}

#[test]
fn the_2024_footer_of_004_is_reported_against_its_body() {
    let anchors = seeds();
    let a = anchors.iter().find(|a| a.doc == "004_9036e0b901c7c344").expect("004");
    let c = a
        .conflicts
        .iter()
        .find(|c| c.kind == "copyright_vs_body")
        .expect("a copyright conflict");
    assert!(c.statements.iter().any(|s| s.text.contains("© 2024")), "{c:?}");
    // no other seed has one
    for other in anchors.iter().filter(|a| a.doc != "004_9036e0b901c7c344") {
        assert!(other.conflicts.is_empty(), "{}: {:?}", other.doc, other.conflicts);
    }
}

#[test]
fn retrieval_date_with_the_page_stamp_bounds_002() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (docs, _) = ingest::read_all(&[dir]).expect("seeds/ is readable");
    let r = NaiveDate::from_ymd_opt(2025, 6, 2);
    let anchors = pipeline().anchors(&docs, &Pins::default(), r);
    let a = anchors.iter().find(|a| a.doc == "002_4ced0c1f17db292f").expect("002");
    let dct = NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
    assert!(
        a.earliest.is_some_and(|e| e <= dct) && a.latest.is_some_and(|l| dct <= l),
        "{a:?}"
    );
    assert!(a
        .latest
        .is_some_and(|l| l <= NaiveDate::from_ymd_opt(2025, 6, 2).expect("date")));
}

/// A lone far-off past date is no longer set aside (issue 13): the byline's
/// day is the best guess with or without the comment stamps a day later,
/// and the interval holds it. (It was the hard interval [25, 26 April]; the
/// tempered tail of a stamp, seen later than the publication by up to a
/// week, leaves the upper side open at 0.97.)
#[test]
fn a_lone_late_date_stands_when_an_upper_bound_agrees() {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let byline = "Ann Lee | 18:00 UK time , Saturday , 25 April 2009 Experts met about the new flu virus . \
                  The last pandemic was in 1968 and killed a million people . ";
    let comments = "At 12:19 26th Apr 2009 , reader1 wrote : I agree . At 13:18 26th Apr 2009 , reader2 wrote : No .";
    let doc = ingest::Document::from_text("d", &format!("{byline}{comments}"));
    let a = &pipeline().anchors(std::slice::from_ref(&doc), &Pins::default(), None)[0];
    let holds = |a: &Anchor, d: NaiveDate| a.earliest.is_none_or(|e| e <= d) && a.latest.is_none_or(|l| d <= l);
    let near = |a: &Anchor| a.best.is_some_and(|b| b >= day("2009-04-25") && b <= day("2009-04-26"));
    assert!(holds(a, day("2009-04-25")) && near(a), "{a:#?}");
    let doc = ingest::Document::from_text("d", byline);
    let a = &pipeline().anchors(std::slice::from_ref(&doc), &Pins::default(), None)[0];
    assert!(holds(a, day("2009-04-25")) && near(a), "{a:#?}");
}
