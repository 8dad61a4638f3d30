//! Durations measured from the article's one beginning (issue #15): the
//! reference of a duration is often told sentences away, in other words,
//! and the statement dates nothing but its own day or the article's.
//!
//! ```text
//! beginning := the only telling of the article, alone in its clause, with its year
//!              (or a day with its month) written and a `begin` word at most
//!              BEGIN_REACH words before or after its date in its clause
//!              ("which opened in 1998", "The walkout started on 3 October",
//!              "in 2015 created the region's largest insurer")
//! statement := <duration D> FORWARD-word it|its|… <complement telling a beginning>
//!                                                    ("thirty years after its first showing")
//!            | <duration D> on ,|.                   ("Ten years on, the firm is …")
//!            | <dated target> after <duration D>     ("opened on Tuesday after nearly three
//!                                                     years of building work")
//! target    := the sentence's telling right before "after D", else (not for "after D"),
//!              with no date in the sentence, the article's date when the clause is
//!              told now: not in the future, and not in the past unless a `present`
//!              word stands in it ("is being broken up and its dairy arm sold")
//! relation  := target.start − beginning.start ∈ D    (the one model of vague amounts)
//! ```
//!
//! Read after every other reader, for the durations none of them took: one
//! relation per statement.

use std::ops::Range;

use chrono::NaiveDate;

use super::{before_published, last_word, measured, words, written_day, Cue, End, Index, Relation};
use crate::order::events::{first_word, has_year, Telling};
use crate::order::lexicon::Lexicon;
use crate::resolve::{Resolved, Tense};
use crate::timex::TimexType;

/// How many words from its date a beginning's word may stand ("was formed
/// when the Kestrel and Moor societies merged in 2014": 7). The cross-article
/// reader's reach (`across::BEGIN_REACH`); eval/conflicts-heldout duration
/// 01, 02, 06.
pub(super) const BEGIN_REACH: usize = 8;

/// Words opening a complement that name the sentence's subject again
/// ("after its first showing", "after it first opened"). T17 dev
/// H1N1_guardian-1002 ("six days after Mexico had begun") flagged without.
const BACK: [&str; 8] = ["it", "its", "they", "their", "he", "his", "she", "her"];

/// Words before a duration that make it a rate or a count, not an amount
/// measured from a beginning ("$ 7 million a year", "in 30 years", "within
/// a week", "for the first time in 30 years").
const NOT_MEASURED: [&str; 12] = [
    "m", "bn", "million", "billion", "thousand", "hundred", "times", "once", "twice", "in", "within", "every",
];

/// Is a `begin` word at most [`BEGIN_REACH`] words before or after the
/// telling's date, with no clause mark between?
fn tells_beginning(text: &str, t: &Telling, lex: &Lexicon) -> bool {
    let before = words(text, t.sentence.start..t.span[0]);
    let near_before = before
        .iter()
        .rev()
        .take(BEGIN_REACH)
        .take_while(|(r, _)| text.get(r.end..t.span[0]).is_some_and(|g| !g.contains([',', ';', ':'])))
        .any(|(_, w)| lex.begin.contains(w));
    let after = words(text, t.span[1]..t.sentence.end);
    let near_after = after
        .iter()
        .take(BEGIN_REACH)
        .take_while(|(r, _)| {
            text.get(t.span[1]..r.start)
                .is_some_and(|g| !g.contains([',', ';', ':']))
        })
        .any(|(_, w)| lex.begin.contains(w));
    near_before || near_after
}

/// Is the telling the only one of its clause: every other telling of its
/// sentence has a clause mark (`, ; :`) between them ("The cinema, which
/// opened in 1998, will screen its last film on Sunday")?
fn alone_in_clause(text: &str, index: &Index<'_>, t: &Telling) -> bool {
    index.in_sentence(&t.sentence).iter().all(|&k| {
        let o = index.tellings[k].1;
        let gap = if o.span[1] <= t.span[0] {
            o.span[1]..t.span[0]
        } else if t.span[1] <= o.span[0] {
            t.span[1]..o.span[0]
        } else {
            return std::ptr::eq(o, t) || o.span == t.span;
        };
        text.get(gap).is_some_and(|g| g.contains([',', ';', ':']))
    })
}

/// The article's one beginning (its position in `index`): see the module's grammar.
fn beginning(text: &str, index: &Index<'_>, lex: &Lexicon) -> Option<usize> {
    let mut found = None;
    for (k, (_, t)) in index.tellings.iter().enumerate() {
        let firm = t.kind == TimexType::Date && !t.ambiguous && (has_year(&t.expression) || written_day(t));
        if firm && alone_in_clause(text, index, t) && tells_beginning(text, t, lex) && found.replace(k).is_some() {
            return None;
        }
    }
    found
}

