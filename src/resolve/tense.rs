//! The tense of the clause around a date (`tense_at`): which cue words stand
//! before or after it, read from grammar/tense.txt or guessed from a past ending.

use super::clause::{determiner, sentence_end, Lowered, WordList};
use super::Tense;
use crate::grammar::{lexicons, Dir, Expr, Lexicons, TenseCue, Unit};

/// The tense of the clause around `start..end`: the nearest cue word before it
/// in the same sentence, else one just after it.
pub fn tense_at(text: &str, start: usize, end: usize) -> (Tense, Option<String>) {
    let Ok(l) = lexicons() else {
        return (Tense::Unknown, None);
    };
    let before = clause_before(text, start);
    // the words as written and lower-cased (ASCII lower-casing keeps every
    // offset, so one span indexes both), on the stack
    // (`before` is at most 123 bytes: `Lowered` keeps it whole)
    let low = Lowered::new(before);
    let low_text = low.text();
    let words: WordList = low.spans().map(|(s, e)| &before[s..e]).collect();
    let lows: WordList = low.spans().map(|(s, e)| &low_text[s..e]).collect();
    if let Some(t) = marked_ahead(&lows)
        .or_else(|| said_right_before(l, &lows))
        .or_else(|| names_deadline(text, end, &lows))
    {
        return t;
    }
    // one buffer for two-word cues ("is to", "set to", "plans to")
    let mut pair = String::new();
    if let Some(t) = cue_before(l, &words, &lows, &mut pair) {
        return t;
    }
    cue_after(l, text, end, &lows, &mut pair)
}

/// The text before `start`, back to the start of its sentence and at most
/// 120 bytes (123 to reach a char boundary).
fn clause_before(text: &str, start: usize) -> &str {
    let mut lo = start.saturating_sub(120);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    // stop at the sentence start
    let before = &text[lo..start];
    let cut = before
        .char_indices()
        .rev()
        .find(|&(k, _)| sentence_end(before, k))
        .map(|(k, _)| k + 1)
        .unwrap_or(0);
    &before[cut..]
}

/// A cue word from grammar/tense.txt (given lower-cased); `None` in the inner
/// option is a reporting verb.
fn listed(l: &Lexicons, lw: &str) -> Option<Option<Tense>> {
    let (n, cue) = l.tense.longest(lw)?;
    (n == lw.len()).then_some(match cue {
        TenseCue::Past => Some(Tense::Past),
        TenseCue::Future => Some(Tense::Future),
        // a plan made before: its event the nearer one, on either side
        TenseCue::Either => Some(Tense::Target),
        TenseCue::Skip => None,
    })
}

