//! Tagging: find temporal expressions in text.
//!
//! The scanner visits word starts only, and only those whose word is a
//! *trigger* (a digit, or the first word of some grammar entry or rule: month
//! and weekday names, `last`, `ago`, `the`, …). At a trigger it tries every
//! rule of [`RULES`] and keeps the longest match (the first rule wins a tie),
//! then continues after it. Each rule reads a bounded number of words, so the
//! whole scan is linear in the text.
//!
//! Rules (the full list with names is [`RULES`]; words come from `grammar/*.txt`):
//!
//! ```text
//! date      := yyyy-mm-dd | mm/dd/yyyy | <month> <day>[, <year>] | <day> <month> [<year>]
//!            | <month> [of] <year> | <year> | fiscal <year> | the <decade>s | [the] <ordinal> century
//!            | <year> BC | nineteen ninety-six
//! period    := Q<n> [<year>] | the <ordinal> quarter|half [of <year>] | [last|next] <season> [of <year>]
//!            | <holiday> | [early|mid|late|the end of] <date>
//! relative  := today | yesterday | tonight | last|next|this <unit>|<month>|<weekday>|<season>
//!            | <month> [of] last year | <month> of the previous year | the previous|following <unit>
//!            | the <unit> before | that <unit> | <amount> <unit> ago|later|earlier|from now
//! time      := <h>[:<mm>] a.m.|p.m. [<zone>] [<weekday>|<month> <day>] | <hh>:<mm> | noon | midnight
//!            | <weekday> morning|night | this morning
//! range     := <month> <day>-<day> | <day>-<day> <month> | from|between <point> to|and <point>
//!            | <month> to <month> [last year|<year>]
//! duration  := [<mod>] <amount> <unit> | <amount>-<unit>[-old|-long] | the past|next <amount> <unit>
//!            | recent|coming <units> | a single night
//! set       := every|each <unit>|<weekday> | daily | weekly | annually
//! reference := now | currently | recently | soon | to date | in the future | the past
//! amount    := the shared number combinator (grammar::number)
//! ```
//!
//! ```
//! let text = "Talks were held on February 4-5.";
//! let m = chronology::tag::tag(text, 0..text.len());
//! assert_eq!(&text[m[0].start..m[0].end], "February 4-5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod out_of_range;
pub mod rules;

use std::ops::Range;
use std::sync::OnceLock;

use crate::grammar::{is_word_byte, lexicons, Expr};
use rules::{Ctx, Rule};

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// The name of the rule that matched.
    pub rule: &'static str,
}

/// What a rule's first word can be: only rules that can start with the word
/// at hand are tried (a number never starts "last week").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A number.
    Digit,
    /// A word.
    Word,
    /// Either.
    Any,
}

/// Every tagging rule, in priority order (a longer match wins; on a tie, the earlier rule).
pub const RULES: &[(&str, Start, Rule)] = &[
    ("<yyyy-mm-dd> | <mm/dd/yyyy>", Start::Digit, rules::numeric_date),
    ("from|between <point> to|and <point> (range)", Start::Any, rules::range),
    ("<month> <day>[-<day>][, <year>]", Start::Word, rules::month_day_year),
    (
        "[the] <day>[-<day>] [of] <month> [<year>]",
        Start::Any,
        rules::day_month_year,
    ),
    (
        "<hh>:<mm> | <h> p.m. [<zone>] [<weekday>] | noon",
        Start::Any,
        rules::clock,
    ),
    (
        "<year> | the <decade>s | the <ordinal> century",
        Start::Any,
        rules::year_forms,
    ),
    (
        "the <ordinal> quarter|half [of <year>] | Q<n>",
        Start::Word,
        rules::quarter,
    ),
    ("[last|next] <season> [of <year>]", Start::Word, rules::season),
    ("[last|next] <holiday>", Start::Word, rules::holiday),
    ("today | yesterday [<part of day>]", Start::Word, rules::relative_day),
    ("[last|next] <weekday> [<part of day>]", Start::Word, rules::weekday),
    (
        "last|next|this <month> | <month> [of] last year",
        Start::Word,
        rules::month_alone,
    ),
    ("last|next|this <unit>", Start::Word, rules::relative_unit),
    (
        "the previous|following <unit> | that <unit>",
        Start::Word,
        rules::reference_unit,
    ),
    (
        "[<mod>] <number> <unit> [ago|later] (duration, shift)",
        Start::Any,
        rules::amount_unit,
    ),
    ("every <unit> | daily (set)", Start::Word, rules::set),
    ("early|mid|late <date>", Start::Word, rules::position),
    ("now | recently | soon (reference)", Start::Word, rules::reference),
];

