//! Numbers that are not years: a bare four-digit "year" (or a range of two)
//! that its neighbours show to be a count, a price, a code or a clock time
//! ("1700 BST", "from 297 to 1051", "£1500", "page 2001", "around 1200 to
//! 1500 gas stations"). The words are data, `grammar/not_years.txt`; the
//! time zones are `grammar/zones.txt`.
//!
//! Checked once a rule has read a year, where the whole text is at hand: a
//! rule sees only the word before it.

use crate::grammar::lexicon::match_phrase;
use crate::grammar::{is_word_byte, Expr, Lexicons, NotYear};

/// How far back the words before a number are read.
const BACK: usize = 48;

/// Is the mention `expr` at `start..end` of `text` a number that its
/// neighbours show is not a year?
pub(super) fn not_a_year(l: &Lexicons, text: &str, start: usize, end: usize, expr: &Expr) -> bool {
    let surface = &text[start..end];
    match expr {
        Expr::Date {
            month: None, day: None, ..
        } if is_four_digits(surface) => single(l, text, start, end),
        Expr::Range {
            first,
            first_span,
            second,
            second_span,
        } if bare(first) && bare(second) => {
            let a = surface.get(first_span.0..first_span.1).unwrap_or("");
            let b = surface.get(second_span.0..second_span.1).unwrap_or("");
            is_four_digits(a) && is_four_digits(b) && range(l, text, start, end, a, b)
        }
        _ => false,
    }
}

fn bare(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date {
            month: None,
            day: None,
            ..
        }
    )
}

fn is_four_digits(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// One number: a clock time, a measure, a count, or one end of a range of
/// numbers whose other end is no year.
fn single(l: &Lexicons, text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = back(text, start);
    clock_at(l, &text[start..], true)
        || unit_after(l, after)
        || before_word(l, &before)
        || (!era_after(l, after) && (other_end_after(l, after, &before) || other_end_before(l, &before)))
}

/// Two numbers read as a range of years ("1500 to 2000"): a span of clock
/// times, a range of measures, an estimate of a count.
fn range(l: &Lexicons, text: &str, start: usize, end: usize, a: &str, b: &str) -> bool {
    let before = back(text, start);
    let (ca, cb) = (hhmm(a), hhmm(b));
    (ca && cb && clock_word(l, skip_ws(&text[end..])))
        || unit_after(l, &text[end..])
        || before_word(l, &before)
        || l.not_years.about.iter().any(|w| ends_with_words(&before, w))
}

/// The text before `start` (at most [`BACK`] bytes), lower case, its
/// white-space runs one space, without the spaces at its end.
fn back(text: &str, start: usize) -> String {
    let mut from = start.saturating_sub(BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut out = String::with_capacity(start - from);
    for c in text[from..start].chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Does `before` end with the words `w` (whole words)?
fn ends_with_words(before: &str, w: &str) -> bool {
    let Some(head) = before.strip_suffix(w) else {
        return false;
    };
    !(w.as_bytes().first().is_some_and(|&b| is_word_byte(b))
        && head.as_bytes().last().is_some_and(|&b| is_word_byte(b)))
}

fn before_word(l: &Lexicons, before: &str) -> bool {
    l.not_years.before.iter().any(|w| ends_with_words(before, w))
}

fn skip_ws(s: &str) -> &str {
    s.trim_start_matches([' ', '\t', '\n', '\r'])
}

/// Four digits that read as a time of day, `hhmm` (00:00 to 23:59).
fn hhmm(s: &str) -> bool {
    let b = s.as_bytes();
    is_four_digits(s) && (b[0] - b'0') * 10 + (b[1] - b'0') < 24 && (b[2] - b'0') * 10 + (b[3] - b'0') < 60
}

/// A clock word at the start of `s`: a time zone as written ("BST") or a
/// CLOCK word of `grammar/not_years.txt` ("local time", "hrs").
fn clock_word(l: &Lexicons, s: &str) -> bool {
    let word_len = s.bytes().take_while(|&b| is_word_byte(b)).count();
    let zone = word_len > 0
        && s.as_bytes()[..word_len].iter().all(u8::is_ascii_uppercase)
        && l.zones.longest(s).is_some_and(|(n, _)| n == word_len);
    zone || matches!(l.not_years.after.longest(s), Some((_, NotYear::Clock)))
}

/// `hhmm` at the start of `s` followed by a clock word ("1700 BST",
/// "1930GMT"), or (with `chain`) by a join or a bracket and such a time
/// ("1500 & 1930GMT", "1900 to 2200 EST", "2000 (0000 GMT)").
fn clock_at(l: &Lexicons, s: &str, chain: bool) -> bool {
    let Some(digits) = s.get(..4).filter(|d| hhmm(d)) else {
        return false;
    };
    let rest = &s[digits.len()..];
    if clock_word(l, skip_ws(rest)) {
        return true;
    }
    chain
        && (join(l, rest).is_some_and(|r| clock_at(l, r, false))
            || bracket(l, rest).is_some_and(|r| clock_at(l, r, false)))
}

/// After white space, a join word (JOIN of `grammar/not_years.txt`) and
/// white space: the rest.
fn join<'a>(l: &Lexicons, s: &'a str) -> Option<&'a str> {
    let s = skip_ws(s);
    l.not_years
        .joins
        .iter()
        .find_map(|j| match_phrase(s, j).map(|n| skip_ws(&s[n..])))
}

/// After white space, a bracket (BRACKET of `grammar/not_years.txt`) and
/// white space: the rest.
fn bracket<'a>(l: &Lexicons, s: &'a str) -> Option<&'a str> {
    let s = skip_ws(s);
    l.not_years
        .brackets
        .iter()
        .find_map(|b| match_phrase(s, b).map(|n| skip_ws(&s[n..])))
}

