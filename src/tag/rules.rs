//! The tagging rules: one small nom parser per form, each returning an [`Expr`].
//!
//! Every rule starts at a word start and gets the previous word (lower case)
//! as context; the surface form it accepts is in the comment above it.

use chrono::NaiveDate;

use crate::grammar::lexicon::match_phrase;
use crate::grammar::{
    day_number, digits_in, fail, from, is_word_byte, lex, number, ordinal, ows, word, ws, year4, AgainYear, Amount,
    Dir, Expr, Origin, PResult, Target, Unit,
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

// [<weekday>,] <month> <day>[st][-<day>][, <year>] | <month> [of] <year>
/// `February 4, 2025`, `Feb. 4`, `Tuesday, Feb. 4`, `February 4-5`, `June 1-3, 2024`, `February 2022`.
pub fn month_day_year<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let start = i;
    // (a weekday before the date, "Tuesday, Feb. 4", is its own mention, as in TimeML;
    // resolve reads it back into `Resolved::weekday`)
    let (r, m) = month_name(i)?;
    // "January, 1918" (no word after the year: "In January, 1918 soldiers" is a count)
    if let Some((end, y)) = year_suffix(r).filter(|(x, _)| r.starts_with(',') && comma_year_ends(x)) {
        return Ok((
            end,
            Expr::Date {
                year: y,
                month: Some(m),
                day: None,
            },
        ));
    }
    let (r2, _) = ws(r)?;
    if let Ok((r3, d)) = day_number(r2) {
        // <month> <day>-<day>
        if let Ok((r4, _)) = range_sep(r3) {
            if let Ok((r5, d2)) = day_number(r4) {
                if d2 > d {
                    let y = year_suffix(r5);
                    let end = y.map(|x| x.0).unwrap_or(r5);
                    let year = y.map(|x| x.1);
                    let (Some(a), Some(b)) = (month_day(year, m, d), month_day(year, m, d2)) else {
                        return fail(i);
                    };
                    let off = |s: &str| start.len() - s.len();
                    return Ok((
                        end,
                        Expr::Range {
                            first: Box::new(a),
                            first_span: (0, off(r3)),
                            second: Box::new(b),
                            second_span: (off(r4), off(end)),
                        },
                    ));
                }
            }
        }
        // avoid "May 2 percent" style reads: a day must not be followed by a unit or %
        if r3.starts_with('%') || r3.starts_with(".5") {
            return fail(i);
        }
        let y = year_suffix(r3);
        // July 25 of that year | June 4 of the following year | June 4 last year
        if y.is_none() && month_day(None, m, d).is_some() {
            // (not "last year's"; year_of reads whole words)
            if let Some((r4, year)) = year_of(r3).filter(|(x, _)| !x.starts_with('\'') && !x.starts_with('\u{2019}')) {
                return Ok((
                    r4,
                    Expr::In {
                        target: Target::MonthDay(m, d),
                        year: Box::new(year),
                    },
                ));
            }
        }
        let year = y.map(|x| x.1);
        let end = y.map(|x| x.0).unwrap_or(r3);
        return match month_day(year, m, d) {
            Some(e) => Ok((end, e)),
            None => fail(i),
        };
    }
    // <month> [of] <year>
    let r3 = word("of")(r2).and_then(|(x, _)| ws(x)).map(|x| x.0).unwrap_or(r2);
    let r3 = r3.strip_prefix(',').map(ows).unwrap_or(r3);
    let (end, y) = year4(r3)?;
    Ok((
        end,
        Expr::Date {
            year: y,
            month: Some(m),
            day: None,
        },
    ))
}

// <day> <month> [<year>] | <day>-<day> <month> [<year>] | the <ordinal> of <month>
/// `4 February 2025`, `4-5 February`, `the 4th of February`.
pub fn day_month_year<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let start = i;
    let r = match word("the")(i) {
        Ok((r, _)) => ws(r)?.0,
        Err(_) => i,
    };
    let (r, d) = day_number(r)?;
    let mut d2 = None;
    let mut sep_at = None;
    let r = match range_sep(r) {
        Ok((r2, _)) => match day_number(r2) {
            Ok((r3, x)) if x > d => {
                d2 = Some(x);
                sep_at = Some((start.len() - r.len(), start.len() - r2.len()));
                r3
            }
            _ => r,
        },
        Err(_) => r,
    };
    let (r, _) = ws(r)?;
    let r = match word("of")(r) {
        Ok((x, _)) => ws(x)?.0,
        Err(_) => r,
    };
    if !starts_upper(r) {
        return fail(i);
    }
    let (r, m) = month_name(r)?;
    // "5 May, 2000 soldiers": after a comma, a year only when no word follows it ("2 May, 1777.")
    let y = year_suffix(r).filter(|(x, _)| !r.starts_with(',') || comma_year_ends(x));
    let year = y.map(|x| x.1);
    let end = y.map(|x| x.0).unwrap_or(r);
    let Some(a) = month_day(year, m, d) else { return fail(i) };
    match (d2, sep_at) {
        (Some(d2), Some((s1, s2))) => {
            let Some(b) = month_day(year, m, d2) else {
                return fail(i);
            };
            Ok((
                end,
                Expr::Range {
                    first: Box::new(a),
                    first_span: (0, s1),
                    second: Box::new(b),
                    second_span: (s2, start.len() - end.len()),
                },
            ))
        }
        _ => Ok((end, a)),
    }
}

// yyyy-mm-dd | mm/dd/yyyy | mm/dd/yy
/// `2025-02-04`, `02/04/2025`.
pub fn numeric_date<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    if let Ok((r, y)) = digits_in(i, 4, 1000, 2199) {
        if i.len() - r.len() == 4 {
            let (r, _) = nom::character::complete::char('-')(r)?;
            let (r, m) = digits_in(r, 2, 1, 12)?;
            let (r, _) = nom::character::complete::char('-')(r)?;
            let (r, d) = digits_in(r, 2, 1, 31)?;
            if next_is_word(r) {
                return fail(i);
            }
            return match month_day(Some(y as i32), m as u32, d as u32) {
                Some(e) => Ok((r, e)),
                None => fail(i),
            };
        }
    }
    let (r, m) = digits_in(i, 2, 1, 12)?;
    let (r, _) = nom::character::complete::char('/')(r)?;
    let (r, d) = digits_in(r, 2, 1, 31)?;
    let (r, _) = nom::character::complete::char('/')(r)?;
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    let (r, y) = match n {
        4 => digits_in(r, 4, 1000, 2199)?,
        2 => {
            let (r, y) = digits_in(r, 2, 0, 99)?;
            (r, if y < 50 { 2000 + y } else { 1900 + y })
        }
        _ => return fail(i),
    };
    if next_is_word(r) || r.starts_with('/') {
        return fail(i);
    }
    match month_day(Some(y as i32), m as u32, d as u32) {
        Some(e) => Ok((r, e)),
        None => fail(i),
    }
}

// <month> (bare: capitalised; "May" only after a cue word)
/// `in May`, `January`, `last October`, `this September`, `October last year`.
pub fn month_alone<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    // last|next|this <month>
    if let Ok((r, off)) = from(&l.relatives)(i) {
        let (r, _) = ws(r)?;
        if !starts_upper(r) {
            return fail(i);
        }
        let (r, m) = month_name(r)?;
        let dir = match off {
            -1 => Dir::Last,
            1 => Dir::Next,
            _ => Dir::This,
        };
        return Ok((
            r,
            Expr::Nearest {
                target: Target::Month(m),
                dir,
            },
        ));
    }
    if !starts_upper(i) {
        return fail(i);
    }
    let (r, m) = month_name(i)?;
    // abbreviations alone are too ambiguous ("Jan", "Mar", "Dec")
    let surface = i[..i.len() - r.len()].to_ascii_lowercase();
    if surface.len() < 5 && !surface.ends_with('.') && !matches!(surface.as_str(), "may" | "june" | "july") {
        return fail(i);
    }
    // "February 31": a day the month does not have is no date at all, not a bare month
    if ws(r).is_ok_and(|(x, _)| x.as_bytes().first().is_some_and(u8::is_ascii_digit) && digits_in(x, 2, 0, 99).is_ok())
    {
        return fail(i);
    }
    // <month> [of] last|this|next year | <month> of the previous year
    if let Some((r2, y)) = year_of(r) {
        return Ok((
            r2,
            Expr::In {
                target: Target::Month(m),
                year: Box::new(y),
            },
        ));
    }
    // a bare "May" (name, verb) or "March" (noun, verb) needs a cue before it
    let cue = matches!(
        c.prev,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "from"
            | "through"
            | "during"
            | "to"
            | "and"
            | "between"
    );
    if (m == 5 || m == 3) && !cue {
        return fail(i);
    }
    if r.starts_with('\'') || r.starts_with('\u{2019}') {
        // "May's": a name
        if m == 5 {
            return fail(i);
        }
    }
    Ok((
        r,
        Expr::Nearest {
            target: Target::Month(m),
            dir: Dir::Tense,
        },
    ))
}

// [of] last|this|next year | of the previous|following year
fn year_of(i: &str) -> Option<(&str, Expr)> {
    let (r, _) = ws(i).ok()?;
    let r = match word("of")(r) {
        Ok((x, _)) => ws(x).ok()?.0,
        Err(_) => r,
    };
    let l = crate::grammar::lexicons().ok()?;
    if let Ok((r2, off)) = from(&l.relatives)(r) {
        let (r3, _) = ws(r2).ok()?;
        let (r4, _) = word("year")(r3).ok()?;
        return Some((
            r4,
            Expr::RelUnit {
                unit: Unit::Year,
                offset: off,
            },
        ));
    }
    // of the previous|following|same year | of that [same] year: from the year under discussion
    let (r2, off) = match word("that")(r) {
        Ok((x, _)) => {
            let x = ws(x).ok()?.0;
            (word("same")(x).and_then(|(y, _)| ws(y)).map(|y| y.0).unwrap_or(x), 0)
        }
        Err(_) => {
            let (x, _) = word("the")(r).ok()?;
            let (x, _) = ws(x).ok()?;
            let (x, off) = from(&l.anchor_refs)(x).ok()?;
            (ws(x).ok()?.0, off)
        }
    };
    let (r2, _) = word("year")(r2).ok()?;
    Some((
        r2,
        Expr::Shift {
            amount: Amount::exact(off.unsigned_abs() as u64),
            unit: Unit::Year,
            sign: if off < 0 { -1 } else { 1 },
            origin: Origin::Reference,
        },
    ))
}

