//! Ranges between two points: `from March to May`, `between 2019 and 2021`, `1915-17`.

use super::*;

/// A range whose second year is written with two digits ("1990-95") spans
/// at most this many years ("1990-20" is 1990-2020; "1990-21" is no range
/// of years: more often a score or a code).
const MAX_SHORT_RANGE_YEARS: i32 = 30;

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
    let span = |end: &str, a, b| Expr::Range {
        first: Box::new(a),
        first_span: (a_at, a_end),
        second: Box::new(b),
        second_span: (b_at, start.len() - end.len()),
    };
    // 1915-17 | 2007-08 | 1999-2000: a year range whose second year keeps only its last two digits
    if let Expr::Date {
        year: y1,
        month: None,
        day: None,
    } = a
    {
        if let Some((r3, y2)) = short_year_after(y1, r, r2) {
            return Ok((r3, span(r3, a, year_date(y2))));
        }
    }
    let (r3, b) = point(c, r2)?;
    // "1532 – 1000": a second year before the first makes no range of years
    // (a score, two counts)
    if let (
        Expr::Date {
            year: y1, month: None, ..
        },
        Expr::Date {
            year: y2, month: None, ..
        },
    ) = (&a, &b)
    {
        if y2 < y1 {
            return fail(i);
        }
    }
    // "made Friday and Thursday", "November and January": a list, not a range
    // (only "between … and" is one); "Friday to December's figures": ends of two kinds
    if (!lead && ws(r).is_ok_and(|(x, _)| word("and")(x).is_ok())) || ends_disagree(&a, &b) {
        return fail(i);
    }
    let (end, a, b) = share_year(r3, a, b);
    if !lead && !matches!(a, Expr::Nearest { .. } | Expr::In { .. } | Expr::Date { .. }) {
        return fail(i);
    }
    Ok((end, span(end, a, b)))
}

/// A weekday at one end and no day at the other ("Friday to December").
fn ends_disagree(a: &Expr, b: &Expr) -> bool {
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
    (weekday_end(a) && !day_end(b)) || (weekday_end(b) && !day_end(a))
}

/// A year written once for both ends (`r` is the rest after the second):
/// "September to November last year", "March to May 2022", "June 1 to July 3
/// last year". Returns the rest and both ends.
fn share_year(r3: &str, a: Expr, b: Expr) -> (&str, Expr, Expr) {
    let both_in = |t1: Target, t2: Target, y: Expr| {
        (
            Expr::In {
                target: t1,
                year: Box::new(y.clone()),
            },
            Expr::In {
                target: t2,
                year: Box::new(y),
            },
        )
    };
    match (&a, &b) {
        // both endpoints month names: a trailing year applies to both
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
                let (a, b) = both_in(Target::Month(*m1), Target::Month(*m2), y);
                (r4, a, b)
            } else if let Some((r4, y)) = year_suffix(r3) {
                let month = |m: u32| Expr::Date {
                    year: y,
                    month: Some(m),
                    day: None,
                };
                (r4, month(*m1), month(*m2))
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
        ) => match year_of(r3) {
            Some((r4, y)) => {
                let (a, b) = both_in(*t1, *t2, y);
                (r4, a, b)
            }
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
    }
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
    (y2 - y1 <= MAX_SHORT_RANGE_YEARS).then_some((&r2[2..], y2))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

    #[test]
    fn range_lists_and_mixed_ends() {
        let c = |s: &str| parse(range, s).map(|x| x.0);
        assert_eq!(c("between Friday and Sunday"), Some(25));
        assert_eq!(c("Sept. 14 to Thursday"), Some(20));
        // a list, not a range; a weekday to a month
        assert_eq!(c("Friday and Thursday"), None);
        assert_eq!(c("November and January"), None);
        assert_eq!(c("Friday to December"), None);
        // a second year before the first
        assert_eq!(c("1532 \u{2013} 1000"), None);
        assert_eq!(c("from 2010 to 2008"), None);
        assert_eq!(c("from 2008 to 2010"), Some(17));
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
}
