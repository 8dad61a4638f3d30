//! Page furniture: the parts of a scraped page that are not the article
//! (bylines, "More from", related headlines, ads, reading time, page stamps,
//! copyright lines). Dates in furniture are not events of the article.
//!
//! Detection is line-based, one pass over each line's words. The words are
//! data, in `grammar/furniture.txt`: those that open furniture lines, and
//! those of the shapes parsed here with nom (each name a kind of the file):
//!
//! ```text
//! page-stamp   := stamp-verb [":"] (digits | stamp-one) age-unit stamp-ago
//! reading-time := digits reading-unit reading-read
//! copyright    := (copyright-mark | copyright-word) [copyright-mark] year ["-" year]
//! ```
//!
//! The clock words that make a comment's stamp ("am", "pm") are the
//! `MERIDIEM` words of `grammar/not_years.txt`.

use std::ops::Range;
use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{map_res, opt};
use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};

use crate::grammar::lexicon::LexiconError;
use crate::ingest::Document;

/// The oldest page a relative stamp is believed for (a century: no news page
/// is older; `absurd_stamp_numbers_do_not_overflow` pins it).
const MAX_STAMP_DAYS: i64 = 36_525;

/// A line of at most this many words is furniture with an `anywhere` phrase
/// in it ("All rights reserved"); a longer one is prose about it.
const ANYWHERE_MAX_WORDS: usize = 14;

/// A byline ("By Jane Doe, Reuters") has at most this many words.
const BYLINE_MAX_WORDS: usize = 8;

/// A line opened by a `related` or `chrome` phrase is furniture when it has at
/// most this many words ("More from Author"; "Related to the talks, officials
/// said ..." is prose).
const OPENER_MAX_WORDS: usize = 7;

/// Running prose has at least this many words (and sentence punctuation): it
/// ends a related block.
const PROSE_MIN_WORDS: usize = 25;

/// A line of at most this many words with a page stamp in it is all
/// furniture; in a longer one (a page flattened to one line) only the stamp is.
const SHORT_LINE_WORDS: usize = 12;

/// The same for a copyright notice ("© 2024 Latin Times. All rights reserved. ...").
const COPYRIGHT_LINE_WORDS: usize = 30;

/// The same for a reading time ("3 min read · Business").
const READING_LINE_WORDS: usize = 8;

/// A short line in a related block of at most this many words may be a name
/// (an author box lists its author), whose bio may follow.
const NAME_MAX_WORDS: usize = 4;

/// How many first words of a prose line are searched for the `bio` phrase.
const BIO_HEAD_WORDS: usize = 12;

/// How far after a date a `stamp-after` phrase may start, in bytes.
const AFTER_REACH: usize = 40;

/// How many words may stand between a `stamp-before` phrase and its date (a
/// clock time and a weekday: "updated at 16:51 GMT, Monday, 14 June 2010").
const BEFORE_GAP_WORDS: usize = 6;

/// The same for a `stamp-print` note, which names page, section and paper
/// ("appeared on p1 of the Main section of the Guardian on 01.22 BST on Saturday").
const PRINT_GAP_WORDS: usize = 16;

/// How many words (a name) may stand between a date and a `stamp-after` phrase.
const AFTER_GAP_WORDS: usize = 4;

/// How far before a `comment-stamp` phrase its clock time or year is looked
/// for, in bytes ("At 00:36 am on 29 May 2009 , cynic555 wrote :").
const COMMENT_REACH: usize = 80;

/// The digits of a year in a comment's stamp and a copyright notice.
const YEAR_DIGITS: usize = 4;

/// What kind of furniture a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// Byline, author box.
    Byline,
    /// "More from", "You may also like", "Trending", lists of related headlines.
    Related,
    /// Advertisements, "Loading...", "Log In", comment counters.
    Chrome,
    /// "3 minute read".
    ReadingTime,
    /// "Published 1 day ago", "Updated 2 hours ago".
    PageStamp,
    /// "© 2024 …".
    Copyright,
    /// Readers' comments ("At 00:36 am on 29 May 2009 , reader wrote : …"),
    /// from the first one to the end of the line.
    Comments,
    /// A teaser of another post ("… FULL POST"): from the end of the
    /// previous teaser or the start of its paragraph to the marker.
    Teaser,
}

/// One span of furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: FurnitureKind,
}

/// A relative page stamp ("Published 1 day ago"): usable with a retrieval date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStamp {
    /// Byte range of the stamp.
    pub range: Range<usize>,
    /// The fewest whole days between publication and retrieval it allows.
    pub min_days: i64,
    /// The most.
    pub max_days: i64,
}

/// A copyright line's year ("© 2024", the last year of "© 2019-2024").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copyright {
    /// Byte range of the notice (symbol through year).
    pub range: Range<usize>,
    /// The year.
    pub year: i32,
}

/// Everything furniture tells about a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFurniture {
    /// Furniture spans, in text order (whole lines).
    pub spans: Vec<Furniture>,
    /// Relative page stamps.
    pub stamps: Vec<PageStamp>,
    /// Copyright notices.
    pub copyrights: Vec<Copyright>,
}

