//! `grammar/word_sets.txt`: the small sets of words the rules ask about by
//! name ("is the word before the number a cue for a year?").

use std::collections::HashMap;

use super::lexicon::{key, parse_file, KeyTable, LexiconError};

/// A named set of `grammar/word_sets.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordSet {
    /// `YEAR_CUE`: a word before four digits that makes them a year ("in 1066").
    YearCue,
    /// `MONTH_CUE`: a word before "May" or "March" that makes it the month.
    MonthCue,
    /// `COUNT_NOUN`: a plural without an "s" after a number that makes it a
    /// count ("2000 people").
    CountNoun,
    /// `DETERMINER`: an article, possessive or demonstrative before a noun.
    Determiner,
    /// `MODAL`: a word before "spring" that makes it the verb ("could spring").
    Modal,
    /// `SPRING_PARTICLE`: a word after "spring" that makes it the verb
    /// ("spring into action").
    SpringParticle,
    /// `YEAR_END_CUE`: a word before "year-end" that makes it the end of the year.
    YearEndCue,
    /// `YEAR_END_NEXT`: a word after "year-end" that ends its phrase ("by
    /// year-end and"): not an adjective before a noun.
    YearEndNext,
    /// `FALL_CUE`: a word before a bare "fall" that makes it the season.
    FallCue,
    /// `THE_FALL_CUE`: a word before "the fall" that makes it the season.
    TheFallCue,
    /// `THE_YEAR_NEXT`: a word after "the year" that makes it the year in focus.
    TheYearNext,
    /// `RECURRENCE_NEXT`: a word after "daily", "quarterly" that keeps it an
    /// adverb of recurrence, not an adjective.
    RecurrenceNext,
    /// `SOON_RELATIVE`: a word after "soon" that makes it relative to
    /// another event ("soon after the vote").
    SoonRelative,
    /// `PAST_AUX`: an auxiliary of a past narration before "soon".
    PastAux,
    /// `SPAN_CUE`: a preposition before a bare plural unit that makes it a
    /// vague span ("for years").
    SpanCue,
    /// `UNIT_FILLER`: a word between an amount and its unit ("a full year").
    UnitFiller,
    /// `MORE_FILLER`: "more" and its kin between an amount and its unit.
    MoreFiller,
    /// `RATE_BEFORE`: a word before "a day" that makes it a rate ("twice a week").
    RateBefore,
    /// `S_NOT_PLURAL`: a word ending in "s" that is no plural of a count.
    SNotPlural,
    /// `WEAK_TRIGGER`: a very common word that starts some rules ("the",
    /// "a"): the rules run at it only when a grammar word follows.
    WeakTrigger,
    /// `RULE_WORD`: a word the rules read literally after their first word:
    /// one of the words that may follow a weak trigger.
    RuleWord,
    /// `REPORT_BARE`: a past reporting verb that does not end in "ed" ("said", "told"): with the verbs of `grammar/tense.txt` that carry no tense.
    ReportBare,
    /// `NOT_REPORT`: a word ending in "ed" with no tense that reports nothing ("alleged", "preferred").
    NotReport,
    /// `AS_AS`: the word between "as" and "as" right before a date that puts it ahead ("as soon as Tuesday").
    AsAs,
    /// `LEAD_SKIP`: a word passed over before a date when looking for its lead ("on", "the", "early").
    LeadSkip,
    /// `SINCE_LEAD`: a lead that starts something still going on ("since March"): the date is past.
    SinceLead,
    /// `DEADLINE_LEAD`: a lead that makes the date a target, a deadline, a limit or a start ("by August", "payable Dec. 1").
    DeadlineLead,
    /// `PLAIN_FUTURE`: a future auxiliary that holds before a deadline ("will double its flights by August").
    PlainFuture,
    /// `PASSIVE_ADVERB`: an adverb passed over between a future auxiliary and "be" ("would still be held").
    PassiveAdverb,
    /// `PASSIVE_AUX`: a word before "be" and a participle that makes it a passive future ("will be paid", "is to be held").
    PassiveAux,
    /// `PERIOD_END`: a lead that ends a period counted back to the date ("the six months to June", "the weeks before the April 20 explosion").
    PeriodEnd,
    /// `PERIOD_DETERMINER`: a determiner of a period counted back ("the six months to June"; not "a month starting in June", a rate).
    PeriodDeterminer,
    /// `REPORT_CLAUSE`: a word that opens what a reporting verb reports ("said that on Monday prices fell"): a date after it is the reported clause's.
    ReportClause,
    /// `ASIDE_OPENER`: a word that opens an aside set off by commas ("The bridge, which opened in 1998, was closed"): the aside's verbs are not the date's.
    AsideOpener,
    /// `LIST_JOIN`: a word that joins the last item of a list ("chairman, president and chief executive"): a comma before it ends no aside.
    ListJoin,
    /// `PRESENT_BE`: a present form of "be" before a participle that makes it a present passive ("is pencilled in for", "are slated for"): no past.
    PresentBe,
    /// `PLAN_WORD`: a plan word that, told in the past, says the plan was made before the anchor ("was scheduled for").
    PlanWord,
    /// `PLAN_LEAD`: a word before a plan word that keeps it told in the past ("had originally been").
    PlanLead,
    /// `PLAN_PAST`: a past auxiliary before a plan word ("was", "had").
    PlanPast,
    /// `FRONTED_LEAD`: a word that may stand before a date opening its sentence ("On Tuesday, ...", "But later on Tuesday, ...").
    FrontedLead,
    /// `PARTICIPLE_DETERMINER`: a determiner after which a past form is an
    /// adjective, not a verb ("a detailed plan"): `DETERMINER` but "that",
    /// "this" and "our".
    ParticipleDeterminer,
    /// `ABBREVIATION`: a title or abbreviation written with a full stop that ends no sentence ("Mr.", "Corp.", "Feb.").
    Abbreviation,
}