// from <point> to <point> | between <point> and <point> | <month> to <month> [last year]
/// `from March to May`, `between 2019 and 2021`, `September to November last year`.
pub fn range<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let start = i;
    let (r, lead) = match word("from")(i).or_else(|_| word("between")(i)) {
        Ok((r, _)) => (ws(r)?.0, true),
        Err(_) => (i, false),
    };
    let a_at = start.len() - r.len();
    let (r, a) = point(c, r)?;
    let a_end = start.len() - r.len();
    let (r2, _) = range_sep(r)?;
    let b_at = start.len() - r2.len();
    // 1915-17 | 2007-08 | 1999-2000: a year range whose second year keeps only its last two digits
    if let Expr::Date {
        year: y1,
        month: None,
        day: None,
    } = a
    {
        if let Some((r3, y2)) = short_year_after(y1, r, r2) {
            let end = Expr::Date {
                year: y2,
                month: None,
                day: None,
            };
            return Ok((
                r3,
                Expr::Range {
                    first: Box::new(a),
                    first_span: (a_at, a_end),
                    second: Box::new(end),
                    second_span: (b_at, start.len() - r3.len()),
                },
            ));
        }
    }
    let (r3, b) = point(c, r2)?;
    // "made Friday and Thursday", "November and January": a list, not a range
    // (only "between … and" is one); "Friday to December's figures": ends of two kinds
    if !lead && ws(r).is_ok_and(|(x, _)| word("and")(x).is_ok()) {
        return fail(i);
    }
    let weekday_end = |e: &Expr| {
        matches!(
            e,
            Expr::Nearest {
                target: Target::Weekday(_),
                ..
            }
        )
    };
    let day_end = |e: &Expr| {
        matches!(
            e,
            Expr::Nearest {
                target: Target::Weekday(_) | Target::MonthDay(..),
                ..
            } | Expr::Date { day: Some(_), .. }
        )
    };
    if (weekday_end(&a) && !day_end(&b)) || (weekday_end(&b) && !day_end(&a)) {
        return fail(i);
    }
    // both endpoints month names: a trailing year applies to both
    let (end, a, b) = match (&a, &b) {
        (
            Expr::Nearest {
                target: Target::Month(m1),
                ..
            },
            Expr::Nearest {
                target: Target::Month(m2),
                ..
            },
        ) => {
            if let Some((r4, y)) = year_of(r3) {
                (
                    r4,
                    Expr::In {
                        target: Target::Month(*m1),
                        year: Box::new(y.clone()),
                    },
                    Expr::In {
                        target: Target::Month(*m2),
                        year: Box::new(y),
                    },
                )
            } else if let Some((r4, y)) = year_suffix(r3) {
                (
                    r4,
                    Expr::Date {
                        year: y,
                        month: Some(*m1),
                        day: None,
                    },
                    Expr::Date {
                        year: y,
                        month: Some(*m2),
                        day: None,
                    },
                )
            } else {
                (r3, a, b)
            }
        }
        // June 1 to July 3 last year: a year after both days is theirs
        (
            Expr::Nearest {
                target: t1 @ (Target::Month(_) | Target::MonthDay(..)),
                ..
            },
            Expr::Nearest {
                target: t2 @ (Target::Month(_) | Target::MonthDay(..)),
                ..
            },
        ) if year_of(r3).is_some() => match year_of(r3) {
            Some((r4, y)) => (
                r4,
                Expr::In {
                    target: *t1,
                    year: Box::new(y.clone()),
                },
                Expr::In {
                    target: *t2,
                    year: Box::new(y),
                },
            ),
            None => (r3, a, b),
        },
        // March to May 2022: the year of the second applies to the first
        (
            Expr::Nearest {
                target: Target::Month(m1),
                ..
            },
            Expr::Date {
                year,
                month: Some(_),
                day: None,
            },
        ) => (
            r3,
            Expr::Date {
                year: *year,
                month: Some(*m1),
                day: None,
            },
            b.clone(),
        ),
        // September to November last year: the second's year is the first's too
        (
            Expr::Nearest {
                target: t @ (Target::Month(_) | Target::MonthDay(..)),
                ..
            },
            Expr::In { year, .. },
        ) => (
            r3,
            Expr::In {
                target: *t,
                year: year.clone(),
            },
            b.clone(),
        ),
        _ => (r3, a, b),
    };
    if !lead && !matches!(a, Expr::Nearest { .. } | Expr::In { .. } | Expr::Date { .. }) {
        return fail(i);
    }
    Ok((
        end,
        Expr::Range {
            first: Box::new(a),
            first_span: (a_at, a_end),
            second: Box::new(b),
            second_span: (b_at, start.len() - end.len()),
        },
    ))
}

// "-17" right after "1915" (a dash, no space): the year 1917, when it comes after
// 1915 and at most 30 years later; "1999-00" is 2000
fn short_year_after<'a>(y1: i32, after_first: &str, r2: &'a str) -> Option<(&'a str, i32)> {
    let dash = after_first
        .strip_prefix('-')
        .or_else(|| after_first.strip_prefix('\u{2013}'))?;
    if dash.len() != r2.len() {
        return None;
    }
    let b = r2.as_bytes();
    if b.len() < 2 || !b[0].is_ascii_digit() || !b[1].is_ascii_digit() || b.get(2).is_some_and(|&x| is_word_byte(x)) {
        return None;
    }
    let yy = i32::from(b[0] - b'0') * 10 + i32::from(b[1] - b'0');
    let century = y1 - y1.rem_euclid(100);
    let y2 = if yy > y1.rem_euclid(100) {
        century + yy
    } else {
        century + 100 + yy
    };
    (y2 - y1 <= 30).then_some((&r2[2..], y2))
}

// a day written month-first or day-first ("Oct. 23", "23 October 1998"), not a range
fn written_day<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, e) = month_day_year(c, i).or_else(|_| day_month_year(c, i))?;
    if matches!(e, Expr::Range { .. }) {
        return fail(i);
    }
    Ok((r, e))
}

// a four-digit year alone, as a date
fn year_alone(i: &str) -> Option<(&str, Expr)> {
    let (r, y) = year4(i).ok()?;
    Some((
        r,
        Expr::Date {
            year: y,
            month: None,
            day: None,
        },
    ))
}

// a range endpoint: a month, a month-day, a year, a weekday
fn point<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let ctx = Ctx {
        prev: "from",
        before: c.before,
    };
    if let Ok(x) = month_day_year(&ctx, i) {
        if !matches!(x.1, Expr::Range { .. }) {
            return Ok(x);
        }
    }
    if let Some(x) = year_alone(i) {
        return Ok(x);
    }
    if let Ok(x) = month_alone(&ctx, i) {
        return Ok(x);
    }
    let (_, l) = lex(i)?;
    let (r, w) = from(&l.weekdays)(i)?;
    if !starts_upper(i) {
        return fail(i);
    }
    Ok((
        r,
        Expr::Nearest {
            target: Target::Weekday(w),
            dir: Dir::Tense,
        },
    ))
}

/// "last"/"final": the ordinal list reads them as the fourth (quarter), but
/// alone they point back ("the last quarter", "the last century").
fn last_word(i: &str) -> bool {
    word("last")(i).is_ok() || word("final")(i).is_ok()
}

/// The ordinal of a century: not "last"/"final" ("the last century" is relative).
fn century_ordinal(i: &str) -> PResult<'_, u32> {
    if last_word(i) {
        return fail(i);
    }
    ordinal(i)
}

