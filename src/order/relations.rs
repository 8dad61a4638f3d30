//! Relations between two tellings of one article, read from the words of a
//! sentence: order words and measured durations.
//!
//! ```text
//! order    := <dated E1> (≤ 2 words) BEFORE|AFTER-phrase (≤ 3 words) <dated E2>
//!           | BEFORE|AFTER-phrase <dated E2> , ... <dated E1>      (sentence opener)
//!             before: E1 starts no later than E2 ends;  after: E1 ends no earlier than E2 starts
//! duration := <duration D> FORWARD|BACKWARD-word <reference>   in the sentence of a dated target
//!   reference := <dated E2> right after the word             ("30 years after 1998")
//!              | nothing (", …" or the sentence's end)        ("30 years later"): the dated
//!                                                              event told just before
//!              | a phrase                                      ("30 years after it first carried
//!                                                              cars"): the event of the same
//!                                                              article told with a `begin` word,
//!                                                              or sharing three content words
//!   target.start − reference.start ∈ D (forward) or reference.start − target.start ∈ D (backward)
//! ```
//!
//! Vague amounts are bounds, not points: "nearly three years" allows 2¼ to 3
//! years, "about a month" 3 to 5 weeks, "more than 30 years" anything from 30
//! years up; an exact amount allows one unit either way ("30 years" 29 to 31).

use std::ops::Range;

use super::events::{content_words, words, Telling};
use super::lexicon::Lexicon;
use crate::resolve::Resolved;
use crate::timex::{TimexMod, TimexType};

/// Which end of an event a relation constrains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum End {
    /// The first day.
    Start,
    /// The last day.
    End,
}

/// What kind of statement gave the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// An order phrase ("ahead of").
    Order(String),
    /// A duration and its direction word ("30 years after").
    Duration(String),
}

/// "point(b) − point(a) ∈ [lo, hi]" in days, between two tellings of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// First telling (index into the corpus's tellings) and its end.
    pub a: (usize, End),
    /// Second telling and its end.
    pub b: (usize, End),
    /// Least difference (None: open).
    pub lo: Option<i64>,
    /// Greatest difference (None: open).
    pub hi: Option<i64>,
    /// The words that gave it.
    pub cue: Cue,
    /// Byte span of the cue (the duration with its word, or the order phrase).
    pub span: Range<usize>,
}

/// Days a duration value allows: `P3Y`, `P6M`, `P2W`, `P5D`, `PT5H` with its
/// mod. None for anything vaguer (`PXY`) or compound.
pub fn duration_days(value: &str, modifier: Option<TimexMod>) -> Option<(i64, Option<i64>)> {
    let body = value.strip_prefix('P')?;
    let (time, body) = match body.strip_prefix('T') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let unit = body.chars().last()?;
    let n: f64 = body.get(..body.len() - 1)?.parse().ok()?;
    if !(n.is_finite() && n > 0.0 && n < 100_000.0) {
        return None;
    }
    // Shortest and longest day counts of one unit.
    let (umin, umax): (f64, f64) = match (time, unit) {
        (false, 'Y') => (365.0, 366.0),
        (false, 'M') => (28.0, 31.0),
        (false, 'W') => (7.0, 7.0),
        (false, 'D') => (1.0, 1.0),
        (true, 'H') => (1.0 / 24.0, 1.0 / 24.0),
        (true, 'M') => (1.0 / 1440.0, 1.0 / 1440.0),
        _ => return None,
    };
    let (lo, hi) = match modifier {
        Some(TimexMod::LessThan) | Some(TimexMod::EqualOrLess) => ((n * 0.75 - 1.0).max(0.0) * umin, Some(n * umax)),
        Some(TimexMod::MoreThan) | Some(TimexMod::EqualOrMore) => (n * umin, None),
        Some(TimexMod::Approx) | Some(TimexMod::Start) | Some(TimexMod::Mid) | Some(TimexMod::End) => {
            ((n * 0.75 - 1.0).max(0.0) * umin, Some((n * 1.25 + 1.0) * umax))
        }
        Some(_) => return None,
        None => ((n - 1.0).max(0.0) * umin, Some((n + 1.0) * umax)),
    };
    // A day of slack on each side: the days are whole, the amounts are not.
    Some(((lo.floor() as i64 - 1).max(0), hi.map(|h| h.ceil() as i64 + 1)))
}

