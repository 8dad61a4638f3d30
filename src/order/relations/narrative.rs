//! Readers that relate a date to one told in an earlier clause or sentence,
//! whatever lies between: sentence adverbs, a period's two ends, and a
//! duration or order phrase whose complement names an earlier event.
//!
//! ```text
//! adverb   := <dated A> … LATER|EARLIER-adverb … <dated B>
//!             A: the last date before the adverb in its sentence, else the last date
//!                of the sentences just before (within `REACH` bytes)
//!             later: B ends no earlier than A starts; earlier: B starts no later than A ends
//! period   := BEGIN-word <dated A> … END-word <dated B>          (B is A's next date)
//!             B in A's sentence after "and", or opening a later sentence with "it"/"they"
//!             B ends no earlier than A starts
//! named    := <dated B> … <duration D> FORWARD|BACKWARD-word the NOUN  (no date in its clause)
//!           | AFTER|BEFORE-phrase the NOUN , <dated B>                (opening its sentence)
//!             the reference: the last date of the sentences just before, told in a
//!             sentence holding a word of NOUN's stem (`STEM` letters in common)
//! opening  := … after <duration D> …                             ("After nearly two years of work, …")
//!             the target B: the date nearest before it (within `NEAR` words), else the first
//!             after it; the reference: the sentence's date before B, else the last date
//!             of the sentences just before; B.start − reference.start ∈ D
//! ```
//!
//! Every reader needs both dates anchored (their years written, or two
//! written days of one year) and neither resolved against an uncertain
//! anchor.

use std::ops::Range;

use super::{both_anchored, first_word, measured, words, Cue, End, Index, Relation};
use crate::order::events::Telling;
use crate::order::lexicon::Lexicon;
use crate::resolve::Resolved;
use crate::timex::TimexType;

/// How far back, in bytes from a sentence's start, the date an adverb or a
/// complement refers to may be told (as in the general duration reader:
/// "The storm reached the coast on 4 January. Ferries were cancelled.
/// Before it arrived, …" reaches one short sentence back).
const REACH: usize = 300;

/// How many leading letters two words share to name one event ("vote" ~
/// "voted", "closure" ~ "closed", "arrest" ~ "arrested"); words shorter
/// than this are not compared. Four: three ("con", "pre") join unrelated
/// words; five misses "closure" ~ "closed". Dev corpus (eval/conflicts-dev,
/// duration 48, 52, 56 and order_words 44).
const STEM: usize = 4;

/// How many words may stand between a `begin` or `end` word and its date
/// ("began on 14 May", "closed its doors on 10 April").
const VERB_REACH: usize = 4;

/// How many words may stand between "after D" and the date it goes with
/// before it ("ended on 10 March, after three weeks"), as in the general
/// duration reader.
const NEAR: usize = 10;

/// Words before an adverb that turn it into a bound ("until then", "by
/// then", "before then"), a comparison ("no later than") or an adjective
/// ("the then prime minister").
const NOT_ADVERB: [&str; 7] = ["until", "till", "by", "before", "than", "since", "the"];

/// Words after an adverb that make it part of a date or a comparison
/// ("later that year", "earlier this month", "later than planned").
const NOT_AFTER_ADVERB: [&str; 3] = ["that", "this", "than"];

/// Does a word overlap a tagged mention?
fn in_mention(resolved: &[Resolved], r: &Range<usize>) -> bool {
    resolved.iter().any(|m| m.start < r.end && r.start < m.end)
}

/// A usable date: a date told in prose, not resolved against an uncertain anchor.
fn usable(t: &Telling) -> bool {
    t.kind == TimexType::Date && !t.ambiguous
}

/// The last date told before `at` in the sentences just before (within
/// [`REACH`] bytes of `at`): its corpus index.
pub(super) fn told_before(index: &Index<'_>, at: usize) -> Option<usize> {
    let p = index.last_ending_by(at)?;
    let t = index.telling(p)?;
    (t.span[1] + REACH >= at && t.span[1] <= at).then_some(p)
}