// yyyy | fiscal yyyy | mid-yyyy | the 1990s | 1990s | the 19th century | the year 2000
/// Years, decades and centuries.
pub fn year_forms<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    // the 1990s | the nineteenth century
    if let Ok((r, _)) = word("the")(i) {
        let (r, _) = ws(r)?;
        if let Ok((r2, n)) = century_ordinal(r) {
            let (r3, _) = ws(r2)?;
            let (r3, _) = word("century")(r3)?;
            if !(1..=22).contains(&n) {
                return fail(i);
            }
            return Ok((r3, Expr::Century(n as i32 - 1)));
        }
        if let Ok((r2, _)) = word("year")(r) {
            let (r2, _) = ws(r2)?;
            let (r2, y) = year4(r2).or_else(|_| match number(r2) {
                Ok((x, a)) if a.n.is_some_and(|n| (1000..=2100).contains(&n)) => Ok((x, a.n.unwrap_or(0) as i32)),
                _ => fail(r2),
            })?;
            return Ok((
                r2,
                Expr::Date {
                    year: y,
                    month: None,
                    day: None,
                },
            ));
        }
        return decade_after_the(r);
    }
    // 20th century
    if let Ok((r, n)) = century_ordinal(i) {
        let (r, _) = ws(r)?;
        let (r, _) = word("century")(r)?;
        if !(1..=22).contains(&n) {
            return fail(i);
        }
        return Ok((r, Expr::Century(n as i32 - 1)));
    }
    if let Ok((r, _)) = word("fiscal")(i) {
        let (r, _) = ws(r)?;
        let (r, y) = year4(r)?;
        return Ok((
            r,
            Expr::Date {
                year: y,
                month: None,
                day: None,
            },
        ));
    }
    if let Ok(x) = decade(i) {
        return Ok(x);
    }
    // '80s, the scan starting at the digits after the apostrophe
    if matches!(c.before, b'\'' | 0x99) && c.prev.is_empty() {
        if let Ok(x) = decade_short(i) {
            return Ok(x);
        }
    }
    // nineteen ninety-six | two thousand
    if i.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        let (r, a) = number(i)?;
        if let Some(c) = a.n.filter(|c| (11..=20).contains(c)) {
            let (r2, _) = ws(r)?;
            let (r3, b) = number(r2)?;
            if let Some(n) = b.n.filter(|n| (10..=99).contains(n)) {
                return Ok((
                    r3,
                    Expr::Date {
                        year: (c * 100 + n) as i32,
                        month: None,
                        day: None,
                    },
                ));
            }
        }
        if a.n == Some(2000) && matches!(c.prev, "year" | "in" | "since" | "by" | "until") && !a.half {
            return Ok((
                r,
                Expr::Date {
                    year: 2000,
                    month: None,
                    day: None,
                },
            ));
        }
        return fail(i);
    }
    // 480 BC | 44 B.C. | 2000 BCE
    if let Ok((r, n)) = digits_in(i, 4, 1, 9999) {
        if let Ok((r2, _)) = ws(r) {
            for suffix in ["b.c.", "b.c", "bce", "bc"] {
                if let Some(k) = match_phrase(r2, suffix) {
                    let rest = &r2[k..];
                    return Ok((
                        rest,
                        Expr::Date {
                            year: 1 - n as i32,
                            month: None,
                            day: None,
                        },
                    ));
                }
            }
        }
    }
    let (r, y) = year4(i)?;
    // not money, not a count of things: "$2000", "2000 people"
    let rb = r.as_bytes();
    let joined = rb.len() > 1 && matches!(rb[0], b'-' | b'/' | b'.') && rb[1].is_ascii_digit();
    if c.before == b'$' || r.starts_with('%') || r.starts_with(",0") || joined {
        return fail(i);
    }
    let cue = matches!(
        c.prev,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "from"
            | "during"
            | "to"
            | "and"
            | "between"
            | "through"
            | "year"
            | "fiscal"
            | "the"
            | "for"
    );
    if !cue {
        if let Ok((r2, _)) = ws(r) {
            let w: String = r2
                .bytes()
                .take_while(|b| b.is_ascii_alphabetic())
                .map(char::from)
                .collect();
            // "2000 troops", "2019 points", "2000 people": a count (a plural noun after the number)
            let plural =
                (w.len() > 2 && w.ends_with('s')) || matches!(w.as_str(), "people" | "men" | "women" | "children");
            if plural && w.bytes().all(|b| b.is_ascii_lowercase()) {
                return fail(i);
            }
        }
        if !(1500..=2100).contains(&y) {
            return fail(i);
        }
    }
    Ok((
        r,
        Expr::Date {
            year: y,
            month: None,
            day: None,
        },
    ))
}

// (after "the") [early|mid|late] 1990s|'90s|nineties
/// "the 1990s", "the '80s", "the nineties", and with a position inside the
/// decade: "the early seventies", "the mid-'80s", "the late 1980s". A decade
/// word is read only here, after "the": "in her nineties" is an age.
fn decade_after_the(i: &str) -> PResult<'_, Expr> {
    let (_, l) = lex(i)?;
    let one = |x| {
        decade(x).or_else(|_| {
            let (r, d) = from(&l.decades)(x)?;
            Ok((r, Expr::Decade(d)))
        })
    };
    if let Ok((r, m)) = from(&l.positions)(i) {
        let r = if let Some(x) = r.strip_prefix('-') {
            Some(x)
        } else if i[..i.len() - r.len()].ends_with('-') {
            Some(r)
        } else {
            ws(r).ok().map(|x| x.0)
        };
        if let Some(Ok((rest, e))) = r.map(one) {
            return Ok((
                rest,
                Expr::Mod {
                    modifier: m,
                    inner: Box::new(e),
                },
            ));
        }
    }
    one(i)
}

// '90s | ’90s (the apostrophe stands for the century)
/// A decade written with two digits: '20s to '90s are the 1900s', '00s and
/// '10s the 2000s'.
fn decade_short(i: &str) -> PResult<'_, Expr> {
    let (r, y) = digits_in(i, 2, 0, 99)?;
    if i.len() - r.len() != 2 || y % 10 != 0 {
        return fail(i);
    }
    let (r, _) = nom::character::complete::char('s')(r)?;
    if next_is_word(r) {
        return fail(i);
    }
    let d = (y / 10) as i32;
    Ok((r, Expr::Decade(if d >= 2 { 190 + d } else { 200 + d })))
}

// 1990s | 1990's | '90s
fn decade(i: &str) -> PResult<'_, Expr> {
    if let Some(x) = i.strip_prefix('\'').or_else(|| i.strip_prefix('\u{2019}')) {
        return decade_short(x);
    }
    if let Ok((r, y)) = digits_in(i, 4, 1000, 2190) {
        if i.len() - r.len() == 4 && y % 10 == 0 {
            let r = r.strip_prefix('\'').unwrap_or(r);
            let (r, _) = nom::character::complete::char('s')(r)?;
            if next_is_word(r) {
                return fail(i);
            }
            return Ok((r, Expr::Decade((y / 10) as i32)));
        }
    }
    fail(i)
}

/// `<ordinal> quarter|half` ("third quarter", "second-quarter", "first half"): the rest and the target.
fn ordinal_period(i: &str) -> Option<(&str, Target)> {
    let (_, l) = lex(i).ok()?;
    let (r, n) = from(&l.ordinals)(i).ok()?;
    let r = r.strip_prefix('-').or_else(|| ws(r).ok().map(|x| x.0))?;
    let (r, half) = match word("quarter")(r) {
        Ok((r, _)) => (r, false),
        Err(_) => (word("half")(r).ok()?.0, true),
    };
    if n == 0 || (half && n > 2) || n > 4 {
        return None;
    }
    Some((r, if half { Target::Half(n) } else { Target::Quarter(n) }))
}

// (after "the") [full|fiscal|current [fiscal]|latest fiscal] year [ended|ending]
/// "the year" of a report ("sales for the year", "the full year", "the fiscal year") is
/// the year in focus: the anchor's, or in a history the one under discussion; "the
/// latest fiscal year" is the one before. "the year ended March 31" is a twelve-month
/// span that need not be a calendar year: a duration. Not "the Year" of a title ("Man
/// of the Year"), not a compound ("the year-ago quarter"), not a year defined after it
/// ("the year of the dragon", "the year before", "the year when …").
fn the_year(r: &str) -> Option<(&str, Expr)> {
    let mut off = 0;
    let mut x = r;
    for (w, o) in [("full", 0), ("current fiscal", 0), ("latest fiscal", -1), ("fiscal", 0)] {
        if let Some(k) = match_phrase(x, w) {
            x = ws(&x[k..]).ok()?.0;
            off = o;
            break;
        }
    }
    let rest = x.strip_prefix("year")?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let (next, _) = ws(rest).unwrap_or((rest, ()));
    // "the year 2000", "the year 999999999": a year named, not the year in focus
    if next.starts_with(|c: char| c.is_ascii_digit()) || number(next).is_ok() {
        return None;
    }
    for w in [
        "ended",
        "ending",
        "of",
        "before",
        "after",
        "earlier",
        "later",
        "when",
        "that",
        "in",
        "which",
        "following",
        "ago",
        "to",
        "round",
    ] {
        if match_phrase(next, w).is_some() {
            if matches!(w, "ended" | "ending") {
                return Some((
                    rest,
                    Expr::Duration {
                        amount: Amount::exact(1),
                        unit: Unit::Year,
                    },
                ));
            }
            return None;
        }
    }
    Some((
        rest,
        Expr::RelUnit {
            unit: Unit::Year,
            offset: off,
        },
    ))
}

