//! Amounts of time and shifts: `five months`, `nearly three-year-old`, `two years ago`.

use super::*;
use crate::grammar::{DayPart, Lexicons};
use crate::timex::TimexMod;

/// A plural before "a day" that makes it a rate ("5,000 barrels a day") has
/// at least this many letters ("was", "has", "is" are no plurals).
const MIN_PLURAL_LEN: usize = 4;

// [<mod>] <number> <unit> [ago|later|earlier|from now] | <number>-<unit>[-old|-long] | the past|next <number> <unit>
/// Durations and shifts: `five months`, `about five hours`, `three-year-old`, `two years ago`, `the past two weeks`.
pub fn amount_unit<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    if let Some(x) = vague_after_preposition(c, l, i).or_else(|| unit_long(l, i)) {
        return Ok(x);
    }
    let (r, the_rel, bare_the) = match the_lead(l, i) {
        Some(Lead::Done(r, e)) => return Ok((r, e)),
        Some(Lead::Go { r, the_rel, bare_the }) => (r, the_rel, bare_the),
        None => return fail(i),
    };
    // the weeks ahead | the days to come: a vague span from now
    if let Some(x) = bare_the.then(|| units_ahead(l, r)).flatten() {
        return Ok(x);
    }
    // "the eight-year war": the article is not part of the expression
    if bare_the && number(r).is_ok_and(|(x, _)| x.starts_with('-')) {
        return fail(i);
    }
    let Some(a) = read_amount(l, r, the_rel, bare_the) else {
        return fail(i);
    };
    match amount_tail(c, l, i, a) {
        Some(x) => Ok(x),
        None => fail(i),
    }
}

/// Does the text from `i` to `r` (a suffix of `i`) end with an "s" (a plural unit)?
fn ends_s(i: &str, r: &str) -> bool {
    i[..i.len() - r.len()].ends_with('s')
}

/// `e` under the modifier read before its amount ("nearly").
fn with_mod(modifier: Option<TimexMod>, e: Expr) -> Expr {
    match modifier {
        Some(m) => Expr::Mod {
            modifier: m,
            inner: Box::new(e),
        },
        None => e,
    }
}

/// for years | within days | in months: a vague span (not "in years of war").
fn vague_after_preposition<'a>(c: &Ctx<'_>, l: &'static Lexicons, i: &'a str) -> Option<(&'a str, Expr)> {
    if !l.word_sets.has(WordSet::SpanCue, c.prev) {
        return None;
    }
    let (r, u) = from(&l.units)(i).ok()?;
    let of_after = ws(r).is_ok_and(|(x, _)| word("of")(x).is_ok() || word("to")(x).is_ok());
    (ends_s(i, r) && !of_after && !matches!(u, Unit::Weekend)).then_some((
        r,
        Expr::Duration {
            amount: Amount::vague(),
            unit: u,
        },
    ))
}

/// A day-long meeting | a decades-long battle | a years-old slump: how long the thing lasts.
fn unit_long<'a>(l: &'static Lexicons, i: &'a str) -> Option<(&'a str, Expr)> {
    let (r, u) = from(&l.units)(i).ok()?;
    let plural = ends_s(i, r);
    let tail = r
        .strip_prefix("-long")
        .or_else(|| r.strip_prefix("-old").filter(|_| plural));
    let x = tail.filter(|x| !next_is_word(x))?;
    let amount = if plural { Amount::vague() } else { Amount::exact(1) };
    Some((x, Expr::Duration { amount, unit: u }))
}

/// What an amount of time starts with.
enum Lead<'a> {
    /// A whole expression already: "the current year", "the weekend".
    Done(&'a str, Expr),
    /// The amount comes next, at `r`.
    Go {
        /// The rest after the lead.
        r: &'a str,
        /// After "the" and a relative word or "first": an implicit one is possible
        /// ("the past week").
        the_rel: bool,
        /// After a bare "the".
        bare_the: bool,
    },
}

