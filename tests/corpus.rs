//! Runs every example corpus in `grammar/examples/*.yaml` and the negative list
//! `grammar/negative.txt` (Duckling-style: an example passes only when exactly
//! one mention covers the whole text, with the expected value, type and mod,
//! made by the tag rule the example names).
//!
//! Every example group names its rule (`rule:`, a name of `tag::RULES`), and
//! every rule has positive examples and negatives (`# rule: NAME` sections of
//! the negative list). What the engine still gets wrong is listed in
//! `grammar/examples/known_failures.yaml`, printed and counted, not failed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chronology::grammar::{is_word_byte, lexicons, Lexicons};
use chronology::resolve::{resolve_all, AnchorRef, Resolved};
use chronology::tag::{tag, First, Lex, Mention, RuleDef, RULES};
use serde::Deserialize;

/// The file of what the engine gets wrong: read by its own test only.
const KNOWN_FAILURES: &str = "known_failures.yaml";

/// The fewest positive texts and negatives each rule must have.
const MIN_POSITIVE: usize = 5;
const MIN_NEGATIVE: usize = 3;

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
    /// The tag rule whose mention must cover each text.
    #[serde(default)]
    rule: Option<String>,
    /// A rule whose mention comes first and is joined into the value (the
    /// weekday of "Tuesday, Feb. 4").
    #[serde(default)]
    with: Option<String>,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    anchor: Option<NaiveDate>,
    texts: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Negatives {
    rule: String,
    texts: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct KnownFailures {
    anchor: NaiveDate,
    #[serde(default)]
    positives: Vec<Example>,
    #[serde(default)]
    negatives: Vec<Negatives>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar")
}

fn is_rule(name: &str) -> bool {
    RULES.iter().any(|r| r.name == name)
}

/// Every example corpus but the known failures: (file name, corpus).
fn corpora() -> Vec<(String, Corpus)> {
    let dir = root().join("examples");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("grammar/examples exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter(|p| p.file_name().is_some_and(|n| n != KNOWN_FAILURES))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "example corpora missing");
    files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("readable");
            let corpus: Corpus = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let name = f.file_name().and_then(|s| s.to_str()).unwrap_or("?").to_string();
            (name, corpus)
        })
        .collect()
}

/// The negative list: (the rule of its section, or none before the first; the string).
fn negatives() -> Vec<(Option<String>, String)> {
    let text = fs::read_to_string(root().join("negative.txt")).expect("grammar/negative.txt");
    let mut rule = None;
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("# rule: ") {
            rule = Some(name.trim().to_string());
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            out.push((rule.clone(), line.to_string()));
        }
    }
    out
}