/// A unit of measure right after the number ("2000 km").
fn unit_after(l: &Lexicons, after: &str) -> bool {
    let s = skip_ws(after);
    matches!(l.not_years.after.longest(s), Some((_, NotYear::After)))
}

/// A number at the start of `s`: digits, with thousands separators or a
/// decimal point; (its text, the rest).
fn number(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len()
        && (b[n].is_ascii_digit() || (matches!(b[n], b',' | b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit)))
    {
        n += 1;
    }
    (n > 0 && b[0].is_ascii_digit()).then(|| s.split_at(n))
}

/// Is `n` (a number as written) no year: separators, or fewer than four digits?
fn no_year(n: &str) -> bool {
    !is_four_digits(n)
}

/// An era after the number ("493 BC", "AD 800" is not read): then a short
/// number may be a year.
fn era_after(l: &Lexicons, s: &str) -> bool {
    let s = skip_ws(s);
    l.not_years.eras.iter().any(|e| match_phrase(s, e).is_some())
}

/// "from|between 2000 to|and 15,000": the year is the first end of a range
/// whose second end is no year.
fn other_end_after(l: &Lexicons, after: &str, before: &str) -> bool {
    let lead = ends_with_words(before, "from") || ends_with_words(before, "between");
    lead && join(l, after)
        .and_then(number)
        .is_some_and(|(n, rest)| no_year(n) && !era_after(l, rest))
}

/// "from|between 297 to|and 1051": the year is the second end of a range
/// whose first end is no year.
fn other_end_before(l: &Lexicons, before: &str) -> bool {
    let Some(head) = l.not_years.joins.iter().find_map(|j| {
        let h = before.strip_suffix(j)?;
        // a word join stands apart ("to"); a sign may touch ("297-")
        (!j.as_bytes()[0].is_ascii_alphabetic() || h.ends_with(' ')).then_some(h.trim_end())
    }) else {
        return false;
    };
    // (the digits and separators are ASCII: the cut is a char boundary)
    let k = head.len()
        - head
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
            .count();
    let (lead, n) = head.split_at(k);
    let lead = lead.trim_end();
    !n.is_empty()
        && n.as_bytes()[0].is_ascii_digit()
        && no_year(n)
        && (ends_with_words(lead, "from") || ends_with_words(lead, "between"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::lexicons;

    fn count(text: &str, at: &str) -> bool {
        let l = lexicons().expect("grammar loads");
        let s = text.find(at).expect("in text");
        single(l, text, s, s + at.len())
    }

    #[test]
    fn neighbours_that_make_a_count() {
        assert!(count("as of 1700 BST on", "1700"));
        assert!(count("the radio 1500 & 1930GMT on", "1500"));
        assert!(count("cases leapt from 297 to 1051 this", "1051"));
        assert!(count("from 2000 to 15,000 barrels", "2000"));
        assert!(count("between 1 and 2000 a day", "2000"));
        assert!(count("more than  2000 were", "2000"));
        assert!(count("it cost £1500 then", "1500"));
        assert!(count("see page 2001 of", "2001"));
        assert!(count("rose to 2000 km", "2000"));
        assert!(count("the speech, at 2000 (0000 GMT), will", "2000"));
        assert!(count("the speech , at 2000 -LRB- 0000 GMT -RRB- , will", "2000"));
        assert!(count("At 09:05, beijing_2008 wrote", "2008"));
        // a join of more than one byte before the number
        assert!(!count("go back even further \u{2013} 2009 was", "2009"));
        assert!(count("from 297 \u{2013} 1051 cases", "1051"));
        // years
        assert!(!count("in 2009 local elections", "2009"));
        assert!(!count("from 1979 to 1980", "1979"));
        assert!(!count("from 1979 to 1980", "1980"));
        assert!(!count("about 1989 when", "1989"));
        assert!(!count("from 499 to 1051 AD", "1051"));
        assert!(!count("in 2009 dollars", "2009"));
        assert!(!count("at 1987 GMT", "1987"));
    }
}
