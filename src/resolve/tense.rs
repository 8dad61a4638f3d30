//! The tense of the clause around a date (`tense_at`): which cue words stand
//! before or after it, read from grammar/tense.txt or guessed from a past ending.

use super::clause::{sentence_end_in, Lowered, Small, WordList};
use super::Tense;
use crate::grammar::{lexicons, Dir, Expr, Lexicons, Sets, TenseCue, Unit, WordSet};

/// How far back from a date its clause is read, in bytes (the clause ends
/// sooner at its sentence's start): about 20 words, enough for "had been
/// scheduled to expire at midnight" and a long subject.
const CLAUSE_BYTES: usize = 120;

/// How far before the unit of "the six months to June" its determiner may
/// stand, in words ("the past 12 months to": 3).
const COUNTED_BACK_WORDS: usize = 4;

/// How many words may stand between a reporting verb and the date it was
/// said on ("told Reuters in an interview on Monday": 5).
const REPORT_OBJECT_WORDS: usize = 5;

/// How far after a date a cue is looked for when none stands before it
/// ("On February 5, negotiations continued"), in bytes.
const AFTER_BYTES: usize = 60;

/// The same for a date that opens its sentence: its verb may follow a long
/// subject ("On Tuesday, the Detroit-based league's board plans to ...").
const AFTER_BYTES_FRONTED: usize = 90;

/// A past form guessed from its ending ("visited", "ended").
const PAST_ENDING: &str = "ed";

/// An adverb guessed from its ending ("tentatively").
const ADVERB_ENDING: &str = "ly";

/// A guessed past form shorter than this is no verb ("bed", "red", "shed").
const MIN_GUESSED_LEN: usize = 5;

/// A negated adjective ("unspecified", "undisclosed") is no past form.
const NEGATING_PREFIX: &str = "un";

/// "proceed", "succeed", "exceed" end in "ed" and are no past form.
const NOT_PAST_ENDING: &str = "ceed";

/// The auxiliary of a passive ("will be paid"): the cue of a passive future
/// is written "be <participle>".
const PASSIVE_BE: &str = "be";

/// How many words before a plan word may tell it in the past ("had
/// originally been scheduled").
const PLAN_LEAD_WORDS: usize = 3;

/// The word sets of a clause's words, one a word.
type SetList = Small<Sets>;

/// The tense of the clause around `start..end`: the nearest cue word before it
/// in the same sentence, else one just after it.
pub fn tense_at(text: &str, start: usize, end: usize) -> (Tense, Option<String>) {
    match lexicons() {
        Ok(l) => tense_in(l, text, start, end),
        Err(_) => (Tense::Unknown, None),
    }
}

/// [`tense_at`] with the word lists of `l` (a test empties one set to see
/// what it decides).
pub fn tense_in(l: &Lexicons, text: &str, start: usize, end: usize) -> (Tense, Option<String>) {
    let before = clause_before(l, text, start);
    // the words as written and lower-cased (ASCII lower-casing keeps every
    // offset, so one span indexes both), on the stack
    // (`before` is at most 123 bytes: `Lowered` keeps it whole)
    let low = Lowered::new(before);
    let low_text = low.text();
    let words: WordList = low.spans().map(|(s, e)| &before[s..e]).collect();
    let lows: WordList = low.spans().map(|(s, e)| &low_text[s..e]).collect();
    // the word sets of each word, looked up once
    let sets: SetList = lows.iter().map(|w| l.word_sets.sets(w)).collect();
    let spans: Small<(usize, usize)> = low.spans().collect();
    let aside = asides(l, before, &spans, &words, &lows, &sets);
    let c = Clause {
        words: &words,
        lows: &lows,
        sets: &sets,
        aside: &aside,
    };
    if let Some(t) = marked_ahead(&c)
        .or_else(|| said_right_before(l, &c))
        .or_else(|| names_deadline(text, end, &c))
    {
        return t;
    }
    // one buffer for two-word cues ("is to", "set to", "plans to")
    let mut pair = String::new();
    if let Some(t) = cue_before(l, &c, &mut pair) {
        return t;
    }
    cue_after(l, text, end, &c, &mut pair)
}

/// The words before a date: as written, lower-cased, and their word sets
/// (`grammar/word_sets.txt`), index by index.
struct Clause<'a> {
    words: &'a [&'a str],
    lows: &'a [&'a str],
    sets: &'a [Sets],
    /// Word by word: does it stand in a clause set off by commas that closes
    /// before the date ("The museum, closed for much of 2020, reopens on 1
    /// December")? Its verbs are the aside's, not the date's.
    aside: &'a [bool],
}