impl WordSet {
    const ALL: [(WordSet, &'static str); 42] = [
        (WordSet::YearCue, "YEAR_CUE"),
        (WordSet::MonthCue, "MONTH_CUE"),
        (WordSet::CountNoun, "COUNT_NOUN"),
        (WordSet::Determiner, "DETERMINER"),
        (WordSet::Modal, "MODAL"),
        (WordSet::SpringParticle, "SPRING_PARTICLE"),
        (WordSet::YearEndCue, "YEAR_END_CUE"),
        (WordSet::YearEndNext, "YEAR_END_NEXT"),
        (WordSet::FallCue, "FALL_CUE"),
        (WordSet::TheFallCue, "THE_FALL_CUE"),
        (WordSet::TheYearNext, "THE_YEAR_NEXT"),
        (WordSet::RecurrenceNext, "RECURRENCE_NEXT"),
        (WordSet::SoonRelative, "SOON_RELATIVE"),
        (WordSet::PastAux, "PAST_AUX"),
        (WordSet::SpanCue, "SPAN_CUE"),
        (WordSet::UnitFiller, "UNIT_FILLER"),
        (WordSet::MoreFiller, "MORE_FILLER"),
        (WordSet::RateBefore, "RATE_BEFORE"),
        (WordSet::SNotPlural, "S_NOT_PLURAL"),
        (WordSet::WeakTrigger, "WEAK_TRIGGER"),
        (WordSet::RuleWord, "RULE_WORD"),
        (WordSet::ReportBare, "REPORT_BARE"),
        (WordSet::NotReport, "NOT_REPORT"),
        (WordSet::AsAs, "AS_AS"),
        (WordSet::LeadSkip, "LEAD_SKIP"),
        (WordSet::SinceLead, "SINCE_LEAD"),
        (WordSet::DeadlineLead, "DEADLINE_LEAD"),
        (WordSet::PlainFuture, "PLAIN_FUTURE"),
        (WordSet::PassiveAdverb, "PASSIVE_ADVERB"),
        (WordSet::PassiveAux, "PASSIVE_AUX"),
        (WordSet::PeriodEnd, "PERIOD_END"),
        (WordSet::PeriodDeterminer, "PERIOD_DETERMINER"),
        (WordSet::ReportClause, "REPORT_CLAUSE"),
        (WordSet::AsideOpener, "ASIDE_OPENER"),
        (WordSet::ListJoin, "LIST_JOIN"),
        (WordSet::PresentBe, "PRESENT_BE"),
        (WordSet::PlanWord, "PLAN_WORD"),
        (WordSet::PlanLead, "PLAN_LEAD"),
        (WordSet::PlanPast, "PLAN_PAST"),
        (WordSet::FrontedLead, "FRONTED_LEAD"),
        (WordSet::ParticipleDeterminer, "PARTICIPLE_DETERMINER"),
        (WordSet::Abbreviation, "ABBREVIATION"),
    ];

    /// The set of this name in `grammar/word_sets.txt` ("DETERMINER").
    pub fn named(name: &str) -> Option<WordSet> {
        WordSet::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// Its name in `grammar/word_sets.txt`.
    pub fn name(self) -> &'static str {
        WordSet::ALL.iter().find(|(s, _)| *s == self).map_or("", |(_, n)| n)
    }

    fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

/// The words of `grammar/word_sets.txt`, each with the sets it is in.
#[derive(Debug)]
pub struct WordSets {
    words: HashMap<String, u64>,
    /// The words that pack into a key (letters and digits, at most 16 bytes:
    /// all but "year-ago" and its kin) with their sets. The rules ask about a
    /// word at almost every trigger; this spares them hashing a lower-cased copy.
    packed: KeyTable<u64>,
}

/// The key table of the packable words of `words`.
fn pack(words: &HashMap<String, u64>) -> KeyTable<u64> {
    KeyTable::new(
        words
            .iter()
            .filter(|(w, _)| packs(w))
            .filter_map(|(w, &b)| key(w.as_bytes()).map(|k| (k, b))),
    )
}

/// Is `w` a word the packed table can hold: 1 to 16 lower-case letters and digits?
fn packs(w: &str) -> bool {
    (1..=16).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The sets one word is in (see [`WordSets::sets`]): a reader that asks
/// about one word many times looks it up once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sets(u64);

impl Sets {
    /// Is the word in set `s`?
    pub fn has(self, s: WordSet) -> bool {
        self.0 & s.bit() != 0
    }
}

impl WordSets {
    /// Is `w` (lower case) in set `s`?
    pub fn has(&self, s: WordSet, w: &str) -> bool {
        self.sets(w).has(s)
    }

    /// The sets `w` (lower case) is in.
    pub fn sets(&self, w: &str) -> Sets {
        Sets(if packs(w) {
            key(w.as_bytes()).and_then(|k| self.packed.get(k)).unwrap_or(0)
        } else {
            self.words.get(w).copied().unwrap_or(0)
        })
    }

    /// The length of the word at the start of `text` (its letters and
    /// digits, in any case) when it is in set `s`.
    pub fn word_at(&self, s: WordSet, text: &str) -> Option<usize> {
        let n = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if n == 0 {
            return None;
        }
        // the key lower-cases as it packs
        let sets = match key(text.as_bytes()) {
            Some(k) => self.packed.get(k).unwrap_or(0),
            None => self.words.get(&text[..n].to_ascii_lowercase()).copied().unwrap_or(0),
        };
        (sets & s.bit() != 0).then_some(n)
    }

    /// Is the word at the start of `text` in set `s` (see [`WordSets::word_at`])?
    pub fn starts(&self, s: WordSet, text: &str) -> bool {
        self.word_at(s, text).is_some()
    }

    /// The same sets with set `s` emptied (a test of what `s` decides).
    pub fn without(&self, s: WordSet) -> WordSets {
        let words: HashMap<String, u64> = self.words.iter().map(|(w, &b)| (w.clone(), b & !s.bit())).collect();
        let packed = pack(&words);
        WordSets { words, packed }
    }

    /// The words of set `s`, in no order.
    pub fn words(&self, s: WordSet) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter(move |(_, b)| *b & s.bit() != 0)
            .map(|(w, _)| w.as_str())
    }
}

/// Read `grammar/word_sets.txt` (`file` is its name for errors): one word a
/// line, lower case, then its set; a set no line names is an error too.
pub fn load(file: &str, text: &str) -> Result<WordSets, LexiconError> {
    let mut words: HashMap<String, u64> = HashMap::new();
    let mut seen = 0u64;
    for (w, v, line) in parse_file(file, text)? {
        let Some((s, _)) = WordSet::ALL.iter().find(|(_, name)| *name == v) else {
            let names: Vec<&str> = WordSet::ALL.iter().map(|x| x.1).collect();
            return Err(LexiconError::at(
                file,
                line,
                format!("bad set {v:?}: one of {}", names.join(" ")),
            ));
        };
        if w.contains(' ') || w != w.to_lowercase() {
            return Err(LexiconError::at(
                file,
                line,
                format!("expected one lower-case word, found {w:?}"),
            ));
        }
        *words.entry(w).or_default() |= s.bit();
        seen |= s.bit();
    }
    if let Some((_, name)) = WordSet::ALL.iter().find(|(s, _)| seen & s.bit() == 0) {
        return Err(LexiconError::in_file(file, format!("no word of set {name}")));
    }
    let packed = pack(&words);
    Ok(WordSets { words, packed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_their_errors() {
        let all: String = WordSet::ALL.iter().map(|(_, n)| format!("w | {n}\n")).collect();
        let ok = load("s.txt", &format!("# FORMAT: word | SET\nin | YEAR_CUE\n{all}")).expect("loads");
        assert!(ok.has(WordSet::YearCue, "in") && ok.has(WordSet::Modal, "w"));
        assert!(!ok.has(WordSet::Modal, "in"));
        // the packed table and the map agree, in any case of the text
        assert_eq!(ok.word_at(WordSet::YearCue, "In 1066"), Some(2));
        assert_eq!(ok.word_at(WordSet::YearCue, "inn"), None);
        assert!(!ok.has(WordSet::YearCue, "IN"));
        let bad = load("s.txt", &format!("# FORMAT: word | SET\n{all}in | YEAR\n")).expect_err("bad set");
        assert!(
            bad.to_string()
                .starts_with(&format!("s.txt:{}:", WordSet::ALL.len() + 2)),
            "{bad}"
        );
        let two = load("s.txt", &format!("# FORMAT: word | SET\n{all}in the | YEAR_CUE\n")).expect_err("two words");
        assert!(two.to_string().contains("one lower-case word"), "{two}");
        let missing = load("s.txt", "# FORMAT: word | SET\nin | YEAR_CUE\n").expect_err("sets missing");
        assert!(missing.to_string().contains("no word of set"), "{missing}");
    }
}
