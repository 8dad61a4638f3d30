//! Tagging: find temporal expressions in text.
//!
//! The scanner visits word starts only, and only those whose word is a
//! *trigger* (a digit, or a word some rule can start with: month and weekday
//! names, `last`, `the`, …). At a trigger it tries the rules of [`RULES`]
//! that can start with that word (each rule lists its possible first words,
//! [`Start`]) and keeps the longest match (the first rule wins a tie), then
//! continues after it. Each rule reads a bounded number of words, so the
//! whole scan is linear in the text.
//!
//! Rules (the full list with names is [`RULES`]; words come from `grammar/*.txt`):
//!
//! ```text
//! date      := yyyy-mm-dd | mm/dd/yyyy | <month> <day>[, <year>] | <day> <month> [<year>]
//!            | <month> [of] <year> | <year> | fiscal <year> | [the] [early|mid|late] <decade>
//!            | [the] <ordinal> century        (decade := 1990s | '90s | the nineties)
//!            | <year> BC | nineteen ninety-six
//! period    := Q<n> [<year>] | the <ordinal> quarter|half [of <year>] | [last|next] <season> [of <year>]
//!            | <holiday> | [early|mid|late|the end of] <date>
//! relative  := today | yesterday | tonight | last|next|this <unit>|<month>|<weekday>|<season>
//!            | <month> [of] last year | <month> of the previous year | the previous|following <unit>
//!            | the <unit> before | that <unit> | <amount> <unit> ago|later|earlier|from now
//! time      := <h>[:<mm>] a.m.|p.m. [<zone>] [<weekday>|<month> <day>] | <hh>:<mm> | noon | midday | midnight
//!            | <weekday> morning|night | this morning
//! range     := <month> <day>-<day> | <day>-<day> <month> | from|between <point> to|and <point>
//!            | <month> to <month> [last year|<year>]
//! duration  := [<mod>] <amount> <unit> | <amount>-<unit>[-old|-long] | the past|next <amount> <unit>
//!            | recent|coming <units> | a single night
//! set       := every|each <unit>|<weekday> | daily | weekly | annually
//! reference := now | currently | recently | soon | to date | in the future | the past
//! amount    := the shared number combinator (grammar::number)
//! ```
//!
//! ```
//! let text = "Talks were held on February 4-5.";
//! let m = chronology::tag::tag(text, 0..text.len());
//! assert_eq!(&text[m[0].start..m[0].end], "February 4-5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod counts;
pub mod out_of_range;
pub mod rules;

use std::ops::Range;
use std::sync::OnceLock;

// words are packed into integers as the lexicons key them: lower-cased,
// up to 16 bytes (no first word of the grammar is longer: tests::triggers_fit)
use crate::grammar::lexicon::{key, KeyTable, LexiconError};
use crate::grammar::{is_word_byte, lexicons, Expr, Lexicons, WordSet};
use rules::{Ctx, Rule};

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// The name of the rule that matched.
    pub rule: &'static str,
}

/// What a rule's first word can be: only rules that can start with the word
/// at hand are tried (a number never starts "last week", and "the" never
/// starts "Feb. 4").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A number only.
    Digit,
    /// One of these words only.
    Word(&'static [First]),
    /// A number or one of these words.
    Any(&'static [First]),
}

impl Start {
    /// May the rule start with a number?
    pub fn digit(self) -> bool {
        matches!(self, Start::Digit | Start::Any(_))
    }

    /// The words the rule may start with.
    pub fn words(self) -> &'static [First] {
        match self {
            Start::Digit => &[],
            Start::Word(w) | Start::Any(w) => w,
        }
    }
}

/// A possible first word of a rule: a literal, or the first word of any
/// entry of a lexicon in `grammar/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum First {
    /// This word (lower case).
    Word(&'static str),
    /// Any entry's first word in this lexicon.
    Lex(Lex),
}

