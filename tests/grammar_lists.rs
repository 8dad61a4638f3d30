//! The word lists of the clause reader (`grammar/word_sets.txt`, read by
//! `resolve::tense`) are pinned by `grammar/examples/clause_words.yaml`: every
//! set has a positive example and a negative one, each positive gets its
//! tense from the set (emptied, the tense changes), and each negative, a near
//! miss, does not (emptied, nothing changes). The values themselves are
//! checked by `tests/corpus.rs` with the other example corpora.

use std::collections::BTreeMap;

use chronology::grammar::{load_all, Lexicons, WordSet};
use chronology::resolve::tense_in;
use serde::Deserialize;

/// The sets the clause reader reads; each must have examples.
const CLAUSE_SETS: &[&str] = &[
    "DETERMINER",
    "PARTICIPLE_DETERMINER",
    "REPORT_BARE",
    "NOT_REPORT",
    "AS_AS",
    "LEAD_SKIP",
    "SINCE_LEAD",
    "DEADLINE_LEAD",
    "PLAIN_FUTURE",
    "PASSIVE_ADVERB",
    "PASSIVE_AUX",
    "PERIOD_END",
    "PERIOD_DETERMINER",
    "REPORT_CLAUSE",
    "ASIDE_OPENER",
    "LIST_JOIN",
    "PRESENT_BE",
    "PLAN_WORD",
    "PLAN_LEAD",
    "PLAN_PAST",
    "FRONTED_LEAD",
    "ABBREVIATION",
];

#[derive(Debug, Deserialize)]
struct Corpus {
    examples: Vec<Example>,
}

#[derive(Debug, Deserialize)]
struct Example {
    list: String,
    polarity: String,
    rule: String,
    context: String,
    texts: Vec<String>,
}

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/examples/clause_words.yaml");
    let text = std::fs::read_to_string(path).expect("clause_words.yaml");
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn tense(l: &Lexicons, ex: &Example) -> String {
    let t = &ex.texts[0];
    let at = ex
        .context
        .find(t.as_str())
        .unwrap_or_else(|| panic!("{t:?} not in {:?}", ex.context));
    format!("{:?}", tense_in(l, &ex.context, at, at + t.len()))
}

#[test]
fn every_clause_set_has_positives_and_negatives() {
    let c = corpus();
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ex in &c.examples {
        assert!(
            WordSet::named(&ex.list).is_some(),
            "{:?}: unknown set {}",
            ex.context,
            ex.list
        );
        assert!(!ex.rule.is_empty() && ex.texts.len() == 1, "{:?}", ex.context);
        let e = seen.entry(ex.list.as_str()).or_default();
        match ex.polarity.as_str() {
            "positive" => e.0 += 1,
            "negative" => e.1 += 1,
            p => panic!("{:?}: polarity {p:?}, want positive or negative", ex.context),
        }
    }
    for s in CLAUSE_SETS {
        let (p, n) = seen.get(s).copied().unwrap_or_default();
        assert!(
            p >= 1 && n >= 1,
            "{s}: {p} positive and {n} negative examples, want one of each at least"
        );
    }
}

#[test]
fn each_positive_is_decided_by_its_set() {
    let full = load_all().expect("grammar loads");
    let mut bad = Vec::new();
    for ex in corpus().examples {
        let set = WordSet::named(&ex.list).expect("a set");
        let mut emptied = load_all().expect("grammar loads");
        emptied.word_sets = full.word_sets.without(set);
        let (with, without) = (tense(&full, &ex), tense(&emptied, &ex));
        let decides = with != without;
        if decides != (ex.polarity == "positive") {
            bad.push(format!(
                "{} {} {:?}: {with} with the set, {without} without",
                ex.list, ex.polarity, ex.context
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