// the first|second|third|fourth quarter [of <year>] | Q3 [2024] | third-quarter | the first half [of 2024]
// | the latest quarter | the quarter | the [fiscal] year
/// Quarters and halves of a year.
pub fn quarter<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    // Q3 [2024]
    let b = i.as_bytes();
    if b.len() >= 2 && (b[0] == b'Q' || b[0] == b'q') && (b'1'..=b'4').contains(&b[1]) && !next_is_word(&i[2..]) {
        let q = u32::from(b[1] - b'0');
        let r = &i[2..];
        if let Some((r2, y)) = year_suffix(r) {
            return Ok((
                r2,
                Expr::In {
                    target: Target::Quarter(q),
                    year: Box::new(Expr::Date {
                        year: y,
                        month: None,
                        day: None,
                    }),
                },
            ));
        }
        if !starts_upper(i) {
            return fail(i);
        }
        return Ok((
            r,
            Expr::Nearest {
                target: Target::Quarter(q),
                dir: Dir::This,
            },
        ));
    }
    let r = match word("the")(i) {
        Ok((r, _)) => ws(r)?.0,
        Err(_) => i,
    };
    let (_, l) = lex(r)?;
    // the 1988 second quarter | last year's third quarter | next year's first half
    if let Ok((r1, y)) = year4(r) {
        if let Some((r3, target)) = ws(r1).ok().and_then(|(r2, _)| ordinal_period(r2)) {
            let year = Box::new(Expr::Date {
                year: y,
                month: None,
                day: None,
            });
            return Ok((r3, Expr::In { target, year }));
        }
    }
    if let Ok((r1, offset)) = from(&l.relatives)(r) {
        let r2 = ws(r1).map(|x| x.0).unwrap_or(r1);
        if let Some(k) = match_phrase(r2, "year's").or_else(|| match_phrase(r2, "year\u{2019}s")) {
            if let Some((r3, target)) = ws(&r2[k..]).ok().and_then(|(x, _)| ordinal_period(x)) {
                let year = Box::new(Expr::RelUnit {
                    unit: Unit::Year,
                    offset,
                });
                return Ok((r3, Expr::In { target, year }));
            }
        }
    }
    // the latest quarter | the quarter | the year-earlier quarter
    // year-earlier | the year-ago quarter | the comparable year-earlier period: a year before the period discussed
    {
        let r0 = match word("comparable")(r) {
            Ok((x, _)) => ws(x)?.0,
            Err(_) => r,
        };
        for w in ["year-earlier", "year-ago", "year earlier", "year ago"] {
            if let Some(k) = match_phrase(r0, w) {
                let mut rest = &r0[k..];
                let mut quarter = false;
                if let Ok((x, _)) = ws(rest) {
                    for noun in ["quarter", "period", "level", "results"] {
                        if let Some(k2) = match_phrase(x, noun) {
                            rest = &x[k2..];
                            quarter = noun == "quarter";
                            break;
                        }
                    }
                }
                // "the year-ago third quarter": that quarter of the comparison year
                if rest.len() == r0.len() - k {
                    if let Some((r3, target)) = ws(rest).ok().and_then(|(x, _)| ordinal_period(x)) {
                        let year = Box::new(Expr::Shift {
                            amount: Amount::exact(1),
                            unit: Unit::Year,
                            sign: -1,
                            origin: Origin::Comparison { quarter: false },
                        });
                        return Ok((r3, Expr::In { target, year }));
                    }
                }
                if w.contains(' ') && rest.len() == r0.len() - k {
                    // "year earlier" with no noun is the amount_unit rule's "a year earlier"
                    continue;
                }
                return Ok((
                    rest,
                    Expr::Shift {
                        amount: Amount::exact(1),
                        unit: Unit::Year,
                        sign: -1,
                        origin: Origin::Comparison { quarter },
                    },
                ));
            }
        }
    }
    if r.len() < i.len() {
        // "in 1979, the year his father left": an appositive names its own year
        let after_year = !c.prev.is_empty() && c.prev.bytes().all(|b| b.is_ascii_digit());
        if let Some(e) = the_year(r).filter(|_| !after_year) {
            return Ok(e);
        }
        for (w, off) in [("latest quarter", -1), ("quarter", -1), ("latest period", -1)] {
            if let Some(k) = match_phrase(r, w) {
                let rest = &r[k..];
                // "the quarter ended", but not "the quarter-point"
                if rest.starts_with('-') {
                    continue;
                }
                // "the quarter a year ago" is "the year-ago quarter"
                if let Some(k2) = phrase_after(rest, &["a year ago", "a year earlier"]) {
                    return Ok((
                        k2,
                        Expr::Shift {
                            amount: Amount::exact(1),
                            unit: Unit::Year,
                            sign: -1,
                            origin: Origin::Comparison { quarter: true },
                        },
                    ));
                }
                return Ok((
                    rest,
                    Expr::RelUnit {
                        unit: Unit::Quarter,
                        offset: off,
                    },
                ));
            }
        }
    }
    // "the last quarter of 2008" is its fourth; "the last quarter" alone is the one before
    let last = last_word(r);
    let (r, n) = from(&l.ordinals)(r)?;
    let r = r
        .strip_prefix('-')
        .or_else(|| ws(r).ok().map(|x| x.0))
        .ok_or(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    let (r, half) = match word("quarter")(r) {
        Ok((r, _)) => (r, false),
        Err(_) => (word("half")(r)?.0, true),
    };
    let n = match (last, half) {
        (true, true) => 2,
        (true, false) => 4,
        (false, _) => n,
    };
    if (half && n > 2) || n > 4 {
        return fail(i);
    }
    let target = if half { Target::Half(n) } else { Target::Quarter(n) };
    if let Ok((r2, _)) = ws(r) {
        if let Ok((r3, _)) = word("of")(r2) {
            if let Ok((r4, _)) = ws(r3) {
                if let Ok((r5, y)) = year4(r4) {
                    return Ok((
                        r5,
                        Expr::In {
                            target,
                            year: Box::new(Expr::Date {
                                year: y,
                                month: None,
                                day: None,
                            }),
                        },
                    ));
                }
                if let Some((r5, y)) = year_of(r) {
                    return Ok((
                        r5,
                        Expr::In {
                            target,
                            year: Box::new(y),
                        },
                    ));
                }
            }
        }
    }
    if let Some((r5, y)) = year_suffix(r) {
        return Ok((
            r5,
            Expr::In {
                target,
                year: Box::new(Expr::Date {
                    year: y,
                    month: None,
                    day: None,
                }),
            },
        ));
    }
    match (last, half) {
        (true, false) => Ok((
            r,
            Expr::RelUnit {
                unit: Unit::Quarter,
                offset: -1,
            },
        )),
        (true, true) => fail(i),
        (false, _) => Ok((r, Expr::Nearest { target, dir: Dir::This })),
    }
}

// [last|next|this] <season> [of <year>] | the <season> of <year>
/// `spring`, `last fall`, `the spring of 2023`, `summer 2024`.
pub fn season<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, dir) = match from(&l.relatives)(i) {
        Ok((r, off)) => (
            ws(r)?.0,
            Some(match off {
                -1 => Dir::Last,
                1 => Dir::Next,
                _ => Dir::This,
            }),
        ),
        Err(_) => match word("the")(i) {
            Ok((r, _)) => (ws(r)?.0, None),
            Err(_) => (i, None),
        },
    };
    let had_the = dir.is_none() && r.len() < i.len();
    let (r, s) = from(&l.seasons)(r)?;
    let is_fall = i[..i.len() - r.len()].to_ascii_lowercase().ends_with("fall");
    // <season> of <year> | <season> <year>
    let r2 = match ws(r).and_then(|(x, _)| word("of")(x)).and_then(|(x, _)| ws(x)) {
        Ok((x, _)) => x,
        Err(_) => ows(r),
    };
    if let Ok((r3, y)) = year4(r2) {
        return Ok((
            r3,
            Expr::In {
                target: Target::Season(s),
                year: Box::new(Expr::Date {
                    year: y,
                    month: None,
                    day: None,
                }),
            },
        ));
    }
    if let Some((r3, y)) = year_of(r) {
        return Ok((
            r3,
            Expr::In {
                target: Target::Season(s),
                year: Box::new(y),
            },
        ));
    }
    // "fall" is a verb unless a cue says otherwise
    if is_fall && dir.is_none() && !had_the && !matches!(c.prev, "in" | "early" | "late" | "this" | "last" | "next") {
        return fail(i);
    }
    if is_fall && had_the && !matches!(c.prev, "in" | "during" | "by" | "until" | "since" | "over") {
        return fail(i);
    }
    if r.starts_with('-') {
        return fail(i);
    }
    // "to spring into action", "could spring a surprise": the verb
    let is_spring = i[..i.len() - r.len()].to_ascii_lowercase().ends_with("spring");
    if is_spring
        && dir.is_none()
        && !had_the
        && (matches!(
            c.prev,
            "will" | "would" | "can" | "could" | "may" | "might" | "must" | "did" | "does" | "not"
        ) || ws(r).is_ok_and(|(x, _)| {
            [
                "into", "up", "back", "forward", "out", "from", "a", "an", "the", "to", "on", "onto", "open",
            ]
            .iter()
            .any(|w| word(w)(x).is_ok())
        }))
    {
        return fail(i);
    }
    Ok((
        r,
        Expr::Nearest {
            target: Target::Season(s),
            dir: dir.unwrap_or(Dir::Tense),
        },
    ))
}

// [last|next|this] <holiday>
/// `Christmas`, `last Thanksgiving`, `New Year's Day`.
pub fn holiday<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, dir) = match from(&l.relatives)(i) {
        Ok((r, off)) => (
            ws(r)?.0,
            match off {
                -1 => Dir::Last,
                1 => Dir::Next,
                _ => Dir::This,
            },
        ),
        Err(_) => (i, Dir::Tense),
    };
    if !starts_upper(r) {
        return fail(i);
    }
    let (r, h) = from(&l.holidays)(r)?;
    if let Some((r2, y)) = year_suffix(r) {
        return Ok((
            r2,
            Expr::In {
                target: Target::Holiday(h),
                year: Box::new(Expr::Date {
                    year: y,
                    month: None,
                    day: None,
                }),
            },
        ));
    }
    Ok((
        r,
        Expr::Nearest {
            target: Target::Holiday(h),
            dir,
        },
    ))
}

fn part_after(r: &str) -> Option<(&str, crate::grammar::DayPart)> {
    let l = crate::grammar::lexicons().ok()?;
    let (r2, _) = ws(r).ok()?;
    from(&l.parts)(r2).ok()
}

// today | yesterday [morning] | tomorrow | tonight | the day before yesterday
/// Days named relative to the anchor.
pub fn relative_day<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, (off, part)) = from(&l.relative_days)(i)?;
    let day = Expr::RelUnit {
        unit: Unit::Day,
        offset: off,
    };
    if let Some(p) = part {
        return Ok((
            r,
            Expr::Part {
                day: Some(Box::new(day)),
                part: p,
            },
        ));
    }
    if let Some((r2, p)) = part_after(r) {
        return Ok((
            r2,
            Expr::Part {
                day: Some(Box::new(day)),
                part: p,
            },
        ));
    }
    Ok((r, day))
}

// [last|next|this|on] <weekday> [morning|night] | this morning
/// `Friday`, `last Friday`, `Sunday night`, `this morning`.
pub fn weekday<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, dir) = match from(&l.relatives)(i) {
        Ok((r, off)) => (
            ws(r)?.0,
            match off {
                -1 => Dir::Last,
                1 => Dir::Next,
                _ => Dir::This,
            },
        ),
        Err(_) => (i, Dir::Tense),
    };
    // this morning | this evening
    if dir == Dir::This {
        if let Ok((r2, p)) = from(&l.parts)(r) {
            return Ok((
                r2,
                Expr::Part {
                    day: Some(Box::new(Expr::RelUnit {
                        unit: Unit::Day,
                        offset: 0,
                    })),
                    part: p,
                },
            ));
        }
    }
    if !starts_upper(r) {
        return fail(i);
    }
    let (r, w) = from(&l.weekdays)(r)?;
    let len = i.len() - r.len();
    // "Sat" and "Sun" alone are not weekdays; "Sun." is
    if dir == Dir::Tense && len <= 3 {
        return fail(i);
    }
    let day = Expr::Nearest {
        target: Target::Weekday(w),
        dir,
    };
    if let Some((r2, p)) = part_after(r) {
        return Ok((
            r2,
            Expr::Part {
                day: Some(Box::new(day)),
                part: p,
            },
        ));
    }
    Ok((r, day))
}