/// A past form guessed from its ending: lower case, not hyphenated
/// ("lower-than-expected"), not a negated adjective ("unspecified").
fn guessed(l: &Lexicons, w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ed")
        && !w.starts_with("un")
        && !w.ends_with("ceed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && listed(l, w).is_none()
}

/// A past reporting verb ("said", "told", "announced"; given lower-cased).
fn reported(l: &Lexicons, lw: &str) -> bool {
    listed(l, lw) == Some(None)
        && (lw == "said" || lw == "told" || lw.ends_with("ed"))
        && !matches!(lw, "preferred" | "alleged")
}

/// Words right before the date that put it ahead: "as soon as Tuesday", "as
/// early as next week", "a predicted spring offensive", "the upcoming March vote".
fn marked_ahead(lows: &[&str]) -> Option<(Tense, Option<String>)> {
    if let [.., a1, w, a2] = lows {
        if *a1 == "as" && *a2 == "as" && matches!(*w, "soon" | "early") {
            return Some((Tense::Future, Some(format!("as {w} as"))));
        }
    }
    if let [.., det, adj] = lows {
        if crate::grammar::ahead_word(adj) && determiner(det) {
            return Some((Tense::Future, Some((*adj).to_string())));
        }
    }
    None
}

/// Right after a past reporting verb ("a spokesman said Thursday that troops will
/// stay", "said on Tuesday that") the date is when it was said, whatever the
/// reported clause's tense.
fn said_right_before(l: &Lexicons, lows: &[&str]) -> Option<(Tense, Option<String>)> {
    let &lw = lows.iter().rev().find(|w| !matches!(**w, "on" | "early" | "late"))?;
    reported(l, lw).then(|| (Tense::Past, Some(lw.to_string())))
}

/// A date naming a deadline ("the Jan. 14 deadline") lies where the deadline
/// lies, whatever the verb of the clause ("gave no reason for the Jan. 14 deadline").
fn names_deadline(text: &str, end: usize, lows: &[&str]) -> Option<(Tense, Option<String>)> {
    if !lows.last().is_some_and(|w| determiner(w)) {
        return None;
    }
    let next = text[end..]
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    crate::grammar::deadline_word(next).then_some((Tense::Target, None))
}

/// What the last word before the date (skipping prepositions, articles and
/// reporting verbs) says of it.
enum Lead {
    /// Nothing.
    Plain,
    /// "to", "by", "until", "payable", "beyond", "starting": a target, a
    /// deadline, a limit or a start; the word's index.
    Deadline(usize),
    /// "since March": the start of something still going on, so not ahead.
    Since,
}

fn lead(l: &Lexicons, lows: &[&str]) -> Lead {
    for (k, &lw) in lows.iter().enumerate().rev() {
        if matches!(lw, "on" | "in" | "at" | "of" | "the" | "early" | "late" | "mid") {
            continue;
        }
        if listed(l, lw) == Some(None) {
            continue;
        }
        if lw == "since" {
            return Lead::Since;
        }
        if matches!(
            lw,
            "to" | "by"
                | "beyond"
                | "starting"
                | "until"
                | "till"
                | "through"
                | "before"
                | "payable"
                | "effective"
                | "expire"
                | "expires"
                | "record"
        ) {
            return Lead::Deadline(k);
        }
        break;
    }
    Lead::Plain
}

/// The nearest cue before the date, listed ("will", "held") or guessed ("visited").
fn cue_before(l: &Lexicons, words: &[&str], lows: &[&str], pair: &mut String) -> Option<(Tense, Option<String>)> {
    // a date right after "to", "by", "until", "payable" is a target or a deadline: a
    // past verb before it ("extended to Nov. 20") says nothing about the date's side of
    // the anchor, but a future one ("will double its flights by August") still holds;
    // a two-word cue ending in that word ("postponed until") speaks of the date itself
    let deadline_at = match lead(l, lows) {
        Lead::Since => return Some((Tense::Past, Some("since".into()))),
        Lead::Deadline(k) => Some(k),
        Lead::Plain => None,
    };
    for i in (0..words.len()).rev() {
        if let Some((t, cue)) = cue_at(l, words, lows, i, pair) {
            // before a deadline only a plain future holds ("will double by August");
            // "had been scheduled to expire at midnight Friday" does not
            if deadline_at.is_some()
                && !(t == Tense::Future && (cue == "will" || cue == "'ll" || cue == "shall" || cue.starts_with("be ")))
                && !(Some(i) == deadline_at && cue.contains(' '))
            {
                return Some((Tense::Target, None));
            }
            return Some((t, Some(cue)));
        }
    }
    deadline_at.map(|_| (Tense::Target, None))
}

/// The cue of word `i` before the date, read with the words before it.
fn cue_at(l: &Lexicons, words: &[&str], lows: &[&str], i: usize, pair: &mut String) -> Option<(Tense, String)> {
    let lower = |i: usize| lows.get(i).copied().unwrap_or("");
    let w = words[i];
    let lw = lows[i];
    let prev = if i > 0 { lower(i - 1) } else { "" };
    if i > 0 {
        pair.clear();
        pair.push_str(prev);
        pair.push(' ');
        pair.push_str(lw);
        if let Some(Some(t)) = listed(l, pair) {
            if t == Tense::Future && past_plan(lows, i - 1) {
                return Some((Tense::Target, pair.clone()));
            }
            return Some((t, pair.clone()));
        }
    }
    // each read once: a clause window asks about every word
    let single = listed(l, lw);
    let guess = guessed(l, w);
    let past = single == Some(Some(Tense::Past)) || guess;
    // a participle after "will be", "to be", "would be" is a passive future:
    // "will be paid", "is to be held", "would still be held" (not "could be
    // located": "could" is as often the past of "can")
    if past && prev == "be" {
        let mut k = i - 1;
        while k > 0 && matches!(lower(k - 1), "still" | "not" | "also" | "then" | "only") {
            k -= 1;
        }
        if k > 0 && matches!(lower(k - 1), "will" | "'ll" | "shall" | "to" | "would" | "won't") {
            return Some((Tense::Future, format!("be {w}")));
        }
    }
    // an adjective after a determiner ("a detailed plan") is no verb
    if guess && matches!(prev, "a" | "an" | "the" | "its" | "his" | "her" | "their") {
        return None;
    }
    if let Some(Some(t)) = single {
        if t == Tense::Future && past_plan(lows, i) {
            return Some((Tense::Target, w.to_string()));
        }
        return Some((t, w.to_string()));
    }
    if guess {
        return Some((Tense::Past, w.to_string()));
    }
    None
}

/// A plan word told in the past: "was first scheduled for the summer of
/// 2022", "had been slated for May". The plan was made before the anchor;
/// its date may lie either side, and may have moved since.
fn past_plan(lows: &[&str], i: usize) -> bool {
    if !matches!(lows[i], "scheduled" | "expected" | "slated" | "set" | "due" | "planned") {
        return false;
    }
    lows[..i]
        .iter()
        .rev()
        .take(3)
        .take_while(|w| {
            matches!(
                **w,
                "was" | "were" | "had" | "been" | "first" | "originally" | "initially" | "once" | "also" | "already"
            )
        })
        .any(|w| matches!(*w, "was" | "were" | "had"))
}

/// Does the date open its sentence ("On Tuesday, the ... league plans to ...")?
/// It then belongs to the main clause, whose verb may come after a long
/// subject, and that verb is the date's own even when it reports. (A
/// preposition before it and a comma after it: "On Tuesday, ..."; a bare date
/// opening a line is more often a timeline's or a headline's.)
fn fronted(text: &str, end: usize, lows: &[&str]) -> bool {
    !lows.is_empty()
        && lows.iter().all(|w| {
            matches!(
                *w,
                "on" | "in"
                    | "at"
                    | "during"
                    | "early"
                    | "late"
                    | "and"
                    | "but"
                    | "also"
                    | "then"
                    | "later"
                    | "earlier"
            )
        })
        && text[end..].trim_start().starts_with(',')
}

/// Is the date a dateline ("BEIJING, June 17 (Reuters) - China plans to …") or
/// a timeline's entry ("April 25 - The Coast Guard approves a plan to …")? What
/// follows is told from that day, so its verbs say nothing of the date's side.
fn heads_entry(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', ',']);
    rest.starts_with('(')
        || rest.starts_with("-LRB-")
        || ["- ", "\u{2013} ", "\u{2014} ", "-- "]
            .iter()
            .any(|d| rest.starts_with(d))
}

/// With no cue before it, the nearest cue after the date ("On February 5,
/// negotiations continued"), within 60 bytes (90 for a date opening its
/// sentence) and the sentence.
fn cue_after(l: &Lexicons, text: &str, end: usize, lows: &[&str], pair: &mut String) -> (Tense, Option<String>) {
    let fronted = fronted(text, end, lows);
    if heads_entry(text, end) {
        return (Tense::Unknown, None);
    }
    let mut hi = (end + if fronted { 90 } else { 60 }).min(text.len());
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    let after = &text[end..hi];
    let stop = after
        .char_indices()
        .find(|&(k, _)| sentence_end(after, k))
        .map_or(after.len(), |(k, _)| k);
    let after = &after[..stop];
    let low_after = Lowered::new(after);
    let low_after_text = low_after.text();
    // a two-word cue is read as a pair here too, before its first word alone
    // ("the league plans to hold"; not one written with a capital: "FAILED
    // Plans to place a dome" is a noun)
    let mut spans = low_after.spans().peekable();
    let mut prev = "";
    while let Some((s, e)) = spans.next() {
        let (w, lw) = (&after[s..e], &low_after_text[s..e]);
        // an adjective after a determiner ("the covered market") is no verb
        let after_determiner = std::mem::replace(&mut prev, lw);
        let guess = guessed(l, w);
        if guess && matches!(after_determiner, "a" | "an" | "the" | "its" | "his" | "her" | "their") {
            continue;
        }
        if let Some(next) = spans.peek().map(|&(s, e)| &low_after_text[s..e]) {
            pair.clear();
            pair.push_str(lw);
            pair.push(' ');
            pair.push_str(next);
            if let Some(Some(t)) = listed(l, pair).filter(|_| !w.starts_with(|c: char| c.is_ascii_uppercase())) {
                // its first word is the clause's verb: a past one ("On Friday,
                // the cabinet decided to ...") says when it was decided
                let t = if lw.ends_with("ed") { Tense::Past } else { t };
                return (t, Some(pair.clone()));
            }
        }
        // a past reporting verb ("On Friday, officials said they will ...") is
        // the clause's own verb: the date is when it was said
        if fronted && reported(l, lw) {
            return (Tense::Past, Some(w.to_string()));
        }
        if let Some(Some(t)) = listed(l, lw) {
            return (t, Some(w.to_string()));
        }
        if guess {
            return (Tense::Past, Some(w.to_string()));
        }
    }
    (Tense::Unknown, None)
}

/// Does the value of this expression depend on the tense of its clause?
pub(super) fn tense_sensitive(e: &Expr) -> bool {
    match e {
        Expr::Nearest { dir: Dir::Tense, .. } => true,
        Expr::RelUnit {
            unit: Unit::Weekend,
            offset: 0,
        } => true,
        Expr::Part { day: Some(d), .. } | Expr::Time { day: Some(d), .. } => tense_sensitive(d),
        Expr::Mod { inner, .. } | Expr::Nth { of: Some(inner), .. } => tense_sensitive(inner),
        Expr::Range { first, second, .. } => tense_sensitive(first) || tense_sensitive(second),
        _ => false,
    }
}
