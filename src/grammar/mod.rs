//! The temporal grammar: lexicons loaded from `grammar/`, the shared number
//! combinator and small nom parsers, and [`Expr`], the printable meaning of an
//! expression before it is resolved against an anchor.
//!
//! ```
//! use chronology::grammar::{number, Amount};
//! let (rest, n) = number("twenty-four hours").map_err(|e| e.to_string())?;
//! assert_eq!((rest, n), (" hours", Amount::exact(24)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ```text
//! number  := digits[,ddd]* | unit-word | tens-word [-| ] unit-word | number hundred [and] number
//!          | "a" | "an" | "a dozen" | "a couple (of)" | vague ("a few", "several", "some")
//! ordinal := 1st | 2nd | 3rd | 4th… | first … twentieth
//! ```

pub mod lexicon;
mod not_years;
mod word_sets;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::Weekday;
use nom::error::{Error, ErrorKind};
use nom::IResult;

use crate::timex::TimexMod;
use lexicon::{load, match_phrase, Lexicon, LexiconError};
pub use not_years::{NotYear, NotYears};
pub use word_sets::{Sets, WordSet, WordSets};

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// second
    Second,
    /// minute
    Minute,
    /// hour
    Hour,
    /// day
    Day,
    /// week
    Week,
    /// weekend
    Weekend,
    /// two weeks
    Fortnight,
    /// month
    Month,
    /// three months
    Quarter,
    /// year
    Year,
    /// ten years
    Decade,
    /// a hundred years
    Century,
}

/// A season (northern hemisphere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// March–May
    Spring,
    /// June–August
    Summer,
    /// September–November
    Fall,
    /// December–February
    Winter,
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// MO
    Morning,
    /// AF
    Afternoon,
    /// EV
    Evening,
    /// NI
    Night,
}

/// A holiday's rule: a fixed day, or the nth weekday of a month (n = 5: the last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// Month, day.
    Fixed(u32, u32),
    /// Month, nth (1-4, 5 = last), weekday.
    NthWeekday(u32, u32, Weekday),
}

/// What a nearest-match operator looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A weekday.
    Weekday(Weekday),
    /// A month.
    Month(u32),
    /// A month and day.
    MonthDay(u32, u32),
    /// A season.
    Season(Season),
    /// A quarter 1-4.
    Quarter(u32),
    /// A half 1-2.
    Half(u32),
    /// A holiday.
    Holiday(Holiday),
}

/// Direction of a nearest-match operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    /// The most recent one before the anchor ("last October").
    Last,
    /// The next one after the anchor ("next Friday").
    Next,
    /// The one in the anchor's current period ("this month", "this Friday").
    This,
    /// Decided by the tense of the clause ("in May", "on Tuesday").
    Tense,
}

/// What a shift counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The publication date ("ago", "from now").
    Anchor,
    /// The date mentioned before ("later", "earlier", "the previous year").
    Reference,
    /// A company report's comparison period ("the year-ago quarter", "year-earlier
    /// results"): the period under report a year back, where that period is the
    /// date mentioned before when it lies in the anchor's year; `quarter` when the
    /// noun names a quarter.
    Comparison {
        /// "the year-ago quarter": a quarter whatever the date mentioned before.
        quarter: bool,
    },
}

/// What a tense cue word says of its clause (grammar/tense.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TenseCue {
    /// A past form: "was", "held".
    Past,
    /// A future marker: "will", "scheduled", "plans to".
    Future,
    /// A plan or intention ("planned"): made before, its event on either side.
    Either,
    /// A reporting verb ("said"): says when it was reported; the scan skips it.
    Skip,
}

/// A vague reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// PRESENT_REF
    Present,
    /// PAST_REF
    Past,
    /// FUTURE_REF
    Future,
}

/// An amount: exact, exact plus a half, or vague ("several").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The whole part; `None` when vague.
    pub n: Option<u64>,
    /// "and a half", "1/2".
    pub half: bool,
}

impl Amount {
    /// An exact whole amount.
    pub fn exact(n: u64) -> Amount {
        Amount {
            n: Some(n),
            half: false,
        }
    }
    /// A vague amount ("several", "a few").
    pub fn vague() -> Amount {
        Amount { n: None, half: false }
    }
}