impl PageFurniture {
    /// Is the byte range inside furniture?
    pub fn covers(&self, r: &Range<usize>) -> bool {
        self.spans
            .iter()
            .any(|f| f.range.start <= r.start && r.end <= f.range.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Related,
    Chrome,
    Anywhere,
    Byline,
    StampBefore,
    StampAfter,
    /// A `stamp-after` phrase that opens readers' comments.
    CommentStamp,
    StampPrint,
}

/// The phrases of `grammar/furniture.txt`.
#[derive(Debug, Default)]
struct Lexicon {
    /// The phrases that make a line furniture and the stamp phrases around
    /// dates, longest first.
    phrases: Vec<(LineKind, String)>,
    /// The words of the shapes (`page-stamp`, `reading-time`, `copyright`),
    /// longest first; an `age-unit` with its days.
    stamp_verbs: Forms<()>,
    stamp_ones: Forms<()>,
    age_units: Forms<i64>,
    stamp_ago: Forms<()>,
    reading_units: Forms<()>,
    reading_read: Forms<()>,
    copyright_marks: Forms<()>,
    /// The marks and the words.
    copyright_opens: Forms<()>,
    /// `comment-open` words, each with a space after it ("at ").
    comment_open: Vec<String>,
    /// `bio` phrases, each with a space before it (" is a").
    bio: Vec<String>,
    /// The first bytes (in either case) of the stamp verbs and of the
    /// copyright openings: the scan tries those shapes only where one stands.
    stamp_first: FirstBytes,
    copyright_first: FirstBytes,
}

/// A set of bytes.
#[derive(Debug)]
struct FirstBytes([bool; 256]);

impl Default for FirstBytes {
    fn default() -> Self {
        FirstBytes([false; 256])
    }
}

impl FirstBytes {
    /// The first bytes of `forms`, ASCII letters in both cases.
    fn of<V>(forms: &[(String, V)]) -> FirstBytes {
        let mut t = [false; 256];
        for b in forms.iter().filter_map(|(f, _)| f.bytes().next()) {
            t[usize::from(b.to_ascii_lowercase())] = true;
            t[usize::from(b.to_ascii_uppercase())] = true;
        }
        FirstBytes(t)
    }

    /// Does `s` start with one of them?
    fn starts(&self, s: &str) -> bool {
        s.bytes().next().is_some_and(|b| self.0[usize::from(b)])
    }
}

/// The forms of one kind with their values, longest first (so "minutes" is
/// tried before "min").
type Forms<V> = Vec<(String, V)>;

/// Sort forms longest first (the order of the file among equals).
fn longest_first<V>(mut f: Forms<V>) -> Forms<V> {
    f.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    f
}

/// The first of `forms` that opens `i`, ASCII case-insensitively, with its value.
fn one_of<'a, V: Copy>(forms: &[(String, V)], i: &'a str) -> IResult<&'a str, V> {
    for (f, v) in forms {
        if i.len() >= f.len() && i.is_char_boundary(f.len()) && i[..f.len()].eq_ignore_ascii_case(f) {
            return Ok((&i[f.len()..], *v));
        }
    }
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

const LEXICON: &str = include_str!("../../grammar/furniture.txt");

/// The file named in errors.
const FILE: &str = "grammar/furniture.txt";

/// The kinds of `grammar/furniture.txt`, for errors.
const KINDS: &str = "related, chrome, anywhere, byline, stamp-before, stamp-after, comment-stamp, stamp-print, \
stamp-verb, stamp-one, age-unit, stamp-ago, reading-unit, reading-read, copyright-mark, copyright-word, comment-open or bio";

fn parse_lexicon(text: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon::default();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let at = |msg: String| LexiconError::at(FILE, i + 1, msg);
        let (kind, phrase) = t
            .split_once(' ')
            .ok_or_else(|| at(format!("expected `KIND PHRASE`, found {t:?}")))?;
        let phrase = phrase.trim().to_lowercase();
        let line_kind = match kind {
            "related" => LineKind::Related,
            "chrome" => LineKind::Chrome,
            "anywhere" => LineKind::Anywhere,
            "byline" => LineKind::Byline,
            "stamp-before" => LineKind::StampBefore,
            "stamp-after" => LineKind::StampAfter,
            "comment-stamp" => LineKind::CommentStamp,
            "stamp-print" => LineKind::StampPrint,
            _ => {
                let forms = match kind {
                    "stamp-verb" => &mut lex.stamp_verbs,
                    "stamp-one" => &mut lex.stamp_ones,
                    "stamp-ago" => &mut lex.stamp_ago,
                    "reading-unit" => &mut lex.reading_units,
                    "reading-read" => &mut lex.reading_read,
                    "copyright-mark" => &mut lex.copyright_marks,
                    "copyright-word" => &mut lex.copyright_opens,
                    "comment-open" => {
                        lex.comment_open.push(format!("{phrase} "));
                        continue;
                    }
                    "bio" => {
                        lex.bio.push(format!(" {phrase}"));
                        continue;
                    }
                    "age-unit" => {
                        let mut w = phrase.split_whitespace();
                        let days = w
                            .next()
                            .and_then(|d| d.parse::<i64>().ok())
                            .ok_or_else(|| at(format!("expected `age-unit DAYS FORM...`, found {t:?}")))?;
                        let n = lex.age_units.len();
                        lex.age_units.extend(w.map(|f| (f.to_string(), days)));
                        if lex.age_units.len() == n {
                            return Err(at(format!("an age unit with no form: {t:?}")));
                        }
                        continue;
                    }
                    other => return Err(at(format!("unknown kind {other:?} (expected {KINDS})"))),
                };
                if phrase.contains(char::is_whitespace) {
                    return Err(at(format!("expected one word or mark, found {phrase:?}")));
                }
                forms.push((phrase, ()));
                continue;
            }
        };
        lex.phrases.push((line_kind, phrase));
    }
    // longest phrase first, so "latest stories" wins over "latest"
    lex.phrases
        .sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1.cmp(&b.1)));
    // a copyright notice opens with a mark or the word; a mark may follow
    lex.copyright_opens.extend(lex.copyright_marks.iter().cloned());
    for f in [
        &mut lex.stamp_verbs,
        &mut lex.stamp_ones,
        &mut lex.stamp_ago,
        &mut lex.reading_units,
        &mut lex.reading_read,
        &mut lex.copyright_marks,
        &mut lex.copyright_opens,
    ] {
        *f = longest_first(std::mem::take(f));
    }
    lex.age_units = longest_first(std::mem::take(&mut lex.age_units));
    lex.stamp_first = FirstBytes::of(&lex.stamp_verbs);
    lex.copyright_first = FirstBytes::of(&lex.copyright_opens);
    let empty = [
        ("stamp-verb", lex.stamp_verbs.is_empty()),
        ("stamp-one", lex.stamp_ones.is_empty()),
        ("age-unit", lex.age_units.is_empty()),
        ("stamp-ago", lex.stamp_ago.is_empty()),
        ("reading-unit", lex.reading_units.is_empty()),
        ("reading-read", lex.reading_read.is_empty()),
        ("copyright-mark", lex.copyright_marks.is_empty()),
        ("comment-open", lex.comment_open.is_empty()),
        ("bio", lex.bio.is_empty()),
    ];
    if let Some((k, _)) = empty.iter().find(|(_, e)| *e) {
        return Err(LexiconError::in_file(FILE, format!("no line of kind {k}")));
    }
    Ok(lex)
}