// last|next|this <unit> | earlier|later this <unit> | the past|next <unit>
/// `last week`, `this month`, `next weekend`, `earlier this year`.
pub fn relative_unit<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    // earlier this year | later this month | early next year: the position gives the mod
    let r = match word("earlier")(i).or_else(|_| word("later")(i)) {
        Ok((r, _)) => ws(r)?.0,
        Err(_) => i,
    };
    let (r, off) = from(&l.relatives)(r)?;
    let (r, _) = ws(r)?;
    // "ABC's \"This Week\"": a capitalised unit after a capitalised word is a title
    if starts_upper(i) && starts_upper(r) {
        return fail(i);
    }
    let (r, u) = from(&l.units)(r)?;
    let plural = i[..i.len() - r.len()].ends_with('s');
    if plural && off != 0 {
        // "coming weeks", "the past months": a vague span
        return Ok((
            r,
            Expr::Duration {
                amount: Amount::vague(),
                unit: u,
            },
        ));
    }
    if plural || matches!(u, Unit::Second | Unit::Minute) {
        return fail(i);
    }
    Ok((r, Expr::RelUnit { unit: u, offset: off }))
}

// [<mod>] <number> <unit> [ago|later|earlier|from now] | <number>-<unit>[-old|-long] | the past|next <number> <unit>
/// Durations and shifts: `five months`, `about five hours`, `three-year-old`, `two years ago`, `the past two weeks`.
pub fn amount_unit<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    // the past|last|next|coming|first <number> <unit> (or "the past week")
    // for years | within days | in months: a vague span (not "in years of war")
    if matches!(c.prev, "for" | "within" | "in" | "after" | "over") {
        if let Ok((r, u)) = from(&l.units)(i) {
            let plural = i[..i.len() - r.len()].ends_with('s');
            let of_after = ws(r).is_ok_and(|(x, _)| word("of")(x).is_ok() || word("to")(x).is_ok());
            if plural && !of_after && !matches!(u, Unit::Weekend) {
                return Ok((
                    r,
                    Expr::Duration {
                        amount: Amount::vague(),
                        unit: u,
                    },
                ));
            }
        }
    }
    // a day-long meeting | a decades-long battle | a years-old slump: how long the thing lasts
    if let Ok((r, u)) = from(&l.units)(i) {
        let plural = i[..i.len() - r.len()].ends_with('s');
        let tail = r
            .strip_prefix("-long")
            .or_else(|| r.strip_prefix("-old").filter(|_| plural));
        if let Some(x) = tail.filter(|x| !next_is_word(x)) {
            let amount = if plural { Amount::vague() } else { Amount::exact(1) };
            return Ok((x, Expr::Duration { amount, unit: u }));
        }
    }
    // (after "the": a relative word makes an implicit one possible: "the past week")
    let (r, the_rel, bare_the) = match word("the")(i) {
        Ok((r, _)) => {
            let (r, _) = ws(r)?;
            match from(&l.relatives)(r) {
                Ok((r2, 0)) => {
                    // the current year | this year: the anchor's
                    let (r3, _) = ws(r2)?;
                    if let Ok((r4, u)) = from(&l.units)(r3) {
                        if !r3[..r3.len() - r4.len()].ends_with('s') {
                            return Ok((r4, Expr::RelUnit { unit: u, offset: 0 }));
                        }
                    }
                    return fail(i);
                }
                Ok((r2, _)) => (ws(r2)?.0, true, false),
                Err(_) => match word("first")(r) {
                    Ok((r2, _)) => (ws(r2)?.0, true, false),
                    Err(_) => {
                        // the weekend
                        if let Ok((r2, Unit::Weekend)) = from(&l.units)(r) {
                            if !r[..r.len() - r2.len()].ends_with('s') {
                                return Ok((
                                    r2,
                                    Expr::RelUnit {
                                        unit: Unit::Weekend,
                                        offset: 0,
                                    },
                                ));
                            }
                        }
                        (r, false, true)
                    }
                },
            }
        }
        Err(_) => (i, false, false),
    };
    // the weeks ahead | the days to come: a vague span from now
    if bare_the {
        if let Ok((r2, u)) = from(&l.units)(r) {
            if r[..r.len() - r2.len()].ends_with('s') {
                if let Some(k) = phrase_after(r2, &["ahead", "to come"]) {
                    return Ok((
                        k,
                        Expr::Duration {
                            amount: Amount::vague(),
                            unit: u,
                        },
                    ));
                }
            }
        }
    }
    // "the eight-year war": the article is not part of the expression
    if bare_the && number(r).is_ok_and(|(x, _)| x.starts_with('-')) {
        return fail(i);
    }
    let (r, modifier) = match from(&l.modifiers)(r) {
        Ok((r2, m)) => (ws(r2)?.0, Some(m)),
        Err(_) => (r, None),
    };
    // "the past week": an implicit one
    let (r, amount) = match number(r) {
        Ok(x) => x,
        Err(_) if the_rel => (r, Amount::exact(1)),
        Err(e) => return Err(e),
    };
    let implicit = the_rel && amount == Amount::exact(1) && !r.is_empty() && next_is_word(r);
    // <number>-<unit>
    let (r, hyphen) = match r.strip_prefix('-') {
        Some(x) => (x, true),
        None => match ws(r) {
            Ok((x, _)) => (x, false),
            Err(_) if implicit => (r, false),
            Err(e) => return Err(e),
        },
    };
    // "the eight-year war", "the nearly three-year-old war": the article is not part of it
    if bare_the && hyphen {
        return fail(i);
    }
    // a single night | a full year | eight trading days
    let r = match word("single")(r)
        .or_else(|_| word("full")(r))
        .or_else(|_| word("whole")(r))
        .or_else(|_| word("trading")(r))
        .or_else(|_| word("business")(r))
        .or_else(|_| word("working")(r))
    {
        Ok((x, _)) => ws(x)?.0,
        Err(_) => r,
    };
    // "one more week": more is filler
    let r = match word("more")(r)
        .or_else(|_| word("additional")(r))
        .or_else(|_| word("straight")(r))
    {
        Ok((x, _)) if !hyphen => ws(x)?.0,
        _ => r,
    };
    let (r, u) = match from(&l.units)(r) {
        Ok(x) => x,
        Err(e) => {
            // a single night
            let (r2, p) = from(&l.parts)(r).map_err(|_| e)?;
            if p != crate::grammar::DayPart::Night || amount.n.is_none() {
                return fail(i);
            }
            (r2, Unit::Day)
        }
    };
    // "the first days", "the first hours": no number before a plural is a vague amount
    let amount = if implicit && i[..i.len() - r.len()].ends_with('s') {
        Amount::vague()
    } else {
        amount
    };
    // "a decades-long battle", "a years-old feud": "a" is the noun's article, not one unit
    if amount == Amount::exact(1)
        && !the_rel
        && i.as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&b'a'))
        && i[..i.len() - r.len()].ends_with('s')
    {
        return fail(i);
    }
    // "a minute and a half", "a year and a half": the half follows the unit
    let (r, amount) = match phrase_after(r, &["and a half"]) {
        Some(x) if !amount.half && amount.n.is_some() && !next_is_word(x) => (x, Amount { half: true, ..amount }),
        _ => (r, amount),
    };
    // a rate: "5,000 barrels a day", "twice a week", "per year" is a recurrence
    let article = i.as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&b'a'));
    if !the_rel && !hyphen && amount == Amount::exact(1) && article && modifier.is_none() {
        let rate_before = matches!(c.prev, "twice" | "once" | "thrice" | "times")
            || (c.prev.len() > 3 && c.prev.ends_with('s') && !matches!(c.prev, "was" | "has" | "is" | "this" | "its"));
        if rate_before && !i[..i.len() - r.len()].ends_with('s') {
            return Ok((r, Expr::Set { unit: u, weekday: None }));
        }
    }
    // "a year-earlier loss", "a year-ago quarter": the article belongs to the noun and
    // the compound is a comparison period (the quarter rule's "year-earlier")
    if !hyphen
        && u == Unit::Year
        && ["-earlier", "-ago"]
            .iter()
            .any(|t| r.get(..t.len()).is_some_and(|p| p.eq_ignore_ascii_case(t)))
    {
        return fail(i);
    }
    // page furniture: "3 minute read", "5 min read"
    if matches!(u, Unit::Minute) && ws(r).is_ok_and(|(x, _)| word("read")(x).is_ok()) {
        return fail(i);
    }
    // "a second" is rarely time ("a second round"); "a week" is
    if amount.n == Some(1) && u == Unit::Second && !the_rel {
        return fail(i);
    }
    if amount.n.is_some_and(|n| n > crate::grammar::MAX_AMOUNT) {
        return fail(i);
    }
    // "the 1988 quarter": a year before a singular unit, not an amount
    if amount.n.is_some_and(|n| n >= 1000) && !hyphen && !i[..i.len() - r.len()].ends_with('s') {
        return fail(i);
    }
    let mut r = r;
    let unit_text = &i[..i.len() - r.len()];
    if hyphen {
        if unit_text.ends_with('s') {
            // "three-quarters"
            return fail(i);
        }
        // three-year-old, 30-year, five-month-long
        if let Some(x) = r.strip_prefix("-old") {
            // an age ("a 6-year-old boy", "the 44-year-old") unless a bound makes it a span ("nearly three-year-old war")
            if modifier.is_none() && !is_event_next(l, x) {
                return fail(i);
            }
            r = x;
        } else if let Some(x) = r.strip_prefix("-long") {
            r = x;
        }
    } else if let Ok((x, _)) = ws(r) {
        // "52 years old": an age
        if word("old")(x).is_ok() && u == Unit::Year {
            return fail(i);
        }
    }
    // <amount> <unit> ago | later | from now
    if !hyphen && !the_rel {
        if let Ok((r2, _)) = ws(r) {
            if let Ok((r3, (sign, origin))) = from(&l.shifts)(r2) {
                // "two days after the vote" is a duration before a phrase; only the final forms shift
                let tail_ok = match origin {
                    Origin::Anchor => true,
                    Origin::Reference | Origin::Comparison { .. } => {
                        !next_is_word(ows(r3))
                            || !matches!(&r2[..r2.len() - r3.len()].to_ascii_lowercase()[..], "before" | "after")
                    }
                };
                if tail_ok {
                    let e = Expr::Shift {
                        amount,
                        unit: u,
                        sign,
                        origin,
                    };
                    let e = match modifier {
                        Some(m) => Expr::Mod {
                            modifier: m,
                            inner: Box::new(e),
                        },
                        None => e,
                    };
                    return Ok((r3, e));
                }
            }
        }
    }
    if u == Unit::Weekend && amount.n == Some(1) && !the_rel {
        return fail(i);
    }
    let e = Expr::Duration { amount, unit: u };
    Ok((
        r,
        match modifier {
            Some(m) => Expr::Mod {
                modifier: m,
                inner: Box::new(e),
            },
            None => e,
        },
    ))
}

