//! Issue 13: the learned cue table (`grammar/cues.txt`) is pinned. Every
//! number in it was fitted by `examples/fit_cues.rs` on the dev corpora; a
//! change to any of them (refitting, an edit by hand) must be seen and its
//! figures given in the commit. After a refit, update `PINNED` below with
//! the value this test prints.

use chronology::anchor::model::{Kind, Table};

const TEXT: &str = include_str!("../grammar/cues.txt");

/// FNV-1a of every number of the table, as written.
const PINNED: u64 = 16178914354894709405;

fn numbers_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let head = line.split(" | ").next().unwrap_or("");
        for tok in head.split_whitespace().filter(|t| t.parse::<f64>().is_ok()) {
            for b in tok.bytes().chain([b' ']) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    h
}

#[test]
fn the_learned_numbers_are_pinned() {
    let h = numbers_hash(TEXT);
    assert_eq!(
        h, PINNED,
        "grammar/cues.txt changed (hash {h}): give the figures before and after in the commit, then pin the new hash"
    );
}

#[test]
fn every_learned_line_names_its_count_and_corpus() {
    assert!(Table::default_loaded().is_ok());
    for line in TEXT
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.split(" | ").collect();
        let what = parts[0].split_whitespace().next().unwrap_or("");
        if matches!(what, "span" | "set" | "weekday") {
            assert_eq!(parts.len(), 3, "{line}");
            assert!(parts[1].starts_with("n="), "{line}");
            assert!(parts[2].contains("fitted on"), "{line}");
            let kind = parts[0].split_whitespace().nth(1).unwrap_or("");
            assert!(Kind::from_name(kind).is_some(), "{line}");
        } else {
            assert!(parts.len() >= 2, "{line}");
        }
    }
}

#[test]
fn a_changed_number_changes_the_hash() {
    let at = TEXT.find("\nspan ").expect("a span line");
    let (head, tail) = TEXT.split_at(at);
    let changed = format!("{head}{}", tail.replacen(" 0.", " 9.", 1));
    assert_ne!(numbers_hash(&changed), numbers_hash(TEXT));
}
