//! Salience: how much a day (or an event) matters in the story, from
//! features of its reports, weighed by a logistic model whose weights are
//! data (`grammar/timeline_weights.txt`, learned on the development
//! stories), and the sentences that say what happened on a day.
//!
//! ```text
//! docs      ln(1 + articles reporting it)
//! lead      ln(1 + articles reporting it in their first sentences)
//! published ln(1 + articles published on it or the two days after)
//! later     ln(1 + articles published 3 days or more after it that report it)
//! spread    ln(1 + distinct publication days of the articles reporting it)
//! self      share of the reporting articles published that day
//! explicit  share of its reports that write the date with a digit
//! multi     ln(1 + its events told by two articles or more)
//! mentions  ln(1 + articles naming the day anywhere: headlines, datelines, stamps too)
//! pub0      ln(1 + articles published that very day)
//! told      ln(1 + articles reporting it, one published a week or more after it counting 3)
//! salience  = 1 / (1 + exp(-(bias + Σ weight·feature)))
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::lexicon::{Lexicon, FEATURES, N_FEATURES};
use super::reports::Rep;
use super::words::{clean, tokens};
use crate::order::events::day;

/// Sentences shorter than this many words say too little to stand in a timeline.
const MIN_WORDS: usize = 6;

/// Longer than this they are a paragraph flattened into one sentence.
const MAX_WORDS: usize = 60;

/// An article published this many days or more after a day still tells it:
/// the day was remembered, not only news ([`features`]' `told`) …
const REMEMBERED_DAYS: i64 = 7;

/// … and counts this many times.
const REMEMBERED_WEIGHT: f64 = 3.0;

/// Two sentences sharing this share of their words say the same thing.
const REDUNDANT: f64 = 0.5;

/// Publication days by article: what `published`, `later`, `spread` and `self` read.
#[derive(Debug, Clone)]
pub struct Published {
    /// Each article's publication day, when known to the day.
    pub of_doc: Vec<Option<NaiveDate>>,
    /// Articles by publication day number.
    per_day: HashMap<i64, usize>,
}

impl Published {
    /// From each article's publication day.
    pub fn new(of_doc: Vec<Option<NaiveDate>>) -> Published {
        let mut per_day = HashMap::new();
        for d in of_doc.iter().flatten() {
            *per_day.entry(day(*d)).or_insert(0) += 1;
        }
        Published { of_doc, per_day }
    }

    fn around(&self, d: i64) -> usize {
        (0..=2).map(|k| self.per_day.get(&(d + k)).copied().unwrap_or(0)).sum()
    }
}

/// The features of a set of reports dated `d` ([`FEATURES`] order).
pub fn features(
    reps: &[&Rep],
    d: NaiveDate,
    multi: usize,
    mentions: usize,
    published: &Published,
) -> [f64; N_FEATURES] {
    let dn = day(d);
    let docs: BTreeSet<usize> = reps.iter().map(|r| r.doc).collect();
    let lead: BTreeSet<usize> = reps.iter().filter(|r| r.lead).map(|r| r.doc).collect();
    let pub_of = |doc: usize| published.of_doc.get(doc).copied().flatten().map(day);
    let later = docs
        .iter()
        .filter(|&&doc| pub_of(doc).is_some_and(|p| p > dn + 2))
        .count();
    let own = docs.iter().filter(|&&doc| pub_of(doc) == Some(dn)).count();
    let days: BTreeSet<i64> = docs.iter().filter_map(|&doc| pub_of(doc)).collect();
    let remembered = docs
        .iter()
        .filter(|&&doc| pub_of(doc).is_some_and(|p| p >= dn + REMEMBERED_DAYS))
        .count();
    let told = (docs.len() - remembered) as f64 + REMEMBERED_WEIGHT * remembered as f64;
    let explicit = reps.iter().filter(|r| r.explicit).count();
    let ln = |n: usize| (1.0 + n as f64).ln();
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    [
        ln(docs.len()),
        ln(lead.len()),
        ln(published.around(dn)),
        ln(later),
        ln(days.len()),
        share(own, docs.len()),
        share(explicit, reps.len()),
        ln(multi),
        ln(mentions.max(docs.len())),
        ln(published.per_day.get(&dn).copied().unwrap_or(0)),
        told.ln_1p(),
    ]
}