fn known_failures() -> KnownFailures {
    let path = root().join("examples").join(KNOWN_FAILURES);
    let text = fs::read_to_string(&path).expect("known failures readable");
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run(text: &str, anchor: NaiveDate) -> (Vec<Mention>, Vec<Resolved>) {
    let m = tag(text, 0..text.len());
    let r = resolve_all(text, &m, Some(&AnchorRef::Day(anchor)));
    (m, r)
}

/// Check one surface form; returns a failure message.
fn check(ex: &Example, text: &str, anchor: NaiveDate) -> Option<String> {
    let full = ex.context.as_deref().unwrap_or(text);
    let Some(at) = full.find(text) else {
        return Some(format!("{text:?}: not in its context"));
    };
    let span = (at, at + text.len());
    let (mentions, res) = run(full, anchor);
    let hits: Vec<&Resolved> = res.iter().filter(|r| r.start < span.1 && span.0 < r.end).collect();
    if hits.is_empty() {
        return Some(format!("{text:?}: no parse"));
    }
    // the mentions covering it, in text order, made by the named rules
    let rules: Vec<&str> = mentions
        .iter()
        .filter(|m| m.start < span.1 && span.0 < m.end)
        .map(|m| m.rule)
        .collect();
    let want: Vec<&str> = ex.with.iter().chain(&ex.rule).map(String::as_str).collect();
    if rules != want {
        return Some(format!("{text:?}: made by {rules:?}, want {want:?}"));
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

/// What a negative string is tagged as; `None` when nothing.
fn tagged(line: &str, anchor: NaiveDate) -> Option<String> {
    let (m, res) = run(line, anchor);
    if m.is_empty() && res.is_empty() {
        return None;
    }
    Some(format!(
        "{line:?} → {:?}",
        m.iter()
            .map(|m| (&line[m.start..m.end], m.rule))
            .chain(res.iter().map(|r| (r.text.as_str(), r.timex.value.as_str())))
            .collect::<Vec<_>>()
    ))
}

/// The anchor of the negative list.
fn negative_anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 2, 10).expect("valid")
}

/// The words of `text` as the scanner reads them (runs of word bytes), lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii() || !is_word_byte(c as u8))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

fn surfaces(l: &Lexicons, x: Lex) -> &[String] {
    match x {
        Lex::Months => l.months.surfaces(),
        Lex::Weekdays => l.weekdays.surfaces(),
        Lex::Units => l.units.surfaces(),
        Lex::Numbers => l.numbers.surfaces(),
        Lex::Ordinals => l.ordinals.surfaces(),
        Lex::Seasons => l.seasons.surfaces(),
        Lex::Holidays => l.holidays.surfaces(),
        Lex::Modifiers => l.modifiers.surfaces(),
        Lex::Positions => l.positions.surfaces(),
        Lex::References => l.references.surfaces(),
        Lex::RelativeDays => l.relative_days.surfaces(),
        Lex::Relatives => l.relatives.surfaces(),
        Lex::Sets => l.sets.surfaces(),
    }
}

/// Is `rule` tried somewhere in `text`: does a word of it start with a
/// digit (for a rule that may start with a number) or is it one of the
/// rule's first words?
fn tries(rule: &RuleDef, text: &str) -> bool {
    let l = lexicons().expect("grammar loads");
    let first: Vec<String> = rule
        .start
        .words()
        .iter()
        .flat_map(|f| match *f {
            First::Word(w) => vec![w.to_string()],
            First::Lex(x) => surfaces(l, x)
                .iter()
                .filter_map(|s| words(s).into_iter().next())
                .collect(),
        })
        .collect();
    let digit = rule.start.digit();
    words(text)
        .iter()
        .any(|w| (digit && w.as_bytes()[0].is_ascii_digit()) || first.contains(w))
}

/// The rule a group names, or why it cannot be used.
fn named_rule(ex: &Example) -> Result<&str, String> {
    let rule = ex
        .rule
        .as_deref()
        .ok_or_else(|| format!("{:?}: names no rule", ex.texts))?;
    for r in std::iter::once(rule).chain(ex.with.as_deref()) {
        if !is_rule(r) {
            return Err(format!("{:?}: unknown rule {r:?}", ex.texts));
        }
    }
    Ok(rule)
}

#[test]
fn every_grammar_example() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (file, corpus) in corpora() {
        for ex in &corpus.examples {
            if let Err(msg) = named_rule(ex) {
                failures.push(format!("{file}: {msg}"));
                continue;
            }
            for t in &ex.texts {
                n += 1;
                if let Some(msg) = check(ex, t, ex.anchor.unwrap_or(corpus.anchor)) {
                    failures.push(format!("{file}: {msg}"));
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
    let mut bad = Vec::new();
    for (rule, line) in negatives() {
        if let Some(r) = rule.as_deref() {
            // a negative of a rule is a string the rule is tried on
            match RULES.iter().find(|d| d.name == r) {
                None => bad.push(format!("{line:?}: unknown rule {r:?}")),
                Some(d) if !tries(d, &line) => bad.push(format!("{line:?}: {r:?} is never tried on it")),
                Some(_) => {}
            }
        }
        if let Some(msg) = tagged(&line, negative_anchor()) {
            bad.push(msg);
        }
    }
    assert!(bad.is_empty(), "tagged:\n{}", bad.join("\n"));
}

#[test]
fn every_rule_has_positives_and_negatives() {
    // (positive texts, negatives) per rule
    let mut count: BTreeMap<&str, (usize, usize)> = RULES.iter().map(|r| (r.name, (0, 0))).collect();
    for (_, corpus) in corpora() {
        for ex in &corpus.examples {
            if let Some(c) = ex.rule.as_deref().and_then(|r| count.get_mut(r)) {
                c.0 += ex.texts.len();
            }
        }
    }
    for (rule, _) in negatives() {
        if let Some(c) = rule.as_deref().and_then(|r| count.get_mut(r)) {
            c.1 += 1;
        }
    }
    let mut missing = Vec::new();
    for r in RULES {
        let (pos, neg) = count[r.name];
        println!("{pos:4} positive {neg:3} negative  {}", r.name);
        if pos < MIN_POSITIVE || neg < MIN_NEGATIVE {
            missing.push(format!("{}: {pos} positive, {neg} negative", r.name));
        }
    }
    assert!(
        missing.is_empty(),
        "rules with fewer than {MIN_POSITIVE} positive or {MIN_NEGATIVE} negative examples:\n{}",
        missing.join("\n")
    );
}

#[test]
fn known_failures_are_listed() {
    let known = known_failures();
    let (mut failing, mut fixed, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for ex in &known.positives {
        if let Err(msg) = named_rule(ex) {
            unknown.push(msg);
            continue;
        }
        for t in &ex.texts {
            match check(ex, t, ex.anchor.unwrap_or(known.anchor)) {
                Some(msg) => failing.push(format!("positive {msg}")),
                None => fixed.push(format!("positive {t:?} ({})", ex.value)),
            }
        }
    }
    for neg in &known.negatives {
        if !is_rule(&neg.rule) {
            unknown.push(format!("{:?}: unknown rule {:?}", neg.texts, neg.rule));
        }
        for t in &neg.texts {
            match tagged(t, known.anchor) {
                Some(msg) => failing.push(format!("negative {msg}")),
                None => fixed.push(format!("negative {t:?}")),
            }
        }
    }
    println!("{} known failures:\n{}", failing.len(), failing.join("\n"));
    if !fixed.is_empty() {
        println!(
            "{} now pass (move them to the examples or grammar/negative.txt):\n{}",
            fixed.len(),
            fixed.join("\n")
        );
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
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