/// Relations in one document. `tellings` are the document's tellings (in
/// text order) as `(corpus index, telling)`.
pub fn relations(text: &str, resolved: &[Resolved], tellings: &[(usize, &Telling)], lex: &Lexicon) -> Vec<Relation> {
    let mut out = Vec::new();
    order_words(text, tellings, lex, &mut out);
    durations(text, resolved, tellings, lex, &mut out);
    out
}

/// Does an order phrase end at most three words before `at`, with no
/// punctuation between ("ahead of the summit on March 5")? Returns the
/// phrase's byte range and whether it means "before".
fn phrase_before(text: &str, sentence: &Range<usize>, at: usize, lex: &Lexicon) -> Option<(Range<usize>, bool)> {
    let ws = words(text, sentence.start..at);
    for skip in 0..=3usize {
        if ws.len() < skip {
            break;
        }
        let head = &ws[..ws.len() - skip];
        let gap_from = head.last().map_or(sentence.start, |(r, _)| r.end);
        if text
            .get(gap_from..at)
            .is_none_or(|g| g.contains([',', ';', ':', '.', '(', ')']))
        {
            break;
        }
        for (list, before) in [(&lex.before, true), (&lex.after, false)] {
            for p in list.iter() {
                if head.len() >= p.len() && head[head.len() - p.len()..].iter().map(|(_, w)| w).eq(p.iter()) {
                    let r = head[head.len() - p.len()].0.start..head[head.len() - 1].0.end;
                    return Some((r, before));
                }
            }
        }
    }
    None
}

fn order_words(text: &str, tellings: &[(usize, &Telling)], lex: &Lexicon, out: &mut Vec<Relation>) {
    for (k2, (i2, t2)) in tellings.iter().enumerate() {
        let Some((phrase, before)) = phrase_before(text, &t2.sentence, t2.span[0], lex) else {
            continue;
        };
        // E1: the telling that ends at most two words before the phrase…
        let prior = tellings[..k2].iter().rev().find(|(_, t1)| {
            t1.sentence == t2.sentence
                && t1.span[1] <= phrase.start
                && words(text, t1.span[1]..phrase.start).len() <= 2
                && !text
                    .get(t1.span[1]..phrase.start)
                    .is_some_and(|g| g.contains([';', ':']))
        });
        // …or, when the phrase opens the sentence, the next one after a comma.
        let opener = words(text, t2.sentence.start..phrase.start).is_empty();
        let next = tellings[k2 + 1..].iter().find(|(_, t1)| {
            opener && t1.sentence == t2.sentence && text.get(t2.span[1]..t1.span[0]).is_some_and(|g| g.contains(','))
        });
        let Some((i1, _)) = prior.or(next) else { continue };
        let cue = Cue::Order(text.get(phrase.clone()).unwrap_or("").to_string());
        if before {
            // E1 starts no later than E2 ends: E2.end − E1.start ≥ 0.
            out.push(Relation {
                a: (*i1, End::Start),
                b: (*i2, End::End),
                lo: Some(0),
                hi: None,
                cue,
                span: phrase,
            });
        } else {
            // E1 ends no earlier than E2 starts: E1.end − E2.start ≥ 0.
            out.push(Relation {
                a: (*i2, End::Start),
                b: (*i1, End::End),
                lo: Some(0),
                hi: None,
                cue,
                span: phrase,
            });
        }
    }
}