/// The meaning of a temporal expression before it is resolved against an anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A date with its year stated: `2022`, `February 2022`, `February 4, 2025`.
    Date {
        /// The year.
        year: i32,
        /// The month, when stated.
        month: Option<u32>,
        /// The day, when stated.
        day: Option<u32>,
    },
    /// A decade by its first three digits: `the 1990s` = 199.
    Decade(i32),
    /// A century by its first two digits: `the 19th century` = 18.
    Century(i32),
    /// The nearest target in a direction from the anchor: `last October`, `in May`, `Feb. 4`.
    Nearest {
        /// What to look for.
        target: Target,
        /// Which way.
        dir: Dir,
    },
    /// A target inside the year another expression names: `June of the previous year`,
    /// `the third quarter of 2024`, `September last year`.
    In {
        /// What to look for.
        target: Target,
        /// An expression naming a year.
        year: Box<Expr>,
    },
    /// The anchor's period of a unit, shifted: `last week` (-1), `this month` (0), `tomorrow` (Day, +1).
    RelUnit {
        /// The unit.
        unit: Unit,
        /// How many periods from the current one.
        offset: i32,
    },
    /// An amount of units before or after an origin: `1 day ago`, `three years later`.
    Shift {
        /// How many.
        amount: Amount,
        /// Of what.
        unit: Unit,
        /// -1 before, +1 after.
        sign: i32,
        /// From the anchor or from the previous date.
        origin: Origin,
    },
    /// A clock time, on a day when one is given: `3 p.m.`, `15:30 GMT`, `10 a.m. Wednesday`.
    Time {
        /// The day (None: the anchor's day).
        day: Option<Box<Expr>>,
        /// Hour 0-24.
        hour: u32,
        /// Minute 0-59.
        minute: u32,
        /// Time zone abbreviation as written, upper-cased.
        zone: Option<String>,
    },
    /// A part of a day: `Sunday night`, `this morning`.
    Part {
        /// The day (None: the anchor's day).
        day: Option<Box<Expr>>,
        /// Which part.
        part: DayPart,
    },
    /// An amount of time: `five months`, `three-year-old`.
    Duration {
        /// How many.
        amount: Amount,
        /// Of what.
        unit: Unit,
    },
    /// `now`, `recently`, `soon`.
    Ref(RefKind),
    /// A recurrence every `n` units (`weekly`, `each year`), or on a weekday (`every Monday`).
    Set {
        /// The unit.
        unit: Unit,
        /// The weekday, for `every Monday`.
        weekday: Option<Weekday>,
    },
    /// Two endpoints (`February 4-5`, `from March to May`); each is reported as its own mention.
    Range {
        /// The first endpoint.
        first: Box<Expr>,
        /// Its byte span, relative to the mention start.
        first_span: (usize, usize),
        /// The second endpoint.
        second: Box<Expr>,
        /// Its byte span, relative to the mention start.
        second_span: (usize, usize),
    },
    /// The period under discussion again, in another year: `the same period last
    /// year`, `the corresponding quarter of 1988`.
    Again {
        /// The size named ("quarter"); `None` ("period") for the size of the date
        /// mentioned before, a range included.
        size: Option<Unit>,
        /// Which year.
        year: AgainYear,
    },
    /// The `n`th day or week of a period (`n` = -1: the last): `the first day of
    /// March`, `the last week of 2024`; with no period, of the range mentioned
    /// before (`the second day` of "talks on February 4-5").
    Nth {
        /// 1 the first, 2 the second …, -1 the last.
        n: i32,
        /// Day or week.
        unit: Unit,
        /// The period counted in.
        of: Option<Box<Expr>>,
    },
    /// A modifier on an expression: `nearly three years`, `early March`.
    Mod {
        /// The TIMEX3 mod.
        modifier: TimexMod,
        /// What it modifies.
        inner: Box<Expr>,
    },
}

/// The year of an [`Expr::Again`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgainYear {
    /// So many years before the period under discussion ("last year", "a year earlier").
    Back(u32),
    /// This year ("of 1988").
    In(i32),
}