// the previous|following|same year | the year before | a year earlier (in amount_unit)
/// `the previous year`, `the following week`, `the same period`.
pub fn reference_unit<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    // earlier|later that day
    let i0 = match word("earlier")(i).or_else(|_| word("later")(i)) {
        Ok((r, _)) => ws(r)?.0,
        Err(_) => i,
    };
    // that <unit> | the previous|following|same <unit> | the <unit> before|after
    let (r, off, plain_the) = match word("that")(i0) {
        Ok((r, _)) => (ws(r)?.0, 0, false),
        Err(_) => {
            let (r, _) = word("the")(i0)?;
            let (r, _) = ws(r)?;
            match from(&l.anchor_refs)(r) {
                Ok((r2, off)) => (ws(r2)?.0, off, false),
                Err(_) => (r, 0, true),
            }
        }
    };
    let r = match word("fiscal")(r) {
        Ok((x, _)) => ws(x)?.0,
        Err(_) => r,
    };
    let (r, u) = from(&l.units)(r)?;
    if i[..i.len() - r.len()].ends_with('s') {
        // "the following days", "the succeeding months": a vague span
        if off != 0 && !plain_the {
            return Ok((
                r,
                Expr::Duration {
                    amount: Amount::vague(),
                    unit: u,
                },
            ));
        }
        return fail(i);
    }
    if plain_the {
        // the year before | the day after, with no object ("the day after the vote" is not one)
        let (r2, _) = ws(r)?;
        let (r3, (sign, origin)) = from(&l.shifts)(r2)?;
        if origin != Origin::Reference || ws(r3).is_ok_and(|(x, _)| next_is_word(x) && !starts_upper(x)) {
            return fail(i);
        }
        return Ok((
            r3,
            Expr::Shift {
                amount: Amount::exact(1),
                unit: u,
                sign,
                origin: Origin::Reference,
            },
        ));
    }
    Ok((
        r,
        Expr::Shift {
            amount: Amount::exact(off.unsigned_abs() as u64),
            unit: u,
            sign: if off < 0 { -1 } else { 1 },
            origin: Origin::Reference,
        },
    ))
}

// the first|second|10th|last day|week [of <month>|<year>|the month|last year]
/// A day or week counted inside a period: `the first day of March`, `the last
/// week of 2024`, and, with nothing dated after it, `the second day` (of the
/// range mentioned before).
pub fn nth_day<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, _) = word("the")(i)?;
    let (r, _) = ws(r)?;
    let (r, n) = if last_word(r) {
        (word("last")(r).or_else(|_| word("final")(r))?.0, -1)
    } else {
        let (x, n) = ordinal(r)?;
        let Ok(n) = i32::try_from(n) else {
            return fail(i);
        };
        (x, n)
    };
    let (r, _) = ws(r)?;
    let (r, unit) = from(&l.units)(r)?;
    if !matches!(unit, Unit::Day | Unit::Week) || i[..i.len() - r.len()].ends_with('s') {
        return fail(i);
    }
    let of = phrase_after(r, &["of"])
        .and_then(|x| ws(x).ok())
        .and_then(|(x, _)| period_object(x));
    match of {
        Some((rest, e)) => Ok((
            rest,
            Expr::Nth {
                n,
                unit,
                of: Some(Box::new(e)),
            },
        )),
        // "the first week" alone stays an amount of time (the duration rule)
        None if unit == Unit::Day => Ok((r, Expr::Nth { n, unit, of: None })),
        None => fail(i),
    }
}

// what "the first day of …" counts in: a month, a month with its year, a year,
// "the month", "next year"
fn period_object(i: &str) -> Option<(&str, Expr)> {
    let c = Ctx {
        prev: "of",
        before: b' ',
    };
    if let Ok((r, e)) = month_day_year(&c, i) {
        if matches!(e, Expr::Date { day: None, .. }) {
            return Some((r, e));
        }
        return None;
    }
    if let Some(x) = year_alone(i) {
        return Some(x);
    }
    if let Ok(x) = month_alone(&c, i) {
        return Some(x);
    }
    if let Ok(x) = relative_unit(&c, i) {
        return matches!(x.1, Expr::RelUnit { .. }).then_some(x);
    }
    the_unit(&c, i).ok()
}

// the morning|night of <date>
/// A part of a named day: `the night of April 18, 1775`, `the morning of 19 April`.
pub fn part_of<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, _) = word("the")(i)?;
    let (r, _) = ws(r)?;
    let (r, part) = from(&l.parts)(r)?;
    let (r, _) = ws(r)?;
    let (r, _) = word("of")(r)?;
    let (r, _) = ws(r)?;
    let c = Ctx {
        prev: "of",
        before: b' ',
    };
    let date = |x| written_day(&c, x);
    let (r, day) = date(r).or_else(|_| {
        // "the night of Friday, Oct. 23": the date after the weekday
        let (x, wd) = weekday(&c, r)?;
        match x.strip_prefix(',').map(ows).map(date) {
            Some(Ok(d)) => Ok(d),
            _ => Ok((x, wd)),
        }
    })?;
    match day {
        Expr::Date { day: Some(_), .. }
        | Expr::Nearest {
            target: Target::MonthDay(..) | Target::Weekday(_),
            ..
        }
        | Expr::In {
            target: Target::MonthDay(..),
            ..
        } => Ok((
            r,
            Expr::Part {
                day: Some(Box::new(day)),
                part,
            },
        )),
        _ => fail(i),
    }
}

// the same period|quarter|month [in|of] last year | a year earlier | the previous year | 1988
/// A comparison with the period under discussion in another year.
pub fn again<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, _) = word("the")(i)?;
    let (r, _) = ws(r)?;
    let (r, size) = from(&l.comparisons)(r)?;
    let (r, _) = ws(r)?;
    let r = match word("in")(r).or_else(|_| word("of")(r)) {
        Ok((x, _)) => ws(x)?.0,
        Err(_) => r,
    };
    let (r, year) = match from(&l.years_back)(r) {
        Ok((x, n)) => (x, AgainYear::Back(n)),
        Err(_) => {
            let (x, y) = year4(r)?;
            (x, AgainYear::In(y))
        }
    };
    Ok((r, Expr::Again { size, year }))
}

// h[:mm] a.m.|p.m.|am|pm [<zone>] | hh:mm [<zone>] | noon | midday | midnight  [on <weekday> | today…]
/// Clock times.
pub fn clock<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, hour, minute) = if let Ok((r, _)) = word("noon")(i).or_else(|_| word("midday")(i)) {
        (r, 12, 0)
    } else if let Ok((r, _)) = word("midnight")(i) {
        (r, 24, 0)
    } else {
        let (r, h) = digits_in(i, 2, 0, 24)?;
        let (r, m, colon) = match r.strip_prefix(':') {
            Some(x) => {
                let (x2, m) = digits_in(x, 2, 0, 59)?;
                if x.len() - x2.len() != 2 {
                    return fail(i);
                }
                (x2, m, true)
            }
            None => (r, 0, false),
        };
        let t = ows(r);
        let mut ampm = None;
        for (s, pm) in [
            ("a.m.", false),
            ("p.m.", true),
            ("a.m", false),
            ("p.m", true),
            ("am", false),
            ("pm", true),
        ] {
            if let Some(k) = match_phrase(t, s) {
                ampm = Some((&t[k..], pm));
                break;
            }
        }
        match ampm {
            Some((r2, pm)) => {
                if h == 0 || h > 12 {
                    return fail(i);
                }
                let h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (r2, h as u32, m as u32)
            }
            None if colon && c.before != b'$' => {
                if next_is_word(r) || r.starts_with(':') {
                    return fail(i);
                }
                (r, h as u32, m as u32)
            }
            None => return fail(i),
        }
    };
    // zone
    let mut r = r;
    let mut zone = None;
    if let Ok((r2, _)) = ws(r) {
        let z: String = r2.bytes().take_while(u8::is_ascii_uppercase).map(char::from).collect();
        if (2..=4).contains(&z.len()) && !next_is_word(&r2[z.len()..]) && crate::grammar::zone_known(&z) {
            zone = Some(z.clone());
            r = &r2[z.len()..];
        }
    }
    // [on] <weekday> | today | yesterday | [,] <month> <day> | <day> <month> [<year>]
    let mut day = None;
    let mut r = r.strip_prefix(',').unwrap_or(r);
    if let Ok((r2, _)) = ws(r) {
        let r3 = match word("on")(r2) {
            Ok((x, _)) => ws(x).map(|y| y.0).unwrap_or(x),
            Err(_) => r2,
        };
        let ctx = Ctx { prev: "", before: 0 };
        let md = written_day(&ctx, r3).ok();
        if let Some((r4, d)) = md.or_else(|| weekday(&ctx, r3).or_else(|_| relative_day(&ctx, r3)).ok()) {
            if !matches!(d, Expr::Part { .. }) {
                day = Some(Box::new(d));
                r = r4;
            }
        }
    }
    Ok((
        r,
        Expr::Time {
            day,
            hour,
            minute,
            zone,
        },
    ))
}