/// The shape of a duration's statement: the end of its cue and, for
/// "after D", the start of "after".
fn shape(text: &str, sentence: &Range<usize>, d: &Resolved, lex: &Lexicon) -> Option<(Range<usize>, Option<usize>)> {
    let previous = last_word(text, sentence.start..d.start);
    if previous
        .as_ref()
        .is_some_and(|(_, w)| NOT_MEASURED.contains(&w.as_str()) || w.chars().any(|c| c.is_ascii_digit()))
        || text
            .get(sentence.start..d.start)
            .is_some_and(|g| g.trim_end().ends_with('$'))
    {
        return None;
    }
    let next = first_word(text, d.end..sentence.end)
        .filter(|(r, _)| text.get(d.end..r.start).is_some_and(|g| g.trim().is_empty()));
    if let Some((wr, w)) = &next {
        let clause_end = text
            .get(wr.end..sentence.end)
            .and_then(|r| r.find([',', ';', '.']))
            .map_or(sentence.end, |p| wr.end + p);
        // "thirty years after its first showing": a complement telling a beginning
        // and naming the sentence's subject again ("its", "it"), not
        // another's ("six days after Mexico had begun to impose …")
        if lex.forward.contains(w) {
            let complement = words(text, wr.end..clause_end);
            let back = complement.first().is_some_and(|(_, x)| BACK.contains(&x.as_str()));
            return (back && complement.iter().any(|(_, x)| lex.begin.contains(x))).then_some((d.start..wr.end, None));
        }
        // "Ten years on, …"
        if lex.narrative.contains(w) && words(text, wr.end..clause_end).is_empty() {
            return Some((d.start..wr.end, None));
        }
    }
    // "after nearly three years of building work"
    let (pr, pw) = previous?;
    (pw == "after").then_some((pr.start..d.end, Some(pr.start)))
}

/// Relations for the durations no other reader took (their cues overlap
/// none of `out`'s), measured from the article's one beginning.
pub(super) fn from_beginning(
    text: &str,
    resolved: &[Resolved],
    index: &Index<'_>,
    published: Option<(NaiveDate, NaiveDate)>,
    lex: &Lexicon,
    out: &mut Vec<Relation>,
) {
    let Some(b) = beginning(text, index, lex) else {
        return;
    };
    let (ri, rt) = index.tellings[b];
    let mut found = Vec::new();
    for (d, (lo, hi)) in measured(text, resolved) {
        if out.iter().any(|x| x.span.start < d.end && d.start < x.span.end) {
            continue;
        }
        let sentence = crate::text::sentence(text, d.start..d.end);
        if sentence == rt.sentence {
            continue;
        }
        let Some((cue_span, after_at)) = shape(text, &sentence, d, lex) else {
            continue;
        };
        let same = index.in_sentence(&sentence);
        let cue = Cue::Duration(text.get(cue_span.clone()).unwrap_or("").to_string());
        // the telling right before "after D"
        let right_before = after_at.and_then(|at| {
            same.iter()
                .map(|&k| index.tellings[k])
                .rfind(|(_, t)| t.span[1] <= at)
                .filter(|(_, t)| words(text, t.span[1]..at).is_empty())
        });
        if let Some((ti, tt)) = right_before {
            if tt.kind == TimexType::Date && !tt.ambiguous && tt.first.0 > rt.first.0 {
                found.push(Relation {
                    a: (ri, End::Start),
                    b: (ti, End::Start),
                    lo: Some(lo),
                    hi,
                    cue,
                    span: cue_span,
                });
            }
            continue;
        }
        // "after D" with no date before it tells how long someone did
        // something ("after 134 years in business", "After nearly a
        // decade, they have …"), not since the article's beginning: T17
        // dev, 3 articles flagged with it.
        let Some((p0, p1)) = published.filter(|_| after_at.is_none()) else {
            continue;
        };
        if !same.is_empty() || rt.last.1 >= p0 {
            continue;
        }
        // told now: a `present` word ("is being broken up and sold"), or no
        // cue of another time
        let (tense, _) = crate::resolve::tense_at(text, d.start, d.end);
        let present = words(text, sentence.clone())
            .iter()
            .any(|(_, w)| lex.present.contains(w));
        if matches!(tense, Tense::Future | Tense::Target) || (tense == Tense::Past && !present) {
            continue;
        }
        found.push(before_published(ri, End::Start, (p0, p1), lo, hi, cue, cue_span));
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reaches_are_pinned() {
        assert_eq!(BEGIN_REACH, 8);
        assert_eq!(BACK.len(), 8);
        assert_eq!(NOT_MEASURED.len(), 12);
    }
}