/// A number word's role in the combinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumWord {
    /// 0-19.
    Unit(u64),
    /// 20, 30, … 90.
    Tens(u64),
    /// hundred, thousand.
    Mult(u64),
    /// A fixed phrase ("a dozen").
    Phrase(u64),
    /// A vague amount ("several").
    Vague,
}

/// Every word list of the grammar.
#[derive(Debug)]
pub struct Lexicons {
    /// Month names.
    pub months: Lexicon<u32>,
    /// Weekday names.
    pub weekdays: Lexicon<Weekday>,
    /// Units.
    pub units: Lexicon<Unit>,
    /// Number words.
    pub numbers: Lexicon<NumWord>,
    /// Ordinal words.
    pub ordinals: Lexicon<u32>,
    /// Seasons.
    pub seasons: Lexicon<Season>,
    /// Parts of day.
    pub parts: Lexicon<DayPart>,
    /// Holidays.
    pub holidays: Lexicon<Holiday>,
    /// Amount modifiers.
    pub modifiers: Lexicon<TimexMod>,
    /// Position modifiers (early, mid, late).
    pub positions: Lexicon<TimexMod>,
    /// Decades by word ("nineties"): the first three digits of their years.
    pub decades: Lexicon<i32>,
    /// Vague references.
    pub references: Lexicon<RefKind>,
    /// Relative days: offset and part of day.
    pub relative_days: Lexicon<(i32, Option<DayPart>)>,
    /// Tense cues.
    pub tense: Lexicon<TenseCue>,
    /// Relative words: last -1, this 0, next +1.
    pub relatives: Lexicon<i32>,
    /// Shift words after an amount: sign and origin.
    pub shifts: Lexicon<(i32, Origin)>,
    /// Recurrence adverbs.
    pub sets: Lexicon<Unit>,
    /// Words after "the" relative to the previous date: previous -1, same 0, following +1.
    pub anchor_refs: Lexicon<i32>,
    /// Nouns for things that last ("three-year-old war").
    pub events: Lexicon<()>,
    /// Comparison nouns after "the" ("same period"): the size named, `None` for
    /// the size of the date mentioned before.
    pub comparisons: Lexicon<Option<Unit>>,
    /// How a comparison names its year ("last year", "a year earlier"): years back.
    pub years_back: Lexicon<u32>,
    /// Time-zone abbreviations.
    pub zones: Lexicon<chrono_tz::Tz>,
    /// Words that make a number next to them a count or a clock time.
    pub not_years: NotYears,
    /// The small named sets of words the rules ask about.
    pub word_sets: WordSets,
    /// Strings that must not be tagged.
    pub negative: Vec<String>,
}