// every|each <unit>|<weekday> | daily | weekly | annually
/// Recurrences.
pub fn set<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    if let Ok((r, u)) = from(&l.sets)(i) {
        // an adjective ("a quarterly dividend", "daily newspaper") is not a time expression
        if let Ok((r2, _)) = ws(r) {
            let w: String = r2.bytes().take_while(u8::is_ascii_alphabetic).map(char::from).collect();
            if !w.is_empty()
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(
                    w.as_str(),
                    "in" | "on"
                        | "at"
                        | "for"
                        | "and"
                        | "or"
                        | "to"
                        | "since"
                        | "from"
                        | "until"
                        | "by"
                        | "with"
                        | "as"
                        | "basis"
                        | "but"
                        | "during"
                        | "over"
                        | "through"
                )
            {
                return fail(i);
            }
        }
        return Ok((r, Expr::Set { unit: u, weekday: None }));
    }
    let (r, _) = word("every")(i)
        .or_else(|_| word("each")(i))
        .or_else(|_| word("per")(i))?;
    let (r, _) = ws(r)?;
    if let Ok((r2, w)) = from(&l.weekdays)(r) {
        return Ok((
            r2,
            Expr::Set {
                unit: Unit::Week,
                weekday: Some(w),
            },
        ));
    }
    let (r2, u) = from(&l.units)(r)?;
    if r[..r.len() - r2.len()].ends_with('s') {
        return fail(i);
    }
    Ok((r2, Expr::Set { unit: u, weekday: None }))
}

// now | currently | recently | soon | to date | in the future | the past
/// Vague references.
pub fn reference<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, k) = from(&l.references)(i)?;
    let w = i[..i.len() - r.len()].to_ascii_lowercase();
    // adjectives only before a time noun: "recent weeks" is handled as a duration; "current" alone is rare
    // adjectives before a time noun: "recent weeks" (a vague span), "current year" (the anchor's)
    if matches!(w.as_str(), "recent" | "current" | "future") {
        if let Ok((r2, _)) = ws(r) {
            if let Ok((r3, u)) = from(&l.units)(r2) {
                let plural = r2[..r2.len() - r3.len()].ends_with('s');
                return Ok((
                    r3,
                    match (w.as_str(), plural) {
                        ("current", false) => Expr::RelUnit { unit: u, offset: 0 },
                        (_, true) => Expr::Duration {
                            amount: Amount::vague(),
                            unit: u,
                        },
                        _ => Expr::Ref(k),
                    },
                ));
            }
        }
    }
    // "recent" and "future" alone are adjectives of other nouns ("a recent interview")
    if matches!(w.as_str(), "recent" | "future") {
        return fail(i);
    }
    if matches!(w.as_str(), "soon" | "shortly") && !soon_from_now(c, l, r) {
        return fail(i);
    }
    Ok((r, Expr::Ref(k)))
}

/// Does "soon"/"shortly" (followed by `r`) point ahead of the moment of writing?
/// Not as a conjunction ("as soon as Tuesday": the date is the expression; "as
/// soon as possible" still is one), not before a relation to another event ("soon
/// after the vote", "shortly before the merger"), not in a past narration ("he was
/// soon released", "a trickle that soon became a flood").
fn soon_from_now(c: &Ctx<'_>, l: &crate::grammar::Lexicons, r: &str) -> bool {
    let next = ws(r).map(|(x, _)| x).unwrap_or(r);
    if c.prev == "as" && word("as")(next).is_ok() {
        let after = ws(&next[2..]).map(|(x, _)| x).unwrap_or("");
        return word("possible")(after).is_ok() || word("practicable")(after).is_ok();
    }
    if ["after", "before", "afterward", "afterwards", "thereafter"]
        .iter()
        .any(|w| match_phrase(next, w).is_some())
    {
        return false;
    }
    if matches!(c.prev, "was" | "were" | "had") {
        return false;
    }
    let n = next.bytes().take_while(|b| b.is_ascii_lowercase()).count();
    let nw = &next[..n];
    let past = l
        .tense
        .longest(nw)
        .is_some_and(|(k, cue)| k == nw.len() && *cue == crate::grammar::TenseCue::Past)
        || (nw.len() > 4 && nw.ends_with("ed") && !nw.ends_with("eed"));
    !past
}

// early|mid|late <date> | the end of <date> | mid-2024
/// Positions inside a period: `early March`, `mid-2024`, `late last year`, `the end of the year`.
pub fn position<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    if let Some(r) = year_end(c, i) {
        return Ok((
            r,
            Expr::Mod {
                modifier: crate::timex::TimexMod::End,
                inner: Box::new(Expr::RelUnit {
                    unit: Unit::Year,
                    offset: 0,
                }),
            },
        ));
    }
    let (r, m) = from(&l.positions)(i)?;
    let r = if let Some(x) = r.strip_prefix('-') {
        x
    } else if i[..i.len() - r.len()].ends_with('-') {
        r
    } else {
        ws(r)?.0
    };
    let ctx = Ctx {
        prev: "early",
        before: c.before,
    };
    let inner: [Rule; 6] = [month_day_year, month_alone, year_forms, relative_unit, season, the_unit];
    let mut best: Option<(&str, Expr)> = None;
    for rule in inner {
        if let Ok((rest, e)) = rule(&ctx, r) {
            if best.as_ref().is_none_or(|b| rest.len() < b.0.len()) {
                best = Some((rest, e));
            }
        }
    }
    let (rest, e) = best.ok_or(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    Ok((
        rest,
        Expr::Mod {
            modifier: m,
            inner: Box::new(e),
        },
    ))
}

// [by|at|since|around…] year-end | year end | year's end
/// "by year-end" is the end of the year in focus, as "the end of the year" is.
/// Only after a preposition or article: before a noun it is a kind of figure
/// ("when year-end net was below").
fn year_end<'a>(c: &Ctx<'_>, i: &'a str) -> Option<&'a str> {
    if !matches!(
        c.prev,
        "by" | "at"
            | "until"
            | "till"
            | "since"
            | "before"
            | "after"
            | "around"
            | "near"
            | "from"
            | "to"
            | "through"
            | "toward"
            | "towards"
            | "the"
            | "of"
    ) {
        return None;
    }
    let k = ["year-end", "year end", "year's end", "year\u{2019}s end"]
        .iter()
        .find_map(|w| match_phrase(i, w))?;
    let r = &i[k..];
    if r.starts_with('-') || ws(r).is_ok_and(|(x, _)| x.starts_with(|ch: char| ch.is_ascii_lowercase())) {
        // "year-end net", "the year-end bonus"
        let next = ws(r).map(|(x, _)| x).unwrap_or(r);
        if ![
            "and", "or", "to", "of", "in", "for", "at", "with", "when", "but", "as", "if", "because",
        ]
        .iter()
        .any(|w| match_phrase(next, w).is_some())
        {
            return None;
        }
    }
    Some(r)
}

