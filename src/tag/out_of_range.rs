//! Expressions that look temporal but cannot be put on the calendar: an amount
//! too large to read ("99999999999999999999 days ago"), a year beyond what a
//! date can hold ("the year 999999999"), or a mention the resolver had to drop
//! because its date overflows ("10000000 years ago", "February 31"). They are
//! not tagged; this finds them so that a command can say so, by line, instead
//! of dropping them silently.

use std::ops::Range;
use std::sync::OnceLock;

use crate::grammar::{is_word_byte, lexicons, number, ows, Lexicons, NumWord, MAX_AMOUNT};
use crate::tag::Mention;
use crate::text::Spanned;

/// "the year NNNNN": five digits or more is not a year a date can carry here.
const LONG_YEAR: usize = 5;

/// The words before a long year ("the year 999999999").
const THE_YEAR: &str = "the year";

/// Something that was not tagged because its value is out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Why it was not tagged, for a person.
    pub reason: &'static str,
}

/// Everything in `body` that was left untagged because its value is out of
/// range, in text order: mentions the resolver dropped, plus amounts and years
/// too long for the grammar to read.
pub fn out_of_range(
    text: &str,
    body: Range<usize>,
    mentions: &[Mention],
    resolved: &[impl Spanned],
) -> Vec<OutOfRange> {
    // both lists are in text order: walk them together
    let mut k = 0;
    let mut out: Vec<OutOfRange> = mentions
        .iter()
        .filter(|m| {
            while k < resolved.len() && resolved[k].span().end <= m.start {
                k += 1;
            }
            !resolved[k..]
                .iter()
                .take_while(|r| r.span().start < m.end)
                .any(|r| m.start < r.span().end)
        })
        .map(|m| OutOfRange {
            start: m.start,
            end: m.end,
            reason: "its date cannot be computed (an impossible date, or one out of the calendar's range)",
        })
        .collect();
    // (with a broken grammar there is nothing tagged to be out of range either)
    if let Ok(l) = lexicons() {
        out.extend(long_numbers(l, text, body));
    }
    out.sort_by_key(|o| (o.start, o.end));
    out.dedup_by_key(|o| o.start);
    out
}

/// `<amount over MAX_AMOUNT> <unit> [ago|later|…]` (digits of any length or
/// number words: "99999999999999999999 days ago", "ten million years ago")
/// and `the year <5+ digits>`.
fn long_numbers(l: &Lexicons, text: &str, body: Range<usize>) -> Vec<OutOfRange> {
    let Some(t) = text.get(body.clone()) else {
        return Vec::new();
    };
    let b = t.as_bytes();
    let mut hits = Vec::new();
    // digits start every year or amount in digits: jump from digit to digit
    let mut i = 0;
    while let Some(k) = next_digit(b, i) {
        i = k;
        if i > 0 && is_word_byte(b[i - 1]) {
            // inside a word ("B52"): on past it
            i += b[i..].iter().take_while(|&&c| is_word_byte(c)).count();
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| is_word_byte(c)).count();
        match long_digits(l, t, i) {
            Some((s, e)) => {
                hits.push((s, e));
                i = e.max(i + 1);
            }
            None => i += run,
        }
    }
    // number words pass MAX_AMOUNT only with a multiplier ("ten million"):
    // find each multiplier word, then try the few words before it
    for at in multiplier_words(l, b) {
        hits.extend(multiplied(l, t, at));
    }
    hits.into_iter()
        .map(|(s, e)| OutOfRange {
            start: body.start + s,
            end: body.start + e,
            reason: "the number is too large to be a year or an amount of time",
        })
        .collect()
}

/// The first ASCII digit at or after `from`: eight bytes at a time, as most
/// text has none.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        // a byte is a digit when it is 0x30..0x39: after xor 0x30, below 10
        let x = u64::from_le_bytes(w) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES) != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)?.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// Where the multiplier words of `grammar/numbers.txt` start in `b`, as whole