/// The lexicons whose entries can start a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Lex {
    Months,
    Weekdays,
    Units,
    Numbers,
    Ordinals,
    Seasons,
    Holidays,
    Modifiers,
    Positions,
    References,
    RelativeDays,
    Relatives,
    Sets,
}

impl Lex {
    fn surfaces(self, l: &Lexicons) -> &[String] {
        match self {
            Lex::Months => l.months.surfaces(),
            Lex::Weekdays => l.weekdays.surfaces(),
            Lex::Units => l.units.surfaces(),
            Lex::Numbers => l.numbers.surfaces(),
            Lex::Ordinals => l.ordinals.surfaces(),
            Lex::Seasons => l.seasons.surfaces(),
            Lex::Holidays => l.holidays.surfaces(),
            Lex::Modifiers => l.modifiers.surfaces(),
            Lex::Positions => l.positions.surfaces(),
            Lex::References => l.references.surfaces(),
            Lex::RelativeDays => l.relative_days.surfaces(),
            Lex::Relatives => l.relatives.surfaces(),
            Lex::Sets => l.sets.surfaces(),
        }
    }
}

use First::{Lex as L, Word as W};

/// One tagging rule: a name for `why`, its possible first words, the parser.
pub struct RuleDef {
    /// The rule's name (its grammar, shortly).
    pub name: &'static str,
    /// What it can start with.
    pub start: Start,
    /// The parser.
    pub rule: Rule,
}

const fn def(name: &'static str, start: Start, rule: Rule) -> RuleDef {
    RuleDef { name, start, rule }
}

/// Every tagging rule, in priority order (a longer match wins; on a tie, the
/// earlier rule). Each lists the words it can start with; "a"/"an" and the
/// number words are where the shared number combinator can start. The test
/// `dispatch_loses_nothing` runs every rule at every word of the example
/// corpus to check the lists.
pub const RULES: &[RuleDef] = &[
    def("<yyyy-mm-dd> | <mm/dd/yyyy>", Start::Digit, rules::numeric_date),
    def(
        "from|between <point> to|and <point> (range)",
        // a point is a month date, a year, a month or a weekday
        Start::Any(&[
            W("from"),
            W("between"),
            L(Lex::Months),
            L(Lex::Relatives),
            L(Lex::Weekdays),
        ]),
        rules::range,
    ),
    def(
        "<month> <day>[-<day>][, <year>]",
        Start::Word(&[L(Lex::Months)]),
        rules::month_day_year,
    ),
    def(
        "[the] <day>[-<day>] [of] <month> [<year>]",
        Start::Any(&[W("the")]),
        rules::day_month_year,
    ),
    def(
        "<hh>:<mm> | <h> p.m. [<zone>] [<weekday>] | noon",
        Start::Any(&[W("noon"), W("midday"), W("midnight")]),
        rules::clock,
    ),
    def(
        "<year> | the <decade>s | the <ordinal> century",
        Start::Any(&[
            W("the"),
            W("fiscal"),
            L(Lex::Ordinals),
            L(Lex::Numbers),
            W("a"),
            W("an"),
        ]),
        rules::year_forms,
    ),
    def(
        "the <ordinal> quarter|half [of <year>] | Q<n>",
        Start::Word(&[
            W("the"),
            W("q1"),
            W("q2"),
            W("q3"),
            W("q4"),
            W("comparable"),
            W("year"),
            L(Lex::Relatives),
            L(Lex::Ordinals),
        ]),
        rules::quarter,
    ),
    def(
        "[last|next] <season> [of <year>]",
        Start::Word(&[W("the"), L(Lex::Relatives), L(Lex::Seasons)]),
        rules::season,
    ),
    def(
        "[last|next] <holiday>",
        Start::Word(&[L(Lex::Relatives), L(Lex::Holidays)]),
        rules::holiday,
    ),
    def(
        "today | yesterday [<part of day>]",
        Start::Word(&[L(Lex::RelativeDays)]),
        rules::relative_day,
    ),
    def(
        "[last|next] <weekday> [<part of day>]",
        Start::Word(&[L(Lex::Relatives), L(Lex::Weekdays)]),
        rules::weekday,
    ),
    def(
        "last|next|this <month> | <month> [of] last year",
        Start::Word(&[L(Lex::Relatives), L(Lex::Months)]),
        rules::month_alone,
    ),
    def(
        "last|next|this <unit>",
        Start::Word(&[W("earlier"), W("later"), L(Lex::Relatives)]),
        rules::relative_unit,
    ),
    def(
        "the previous|following <unit> | that <unit>",
        Start::Word(&[W("earlier"), W("later"), W("that"), W("the")]),
        rules::reference_unit,
    ),
    def("the morning|night of <date>", Start::Word(&[W("the")]), rules::part_of),
    def(
        "the first|last day|week [of <month>|<year>]",
        Start::Word(&[W("the")]),
        rules::nth_day,
    ),
    def(
        "the same period|quarter [in|of] last year|<year> (comparison)",
        Start::Word(&[W("the")]),
        rules::again,
    ),
    def(
        "[<mod>] <number> <unit> [ago|later] (duration, shift)",
        Start::Any(&[
            W("the"),
            L(Lex::Units),
            L(Lex::Modifiers),
            L(Lex::Numbers),
            W("a"),
            W("an"),
        ]),
        rules::amount_unit,
    ),
    def(
        "every <unit> | daily (set)",
        Start::Word(&[W("every"), W("each"), W("per"), L(Lex::Sets)]),
        rules::set,
    ),
    def(
        "early|mid|late <date>",
        // and "year-end", "year's end"
        Start::Word(&[L(Lex::Positions), W("year")]),
        rules::position,
    ),
    def(
        "now | recently | soon (reference)",
        Start::Word(&[L(Lex::References)]),
        rules::reference,
    ),
];