/// Words the Rust parsers themselves start with (besides lexicon entries).
const RULE_WORDS: &[&str] = &[
    "the", "that", "per", "from", "between", "fiscal", "every", "each", "noon", "midnight", "earlier", "later", "a",
    "an", "q1", "q2", "q3", "q4",
];

/// A word of up to 16 bytes packed into an integer, lower-cased: comparing two
/// of these is one instruction, and building one allocates nothing.
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut v: u128 = 0;
    for &c in word {
        v = (v << 8) | u128::from(c.to_ascii_lowercase());
    }
    Some(v | ((word.len() as u128) << 124))
}

fn triggers() -> &'static Vec<u128> {
    static T: OnceLock<Vec<u128>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<u128> = RULE_WORDS.iter().filter_map(|w| pack(w.as_bytes())).collect();
        if let Ok(l) = lexicons() {
            let lists: [&[String]; 16] = [
                l.months.surfaces(),
                l.weekdays.surfaces(),
                l.units.surfaces(),
                l.numbers.surfaces(),
                l.ordinals.surfaces(),
                l.seasons.surfaces(),
                l.parts.surfaces(),
                l.holidays.surfaces(),
                l.modifiers.surfaces(),
                l.positions.surfaces(),
                l.references.surfaces(),
                l.relative_days.surfaces(),
                l.relatives.surfaces(),
                l.sets.surfaces(),
                l.anchor_refs.surfaces(),
                l.shifts.surfaces(),
            ];
            for list in lists {
                for s in list {
                    let first: Vec<u8> = s.bytes().take_while(|&b| is_word_byte(b)).collect();
                    // OK to skip longer words: no first word of the grammar is over 16 bytes
                    // (tests::triggers_fit checks it)
                    if let Some(p) = pack(&first).filter(|_| !first.is_empty()) {
                        v.push(p);
                    }
                }
            }
        }
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Very common words that start some rules ("the past", "a year", "at least"):
/// at these the rules run only when the next word is a grammar word too.
const WEAK: &[&str] = &[
    "the", "a", "an", "in", "at", "to", "that", "some", "no", "up", "just", "over", "under", "about", "more", "less",
    "from", "between", "each", "every", "per", "close", "not", "one", "so", "this", "these", "right", "around",
    "fewer", "longer", "after", "before", "later", "earlier", "once",
];

