//! Recurrences and vague references: `every Monday`, `daily`, `now`, `recently`, `soon`.

use super::*;

/// A word after "soon" guessed a past verb ("soon ended") ends in "ed" and has
/// at least this many letters ("soon need" is no past; "bed", "red").
const GUESSED_PAST_LEN: usize = 5;

/// The ending of a guessed past form.
const PAST_ENDING: &str = "ed";

/// "need", "proceed", "exceed" end in "ed" and are no past.
const NOT_PAST_ENDING: &str = "eed";

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
                && !l.word_sets.has(WordSet::RecurrenceNext, &w)
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
    if l.word_sets.starts(WordSet::SoonRelative, next) {
        return false;
    }
    if l.word_sets.has(WordSet::PastAux, c.prev) {
        return false;
    }
    let n = next.bytes().take_while(|b| b.is_ascii_lowercase()).count();
    let nw = &next[..n];
    let past = l
        .tense
        .longest(nw)
        .is_some_and(|(k, cue)| k == nw.len() && *cue == crate::grammar::TenseCue::Past)
        || (nw.len() >= GUESSED_PAST_LEN && nw.ends_with(PAST_ENDING) && !nw.ends_with(NOT_PAST_ENDING));
    !past
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

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