/// The salience of a feature vector, 0..=1.
pub fn score(x: &[f64; N_FEATURES], lex: &Lexicon) -> f64 {
    let z = lex.bias + x.iter().zip(&lex.weights).map(|(a, w)| a * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The features as named pairs, for `--explain`.
pub fn named(x: &[f64; N_FEATURES]) -> BTreeMap<String, f64> {
    FEATURES
        .iter()
        .zip(x)
        .map(|(n, v)| (n.to_string(), round(*v)))
        .collect()
}

/// Rounded to 4 decimals, for stable output.
pub fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A sentence from an article published before the day says what was to
/// happen, not what happened: its score counts this much.
const PREVIEW: f64 = 0.5;

/// A page's clock stamp ("May 11, 2010 20:24 UTC", "at 2030 BST") or a
/// bulleted list of headlines ("* Lawsuit is first …") inside a sentence:
/// page furniture run into the prose, not a sentence to show.
fn stamped(s: &str) -> bool {
    let zone = |w: &str| {
        (2..=4).contains(&w.len()) && (w.ends_with('T') || w == "UTC") && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let clock = |w: &str| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        digits >= 3 && w.chars().all(|c| c.is_ascii_digit() || c == ':') && (w.contains(':') || w.len() == 4)
    };
    let ws: Vec<&str> = s.split_whitespace().collect();
    ws.iter().any(|w| matches!(*w, "*" | "\\*" | "•"))
        || ws.windows(2).any(|p| clock(p[0]) && zone(p[1]))
        || ws.windows(3).any(|p| {
            let half = matches!(p[1].to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.");
            clock(p[0]) && half && zone(p[2])
        })
        || ws.iter().any(|w| {
            w.len() > 4 && w.is_char_boundary(w.len() - 3) && zone(&w[w.len() - 3..]) && clock(&w[..w.len() - 3])
        })
}

/// Up to `k` sentences that say what happened on day `d`: from its reports,
/// readable (cleaned), no furniture, not too short or long, the most central
/// first (their words told by many of the day's articles, rare words
/// counting more; a preview from an article published before the day
/// less), none repeating one already taken; no page stamp or headline list.
pub fn sentences(
    reps: &[&Rep],
    texts: &[&str],
    idf: &[f64],
    (k, d, published): (usize, NaiveDate, &Published),
    lex: &Lexicon,
) -> Vec<String> {
    let mut day_df: HashMap<u32, usize> = HashMap::new();
    let mut seen_doc: BTreeSet<(usize, u32)> = BTreeSet::new();
    for r in reps {
        for &w in &r.words {
            if seen_doc.insert((r.doc, w)) {
                *day_df.entry(w).or_insert(0) += 1;
            }
        }
    }
    let ndocs = reps.iter().map(|r| r.doc).collect::<BTreeSet<_>>().len().max(1) as f64;
    let mut cands: Vec<(f64, usize, String, BTreeSet<String>)> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (i, r) in reps.iter().enumerate() {
        let Some(raw) = texts.get(i).and_then(|t| t.get(r.sentence.clone())) else {
            continue;
        };
        if lex.not_event(raw) {
            continue;
        }
        // cleaned first: a dateline that `clean` takes off the head is no stamp
        let s = clean(raw);
        if stamped(&s) {
            continue;
        }
        let n = tokens(&s).count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&n) || !seen.insert(s.clone()) {
            continue;
        }
        let central: f64 = r
            .words
            .iter()
            .map(|w| {
                let df = day_df.get(w).copied().unwrap_or(1) as f64;
                idf.get(*w as usize).copied().unwrap_or(0.0) * ((df - 1.0) / ndocs)
            })
            .sum::<f64>()
            / (r.words.len().max(1) as f64).sqrt();
        let preview = published.of_doc.get(r.doc).copied().flatten().is_some_and(|p| p < d);
        let score = (central + if r.lead { 0.1 } else { 0.0 }) * if preview { PREVIEW } else { 1.0 };
        let bag: BTreeSet<String> = tokens(&s)
            .map(|(_, w)| w.to_lowercase())
            .filter(|w| !lex.stop.contains(w))
            .collect();
        cands.push((score, i, s, bag));
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for (_, _, s, bag) in cands {
        if out.len() >= k {
            break;
        }
        let dup = out.iter().any(|(_, b)| {
            let inter = b.intersection(&bag).count() as f64;
            let small = b.len().min(bag.len()).max(1) as f64;
            inter / small >= REDUNDANT
        });
        if !dup {
            out.push((s, bag));
        }
    }
    out.into_iter().map(|(s, _)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_articles_more_salience() {
        let lex = super::super::lexicon::get();
        let mut a = [0.0; N_FEATURES];
        let b = a;
        a[0] = 2.0;
        assert!(score(&a, lex) > score(&b, lex));
    }

    fn rep(doc: usize) -> Rep {
        Rep {
            doc,
            span: [0, 5],
            expression: "April 20".into(),
            value: "2010-04-20".into(),
            kind: crate::timex::TimexType::Date,
            modifier: None,
            hull: None,
            day: None,
            offset: None,
            sentence: 0..10,
            lead: false,
            explicit: true,
            year: false,
            words: Vec::new(),
            names: Vec::new(),
            kinds: Vec::new(),
            prior: None,
            dateline: false,
        }
    }

    #[test]
    fn stamps_and_bullets_are_no_sentence() {
        assert!(stamped(
            "May 11, 2010 20:24 UTC With the spotlight on the spill, advocates look north."
        ));
        assert!(stamped(
            "BP - In Deep Water , BBC One , Monday , 21 June at 2030 BST Then available"
        ));
        assert!(stamped("at 2030BST Then available in the UK via the link below"));
        assert!(stamped(
            "BP agrees to a fund WASHINGTON | Thu Jun 17, 2010 1:29 am IST WASHINGTON - Under pressure"
        ));
        assert!(stamped(
            "\\* Transocean also named \\* Lawsuit is first for economic losses"
        ));
        assert!(!stamped(
            "BP capped the well on July 15 after 87 days, at 1,360 barrels a day."
        ));
        assert!(!stamped(
            "The 2010 spill eclipsed the 1989 Exxon Valdez disaster in the NATO report."
        ));
    }

    #[test]
    fn a_day_still_told_a_week_later_counts_more() {
        let d = NaiveDate::from_ymd_opt(2010, 4, 20).expect("a day");
        let at = |n: i64| d.checked_add_signed(chrono::Duration::days(n));
        let told = |later: i64| {
            let published = Published::new(vec![at(0), at(later)]);
            let (a, b) = (rep(0), rep(1));
            features(&[&a, &b], d, 0, 0, &published)[10]
        };
        assert_eq!(FEATURES[10], "told");
        assert!((told(1) - 3f64.ln()).abs() < 1e-9, "two articles: ln(1 + 2)");
        assert!(
            (told(7) - 5f64.ln()).abs() < 1e-9,
            "one a week later counts 3: ln(1 + 1 + 3)"
        );
    }

    /// The shipped weights, and where each came from (`grammar/timeline_weights.txt`):
    /// a refit that changes them changes this test, with its figures in the file.
    #[test]
    fn the_weights_are_pinned_with_their_source() {
        let lex = super::super::lexicon::get();
        let want = [
            ("docs", 0.25),
            ("lead", 0.0),
            ("published", 0.0),
            ("later", 0.0),
            ("spread", -0.25),
            ("self", 0.5),
            ("explicit", 0.0),
            ("multi", -0.25),
            ("mentions", 0.0),
            ("pub0", 0.1),
            ("told", 1.0),
        ];
        for (i, (name, w)) in want.iter().enumerate() {
            assert_eq!((FEATURES[i], lex.weights[i]), (*name, *w));
        }
        assert_eq!(lex.bias, -3.0);
        let file = include_str!("../../grammar/timeline_weights.txt");
        for line in file.lines().filter(|l| !l.starts_with('#') && l.contains('|')) {
            let source = line.split('|').nth(2).unwrap_or("").trim();
            let fitted = source.starts_with("fitted on") && source.contains("T17 dev") && source.contains("date F1");
            assert!(fitted || source == "hand" || source.starts_with("fixed"), "{line}");
        }
    }
}
