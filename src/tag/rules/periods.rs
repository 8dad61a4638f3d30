//! Seasons, holidays and positions inside a period: `last fall`, `Christmas`,
//! `early March`, `by year-end`.

use super::*;

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
    if is_fall && dir.is_none() && !had_the && !l.word_sets.has(WordSet::FallCue, c.prev) {
        return fail(i);
    }
    if is_fall && had_the && !l.word_sets.has(WordSet::TheFallCue, c.prev) {
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
        && (l.word_sets.has(WordSet::Modal, c.prev)
            || ws(r).is_ok_and(|(x, _)| l.word_sets.starts(WordSet::SpringParticle, x)))
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
    if !lexicons().is_ok_and(|l| l.word_sets.has(WordSet::YearEndCue, c.prev)) {
        return None;
    }
    let k = ["year-end", "year end", "year's end", "year\u{2019}s end"]
        .iter()
        .find_map(|w| match_phrase(i, w))?;
    let r = &i[k..];
    if r.starts_with('-') || ws(r).is_ok_and(|(x, _)| x.starts_with(|ch: char| ch.is_ascii_lowercase())) {
        // "year-end net", "the year-end bonus"
        let next = ws(r).map(|(x, _)| x).unwrap_or(r);
        if !lexicons().is_ok_and(|l| l.word_sets.starts(WordSet::YearEndNext, next)) {
            return None;
        }
    }
    Some(r)
}

// the year | the month | the week (inside "the end of the year")
pub(super) fn the_unit<'a>(_c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (_, l) = lex(i)?;
    let (r, _) = word("the")(i)?;
    let (r, _) = ws(r)?;
    let (r, u) = from(&l.units)(r)?;
    Ok((r, Expr::RelUnit { unit: u, offset: 0 }))
}
