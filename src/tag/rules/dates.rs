//! Dates: month-day-year, day-month-year, numeric dates, a month alone, and the
//! "of last year" forms a date can take.

use super::*;

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

/// A two-digit year below this is of the 2000s ("02/04/49" is 2049), from it
/// of the 1900s ("02/04/50" is 1950): news of this century, archives of the
/// last (the pivot of Python's `strptime` is 69; 50 keeps 1950s archives;
/// `tests/grammar_numbers.rs` pins it).
const TWO_DIGIT_PIVOT: u64 = 50;

/// A month name of fewer letters with no full stop ("Jan", "Sept") is too
/// ambiguous alone ("Jan" is a name, "Mar" a verb); "May", "June", "July"
/// are whole names.
const MIN_BARE_MONTH_LEN: usize = 5;

// yyyy-mm-dd | mm/dd/yyyy | mm/dd/yy
/// `2025-02-04`, `02/04/2025`.
pub fn numeric_date<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    if let Ok((r, y)) = digits_in(i, 4, *WRITTEN_YEARS.start(), *WRITTEN_YEARS.end()) {
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
        4 => digits_in(r, 4, *WRITTEN_YEARS.start(), *WRITTEN_YEARS.end())?,
        2 => {
            let (r, y) = digits_in(r, 2, 0, 99)?;
            (r, if y < TWO_DIGIT_PIVOT { 2000 + y } else { 1900 + y })
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
    if surface.len() < MIN_BARE_MONTH_LEN
        && !surface.ends_with('.')
        && !matches!(surface.as_str(), "may" | "june" | "july")
    {
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
    let cue = l.word_sets.has(WordSet::MonthCue, c.prev);
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
pub(super) fn year_of(i: &str) -> Option<(&str, Expr)> {
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

// a day written month-first or day-first ("Oct. 23", "23 October 1998"), not a range
pub(super) fn written_day<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, e) = month_day_year(c, i).or_else(|_| day_month_year(c, i))?;
    if matches!(e, Expr::Range { .. }) {
        return fail(i);
    }
    Ok((r, e))
}

// a four-digit year alone, as a date
pub(super) fn year_alone(i: &str) -> Option<(&str, Expr)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

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
}
