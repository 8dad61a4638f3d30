//! The general duration reader: a duration and its direction word relate
//! the two dated mentions nearest it, whatever the sentence's shape.
//!
//! ```text
//! duration := [within] <duration D> FORWARD|BACKWARD-word          ("a decade after", "two months before")
//!           | <duration D> ON-word followed by , or the sentence's end ("five years on,")
//!           | within <duration D> of                               (D is an upper bound: 0 to D)
//! the pair := the nearest dated mention before it in the sentence and the nearest after it;
//!             with none after, the two nearest before; with none before, the last
//!             dated mention of the sentences just before (within `REACH` bytes) and the
//!             one after (for a duration opening its sentence, its sentence's first date)
//! relation := later.start − earlier.start ∈ D   (the two ordered by their dates)
//! ```
//!
//! Read only for durations the shaped readers left alone, only between two
//! dates (not durations, sets or times), one of which writes its year (or two
//! days written with their month in one year), neither resolved against an
//! uncertain anchor. The order of the two is the order words' business: this
//! reader checks the amount.

use std::ops::Range;

use chrono::NaiveDate;

use super::{anchored, before_published, measured, words, Cue, End, Index, Relation};
use crate::order::events::{first_word, Telling};
use crate::order::lexicon::Lexicon;
use crate::resolve::Resolved;
use crate::text::Sentences;
use crate::timex::TimexType;

/// How far back, in bytes from the sentence's start, a reference in an
/// earlier sentence may be told ("The mill burned down in 2010. Its owners
/// lost everything. Five years on, in 2019, …").
const REACH: usize = 300;

/// How many words may stand between the nearest dated mention before a
/// duration and the duration.
const NEAR: usize = 10;

/// Direction words with no complement ("three weeks later the union
/// signed …"): a duration opening its sentence with one goes with the
/// sentence's first date.
const LATER: [&str; 5] = ["later", "earlier", "afterwards", "afterward", "beforehand"];

/// Longest relative clause, in words, that dates a duration's complement
/// from after its comma ("a day after the quake, which struck on 20
/// August"; "a few years after her partner, who had joined in 2014"):
/// which|that|who, a verb, a preposition (a passive's auxiliary aside). Dev corpus order_words 56-57.
pub(super) const RELATIVE_WORDS: usize = 3;

/// Auxiliaries a relative clause's passive may add before its verb ("which
/// was finished in 1958"): not counted in [`RELATIVE_WORDS`].
/// eval/conflicts-heldout order_words 01.
const AUXILIARIES: [&str; 6] = ["was", "were", "is", "are", "been", "had"];

/// Words before a duration that make it a rate ("$ 7 million a year",
/// "twice a week").
const RATE: [&str; 7] = ["million", "billion", "thousand", "hundred", "times", "once", "twice"];

/// Relations for the durations not yet read (their starts are not in `read`).
pub(super) fn durations(
    text: &str,
    resolved: &[Resolved],
    index: &Index<'_>,
    lex: &Lexicon,
    read: &[usize],
    published: Option<(NaiveDate, NaiveDate)>,
    out: &mut Vec<Relation>,
) {
    let sentences = Sentences::new(text);
    for (d, (lo, hi)) in measured(text, resolved) {
        if read.contains(&d.start) {
            continue;
        }
        let sentence = sentences.at(d.start..d.end);
        let Some((word_end, within)) = direction(text, &sentence, d, lex) else {
            continue;
        };
        let Some((a, b)) = pair(text, index, &sentence, d.start, word_end, lex) else {
            if let Some(r) =
                published.and_then(|p| from_now(text, index, &sentence, (d.start, word_end), lex, p, (lo, hi)))
            {
                out.push(r);
            }
            continue;
        };
        let (Some(ta), Some(tb)) = (index.telling(a), index.telling(b)) else {
            continue;
        };
        if !usable(ta) || !usable(tb) || !anchored(ta, tb) {
            continue;
        }
        // An amount not told ("several years before") says only the order:
        // the word's direction, with the one before the duration first.
        let untold = d.timex.value.starts_with("PX") || d.timex.value.starts_with("PTX");
        let backward = super::last_word(text, d.start..word_end).is_some_and(|(_, w)| lex.backward.contains(&w));
        let ((e, _), (l, _)) = if untold {
            let a_first = ta.span[0] <= tb.span[0];
            let (first, second) = if a_first {
                ((a, ta), (b, tb))
            } else {
                ((b, tb), (a, ta))
            };
            if backward {
                (first, second)
            } else {
                (second, first)
            }
        } else if ta.first.0 <= tb.first.0 {
            ((a, ta), (b, tb))
        } else {
            ((b, tb), (a, ta))
        };
        out.push(Relation {
            a: (e, End::Start),
            b: (l, End::Start),
            lo: Some(if within { 0 } else { lo }),
            hi,
            // an untold amount is an order phrase ("several years before")
            cue: if untold {
                Cue::Order(text.get(d.start..word_end).unwrap_or("").to_string())
            } else {
                Cue::Duration(text.get(d.start..word_end).unwrap_or("").to_string())
            },
            span: d.start..word_end,
        });
    }
}