// a rule set is a u32 bit set, its top bit WEAK_BIT
const _: () = assert!(RULES.len() <= 31);

/// The literal words the rules can start with.
fn rule_words() -> impl Iterator<Item = &'static str> {
    RULES.iter().flat_map(|r| r.start.words()).filter_map(|f| match f {
        First::Word(w) => Some(*w),
        First::Lex(_) => None,
    })
}

/// Every first word of the grammar's entries and rules (what a weak trigger's
/// next word is checked against, with more; see [`followers`]).
fn grammar_words(l: &Lexicons) -> Vec<u128> {
    let mut v: Vec<u128> = rule_words().filter_map(|w| key(w.as_bytes())).collect();
    let lists: [&[String]; 16] = [
        l.months.surfaces(),
        l.weekdays.surfaces(),
        l.units.surfaces(),
        l.numbers.surfaces(),
        l.ordinals.surfaces(),
        l.seasons.surfaces(),
        l.parts.surfaces(),
        l.holidays.surfaces(),
        l.modifiers.surfaces(),
        l.positions.surfaces(),
        l.references.surfaces(),
        l.relative_days.surfaces(),
        l.relatives.surfaces(),
        l.sets.surfaces(),
        l.anchor_refs.surfaces(),
        l.shifts.surfaces(),
    ];
    v.extend(
        lists
            .iter()
            .flat_map(|list| list.iter())
            .filter_map(|s| key(s.as_bytes())),
    );
    v.sort_unstable();
    v.dedup();
    v
}

/// The rules that can start at a number, as a bit set over [`RULES`].
fn digit_rules() -> u32 {
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| r.start.digit())
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// The rules that can start with a word, as a bit set over [`RULES`].
fn word_rules() -> u32 {
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.start.words().is_empty())
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// The trigger words: each word that can start some rule, with the bit set of
/// those rules, sorted by word.
fn triggers(l: &Lexicons) -> Vec<(u128, u32)> {
    let mut v: Vec<(u128, u32)> = Vec::new();
    for (k, r) in RULES.iter().enumerate() {
        for f in r.start.words() {
            match f {
                First::Word(w) => v.extend(key(w.as_bytes()).map(|p| (p, 1 << k))),
                First::Lex(x) => v.extend(
                    x.surfaces(l)
                        .iter()
                        .filter_map(|s| key(s.as_bytes()))
                        .map(|p| (p, 1 << k)),
                ),
            }
        }
    }
    v.sort_unstable_by_key(|e| e.0);
    // one entry a word, with the union of its rules
    v.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 |= next.1;
        }
        same
    });
    v
}

