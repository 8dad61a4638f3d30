//! Days, weekdays and units named relative to the anchor or to the date under
//! discussion: `yesterday`, `last Friday`, `next week`, `the previous year`,
//! `the first day of March`, `the night of April 18`, `the same period last year`.

use super::*;

/// A weekday written with this many letters or fewer and no "last"/"next"
/// ("Sat", "Sun") is no weekday alone: "Sun" is a newspaper, "Sat" a verb.
const SHORT_WEEKDAY_LEN: usize = 3;

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
    if dir == Dir::Tense && len <= SHORT_WEEKDAY_LEN {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

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
}