/// Sentence adverbs: "She left the company in 2016. Then, in 2014, she
/// founded her own firm"; "The museum reopened on 2 March 2021.
/// Previously, it had closed its doors on 10 April 2021".
pub(super) fn adverbs(text: &str, resolved: &[Resolved], index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    for (k, &(ib, tb)) in index.tellings.iter().enumerate() {
        if !usable(tb) {
            continue;
        }
        let same = index.in_sentence(&tb.sentence);
        let pos = same.iter().position(|&x| x == k).unwrap_or(0);
        // The words between the previous date of the sentence (or its start) and B.
        let from = pos
            .checked_sub(1)
            .map_or(tb.sentence.start, |p| index.tellings[same[p]].1.span[1]);
        let ws = words(text, from..tb.span[0]);
        let Some((j, later)) = ws.iter().enumerate().rev().find_map(|(j, (r, w))| {
            let later = if lex.later.contains(w) {
                true
            } else if lex.earlier.contains(w) {
                false
            } else {
                return None;
            };
            let prev = j.checked_sub(1).map(|p| ws[p].1.as_str());
            let next = ws.get(j + 1).map(|(_, n)| n.as_str());
            let bound =
                prev.is_some_and(|p| NOT_ADVERB.contains(&p)) || next.is_some_and(|n| NOT_AFTER_ADVERB.contains(&n));
            // "then" inside a clause is as often "at that time" ("the company
            // had then detected …"): read only opening its sentence ("Then, in
            // 2014, …", "And then …").
            let opening = r.start
                == tb.sentence.start
                    + text
                        .get(tb.sentence.clone())
                        .map_or(0, |x| x.len() - x.trim_start().len())
                || (j == 1 && pos == 0 && matches!(ws[0].1.as_str(), "and" | "but"));
            let bound = bound || (w == "then" && !(pos == 0 && opening));
            (!bound && !in_mention(resolved, r)).then_some((j, later))
        }) else {
            continue;
        };
        let at = ws[j].0.clone();
        let reference = match pos.checked_sub(1) {
            Some(p) => Some(index.tellings[same[p]].0),
            None => told_before(index, tb.sentence.start),
        };
        let Some(ia) = reference else { continue };
        let Some(ta) = index.telling(ia) else { continue };
        if !usable(ta) || !both_anchored(ta, tb) {
            continue;
        }
        let cue = Cue::Order(text.get(at.clone()).unwrap_or("").to_string());
        let (a, b) = if later {
            ((ia, End::Start), (ib, End::End))
        } else {
            ((ib, End::Start), (ia, End::End))
        };
        out.push(Relation {
            a,
            b,
            lo: Some(0),
            hi: None,
            cue,
            span: at,
        });
    }
}

/// Is one of the last [`VERB_REACH`] words before a telling's expression
/// (in its sentence, no comma between) in `list`? The word's range.
fn verb_before(text: &str, t: &Telling, list: &std::collections::BTreeSet<String>) -> Option<Range<usize>> {
    let ws = words(text, t.sentence.start..t.span[0]);
    ws.iter()
        .rev()
        .take(VERB_REACH)
        .take_while(|(r, _)| text.get(r.end..t.span[0]).is_some_and(|g| !g.contains([',', ';', ':'])))
        .find(|(_, w)| list.contains(w))
        .map(|(r, _)| r.clone())
}

/// A period told by its two ends: "The naval exercise began on 14 May 2023
/// and ended on 3 May 2023"; "The book fair opened on 9 October 2021. It
/// closed on 2 October 2021". The end may not come before the start.
pub(super) fn periods(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    for pair in index.tellings.windows(2) {
        let (&(ia, ta), &(ib, tb)) = (&pair[0], &pair[1]);
        if !usable(ta) || !usable(tb) || tb.span[0] < ta.span[1] || tb.span[0] > ta.span[1] + REACH {
            continue;
        }
        let (Some(br), Some(er)) = (verb_before(text, ta, &lex.begin), verb_before(text, tb, &lex.end)) else {
            continue;
        };
        let joined = if ta.sentence == tb.sentence {
            words(text, ta.span[1]..er.start).iter().any(|(_, w)| w == "and")
        } else {
            // the next sentence's subject is the same thing: "It closed …",
            // or named again ("The festival started … The festival ended …")
            let pronoun = first_word(text, tb.sentence.clone()).is_some_and(|(r, w)| {
                matches!(w.as_str(), "it" | "they") && !super::more_words_than(text, r.end..er.start, 1)
            });
            let subject = content(text, ta.sentence.start..br.start, lex);
            let again = content(text, tb.sentence.start..er.start, lex);
            pronoun || (!again.is_empty() && again.iter().all(|w| subject.contains(w)))
        };
        if !joined || !both_anchored(ta, tb) || super::crosses_year(ta, tb) {
            continue;
        }
        out.push(Relation {
            a: (ia, End::Start),
            b: (ib, End::End),
            lo: Some(0),
            hi: None,
            cue: Cue::Range(format!(
                "{} … {}",
                text.get(br.start..ta.span[1]).unwrap_or(""),
                text.get(er.start..tb.span[1]).unwrap_or("")
            )),
            span: br.start..tb.span[1],
        });
    }
}

