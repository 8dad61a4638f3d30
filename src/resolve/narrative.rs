//! Narrative text: whether a document is a history rather than news, and the
//! year of the date a history is at (the story's reference date).

use chrono::{Datelike, NaiveDate};

use super::clause::sentence_end;
use super::env::Env;
use super::period::Gran;
use super::Tense;
use crate::grammar::{Dir, Expr, Origin, Target};
use crate::tag::Mention;

/// Can a date of this size be the one a history is at (not a decade, a century
/// or a half year)?
pub(super) fn story_gran(g: Gran) -> bool {
    matches!(
        g,
        Gran::Day | Gran::Week | Gran::Weekend | Gran::Month | Gran::Year | Gran::Season(_) | Gran::Quarter
    )
}

/// Narrative text: year-less dates take the year of the date mentioned before.
/// A future clause ("will visit in July") points from the writer's present,
/// not from the story's past.
pub(super) fn narrative_year(env: &Env) -> Option<i32> {
    if !env.narrative || env.tense == Tense::Future {
        return None;
    }
    let r = env.reference?;
    if !story_gran(r.gran) {
        return None;
    }
    Some(r.start.year())
}

/// Does this expression point from the moment of writing ("yesterday", "on
/// Wednesday", "last week", "two days ago")? News is full of them; a history has few.
pub(super) fn deictic(e: &Expr) -> bool {
    match e {
        Expr::Nearest {
            target: Target::Weekday(_),
            ..
        } => true,
        Expr::Nearest { dir, .. } => *dir != Dir::Tense,
        Expr::RelUnit { .. } => true,
        Expr::Shift {
            origin: Origin::Anchor, ..
        } => true,
        Expr::Part { day: Some(d), .. } | Expr::Time { day: Some(d), .. } => deictic(d),
        Expr::Mod { inner, .. } => deictic(inner),
        _ => false,
    }
}

/// Without an anchor, a text stating at least this many years is read as a history.
pub(super) const NARRATIVE_YEARS: usize = 3;

/// With an anchor, a history states at least this many years far from it.
const FAR_YEARS_MIN: usize = 3;

/// News points from the moment of writing ("yesterday", "last week"): a text
/// with more than one such mention in this many is no history.
const NEWS_POINTING_SHARE: usize = 10;

/// A year at most this many years before the anchor's is near it.
const NEAR_YEARS: i32 = 2;

/// A history states more than this many far years for each near one.
const FAR_TO_NEAR: usize = 2;

/// How far back from a date the start of its sentence is looked for, in bytes.
const OPENING_REACH: usize = 60;

/// A date opens its sentence when at most this many words stand before it
/// ("In 1976,", "By early 1976", "Later in 1976").
const OPENING_WORDS: usize = 3;

/// The year a date or a range's start states outright.
pub(super) fn stated_year(e: &Expr) -> Option<i32> {
    match e {
        Expr::Date { year, .. } => Some(*year),
        Expr::Range { first, .. } => match first.as_ref() {
            Expr::Date { year, .. } => Some(*year),
            _ => None,
        },
        _ => None,
    }
}

/// Is this document a narrative (a history) rather than news? Yes when, with
/// no anchor, it states at least three years, or when most years it states lie more than two years before the
/// anchor's and it hardly ever points from the moment of writing.
pub(super) fn is_narrative(mentions: &[Mention], anchor: Option<NaiveDate>) -> bool {
    let (mut far, mut near) = (0usize, 0usize);
    let pointing = mentions.iter().filter(|m| deictic(&m.expr)).count();
    if pointing * NEWS_POINTING_SHARE > mentions.len() {
        return false;
    }
    // no anchor: a history states years, a news article with one year in a
    // list of past disasters is not one
    let Some(a) = anchor else {
        let years = mentions.iter().filter(|m| stated_year(&m.expr).is_some()).count();
        return years >= NARRATIVE_YEARS;
    };
    for m in mentions {
        let Some(y) = stated_year(&m.expr) else { continue };
        if a.year() - y > NEAR_YEARS {
            far += 1;
        } else {
            near += 1;
        }
    }
    far >= FAR_YEARS_MIN && far > FAR_TO_NEAR * near
}

/// Do at most three words stand between the sentence start and `at` ("In 1976,",
/// "By early 1976", "Later in 1976")?
pub(super) fn opens_sentence(text: &str, at: usize) -> bool {
    let lo = crate::text::floor_boundary(text, at.saturating_sub(OPENING_REACH));
    let before = &text[lo..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(k, _)| sentence_end(before, k))
        .map(|(k, _)| k + 1);
    let head = match start {
        Some(k) => &before[k..],
        None if lo == 0 => before,
        None => return false,
    };
    head.split_whitespace().count() <= OPENING_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrative(text: &str) -> bool {
        let m = crate::tag::tag(text, 0..text.len());
        is_narrative(&m, chrono::NaiveDate::from_ymd_opt(2025, 6, 1))
    }

    #[test]
    fn a_history_states_far_years() {
        // three far years (2022 is one: more than two years before 2025), one near
        assert!(narrative(
            "It grew in 1990. It grew in 1991. It grew in 2022. It fell in 2024."
        ));
        // a second near year: no longer more than twice as many far ones
        assert!(!narrative(
            "It grew in 1990. It grew in 1991. It grew in 2022. It fell in 2024. It fell in 2023."
        ));
        // two far years are not enough
        assert!(!narrative("It grew in 1990. It grew in 1991."));
    }

    #[test]
    fn a_date_opens_its_sentence_after_three_words_at_most() {
        let at = |t: &str| opens_sentence(t, t.find("1976").expect("a year"));
        assert!(at("It rained. Later in early 1976 it rained."));
        assert!(!at("It rained. Much later in early 1976 it rained."));
        // the sentence start is looked for 60 bytes back: its full stop 60
        // bytes before the date is found, 61 is not (and then no opening)
        let far = |k: usize| format!("It rained. {} in 1976", "x".repeat(k));
        assert_eq!(far(54).find("1976"), Some(69));
        assert!(at(&far(54)));
        assert!(!at(&far(55)));
    }
}
