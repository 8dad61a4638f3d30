//! The order stage on hand-built mentions: each conflict kind with a
//! consistent twin that must stay clean.

use crate::schema::Conflict;
use pretty_assertions::assert_eq;

use super::*;
use crate::anchor::Status;
use crate::resolve::Tense;
use crate::timex::{Timex, TimexMod, TimexType};

fn pinned(doc: &str, day: &str) -> Anchor {
    let d = crate::ingest::parse_day(day);
    Anchor {
        doc: doc.into(),
        earliest: d,
        latest: d,
        best: d,
        confidence: None,
        status: Status::Pinned,
        reason: None,
        text_earliest: None,
        text_latest: None,
        evidence: Vec::new(),
        conflicts: Vec::new(),
    }
}

/// A mention of `at` (its `nth` occurrence) in `text`.
fn m(text: &str, at: &str, value: &str, from: &str, to: &str) -> Resolved {
    let start = text.find(at).expect("fixture text holds the mention");
    Resolved {
        start,
        end: start + at.len(),
        text: at.into(),
        timex: Timex {
            kind: if value.starts_with('P') {
                TimexType::Duration
            } else {
                TimexType::Date
            },
            value: value.into(),
            modifier: None,
            from: crate::ingest::parse_day(from),
            to: crate::ingest::parse_day(to),
            why: String::new(),
            ambiguous: false,
        },
        range: None,
        tense: Tense::Past,
        weekday: None,
        partial: None,
    }
}

struct Corpus {
    docs: Vec<Document>,
    anchors: Vec<Anchor>,
    resolved: Vec<Vec<Resolved>>,
}

impl Corpus {
    fn new() -> Corpus {
        Corpus {
            docs: Vec::new(),
            anchors: Vec::new(),
            resolved: Vec::new(),
        }
    }
    fn doc(mut self, id: &str, text: &str, dct: &str, resolved: Vec<Resolved>) -> Corpus {
        self.docs.push(Document::from_text(id, text));
        self.anchors.push(pinned(id, dct));
        self.resolved.push(resolved);
        self
    }
    fn build(&self) -> Chronology {
        let inputs: Vec<DocInput<'_>> = (0..self.docs.len())
            .map(|i| DocInput {
                doc: &self.docs[i],
                anchor: &self.anchors[i],
                resolved: &self.resolved[i],
                furniture: &[],
            })
            .collect();
        build_chronology(&inputs)
    }
}

fn kinds(c: &Chronology) -> Vec<&str> {
    c.conflicts.iter().map(|c| c.kind.as_str()).collect()
}

fn range(text: &str, a: (&str, &str), b: (&str, &str)) -> Vec<Resolved> {
    let mut x = m(text, a.0, a.1, a.1, a.1);
    let mut y = m(text, b.0, b.1, b.1, b.1);
    x.range = Some("r1".into());
    y.range = Some("r1".into());
    vec![x, y]
}

#[test]
fn inverted_range_and_its_twin() {
    let bad = "The book fair ran from March 9, 2024 to March 3, 2024 in Lyon.";
    let c = Corpus::new()
        .doc(
            "a",
            bad,
            "2024-04-01",
            range(bad, ("March 9, 2024", "2024-03-09"), ("March 3, 2024", "2024-03-03")),
        )
        .build();
    assert_eq!(kinds(&c), vec!["inverted_range"]);
    let k = &c.conflicts[0];
    assert_eq!(k.statements[0].text, bad);
    assert_eq!(
        k.explanation,
        "“March 9, 2024 to March 3, 2024” ends (2024-03-03 to 2024-03-03) before it starts (2024-03-09 to 2024-03-09)."
    );
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].conflicts, vec![k.id.clone()]);

    let good = "The book fair ran from March 3 to March 9 in Lyon.";
    let c = Corpus::new()
        .doc(
            "a",
            good,
            "2024-04-01",
            range(good, ("March 3", "2024-03-03"), ("March 9", "2024-03-09")),
        )
        .build();
    assert!(c.conflicts.is_empty());
    assert_eq!(
        (c.events[0].start.to_string(), c.events[0].end.to_string()),
        ("2024-03-03".into(), "2024-03-09".into())
    );
}

const TALKS_A: &str = "Peace talks between Ukrainian and Russian delegations in Istanbul were held on May 16, 2025.";
const TALKS_B: &str = "Ukrainian and Russian delegations met for peace talks in Istanbul on May 20, 2025.";

#[test]
fn event_dates_and_its_twin() {
    let c = Corpus::new()
        .doc(
            "a",
            TALKS_A,
            "2025-05-17",
            vec![m(TALKS_A, "May 16, 2025", "2025-05-16", "2025-05-16", "2025-05-16")],
        )
        .doc(
            "b",
            TALKS_B,
            "2025-05-21",
            vec![m(TALKS_B, "May 20, 2025", "2025-05-20", "2025-05-20", "2025-05-20")],
        )
        .build();
    assert_eq!(kinds(&c), vec!["event_dates"]);
    assert_eq!(c.conflicts[0].docs, vec!["a", "b"]);
    assert_eq!(c.events.len(), 2, "a link that failed does not merge");

    let c = Corpus::new()
        .doc(
            "a",
            TALKS_A,
            "2025-05-17",
            vec![m(TALKS_A, "May 16, 2025", "2025-05-16", "2025-05-16", "2025-05-16")],
        )
        .doc(
            "b",
            TALKS_B,
            "2025-05-17",
            vec![m(TALKS_B, "May 20, 2025", "2025-05-16", "2025-05-16", "2025-05-16")],
        )
        .build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].docs, vec!["a", "b"]);
    assert_eq!(c.events[0].doc, None);
    assert_eq!(c.events[0].sources.len(), 2);
}