/// Every word of every grammar entry, and the words the rules read literally
/// after a first word: what may follow a weak trigger.
fn followers(l: &Lexicons) -> Vec<u128> {
    let mut v: Vec<u128> = grammar_words(l);
    let literal = l.word_sets.words(WordSet::RuleWord);
    v.extend(literal.filter_map(|w| key(w.as_bytes())));
    let lists: [&[String]; 10] = [
        l.numbers.surfaces(),
        l.modifiers.surfaces(),
        l.positions.surfaces(),
        l.decades.surfaces(),
        l.references.surfaces(),
        l.relative_days.surfaces(),
        l.holidays.surfaces(),
        l.shifts.surfaces(),
        l.units.surfaces(),
        l.comparisons.surfaces(),
    ];
    for list in lists {
        for s in list {
            for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
                if let Some(p) = key(w.as_bytes()).filter(|_| !w.is_empty()) {
                    v.push(p);
                }
            }
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// After a weak trigger: is the next word (after spaces or a hyphen) one no
/// rule reads, so that the weak word cannot start a mention?
fn dead_end_after(rest: &[u8], follow: &KeyTable<()>) -> bool {
    let i = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'-'))
        .count();
    let next = &rest[i..];
    match next.first() {
        // "a.m." style and end of text: let the rules decide
        None => false,
        Some(b) if !is_word_byte(*b) => false,
        // a digit always may follow
        Some(b) if b.is_ascii_digit() => false,
        // a word of over 16 bytes is no grammar word
        _ => key(next).is_none_or(|k| follow.get(k).is_none()),
    }
}

/// Set in a trigger's rule set when the word is weak: a very common word that
/// starts some rules ("the past", "a year", "at least"), at which the rules
/// run only when the next word is a grammar word too (`WEAK_TRIGGER` of
/// `grammar/word_sets.txt`).
const WEAK_BIT: u32 = 1 << 31;

/// The trigger words with their rule sets (and [`WEAK_BIT`]).
fn trigger_table(l: &Lexicons) -> KeyTable<u32> {
    let weak: Vec<u128> = l
        .word_sets
        .words(WordSet::WeakTrigger)
        .filter_map(|w| key(w.as_bytes()))
        .collect();
    KeyTable::new(
        triggers(l)
            .into_iter()
            .map(|(p, m)| (p, if weak.contains(&p) { m | WEAK_BIT } else { m })),
    )
}

/// The scanner's tables, built once from the loaded grammar.
struct Tables {
    /// The trigger words with their rule sets ([`trigger_table`]).
    trig: KeyTable<u32>,
    /// The words that may follow a weak trigger ([`followers`]).
    follow: KeyTable<()>,
}

/// The tables of the grammar `l` (there is one grammar: built on first use).
fn tables(l: &Lexicons) -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        trig: trigger_table(l),
        follow: KeyTable::new(followers(l).into_iter().map(|p| (p, ()))),
    })
}

/// The rules that can start at this word (digits, or a grammar word), as a
/// bit set over [`RULES`]; 0 when none can.
/// With [`WEAK_BIT`] set for a weak word.
fn rules_at(word: &[u8], trig: &KeyTable<u32>, digit: u32) -> u32 {
    if word[0].is_ascii_digit() {
        return digit;
    }
    key(word).and_then(|k| trig.get(k)).unwrap_or(0)
}