// the year | the month | the week (inside "the end of the year")
fn the_unit<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, _) = word("the")(i)?;
    let (r, _) = ws(r)?;
    let (r, u) = from(&l.units)(r)?;
    Ok((r, Expr::RelUnit { unit: u, offset: 0 }))
}
// is the next word a thing that lasts ("three-year-old war")? grammar/events.txt
fn is_event_next(l: &crate::grammar::Lexicons, r: &str) -> bool {
    ws(r).is_ok_and(|(t, _)| l.events.longest(t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::{DayPart, Season};

    const C: Ctx<'static> = Ctx {
        prev: "in",
        before: b' ',
    };

    fn parse(rule: Rule, s: &str) -> Option<(usize, Expr)> {
        rule(&C, s).ok().map(|(rest, e)| (s.len() - rest.len(), e))
    }

    fn md(m: u32, d: u32) -> Expr {
        Expr::Nearest {
            target: Target::MonthDay(m, d),
            dir: Dir::Tense,
        }
    }

    #[test]
    fn comma_years_and_parts_of_named_days() {
        let c = |rule: Rule, s: &str| parse(rule, s).map(|x| x.0);
        assert_eq!(c(day_month_year, "2 May, 1777."), Some(11));
        assert_eq!(c(month_day_year, "January, 1918, the"), Some(13));
        // a count after the comma: the year is not read
        assert_eq!(c(day_month_year, "5 May, 2000 soldiers"), Some(5));
        assert_eq!(c(month_day_year, "January, 2000 soldiers"), None);
        assert_eq!(c(part_of, "the night of April 18, 1775 when"), Some(27));
        assert_eq!(c(part_of, "the night of Friday, Oct. 23, 1998"), Some(34));
        // not a day: a month, an event, no "of"
        for s in [
            "the night of April",
            "the night of the attack",
            "the night April 18",
            "the nights of April 18",
        ] {
            assert_eq!(c(part_of, s), None, "{s}");
        }
    }

    #[test]
    fn range_lists_and_mixed_ends() {
        let c = |s: &str| parse(range, s).map(|x| x.0);
        assert_eq!(c("between Friday and Sunday"), Some(25));
        assert_eq!(c("Sept. 14 to Thursday"), Some(20));
        // a list, not a range; a weekday to a month
        assert_eq!(c("Friday and Thursday"), None);
        assert_eq!(c("November and January"), None);
        assert_eq!(c("Friday to December"), None);
    }

    #[test]
    fn short_second_year() {
        assert_eq!(short_year_after(1915, "-17,", "17,"), Some((",", 1917)));
        assert_eq!(short_year_after(1999, "-00", "00"), Some(("", 2000)));
        // one digit, three digits, a space before the dash, more than 30 years on
        assert_eq!(short_year_after(1915, "-1", "1"), None);
        assert_eq!(short_year_after(1915, "-170", "170"), None);
        assert_eq!(short_year_after(1915, " - 17", "17"), None);
        assert_eq!(short_year_after(1915, "-14", "14"), None);
        assert_eq!(short_year_after(1915, "-17a", "17a"), None);
    }

    #[test]
    fn nth_day_and_again_forms_and_rejects() {
        let first_of_march = Expr::Nth {
            n: 1,
            unit: Unit::Day,
            of: Some(Box::new(Expr::Nearest {
                target: Target::Month(3),
                dir: Dir::Tense,
            })),
        };
        assert_eq!(parse(nth_day, "the first day of March."), Some((22, first_of_march)));
        assert_eq!(
            parse(nth_day, "the last day of the talks"),
            Some((
                12,
                Expr::Nth {
                    n: -1,
                    unit: Unit::Day,
                    of: None
                }
            ))
        );
        assert_eq!(
            parse(nth_day, "the 10th day"),
            Some((
                12,
                Expr::Nth {
                    n: 10,
                    unit: Unit::Day,
                    of: None
                }
            ))
        );
        // a plural, a week with nothing dated after it, no ordinal, a longer word
        for s in [
            "the first days",
            "the first week of the war",
            "the day",
            "the first daylight",
            "the first dayX",
        ] {
            assert_eq!(parse(nth_day, s), None, "{s}");
        }
        assert_eq!(
            parse(again, "the same period last year, "),
            Some((
                25,
                Expr::Again {
                    size: None,
                    year: AgainYear::Back(1)
                }
            ))
        );
        assert_eq!(
            parse(again, "the corresponding quarter of 1988"),
            Some((
                33,
                Expr::Again {
                    size: Some(Unit::Quarter),
                    year: AgainYear::In(1988)
                }
            ))
        );
        // a comparison needs its year; "the same" alone is the reference rule's
        for s in [
            "the same period",
            "the same period in Ukraine",
            "the same day",
            "the samey period last year",
        ] {
            assert_eq!(parse(again, s), None, "{s}");
        }
    }

    #[test]
    fn month_day_year_forms_and_rejects() {
        assert_eq!(
            parse(month_day_year, "February 4, 2025."),
            Some((
                16,
                Expr::Date {
                    year: 2025,
                    month: Some(2),
                    day: Some(4)
                }
            ))
        );
        assert_eq!(parse(month_day_year, "Feb. 4 talks"), Some((6, md(2, 4))));
        assert_eq!(parse(month_day_year, "Sept. 30th"), Some((10, md(9, 30))));
        assert_eq!(
            parse(month_day_year, "February 2022"),
            Some((
                13,
                Expr::Date {
                    year: 2022,
                    month: Some(2),
                    day: None
                }
            ))
        );
        let Some((
            12,
            Expr::Range {
                first,
                second,
                first_span,
                second_span,
            },
        )) = parse(month_day_year, "February 4-5")
        else {
            panic!("range")
        };
        assert_eq!(
            (*first, *second, first_span, second_span),
            (md(2, 4), md(2, 5), (0, 10), (11, 12))
        );
        // rejects: day 0 and 32, a day the month lacks, a reversed range reads only its start
        assert_eq!(parse(month_day_year, "February 0"), None);
        assert_eq!(parse(month_day_year, "March 32"), None);
        assert_eq!(parse(month_day_year, "April 31"), None);
        assert_eq!(parse(month_day_year, "February 29, 2023"), None);
        assert_eq!(parse(month_day_year, "May 5-3"), Some((5, md(5, 5))));
        assert_eq!(parse(month_day_year, "Mayor 5"), None);
    }

    #[test]
    fn numeric_dates_and_rejects() {
        assert_eq!(
            parse(numeric_date, "2025-02-04"),
            Some((
                10,
                Expr::Date {
                    year: 2025,
                    month: Some(2),
                    day: Some(4)
                }
            ))
        );
        assert_eq!(
            parse(numeric_date, "02/04/2025"),
            Some((
                10,
                Expr::Date {
                    year: 2025,
                    month: Some(2),
                    day: Some(4)
                }
            ))
        );
        assert_eq!(parse(numeric_date, "2025-13-01"), None);
        assert_eq!(parse(numeric_date, "2025-02-30"), None);
        assert_eq!(parse(numeric_date, "13/01/2025"), None);
        assert_eq!(parse(numeric_date, "02/04/2025/7"), None);
        assert_eq!(parse(numeric_date, "2025-02-04x"), None);
    }

    #[test]
    fn years_decades_centuries() {
        assert_eq!(
            parse(year_forms, "2022"),
            Some((
                4,
                Expr::Date {
                    year: 2022,
                    month: None,
                    day: None
                }
            ))
        );
        assert_eq!(parse(year_forms, "the 1990s"), Some((9, Expr::Decade(199))));
        assert_eq!(parse(year_forms, "the nineties"), Some((12, Expr::Decade(199))));
        assert_eq!(parse(year_forms, "the '80s"), Some((8, Expr::Decade(198))));
        assert_eq!(parse(year_forms, "the '10s"), Some((8, Expr::Decade(201))));
        // a decade word only after "the"; an apostrophe needs two digits and "s"
        assert_eq!(parse(year_forms, "nineties"), None);
        assert_eq!(parse(year_forms, "the '85s"), None);
        assert_eq!(parse(year_forms, "the '80 sales"), None);
        assert_eq!(parse(year_forms, "the 19th century"), Some((16, Expr::Century(18))));
        assert_eq!(
            parse(year_forms, "480 BC"),
            Some((
                6,
                Expr::Date {
                    year: -479,
                    month: None,
                    day: None
                }
            ))
        );
        // a count of things, money, a decimal
        let c = Ctx { prev: "", before: b' ' };
        assert!(year_forms(&c, "2000 people").is_err());
        assert!(year_forms(&Ctx { prev: "", before: b'$' }, "2000").is_err());
        assert!(year_forms(&c, "1462.93").is_err());
        assert!(year_forms(&c, "the 23rd century").is_err());
    }

    #[test]
    fn clock_times_and_rejects() {
        let t = |h, m| Expr::Time {
            day: None,
            hour: h,
            minute: m,
            zone: None,
        };
        assert_eq!(parse(clock, "3 p.m."), Some((6, t(15, 0))));
        assert_eq!(parse(clock, "12 a.m."), Some((7, t(0, 0))));
        assert_eq!(parse(clock, "15:30"), Some((5, t(15, 30))));
        assert_eq!(parse(clock, "13 p.m."), None);
        assert_eq!(parse(clock, "25:00"), None);
        assert_eq!(parse(clock, "10:7"), None);
        assert_eq!(parse(clock, "3 people"), None);
        let Some((_, Expr::Time { zone, .. })) = parse(clock, "15:30 GMT") else {
            panic!("zone")
        };
        assert_eq!(zone.as_deref(), Some("GMT"));
    }

    #[test]
    fn durations_shifts_and_rejects() {
        let d = |n, u| Expr::Duration {
            amount: Amount::exact(n),
            unit: u,
        };
        assert_eq!(parse(amount_unit, "five months"), Some((11, d(5, Unit::Month))));
        assert_eq!(
            parse(amount_unit, "1 day ago"),
            Some((
                9,
                Expr::Shift {
                    amount: Amount::exact(1),
                    unit: Unit::Day,
                    sign: -1,
                    origin: Origin::Anchor
                }
            ))
        );
        assert_eq!(
            parse(amount_unit, "three years later"),
            Some((
                17,
                Expr::Shift {
                    amount: Amount::exact(3),
                    unit: Unit::Year,
                    sign: 1,
                    origin: Origin::Reference
                }
            ))
        );
        assert_eq!(
            parse(amount_unit, "nearly three-year-old war"),
            Some((
                21,
                Expr::Mod {
                    modifier: crate::timex::TimexMod::LessThan,
                    inner: Box::new(d(3, Unit::Year))
                }
            ))
        );
        // ages, fractions of a unit, a year before a singular unit, the article alone
        assert_eq!(parse(amount_unit, "a 6-year-old boy"), None);
        assert_eq!(parse(amount_unit, "52 years old"), None);
        assert_eq!(parse(amount_unit, "three-quarters"), None);
        assert_eq!(parse(amount_unit, "the 1988 quarter"), None);
        assert_eq!(parse(amount_unit, "the year"), None);
        assert_eq!(parse(amount_unit, "a second round"), None);
    }

    #[test]
    fn relative_forms() {
        assert_eq!(
            parse(relative_unit, "last week"),
            Some((
                9,
                Expr::RelUnit {
                    unit: Unit::Week,
                    offset: -1
                }
            ))
        );
        assert_eq!(
            parse(relative_unit, "last weeks"),
            Some((
                10,
                Expr::Duration {
                    amount: Amount::vague(),
                    unit: Unit::Week
                }
            ))
        );
        assert_eq!(
            parse(month_alone, "last October"),
            Some((
                12,
                Expr::Nearest {
                    target: Target::Month(10),
                    dir: Dir::Last
                }
            ))
        );
        // "May" the name, "March" the verb
        assert_eq!(
            month_alone(
                &Ctx {
                    prev: "theresa",
                    before: b' '
                },
                "May said"
            )
            .ok()
            .map(|x| x.1),
            None
        );
        assert_eq!(
            month_alone(
                &Ctx {
                    prev: "will",
                    before: b' '
                },
                "March on"
            )
            .ok()
            .map(|x| x.1),
            None
        );
        assert_eq!(parse(month_alone, "february"), None);
        assert_eq!(
            parse(weekday, "Sunday night"),
            Some((
                12,
                Expr::Part {
                    day: Some(Box::new(Expr::Nearest {
                        target: Target::Weekday(chrono::Weekday::Sun),
                        dir: Dir::Tense
                    })),
                    part: DayPart::Night
                }
            ))
        );
        assert_eq!(parse(weekday, "Sun"), None);
        assert_eq!(
            parse(season, "last fall"),
            Some((
                9,
                Expr::Nearest {
                    target: Target::Season(Season::Fall),
                    dir: Dir::Last
                }
            ))
        );
        assert_eq!(
            season(
                &Ctx {
                    prev: "prices",
                    before: b' '
                },
                "fall sharply"
            )
            .ok()
            .map(|x| x.1),
            None
        );
    }

    #[test]
    fn sets_and_references() {
        assert_eq!(
            parse(set, "every Monday"),
            Some((
                12,
                Expr::Set {
                    unit: Unit::Week,
                    weekday: Some(chrono::Weekday::Mon)
                }
            ))
        );
        assert_eq!(
            parse(set, "annually."),
            Some((
                8,
                Expr::Set {
                    unit: Unit::Year,
                    weekday: None
                }
            ))
        );
        assert_eq!(parse(set, "quarterly dividend"), None);
        assert_eq!(
            parse(reference, "now"),
            Some((3, Expr::Ref(crate::grammar::RefKind::Present)))
        );
        assert_eq!(parse(reference, "recent interview"), None);
    }
}