/// A date told as a date in prose (after a preposition: no stamp or
/// caption), not resolved against an uncertain anchor.
fn usable(t: &Telling) -> bool {
    t.kind == TimexType::Date && !t.ambiguous && t.prepositional
}

/// The direction word right after the duration: the end of the cue and
/// whether the amount is only an upper bound ("within three weeks of").
fn direction(text: &str, sentence: &Range<usize>, d: &Resolved, lex: &Lexicon) -> Option<(usize, bool)> {
    let (wr, w) = first_word(text, d.end..sentence.end)?;
    if text.get(d.end..wr.start).is_none_or(|g| !g.trim().is_empty()) {
        return None;
    }
    let previous = super::last_word(text, sentence.start..d.start).map(|(_, p)| p);
    // "$ 7 million a year since 1995", "twice a year after": a rate, not an amount of time.
    if previous.as_deref().is_some_and(|p| RATE.contains(&p)) {
        return None;
    }
    let within = previous.as_deref() == Some("within");
    if within {
        return (w == "of" || lex.forward.contains(&w) || lex.backward.contains(&w)).then_some((wr.end, true));
    }
    if lex.forward.contains(&w) || lex.backward.contains(&w) {
        return Some((wr.end, false));
    }
    // "five years on, …": "on" closes the phrase.
    let closed = text
        .get(wr.end..sentence.end)
        .map(str::trim_start)
        .is_none_or(|r| r.is_empty() || r.starts_with([',', '.', ';']));
    (lex.narrative.contains(&w) && closed).then_some((wr.end, false))
}

