//! The story stage (issue 12): one event with many reports, two events of
//! one day kept apart, a date conflict across articles, furniture that is no
//! event, ids that survive an edit, unplaced events placed by a pin.

use std::path::Path;

use chronology::anchor::{pins, Pins};
use chronology::ingest::Document;
use chronology::pipeline::Pipeline;
use chronology::schema::v2;

fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    let mut d = Document::from_text(id, text);
    d.meta.published = published.and_then(chronology::ingest::parse_day);
    d
}

fn story(docs: &[Document], pins: &Pins) -> v2::Chronology {
    Pipeline::new().expect("grammar").build(docs, pins, None).story
}

/// The events that hold a report of document `doc` whose expression is `expr`.
fn events_of<'a>(c: &'a v2::Chronology, doc: &str, expr: &str) -> Vec<&'a v2::Event> {
    c.events
        .iter()
        .filter(|e| e.reports.iter().any(|r| r.doc == doc && r.expression == expr))
        .collect()
}

/// One happening told in different words by four articles: one event, four sources.
#[test]
fn the_same_event_told_four_ways_is_one_event() {
    let docs = vec![
        doc("a", Some("2009-06-12"), "Flu news.\n\nThe World Health Organization declared a global flu pandemic on June 11, 2009, the first in 41 years.\n"),
        doc("b", Some("2009-06-12"), "Health.\n\nOn Thursday the World Health Organization declared the swine flu outbreak a pandemic, raising its alert to phase 6.\n"),
        doc("c", Some("2009-06-13"), "World.\n\nThe WHO raised its pandemic alert to the highest level on June 11 as the flu spread in Australia.\n"),
        doc("d", Some("2009-06-20"), "Analysis.\n\nSince the World Health Organization declared a flu pandemic on June 11, cases have doubled.\n"),
    ];
    let c = story(&docs, &Pins::default());
    let e = events_of(&c, "a", "June 11, 2009");
    assert_eq!(e.len(), 1, "{:#?}", c.events);
    let e = e[0];
    assert!(e.sources >= 3, "{e:#?}");
    assert_eq!(e.when.start.to_string(), "2009-06-11");
    assert!(!e.links.is_empty() && e.links.iter().all(|l| !l.why.is_empty()));
    assert!(!e.what.is_empty() && !e.what.contains("-LRB-"));
}

/// Two different happenings on one day, each told by two articles, stay two events.
#[test]
fn two_events_of_one_day_stay_apart() {
    let docs = vec![
        doc(
            "a",
            Some("2010-05-03"),
            "Gulf.\n\nBP engineers lowered a containment dome onto the leaking well on May 2, 2010, off Louisiana.\n",
        ),
        doc(
            "b",
            Some("2010-05-03"),
            "Energy.\n\nOn May 2, 2010 BP engineers lowered the containment dome over the leaking well.\n",
        ),
        doc(
            "c",
            Some("2010-05-03"),
            "Politics.\n\nPresident Obama toured the Louisiana coast and met fishermen in Venice on May 2, 2010.\n",
        ),
        doc(
            "d",
            Some("2010-05-04"),
            "Washington.\n\nObama toured the coast and met fishermen at Venice, Louisiana, on May 2, 2010.\n",
        ),
    ];
    let c = story(&docs, &Pins::default());
    let dome = events_of(&c, "a", "May 2, 2010");
    let tour = events_of(&c, "c", "May 2, 2010");
    assert_eq!((dome.len(), tour.len()), (1, 1), "{:#?}", c.events);
    assert_ne!(dome[0].id, tour[0].id, "{:#?}", c.events);
    assert!(dome[0].reports.iter().any(|r| r.doc == "b"), "{:#?}", dome[0]);
    assert!(tour[0].reports.iter().any(|r| r.doc == "d"), "{:#?}", tour[0]);
    assert!(dome[0].reports.iter().all(|r| r.doc != "c" && r.doc != "d"));
}

/// The same sentence with two dates: one event, and an `event_dates` conflict
/// saying which article says which.
#[test]
fn a_date_disagreement_on_one_event_is_a_conflict() {
    let docs = vec![
        doc("a", Some("2010-03-10"), "News.\n\nThe regulator approved the drilling plan for the Macondo prospect on March 5, 2010, after a short review.\n"),
        doc("b", Some("2010-03-10"), "News.\n\nThe regulator approved the drilling plan for the Macondo prospect on January 27, 2010, after a short review.\n"),
    ];
    let c = story(&docs, &Pins::default());
    let e = events_of(&c, "a", "March 5, 2010");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].sources, 2, "{:#?}", c.events);
    let k = c
        .conflicts
        .iter()
        .find(|k| k.kind == "event_dates" && k.explanation.starts_with("same event across articles"))
        .expect("a conflict");
    assert!(
        k.explanation.contains("March 5, 2010") && k.explanation.contains("January 27, 2010"),
        "{}",
        k.explanation
    );
    assert!(e[0].conflicts.contains(&k.id));
}