/// The lower-cased word that ends just before `pos` (skipping spaces), into `buf`.
fn prev_word<'b>(text: &[u8], pos: usize, buf: &'b mut [u8; 16]) -> (&'b str, u8) {
    let mut e = pos;
    while e > 0 && matches!(text[e - 1], b' ' | b'\n' | b'\t' | b'\r') {
        e -= 1;
    }
    let before = if e > 0 { text[e - 1] } else { 0 };
    let mut s = e;
    while s > 0 && is_word_byte(text[s - 1]) && e - s < 16 {
        s -= 1;
    }
    let n = e - s;
    for (k, &c) in text[s..e].iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    (std::str::from_utf8(&buf[..n]).unwrap_or(""), before)
}

/// Find every temporal expression inside `body` of `text`, in text order, not overlapping.
///
/// With a broken grammar this finds nothing: call [`crate::grammar::check`] at
/// start (or use [`try_tag`]) to have the error.
pub fn tag(text: &str, body: Range<usize>) -> Vec<Mention> {
    try_tag(text, body).unwrap_or_default()
}

/// [`tag`], or the error of a grammar file that cannot be loaded.
pub fn try_tag(text: &str, body: Range<usize>) -> Result<Vec<Mention>, &'static LexiconError> {
    Ok(scan(lexicons()?, text, body, false))
}