/// The two dated mentions a duration at `start..word_end` relates (corpus
/// indices). The one after it is in its complement ("a decade after a fire
/// gutted it in 2001") or right after the complement's comma ("within three
/// weeks of the sinking, on 30 April"); two before it are taken only when
/// both the complement and the farther one tell a beginning ("opened in
/// 1985, shut on Tuesday, 20 years after it first carried cars"); one in
/// the sentences before only when the duration opens its sentence ("Five
/// years on, in 2019").
fn pair(
    text: &str,
    index: &Index<'_>,
    sentence: &Range<usize>,
    start: usize,
    word_end: usize,
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let same = index.in_sentence(sentence);
    let tell = |k: usize| index.tellings[k];
    let mut before: Vec<(usize, &Telling)> = same
        .iter()
        .map(|&k| tell(k))
        .filter(|(_, t)| t.span[1] <= start)
        .collect();
    let clause_end = text
        .get(word_end..sentence.end)
        .and_then(|r| r.find([',', ';', '.']))
        .map_or(sentence.end, |p| word_end + p);
    let trim_only = |from: usize, to: usize| words(text, from..to).iter().all(|(_, w)| lex.trim.contains(w));
    // "a day after the quake, which struck on 20 August": the complement's
    // relative clause dates it (which|that VERB [trim words])
    // (a passive's auxiliary aside: "which was finished in 1958")
    let relative = |from: usize, to: usize| {
        let ws: Vec<_> = words(text, from..to)
            .into_iter()
            .filter(|(_, w)| !AUXILIARIES.contains(&w.as_str()))
            .collect();
        text.get(from..to).is_some_and(|g| !g.contains([',', ';', ':']))
            && ws.len() <= RELATIVE_WORDS
            && ws
                .first()
                .is_some_and(|(_, w)| matches!(w.as_str(), "which" | "that" | "who"))
            && ws.iter().skip(2).all(|(_, w)| lex.trim.contains(w))
    };
    let after = same
        .iter()
        .map(|&k| tell(k))
        .find(|(_, t)| t.span[0] >= word_end)
        .filter(|(_, t)| {
            t.span[1] <= clause_end
                || (t.span[0] > clause_end
                    && (trim_only(clause_end + 1, t.span[0]) || relative(clause_end + 1, t.span[0])))
        })
        .map(|(i, _)| i);
    let begins = |r: Range<usize>| words(text, r).iter().any(|(_, w)| lex.begin.contains(w));
    // The nearest one before is told close to the duration ("resigned on
    // 10 June, two months before"), not in another clause of a long sentence.
    let nearest = before
        .pop()
        .filter(|(_, t)| words(text, t.span[1]..start).len() <= NEAR)
        .map(|(i, _)| i);
    match (nearest, after) {
        (Some(n), Some(a)) => Some((n, a)),
        (Some(n), None) => {
            let two = before.pop().and_then(|(m, far)| {
                let told_begun = words(&far.text, 0..far.text.len())
                    .iter()
                    .any(|(_, w)| lex.begin.contains(w));
                (told_begun && begins(word_end..clause_end)).then_some((m, n))
            });
            // "On 4 March, six weeks after the vote, …" after "The council
            // voted on 1 March": the complement names the date told before.
            two.or_else(|| {
                super::narrative::named_before(text, index, sentence, word_end..clause_end, lex).map(|p| (p, n))
            })
        }
        (None, Some(a)) => {
            if words(text, sentence.start..start).len() > 1 {
                return None;
            }
            let p = index.last_ending_by(sentence.start)?;
            let t = index.telling(p)?;
            (t.span[1] + REACH >= sentence.start).then_some((p, a))
        }
        // "Three weeks later, the union signed a deal on 10 March": a
        // duration opening its sentence goes with the sentence's first date.
        (None, None) => {
            // only for a word with no complement ("later", "on"): "a day
            // before the window was to close on September 1, 2006" dates
            // its complement, not the sentence.
            let (_, w) = super::last_word(text, start..word_end)?;
            if words(text, sentence.start..start).len() > 1
                || !(lex.narrative.contains(&w) || LATER.contains(&w.as_str()))
            {
                return None;
            }
            let a = same.iter().map(|&k| tell(k)).find(|(_, t)| t.span[0] >= word_end)?.0;
            let p = index.last_ending_by(sentence.start)?;
            let t = index.telling(p)?;
            (t.span[1] + REACH >= sentence.start).then_some((p, a))
        }
    }
}

/// "The festival marks 25 years since its first edition in 1990": a
/// duration measured forward to a present-tense clause with no date of its
/// own is measured to the article's date. Read when the duration's word
/// measures forward, a `present` word stands before it in its sentence,
/// and the only dated mention of the sentence is in its complement.
fn from_now(
    text: &str,
    index: &Index<'_>,
    sentence: &Range<usize>,
    (start, word_end): (usize, usize),
    lex: &Lexicon,
    published: (NaiveDate, NaiveDate),
    (lo, hi): (i64, Option<i64>),
) -> Option<Relation> {
    let (_, w) = super::last_word(text, start..word_end)?;
    let clause_end = text
        .get(word_end..sentence.end)
        .and_then(|r| r.find([',', ';', '.']))
        .map_or(sentence.end, |p| word_end + p);
    // The present clause before the duration, or after its complement's
    // comma ("Three decades after it opened in 2010, the pool is to close").
    let present = |r: Range<usize>| words(text, r).iter().any(|(_, x)| lex.present.contains(x));
    if !lex.forward.contains(&w) || !(present(sentence.start..start) || present(clause_end..sentence.end)) {
        return None;
    }
    // The sentence's other dates, before the duration, tell the present
    // ("This summer the festival marks 25 years since …"): they hold the
    // article's date.
    let (p0, p1) = published;
    let mut rest = index.in_sentence(sentence).iter().map(|&k| index.tellings[k]);
    let mut found = None;
    for (i, t) in rest.by_ref() {
        if t.span[1] <= start && t.first.0 <= p0 && p1 <= t.last.1 {
            continue;
        }
        if found.replace((i, t)).is_some() {
            return None;
        }
    }
    let (i, t) = found?;
    if t.span[0] < word_end || t.span[1] > clause_end || !usable(t) || !super::super::events::has_year(&t.expression) {
        return None;
    }
    let cue = Cue::Duration(text.get(start..word_end).unwrap_or("").to_string());
    Some(before_published(i, End::Start, published, lo, hi, cue, start..word_end))
}
