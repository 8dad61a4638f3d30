//! Runs every example corpus in `grammar/examples/*.yaml` and the negative list
//! `grammar/negative.txt` (Duckling-style: an example passes only when exactly
//! one mention covers the whole text, with the expected value, type and mod).

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use chronology::resolve::{resolve_all, AnchorRef, Resolved};
use chronology::tag::tag;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Corpus {
    anchor: NaiveDate,
    examples: Vec<Example>,
}

#[derive(Debug, Deserialize)]
struct Example {
    value: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "mod", default)]
    modifier: Option<String>,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    anchor: Option<NaiveDate>,
    texts: Vec<String>,
}

fn run(text: &str, anchor: NaiveDate) -> Vec<Resolved> {
    let m = tag(text, 0..text.len());
    resolve_all(text, &m, Some(&AnchorRef::Day(anchor)))
}

/// Check one surface form; returns a failure message.
fn check(ex: &Example, text: &str, anchor: NaiveDate) -> Option<String> {
    let full = ex.context.as_deref().unwrap_or(text);
    let Some(at) = full.find(text) else {
        return Some(format!("{text:?}: not in its context"));
    };
    let span = (at, at + text.len());
    let res = run(full, anchor);
    let hits: Vec<&Resolved> = res.iter().filter(|r| r.start < span.1 && span.0 < r.end).collect();
    if hits.is_empty() {
        return Some(format!("{text:?}: no parse"));
    }
    // a range: its endpoints joined
    let value = if hits.len() == 2 && hits[0].range.is_some() && hits[0].range == hits[1].range {
        format!("{}/{}", hits[0].timex.value, hits[1].timex.value)
    } else if hits.len() == 1 {
        hits[0].timex.value.clone()
    } else {
        return Some(format!(
            "{text:?}: {} ambiguous parses: {:?}",
            hits.len(),
            hits.iter().map(|h| (&h.text, &h.timex.value)).collect::<Vec<_>>()
        ));
    };
    let first = hits[0].start.min(hits[hits.len() - 1].start);
    let last = hits.iter().map(|h| h.end).max().unwrap_or(0);
    // a range's endpoints leave out "from" / "between" (TimeML practice)
    let lead = text.starts_with("from ") || text.starts_with("between ");
    if ex.context.is_none() && ((first != span.0 && !lead) || last != span.1) {
        return Some(format!(
            "{text:?}: partial: {:?}",
            hits.iter().map(|h| &h.text).collect::<Vec<_>>()
        ));
    }
    let h = hits[0];
    if value != ex.value {
        return Some(format!(
            "{text:?}: value {value} (why: {}), want {}",
            h.timex.why, ex.value
        ));
    }
    if h.timex.kind.as_str() != ex.kind {
        return Some(format!("{text:?}: type {}, want {}", h.timex.kind.as_str(), ex.kind));
    }
    let got_mod = h.timex.modifier.map(|m| m.as_str().to_string());
    if got_mod != ex.modifier {
        return Some(format!("{text:?}: mod {got_mod:?}, want {:?}", ex.modifier));
    }
    None
}

#[test]
fn every_grammar_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/examples");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("grammar/examples exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "example corpora missing");
    let mut failures = Vec::new();
    let mut n = 0;
    for f in &files {
        let text = fs::read_to_string(f).expect("readable");
        let corpus: Corpus = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for ex in &corpus.examples {
            for t in &ex.texts {
                n += 1;
                if let Some(msg) = check(ex, t, ex.anchor.unwrap_or(corpus.anchor)) {
                    failures.push(format!(
                        "{}: {msg}",
                        f.file_name().and_then(|s| s.to_str()).unwrap_or("?")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_list_gives_no_mention() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/negative.txt");
    let text = fs::read_to_string(path).expect("grammar/negative.txt");
    let anchor = NaiveDate::from_ymd_opt(2025, 2, 10).expect("valid");
    let mut bad = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let res = run(line, anchor);
        if !res.is_empty() {
            bad.push(format!(
                "{line:?} → {:?}",
                res.iter().map(|r| (&r.text, &r.timex.value)).collect::<Vec<_>>()
            ));
        }
    }
    assert!(bad.is_empty(), "tagged:\n{}", bad.join("\n"));
}

#[test]
fn without_anchor_values_are_underspecified() {
    let text = "Talks were held on February 4-5; he will come back on Tuesday.";
    let m = tag(text, 0..text.len());
    let res = resolve_all(text, &m, None);
    let values: Vec<&str> = res.iter().map(|r| r.timex.value.as_str()).collect();
    assert_eq!(values, ["XXXX-02-04", "XXXX-02-05", "XXXX-WXX-2"]);
    assert_eq!(res[0].tense, chronology::resolve::Tense::Past);
    assert_eq!(res[2].tense, chronology::resolve::Tense::Future);
    assert_eq!(chronology::resolve::partial_date(&res[0]), Some((None, 2, Some(4))));
}

#[test]
fn without_anchor_one_stated_year_does_not_make_a_history() {
    let value_of = |text: &str, needle: &str| {
        let m = tag(text, 0..text.len());
        let start = text.find(needle).expect("needle");
        resolve_all(text, &m, None)
            .into_iter()
            .find(|r| r.start == start)
            .map(|r| r.timex.value)
    };
    // news with one past year in a list: the caption's date stays year-less
    let news = "The worst spill, in 1989, leaked for months. Oil locations 22 April - 15 May.";
    assert_eq!(value_of(news, "22 April").as_deref(), Some("XXXX-04-22"));
    // a history states many years: the date takes the year before it
    let history = "In 1939 war began. By 1940 France fell. In 1941 the tide turned. On 22 April the army moved.";
    assert_eq!(value_of(history, "22 April").as_deref(), Some("1941-04-22"));
}

#[test]
fn anchor_interval_gives_a_flagged_hull() {
    let text = "It happened last month.";
    let m = tag(text, 0..text.len());
    let a = AnchorRef::Between {
        earliest: NaiveDate::from_ymd_opt(2025, 1, 30),
        latest: NaiveDate::from_ymd_opt(2025, 2, 3),
    };
    let res = resolve_all(text, &m, Some(&a));
    assert_eq!(res.len(), 1);
    assert!(res[0].timex.ambiguous);
    assert_eq!(res[0].timex.from, NaiveDate::from_ymd_opt(2024, 12, 1));
    assert_eq!(res[0].timex.to, NaiveDate::from_ymd_opt(2025, 1, 31));
    // the same interval inside one month is not ambiguous
    let b = AnchorRef::Between {
        earliest: NaiveDate::from_ymd_opt(2025, 2, 3),
        latest: NaiveDate::from_ymd_opt(2025, 2, 20),
    };
    let res = resolve_all(text, &m, Some(&b));
    assert_eq!(res[0].timex.value, "2025-01");
    assert!(!res[0].timex.ambiguous);
}

#[test]
fn weekday_with_a_date_is_reported() {
    let text = "On Tuesday, Feb. 4, the talks began.";
    let m = tag(text, 0..text.len());
    let res = resolve_all(text, &m, None);
    // one expression (TimeML), the weekday still reported
    let d = res
        .iter()
        .find(|r| r.text == "Tuesday, Feb. 4")
        .expect("the date is a mention");
    assert_eq!(d.weekday, Some(chrono::Weekday::Tue));
}
