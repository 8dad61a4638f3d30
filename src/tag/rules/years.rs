//! Years, decades and centuries: `2022`, `the 1990s`, `the '80s`, `the 19th century`, `480 BC`.

use super::*;

/// "last"/"final": the ordinal list reads them as the fourth (quarter), but
/// alone they point back ("the last quarter", "the last century").
pub(super) fn last_word(i: &str) -> bool {
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
        return after_the(r);
    }
    // 20th century
    if let Ok((r, n)) = century_ordinal(i) {
        return century(i, r, n);
    }
    if let Ok((r, _)) = word("fiscal")(i) {
        let (r, _) = ws(r)?;
        let (r, y) = year4(r)?;
        return Ok((r, year_date(y)));
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
    if i.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return year_in_words(c, i);
    }
    if let Some(x) = year_bc(i) {
        return Ok(x);
    }
    year_digits(c, i)
}

/// (after "the ") the nineteenth century | the year 2000 | the 1990s
fn after_the(r: &str) -> PResult<'_, Expr> {
    if let Ok((r2, n)) = century_ordinal(r) {
        return century(r, r2, n);
    }
    if let Ok((r2, _)) = word("year")(r) {
        let (r2, _) = ws(r2)?;
        let (r2, y) = year4(r2).or_else(|_| match number(r2) {
            Ok((x, a)) if a.n.is_some_and(|n| WRITTEN_YEARS.contains(&n)) => Ok((x, a.n.unwrap_or(0) as i32)),
            _ => fail(r2),
        })?;
        return Ok((r2, year_date(y)));
    }
    decade_after_the(r)
}

/// The last century a "<ordinal> century" names (the 22nd: the written years
/// end in 2199, `grammar::WRITTEN_YEARS`).
const LAST_CENTURY: u32 = 22;

/// The first word of a year said in words ("nineteen ninety-six"): eleven
/// to twenty ("twenty ten"); "ten fifty" is a count.
const SPOKEN_CENTURIES: std::ops::RangeInclusive<u64> = 11..=20;

/// Its second word: ten to ninety-nine ("nineteen nine" is two counts;
/// "nineteen oh nine" is not read).
const SPOKEN_YEARS: std::ops::RangeInclusive<u64> = 10..=99;

/// <ordinal> century, the ordinal `n` read from `i` up to `r`: the 1st to the 22nd.
fn century<'a>(i: &'a str, r: &'a str, n: u32) -> PResult<'a, Expr> {
    let (r, _) = ws(r)?;
    let (r, _) = word("century")(r)?;
    if !(1..=LAST_CENTURY).contains(&n) {
        return fail(i);
    }
    Ok((r, Expr::Century(n as i32 - 1)))
}

/// nineteen ninety-six | two thousand (after "in", "since"…)
fn year_in_words<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, a) = number(i)?;
    if let Some(c) = a.n.filter(|c| SPOKEN_CENTURIES.contains(c)) {
        let (r2, _) = ws(r)?;
        let (r3, b) = number(r2)?;
        if let Some(n) = b.n.filter(|n| SPOKEN_YEARS.contains(n)) {
            return Ok((r3, year_date((c * 100 + n) as i32)));
        }
    }
    if a.n == Some(2000) && matches!(c.prev, "year" | "in" | "since" | "by" | "until") && !a.half {
        return Ok((r, year_date(2000)));
    }
    fail(i)
}

/// 480 BC | 44 B.C. | 2000 BCE
fn year_bc(i: &str) -> Option<(&str, Expr)> {
    let (r, n) = digits_in(i, 4, 1, 9999).ok()?;
    let (r2, _) = ws(r).ok()?;
    ["b.c.", "b.c", "bce", "bc"]
        .iter()
        .find_map(|suffix| match_phrase(r2, suffix))
        .map(|k| (&r2[k..], year_date(1 - n as i32)))
}

/// The years a four-digit number with no cue word before it is read as
/// ("2009 was a hard year"): narrower than [`WRITTEN_YEARS`], which a cue
/// ("in 1066") makes a year, because a bare number outside it is more often a
/// count or a code ("1200 were arrested", "Flight 1015").
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1500..=2100;

/// A four-digit year: after a cue word ("in", "since"), or standing where a
/// count of things, money or a decimal cannot be read.
fn year_digits<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, y) = year4(i)?;
    // not money, not a count of things: "$2000", "2000 people"
    let rb = r.as_bytes();
    let joined = rb.len() > 1 && matches!(rb[0], b'-' | b'/' | b'.') && rb[1].is_ascii_digit();
    if c.before == b'$' || r.starts_with('%') || r.starts_with(",0") || joined {
        return fail(i);
    }
    let (_, l) = lex(i)?;
    let cue = l.word_sets.has(WordSet::YearCue, c.prev);
    if !cue && (plural_after(r) || !BARE_YEARS.contains(&y)) {
        return fail(i);
    }
    Ok((r, year_date(y)))
}

/// "2000 troops", "2019 points", "2000 people": a count (a plural noun after the number).
fn plural_after(r: &str) -> bool {
    let Ok((r2, _)) = ws(r) else { return false };
    let w: String = r2
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic())
        .map(char::from)
        .collect();
    let plural = (w.len() > 2 && w.ends_with('s')) || lexicons().is_ok_and(|l| l.word_sets.has(WordSet::CountNoun, &w));
    plural && w.bytes().all(|b| b.is_ascii_lowercase())
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
    // the decades of the written years: the 1000s to the 2190s
    if let Ok((r, y)) = digits_in(i, 4, *WRITTEN_YEARS.start(), *WRITTEN_YEARS.end() / 10 * 10) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

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
}