/// Content words of a text (lowercase, at least [`STEM`] letters, no stop
/// or trim words).
fn content(text: &str, within: Range<usize>, lex: &Lexicon) -> Vec<String> {
    words(text, within)
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() >= STEM && !lex.stop.contains(w) && !lex.trim.contains(w))
        .collect()
}

/// Do two words share their first [`STEM`] letters?
fn same_stem(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().take(STEM).collect(), b.chars().take(STEM).collect());
    x.len() == STEM && x == y
}

/// The date a complement names ("six weeks after the vote", "After the
/// count"): the last date of the sentences just before, when a word of its
/// sentence shares a stem with a content word of the complement, or when
/// both tell a beginning (`begin` words: "after it first carried cars" and
/// "The bridge opened in 1998").
pub(super) fn named_before(
    text: &str,
    index: &Index<'_>,
    sentence: &Range<usize>,
    complement: Range<usize>,
    lex: &Lexicon,
) -> Option<usize> {
    let names = content(text, complement.clone(), lex);
    if names.is_empty() {
        return None;
    }
    let p = told_before(index, sentence.start)?;
    let t = index.telling(p)?;
    let told = content(text, t.sentence.clone(), lex);
    if names.iter().any(|n| told.iter().any(|w| same_stem(n, w))) {
        return Some(p);
    }
    // "30 years after it first carried cars" names a beginning: the latest
    // date of the sentences just before told with a `begin` word ("The
    // bridge opened in 1998. Engineers found cracks last year. …").
    if !words(text, complement).iter().any(|(_, w)| lex.begin.contains(w)) {
        return None;
    }
    index
        .tellings
        .iter()
        .rev()
        .filter(|(_, x)| x.span[1] <= sentence.start)
        .take_while(|(_, x)| x.span[1] + REACH >= sentence.start)
        .find(|(_, x)| verb_before(text, x, &lex.begin).is_some())
        .map(|(i, _)| *i)
}

/// "After the count, on 3 April 2023, the winner was announced" following
/// "Counting ended on 6 April 2023": an order phrase opening its sentence
/// with no date in its complement orders the sentence's first date against
/// the date its complement names ([`named_before`]).
pub(super) fn named_openers(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    let mut seen = std::collections::BTreeSet::new();
    for &(ib, tb) in index.tellings {
        if !seen.insert(tb.sentence.start) || !usable(tb) {
            continue;
        }
        let s = &tb.sentence;
        // the complement: from the phrase to the first comma, holding no date
        let Some(comma) = text
            .get(s.start..tb.span[0])
            .and_then(|g| g.find(','))
            .map(|c| s.start + c)
        else {
            continue;
        };
        let head = words(text, s.start..comma);
        let Some((list, is_before)) = [(&lex.before, true), (&lex.after, false)]
            .into_iter()
            .find_map(|(l, b)| {
                l.iter()
                    .find(|p| head.len() > p.len() && head[..p.len()].iter().map(|(_, w)| w).eq(p.iter()))
                    .map(|p| (p.len(), b))
            })
        else {
            continue;
        };
        let gap = words(text, comma..tb.span[0]);
        if gap.iter().any(|(_, w)| !lex.trim.contains(w)) {
            continue;
        }
        let Some(ia) = named_before(text, index, s, head[list].0.start..comma, lex) else {
            continue;
        };
        let Some(ta) = index.telling(ia) else { continue };
        if !usable(ta) || !both_anchored(ta, tb) {
            continue;
        }
        let span = head[0].0.start..head[list - 1].0.end;
        let cue = Cue::Order(text.get(span.clone()).unwrap_or("").to_string());
        // "Before X, B": B starts no later than X ends; "After X, B": B ends no earlier than X starts.
        let (a, b) = if is_before {
            ((ib, End::Start), (ia, End::End))
        } else {
            ((ia, End::Start), (ib, End::End))
        };
        out.push(Relation {
            a,
            b,
            lo: Some(0),
            hi: None,
            cue,
            span,
        });
    }
}