fn weekday_of(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

fn parse_mod(v: &str) -> Option<TimexMod> {
    Some(match v {
        "LESS_THAN" => TimexMod::LessThan,
        "MORE_THAN" => TimexMod::MoreThan,
        "EQUAL_OR_LESS" => TimexMod::EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod::EqualOrMore,
        "APPROX" => TimexMod::Approx,
        "START" => TimexMod::Start,
        "MID" => TimexMod::Mid,
        "END" => TimexMod::End,
        _ => return None,
    })
}

fn parse_part(v: &str) -> Option<DayPart> {
    Some(match v {
        "MO" => DayPart::Morning,
        "AF" => DayPart::Afternoon,
        "EV" => DayPart::Evening,
        "NI" => DayPart::Night,
        _ => return None,
    })
}

fn parse_holiday(v: &str) -> Option<Holiday> {
    let p: Vec<u32> = v.split('-').map(|x| x.parse().ok()).collect::<Option<_>>()?;
    match p[..] {
        [m, d] if (1..=12).contains(&m) && (1..=31).contains(&d) => Some(Holiday::Fixed(m, d)),
        [m, n, w] if (1..=12).contains(&m) && (1..=5).contains(&n) => Some(Holiday::NthWeekday(m, n, weekday_of(w)?)),
        _ => None,
    }
}

fn parse_unit(v: &str) -> Option<Unit> {
    Some(match v {
        "S" => Unit::Second,
        "MIN" => Unit::Minute,
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "W" => Unit::Week,
        "WE" => Unit::Weekend,
        "FN" => Unit::Fortnight,
        "M" => Unit::Month,
        "Q" => Unit::Quarter,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        _ => return None,
    })
}

fn parse_number_word(v: &str) -> Option<NumWord> {
    let (n, k) = v.split_once(' ')?;
    let n: u64 = n.parse().ok()?;
    Some(match k {
        "U" => NumWord::Unit(n),
        "T" => NumWord::Tens(n),
        "M" => NumWord::Mult(n),
        "Q" => NumWord::Phrase(n),
        "V" => NumWord::Vague,
        _ => return None,
    })
}

fn parse_season(v: &str) -> Option<Season> {
    Some(match v {
        "SP" => Season::Spring,
        "SU" => Season::Summer,
        "FA" => Season::Fall,
        "WI" => Season::Winter,
        _ => return None,
    })
}

fn parse_reference(v: &str) -> Option<RefKind> {
    Some(match v {
        "PRESENT_REF" => RefKind::Present,
        "PAST_REF" => RefKind::Past,
        "FUTURE_REF" => RefKind::Future,
        _ => return None,
    })
}

fn parse_relative_day(v: &str) -> Option<(i32, Option<DayPart>)> {
    let mut it = v.split_whitespace();
    let n: i32 = it.next()?.parse().ok()?;
    let part = match it.next() {
        Some(p) => Some(parse_part(p)?),
        None => None,
    };
    Some((n, part))
}

fn parse_tense(v: &str) -> Option<TenseCue> {
    match v {
        "PAST" => Some(TenseCue::Past),
        "FUTURE" => Some(TenseCue::Future),
        "EITHER" => Some(TenseCue::Either),
        "NONE" => Some(TenseCue::Skip),
        _ => None,
    }
}

fn parse_sign(v: &str) -> Option<i32> {
    v.parse().ok().filter(|n: &i32| n.abs() <= 1)
}

fn parse_shift(v: &str) -> Option<(i32, Origin)> {
    let (n, o) = v.split_once(' ')?;
    let n: i32 = n.parse().ok().filter(|n: &i32| n.abs() == 1)?;
    Some((
        n,
        match o {
            "A" => Origin::Anchor,
            "R" => Origin::Reference,
            _ => return None,
        },
    ))
}

fn parse_set_unit(v: &str) -> Option<Unit> {
    Some(match v {
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "W" => Unit::Week,
        "M" => Unit::Month,
        "Q" => Unit::Quarter,
        "Y" => Unit::Year,
        _ => return None,
    })
}

fn parse_comparison(v: &str) -> Option<Option<Unit>> {
    match v {
        "PERIOD" => Some(None),
        "D" => Some(Some(Unit::Day)),
        "W" => Some(Some(Unit::Week)),
        "M" => Some(Some(Unit::Month)),
        "Q" => Some(Some(Unit::Quarter)),
        _ => None,
    }
}

macro_rules! grammar_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../grammar/", $name)))
    };
}

/// Load one `surface | value` file of the grammar with its value parser.
macro_rules! load_file {
    ($name:literal, $expected:literal, $parse:expr) => {{
        let (f, t) = grammar_file!($name);
        load(f, t, $expected, $parse)?
    }};
}

/// The strings of `grammar/negative.txt`, one a line.
fn load_negative() -> Result<Vec<String>, LexiconError> {
    let (f, t) = grammar_file!("negative.txt");
    let mut negative = Vec::new();
    let mut has_format = false;
    for line in t.lines() {
        let l = line.trim();
        if l.starts_with('#') {
            has_format |= l.contains("FORMAT:");
        } else if !l.is_empty() {
            negative.push(l.to_string());
        }
    }
    if !has_format {
        return Err(LexiconError::no_format(f));
    }
    Ok(negative)
}