/// Every word of every grammar entry, and the words the rules read literally
/// after a first word: what may follow a weak trigger.
fn followers() -> &'static Vec<u128> {
    static F: OnceLock<Vec<u128>> = OnceLock::new();
    F.get_or_init(|| {
        let mut v: Vec<u128> = triggers().clone();
        let literal = [
            "of",
            "half",
            "quarter",
            "latest",
            "period",
            "comparable",
            "century",
            "year",
            "single",
            "full",
            "whole",
            "more",
            "additional",
            "straight",
            "old",
            "long",
            "on",
            "and",
            "through",
            "until",
            "till",
            "to",
            "fiscal",
            "least",
            "present",
            "moment",
            "date",
            "days",
            "beginning",
            "start",
            "end",
            "middle",
            "close",
            "near",
            "term",
            "estimated",
            "now",
            "most",
            "quite",
            "than",
            "year-earlier",
            "year-ago",
        ];
        v.extend(literal.iter().filter_map(|w| pack(w.as_bytes())));
        if let Ok(l) = lexicons() {
            let lists: [&[String]; 8] = [
                l.numbers.surfaces(),
                l.modifiers.surfaces(),
                l.positions.surfaces(),
                l.references.surfaces(),
                l.relative_days.surfaces(),
                l.holidays.surfaces(),
                l.shifts.surfaces(),
                l.units.surfaces(),
            ];
            for list in lists {
                for s in list {
                    for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
                        if let Some(p) = pack(w.as_bytes()).filter(|_| !w.is_empty()) {
                            v.push(p);
                        }
                    }
                }
            }
        }
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn weak() -> &'static Vec<u128> {
    static W: OnceLock<Vec<u128>> = OnceLock::new();
    W.get_or_init(|| {
        let mut v: Vec<u128> = WEAK.iter().filter_map(|w| pack(w.as_bytes())).collect();
        v.sort_unstable();
        v
    })
}

/// A weak trigger with no grammar word after it cannot start a mention.
fn weak_dead_end(word: &[u8], rest: &[u8]) -> bool {
    let Some(p) = pack(word) else { return false };
    if weak().binary_search(&p).is_err() {
        return false;
    }
    // the next word (after spaces or a hyphen); a digit always may follow
    let i = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'-'))
        .count();
    let next = &rest[i..];
    let n = next.iter().take_while(|&&b| is_word_byte(b)).count();
    if n == 0 {
        // "a.m." style and end of text: let the rules decide
        return false;
    }
    if next[0].is_ascii_digit() {
        return false;
    }
    pack(&next[..n]).is_some_and(|q| followers().binary_search(&q).is_err())
}

/// The first two letters of a word as a 10-bit index (letters only; others give None).
fn pair(word: &[u8]) -> Option<usize> {
    let a = word.first()?.to_ascii_lowercase();
    if !a.is_ascii_lowercase() {
        return None;
    }
    let b = word.get(1).map_or(b'`', |c| c.to_ascii_lowercase());
    Some(usize::from(a & 0x1f) << 5 | usize::from(b & 0x1f))
}

/// Which first-two-letter pairs any trigger word has: most words fail this
/// one table lookup before any packing or searching.
fn trigger_pairs() -> &'static [bool; 1024] {
    static P: OnceLock<[bool; 1024]> = OnceLock::new();
    P.get_or_init(|| {
        let mut t = [false; 1024];
        for &p in triggers() {
            // unpack the first two bytes: the word's bytes sit below the length nibble
            let len = (p >> 124) as usize;
            let bytes: Vec<u8> = (0..len).rev().map(|k| ((p >> (8 * k)) & 0xff) as u8).collect();
            if let Some(i) = pair(&bytes) {
                t[i] = true;
            }
        }
        t
    })
}

/// Is this word (digits, or a grammar word) a trigger?
fn is_trigger(word: &[u8], trig: &[u128]) -> bool {
    if word[0].is_ascii_digit() {
        return true;
    }
    if let Some(i) = pair(word) {
        if !trigger_pairs()[i] {
            return false;
        }
    }
    pack(word).is_some_and(|p| trig.binary_search(&p).is_ok())
}

/// The lower-cased word that ends just before `pos` (skipping spaces), into `buf`.
fn prev_word<'b>(text: &[u8], pos: usize, buf: &'b mut [u8; 16]) -> (&'b str, u8) {
    let mut e = pos;
    while e > 0 && matches!(text[e - 1], b' ' | b'\n' | b'\t' | b'\r') {
        e -= 1;
    }
    let before = if e > 0 { text[e - 1] } else { 0 };
    let mut s = e;
    while s > 0 && is_word_byte(text[s - 1]) && e - s < 16 {
        s -= 1;
    }
    let n = e - s;
    for (k, &c) in text[s..e].iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    (std::str::from_utf8(&buf[..n]).unwrap_or(""), before)
}