fn lexicon() -> Result<&'static Lexicon, &'static LexiconError> {
    static LEX: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
    LEX.get_or_init(|| parse_lexicon(LEXICON)).as_ref()
}

/// Load the embedded furniture lexicon (once) and check it: an error names
/// `grammar/furniture.txt` and the line. A program calls this at start
/// (through `pipeline::Pipeline::new`); with a broken file, [`analyse`]
/// finds no furniture.
pub fn check_lexicon() -> Result<(), LexiconError> {
    lexicon().map(|_| ()).map_err(Clone::clone)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Strip bullets, brackets and dashes that open a line.
fn line_head(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*' | '>' | '|'))
}

fn classify(lex: &Lexicon, line: &str) -> Option<LineKind> {
    let head = line_head(line).to_lowercase();
    let n = words(&head);
    for (kind, phrase) in &lex.phrases {
        let hit = match kind {
            LineKind::StampBefore | LineKind::StampAfter | LineKind::CommentStamp | LineKind::StampPrint => false,
            LineKind::Anywhere => n <= ANYWHERE_MAX_WORDS && head.contains(phrase.as_str()),
            LineKind::Byline => {
                n <= BYLINE_MAX_WORDS
                    && head.starts_with(phrase.as_str())
                    && head[phrase.len()..].starts_with(' ')
                    && line_head(line)[phrase.len()..]
                        .trim_start()
                        .starts_with(char::is_uppercase)
            }
            _ => {
                n <= OPENER_MAX_WORDS
                    && head.starts_with(phrase.as_str())
                    && !head[phrase.len()..].starts_with(|c: char| c.is_alphabetic())
            }
        };
        if hit {
            return Some(*kind);
        }
    }
    None
}

/// Running prose: a long line (of `n_words` words) with sentence punctuation.
fn is_prose(line: &str, n_words: usize) -> bool {
    let t = line.trim();
    n_words >= PROSE_MIN_WORDS && (t.contains(". ") || t.ends_with('.') || t.ends_with('”') || t.ends_with('"'))
}

/// Code-like page residue (`//= do_shortcode(...); ?>`).
fn is_code(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("//") || t.contains("<?") || t.contains("?>") || t.contains("();")
}

// digits | stamp-one
fn number<'a>(lex: &Lexicon, i: &'a str) -> IResult<&'a str, i64> {
    let digits: IResult<&str, i64> = map_res(digit1, |d: &str| d.parse::<i64>()).parse(i);
    if digits.is_ok() {
        return digits;
    }
    let (i, ()) = one_of(&lex.stamp_ones, i)?;
    Ok((i, 1))
}

// stamp-verb [":"] number age-unit stamp-ago
fn page_stamp<'a>(lex: &Lexicon, i: &'a str) -> IResult<&'a str, (i64, i64)> {
    let (i, ()) = one_of(&lex.stamp_verbs, i)?;
    let (i, _) = (opt(char(':')), space1).parse(i)?;
    let (i, n) = number(lex, i)?;
    let (i, _) = space1(i)?;
    let (i, per) = one_of(&lex.age_units, i)?;
    let (i, _) = space1(i)?;
    let (i, ()) = one_of(&lex.stamp_ago, i)?;
    // "N units ago" is shown for an age in [N, N+1) units; a day either side
    // for the time zones of the page and the reader.
    let lo = n.saturating_mul(per).saturating_sub(1).max(0);
    let hi = n.saturating_add(1).saturating_mul(per.max(1)).saturating_add(1);
    Ok((i, (lo, hi)))
}

// digits reading-unit reading-read
fn reading_time<'a>(lex: &Lexicon, i: &'a str) -> IResult<&'a str, ()> {
    let (i, _) = digit1(i)?;
    let (i, _) = alt((space1, tag("-"), space0)).parse(i)?;
    let (i, ()) = one_of(&lex.reading_units, i)?;
    let (i, _) = space1(i)?;
    one_of(&lex.reading_read, i)
}

fn year4(i: &str) -> IResult<&str, i32> {
    map_res(take_while1(|c: char| c.is_ascii_digit()), |d: &str| {
        if d.len() == YEAR_DIGITS {
            d.parse::<i32>().map_err(|_| ())
        } else {
            Err(())
        }
    })
    .parse(i)
}

// (copyright-mark | copyright-word) [copyright-mark] year ["-" year]
fn copyright<'a>(lex: &Lexicon, i: &'a str) -> IResult<&'a str, i32> {
    let (i, ()) = one_of(&lex.copyright_opens, i)?;
    let (i, _) = space0(i)?;
    let i = match one_of(&lex.copyright_marks, i) {
        Ok((r, ())) => space0(r)?.0,
        Err(_) => i,
    };
    let (i, y1) = year4(i)?;
    let (i, y2) = opt((alt((char('-'), char('–'))), year4)).parse(i)?;
    Ok((i, y2.map(|(_, y)| y).unwrap_or(y1)))
}

/// A hit of a shape in a line: (start, end, value).
type Hit<T> = Option<(usize, usize, T)>;

/// What one pass over a line's word starts finds: the first page stamp,
/// copyright notice and reading time.
struct Shapes {
    stamp: Hit<(i64, i64)>,
    copyright: Hit<i32>,
    reading: Hit<()>,
}