/// Load every grammar file; an error names the file and line.
pub fn load_all() -> Result<Lexicons, LexiconError> {
    Ok(Lexicons {
        months: load_file!("months.txt", "a month number 1-12", |v| {
            v.parse().ok().filter(|m| (1..=12).contains(m))
        }),
        weekdays: load_file!("weekdays.txt", "a weekday number 1-7", |v| weekday_of(v.parse().ok()?)),
        units: load_file!("units.txt", "one of S MIN H D W WE FN M Q Y DE CE", parse_unit),
        numbers: load_file!("numbers.txt", "a number and a kind (U T M Q V)", parse_number_word),
        ordinals: load_file!("ordinals.txt", "a number 1-31", |v| {
            v.parse().ok().filter(|n| (1..=31).contains(n))
        }),
        seasons: load_file!("seasons.txt", "SP, SU, FA or WI", parse_season),
        parts: load_file!("parts_of_day.txt", "MO, AF, EV or NI", parse_part),
        holidays: load_file!("holidays.txt", "MM-DD or MM-n-weekday", parse_holiday),
        modifiers: load_file!("modifiers.txt", "a TIMEX3 mod", parse_mod),
        positions: load_file!("positions.txt", "START, MID or END", parse_mod),
        decades: load_file!("decades.txt", "the first three digits of a year", |v| {
            v.parse().ok().filter(|d: &i32| (100..=299).contains(d))
        }),
        references: load_file!("references.txt", "PRESENT_REF, PAST_REF or FUTURE_REF", parse_reference),
        relative_days: load_file!(
            "relative_days.txt",
            "a day offset and an optional part of day",
            parse_relative_day
        ),
        tense: load_file!("tense.txt", "PAST, FUTURE, EITHER or NONE", parse_tense),
        relatives: load_file!("relatives.txt", "-1, 0 or 1", parse_sign),
        shifts: load_file!("shifts.txt", "a sign and A or R", parse_shift),
        sets: load_file!("sets.txt", "one of H D W M Q Y", parse_set_unit),
        anchor_refs: load_file!("anchor_refs.txt", "-1, 0 or 1", parse_sign),
        zones: load_file!("zones.txt", "an IANA zone name", |v| v.parse::<chrono_tz::Tz>().ok()),
        events: load_file!("events.txt", "-", |v| (v == "-").then_some(())),
        comparisons: load_file!("comparisons.txt", "PERIOD or one of D W M Q", parse_comparison),
        years_back: load_file!("years_back.txt", "a number of years 1-9", |v| {
            v.parse().ok().filter(|n: &u32| (1..=9).contains(n))
        }),
        not_years: {
            let (f, t) = grammar_file!("not_years.txt");
            not_years::load(f, t)?
        },
        word_sets: {
            let (f, t) = grammar_file!("word_sets.txt");
            word_sets::load(f, t)?
        },
        negative: load_negative()?,
    })
}

/// Check the one-word-a-line files (`deadline_words.txt`, `ahead_words.txt`):
/// a line with a space in it is an error naming the file and line.
fn check_word_sets() -> Result<(), LexiconError> {
    for (f, t) in [DEADLINE_WORDS, AHEAD_WORDS] {
        for (n, line) in t.lines().enumerate() {
            let l = line.trim();
            if !l.starts_with('#') && l.contains(char::is_whitespace) {
                return Err(LexiconError::at(f, n + 1, format!("expected one word, found {line:?}")));
            }
        }
    }
    Ok(())
}

/// Load and check every grammar file this stage reads (the word lists, the
/// negative list, the word sets), once: a program calls this at start to fail
/// with `file:line` before reading any text. With a broken file, [`lexicons`]
/// gives the same error, and the taggers find nothing.
pub fn check() -> Result<&'static Lexicons, &'static LexiconError> {
    static WORD_SETS: OnceLock<Result<(), LexiconError>> = OnceLock::new();
    if let Err(e) = WORD_SETS.get_or_init(check_word_sets) {
        return Err(e);
    }
    lexicons()
}

/// `grammar/deadline_words.txt`: one word a line.
const DEADLINE_WORDS: (&str, &str) = grammar_file!("deadline_words.txt");
/// `grammar/ahead_words.txt`: one word a line.
const AHEAD_WORDS: (&str, &str) = grammar_file!("ahead_words.txt");

/// Is `w` (in any case) among the words of a one-word-a-line grammar file
/// (comment lines skipped), read once into `cell`?
fn in_word_set(cell: &'static OnceLock<BTreeSet<String>>, text: &'static str, w: &str) -> bool {
    let set = cell.get_or_init(|| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    });
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        set.contains(&w.to_ascii_lowercase())
    } else {
        set.contains(w)
    }
}