/// "after D" told as a span: "Work on the stadium began in 2015. After
/// nearly two years of construction, it opened on 5 June 2021"; "The talks
/// began on 3 March and ended on 10 March, after three weeks". The target
/// is the date "after D" goes with: the nearest before it in its sentence
/// (within [`NEAR`] words), else the first after it; the reference, the
/// date of the sentence before the target, else the last date of the
/// sentences just before. target.start − reference.start ∈ D.
pub(super) fn openings(text: &str, resolved: &[Resolved], index: &Index<'_>, out: &mut Vec<Relation>) {
    for (d, (lo, hi)) in measured(text, resolved) {
        if out.iter().any(|x| x.span.start < d.end && d.start < x.span.end) {
            continue;
        }
        let sentence = crate::text::sentence(text, d.start..d.end);
        let Some((pr, p)) = super::last_word(text, sentence.start..d.start) else {
            continue;
        };
        if !(p == "after" || p == "following") || text.get(pr.end..d.start).is_none_or(|g| !g.trim().is_empty()) {
            continue;
        }
        let same = index.in_sentence(&sentence);
        let tell = |k: usize| index.tellings[k];
        let near_before = same
            .iter()
            .rev()
            .map(|&k| (k, tell(k)))
            .find(|(_, (_, t))| t.span[1] <= pr.start)
            .filter(|(_, (_, t))| words(text, t.span[1]..pr.start).len() <= NEAR);
        // …with no clause mark but one comma between; or, when "after D"
        // opens the sentence, the first date after it outside a relative
        // clause ("…, which hit a reef in 1989" dates something else).
        let near_before = near_before.filter(|(_, (_, t))| {
            text.get(t.span[1]..pr.start)
                .is_some_and(|g| !g.contains([':', ';', '.']) && g.matches(',').count() <= 1)
        });
        let opens = words(text, sentence.start..pr.start).len() <= 1;
        let target = near_before.or_else(|| {
            let (k, t) = same
                .iter()
                .map(|&k| (k, tell(k)))
                .find(|(_, (_, t))| t.span[0] >= d.end)?;
            let relative = words(text, d.end..t.1.span[0])
                .iter()
                .any(|(_, w)| matches!(w.as_str(), "which" | "who" | "that" | "when" | "where"));
            (opens && !relative).then_some((k, t))
        });
        let Some((k, (it, tt))) = target else { continue };
        let earlier = same
            .iter()
            .rev()
            .copied()
            .find(|&x| x < k && tell(x).1.span[1] <= tt.span[0]);
        let reference = match earlier {
            Some(x) => Some(tell(x).0),
            None => told_before(index, sentence.start),
        };
        let Some(ir) = reference else { continue };
        let Some(tr) = index.telling(ir) else { continue };
        if !usable(tt) || !usable(tr) || !super::anchored(tr, tt) {
            continue;
        }
        out.push(Relation {
            a: (ir, End::Start),
            b: (it, End::Start),
            lo: Some(lo),
            hi,
            cue: Cue::Duration(text.get(pr.start..d.end).unwrap_or("").to_string()),
            span: d.start..d.end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_four_letters() {
        assert_eq!(STEM, 4);
        assert!(same_stem("closure", "closed"));
        assert!(same_stem("vote", "voted"));
        assert!(!same_stem("consulted", "conceded"));
        assert!(!same_stem("cut", "cut"));
    }

    #[test]
    fn the_reaches_are_pinned() {
        assert_eq!((REACH, NEAR, VERB_REACH), (300, 10, 4));
        assert_eq!(super::super::LEADS.len(), 12);
        assert_eq!(
            (super::super::ANAPHOR_WORDS, super::super::general::RELATIVE_WORDS),
            (2, 3)
        );
        assert!(NOT_ADVERB.contains(&"until") && NOT_AFTER_ADVERB.contains(&"that"));
    }
}