/// Page furniture is no event: a print-edition note, a broadcast listing, a stamp.
#[test]
fn furniture_gives_no_event() {
    let text = "Flu spreads.\n\nThe first case in Scotland was confirmed on April 27, 2009 in Paisley.\n\nA version appeared on p33 of the Main section of the Guardian on Thursday 11 June 2009.\n\nFirst broadcast BBC Radio 4 on Tuesday 5 May 2009.\n";
    let c = story(&[doc("a", Some("2009-06-11"), text)], &Pins::default());
    let days: Vec<String> = c.events.iter().map(|e| e.when.start.to_string()).collect();
    assert!(days.contains(&"2009-04-27".to_string()), "{days:?}");
    assert!(!days.contains(&"2009-05-05".to_string()), "{days:?}");
    assert!(
        c.events.iter().all(|e| !e.what.starts_with("A version appeared")),
        "{:#?}",
        c.events
    );
}

/// Editing one word moves one event and renames none.
#[test]
fn ids_survive_an_edit() {
    let text = |day: &str| {
        format!(
            "Council.\n\nThe council met on {day} to discuss the budget.\n\nThe mayor resigned on March 9, 2025 after a vote.\n\nA new mayor was sworn in on March 20, 2025.\n\nThe budget passed on March 28, 2025.\n"
        )
    };
    let before = story(
        &[doc("a", Some("2025-04-01"), &text("March 3, 2025"))],
        &Pins::default(),
    );
    let after = story(
        &[doc("a", Some("2025-04-01"), &text("March 4, 2025"))],
        &Pins::default(),
    );
    let ids = |c: &v2::Chronology| {
        c.events
            .iter()
            .map(|e| e.id.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(ids(&before), ids(&after));
    let moved: Vec<&str> = after
        .events
        .iter()
        .filter(|e| before.events.iter().any(|o| o.id == e.id && o.when != e.when))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(moved.len(), 1, "{:#?}", after.events);
}

/// With no date, "three days ago" stays unplaced, relative to publication;
/// a pin places it.
#[test]
fn unplaced_events_are_placed_by_a_pin() {
    let text = "Strike.\n\nThree days ago the dockers voted to strike at the port.\n";
    let docs = vec![doc("x", None, text)];
    let open = story(&docs, &Pins::default());
    let u = open.unplaced.iter().find(|u| u.doc == "x").expect("unplaced");
    assert_eq!(u.relative, "3 days before x's publication");
    assert_eq!((u.offset.from, u.offset.to), (-3, -3));
    let pins = pins::parse(Path::new("anchors.yaml"), "x:\n  published: 2025-06-10\n").expect("pins");
    let placed = story(&docs, &pins);
    assert!(placed.unplaced.is_empty(), "{:#?}", placed.unplaced);
    let e = events_of(&placed, "x", "Three days ago");
    assert_eq!(e.len(), 1, "{:#?}", placed.events);
    assert_eq!(e[0].when.start.to_string(), "2025-06-07");
}

/// The timeline: the most reported day first among the salient, date order, sentences clean.
#[test]
fn the_timeline_picks_the_reported_days() {
    let mut docs = Vec::new();
    for i in 0..6 {
        let aside = if i < 2 {
            "\n\nA spokesman spoke on July 2, 2010.\n"
        } else {
            ""
        };
        docs.push(doc(
            &format!("d{i}"),
            Some("2010-07-16"),
            &format!(
                "Oil.\n\nBP capped the leaking well on July 15, 2010 after 87 days, engineers said ({i}).\n{aside}"
            ),
        ));
    }
    let opts = chronology::story::Options {
        top: Some(1),
        sentences: Some(1),
        ..Default::default()
    };
    let built = Pipeline::new()
        .expect("grammar")
        .build_with(&docs, &Pins::default(), None, &opts);
    let t = &built.story.timeline;
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].date.to_string(), "2010-07-15");
    assert_eq!(t[0].sources, 6);
    assert_eq!(t[0].sentences.len(), 1);
    assert!(t[0].sentences[0].starts_with("BP capped"), "{:?}", t[0].sentences);
}

/// `chronology timeline --format jsonl`: one entry a line with the fields of
/// the issue, in date order; `--from` after `--to` is an error.
#[test]
fn the_command_prints_one_entry_a_line() {
    let bin = env!("CARGO_BIN_EXE_chronology");
    let o = std::process::Command::new(bin)
        .args([
            "timeline",
            "seeds",
            "--top",
            "3",
            "--sentences",
            "1",
            "--format",
            "jsonl",
            "--quiet",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 3);
    for l in &lines {
        for k in ["date", "sentences", "salience", "events", "docs", "sources"] {
            assert!(l.get(k).is_some(), "{k} in {l}");
        }
        assert!(l["sentences"].as_array().is_some_and(|s| s.len() <= 1));
    }
    let dates: Vec<&str> = lines.iter().filter_map(|l| l["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    let o = std::process::Command::new(bin)
        .args(["timeline", "seeds", "--from", "2025-02-01", "--to", "2025-01-01"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
}