/// Is `w` one of `grammar/deadline_words.txt` ("due", "deadline", "until"): a word
/// that makes a date next to it a deadline or a limit rather than a reported event?
pub fn deadline_word(w: &str) -> bool {
    static W: OnceLock<BTreeSet<String>> = OnceLock::new();
    in_word_set(&W, DEADLINE_WORDS.1, w)
}

/// Is `w` one of `grammar/ahead_words.txt` ("predicted", "upcoming"): an adjective
/// that puts the date after it ahead of the anchor?
pub fn ahead_word(w: &str) -> bool {
    static W: OnceLock<BTreeSet<String>> = OnceLock::new();
    in_word_set(&W, AHEAD_WORDS.1, w)
}

/// Is this a time-zone abbreviation the grammar knows (grammar/zones.txt)?
pub fn zone_known(z: &str) -> bool {
    lexicons().is_ok_and(|l| l.zones.longest(z).is_some_and(|(n, _)| n == z.len()))
}

static LEXICONS: OnceLock<Result<Lexicons, LexiconError>> = OnceLock::new();

/// The grammar's word lists, loaded on first use.
pub fn lexicons() -> Result<&'static Lexicons, &'static LexiconError> {
    LEXICONS.get_or_init(load_all).as_ref()
}

// ---------------------------------------------------------------------------
// Small parsers shared by the rules. Input is the text from the current
// position; every parser returns the rest.

/// The nom result type of the grammar.
pub type PResult<'a, O> = IResult<&'a str, O, Error<&'a str>>;

/// A failure at `i` (nothing matched).
pub fn fail<O>(i: &str) -> PResult<'_, O> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

/// The lexicons, or a parse failure when they cannot be loaded.
pub fn lex(i: &str) -> PResult<'_, &'static Lexicons> {
    match lexicons() {
        Ok(l) => Ok((i, l)),
        Err(_) => fail(i),
    }
}

/// True for the bytes that make up a word (ASCII letters and digits): one
/// table lookup, as the scanners call it on every byte of the text.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

// one or more spaces (newlines included)
/// One or more whitespace characters.
pub fn ws(i: &str) -> PResult<'_, ()> {
    let n = i
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
        .count();
    if n == 0 {
        return fail(i);
    }
    Ok((&i[n..], ()))
}

/// Optional whitespace.
pub fn ows(i: &str) -> &str {
    i.trim_start_matches([' ', '\n', '\t', '\r'])
}

/// A fixed word or phrase (lower case, single spaces), case-insensitive, ending at a word boundary.
pub fn word<'a>(w: &'static str) -> impl Fn(&'a str) -> PResult<'a, ()> {
    move |i: &'a str| match match_phrase(i, w) {
        Some(n) => Ok((&i[n..], ())),
        None => fail(i),
    }
}

/// A word from a lexicon, longest first.
pub fn from<'a, T: Clone>(l: &'static Lexicon<T>) -> impl Fn(&'a str) -> PResult<'a, T> {
    move |i: &'a str| match l.longest(i) {
        Some((n, v)) => Ok((&i[n..], v.clone())),
        None => fail(i),
    }
}

// dd (1-3 digits of a bounded value), not followed by another digit
/// Up to `max_len` digits as a number in `lo..=hi`, not followed by a digit.
pub fn digits_in(i: &str, max_len: usize, lo: u64, hi: u64) -> PResult<'_, u64> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max_len {
        return fail(i);
    }
    let v: u64 = match i[..n].parse() {
        Ok(v) => v,
        Err(_) => return fail(i),
    };
    if v < lo || v > hi {
        return fail(i);
    }
    Ok((&i[n..], v))
}

// 1st, 2nd, 3rd, 4th … 31st; or first … thirty-first (lexicon)
/// A day-of-month number with an optional ordinal suffix: `4`, `4th`, `21st`.
pub fn day_number(i: &str) -> PResult<'_, u32> {
    let (r, d) = digits_in(i, 2, 1, 31)?;
    let r = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| match_phrase(r, s).map(|n| &r[n..]))
        .unwrap_or(r);
    if r.as_bytes().first().is_some_and(|&b| is_word_byte(b)) {
        return fail(i);
    }
    Ok((r, d as u32))
}

