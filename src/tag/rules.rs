//! The tagging rules: one small nom parser per form, each returning an [`Expr`].
//!
//! Every rule starts at a word start and gets the previous word (lower case)
//! as context; the surface form it accepts is in the comment above it.

mod amounts;
mod dates;
mod periods;
mod quarters;
mod ranges;
mod refs;
mod relative;
mod times;
mod years;

pub use amounts::amount_unit;
pub use dates::{day_month_year, month_alone, month_day_year, numeric_date};
pub use periods::{holiday, position, season};
pub use quarters::quarter;
pub use ranges::range;
pub use refs::{reference, set};
pub use relative::{again, nth_day, part_of, reference_unit, relative_day, relative_unit, weekday};
pub use times::clock;
pub use years::year_forms;

use dates::{written_day, year_alone, year_of};
use periods::the_unit;
use years::last_word;

use chrono::NaiveDate;

use crate::grammar::lexicon::match_phrase;
use crate::grammar::{
    day_number, digits_in, fail, from, is_word_byte, lex, lexicons, number, ordinal, ows, word, ws, year4, AgainYear,
    Amount, Dir, Expr, Origin, PResult, Target, Unit, WordSet, WRITTEN_YEARS,
};

/// What a rule may look at besides its input.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The previous word, lower case ("" at the start).
    pub prev: &'a str,
    /// The byte before the previous word's end: e.g. `$` in "$50".
    pub before: u8,
}

/// A tagging rule.
pub type Rule = for<'a> fn(&Ctx<'_>, &'a str) -> PResult<'a, Expr>;

fn starts_upper(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

fn next_is_word(r: &str) -> bool {
    r.as_bytes().first().is_some_and(|&b| is_word_byte(b))
}

/// After white space, the first of `phrases` that stands there: the rest after it.
fn phrase_after<'a>(r: &'a str, phrases: &[&str]) -> Option<&'a str> {
    let (x, _) = ws(r).ok()?;
    phrases.iter().find_map(|p| match_phrase(x, p).map(|k| &x[k..]))
}

/// The largest day a month can have (February: 29 when the year is unknown).
fn max_day(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn month_day(year: Option<i32>, month: u32, day: u32) -> Option<Expr> {
    if day == 0 || day > max_day(year, month) {
        return None;
    }
    Some(match year {
        Some(y) => Expr::Date {
            year: y,
            month: Some(month),
            day: Some(day),
        },
        None => Expr::Nearest {
            target: Target::MonthDay(month, day),
            dir: Dir::Tense,
        },
    })
}

/// A year alone as a date.
fn year_date(year: i32) -> Expr {
    Expr::Date {
        year,
        month: None,
        day: None,
    }
}

// ", 2025" | " 2025"
// (tokenised text puts a space before the comma: " , 2010")
/// After "2 May, 1777": does the year end its phrase (punctuation or the end
/// of the text, not a word: "5 May, 2000 soldiers")?
fn comma_year_ends(rest: &str) -> bool {
    match rest.trim_start_matches(' ').as_bytes().first() {
        None => true,
        Some(b) => matches!(b, b',' | b'.' | b';' | b':' | b')' | b'\n' | b'-' | b'\r'),
    }
}

fn year_suffix(i: &str) -> Option<(&str, i32)> {
    let lead = i.trim_start_matches(' ');
    let r = match lead.strip_prefix(',') {
        Some(r) => r,
        None => i,
    };
    let r = ows(r);
    if r.len() == i.len() {
        return None;
    }
    year4(r).ok()
}

// a month name; a bare one must be capitalised, and "May"/"March" need a cue
fn month_name<'a>(i: &'a str) -> PResult<'a, u32> {
    let (i, l) = lex(i)?;
    from(&l.months)(i)
}

// range separators: - – — to through until
fn range_sep(i: &str) -> PResult<'_, ()> {
    let t = ows(i);
    for d in ["-", "\u{2013}", "\u{2014}"] {
        if let Some(r) = t.strip_prefix(d) {
            return Ok((ows(r), ()));
        }
    }
    if let Ok((r, _)) = ws(i) {
        for w in ["to", "through", "until", "till", "and"] {
            if let Some(k) = match_phrase(r, w) {
                if let Ok((r2, _)) = ws(&r[k..]) {
                    return Ok((r2, ()));
                }
            }
        }
    }
    fail(i)
}

#[cfg(test)]
pub(crate) mod testing {
    pub(crate) use super::*;
    pub(crate) use crate::grammar::{DayPart, Season};

    pub(crate) const C: Ctx<'static> = Ctx {
        prev: "in",
        before: b' ',
    };

    pub(crate) fn parse(rule: Rule, s: &str) -> Option<(usize, Expr)> {
        rule(&C, s).ok().map(|(rest, e)| (s.len() - rest.len(), e))
    }

    pub(crate) fn md(m: u32, d: u32) -> Expr {
        Expr::Nearest {
            target: Target::MonthDay(m, d),
            dir: Dir::Tense,
        }
    }
}