/// The lead of an amount: nothing, "the", or "the" and a relative word
/// ("the past", "the next", "the first"); `None` when it cannot start one.
fn the_lead<'a>(l: &'static Lexicons, i: &'a str) -> Option<Lead<'a>> {
    let Ok((r, _)) = word("the")(i) else {
        return Some(Lead::Go {
            r: i,
            the_rel: false,
            bare_the: false,
        });
    };
    let (r, _) = ws(r).ok()?;
    let after_rel = |r2: &'a str| {
        Some(Lead::Go {
            r: ws(r2).ok()?.0,
            the_rel: true,
            bare_the: false,
        })
    };
    match from(&l.relatives)(r) {
        Ok((r2, 0)) => {
            // the current year | this year: the anchor's
            let (r3, _) = ws(r2).ok()?;
            let (r4, u) = from(&l.units)(r3).ok()?;
            (!ends_s(r3, r4)).then_some(Lead::Done(r4, Expr::RelUnit { unit: u, offset: 0 }))
        }
        Ok((r2, _)) => after_rel(r2),
        Err(_) => match word("first")(r) {
            Ok((r2, _)) => after_rel(r2),
            Err(_) => match from(&l.units)(r) {
                // the weekend
                Ok((r2, Unit::Weekend)) if !ends_s(r, r2) => Some(Lead::Done(
                    r2,
                    Expr::RelUnit {
                        unit: Unit::Weekend,
                        offset: 0,
                    },
                )),
                _ => Some(Lead::Go {
                    r,
                    the_rel: false,
                    bare_the: true,
                }),
            },
        },
    }
}

/// (after a bare "the") the weeks ahead | the days to come: a vague span from now.
fn units_ahead<'a>(l: &'static Lexicons, r: &'a str) -> Option<(&'a str, Expr)> {
    let (r2, u) = from(&l.units)(r).ok()?;
    if !ends_s(r, r2) {
        return None;
    }
    let k = phrase_after(r2, &["ahead", "to come"])?;
    Some((
        k,
        Expr::Duration {
            amount: Amount::vague(),
            unit: u,
        },
    ))
}

/// An amount and its unit as read, before what may follow them.
struct Reading<'a> {
    /// The rest after the unit.
    r: &'a str,
    /// "nearly", "about".
    modifier: Option<TimexMod>,
    /// How many.
    amount: Amount,
    /// Of what.
    unit: Unit,
    /// Written `<number>-<unit>`.
    hyphen: bool,
    /// "the past week": no number, one unit.
    implicit: bool,
    /// After "the" and a relative word.
    the_rel: bool,
}

/// [<mod>] <number> [-| ] [single|full…] [more…] <unit>, after the lead.
fn read_amount<'a>(l: &'static Lexicons, r: &'a str, the_rel: bool, bare_the: bool) -> Option<Reading<'a>> {
    let (r, modifier) = match from(&l.modifiers)(r) {
        Ok((r2, m)) => (ws(r2).ok()?.0, Some(m)),
        Err(_) => (r, None),
    };
    // "the past week": an implicit one
    let (r, amount) = match number(r) {
        Ok(x) => x,
        Err(_) if the_rel => (r, Amount::exact(1)),
        Err(_) => return None,
    };
    let implicit = the_rel && amount == Amount::exact(1) && !r.is_empty() && next_is_word(r);
    // <number>-<unit>
    let (r, hyphen) = match r.strip_prefix('-') {
        Some(x) => (x, true),
        None => match ws(r) {
            Ok((x, _)) => (x, false),
            Err(_) if implicit => (r, false),
            Err(_) => return None,
        },
    };
    // "the eight-year war", "the nearly three-year-old war": the article is not part of it
    if bare_the && hyphen {
        return None;
    }
    let r = skip_fillers(l, r, hyphen)?;
    let (r, unit) = match from(&l.units)(r) {
        Ok(x) => x,
        Err(_) => {
            // a single night
            let (r2, p) = from(&l.parts)(r).ok()?;
            if p != DayPart::Night || amount.n.is_none() {
                return None;
            }
            (r2, Unit::Day)
        }
    };
    Some(Reading {
        r,
        modifier,
        amount,
        unit,
        hyphen,
        implicit,
        the_rel,
    })
}

/// The words between an amount and its unit: "a single night", "a full year",
/// "eight trading days", "one more week" (not after a hyphen); `None` when one
/// is not followed by a space.
fn skip_fillers<'a>(l: &Lexicons, r: &'a str, hyphen: bool) -> Option<&'a str> {
    let r = match l.word_sets.word_at(WordSet::UnitFiller, r) {
        Some(n) => ws(&r[n..]).ok()?.0,
        None => r,
    };
    // "one more week": more is filler
    Some(match l.word_sets.word_at(WordSet::MoreFiller, r) {
        Some(n) if !hyphen => ws(&r[n..]).ok()?.0,
        _ => r,
    })
}