impl Clause<'_> {
    /// Is word `i` in set `s`?
    fn is(&self, i: usize, s: WordSet) -> bool {
        self.sets.get(i).is_some_and(|x| x.has(s))
    }
}

/// The text before `start`, back to the start of its sentence and at most
/// [`CLAUSE_BYTES`] (3 more to reach a char boundary).
fn clause_before<'t>(l: &Lexicons, text: &'t str, start: usize) -> &'t str {
    let mut lo = start.saturating_sub(CLAUSE_BYTES);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    // stop at the sentence start
    let before = &text[lo..start];
    let cut = before
        .char_indices()
        .rev()
        .find(|&(k, _)| sentence_end_in(Some(&l.word_sets), before, k))
        .map(|(k, _)| k + 1)
        .unwrap_or(0);
    &before[cut..]
}

/// The byte ranges of `before` set off by two commas, both before the date:
/// an apposition or a relative clause ("The bridge, which opened in 1998, was
/// closed on Monday"). A comma between digits ("1,000") sets nothing off.
fn enclosed(before: &str) -> Small<(usize, usize)> {
    let b = before.as_bytes();
    let commas: Small<usize> = b
        .iter()
        .enumerate()
        .filter(|&(k, &c)| c == b',' && !b.get(k + 1).is_some_and(u8::is_ascii_digit))
        .map(|(k, _)| k)
        .collect();
    commas.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Word by word, whether it stands in an aside that closes before the date:
/// a stretch [`enclosed`] by commas that opens with a relative word or a past
/// participle ("which opened in 1998", "closed for much of 2020"), not a
/// place ("Dar es Salaam, Tanzania, her first stop") or a clause of the
/// sentence's own ("..., is scheduled to spend ..., ").
fn asides(
    l: &Lexicons,
    before: &str,
    spans: &[(usize, usize)],
    words: &[&str],
    lows: &[&str],
    sets: &[Sets],
) -> Small<bool> {
    let opened: Small<(usize, usize)> = enclosed(before)
        .iter()
        .copied()
        .enumerate()
        .filter(|&(n, (a, b))| {
            let Some(first) = spans.iter().position(|&(s, _)| s > a) else {
                return false;
            };
            // a participle opens an aside only right after the subject, at the
            // first comma: later, "..., arrived in Nairobi, Kenya, on Tuesday"
            // is the sentence's own verb after an apposition
            let participle = n == 0 && (listed(l, lows[first]) == Some(Some(Tense::Past)) || guessed(l, words[first]));
            // "who stepped down as chairman, president and chief executive in
            // March": a comma of a list, not the aside's end
            let listed_on = spans
                .iter()
                .zip(sets)
                .any(|(&(s, _), w)| s > b && w.has(WordSet::ListJoin));
            // "at the time of its explosion, on 20 April, will not testify":
            // a date right after the aside, with no word of its own clause
            // between, is the aside's
            let own_words = spans
                .iter()
                .zip(sets)
                .any(|(&(s, _), w)| s > b && !w.has(WordSet::LeadSkip));
            (sets[first].has(WordSet::AsideOpener) || participle) && !listed_on && own_words
        })
        .map(|(_, r)| r)
        .collect();
    spans
        .iter()
        .map(|&(s, e)| opened.iter().any(|&(a, b)| a < s && e <= b))
        .collect()
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
    w.len() >= MIN_GUESSED_LEN
        && w.ends_with(PAST_ENDING)
        && !w.starts_with(NEGATING_PREFIX)
        && !w.ends_with(NOT_PAST_ENDING)
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && listed(l, w).is_none()
}

/// A past reporting verb ("said", "told", "announced"; given lower-cased,
/// with its word sets).
fn reported(l: &Lexicons, lw: &str, sets: Sets) -> bool {
    listed(l, lw) == Some(None)
        && (sets.has(WordSet::ReportBare) || lw.ends_with(PAST_ENDING))
        && !sets.has(WordSet::NotReport)
}

/// Words right before the date that put it ahead: "as soon as Tuesday", "as
/// early as next week", "a predicted spring offensive", "the upcoming March vote".
fn marked_ahead(c: &Clause) -> Option<(Tense, Option<String>)> {
    let n = c.lows.len();
    if let [.., a1, w, a2] = c.lows {
        if *a1 == "as" && *a2 == "as" && c.is(n - 2, WordSet::AsAs) {
            return Some((Tense::Future, Some(format!("as {w} as"))));
        }
    }
    if let [.., adj] = c.lows {
        if crate::grammar::ahead_word(adj) && n >= 2 && c.is(n - 2, WordSet::Determiner) {
            return Some((Tense::Future, Some((*adj).to_string())));
        }
    }
    None
}

/// Right after a past reporting verb ("a spokesman said Thursday that troops
/// will stay", "said late Friday"), or with its hearer or its setting between
/// ("..., its chief executive told reporters on Tuesday", "told a news
/// conference on Monday", "said in a statement on Friday"), the date is when
/// it was said, whatever the reported clause's tense. At most
/// [`REPORT_OBJECT_WORDS`] words between, none of them a cue or a modal, and
/// none opening the reported clause ("said that on Monday prices will fall":
/// that date is the clause's).
fn said_right_before(l: &Lexicons, c: &Clause) -> Option<(Tense, Option<String>)> {
    let n = c.lows.len();
    for i in (n.saturating_sub(REPORT_OBJECT_WORDS + 1)..n).rev() {
        let lw = c.lows[i];
        // "will be announced in Oslo on Oct. 10" is a passive future
        if reported(l, lw, c.sets[i]) && !(i > 0 && c.lows[i - 1] == PASSIVE_BE) {
            return Some((Tense::Past, Some(lw.to_string())));
        }
        // a modal ("said crews could resume work Thursday") or a cue is the
        // reported clause's own verb
        if c.is(i, WordSet::ReportClause)
            || c.is(i, WordSet::Modal)
            || c.is(i, WordSet::PassiveAux)
            || matches!(listed(l, lw), Some(Some(_)))
            || guessed(l, c.words[i])
        {
            return None;
        }
    }
    None
}

/// A date naming a deadline ("the Jan. 14 deadline") lies where the deadline
/// lies, whatever the verb of the clause ("gave no reason for the Jan. 14 deadline").
fn names_deadline(text: &str, end: usize, c: &Clause) -> Option<(Tense, Option<String>)> {
    if !c.sets.last().is_some_and(|s| s.has(WordSet::Determiner)) {
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
    /// "since March": the start of something still going on, so not ahead;
    /// the word's index.
    Since(usize),
}

fn lead(l: &Lexicons, c: &Clause) -> Lead {
    for (k, &lw) in c.lows.iter().enumerate().rev() {
        if c.is(k, WordSet::LeadSkip) || listed(l, lw) == Some(None) {
            continue;
        }
        if c.is(k, WordSet::SinceLead) {
            return Lead::Since(k);
        }
        // "in the six months to June", "the year to March": the end of a
        // period counted back, told in the clause's own tense
        if c.is(k, WordSet::DeadlineLead) && !counted_back(l, c, k) {
            return Lead::Deadline(k);
        }
        break;
    }
    Lead::Plain
}

/// Does the lead at `k` ("to", "before": `PERIOD_END`) end a period counted
/// back, with a `PERIOD_DETERMINER` and a unit right before it ("in the six
/// months to June", "the year to March", "in the weeks before the April 20
/// explosion")? Not a move by an amount ("pushed back two months to June",
/// "extended by a month to the end of May": deadlines), nor a rate ("$850,000
/// a month starting in mid-June").
fn counted_back(l: &Lexicons, c: &Clause, k: usize) -> bool {
    let unit = |w: &str| l.units.longest(w).is_some_and(|(n, _)| n == w.len());
    k > 0
        && c.is(k, WordSet::PeriodEnd)
        && unit(c.lows[k - 1])
        && (k.saturating_sub(COUNTED_BACK_WORDS)..k - 1).any(|j| c.is(j, WordSet::PeriodDeterminer))
}

/// The nearest cue before the date, listed ("will", "held") or guessed ("visited").
fn cue_before(l: &Lexicons, c: &Clause, pair: &mut String) -> Option<(Tense, Option<String>)> {
    // a date right after "to", "by", "until", "payable" is a target or a deadline: a
    // past verb before it ("extended to Nov. 20") says nothing about the date's side of
    // the anchor, but a future one ("will double its flights by August") still holds;
    // a two-word cue ending in that word ("postponed until") speaks of the date itself
    let deadline_at = match lead(l, c) {
        Lead::Since(k) => return Some((Tense::Past, Some(c.lows[k].into()))),
        Lead::Deadline(k) => Some(k),
        Lead::Plain => None,
    };
    for i in (0..c.words.len()).rev() {
        // an aside's verbs are its own, and the words before it are the
        // subject: the date's clause has no cue before it
        if c.aside.get(i).copied().unwrap_or(false) {
            break;
        }
        if let Some((t, cue)) = cue_at(l, c, i, pair) {
            // before a deadline only a plain future holds ("will double by August");
            // "had been scheduled to expire at midnight Friday" does not
            if deadline_at.is_some()
                && !(t == Tense::Future && (l.word_sets.has(WordSet::PlainFuture, &cue) || passive(&cue)))
                && !(Some(i) == deadline_at && cue.contains(' '))
            {
                return Some((Tense::Target, None));
            }
            return Some((t, Some(cue)));
        }
    }
    deadline_at.map(|_| (Tense::Target, None))
}

/// Is this cue a passive future ("be paid", written by [`cue_at`])?
fn passive(cue: &str) -> bool {
    cue.strip_prefix(PASSIVE_BE).is_some_and(|r| r.starts_with(' '))
}

/// The cue of word `i` before the date, read with the words before it.
fn cue_at(l: &Lexicons, c: &Clause, i: usize, pair: &mut String) -> Option<(Tense, String)> {
    let lows = c.lows;
    let lower = |i: usize| lows.get(i).copied().unwrap_or("");
    let w = c.words[i];
    let lw = lows[i];
    let prev = if i > 0 { lower(i - 1) } else { "" };
    if i > 0 {
        pair.clear();
        pair.push_str(prev);
        pair.push(' ');
        pair.push_str(lw);
        if let Some(Some(t)) = listed(l, pair) {
            if t == Tense::Future && past_plan(c, i - 1) {
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
    if past && prev == PASSIVE_BE {
        let mut k = i - 1;
        while k > 0 && c.is(k - 1, WordSet::PassiveAdverb) {
            k -= 1;
        }
        if k > 0 && c.is(k - 1, WordSet::PassiveAux) {
            return Some((Tense::Future, format!("{PASSIVE_BE} {w}")));
        }
    }
    // a participle after a present "is", "are" ("the hearing is pencilled in
    // for", "talks are tentatively slated for") is a present passive: no past
    if past && i > 0 {
        let mut k = i - 1;
        while k > 0 && (c.is(k, WordSet::PassiveAdverb) || adverb(lows[k])) {
            k -= 1;
        }
        if c.is(k, WordSet::PresentBe) {
            return Some((Tense::Present, format!("{} {w}", lows[k])));
        }
    }
    // an adjective after a determiner ("a detailed plan") is no verb
    if guess && i > 0 && c.is(i - 1, WordSet::ParticipleDeterminer) {
        return None;
    }
    if let Some(Some(t)) = single {
        if t == Tense::Future && past_plan(c, i) {
            return Some((Tense::Target, w.to_string()));
        }
        return Some((t, w.to_string()));
    }
    if guess {
        return Some((Tense::Past, w.to_string()));
    }
    None
}

/// An adverb by its ending ("tentatively", "provisionally"), as it may stand
/// between "is" and a participle.
fn adverb(lw: &str) -> bool {
    lw.len() >= MIN_GUESSED_LEN && lw.ends_with(ADVERB_ENDING)
}

/// A plan word told in the past: "was first scheduled for the summer of
/// 2022", "had been slated for May". The plan was made before the anchor;
/// its date may lie either side, and may have moved since.
fn past_plan(c: &Clause, i: usize) -> bool {
    if !c.is(i, WordSet::PlanWord) {
        return false;
    }
    c.sets[..i]
        .iter()
        .rev()
        .take(PLAN_LEAD_WORDS)
        .take_while(|s| s.has(WordSet::PlanLead))
        .any(|s| s.has(WordSet::PlanPast))
}

/// Does the date open its sentence ("On Tuesday, the ... league plans to ...")?
/// It then belongs to the main clause, whose verb may come after a long
/// subject, and that verb is the date's own even when it reports. (A
/// preposition before it and a comma after it: "On Tuesday, ..."; a bare date
/// opening a line is more often a timeline's or a headline's.)
fn fronted(text: &str, end: usize, c: &Clause) -> bool {
    !c.sets.is_empty()
        && c.sets.iter().all(|s| s.has(WordSet::FrontedLead))
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
/// negotiations continued"), within [`AFTER_BYTES`] ([`AFTER_BYTES_FRONTED`]
/// for a date opening its sentence) and the sentence.
fn cue_after(l: &Lexicons, text: &str, end: usize, c: &Clause, pair: &mut String) -> (Tense, Option<String>) {
    let fronted = fronted(text, end, c);
    if heads_entry(text, end) {
        return (Tense::Unknown, None);
    }
    let reach = if fronted { AFTER_BYTES_FRONTED } else { AFTER_BYTES };
    let mut hi = end.saturating_add(reach).min(text.len());
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    let after = &text[end..hi];
    let stop = after
        .char_indices()
        .find(|&(k, _)| sentence_end_in(Some(&l.word_sets), after, k))
        .map_or(after.len(), |(k, _)| k);
    let after = &after[..stop];
    let low_after = Lowered::new(after);
    let low_after_text = low_after.text();
    // a two-word cue is read as a pair here too, before its first word alone
    // ("the league plans to hold"; not one written with a capital: "FAILED
    // Plans to place a dome" is a noun)
    let mut spans = low_after.spans().peekable();
    let mut prev = Sets::default();
    while let Some((s, e)) = spans.next() {
        let (w, lw) = (&after[s..e], &low_after_text[s..e]);
        let sets = l.word_sets.sets(lw);
        // an adjective after a determiner ("the covered market") is no verb
        let after_determiner = std::mem::replace(&mut prev, sets).has(WordSet::ParticipleDeterminer);
        let guess = guessed(l, w);
        if guess && after_determiner {
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
                let t = if lw.ends_with(PAST_ENDING) { Tense::Past } else { t };
                return (t, Some(pair.clone()));
            }
        }
        // a past reporting verb ("On Friday, officials said they will ...") is
        // the clause's own verb: the date is when it was said
        if fronted && reported(l, lw, sets) {
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

#[cfg(test)]
mod tests {
    //! Each reach and length of the clause reader at its bound: one step
    //! past it the reading changes.
    use super::*;

    /// The tense of `date`, found in `text` (its last occurrence).
    fn at(text: &str, date: &str) -> Tense {
        let s = text.rfind(date).expect("in text");
        tense_at(text, s, s + date.len()).0
    }

    #[test]
    fn the_clause_reaches_back_clause_bytes() {
        // "will" starts exactly CLAUSE_BYTES before the date: read; one byte
        // further and only "ill" is left
        let fill = |n: usize| format!("will {} Sunday", "x".repeat(n));
        let n = 114;
        assert_eq!(fill(n).find("Sunday"), Some(120));
        assert_eq!(at(&fill(n), "Sunday"), Tense::Future);
        assert_eq!(at(&fill(n + 1), "Sunday"), Tense::Unknown);
    }

    #[test]
    fn a_cue_after_the_date_within_after_bytes() {
        // "will" ends exactly AFTER_BYTES after the date: read; one more byte
        // cuts it to "wil"
        let fill = |n: usize| format!("Sunday {} will", "x".repeat(n));
        let n = 54;
        assert_eq!(fill(n).len() - "Sunday".len(), 60);
        assert_eq!(at(&fill(n), "Sunday"), Tense::Future);
        assert_eq!(at(&fill(n + 1), "Sunday"), Tense::Unknown);
        // a date opening its sentence reads further
        let fronted = |n: usize| format!("On Sunday, {} will", "x".repeat(n));
        let n = 83;
        assert_eq!(at(&fronted(n), "Sunday"), Tense::Future);
        assert_eq!(at(&fronted(n + 1), "Sunday"), Tense::Unknown);
    }

    #[test]
    fn a_guessed_past_has_min_guessed_len_letters() {
        assert_eq!(at("Crews paved Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(at("Crews shed Tuesday.", "Tuesday"), Tense::Unknown);
        // not a negated adjective, not "proceed"
        assert_eq!(at("Crews unlocked Tuesday.", "Tuesday"), Tense::Unknown);
        assert_eq!(at("Crews proceed Tuesday.", "Tuesday"), Tense::Unknown);
    }

    #[test]
    fn a_past_plan_looks_plan_lead_words_back() {
        assert_eq!(
            at("The vote had originally been scheduled for Sunday.", "Sunday"),
            Tense::Target
        );
        // one word more and the "had" is out of reach
        assert_eq!(
            at("The vote had also originally been scheduled for Sunday.", "Sunday"),
            Tense::Future
        );
    }

    #[test]
    fn an_aside_set_off_by_commas_lends_the_date_no_verb() {
        assert_eq!(
            at("The pier, damaged in a storm, reopens Sunday.", "Sunday"),
            Tense::Unknown
        );
        assert_eq!(
            at("The pier, which was damaged, will reopen Sunday.", "Sunday"),
            Tense::Future
        );
        // one comma sets nothing off; the aside's verb is the date's
        assert_eq!(at("The pier was damaged, and reopens Sunday.", "Sunday"), Tense::Past);
        // a participle opens an aside only at the first comma
        assert_eq!(
            at("Ms Lee, the minister, arrived in Lyon, France, Sunday.", "Sunday"),
            Tense::Past
        );
        assert_eq!(
            at("Mr Roe, fined in court, flies home Sunday.", "Sunday"),
            Tense::Unknown
        );
        // the words before an aside are its subject, not the date's clause
        assert_eq!(
            at("Crews will dig The rig, which was hired, sank Sunday.", "Sunday"),
            Tense::Unknown
        );
        // a date right after the aside is the aside's
        assert_eq!(
            at(
                "Mr Roe, who was in charge at the time, on Sunday, will speak.",
                "Sunday"
            ),
            Tense::Past
        );
        // a list's comma is no aside's end
        assert_eq!(
            at("Ms Lee, who resigned as chair, deputy and treasurer Sunday.", "Sunday"),
            Tense::Past
        );
        // a comma between digits sets nothing off
        assert_eq!(enclosed("Some 1,500 homes, flooded").len(), 0);
        assert_eq!(&*enclosed("The pier, damaged, reopens"), &[(8, 17)]);
    }

    #[test]
    fn a_reporting_verb_reaches_report_object_words() {
        // "told" and the date with REPORT_OBJECT_WORDS words between: when
        // it was told; one more and the clause's "will" decides
        let fill = |n: usize| format!("Fares will rise, he told {}Sunday.", "x ".repeat(n));
        assert_eq!(at(&fill(REPORT_OBJECT_WORDS), "Sunday"), Tense::Past);
        assert_eq!(at(&fill(REPORT_OBJECT_WORDS + 1), "Sunday"), Tense::Future);
    }

    #[test]
    fn a_period_counted_back_to_a_date_keeps_its_clause_tense() {
        assert_eq!(at("Sales fell in the six months to June.", "June"), Tense::Past);
        assert_eq!(at("Prices rose 4% in the year to March.", "March"), Tense::Past);
        // a deadline still says nothing of the date's side
        assert_eq!(at("The offer was extended to June.", "June"), Tense::Target);
        assert_eq!(at("Output fell in the week to Friday.", "Friday"), Tense::Past);
        assert_eq!(at("Exports fell in the past 12 months to June.", "June"), Tense::Past);
        // a move by an amount ends in a deadline
        assert_eq!(
            at("The vote was pushed back two months to June.", "June"),
            Tense::Target
        );
        assert_eq!(
            at("It was extended by a month to the end of June.", "the end of June"),
            Tense::Target
        );
        assert_eq!(
            at("It agreed to pay $5 a month starting in June.", "June"),
            Tense::Target
        );
        assert_eq!(
            at("Tests failed in the weeks before the June blast.", "June"),
            Tense::Past
        );
        // the determiner within COUNTED_BACK_WORDS words of the unit
        assert_eq!(
            at("Exports fell in the past twelve long months to June.", "June"),
            Tense::Target
        );
    }

    #[test]
    fn a_present_passive_tells_no_past() {
        assert_eq!(at("The hearing is pencilled in for Sunday.", "Sunday"), Tense::Present);
        assert_eq!(
            at("The hearing is tentatively pencilled in for Sunday.", "Sunday"),
            Tense::Present
        );
        assert_eq!(at("The hearing was pencilled in for Sunday.", "Sunday"), Tense::Past);
        // an adverb has at least MIN_GUESSED_LEN letters
        assert!(adverb("early") && !adverb("only") && !adverb("ally"));
    }

    #[test]
    fn a_clause_keeps_its_words_up_to_the_date() {
        // 57 one-letter words and the cue: all kept (MAX_WORDS), the cue read
        let text = format!("{}will Sunday", "a ".repeat(57));
        assert!(text.find("Sunday").is_some_and(|s| s <= 120));
        assert_eq!(at(&text, "Sunday"), Tense::Future);
    }
}