/// The years a text writes as a year and the tagger reads as one ("in 1066",
/// "2025-02-04", "the year two thousand ten"). Not the same range as the
/// years a TIMEX3 value can hold ([`crate::timex::YEARS`], 0..=9999: what a
/// resolution may land on) nor the years searched for a publication date
/// (`anchor::days::OPEN_YEARS`): outside it a four-digit number is more
/// often a count, an amount or a code than a year.
pub const WRITTEN_YEARS: std::ops::RangeInclusive<u64> = 1000..=2199;

// yyyy (WRITTEN_YEARS)
/// A four-digit year in [`WRITTEN_YEARS`], standing alone as a word.
pub fn year4(i: &str) -> PResult<'_, i32> {
    let (r, y) = digits_in(i, 4, *WRITTEN_YEARS.start(), *WRITTEN_YEARS.end())?;
    if i.len() - r.len() != 4 || r.as_bytes().first().is_some_and(|&b| is_word_byte(b)) {
        return fail(i);
    }
    Ok((r, y as i32))
}

// an ordinal: 1st … 31st, first … twentieth
/// An ordinal number in digits or words.
pub fn ordinal(i: &str) -> PResult<'_, u32> {
    if i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let (r, n) = digits_in(i, 2, 1, 99)?;
        for s in ["st", "nd", "rd", "th"] {
            if let Some(k) = match_phrase(r, s) {
                return Ok((&r[k..], n as u32));
            }
        }
        return fail(i);
    }
    let (i, l) = lex(i)?;
    from(&l.ordinals)(i)
}

/// The largest amount of time the grammar reads ("100,000 years"); larger
/// amounts are not tagged (and are reported as out of range).
pub const MAX_AMOUNT: u64 = 100_000;

/// The most digits a number is read with (before its `,ddd` groups): nine,
/// so that any value fits and a longer run is a code, not an amount (a
/// longer one is reported by `tag::out_of_range`).
pub const MAX_NUMBER_DIGITS: usize = 9;

/// The one number combinator every rule shares: digits (with `,ddd` groups and
/// an optional ` 1/2`), number words with compounds and multipliers, `a`/`an`,
/// fixed phrases (`a dozen`, `a couple of`) and vague amounts (`several`).
pub fn number(i: &str) -> PResult<'_, Amount> {
    let b = i.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if n > MAX_NUMBER_DIGITS {
            return fail(i);
        }
        let mut v: u64 = match i[..n].parse() {
            Ok(v) => v,
            Err(_) => return fail(i),
        };
        let mut r = &i[n..];
        // 4,300: thousands groups
        while r.len() >= 4 && r.as_bytes()[0] == b',' && r.as_bytes()[1..4].iter().all(u8::is_ascii_digit) {
            if r.as_bytes().get(4).is_some_and(u8::is_ascii_digit) || v > 1_000_000 {
                return fail(i);
            }
            v = v * 1000 + r[1..4].parse::<u64>().unwrap_or(0);
            r = &r[4..];
        }
        if r.as_bytes().first().is_some_and(|&c| is_word_byte(c))
            || (r.len() > 1 && matches!(r.as_bytes()[0], b'.' | b',') && r.as_bytes()[1].is_ascii_digit())
        {
            return fail(i);
        }
        // 2 1/2
        if let Some(rest) = r.strip_prefix(" 1/2") {
            if !rest.as_bytes().first().is_some_and(|&c| is_word_byte(c)) {
                return Ok((rest, Amount { n: Some(v), half: true }));
            }
        }
        return Ok((r, Amount::exact(v)));
    }
    let (_, l) = lex(i)?;
    if let Some((k, w)) = l.numbers.longest(i) {
        let r = &i[k..];
        match *w {
            NumWord::Phrase(n) => return Ok((r, Amount::exact(n))),
            NumWord::Vague => return Ok((r, Amount::vague())),
            NumWord::Mult(m) => return Ok((r, Amount::exact(m))),
            NumWord::Unit(u) => return Ok(number_tail(l, r, u)),
            NumWord::Tens(t) => {
                // twenty-four, twenty four
                let after = r.strip_prefix('-').or_else(|| ws(r).ok().map(|x| x.0));
                if let Some(a) = after {
                    if let Some((k2, NumWord::Unit(u))) = l.numbers.longest(a) {
                        if (1..=9).contains(u) {
                            return Ok(number_tail(l, &a[k2..], t + u));
                        }
                    }
                }
                return Ok(number_tail(l, r, t));
            }
        }
    }
    // a / an: one
    for a in ["an", "a"] {
        if let Some(k) = match_phrase(i, a) {
            let r = &i[k..];
            // "a hundred"
            if let Ok((r2, _)) = ws(r) {
                if let Some((k2, NumWord::Mult(m))) = l.numbers.longest(r2) {
                    return Ok((&r2[k2..], Amount::exact(*m)));
                }
            }
            return Ok((r, Amount::exact(1)));
        }
    }
    fail(i)
}