/// The scanner; with `everywhere`, every rule that may start with a word (or a
/// number) is tried at every word, whatever its first-word list says: what
/// `tests::dispatch_loses_nothing` compares [`tag`] with.
fn scan(l: &'static Lexicons, text: &str, body: Range<usize>, everywhere: bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let end = body.end.min(text.len());
    let mut pos = body.start.min(end);
    if !text.is_char_boundary(pos) || !text.is_char_boundary(end) {
        return out;
    }
    let bytes = text.as_bytes();
    let Tables { trig, follow } = tables(l);
    let digit = digit_rules();
    let mut buf = [0u8; 16];
    while pos < end {
        // to the next word start
        while pos < end && !is_word_byte(bytes[pos]) {
            pos += 1;
        }
        if pos >= end {
            break;
        }
        let mut word_end = pos;
        while word_end < end && is_word_byte(bytes[word_end]) {
            word_end += 1;
        }
        // no start inside a number: "2.5", "4,300", "10:30"
        let in_number = bytes[pos].is_ascii_digit()
            && pos >= 2
            && matches!(bytes[pos - 1], b'.' | b',' | b':' | b'/')
            && bytes[pos - 2].is_ascii_digit();
        // (a word start is never preceded by a word byte: the loop above and the
        // mention ends below only stop after one)
        let may = if in_number || (pos > 0 && is_word_byte(bytes[pos - 1])) {
            0
        } else {
            rules_at(&bytes[pos..end], trig, digit)
        };
        let may = match (everywhere, bytes[pos].is_ascii_digit()) {
            (false, _) | (true, true) => may,
            (true, false) => word_rules() | (may & WEAK_BIT),
        };
        if may == 0 || (may & WEAK_BIT != 0 && dead_end_after(&bytes[word_end..end], follow)) {
            pos = word_end;
            continue;
        }
        let (prev, before) = prev_word(bytes, pos, &mut buf);
        let ctx = Ctx { prev, before };
        let input = &text[pos..end];
        let mut best: Option<(usize, Expr, &'static str)> = None;
        for (k, r) in RULES.iter().enumerate() {
            if may & (1 << k) == 0 {
                continue;
            }
            if let Ok((rest, e)) = (r.rule)(&ctx, input) {
                let len = input.len() - rest.len();
                if len > 0 && best.as_ref().is_none_or(|b| len > b.0) {
                    best = Some((len, e, r.name));
                }
            }
        }
        match best {
            Some((len, expr, rule)) => {
                // trim trailing spaces or punctuation a rule may have eaten
                let mut e = pos + len;
                while e > pos && matches!(bytes[e - 1], b' ' | b'\n' | b'\t' | b'\r' | b',') {
                    e -= 1;
                }
                // a count, a price or a clock time read as a year is passed over whole
                if !counts::not_a_year(l, text, pos, e, &expr) {
                    out.push(Mention {
                        start: pos,
                        end: e,
                        expr,
                        rule,
                    });
                }
                // continue after the mention, at a word boundary
                pos = e.max(pos + 1);
                while pos < end && is_word_byte(bytes[pos]) && is_word_byte(bytes[pos - 1]) {
                    pos += 1;
                }
            }
            None => pos = word_end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_fit() {
        let l = lexicons().expect("grammar loads");
        // every first word a rule may start with packs (none is over 16 bytes)
        for r in RULES {
            for f in r.start.words() {
                if let First::Lex(x) = f {
                    for s in x.surfaces(l) {
                        assert!(key(s.as_bytes()).is_some(), "{s}");
                    }
                }
            }
        }
        let (t, d) = (&tables(l).trig, digit_rules());
        // every trigger word is in the table
        assert_eq!(t.len(), triggers(l).len());
        assert_ne!(rules_at(b"February", t, d), 0);
        assert_ne!(rules_at(b"LAST", t, d), 0);
        assert_eq!(rules_at(b"2025", t, d), d);
        assert_eq!(rules_at(b"soldiers", t, d), 0);
        assert_eq!(rules_at(b"abcdefghijklmnopqrstuvwxyz", t, d), 0);
        // "ago" ends expressions but starts none
        assert_eq!(rules_at(b"ago", t, d), 0);
        // "February" may start a month date, never a clock time
        let at = |name: &str| {
            RULES
                .iter()
                .position(|r| r.name.starts_with(name))
                .expect("rule exists")
        };
        let (clock, month_day) = (at("<hh>:<mm>"), at("<month> <day>"));
        assert_eq!(rules_at(b"February", t, d) & (1 << clock), 0);
        assert_ne!(rules_at(b"February", t, d) & (1 << month_day), 0);
    }

    #[test]
    fn rules_have_unique_names() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        // a rule that cannot start with a number never accepts one first
        for r in RULES {
            let c = rules::Ctx {
                prev: "in",
                before: b' ',
            };
            if !r.start.digit() {
                for t in ["4 February", "2025", "3 p.m.", "five days", "12 days ago"] {
                    assert!((r.rule)(&c, t).is_err(), "{} accepts {t:?}", r.name);
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    /// Every string of the example corpora (`grammar/examples/*.yaml`, the
    /// negative list) and the seed articles.
    fn corpus_texts() -> Vec<String> {
        fn strings(v: &serde_yaml::Value, out: &mut Vec<String>) {
            match v {
                serde_yaml::Value::String(s) => out.push(s.clone()),
                serde_yaml::Value::Sequence(xs) => xs.iter().for_each(|x| strings(x, out)),
                serde_yaml::Value::Mapping(m) => m.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["grammar/examples", "grammar", "seeds"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("directory exists")
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            files.sort();
            for f in files {
                let Ok(text) = std::fs::read_to_string(&f) else {
                    continue;
                };
                match f.extension().and_then(|e| e.to_str()) {
                    Some("yaml") if dir == "grammar/examples" => {
                        let v: serde_yaml::Value = serde_yaml::from_str(&text).expect("example corpus parses");
                        strings(&v, &mut out);
                    }
                    Some("txt") => out.push(text),
                    _ => {}
                }
            }
        }
        out
    }

    #[test]
    fn dispatch_loses_nothing() {
        // the first-word lists only skip rules that could not have matched
        let texts = corpus_texts();
        assert!(texts.len() > 300, "{} texts", texts.len());
        let mut mentions = 0;
        for t in &texts {
            let fast = tag(t, 0..t.len());
            let l = lexicons().expect("grammar loads");
            assert_eq!(fast, scan(l, t, 0..t.len(), true), "in {t:?}");
            mentions += fast.len();
        }
        assert!(mentions > 300, "{mentions} mentions");
    }
}
