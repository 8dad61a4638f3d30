//! Amounts of time and shifts: `five months`, `nearly three-year-old`, `two years ago`.

use super::*;

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

// is the next word a thing that lasts ("three-year-old war")? grammar/events.txt
fn is_event_next(l: &crate::grammar::Lexicons, r: &str) -> bool {
    ws(r).is_ok_and(|(t, _)| l.events.longest(t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

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
}
