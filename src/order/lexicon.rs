//! The event lexicon (`grammar/chronology_events.txt`) and the shared stop words
//! (`grammar/stopwords.txt`), embedded at build time and parsed once.
//!
//! ```text
//! line := "group" NAME WORD... | "begin" WORD... | "before" PHRASE | "after" PHRASE
//!       | "forward" WORD... | "backward" WORD... | "trim" WORD... | "aside" WORD... | "range" WORD...
//!       | "shift" WORD... | "end" WORD... | "later" WORD... | "earlier" WORD...
//!       | "act" WORD... | "report" WORD... | "repeat" WORD... | "refer" WORD...
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const EVENTS: &str = include_str!("../../grammar/chronology_events.txt");
const STOPWORDS: &str = include_str!("../../grammar/stopwords.txt");

/// The parsed lexicon.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Word → the groups it belongs to.
    pub groups: BTreeMap<String, Vec<String>>,
    /// Words saying something began.
    pub begin: BTreeSet<String>,
    /// Order phrases: the clause's event comes before the date that follows.
    pub before: Vec<Vec<String>>,
    /// Order phrases: the clause's event comes after the date that follows.
    pub after: Vec<Vec<String>>,
    /// After a duration: measured forward from the reference.
    pub forward: BTreeSet<String>,
    /// After a duration: measured backward from the reference.
    pub backward: BTreeSet<String>,
    /// Words cut from the edges of an event phrase.
    pub trim: BTreeSet<String>,
    /// Words that, with trim words, make a date an aside (", held on February 4-5,").
    pub aside: BTreeSet<String>,
    /// What may join the two ends of a range.
    pub range: BTreeSet<String>,
    /// After a duration and before a comma or the sentence's end: measured
    /// forward from the reference ("five years on, in 2015").
    pub narrative: BTreeSet<String>,
    /// Before a duration that measures forward, with no date of its own in
    /// the sentence: it is measured to the article's date ("marks 25 years since").
    pub present: BTreeSet<String>,
    /// Words that move a date ("postponed from May 12 to May 3"): what
    /// follows them is no range.
    pub shift: BTreeSet<String>,
    /// Words saying that something ended ("closed", "ended"): with a `begin`
    /// word's telling before it, the two ends of one period.
    pub end: BTreeSet<String>,
    /// Adverbs putting their clause after the date told just before ("Then,
    /// in 2014, …", "The president later signed it, on 1 May").
    pub later: BTreeSet<String>,
    /// Adverbs putting their clause before the date told just before
    /// ("Previously, it had closed on 10 April").
    pub earlier: BTreeSet<String>,
    /// Words naming a happening that do not look like one (irregular past
    /// forms, event nouns): with the `-ed` words and the groups, what a
    /// clause says happened (see `merge::actions`).
    pub act: BTreeSet<String>,
    /// Verbs that report, not happen ("said", "told"): never a clause's action.
    pub report: BTreeSet<String>,
    /// Words saying a happening is told another time ("again", "second"):
    /// a clause with one tells a repeat, not the same event.
    pub repeat: BTreeSet<String>,
    /// Pronouns that, opening a sentence, stand for what the sentence
    /// before names ("It broke out on May 3").
    pub refer: BTreeSet<String>,
    /// Words too common to link two tellings.
    pub stop: BTreeSet<String>,
}

pub use crate::grammar::lexicon::LexiconError;

/// The file named in errors.
const FILE: &str = "grammar/chronology_events.txt";

/// Parse the lexicon text (and the stop words).
pub fn parse(events: &str, stopwords: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon::default();
    for (i, raw) in events.lines().enumerate() {
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut words = t.split_whitespace().map(str::to_lowercase);
        let err = |msg: &str| LexiconError::at(FILE, i + 1, msg);
        let kind = words.next().ok_or_else(|| err("empty line"))?;
        let rest: Vec<String> = words.collect();
        if rest.is_empty() {
            return Err(err(&format!("`{kind}` needs at least one word")));
        }
        match kind.as_str() {
            "group" => {
                let (name, members) = rest.split_first().ok_or_else(|| err("group needs a name"))?;
                if members.is_empty() {
                    return Err(err("group needs a name and at least one word"));
                }
                for w in members {
                    lex.groups.entry(w.clone()).or_default().push(name.clone());
                }
            }
            "begin" => lex.begin.extend(rest),
            "before" => lex.before.push(rest),
            "after" => lex.after.push(rest),
            "forward" => lex.forward.extend(rest),
            "backward" => lex.backward.extend(rest),
            "narrative" => lex.narrative.extend(rest),
            "present" => lex.present.extend(rest),
            "trim" => lex.trim.extend(rest),
            "aside" => lex.aside.extend(rest),
            "range" => lex.range.extend(rest),
            "shift" => lex.shift.extend(rest),
            "end" => lex.end.extend(rest),
            "later" => lex.later.extend(rest),
            "earlier" => lex.earlier.extend(rest),
            "act" => lex.act.extend(rest),
            "report" => lex.report.extend(rest),
            "repeat" => lex.repeat.extend(rest),
            "refer" => lex.refer.extend(rest),
            other => {
                return Err(err(&format!(
                    "unknown kind {other:?} (expected group, begin, before, after, forward, backward, narrative, present, trim, aside, range, shift, end, later, earlier, act, report, repeat or refer)"
                )))
            }
        }
    }
    // Longest phrases first, so "on the eve of" wins over shorter ones.
    lex.before.sort_by_key(|p| std::cmp::Reverse(p.len()));
    lex.after.sort_by_key(|p| std::cmp::Reverse(p.len()));
    lex.stop = stopwords
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    Ok(lex)
}

/// The embedded lexicon, parsed once.
fn loaded() -> Result<&'static Lexicon, &'static LexiconError> {
    static LEX: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
    LEX.get_or_init(|| parse(EVENTS, STOPWORDS)).as_ref()
}

/// The embedded lexicon (an empty one if it failed to parse: [`check`],
/// which a program runs at start through `pipeline::Pipeline::new`, reports
/// that with the file and line).
pub fn get() -> &'static Lexicon {
    static EMPTY: OnceLock<Lexicon> = OnceLock::new();
    loaded().unwrap_or_else(|_| EMPTY.get_or_init(Lexicon::default))
}

/// Load the embedded lexicon (once) and check it: an error names the file and line.
pub fn check() -> Result<(), LexiconError> {
    loaded().map(|_| ()).map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_parses() {
        assert_eq!(check(), Ok(()));
        let l = get();
        assert!(l
            .groups
            .get("negotiations")
            .is_some_and(|g| g.contains(&"talks".to_string())));
        assert_eq!(l.before[0], vec!["on", "the", "eve", "of"]);
        assert!(l.forward.contains("later"));
    }

    #[test]
    fn a_broken_copy_of_the_lexicon_names_its_line() {
        // the real file with a group of no words after its last entry
        let broken = format!("{}\ngroup lonely\n", EVENTS.trim_end());
        let line = EVENTS.trim_end().lines().count() + 1;
        let e = parse(&broken, STOPWORDS).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{FILE}:{line}: group needs a name and at least one word")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("# c\ngroup x\n", "").unwrap_err();
        assert_eq!(
            e.to_string(),
            "grammar/chronology_events.txt:2: group needs a name and at least one word"
        );
        let e = parse("bogus a\n", "").unwrap_err();
        assert_eq!(
            e.to_string(),
            "grammar/chronology_events.txt:1: unknown kind \"bogus\" (expected group, begin, before, after, forward, backward, narrative, present, trim, aside, range, shift, end, later, earlier, act, report, repeat or refer)"
        );
    }
}