/// What follows an amount and its unit: "and a half", a rate ("a day"), "-old",
/// "ago"; `None` for the reads that are not an amount of time.
fn amount_tail<'a>(c: &Ctx<'_>, l: &'static Lexicons, i: &'a str, a: Reading<'a>) -> Option<(&'a str, Expr)> {
    let Reading {
        r,
        modifier,
        amount,
        unit: u,
        hyphen,
        implicit,
        the_rel,
    } = a;
    // "the first days", "the first hours": no number before a plural is a vague amount
    let amount = if implicit && ends_s(i, r) {
        Amount::vague()
    } else {
        amount
    };
    // "a decades-long battle", "a years-old feud": "a" is the noun's article, not one unit
    let article = i.as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&b'a'));
    if amount == Amount::exact(1) && !the_rel && article && ends_s(i, r) {
        return None;
    }
    // "a minute and a half", "a year and a half": the half follows the unit
    let (r, amount) = match phrase_after(r, &["and a half"]) {
        Some(x) if !amount.half && amount.n.is_some() && !next_is_word(x) => (x, Amount { half: true, ..amount }),
        _ => (r, amount),
    };
    // a rate: "5,000 barrels a day", "twice a week", "per year" is a recurrence
    if !the_rel && !hyphen && amount == Amount::exact(1) && article && modifier.is_none() {
        let rate_before = l.word_sets.has(WordSet::RateBefore, c.prev)
            || (c.prev.len() >= MIN_PLURAL_LEN
                && c.prev.ends_with('s')
                && !l.word_sets.has(WordSet::SNotPlural, c.prev));
        if rate_before && !ends_s(i, r) {
            return Some((r, Expr::Set { unit: u, weekday: None }));
        }
    }
    if not_an_amount(i, r, amount, u, hyphen, the_rel) {
        return None;
    }
    let mut r = r;
    if hyphen {
        if ends_s(i, r) {
            // "three-quarters"
            return None;
        }
        // three-year-old, 30-year, five-month-long
        if let Some(x) = r.strip_prefix("-old") {
            // an age ("a 6-year-old boy", "the 44-year-old") unless a bound makes it a span ("nearly three-year-old war")
            if modifier.is_none() && !is_event_next(l, x) {
                return None;
            }
            r = x;
        } else if let Some(x) = r.strip_prefix("-long") {
            r = x;
        }
    } else if let Ok((x, _)) = ws(r) {
        // "52 years old": an age
        if word("old")(x).is_ok() && u == Unit::Year {
            return None;
        }
    }
    // <amount> <unit> ago | later | from now
    if !hyphen && !the_rel {
        if let Some((r3, e)) = shift_after(l, r, amount, u) {
            return Some((r3, with_mod(modifier, e)));
        }
    }
    if u == Unit::Weekend && amount.n == Some(1) && !the_rel {
        return None;
    }
    Some((r, with_mod(modifier, Expr::Duration { amount, unit: u })))
}

/// The reads of a number and a unit that are something else: a comparison
/// compound, page furniture, "a second", too large an amount, a year.
fn not_an_amount(i: &str, r: &str, amount: Amount, u: Unit, hyphen: bool, the_rel: bool) -> bool {
    // "a year-earlier loss", "a year-ago quarter": the article belongs to the noun and
    // the compound is a comparison period (the quarter rule's "year-earlier")
    (!hyphen
        && u == Unit::Year
        && ["-earlier", "-ago"]
            .iter()
            .any(|t| r.get(..t.len()).is_some_and(|p| p.eq_ignore_ascii_case(t))))
    // page furniture: "3 minute read", "5 min read"
    || (matches!(u, Unit::Minute) && ws(r).is_ok_and(|(x, _)| word("read")(x).is_ok()))
    // "a second" is rarely time ("a second round"); "a week" is
    || (amount.n == Some(1) && u == Unit::Second && !the_rel)
    || amount.n.is_some_and(|n| n > crate::grammar::MAX_AMOUNT)
    // "the 1988 quarter": a year before a singular unit, not an amount
    || (amount.n.is_some_and(|n| n >= *crate::grammar::WRITTEN_YEARS.start()) && !hyphen && !ends_s(i, r))
}

/// <amount> <unit> ago | later | from now: the shift, when a shift word follows.
fn shift_after<'a>(l: &'static Lexicons, r: &'a str, amount: Amount, unit: Unit) -> Option<(&'a str, Expr)> {
    let (r2, _) = ws(r).ok()?;
    let (r3, (sign, origin)) = from(&l.shifts)(r2).ok()?;
    // "two days after the vote" is a duration before a phrase; only the final forms shift
    let tail_ok = match origin {
        Origin::Anchor => true,
        Origin::Reference | Origin::Comparison { .. } => {
            !next_is_word(ows(r3)) || !matches!(&r2[..r2.len() - r3.len()].to_ascii_lowercase()[..], "before" | "after")
        }
    };
    tail_ok.then_some((
        r3,
        Expr::Shift {
            amount,
            unit,
            sign,
            origin,
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