/// words in lower case, capitalised or upper case ("million", "Million",
/// "MILLION"), in text order.
fn multiplier_words(l: &Lexicons, b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    for (word, finders) in multiplier_finders(l) {
        for f in finders {
            // the finders look for the word without its first letter, so one
            // lower-case search finds "million" and "Million"
            for k in f.find_iter(b) {
                let Some(at) = k.checked_sub(1) else { continue };
                let end = at + word.len();
                let whole = b.get(at..end).is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
                    && !(at > 0 && is_word_byte(b[at - 1]))
                    && !b.get(end).is_some_and(|&c| is_word_byte(c));
                if whole {
                    out.push(at);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Each multiplier word with finders for its tail in lower and upper case.
fn multiplier_finders(l: &Lexicons) -> &'static [(String, [memchr::memmem::Finder<'static>; 2])] {
    static F: OnceLock<Vec<(String, [memchr::memmem::Finder<'static>; 2])>> = OnceLock::new();
    F.get_or_init(|| {
        multipliers(l)
            .iter()
            .filter(|w| w.len() > 1)
            .map(|w| {
                let tail = &w[1..];
                let finders = [
                    memchr::memmem::Finder::new(tail.as_bytes()).into_owned(),
                    memchr::memmem::Finder::new(tail.to_ascii_uppercase().as_bytes()).into_owned(),
                ];
                (w.clone(), finders)
            })
            .collect()
    })
}

/// At a run of digits (`i`, a word start): "the year <5+ digits>", or an
/// amount over MAX_AMOUNT with a unit after it.
fn long_digits(l: &Lexicons, t: &str, i: usize) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    // digits with thousands groups, without a trailing comma
    let mut n = b[i..].iter().take_while(|c| c.is_ascii_digit() || **c == b',').count();
    while n > 0 && b[i + n - 1] == b',' {
        n -= 1;
    }
    let digits = b[i..i + n].iter().filter(|c| c.is_ascii_digit()).count();
    if digits < LONG_YEAR {
        // neither a long year nor an amount over MAX_AMOUNT
        return None;
    }
    let before = t[..i].trim_end();
    let k = THE_YEAR.len();
    let is_year = before.len() >= k
        && before.is_char_boundary(before.len() - k)
        && before[before.len() - k..].eq_ignore_ascii_case(THE_YEAR)
        && (before.len() == k || !is_word_byte(before.as_bytes()[before.len() - k - 1]));
    if is_year && !b.get(i + n).is_some_and(|&c| is_word_byte(c)) {
        return Some((before.len() - k, i + n));
    }
    let big = digits > crate::grammar::MAX_NUMBER_DIGITS
        || number(&t[i..]).is_ok_and(|(_, a)| a.n.is_some_and(|v| v > MAX_AMOUNT));
    if big {
        unit_after(l, t, i, i + n)
    } else {
        None
    }
}

/// At a multiplier word (`at`): try the few words before it as the start of
/// an amount over MAX_AMOUNT ("ten million", "a hundred thousand") with a unit after it.
fn multiplied(l: &Lexicons, t: &str, at: usize) -> Option<(usize, usize)> {
    let mut starts = vec![at];
    let mut j = at;
    for _ in 0..3 {
        let before = t[..j].trim_end_matches([' ', '-']);
        if before.len() == j || before.is_empty() {
            break;
        }
        // the start of the last word: just past the last character that is no
        // letter or digit (which may be more than one byte: "—")
        j = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(x, c)| x + c.len_utf8());
        starts.push(j);
    }
    let (st, e) = starts.iter().rev().find_map(|&st| match number(&t[st..]) {
        Ok((r, a)) if a.n.is_some_and(|v| v > MAX_AMOUNT) && t.len() - r.len() > at => {
            unit_after(l, t, st, t.len() - r.len())
        }
        _ => None,
    })?;
    // digits before the number words count them: "150 million years", "1.5 billion years"
    let before = t[..st].trim_end_matches(' ');
    let k = before.len()
        - before
            .bytes()
            .rev()
            .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
            .count();
    let digits_start = before.as_bytes().get(k).is_some_and(u8::is_ascii_digit)
        && before.len() < st
        && !before.as_bytes()[..k].last().is_some_and(|&c| is_word_byte(c));
    Some((if digits_start { k } else { st }, e))
}

/// The multiplier words of `grammar/numbers.txt` ("hundred", "million"), lower case.
fn multipliers(l: &Lexicons) -> Vec<String> {
    l.numbers
        .surfaces()
        .iter()
        .filter(|s| matches!(l.numbers.longest(s), Some((k, NumWord::Mult(_))) if k == s.len()))
        .cloned()
        .collect()
}

/// After an amount from `from` to `at`: a time unit and an optional shift
/// word ("days ago"); the whole expression's (start, end).
fn unit_after(l: &Lexicons, t: &str, from: usize, at: usize) -> Option<(usize, usize)> {
    let after = t.get(at..)?;
    if after.as_bytes().first().is_some_and(|&c| is_word_byte(c)) {
        return None;
    }
    let rest = ows(after);
    let (k, _) = l.units.longest(rest)?;
    if rest.as_bytes().get(k).is_some_and(|&c| is_word_byte(c)) {
        return None;
    }
    let mut end = at + (after.len() - rest.len()) + k;
    let tail = ows(&t[end..]);
    if let Some((k2, _)) = l.shifts.longest(tail) {
        if !tail.as_bytes().get(k2).is_some_and(|&c| is_word_byte(c)) {
            end = t.len() - tail.len() + k2;
        }
    }
    Some((from, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::{resolve_all, AnchorRef};
    use chrono::NaiveDate;

    fn found(text: &str) -> Vec<&str> {
        let m = crate::tag::tag(text, 0..text.len());
        let a = AnchorRef::Day(NaiveDate::from_ymd_opt(2025, 2, 10).expect("valid"));
        let r = resolve_all(text, &m, Some(&a));
        out_of_range(text, 0..text.len(), &m, &r)
            .into_iter()
            .map(|o| &text[o.start..o.end])
            .collect()
    }

    #[test]
    fn absurd_values_are_found() {
        assert_eq!(
            found("It was 99999999999999999999 days ago."),
            ["99999999999999999999 days ago"]
        );
        assert_eq!(found("in the year 999999999 or so"), ["the year 999999999"]);
        assert_eq!(found("some 10000000 years ago"), ["10000000 years ago"]);
        // readable, but before 9999 BC: no value can write it
        assert_eq!(found("100,000 years ago"), ["100,000 years ago"]);
        assert_eq!(found("Ten million years ago, apes"), ["Ten million years ago"]);
        assert_eq!(found("about 1,000,000 days."), ["1,000,000 days"]);
        // the digits before a multiplier belong to the amount
        assert_eq!(found("some 150 million years ago"), ["150 million years ago"]);
        assert_eq!(found("1.5 billion years of history"), ["1.5 billion years"]);
        // a dash of three bytes before the number words: no slicing inside it
        assert_eq!(found("ago \u{2014} billion years ago"), ["billion years ago"]);
        assert!(found("\u{2014} million").is_empty());
    }

    #[test]
    fn ordinary_text_is_clean() {
        assert!(found("Talks were held on February 4-5, three years ago, at 3 p.m.").is_empty());
        assert!(found("a 3 MB line: 12345678901234567890 and 4,300 kilometers").is_empty());
        assert!(found("the year 2024 and 170 soldiers for every kilometer").is_empty());
        assert!(found("10,000 years ago; $50 billion; 30% for 472 drones; a million people a year").is_empty());
    }
}