/// Try the three shapes at every word start of `line` (a char boundary after
/// one that is not alphanumeric), in one pass; each keeps its first hit.
fn shapes(lex: &Lexicon, line: &str) -> Shapes {
    let mut out = Shapes {
        stamp: None,
        copyright: None,
        reading: None,
    };
    let end = |rest: &str| line.len() - rest.len();
    let mut prev_alnum = false;
    for (at, c) in line.char_indices() {
        if !prev_alnum {
            let rest = &line[at..];
            if out.stamp.is_none() && lex.stamp_first.starts(rest) {
                if let Ok((r, v)) = page_stamp(lex, rest) {
                    out.stamp = Some((at, end(r), v));
                }
            }
            if out.copyright.is_none() && lex.copyright_first.starts(rest) {
                if let Ok((r, v)) = copyright(lex, rest) {
                    out.copyright = Some((at, end(r), v));
                }
            }
            if out.reading.is_none() && c.is_ascii_digit() {
                if let Ok((r, ())) = reading_time(lex, rest) {
                    out.reading = Some((at, end(r), ()));
                }
            }
            if out.stamp.is_some() && out.copyright.is_some() && out.reading.is_some() {
                break;
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    out
}

/// How far before a date a stamp phrase may start, in bytes (a print note
/// names page, section and paper before its date: it reaches furthest).
const PRINT_REACH: usize = 140;

/// Is the date at `range` a page stamp ("amended on 8 May 2010", "16 Jun 2010 ,
/// Reader wrote :", "A version appeared on p1 of the Main section of the
/// Guardian on Saturday 1 May 2010")? The phrase must stand within a few
/// words of the date (a print note within 16).
pub fn is_stamp(text: &str, range: &Range<usize>) -> bool {
    let Ok(lex) = lexicon() else {
        return false;
    };
    let (s, e) = (range.start.min(text.len()), range.end.min(text.len()));
    // (a print note names page, section and paper before its date: it reaches further back)
    let mut b = s.saturating_sub(PRINT_REACH);
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    let mut a = e.saturating_add(AFTER_REACH).min(text.len());
    while a < text.len() && !text.is_char_boundary(a) {
        a += 1;
    }
    let before = text.get(b..s).unwrap_or("").to_lowercase();
    let after = text.get(e..a).unwrap_or("").to_lowercase();
    // the stamp phrase, then at most `words` words (a clock time, a weekday; for
    // a print note the page, section and paper) before the date, in one sentence
    let before_ok = |p: &str, words: usize| {
        before.rfind(p).is_some_and(|i| {
            let gap = &before[i + p.len()..];
            // the phrase ends a word ("posted on", not "posted online")
            !gap.starts_with(char::is_alphanumeric) && gap.split_whitespace().count() <= words && !gap.contains(". ")
        })
    };
    // the date, then at most a name before the stamp phrase
    let after_ok = |p: &str| {
        after.find(p).is_some_and(|i| {
            let gap = &after[..i];
            gap.split_whitespace().count() <= AFTER_GAP_WORDS && !gap.contains(". ")
        })
    };
    lex.phrases.iter().any(|(k, p)| match k {
        LineKind::StampBefore => before_ok(p, BEFORE_GAP_WORDS),
        LineKind::StampPrint => before_ok(p, PRINT_GAP_WORDS),
        LineKind::StampAfter | LineKind::CommentStamp => after_ok(p),
        _ => false,
    })
}

/// Does `hay` contain `needle` (lower case), ASCII case-insensitively? As
/// lower-casing `hay` would tell for a needle with no "i" or "k" (which
/// "İ" and the Kelvin sign lower-case to), without the copy.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h)
        .any(|i| h.len() - i >= n.len() && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Does `window` contain `w` right after a space (" am")?
fn after_space(window: &str, w: &str) -> bool {
    window
        .match_indices(w)
        .any(|(j, _)| j > 0 && window.as_bytes()[j - 1] == b' ')
}

/// Where readers' comments start in a line: the first `comment-stamp` phrase
/// ("wrote :", `grammar/furniture.txt`) with a clock time (a `MERIDIEM` word
/// of `grammar/not_years.txt`) or a year in the few words before it; the
/// comment block starts at that stamp's `comment-open` word ("At") or at the
/// start of its sentence.
fn comments_start(lex: &Lexicon, line: &str) -> Option<usize> {
    let stamps = || lex.phrases.iter().filter(|(k, _)| *k == LineKind::CommentStamp);
    // most lines have no comment stamp: look before lower-casing the line
    if !stamps().any(|(_, p)| contains_ci(line, p)) {
        return None;
    }
    let meridiem = &crate::grammar::lexicons().ok()?.not_years.meridiem;
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // a case change altered byte lengths: offsets would not line up
        return None;
    }
    let mut first: Option<usize> = None;
    for (_, p) in stamps() {
        let mut from = 0;
        while let Some(i) = lower[from..].find(p.as_str()).map(|i| i + from) {
            from = i + p.len();
            let mut b = i.saturating_sub(COMMENT_REACH);
            while b > 0 && !line.is_char_boundary(b) {
                b -= 1;
            }
            let window = &lower[b..i];
            let stamped = meridiem.iter().any(|m| after_space(window, m))
                || window
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|d| d.len() == YEAR_DIGITS);
            if !stamped {
                continue;
            }
            let start = lex
                .comment_open
                .iter()
                .filter_map(|o| {
                    window
                        .rfind(o.as_str())
                        .filter(|j| *j == 0 || window.as_bytes()[j - 1] == b' ')
                })
                .max()
                .map(|j| b + j)
                .or_else(|| window.rfind(". ").map(|j| b + j + 2))
                .unwrap_or(b);
            first = Some(first.map_or(start, |f: usize| f.min(start)));
            break;
        }
    }
    first
}

/// Analyse a document's body for furniture.
pub fn analyse(doc: &Document) -> PageFurniture {
    let mut out = PageFurniture::default();
    let Ok(lex) = lexicon() else {
        // The lexicon is embedded at build time and checked by a test.
        return out;
    };
    let base = doc.body.start;
    let body = doc.body_text();
    // lines with their byte ranges (relative to the body)
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for l in body.split_inclusive('\n') {
        lines.push((pos, l.trim_end_matches(['\n', '\r'])));
        pos += l.len();
    }
    let mut in_block = false;
    let mut block_names: Vec<String> = Vec::new();
    for (start, line) in &lines {
        let range = base + start..base + start + line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let mut kind = None;
        let n_words = words(t);
        // In a long line (a page flattened to one line) only the stamp itself
        // is furniture, not the article around it.
        let short = n_words <= SHORT_LINE_WORDS;
        let found = shapes(lex, line);
        if let Some((s, e, (lo, hi))) = found.stamp {
            let stamp = range.start + s..range.start + e;
            // no page is a century old: a larger age is not a stamp we can use
            if hi <= MAX_STAMP_DAYS {
                out.stamps.push(PageStamp {
                    range: stamp.clone(),
                    min_days: lo,
                    max_days: hi,
                });
            }
            if short {
                kind = Some(FurnitureKind::PageStamp);
            } else {
                out.spans.push(Furniture {
                    range: stamp,
                    kind: FurnitureKind::PageStamp,
                });
            }
        }
        if let Some((s, e, year)) = found.copyright {
            out.copyrights.push(Copyright {
                range: range.start + s..range.start + e,
                year,
            });
            if n_words <= COPYRIGHT_LINE_WORDS {
                kind = Some(FurnitureKind::Copyright);
            } else {
                out.spans.push(Furniture {
                    range: range.start + s..range.start + e,
                    kind: FurnitureKind::Copyright,
                });
            }
        }
        if let Some((s, e, ())) = found.reading {
            if n_words <= READING_LINE_WORDS && kind.is_none() {
                kind = Some(FurnitureKind::ReadingTime);
            } else if !short {
                out.spans.push(Furniture {
                    range: range.start + s..range.start + e,
                    kind: FurnitureKind::ReadingTime,
                });
            }
        }
        if kind.is_none() {
            match classify(lex, line) {
                Some(LineKind::Related) => {
                    kind = Some(FurnitureKind::Related);
                    in_block = true;
                    block_names.clear();
                }
                Some(LineKind::Chrome | LineKind::Anywhere) => kind = Some(FurnitureKind::Chrome),
                Some(LineKind::Byline) => kind = Some(FurnitureKind::Byline),
                None if is_code(line) => kind = Some(FurnitureKind::Chrome),
                // never returned: stamp phrases are matched around dates by `is_stamp`
                Some(LineKind::StampBefore | LineKind::StampAfter | LineKind::CommentStamp | LineKind::StampPrint)
                | None => {}
            }
        }
        if kind.is_none() && in_block {
            if is_prose(line, n_words) {
                // An author box's bio ("Ruta Deshpande is a seasoned …") opens
                // with a name the block listed; other prose ends the block.
                let first = t.split_whitespace().next().unwrap_or("");
                let head: String = t.split_whitespace().take(BIO_HEAD_WORDS).collect::<Vec<_>>().join(" ");
                if block_names.iter().any(|n| n == first) && lex.bio.iter().any(|b| head.contains(b.as_str())) {
                    kind = Some(FurnitureKind::Byline);
                }
                in_block = false;
            } else {
                kind = Some(FurnitureKind::Related);
                if n_words <= NAME_MAX_WORDS {
                    if let Some(w) = t.split_whitespace().next() {
                        block_names.push(w.to_string());
                    }
                }
            }
        }
        if kind.is_none() && !short {
            for (s, e) in bar_bylines(lex, line) {
                out.spans.push(Furniture {
                    range: range.start + s..range.start + e,
                    kind: FurnitureKind::Byline,
                });
            }
        }
        if kind.is_none() {
            if let Some(at) = comments_start(lex, line) {
                out.spans.push(Furniture {
                    range: range.start + at..range.end,
                    kind: FurnitureKind::Comments,
                });
            }
        }
        if let Some(kind) = kind {
            out.spans.push(Furniture { range, kind });
        }
    }
    out.spans.extend(teasers(body, base));
    out.spans.sort_by_key(|f| (f.range.start, f.range.end));
    out
}

/// How many capitalised words a byline's name may have before its bar
/// ("By Steven E. Levingston | June 8 , 2010 ; 5:30 AM ET").
const BAR_NAME_WORDS: usize = 5;

/// How far after its bar a bar byline's stamp reaches, at most, in bytes
/// (its date and clock time; it ends sooner at its sentence's end). T17
/// dev bpoil_washingtonpost-99 and -523: "June 8 , 2010 ; 5:30 AM ET"
/// and "June 22 , 2010 ; …" were read as one event told twice.
const BAR_STAMP_BYTES: usize = 40;

/// Bylines inside a long line (a page flattened to one line): a `byline`
/// phrase with a capital, at most [`BAR_NAME_WORDS`] capitalised words,
/// a bar `|` and the stamp after it ("By Steven E. Levingston | June 8 ,
/// 2010 ; 5:30 AM ET"), up to the next sentence end or
/// [`BAR_STAMP_BYTES`]. Byte ranges in the line.
fn bar_bylines(lex: &Lexicon, line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (bar, _) in line.match_indices(" | ") {
        let before = &line[..bar];
        let mut start = None;
        for phrase in lex
            .phrases
            .iter()
            .filter(|(k, _)| *k == LineKind::Byline)
            .map(|(_, p)| p)
        {
            let Some(at) = before.char_indices().rev().take(120).map(|(i, _)| i).find(|&i| {
                before
                    .get(i..i + phrase.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(phrase))
                    && before.len() > i + phrase.len()
                    && before[i..].starts_with(|c: char| c.is_uppercase())
                    && (i == 0 || before[..i].ends_with(' '))
            }) else {
                continue;
            };
            let name = before[at + phrase.len()..].split_whitespace().collect::<Vec<_>>();
            let named = !name.is_empty()
                && name.len() <= BAR_NAME_WORDS
                && name.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()));
            if named {
                start = Some(start.map_or(at, |s: usize| s.min(at)));
            }
        }
        let Some(s) = start else { continue };
        let mut end = (bar + 3 + BAR_STAMP_BYTES).min(line.len());
        while end < line.len() && !line.is_char_boundary(end) {
            end += 1;
        }
        let tail = &line[bar + 3..end];
        let e = tail.find(". ").map_or(end, |i| bar + 3 + i);
        out.push((s, e));
    }
    out
}