fn durations(
    text: &str,
    resolved: &[Resolved],
    tellings: &[(usize, &Telling)],
    lex: &Lexicon,
    out: &mut Vec<Relation>,
) {
    for d in resolved {
        if d.timex.kind != TimexType::Duration || d.end > text.len() {
            continue;
        }
        let Some((lo, hi)) = duration_days(&d.timex.value, d.timex.modifier) else {
            continue;
        };
        let sentence = super::events::sentence(text, d.start..d.end);
        let after = words(text, d.end..sentence.end);
        let Some((wr, w)) = after.first() else { continue };
        // Only the word right after the duration ("30 years after").
        if text.get(d.end..wr.start).is_none_or(|g| !g.trim().is_empty()) {
            continue;
        }
        let forward = if lex.forward.contains(w) {
            true
        } else if lex.backward.contains(w) {
            false
        } else {
            continue;
        };
        let in_sentence: Vec<&(usize, &Telling)> = tellings.iter().filter(|(_, t)| t.sentence == sentence).collect();
        // The reference.
        let rest = &after[1..];
        let dated_next = in_sentence.iter().find(|(_, t)| {
            t.span[0] >= wr.end && words(text, wr.end..t.span[0]).iter().all(|(_, x)| lex.trim.contains(x))
        });
        let clause_end = text
            .get(wr.end..sentence.end)
            .and_then(|s| s.find([',', ';', '.']).map(|i| wr.end + i))
            .unwrap_or(sentence.end);
        let complement = words(text, wr.end..clause_end);
        let reference: Option<usize> = if let Some((i, _)) = dated_next {
            Some(*i)
        } else if complement.is_empty() || rest.is_empty() {
            // "30 years later": the event told just before the duration.
            tellings
                .iter()
                .rev()
                .find(|(_, t)| t.span[1] <= d.start)
                .map(|(i, _)| *i)
        } else {
            // "30 years after it first carried cars": an event of this article.
            let cwords = content_words(text.get(wr.end..clause_end).unwrap_or(""), lex);
            let begins = complement.iter().any(|(_, x)| lex.begin.contains(x));
            let mut best: Option<(usize, usize)> = None;
            for (i, t) in tellings {
                if t.sentence == sentence {
                    continue;
                }
                let shared = t.words.intersection(&cwords).count();
                let t_begins = words(&t.text, 0..t.text.len())
                    .iter()
                    .any(|(_, x)| lex.begin.contains(x));
                // A `begin` word on both sides, or three shared content words.
                let score = if begins && t_begins { 3 + shared } else { shared };
                if score >= 3 && best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, *i));
                }
            }
            best.map(|(_, i)| i)
        };
        let Some(r) = reference else { continue };
        // The target: the dated telling of the sentence nearest the duration.
        let target = in_sentence
            .iter()
            .filter(|(i, _)| *i != r)
            .min_by_key(|(_, t)| {
                if t.span[1] <= d.start {
                    d.start - t.span[1]
                } else {
                    t.span[0].saturating_sub(d.end)
                }
            })
            .map(|(i, _)| *i);
        let Some(t) = target else { continue };
        let cue = Cue::Duration(text.get(d.start..wr.end).unwrap_or("").to_string());
        let (a, b) = if forward { (r, t) } else { (t, r) };
        out.push(Relation {
            a: (a, End::Start),
            b: (b, End::Start),
            lo: Some(lo),
            hi,
            cue,
            span: d.start..wr.end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_amounts_are_bounds() {
        // exact: one unit either way, a day of slack
        assert_eq!(duration_days("P30Y", None), Some((29 * 365 - 1, Some(31 * 366 + 1))));
        // "nearly three years": 2¼ years minus one, up to three
        let (lo, hi) = duration_days("P3Y", Some(TimexMod::LessThan)).expect("bounds");
        assert!(lo < 2 * 365 && hi == Some(3 * 366 + 1), "{lo} {hi:?}");
        assert_eq!(
            duration_days("P6M", Some(TimexMod::EqualOrMore)),
            Some((6 * 28 - 1, None))
        );
        assert_eq!(duration_days("PXY", None), None);
        assert_eq!(duration_days("P1Y6M", None), None);
        // "about a month" allows 27 days
        let (lo, _) = duration_days("P1M", Some(TimexMod::Approx)).expect("bounds");
        assert!(lo <= 27);
    }
}
