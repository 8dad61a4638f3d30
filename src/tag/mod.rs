//! Tagging: find temporal expressions in text.
//!
//! The scanner visits word starts only, and only those whose word is a
//! *trigger* (a digit, or the first word of some grammar entry or rule: month
//! and weekday names, `last`, `ago`, `the`, …). At a trigger it tries every
//! rule of [`RULES`] and keeps the longest match (the first rule wins a tie),
//! then continues after it. Each rule reads a bounded number of words, so the
//! whole scan is linear in the text.
//!
//! ```
//! let text = "Talks were held on February 4-5.";
//! let m = chronology::tag::tag(text, 0..text.len());
//! assert_eq!(&text[m[0].start..m[0].end], "February 4-5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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

/// Every tagging rule, in priority order (a longer match wins; on a tie, the earlier rule).
pub const RULES: &[(&str, Rule)] = &[
    ("<yyyy-mm-dd> | <mm/dd/yyyy>", rules::numeric_date),
    ("from|between <point> to|and <point> (range)", rules::range),
    ("[<weekday>,] <month> <day>[-<day>][, <year>]", rules::month_day_year),
    ("<day>[-<day>] <month> [<year>]", rules::day_month_year),
    ("<hh>:<mm> | <h> p.m. [<zone>] [<weekday>]", rules::clock),
    ("<year> | the <decade>s | the <ordinal> century", rules::year_forms),
    ("the <ordinal> quarter|half [of <year>] | Q<n>", rules::quarter),
    ("[last|next] <season> [of <year>]", rules::season),
    ("[last|next] <holiday>", rules::holiday),
    ("today | yesterday [<part of day>]", rules::relative_day),
    ("[last|next] <weekday> [<part of day>]", rules::weekday),
    ("last|next|this <month> | <month> [of] last year", rules::month_alone),
    ("last|next|this <unit>", rules::relative_unit),
    ("the previous|following <unit>", rules::reference_unit),
    (
        "[<mod>] <number> <unit> [ago|later] (duration, shift)",
        rules::amount_unit,
    ),
    ("every <unit> | daily (set)", rules::set),
    ("early|mid|late <date>", rules::position),
    ("now | recently | soon (reference)", rules::reference),
];

/// Words the Rust parsers themselves start with (besides lexicon entries).
const RULE_WORDS: &[&str] = &[
    "the", "that", "from", "between", "fiscal", "every", "each", "noon", "midnight", "earlier", "later", "a", "an",
    "q1", "q2", "q3", "q4",
];

fn triggers() -> &'static Vec<Vec<u8>> {
    static T: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<Vec<u8>> = RULE_WORDS.iter().map(|w| w.as_bytes().to_vec()).collect();
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
                    if !first.is_empty() {
                        v.push(first);
                    }
                }
            }
        }
        v.sort();
        v.dedup();
        v
    })
}

/// Is the word starting at `b[0]` a trigger? Compares in a stack buffer: no allocation.
fn is_trigger(b: &[u8], trig: &[Vec<u8>]) -> bool {
    if b[0].is_ascii_digit() {
        return true;
    }
    let mut buf = [0u8; 24];
    let mut n = 0;
    for &c in b {
        if !is_word_byte(c) {
            break;
        }
        if n == buf.len() {
            return false;
        }
        buf[n] = c.to_ascii_lowercase();
        n += 1;
    }
    trig.binary_search_by(|t| t.as_slice().cmp(&buf[..n])).is_ok()
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
        let b = bytes[pos];
        let word_start = is_word_byte(b) && (pos == 0 || !is_word_byte(bytes[pos - 1]));
        // no start inside a number: "2.5", "4,300", "10:30", "1990-91"
        let in_number = b.is_ascii_digit()
            && pos >= 2
            && matches!(bytes[pos - 1], b'.' | b',' | b':' | b'/')
            && bytes[pos - 2].is_ascii_digit();
        if !word_start || in_number || !is_trigger(&bytes[pos..end], trig) {
            pos += 1;
            continue;
        }
        let (prev, before) = prev_word(bytes, pos, &mut buf);
        let ctx = Ctx { prev, before };
        let input = &text[pos..end];
        let mut best: Option<(usize, Expr, &'static str)> = None;
        for (name, rule) in RULES {
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
                pos = e.max(pos + 1);
            }
            None => {
                // skip the rest of this word
                pos += 1;
                while pos < end && is_word_byte(bytes[pos]) {
                    pos += 1;
                }
            }
        }
    }
    out
}