/// The marker a blog page ends each teaser of another post with.
const TEASER_MARK: &str = "FULL POST";

/// Teasers of other posts on a blog page: each text that ends with
/// "FULL POST", from the end of the previous one or the start of its
/// paragraph (the last blank line), whichever is later.
fn teasers(body: &str, base: usize) -> Vec<Furniture> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (at, _) in body.match_indices(TEASER_MARK) {
        let end = at + TEASER_MARK.len();
        let para = body[..at].rfind("\n\n").map_or(0, |p| p + 2);
        let start = para.max(prev_end);
        if start < end {
            out.push(Furniture {
                range: base + start..base + end,
                kind: FurnitureKind::Teaser,
            });
        }
        prev_end = end;
    }
    out
}

/// Find the furniture in a document's body, in text order.
pub fn detect(doc: &Document) -> Vec<Furniture> {
    analyse(doc).spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `posted on` and the correction notes of `grammar/furniture.txt`
    /// (T17 dev H1N1_bbc-441, bpoil_guardian-407 and -1826), in several
    /// wordings, and the prose that only looks like them.
    #[test]
    fn blog_post_stamps_and_correction_notes_are_stamps_and_prose_is_not() {
        let at = |text: &str, date: &str| {
            let s = text.find(date).expect("the date is in the text");
            is_stamp(text, &(s..s + date.len()))
        };
        for (text, date) in [
            ("My next entry will be the last ! posted on Thursday , 28 May 2009 | comment on this post", "28 May 2009"),
            ("Posted on June 4, 2018 by Staff", "June 4, 2018"),
            (
                "The following correction was printed in the Guardian 's Corrections and clarifications column , Tuesday 15 June 2010 The graphic",
                "15 June 2010",
            ),
            (
                "This correction appeared in the print edition on Sunday 20 June 2010 .",
                "20 June 2010",
            ),
        ] {
            assert!(at(text, date), "{text}");
        }
        for (text, date) in [
            (
                "The results were posted online weeks later , on 28 May 2009 .",
                "28 May 2009",
            ),
            (
                "He posted a message on the forum . On 3 March 2010 the site closed .",
                "3 March 2010",
            ),
            (
                "The paper printed a front page about the strike on 15 June 2010 .",
                "15 June 2010",
            ),
        ] {
            assert!(!at(text, date), "{text}");
        }
    }

    #[test]
    fn a_bar_byline_inside_a_flattened_page_is_furniture_and_prose_is_not() {
        let lex = lexicon().expect("the embedded lexicon");
        let line = "The spill is enormous . By Steven E. Levingston | June 8 , 2010 ; 5:30 AM ET The comments to this entry are closed .";
        let found = bar_bylines(lex, line);
        assert_eq!(found.len(), 1, "{found:?}");
        let (s, e) = found[0];
        assert!(
            line[s..e].starts_with("By Steven") && line[s..e].contains("2010 ; 5:30"),
            "{:?}",
            &line[s..e]
        );
        let line = "Written by Ana Ruiz | 3 May 2021 , 09:00 and then the report went on for a long while .";
        assert_eq!(bar_bylines(lex, line).len(), 1);
        // no bar, a lower-case word in the name, or a name too long: prose
        for prose in [
            "The bill was passed by Congress on June 8 , 2010 , and signed the next day .",
            "It was sold by the company | June 8 , 2010 was the day .",
            "By One Two Three Four Five Six | June 8 , 2010 .",
            "Prices rose | by Friday they had doubled .",
        ] {
            assert!(bar_bylines(lex, prose).is_empty(), "{prose}");
        }
        assert_eq!((BAR_NAME_WORDS, BAR_STAMP_BYTES), (5, 40));
    }
    use pretty_assertions::assert_eq;

    fn furniture_lines(text: &str) -> Vec<(FurnitureKind, String)> {
        let d = Document::from_text("t", text);
        analyse(&d)
            .spans
            .iter()
            .map(|f| (f.kind, text[f.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn lexicon_loads() {
        assert_eq!(check_lexicon(), Ok(()));
    }

    #[test]
    fn a_broken_copy_of_the_lexicon_names_its_line() {
        // the real file with its first entry's kind misspelled
        let n = LEXICON
            .lines()
            .position(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .expect("an entry");
        let broken: Vec<String> = LEXICON
            .lines()
            .enumerate()
            .map(|(i, l)| if i == n { format!("bogus{l}") } else { l.to_string() })
            .collect();
        let e = parse_lexicon(&broken.join("\n")).expect_err("broken");
        assert_eq!((e.file.as_str(), e.line), ("grammar/furniture.txt", Some(n + 1)));
        assert!(e
            .to_string()
            .starts_with(&format!("grammar/furniture.txt:{}: unknown kind", n + 1)));
    }

    #[test]
    fn lexicon_errors_name_the_line() {
        let e = parse_lexicon("# c\nrelated more from\nbogus x\n").expect_err("bad kind");
        assert_eq!(
            e.to_string(),
            format!("grammar/furniture.txt:3: unknown kind \"bogus\" (expected {KINDS})")
        );
        // an age unit needs its days and a form; a shape's form is one word
        let e = parse_lexicon("# c\nage-unit week\n").expect_err("no days");
        assert!(
            e.to_string()
                .starts_with("grammar/furniture.txt:2: expected `age-unit DAYS"),
            "{e}"
        );
        let e = parse_lexicon("# c\nage-unit 7\n").expect_err("no form");
        assert!(
            e.to_string()
                .starts_with("grammar/furniture.txt:2: an age unit with no form"),
            "{e}"
        );
        let e = parse_lexicon("# c\nstamp-ago years ago\n").expect_err("two words");
        assert!(
            e.to_string().starts_with("grammar/furniture.txt:2: expected one word"),
            "{e}"
        );
        // a kind with no line is an error too
        let e = parse_lexicon("# c\nrelated more from\n").expect_err("kinds missing");
        assert!(e.to_string().contains("no line of kind stamp-verb"), "{e}");
    }

    #[test]
    fn page_stamp_and_reading_time_on_one_line() {
        let text = "Log In\n\nPublished 1 day ago3 minute read\nBody text.";
        let d = Document::from_text("t", text);
        let f = analyse(&d);
        assert_eq!(f.stamps.len(), 1);
        assert_eq!(&text[f.stamps[0].range.clone()], "Published 1 day ago");
        assert_eq!((f.stamps[0].min_days, f.stamps[0].max_days), (0, 3));
        assert_eq!(
            furniture_lines(text),
            vec![
                (FurnitureKind::Chrome, "Log In".to_string()),
                (FurnitureKind::PageStamp, "Published 1 day ago3 minute read".to_string()),
            ]
        );
    }

    #[test]
    fn copyright_year_is_read() {
        let text = "Body.\n\n© 2024 Latin Times. All rights reserved. Do not reproduce without permission.";
        let d = Document::from_text("t", text);
        let f = analyse(&d);
        assert_eq!(f.copyrights.iter().map(|c| c.year).collect::<Vec<_>>(), vec![2024]);
        assert_eq!(f.spans[0].kind, FurnitureKind::Copyright);
        let range = "Copyright (c) 2019-2023 Foo";
        assert_eq!(analyse(&Document::from_text("t", range)).copyrights[0].year, 2023);
    }

    #[test]
    fn related_block_runs_until_prose() {
        let text = "Intro paragraph.\n\nYou May Also Like\n\n  • 1\n    Trial Set for January 2026\n\n    WORLD\n\nThis is a long paragraph of running prose that goes on and on for many words, well past twenty five of them, so it is article text. It has sentences.";
        let lines = furniture_lines(text);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines.iter().any(|(_, l)| l.contains("January 2026")));
        assert!(!lines.iter().any(|(_, l)| l.contains("running prose")));
    }

    #[test]
    fn author_box_bio_is_a_byline() {
        let text = "More from Author\n\nRuta R Deshpande\nRuta R Deshpande\nRuta Deshpande is a seasoned Defense Technology Analyst with a strong focus on cutting-edge military innovations and strategic defense systems and many other things besides. She writes.\n\nThe article starts here and it is long enough to count as prose of the body of the article, with many words in it. Yes.";
        let lines = furniture_lines(text);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[3].0, FurnitureKind::Byline);
    }

    #[test]
    fn body_lines_starting_with_header_words_stay() {
        // "Related" opens a sentence, not a header: the line is long.
        let text =
            "Related to the talks, officials said on Monday that the negotiations would resume next week in Geneva.";
        assert_eq!(furniture_lines(text), vec![]);
    }

    #[test]
    fn absurd_stamp_numbers_do_not_overflow() {
        let text = "Published 99999999999999999999 years ago";
        let f = analyse(&Document::from_text("t", text));
        // the number does not fit: no stamp is read, and nothing panics
        assert!(f.stamps.is_empty());
        let text = "Updated 9223372036854775807 weeks ago";
        let f = analyse(&Document::from_text("t", text));
        // it fits, but no page is that old: furniture, not a usable stamp
        assert!(f.stamps.is_empty());
        assert_eq!(f.spans.len(), 1);
    }

    // is `date`, found in `t`, a page stamp?
    fn stamped(t: &str, date: &str) -> bool {
        let at = t.find(date).expect("in text");
        is_stamp(t, &(at..at + date.len()))
    }

    #[test]
    fn a_reader_comment_signed_before_report_abuse_is_a_stamp() {
        // the comment system's signature line: the comment was posted then,
        // so the article is on or before it (a pin before it is no contradiction)
        for (t, d) in [
            (
                "Fire him . Posted by : left_wing | June 21 , 2010 1:32 PM | Report abuse The comments",
                "June 21 , 2010",
            ),
            (
                "No way . Posted by: Ann K. | 3 March 2011 09:15 | Report Abuse",
                "3 March 2011",
            ),
        ] {
            assert!(stamped(t, d), "{t}");
        }
        // a date told in prose before the same words stays body text
        assert!(!stamped(
            "The company said on June 21 , 2010 that it had set up a line to report abuse by contractors.",
            "June 21 , 2010"
        ));
    }

    #[test]
    fn stamps_inside_running_text() {
        assert!(stamped(
            "BP said so . At 00:45 am on 16 Jun 2010 , MrWonderful wrote : He should say.",
            "16 Jun 2010"
        ));
        assert!(stamped(
            "This article was amended on 8 May 2010 to correct a figure.",
            "8 May 2010"
        ));
        assert!(!stamped(
            "The rig exploded on 20 April 2010 , killing 11 workers.",
            "20 April 2010"
        ));
        // a print-edition note: page, section and paper stand between phrase and date
        assert!(stamped("he said . A version appeared on p1 of the Main section of the Guardian on 01.22 BST on Saturday 1 May 2010 Follow", "1 May 2010"));
        assert!(stamped(
            "A version of this article appears in print on Oct. 5, 2016, on Page A1.",
            "Oct. 5, 2016"
        ));
        // not across a sentence, and not as far as any stamp phrase may reach
        assert!(!stamped(
            "A version appeared on p1 . The rig exploded on 20 April 2010 .",
            "20 April 2010"
        ));
        assert!(!stamped(
            "This article was amended on the day that the rig in the gulf exploded , 20 April 2010 .",
            "20 April 2010"
        ));
    }

    #[test]
    fn a_stamp_in_a_flattened_page_covers_only_itself() {
        let text = "Published 2 days ago BP said on Thursday it had capped the well , and talks were held on March 3 , 2020 in London , officials said .";
        let f = analyse(&Document::from_text("t", text));
        assert_eq!(f.spans.len(), 1);
        assert_eq!(&text[f.spans[0].range.clone()], "Published 2 days ago");
        let at = text.find("March 3").expect("in text");
        assert!(!f.covers(&(at..at + 7)));
    }

    #[test]
    fn readers_comments_run_to_the_end_of_the_line() {
        let text = "BP capped the well on Thursday , officials said . At 00:36 am on 29 May 2009 , cynic555 wrote : This comment was removed . At 01:10 am on 30 May 2009 , bob wrote : Fine .";
        let f = analyse(&Document::from_text("t", text));
        let c = f
            .spans
            .iter()
            .find(|s| s.kind == FurnitureKind::Comments)
            .expect("comments found");
        assert!(text[c.range.clone()].starts_with("At 00:36 am on 29 May 2009"));
        assert_eq!(c.range.end, text.len());
        let at = text.find("Thursday").expect("in text");
        assert!(!f.covers(&(at..at + 8)));
        // "wrote" without a stamp is prose
        let prose =
            "He wrote : the plan is sound , and it was published widely in the papers that week by the ministry .";
        assert!(analyse(&Document::from_text("t", prose)).spans.is_empty());
    }

    /// `n` filler words.
    fn fill(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    fn kinds(text: &str) -> Vec<FurnitureKind> {
        furniture_lines(text).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn line_word_limits_at_their_bounds() {
        let lex = lexicon().expect("lexicon");
        // an `anywhere` phrase in a line of 14 words, then one more
        let any = |n: usize| format!("{} all rights reserved", fill(n - 3));
        assert_eq!(classify(lex, &any(14)), Some(LineKind::Anywhere));
        assert_eq!(classify(lex, &any(15)), None);
        let by = |n: usize| format!("By Jane {}", fill(n - 2));
        assert_eq!(classify(lex, &by(8)), Some(LineKind::Byline));
        assert_eq!(classify(lex, &by(9)), None);
        let more = |n: usize| format!("More from {}", fill(n - 2));
        assert_eq!(classify(lex, &more(7)), Some(LineKind::Related));
        assert_eq!(classify(lex, &more(8)), None);
        let prose = |n: usize| format!("{}.", fill(n));
        assert!(is_prose(&prose(25), 25));
        assert!(!is_prose(&prose(24), 24));
    }

    #[test]
    fn a_shape_makes_a_short_line_furniture() {
        use FurnitureKind::*;
        // a page stamp: the whole line up to 12 words, else the stamp alone
        let stamp = |n: usize| format!("Published 2 days ago {}", fill(n - 4));
        assert_eq!(furniture_lines(&stamp(12))[0].1, stamp(12));
        assert_eq!(furniture_lines(&stamp(13))[0].1, "Published 2 days ago");
        let notice = |n: usize| format!("© 2024 {}", fill(n - 2));
        let line = notice(30);
        assert_eq!(furniture_lines(&line), vec![(Copyright, line.clone())]);
        assert_eq!(furniture_lines(&notice(31)), vec![(Copyright, "© 2024".to_string())]);
        let read = |n: usize| format!("3 min read {}", fill(n - 3));
        assert_eq!(kinds(&read(8)), vec![ReadingTime]);
        assert_eq!(kinds(&read(9)), vec![]);
    }

    #[test]
    fn an_author_bio_after_a_name_of_the_block() {
        let bio = "Ruta is a seasoned analyst of defence technology with a strong focus on military innovations and strategic defence systems and many other things of the trade besides. She writes.";
        let page = |name: &str, bio: &str| format!("More from Author\n\n{name}\n{bio}\n");
        // the name line has at most 4 words
        let name = |n: usize| format!("Ruta {}", fill(n - 1));
        assert_eq!(kinds(&page(&name(4), bio)).last(), Some(&FurnitureKind::Byline));
        assert_ne!(kinds(&page(&name(5), bio)).last(), Some(&FurnitureKind::Byline));
        // the bio phrase within its first 12 words
        let late = |n: usize| {
            format!("Ruta {} is a seasoned analyst of defence technology with a strong focus on military innovations and more. She writes.", fill(n - 3))
        };
        assert_eq!(kinds(&page("Ruta", &late(12))).last(), Some(&FurnitureKind::Byline));
        assert_ne!(kinds(&page("Ruta", &late(13))).last(), Some(&FurnitureKind::Byline));
    }

    #[test]
    fn stamp_phrases_reach_their_bounds() {
        // a `stamp-before` phrase, 6 words, the date
        let before = |n: usize| format!("It was amended on {} 8 May 2010 .", fill(n));
        assert!(stamped(&before(6), "8 May 2010"));
        assert!(!stamped(&before(7), "8 May 2010"));
        let print = |n: usize| format!("A version appeared {} 1 May 2010", vec!["p1"; n].join(" "));
        assert!(stamped(&print(16), "1 May 2010"));
        assert!(!stamped(&print(17), "1 May 2010"));
        // the print phrase starts at most PRINT_REACH bytes before the date
        let far = |n: usize| format!("A version appeared {} 1 May 2010", "x".repeat(n));
        let n = 120;
        assert_eq!(far(n).find("1 May"), Some(140));
        assert!(stamped(&far(n), "1 May 2010"));
        assert!(!stamped(&far(n + 1), "1 May 2010"));
        // the date, 4 words, a `stamp-after` phrase
        let after = |n: usize| format!("On 16 Jun 2010 {} wrote : yes", vec!["b"; n].join(" "));
        assert!(stamped(&after(4), "16 Jun 2010"));
        assert!(!stamped(&after(5), "16 Jun 2010"));
        // the phrase ends at most AFTER_REACH bytes after the date
        let reach = |n: usize| format!("On 16 Jun 2010 {} wrote : yes", "x".repeat(n));
        let n = 31;
        assert!(stamped(&reach(n), "16 Jun 2010"));
        assert!(!stamped(&reach(n + 1), "16 Jun 2010"));
    }

    #[test]
    fn a_comment_stamp_has_its_clock_within_comment_reach() {
        let lex = lexicon().expect("lexicon");
        // " am" starts COMMENT_REACH bytes before "wrote"
        let line = |n: usize| format!("At 00:36 am {} wrote : hi", "x".repeat(n));
        let n = 75;
        assert_eq!(line(n).find("wrote").map(|w| w - "At 00:36".len()), Some(80));
        // (the "At" is out of reach: the block starts where the reach does)
        assert_eq!(comments_start(lex, &line(n)), Some("At 00:36".len()));
        assert_eq!(comments_start(lex, &line(n + 1)), None);
        // a year of YEAR_DIGITS digits stamps it too, a longer number does not
        assert_eq!(comments_start(lex, "On 29 May 2009 , bob wrote : hi"), Some(0));
        assert_eq!(comments_start(lex, "On 29 May 20090 , bob wrote : hi"), None);
    }

    #[test]
    fn no_page_is_older_than_max_stamp_days() {
        // "N days ago" allows up to N + 2 days
        let days = |n: i64| {
            let text = format!("Published {n} days ago");
            analyse(&Document::from_text("t", &text)).stamps.len()
        };
        assert_eq!(days(36523), 1);
        assert_eq!(days(36524), 0);
    }
}
