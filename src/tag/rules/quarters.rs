//! Quarters, halves and the year of a report: `Q3 2024`, `the third quarter`,
//! `the year-ago quarter`, `the fiscal year`.

use super::*;
use crate::grammar::Lexicons;

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
    let (_, l) = lex(next).ok()?;
    if let Some(n) = l.word_sets.word_at(WordSet::TheYearNext, next) {
        // "the year ended": a year's length
        if matches!(next[..n].to_ascii_lowercase().as_str(), "ended" | "ending") {
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
    let b = i.as_bytes();
    if b.len() >= 2 && (b[0] == b'Q' || b[0] == b'q') && (b'1'..=b'4').contains(&b[1]) && !next_is_word(&i[2..]) {
        return q_number(i);
    }
    let r = match word("the")(i) {
        Ok((r, _)) => ws(r)?.0,
        Err(_) => i,
    };
    let (_, l) = lex(r)?;
    if let Some(x) = year_then_period(l, r) {
        return Ok(x);
    }
    if let Some(x) = year_ago(r)? {
        return Ok(x);
    }
    if r.len() < i.len() {
        // "in 1979, the year his father left": an appositive names its own year
        let after_year = !c.prev.is_empty() && c.prev.bytes().all(|b| b.is_ascii_digit());
        if let Some(e) = the_year(r).filter(|_| !after_year) {
            return Ok(e);
        }
        if let Some(x) = the_quarter(r) {
            return Ok(x);
        }
    }
    match ordinal_quarter(l, r) {
        Some(x) => Ok(x),
        None => fail(i),
    }
}

/// Q3 [2024] (`i` starts with Q and a digit 1-4).
fn q_number(i: &str) -> PResult<'_, Expr> {
    let q = u32::from(i.as_bytes()[1] - b'0');
    let r = &i[2..];
    if let Some((r2, y)) = year_suffix(r) {
        return Ok((
            r2,
            Expr::In {
                target: Target::Quarter(q),
                year: Box::new(year_date(y)),
            },
        ));
    }
    if !starts_upper(i) {
        return fail(i);
    }
    Ok((
        r,
        Expr::Nearest {
            target: Target::Quarter(q),
            dir: Dir::This,
        },
    ))
}

/// the 1988 second quarter | last year's third quarter | next year's first half
fn year_then_period<'a>(l: &'static Lexicons, r: &'a str) -> Option<(&'a str, Expr)> {
    if let Ok((r1, y)) = year4(r) {
        if let Some((r3, target)) = ws(r1).ok().and_then(|(r2, _)| ordinal_period(r2)) {
            let year = Box::new(year_date(y));
            return Some((r3, Expr::In { target, year }));
        }
    }
    let (r1, offset) = from(&l.relatives)(r).ok()?;
    let r2 = ws(r1).map(|x| x.0).unwrap_or(r1);
    let k = match_phrase(r2, "year's").or_else(|| match_phrase(r2, "year\u{2019}s"))?;
    let (r3, target) = ws(&r2[k..]).ok().and_then(|(x, _)| ordinal_period(x))?;
    let year = Box::new(Expr::RelUnit {
        unit: Unit::Year,
        offset,
    });
    Some((r3, Expr::In { target, year }))
}

/// A year before the period under report (`Origin::Comparison`).
fn year_before(quarter: bool) -> Expr {
    Expr::Shift {
        amount: Amount::exact(1),
        unit: Unit::Year,
        sign: -1,
        origin: Origin::Comparison { quarter },
    }
}

/// year-earlier | the year-ago quarter | the comparable year-earlier period: a
/// year before the period discussed; an error when "comparable" is not
/// followed by a space.
fn year_ago(r: &str) -> Result<Option<(&str, Expr)>, nom::Err<nom::error::Error<&str>>> {
    let r0 = match word("comparable")(r) {
        Ok((x, _)) => ws(x)?.0,
        Err(_) => r,
    };
    for w in ["year-earlier", "year-ago", "year earlier", "year ago"] {
        let Some(k) = match_phrase(r0, w) else { continue };
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
        let no_noun = rest.len() == r0.len() - k;
        // "the year-ago third quarter": that quarter of the comparison year
        if no_noun {
            if let Some((r3, target)) = ws(rest).ok().and_then(|(x, _)| ordinal_period(x)) {
                let year = Box::new(year_before(false));
                return Ok(Some((r3, Expr::In { target, year })));
            }
        }
        if w.contains(' ') && no_noun {
            // "year earlier" with no noun is the amount_unit rule's "a year earlier"
            continue;
        }
        return Ok(Some((rest, year_before(quarter))));
    }
    Ok(None)
}

/// (after "the") the latest quarter | the quarter [a year ago] | the latest period
fn the_quarter(r: &str) -> Option<(&str, Expr)> {
    for w in ["latest quarter", "quarter", "latest period"] {
        if let Some(k) = match_phrase(r, w) {
            let rest = &r[k..];
            // "the quarter ended", but not "the quarter-point"
            if rest.starts_with('-') {
                continue;
            }
            // "the quarter a year ago" is "the year-ago quarter"
            if let Some(k2) = phrase_after(rest, &["a year ago", "a year earlier"]) {
                return Some((k2, year_before(true)));
            }
            return Some((
                rest,
                Expr::RelUnit {
                    unit: Unit::Quarter,
                    offset: -1,
                },
            ));
        }
    }
    None
}

/// <ordinal> quarter|half [of <year>|<year>]: "the third quarter of 2024", "the
/// first half"; "the last quarter of 2008" is its fourth, "the last quarter"
/// alone the one before.
fn ordinal_quarter<'a>(l: &'static Lexicons, r: &'a str) -> Option<(&'a str, Expr)> {
    let last = last_word(r);
    let (r, n) = from(&l.ordinals)(r).ok()?;
    let r = r.strip_prefix('-').or_else(|| ws(r).ok().map(|x| x.0))?;
    let (r, half) = match word("quarter")(r) {
        Ok((r, _)) => (r, false),
        Err(_) => (word("half")(r).ok()?.0, true),
    };
    let n = match (last, half) {
        (true, true) => 2,
        (true, false) => 4,
        (false, _) => n,
    };
    if (half && n > 2) || n > 4 {
        return None;
    }
    let target = if half { Target::Half(n) } else { Target::Quarter(n) };
    if let Some((r5, year)) = of_year(r) {
        return Some((
            r5,
            Expr::In {
                target,
                year: Box::new(year),
            },
        ));
    }
    if let Some((r5, y)) = year_suffix(r) {
        return Some((
            r5,
            Expr::In {
                target,
                year: Box::new(year_date(y)),
            },
        ));
    }
    match (last, half) {
        (true, false) => Some((
            r,
            Expr::RelUnit {
                unit: Unit::Quarter,
                offset: -1,
            },
        )),
        (true, true) => None,
        (false, _) => Some((r, Expr::Nearest { target, dir: Dir::This })),
    }
}

/// " of 2024" | " of last year" (after a quarter or half).
fn of_year(r: &str) -> Option<(&str, Expr)> {
    let (r2, _) = ws(r).ok()?;
    let (r3, _) = word("of")(r2).ok()?;
    let (r4, _) = ws(r3).ok()?;
    if let Ok((r5, y)) = year4(r4) {
        return Some((r5, year_date(y)));
    }
    year_of(r)
}