#[test]
fn unrelated_events_on_different_days_are_not_linked() {
    let a = "Floods hit the northern province of Ubon on May 16.";
    let c = Corpus::new()
        .doc(
            "a",
            a,
            "2025-05-17",
            vec![m(a, "May 16", "2025-05-16", "2025-05-16", "2025-05-16")],
        )
        .doc(
            "b",
            TALKS_B,
            "2025-05-21",
            vec![m(TALKS_B, "May 20, 2025", "2025-05-20", "2025-05-20", "2025-05-20")],
        )
        .build();
    assert!(c.conflicts.is_empty());
    assert_eq!(c.events.len(), 2);
    // in time order
    assert_eq!(c.events[0].doc.as_deref(), Some("a"));
}

fn bridge(opened: &str, year: &str) -> (String, Vec<Resolved>) {
    let text = format!(
        "The Tappan bridge opened in {opened}. It closed on Monday, 30 years after the bridge first carried cars."
    );
    let y = m(&text, opened, year, &format!("{year}-01-01"), &format!("{year}-12-31"));
    let mon = m(&text, "Monday", "2026-02-09", "2026-02-09", "2026-02-09");
    let dur = m(&text, "30 years", "P30Y", "", "");
    (text, vec![y, mon, dur])
}

#[test]
fn duration_arithmetic_and_its_twin() {
    let (text, res) = bridge("1998", "1998");
    let c = Corpus::new().doc("a", &text, "2026-02-10", res).build();
    assert_eq!(kinds(&c), vec!["duration_arithmetic"]);
    assert_eq!(
        c.conflicts[0].explanation,
        "“30 years after” does not add up: “Monday” (2026-02-09) and “1998” (1998-01-01 to 1998-12-31) are 27 to 28 years apart."
    );
    assert_eq!(c.conflicts[0].statements.len(), 2);

    let (text, res) = bridge("1996", "1996");
    let c = Corpus::new().doc("a", &text, "2026-02-10", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn vague_durations_get_tolerance() {
    // "nearly three years" is a bound: 2 years and 10 months is fine.
    let text = "The siege began in April 2022. It ended on February 9, nearly three years after it began.";
    let mut dur = m(text, "three years", "P3Y", "", "");
    dur.timex.modifier = Some(TimexMod::LessThan);
    let res = vec![
        m(text, "April 2022", "2022-04", "2022-04-01", "2022-04-30"),
        m(text, "February 9", "2025-02-09", "2025-02-09", "2025-02-09"),
        dur,
    ];
    let c = Corpus::new().doc("a", text, "2025-02-10", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn order_words_and_their_twin() {
    let bad = "Leaders met in Paris on March 10 ahead of the summit on March 5, 2024.";
    let res = vec![
        m(bad, "March 10", "2024-03-10", "2024-03-10", "2024-03-10"),
        m(bad, "March 5, 2024", "2024-03-05", "2024-03-05", "2024-03-05"),
    ];
    let c = Corpus::new().doc("a", bad, "2024-03-20", res).build();
    assert_eq!(kinds(&c), vec!["event_order"]);

    let good = "Leaders met in Paris on March 1 ahead of the summit on March 5, 2024.";
    let res = vec![
        m(good, "March 1", "2024-03-01", "2024-03-01", "2024-03-01"),
        m(good, "March 5, 2024", "2024-03-05", "2024-03-05", "2024-03-05"),
    ];
    let c = Corpus::new().doc("a", good, "2024-03-20", res).build();
    assert!(c.conflicts.is_empty());
    assert_eq!(c.events[0].expression, "March 1");
}

#[test]
fn order_words_between_two_year_less_dates_are_not_read() {
    // t17 H1N1: "in the first quarter following a contraction in the fourth
    // quarter", both years taken from the article's date one by one.
    let text = "GDP fell in the first quarter following a contraction in the fourth quarter.";
    let res = vec![
        m(text, "the first quarter", "2009-Q1", "2009-01-01", "2009-03-31"),
        m(text, "the fourth quarter", "2009-Q4", "2009-10-01", "2009-12-31"),
    ];
    let c = Corpus::new().doc("a", text, "2009-06-01", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn weekday_mismatch_and_its_twin() {
    let text = "The ministers met on Monday, February 6 in Kyiv.";
    let mut r = m(text, "Monday, February 6", "2024-02-06", "2024-02-06", "2024-02-06");
    r.weekday = Some(chrono::Weekday::Mon);
    let c = Corpus::new().doc("a", text, "2024-02-07", vec![r.clone()]).build();
    assert_eq!(kinds(&c), vec!["weekday_mismatch"]);
    assert_eq!(
        c.conflicts[0].explanation,
        "“Monday, February 6” names a Monday, but February 6, 2024 was a Tuesday."
    );
    r.timex.value = "2023-02-06".into();
    r.timex.from = crate::ingest::parse_day("2023-02-06");
    r.timex.to = r.timex.from;
    let c = Corpus::new().doc("a", text, "2023-02-07", vec![r]).build();
    assert!(c.conflicts.is_empty());
}

#[test]
fn anchor_conflicts_pass_through_and_output_is_deterministic() {
    let text = "Talks were held on May 16.\n© 2030 News";
    let mut corpus = Corpus::new().doc(
        "a",
        text,
        "2025-05-17",
        vec![m(text, "May 16", "2025-05-16", "2025-05-16", "2025-05-16")],
    );
    corpus.anchors[0].conflicts.push(Conflict {
        id: "c-anchor".into(),
        kind: "copyright_vs_body".into(),
        docs: vec!["a".into()],
        statements: vec![Statement {
            doc: "a".into(),
            span: [27, 38],
            text: "© 2030 News".into(),
        }],
        explanation: "x".into(),
        events: Vec::new(),
    });
    let a = corpus.build();
    assert_eq!(kinds(&a), vec!["copyright_vs_body"]);
    assert_eq!(a, corpus.build());
    assert_eq!(a.events[0].id, event_id("a", [19, 25], "May 16"));
    assert_eq!(a.events[0].text, "Talks were held");
}

#[test]
fn fnv_is_fixed() {
    // FNV-1a of nothing is its offset basis; ids never change between runs.
    assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
    assert_eq!(event_id("d", [1, 2], "x"), event_id("d", [1, 2], "x"));
    assert_ne!(event_id("d", [1, 2], "x"), event_id("d", [1, 3], "x"));
}

#[test]
fn two_relative_dates_of_a_quoted_sentence_are_no_conflict() {
    // A year-less date or a weekday resolved against each article's date
    // is no evidence either.
    // t17 bpoil: "And today, as we look to the Gulf, …" quoted by two outlets
    // on different days; "today" is the speech's day, not each article's.
    let text = "And today, as we look to the Gulf, we see an entire way of life threatened by Deepwater crude.";
    let c = Corpus::new()
        .doc(
            "a",
            text,
            "2010-06-16",
            vec![m(text, "today", "2010-06-16", "2010-06-16", "2010-06-16")],
        )
        .doc(
            "b",
            text,
            "2010-06-24",
            vec![m(text, "today", "2010-06-24", "2010-06-24", "2010-06-24")],
        )
        .build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn a_caption_reused_on_other_dates_is_a_template_not_a_conflict() {
    // t17 bpoil: "A logo is seen at a BP fuel station in London July 27, 2010"
    // and the same caption under a November photo.
    let a = "A logo is seen at a BP fuel station in London on July 27, 2010.";
    let b = "A logo is seen at a BP fuel station in London on November 2, 2010.";
    let c = Corpus::new()
        .doc(
            "a",
            a,
            "2010-07-28",
            vec![m(a, "July 27, 2010", "2010-07-27", "2010-07-27", "2010-07-27")],
        )
        .doc(
            "b",
            b,
            "2010-11-03",
            vec![m(b, "November 2, 2010", "2010-11-02", "2010-11-02", "2010-11-02")],
        )
        .build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn a_weekday_against_a_guessed_year_is_no_conflict() {
    let text = "The ministers met on Sunday, April 26 in Kyiv.";
    let mut r = m(text, "Sunday, April 26", "1917-04-26", "1917-04-26", "1917-04-26");
    r.weekday = Some(chrono::Weekday::Sun);
    let mut corpus = Corpus::new().doc("a", text, "1917-05-01", vec![r]);
    corpus.anchors[0].status = Status::Bounded;
    corpus.anchors[0].latest = None;
    assert!(corpus.build().conflicts.is_empty());
}

#[test]
fn captions_and_stamps_are_not_reported() {
    // t17 bpoil: two captions of different photos, dates without a preposition.
    let a = "A logo is seen at a BP fuel station in London July 27, 2010.";
    let b = "A BP logo is seen on a petrol station in London November 2, 2010.";
    let c = Corpus::new()
        .doc(
            "a",
            a,
            "2010-07-28",
            vec![m(a, "July 27, 2010", "2010-07-27", "2010-07-27", "2010-07-27")],
        )
        .doc(
            "b",
            b,
            "2010-11-03",
            vec![m(b, "November 2, 2010", "2010-11-02", "2010-11-02", "2010-11-02")],
        )
        .build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

fn day(text: &str, at: &str, d: &str) -> Resolved {
    m(text, at, d, d, d)
}

fn year(text: &str, at: &str, y: &str) -> Resolved {
    m(text, at, y, &format!("{y}-01-01"), &format!("{y}-12-31"))
}

#[test]
fn a_range_told_as_two_dates_and_its_twin() {
    let bad = "The exhibition runs from 12 May to 3 May at the town hall.";
    let res = vec![day(bad, "12 May", "2022-05-12"), day(bad, "3 May", "2022-05-03")];
    let c = Corpus::new().doc("a", bad, "2022-04-01", res).build();
    assert_eq!(kinds(&c), vec!["inverted_range"]);
    let bad = "Between 2019 and 2015, the population fell.";
    let res = vec![year(bad, "2019", "2019"), year(bad, "2015", "2015")];
    assert_eq!(
        kinds(&Corpus::new().doc("a", bad, "2021-02-01", res).build()),
        vec!["inverted_range"]
    );

    let good = "Between 2015 and 2019, the population fell.";
    let res = vec![year(good, "2015", "2015"), year(good, "2019", "2019")];
    assert!(Corpus::new()
        .doc("a", good, "2021-02-01", res)
        .build()
        .conflicts
        .is_empty());
    // a date moved, not a range
    let moved = "The vote was moved from 12 May to 3 May.";
    let res = vec![day(moved, "12 May", "2022-05-12"), day(moved, "3 May", "2022-05-03")];
    assert!(Corpus::new()
        .doc("a", moved, "2022-04-01", res)
        .build()
        .conflicts
        .is_empty());
}

#[test]
fn an_order_word_opening_a_clause_and_its_twin() {
    let bad = "Shares rose on 3 May, after the company published its results on 8 May.";
    let res = vec![day(bad, "3 May", "2021-05-03"), day(bad, "8 May", "2021-05-08")];
    let c = Corpus::new().doc("a", bad, "2021-05-12", res).build();
    assert_eq!(kinds(&c), vec!["event_order"]);
    let good = "Shares rose on 9 May, after the company published its results on 8 May.";
    let res = vec![day(good, "9 May", "2021-05-09"), day(good, "8 May", "2021-05-08")];
    assert!(Corpus::new()
        .doc("a", good, "2021-05-12", res)
        .build()
        .conflicts
        .is_empty());
    // another clause begins: no order between the two
    let other = "He joined the firm in 2009 following a merger and rose to the board in 2004.";
    let res = vec![year(other, "2009", "2009"), year(other, "2004", "2004")];
    assert!(Corpus::new()
        .doc("a", other, "2010-01-01", res)
        .build()
        .conflicts
        .is_empty());
}

#[test]
fn a_date_told_twice_in_apposition_and_its_twin() {
    let bad = "Yesterday, March 3, the mayor signed the order.";
    let res = vec![day(bad, "Yesterday", "2022-03-09"), day(bad, "March 3", "2022-03-03")];
    let c = Corpus::new().doc("a", bad, "2022-03-10", res).build();
    assert_eq!(kinds(&c), vec!["event_dates"]);
    assert_eq!(c.conflicts[0].statements.len(), 1);
    let res = vec![day(bad, "Yesterday", "2022-03-03"), day(bad, "March 3", "2022-03-03")];
    assert!(Corpus::new()
        .doc("a", bad, "2022-03-04", res)
        .build()
        .conflicts
        .is_empty());
    // a list of dates is no apposition
    let list = "They met on March 3, March 9 and March 12.";
    let res = vec![
        day(list, "March 3", "2022-03-03"),
        day(list, "March 9", "2022-03-09"),
        day(list, "March 12", "2022-03-12"),
    ];
    assert!(Corpus::new()
        .doc("a", list, "2022-03-20", res)
        .build()
        .conflicts
        .is_empty());
    // "five days later" with no date before it was counted from the article's date
    let lone = "BP decided it was not needed. Five days later, on April 20, the well blew out.";
    let res = vec![
        day(lone, "Five days later", "2010-09-14"),
        day(lone, "April 20", "2010-04-20"),
    ];
    assert!(Corpus::new()
        .doc("a", lone, "2010-09-09", res)
        .build()
        .conflicts
        .is_empty());
}

#[test]
fn anniversaries_and_ages_and_their_twins() {
    let text = "The dam, completed in 1971, marked its 40th anniversary this week.";
    let res = vec![
        year(text, "1971", "1971"),
        m(text, "this week", "2023-W19", "2023-05-08", "2023-05-14"),
    ];
    let c = Corpus::new().doc("a", text, "2023-05-10", res).build();
    assert_eq!(kinds(&c), vec!["duration_arithmetic"]);
    let text = "The dam, completed in 1983, marked its 40th anniversary this week.";
    let res = vec![
        year(text, "1983", "1983"),
        m(text, "this week", "2023-W19", "2023-05-08", "2023-05-14"),
    ];
    assert!(Corpus::new()
        .doc("a", text, "2023-05-10", res)
        .build()
        .conflicts
        .is_empty());

    let text = "The harbour master, Marta Velez, 45, grew up here. Velez was born in 1960.";
    let res = vec![year(text, "1960", "1960")];
    let c = Corpus::new().doc("a", text, "2022-08-01", res).build();
    assert_eq!(kinds(&c), vec!["duration_arithmetic"]);
    let text = "The harbour master, Marta Velez, 62, grew up here. Velez was born in 1960.";
    let res = vec![year(text, "1960", "1960")];
    assert!(Corpus::new()
        .doc("a", text, "2022-08-01", res)
        .build()
        .conflicts
        .is_empty());
}

#[test]
fn how_long_after_a_start_and_its_twin() {
    let bad = "The strike began on January 5 and ended on January 9, after three weeks of pickets.";
    let res = vec![
        day(bad, "January 5", "2024-01-05"),
        day(bad, "January 9", "2024-01-09"),
        m(bad, "three weeks", "P3W", "", ""),
    ];
    let c = Corpus::new().doc("a", bad, "2024-02-01", res).build();
    assert_eq!(kinds(&c), vec!["duration_arithmetic"]);
    let good = "The strike began on January 5 and ended on January 26, after three weeks of pickets.";
    let res = vec![
        day(good, "January 5", "2024-01-05"),
        day(good, "January 26", "2024-01-26"),
        m(good, "three weeks", "P3W", "", ""),
    ];
    assert!(Corpus::new()
        .doc("a", good, "2024-02-01", res)
        .build()
        .conflicts
        .is_empty());
}

#[test]
fn anchor_conflicts_of_one_kind_are_one_and_a_conflicting_anchor_is_reported() {
    let text = "Talks were held on May 16. Related: vote on May 20. Related: poll on May 22.";
    let mut corpus = Corpus::new().doc("a", text, "2025-05-10", Vec::new());
    for (span, t) in [([27, 50], "Related: vote on May 20."), ([51, 75], "")] {
        corpus.anchors[0].conflicts.push(Conflict {
            id: format!("c-{}", span[0]),
            kind: "pin_contradicted".into(),
            docs: vec!["a".into()],
            statements: vec![Statement {
                doc: "a".into(),
                span,
                text: t.into(),
            }],
            explanation: "The pin says 2025-05-10.".into(),
            events: Vec::new(),
        });
    }
    let c = corpus.build();
    assert_eq!(kinds(&c), vec!["pin_contradicted"]);
    assert_eq!(c.conflicts[0].statements.len(), 2);
    assert!(c.conflicts[0].statements.iter().all(|s| !s.text.is_empty()));

    let mut corpus = Corpus::new().doc("b", text, "2025-05-10", Vec::new());
    corpus.anchors[0].status = Status::Conflicting;
    corpus.anchors[0].reason = Some("\"\"".into());
    corpus.anchors[0].evidence.push(crate::anchor::Evidence {
        text: String::new(),
        span: [0, 25],
        implies: "after 2025-05-16".into(),
        strength: crate::anchor::Strength::Medium,
        earliest: crate::ingest::parse_day("2025-05-16"),
        latest: None,
        kind: None,
        moved: None,
    });
    let c = corpus.build();
    assert_eq!(kinds(&c), vec!["anchor_conflicting"]);
    assert_eq!(c.conflicts[0].statements[0].text, "Talks were held on May 16.");
    assert!(!c.conflicts[0].explanation.contains("\"\""));
}

#[test]
fn a_later_counted_from_one_of_two_dates_is_no_apposition() {
    let text = "In 2004, only 50% voted, against 66% in 2000. Four years later, in 2008, 51% voted.";
    let res = vec![
        year(text, "2004", "2004"),
        year(text, "2000", "2000"),
        year(text, "Four years later", "2004"),
        year(text, "2008", "2008"),
    ];
    assert!(Corpus::new()
        .doc("a", text, "2012-01-01", res)
        .build()
        .conflicts
        .is_empty());
    let text = "The harbour reopened on March 9. The ferry resumed a week later, on March 5.";
    let res = vec![
        day(text, "March 9", "2022-03-09"),
        m(text, "a week later", "2022-W11", "2022-03-14", "2022-03-20"),
        day(text, "March 5", "2022-03-05"),
    ];
    assert_eq!(
        kinds(&Corpus::new().doc("a", text, "2022-03-20", res).build()),
        vec!["event_dates"]
    );
}

/// "The museum reopened in {reopened}, a decade after a fire gutted it in {fire}."
fn museum(reopened: &str, fire: &str) -> (String, Vec<Resolved>) {
    let text = format!("The museum reopened in {reopened}, a decade after a fire gutted it in {fire}.");
    let res = vec![
        year(&text, reopened, reopened),
        m(&text, "a decade", "P10Y", "", ""),
        year(&text, fire, fire),
    ];
    (text, res)
}

#[test]
fn a_duration_between_two_dates_of_its_clauses_and_its_twin() {
    // The reference's date at the end of a longer complement: the general reader.
    let (text, res) = museum("2021", "2001");
    let c = Corpus::new().doc("a", &text, "2021-11-01", res).build();
    assert_eq!(kinds(&c), vec!["duration_arithmetic"]);
    let (text, res) = museum("2021", "2011");
    let c = Corpus::new().doc("a", &text, "2021-11-01", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn a_duration_opening_its_sentence_counts_from_the_sentence_before_and_its_twin() {
    for (rebuilt, conflict) in [("2019", true), ("2015", false)] {
        let text = format!("The old mill burned down in 2010. Its owners lost everything. Five years on, in {rebuilt}, they rebuilt it.");
        let res = vec![
            year(&text, "2010", "2010"),
            m(&text, "Five years", "P5Y", "", ""),
            year(&text, rebuilt, rebuilt),
        ];
        let c = Corpus::new().doc("a", &text, "2020-02-01", res).build();
        assert_eq!(!c.conflicts.is_empty(), conflict, "{rebuilt}: {:?}", c.conflicts);
    }
}

#[test]
fn within_a_duration_is_an_upper_bound() {
    // "within three weeks of" allows anything up to three weeks: 17 days is fine, 59 are not.
    for (raised, conflict) in [("19 March", false), ("30 April", true)] {
        let text = format!(
            "The ferry sank on 2 March. Within three weeks of the sinking, on {raised}, divers raised the hull."
        );
        let d = if raised == "19 March" {
            "2022-03-19"
        } else {
            "2022-04-30"
        };
        let res = vec![
            day(&text, "2 March", "2022-03-02"),
            m(&text, "three weeks", "P3W", "", ""),
            day(&text, raised, d),
        ];
        let c = Corpus::new().doc("a", &text, "2022-06-01", res).build();
        assert_eq!(!c.conflicts.is_empty(), conflict, "{raised}: {:?}", c.conflicts);
    }
}

#[test]
fn a_date_of_another_clause_far_before_the_duration_is_not_its_pair() {
    // The testimony's date is not what "three days before" counts from.
    let text = "In his evidence to a committee on 19 May, the chief executive noted that the well was complete, with drilling having finished three days before the disaster on 17 April.";
    let res = vec![
        day(text, "19 May", "2010-05-19"),
        m(text, "three days", "P3D", "", ""),
        day(text, "17 April", "2010-04-17"),
    ];
    let c = Corpus::new().doc("a", text, "2010-06-01", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

#[test]
fn a_duration_to_a_present_clause_is_measured_to_the_article_date_and_a_rate_is_not() {
    for (first, conflict) in [("1995", true), ("2011", false)] {
        let text = format!("The bakery now has a second shop, a decade after the family opened the first in {first}.");
        let res = vec![m(&text, "a decade", "P10Y", "", ""), year(&text, first, first)];
        let c = Corpus::new().doc("a", &text, "2021-03-01", res).build();
        assert_eq!(!c.conflicts.is_empty(), conflict, "{first}: {:?}", c.conflicts);
    }
    let text = "The agency has been spending $ 7 million a year since 1995 on research.";
    let res = vec![m(text, "a year", "P1Y", "", ""), year(text, "1995", "1995")];
    let c = Corpus::new().doc("a", text, "2010-06-26", res).build();
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
}

/// The conflict kinds of one article pinned to `pin`, its mentions given.
fn check_one(text: &str, pin: &str, res: Vec<Resolved>) -> Vec<String> {
    let c = Corpus::new().doc("a", text, pin, res).build();
    c.conflicts.iter().map(|c| c.kind.clone()).collect()
}

#[test]
fn sentence_adverbs_order_against_the_date_told_before_and_their_twins() {
    for (founded, conflict) in [("2014", true), ("2018", false)] {
        let text = format!("She left the company in 2016. Then, in {founded}, she founded her own firm.");
        let res = vec![year(&text, "2016", "2016"), year(&text, founded, founded)];
        assert_eq!(!check_one(&text, "2020-01-01", res).is_empty(), conflict, "{founded}");
    }
    for (closed, d, conflict) in [
        ("10 April 2021", "2021-04-10", true),
        ("10 January 2021", "2021-01-10", false),
    ] {
        let text = format!("The museum reopened on 2 March 2021. Previously, it had closed its doors on {closed}.");
        let res = vec![day(&text, "2 March 2021", "2021-03-02"), day(&text, closed, d)];
        assert_eq!(!check_one(&text, "2021-06-01", res).is_empty(), conflict, "{closed}");
    }
    // "then" inside a clause is "at that time", not "next" (T17, H1N1_reuters-906)
    let text = "The April 2008 announcement stated that the company had then detected the highest levels, but for those of the 1918 pandemic.";
    let res = vec![
        m(text, "April 2008", "2008-04", "2008-04-01", "2008-04-30"),
        year(text, "1918", "1918"),
    ];
    assert!(check_one(text, "2009-05-01", res).is_empty());
    // "until then", "later that year": no adverb
    let text = "The plant opened in 2016. Until then, in 2014, workers had commuted.";
    let res = vec![year(text, "2016", "2016"), year(text, "2014", "2014")];
    assert!(check_one(text, "2020-01-01", res).is_empty());
}

#[test]
fn a_period_told_by_its_two_ends_and_its_twin() {
    for (a, b, conflict) in [
        ("9 October 2021", "2 October 2021", true),
        ("2 October 2021", "9 October 2021", false),
    ] {
        let text = format!("The book fair opened on {a}. It closed on {b} after record crowds.");
        let d = |s: &str| if s.starts_with('9') { "2021-10-09" } else { "2021-10-02" };
        let res = vec![day(&text, a, d(a)), day(&text, b, d(b))];
        assert_eq!(
            check_one(&text, "2021-12-01", res),
            if conflict { vec!["inverted_range"] } else { vec![] }
        );
    }
    let text = "The naval exercise began on 14 May 2023 and ended on 3 May 2023, the navy said.";
    let res = vec![
        day(text, "14 May 2023", "2023-05-14"),
        day(text, "3 May 2023", "2023-05-03"),
    ];
    assert_eq!(check_one(text, "2023-06-01", res), vec!["inverted_range"]);
    // another subject closes: no period
    let text = "The shop opened on 9 October 2021. The bank closed on 2 October 2021.";
    let res = vec![
        day(text, "9 October 2021", "2021-10-09"),
        day(text, "2 October 2021", "2021-10-02"),
    ];
    assert!(check_one(text, "2021-12-01", res).is_empty());
}

#[test]
fn two_years_joined_by_a_dash_are_a_range_and_its_twin() {
    for (a, b, conflict) in [("2018", "2014", true), ("2014", "2018", false)] {
        let text = format!("Her term as chair ({a}–{b}) was marked by two strikes.");
        let res = vec![year(&text, a, a), year(&text, b, b)];
        assert_eq!(!check_one(&text, "2022-01-01", res).is_empty(), conflict, "{a}–{b}");
    }
}

#[test]
fn an_order_phrase_after_a_comma_and_opening_a_sentence_and_their_twins() {
    for (since, d, conflict) in [
        ("12 May 2022", "2022-05-12", true),
        ("21 May 2022", "2022-05-21", false),
    ] {
        let text = format!("The coast road has been closed since {since}, after a landslide on 20 May 2022.");
        let res = vec![day(&text, since, d), day(&text, "20 May 2022", "2022-05-20")];
        assert_eq!(!check_one(&text, "2022-06-01", res).is_empty(), conflict, "{since}");
    }
    for (worked, conflict) in [("2014", true), ("2010", false)] {
        let text = format!("Before joining the firm in 2012, she worked at a bank in {worked}.");
        let res = vec![year(&text, "2012", "2012"), year(&text, worked, worked)];
        assert_eq!(!check_one(&text, "2020-01-01", res).is_empty(), conflict, "{worked}");
    }
    for (debate, d, conflict) in [("12 May", "2022-05-12", true), ("6 May", "2022-05-06", false)] {
        let text = format!("The vote on 9 May was preceded by a debate on {debate}.");
        let res = vec![day(&text, "9 May", "2022-05-09"), day(&text, debate, d)];
        assert_eq!(!check_one(&text, "2022-06-01", res).is_empty(), conflict, "{debate}");
    }
}

#[test]
fn a_complement_naming_the_date_told_before_and_its_twin() {
    for (locked, d, conflict) in [("4 March", "2024-03-04", true), ("12 April", "2024-04-12", false)] {
        let text = format!("The council voted on 1 March to close the pool. On {locked}, six weeks after the vote, the doors were locked.");
        let res = vec![
            day(&text, "1 March", "2024-03-01"),
            day(&text, locked, d),
            m(&text, "six weeks", "P6W", "", ""),
        ];
        assert_eq!(!check_one(&text, "2024-05-01", res).is_empty(), conflict, "{locked}");
    }
    for (announced, d, conflict) in [
        ("3 April 2023", "2023-04-03", true),
        ("7 April 2023", "2023-04-07", false),
    ] {
        let text =
            format!("Counting ended on 6 April 2023. After the count, on {announced}, the winner was announced.");
        let res = vec![day(&text, "6 April 2023", "2023-04-06"), day(&text, announced, d)];
        assert_eq!(!check_one(&text, "2023-05-01", res).is_empty(), conflict, "{announced}");
    }
    // no word of the complement shares a stem with the sentence before
    let text =
        "The council voted on 1 March to close the pool. On 4 March, six weeks after the storm, the doors were locked.";
    let res = vec![
        day(text, "1 March", "2024-03-01"),
        day(text, "4 March", "2024-03-04"),
        m(text, "six weeks", "P6W", "", ""),
    ];
    assert!(check_one(text, "2024-05-01", res).is_empty());
}

#[test]
fn after_a_duration_spans_from_the_date_before_and_its_twins() {
    for (began, conflict) in [("2015", true), ("September 2019", false)] {
        let text = format!(
            "Work on the stadium began in {began}. After nearly two years of construction, it opened on 5 June 2021."
        );
        let b = if began == "2015" {
            year(&text, began, "2015")
        } else {
            m(&text, began, "2019-09", "2019-09-01", "2019-09-30")
        };
        let mut d = m(&text, "nearly two years", "P2Y", "", "");
        d.timex.modifier = Some(TimexMod::LessThan);
        let res = vec![b, d, day(&text, "5 June 2021", "2021-06-05")];
        assert_eq!(!check_one(&text, "2021-07-01", res).is_empty(), conflict, "{began}");
    }
    // the first date after it is in a relative clause: it dates something else (T17, bpoil_guardian-550)
    let text = "The rig exploded on 20 April 2010. Estimates said that after 37 days, the slick was as large as the spill of the Exxon Valdez, which hit a reef in 1989.";
    let res = vec![
        day(text, "20 April 2010", "2010-04-20"),
        m(text, "37 days", "P37D", "", ""),
        year(text, "1989", "1989"),
    ];
    assert!(check_one(text, "2010-06-01", res).is_empty());
}

#[test]
fn ages_anniversaries_and_years_counted_to_the_article_date_and_their_twins() {
    for (born, conflict) in [("1975", true), ("1961", false)] {
        let text = format!(
            "Tom Hale was born in {born} on a farm. He left school early. Today the 62-year-old runs the farm."
        );
        let res = vec![year(&text, born, born), day(&text, "Today", "2023-05-01")];
        assert_eq!(!check_one(&text, "2023-05-01", res).is_empty(), conflict, "{born}");
    }
    for (born, conflict) in [("1980", true), ("1972", false)] {
        let text = format!("The new coach, Dana Reyes, who is 52, was born in {born} in Ohio.");
        let res = vec![year(&text, born, born)];
        assert_eq!(!check_one(&text, "2024-03-01", res).is_empty(), conflict, "{born}");
    }
    for (founded, conflict) in [("2001", true), ("1984", false)] {
        let text = format!("The rowing club, founded in {founded}, turns 40 this year.");
        let res = vec![year(&text, founded, founded), year(&text, "this year", "2024")];
        assert_eq!(!check_one(&text, "2024-03-01", res).is_empty(), conflict, "{founded}");
    }
    for (built, conflict) in [("1971", true), ("1984", false)] {
        let text =
            format!("The dam was built in {built}. On Saturday, families gathered to mark its 40th anniversary.");
        let res = vec![year(&text, built, built), day(&text, "Saturday", "2024-02-24")];
        assert_eq!(!check_one(&text, "2024-03-01", res).is_empty(), conflict, "{built}");
    }
    for (age, conflict) in [("55", true), ("69", false)] {
        let text = format!("The painter, born in 1950, died in March 2020 at the age of {age}.");
        let res = vec![
            year(&text, "1950", "1950"),
            m(&text, "March 2020", "2020-03", "2020-03-01", "2020-03-31"),
        ];
        assert_eq!(!check_one(&text, "2021-01-01", res).is_empty(), conflict, "{age}");
    }
    // a beginning after the article's date counts nothing (TBAQ, APW19980213.1310)
    let text = "They hope for a president by the opening of the 2000 Olympics and the 100th anniversary of federation.";
    let res = vec![year(text, "2000", "2000")];
    assert!(check_one(text, "1998-02-13", res).is_empty());
    // MAX_YEARS: an age over it is a misreading
    let text = "The 150-year-old was born in 1960.";
    let res = vec![year(text, "1960", "1960")];
    assert!(check_one(text, "2024-03-01", res).is_empty());
}

#[test]
fn a_present_perfect_for_a_duration_is_measured_to_the_article_date_and_its_twin() {
    for (moved, conflict) in [("2010", true), ("1994", false)] {
        let text = format!("She has lived in the town for 30 years, since moving there in {moved}.");
        let res = vec![m(&text, "30 years", "P30Y", "", ""), year(&text, moved, moved)];
        assert_eq!(!check_one(&text, "2024-03-01", res).is_empty(), conflict, "{moved}");
    }
    for (founded, conflict) in [("2015", true), ("2004", false)] {
        let text = format!("The charity was founded in {founded} by two nurses. For 20 years it has fed the homeless.");
        let res = vec![year(&text, founded, founded), m(&text, "20 years", "P20Y", "", "")];
        assert_eq!(!check_one(&text, "2024-03-01", res).is_empty(), conflict, "{founded}");
    }
    // "for D" inside a sentence with no date of its own: another subject's (T17, bpoil_washingtonpost-1461)
    let text =
        "The rig started operation in 2007. The contractor, who has worked for 35 years in the field, filed a suit.";
    let res = vec![year(text, "2007", "2007"), m(text, "35 years", "P35Y", "", "")];
    assert!(check_one(text, "2010-05-18", res).is_empty());
}

#[test]
fn a_written_date_then_its_distance_ago_allows_one_unit_and_its_twin() {
    for (ago, y, conflict) in [("40 years ago", "1983", true), ("28 years ago", "1995", false)] {
        let text = format!("The village school was founded in 1995, {ago}, by parents.");
        let res = vec![year(&text, "1995", "1995"), year(&text, ago, y)];
        assert_eq!(!check_one(&text, "2023-04-01", res).is_empty(), conflict, "{ago}");
    }
    // "eight years ago" from mid-2010 is 2002, and 2003 is within one year of it (T17, bpoil_reuters-1280)
    let text = "On April 27, 2003, eight years ago the barge hit an obstacle in the bay.";
    let res = vec![
        day(text, "April 27, 2003", "2003-04-27"),
        year(text, "eight years ago", "2002"),
    ];
    assert!(check_one(text, "2010-06-01", res).is_empty());
}

#[test]
fn a_duration_opening_its_sentence_with_later_goes_with_its_first_date_and_its_twin() {
    for (signed, d, conflict) in [("8 March", "2022-03-08", true), ("24 March", "2022-03-24", false)] {
        let text = format!("The workers walked out on 3 March. Three weeks later the union signed a deal on {signed}.");
        let res = vec![
            day(&text, "3 March", "2022-03-03"),
            m(&text, "Three weeks", "P3W", "", ""),
            day(&text, signed, d),
        ];
        assert_eq!(!check_one(&text, "2022-04-01", res).is_empty(), conflict, "{signed}");
    }
    // "a day before" has a complement: it dates the complement, not the sentence (T17, bpoil_reuters-2128)
    let text = "Exxon paid a settlement in 1991 with a window. A day before the window was to close on September 1, 2006, they demanded more.";
    let res = vec![
        year(text, "1991", "1991"),
        m(text, "A day", "P1D", "", ""),
        day(text, "September 1, 2006", "2006-09-01"),
    ];
    assert!(check_one(text, "2010-06-01", res).is_empty());
}

#[test]
fn years_old_and_a_beginning_named_in_another_sentence_and_their_twins() {
    for (born, conflict) in [("1990", true), ("1999", false)] {
        let text = format!("Born in {born}, the striker is now 25 years old.");
        let res = vec![year(&text, born, born)];
        assert_eq!(!check_one(&text, "2024-05-01", res).is_empty(), conflict, "{born}");
    }
    for (founded, conflict) in [("1960", true), ("1930", false)] {
        let text = format!("The school was founded in {founded} and is now more than 80 years old.");
        let res = vec![year(&text, founded, founded)];
        assert_eq!(!check_one(&text, "2024-05-01", res).is_empty(), conflict, "{founded}");
    }
    for (opened, conflict) in [("1998", true), ("1993", false)] {
        let text = format!("The Harlow bridge opened in {opened}. Engineers found cracks last year. On Monday it was closed to traffic, 30 years after it first carried cars.");
        let res = vec![
            year(&text, opened, opened),
            year(&text, "last year", "2022"),
            day(&text, "Monday", "2023-03-13"),
            m(&text, "30 years", "P30Y", "", ""),
        ];
        assert_eq!(!check_one(&text, "2023-03-15", res).is_empty(), conflict, "{opened}");
    }
}

#[test]
fn order_phrases_after_an_aside_a_lead_word_or_this_and_their_twins() {
    for (resigned, d, conflict) in [("5 May 2022", "2022-05-05", true), ("12 May 2022", "2022-05-12", false)] {
        let text = format!("The minister resigned on {resigned}. This came after the scandal broke on 9 May 2022.");
        let res = vec![day(&text, resigned, d), day(&text, "9 May 2022", "2022-05-09")];
        assert_eq!(!check_one(&text, "2022-11-01", res).is_empty(), conflict, "{resigned}");
    }
    for (published, d, conflict) in [("10 June", "2022-06-10", true), ("15 June", "2022-06-15", false)] {
        let text = format!("Days after the vote on 12 June, the results were published on {published}.");
        let res = vec![day(&text, "12 June", "2022-06-12"), day(&text, published, d)];
        assert_eq!(!check_one(&text, "2022-11-01", res).is_empty(), conflict, "{published}");
    }
    for (published, d, conflict) in [
        ("10 June 2022", "2022-06-10", true),
        ("14 June 2022", "2022-06-14", false),
    ] {
        let text = format!("The results, published on {published}, came after the vote on 12 June 2022.");
        let res = vec![day(&text, published, d), day(&text, "12 June 2022", "2022-06-12")];
        assert_eq!(!check_one(&text, "2022-11-01", res).is_empty(), conflict, "{published}");
    }
    // a lead word that is neither how long nor how soon: not an opener
    let text = "Officials after the vote on 12 June said the results came on 10 June.";
    let res = vec![day(text, "12 June", "2022-06-12"), day(text, "10 June", "2022-06-10")];
    assert!(check_one(text, "2022-11-01", res).is_empty());
}

#[test]
fn a_duration_complement_dated_by_its_relative_clause_and_its_twin() {
    for (arrived, d, conflict) in [("14 August", "2022-08-14", true), ("21 August", "2022-08-21", false)] {
        let text = format!("Rescuers arrived on {arrived}, a day after the quake, which struck on 20 August.");
        let res = vec![
            day(&text, arrived, d),
            m(&text, "a day", "P1D", "", ""),
            day(&text, "20 August", "2022-08-20"),
        ];
        assert_eq!(!check_one(&text, "2022-11-01", res).is_empty(), conflict, "{arrived}");
    }
}

#[test]
fn a_period_whose_subject_is_named_again_and_a_range_read_once() {
    for (a, b, conflict) in [("14 July", "9 July", true), ("4 July", "9 July", false)] {
        let text = format!("The festival started on {a}. Crowds were large. The festival ended on {b} with fireworks.");
        let d = |s: &str| match s {
            "14 July" => "2022-07-14",
            "4 July" => "2022-07-04",
            _ => "2022-07-09",
        };
        let res = vec![day(&text, a, d(a)), day(&text, b, d(b))];
        assert_eq!(!check_one(&text, "2022-11-01", res).is_empty(), conflict, "{a}");
    }
    // another subject ends: no period
    let text = "The festival started on 14 July. The strike ended on 9 July.";
    let res = vec![day(text, "14 July", "2022-07-14"), day(text, "9 July", "2022-07-09")];
    assert!(check_one(text, "2022-11-01", res).is_empty());
    // "from … until …" backwards: one conflict, the range's
    let text = "The road will be closed from Monday, 14 November, until Friday, 11 November.";
    let res = vec![
        day(text, "Monday, 14 November", "2022-11-14"),
        day(text, "Friday, 11 November", "2022-11-11"),
    ];
    assert_eq!(check_one(text, "2022-11-01", res), vec!["inverted_range"]);
}