/// Find every temporal expression inside `body` of `text`, in text order, not overlapping.
pub fn tag(text: &str, body: Range<usize>) -> Vec<Mention> {
    let mut out = Vec::new();
    let end = body.end.min(text.len());
    let mut pos = body.start.min(end);
    if !text.is_char_boundary(pos) || !text.is_char_boundary(end) {
        return out;
    }
    let bytes = text.as_bytes();
    let trig = triggers();
    let mut buf = [0u8; 16];
    while pos < end {
        // to the next word start
        while pos < end && !is_word_byte(bytes[pos]) {
            pos += 1;
        }
        if pos >= end {
            break;
        }
        let mut word_end = pos;
        while word_end < end && is_word_byte(bytes[word_end]) {
            word_end += 1;
        }
        // no start inside a number: "2.5", "4,300", "10:30"
        let in_number = bytes[pos].is_ascii_digit()
            && pos >= 2
            && matches!(bytes[pos - 1], b'.' | b',' | b':' | b'/')
            && bytes[pos - 2].is_ascii_digit();
        // (a word start is never preceded by a word byte: the loop above and the
        // mention ends below only stop after one)
        if in_number
            || (pos > 0 && is_word_byte(bytes[pos - 1]))
            || !is_trigger(&bytes[pos..word_end], trig)
            || weak_dead_end(&bytes[pos..word_end], &bytes[word_end..end])
        {
            pos = word_end;
            continue;
        }
        let (prev, before) = prev_word(bytes, pos, &mut buf);
        let ctx = Ctx { prev, before };
        let input = &text[pos..end];
        let mut best: Option<(usize, Expr, &'static str)> = None;
        let digit = bytes[pos].is_ascii_digit();
        for (name, start, rule) in RULES {
            if (digit && *start == Start::Word) || (!digit && *start == Start::Digit) {
                continue;
            }
            if let Ok((rest, e)) = rule(&ctx, input) {
                let len = input.len() - rest.len();
                if len > 0 && best.as_ref().is_none_or(|b| len > b.0) {
                    best = Some((len, e, name));
                }
            }
        }
        match best {
            Some((len, expr, rule)) => {
                // trim trailing spaces or punctuation a rule may have eaten
                let mut e = pos + len;
                while e > pos && matches!(bytes[e - 1], b' ' | b'\n' | b'\t' | b'\r' | b',') {
                    e -= 1;
                }
                out.push(Mention {
                    start: pos,
                    end: e,
                    expr,
                    rule,
                });
                // continue after the mention, at a word boundary
                pos = e.max(pos + 1);
                while pos < end && is_word_byte(bytes[pos]) && is_word_byte(bytes[pos - 1]) {
                    pos += 1;
                }
            }
            None => pos = word_end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_fit() {
        let l = lexicons().expect("grammar loads");
        for s in l
            .months
            .surfaces()
            .iter()
            .chain(l.references.surfaces())
            .chain(l.modifiers.surfaces())
        {
            let first: Vec<u8> = s.bytes().take_while(|&b| is_word_byte(b)).collect();
            assert!(first.len() <= 16, "{s}");
        }
        let t = triggers();
        assert!(is_trigger(b"February", t));
        assert!(is_trigger(b"LAST", t));
        assert!(is_trigger(b"2025", t));
        assert!(!is_trigger(b"soldiers", t));
        assert!(!is_trigger(b"abcdefghijklmnopqrstuvwxyz", t));
    }

    #[test]
    fn rules_have_unique_names() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.0).collect();
        // a rule marked Word never accepts a number first, and the other way round
        for (name, start, rule) in RULES {
            let c = rules::Ctx {
                prev: "in",
                before: b' ',
            };
            if *start == Start::Word {
                for t in ["4 February", "2025", "3 p.m.", "five days", "12 days ago"] {
                    assert!(rule(&c, t).is_err(), "{name} accepts {t:?}");
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