// <n> hundred|thousand [and] <n>; <n> and a half
fn number_tail<'a>(l: &Lexicons, r: &'a str, v: u64) -> (&'a str, Amount) {
    let mut v = v;
    let mut r = r;
    if let Ok((r2, _)) = ws(r) {
        if let Some((k, NumWord::Mult(m))) = l.numbers.longest(r2) {
            v = v.saturating_mul(*m);
            r = &r2[k..];
        }
    }
    if let Some(k) = match_phrase(r, " and a half") {
        return (&r[k..], Amount { n: Some(v), half: true });
    }
    (r, Amount::exact(v))
}

/// The lines of a data file that are data: numbered from 1 (for errors
/// naming the line), trimmed, with blank and `#` comment lines left out.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(&str, Amount)> {
        number(s).ok()
    }

    #[test]
    fn check_loads_every_file() {
        let l = check().expect("grammar files load");
        assert!(std::ptr::eq(l, lexicons().expect("loaded")));
        assert!(deadline_word("due") && ahead_word("upcoming"));
    }

    #[test]
    fn lexicons_load() {
        let l = lexicons().expect("grammar files load");
        assert_eq!(l.months.longest("Sept. 4").map(|x| x.0), Some(5));
        assert!(!l.negative.is_empty());
    }

    #[test]
    fn number_digits_and_words() {
        assert_eq!(num("3 days"), Some((" days", Amount::exact(3))));
        assert_eq!(num("4,300 km"), Some((" km", Amount::exact(4300))));
        assert_eq!(num("three years"), Some((" years", Amount::exact(3))));
        assert_eq!(num("twenty four hours"), Some((" hours", Amount::exact(24))));
        assert_eq!(num("Twenty-four hours"), Some((" hours", Amount::exact(24))));
        assert_eq!(num("one hundred days"), Some((" days", Amount::exact(100))));
        assert_eq!(num("a dozen years"), Some((" years", Amount::exact(12))));
        assert_eq!(num("a couple of weeks"), Some((" weeks", Amount::exact(2))));
        assert_eq!(num("a year"), Some((" year", Amount::exact(1))));
        assert_eq!(num("an hour"), Some((" hour", Amount::exact(1))));
        assert_eq!(num("several days"), Some((" days", Amount::vague())));
        assert_eq!(num("2 1/2 years"), Some((" years", Amount { n: Some(2), half: true })));
        assert_eq!(
            num("two and a half years"),
            Some((" years", Amount { n: Some(2), half: true }))
        );
    }

    #[test]
    fn number_rejects() {
        assert_eq!(num("3rd"), None);
        assert_eq!(num("2.5 years"), None);
        assert_eq!(num("99999999999999999999 days"), None);
        assert_eq!(num("threefold"), None);
        assert_eq!(num("another"), None);
        assert_eq!(num("x"), None);
    }

    #[test]
    fn day_and_year_boundaries() {
        assert_eq!(day_number("31st").map(|x| x.1), Ok(31));
        assert_eq!(day_number("1").map(|x| x.1), Ok(1));
        assert!(day_number("32").is_err());
        assert!(day_number("00").is_err());
        assert!(day_number("4x").is_err());
        assert_eq!(year4("2025,").map(|x| x.1), Ok(2025));
        assert!(year4("0999").is_err());
        assert!(year4("20255").is_err());
        assert!(year4("2200").is_err());
        assert_eq!(ordinal("19th").map(|x| x.1), Ok(19));
        assert_eq!(ordinal("third").map(|x| x.1), Ok(3));
        assert!(ordinal("19").is_err());
    }
}
