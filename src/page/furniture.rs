//! Page furniture: the parts of a scraped page that are not the article
//! (bylines, "More from", related headlines, ads, reading time, page stamps,
//! copyright lines). Dates in furniture are not events of the article.
//!
//! Detection is line-based. The words that open furniture lines are data, in
//! `grammar/furniture.txt`; the shapes below are parsed here with nom:
//!
//! ```text
//! page-stamp   := ("published" | "updated" | "posted") [":"] number unit "ago"
//! reading-time := number ("min" | "mins" | "minute" | "minutes") ["read"]
//! copyright    := ("©" | "(c)" | "copyright") [...] year ["-" year]
//! ```

use std::ops::Range;
use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{map_res, opt, value};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};

use crate::grammar::lexicon::LexiconError;
use crate::ingest::Document;

/// The oldest page a relative stamp is believed for (a century).
const MAX_STAMP_DAYS: i64 = 36_525;

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
    StampPrint,
}

/// The phrases of `grammar/furniture.txt`.
#[derive(Debug)]
struct Lexicon {
    phrases: Vec<(LineKind, String)>,
}

const LEXICON: &str = include_str!("../../grammar/furniture.txt");

/// The file named in errors.
const FILE: &str = "grammar/furniture.txt";

fn parse_lexicon(text: &str) -> Result<Lexicon, LexiconError> {
    let mut phrases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let (kind, phrase) = t
            .split_once(' ')
            .ok_or_else(|| LexiconError::at(FILE, i + 1, format!("expected `KIND PHRASE`, found {t:?}")))?;
        let kind = match kind {
            "related" => LineKind::Related,
            "chrome" => LineKind::Chrome,
            "anywhere" => LineKind::Anywhere,
            "byline" => LineKind::Byline,
            "stamp-before" => LineKind::StampBefore,
            "stamp-after" => LineKind::StampAfter,
            "stamp-print" => LineKind::StampPrint,
            other => {
                return Err(LexiconError::at(
                    FILE,
                    i + 1,
                    format!(
                    "unknown kind {other:?} (expected related, chrome, anywhere, byline, stamp-before, stamp-after or stamp-print)"
                ),
                ))
            }
        };
        phrases.push((kind, phrase.trim().to_lowercase()));
    }
    // longest phrase first, so "latest stories" wins over "latest"
    phrases.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1.cmp(&b.1)));
    Ok(Lexicon { phrases })
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
            LineKind::StampBefore | LineKind::StampAfter | LineKind::StampPrint => false,
            LineKind::Anywhere => n <= 14 && head.contains(phrase.as_str()),
            LineKind::Byline => {
                n <= 8
                    && head.starts_with(phrase.as_str())
                    && head[phrase.len()..].starts_with(' ')
                    && line_head(line)[phrase.len()..]
                        .trim_start()
                        .starts_with(char::is_uppercase)
            }
            _ => {
                n <= 7
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

/// Running prose: a long line with sentence punctuation.
fn is_prose(line: &str) -> bool {
    let t = line.trim();
    words(t) >= 25 && (t.contains(". ") || t.ends_with('.') || t.ends_with('”') || t.ends_with('"'))
}

/// Code-like page residue (`//= do_shortcode(...); ?>`).
fn is_code(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("//") || t.contains("<?") || t.contains("?>") || t.contains("();")
}

fn number(i: &str) -> IResult<&str, i64> {
    alt((
        map_res(digit1, |d: &str| d.parse::<i64>()),
        value(1, alt((tag_no_case("an"), tag_no_case("a"), tag_no_case("one")))),
    ))
    .parse(i)
}

/// `unit` → (days per unit, plural allowed). Longest first.
fn unit(i: &str) -> IResult<&str, i64> {
    alt((
        value(
            0,
            alt((tag_no_case("seconds"), tag_no_case("second"), tag_no_case("secs"))),
        ),
        value(
            0,
            alt((
                tag_no_case("minutes"),
                tag_no_case("minute"),
                tag_no_case("mins"),
                tag_no_case("min"),
            )),
        ),
        value(
            0,
            alt((
                tag_no_case("hours"),
                tag_no_case("hour"),
                tag_no_case("hrs"),
                tag_no_case("hr"),
            )),
        ),
        value(1, alt((tag_no_case("days"), tag_no_case("day")))),
        value(7, alt((tag_no_case("weeks"), tag_no_case("week")))),
        value(30, alt((tag_no_case("months"), tag_no_case("month")))),
        value(365, alt((tag_no_case("years"), tag_no_case("year")))),
    ))
    .parse(i)
}

// ("published" | "updated" | "posted") [":"] number unit "ago"
fn page_stamp(i: &str) -> IResult<&str, (i64, i64)> {
    let (i, _) = alt((tag_no_case("published"), tag_no_case("updated"), tag_no_case("posted"))).parse(i)?;
    let (i, _) = (opt(char(':')), space1).parse(i)?;
    let (i, n) = number(i)?;
    let (i, _) = space1(i)?;
    let (i, per) = unit(i)?;
    let (i, _) = (space1, tag_no_case("ago")).parse(i)?;
    // "N units ago" is shown for an age in [N, N+1) units; a day either side
    // for the time zones of the page and the reader.
    let lo = n.saturating_mul(per).saturating_sub(1).max(0);
    let hi = n.saturating_add(1).saturating_mul(per.max(1)).saturating_add(1);
    Ok((i, (lo, hi)))
}

// number ("min" | "mins" | "minute" | "minutes") ["read"]
fn reading_time(i: &str) -> IResult<&str, ()> {
    let (i, _) = digit1(i)?;
    let (i, _) = alt((space1, tag_no_case("-"), space0)).parse(i)?;
    let (i, _) = alt((
        tag_no_case("minutes"),
        tag_no_case("minute"),
        tag_no_case("mins"),
        tag_no_case("min"),
    ))
    .parse(i)?;
    let (i, _) = (space1, tag_no_case("read")).parse(i)?;
    Ok((i, ()))
}

fn year4(i: &str) -> IResult<&str, i32> {
    map_res(take_while1(|c: char| c.is_ascii_digit()), |d: &str| {
        if d.len() == 4 {
            d.parse::<i32>().map_err(|_| ())
        } else {
            Err(())
        }
    })
    .parse(i)
}

// ("©" | "(c)" | "copyright") … year ["-" year]
fn copyright(i: &str) -> IResult<&str, i32> {
    let (i, _) = alt((tag_no_case("©"), tag_no_case("(c)"), tag_no_case("copyright"))).parse(i)?;
    let (i, _) = space0(i)?;
    let (i, _) = opt((alt((tag_no_case("©"), tag_no_case("(c)"))), space0)).parse(i)?;
    let (i, y1) = year4(i)?;
    let (i, y2) = opt((alt((char('-'), char('–'))), year4)).parse(i)?;
    Ok((i, y2.map(|(_, y)| y).unwrap_or(y1)))
}

/// Try `p` at every char boundary of `line`; return (start, end, value) of the first hit.
fn find_in<'a, T>(line: &'a str, mut p: impl FnMut(&'a str) -> IResult<&'a str, T>) -> Option<(usize, usize, T)> {
    let mut prev_alnum = false;
    for (at, c) in line.char_indices() {
        if !prev_alnum {
            if let Ok((rest, v)) = p(&line[at..]) {
                return Some((at, line.len() - rest.len(), v));
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    None
}

/// How far before a date a stamp phrase may start, in bytes.
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
    let mut a = (e + 40).min(text.len());
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
            gap.split_whitespace().count() <= words && !gap.contains(". ")
        })
    };
    // the date, then at most a name before the stamp phrase
    let after_ok = |p: &str| {
        after.find(p).is_some_and(|i| {
            let gap = &after[..i];
            gap.split_whitespace().count() <= 4 && !gap.contains(". ")
        })
    };
    lex.phrases.iter().any(|(k, p)| match k {
        LineKind::StampBefore => before_ok(p, 6),
        LineKind::StampPrint => before_ok(p, 16),
        LineKind::StampAfter => after_ok(p),
        _ => false,
    })
}

/// Where readers' comments start in a line: the first "wrote :" stamp
/// (`grammar/furniture.txt`, `stamp-after`) with a clock time or a year in
/// the few words before it; the comment block starts at that stamp's "At" or
/// at the start of its sentence.
fn comments_start(line: &str) -> Option<usize> {
    let lex = lexicon().ok()?;
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // a case change altered byte lengths: offsets would not line up
        return None;
    }
    let mut first: Option<usize> = None;
    for (k, p) in &lex.phrases {
        if *k != LineKind::StampAfter || !p.starts_with("wrote") {
            continue;
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find(p.as_str()).map(|i| i + from) {
            from = i + p.len();
            let mut b = i.saturating_sub(80);
            while b > 0 && !line.is_char_boundary(b) {
                b -= 1;
            }
            let window = &lower[b..i];
            let stamped = window.contains(" am")
                || window.contains(" pm")
                || window.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4);
            if !stamped {
                continue;
            }
            let start = window
                .rfind("at ")
                .filter(|j| *j == 0 || window.as_bytes()[j - 1] == b' ')
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
        // In a long line (a page flattened to one line) only the stamp itself
        // is furniture, not the article around it.
        let short = words(t) <= 12;
        if let Some((s, e, (lo, hi))) = find_in(line, page_stamp) {
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
        if let Some((s, e, year)) = find_in(line, copyright) {
            out.copyrights.push(Copyright {
                range: range.start + s..range.start + e,
                year,
            });
            if words(t) <= 30 {
                kind = Some(FurnitureKind::Copyright);
            } else {
                out.spans.push(Furniture {
                    range: range.start + s..range.start + e,
                    kind: FurnitureKind::Copyright,
                });
            }
        }
        if let Some((s, e, ())) = find_in(line, reading_time) {
            if words(t) <= 8 && kind.is_none() {
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
                Some(LineKind::StampBefore | LineKind::StampAfter | LineKind::StampPrint) | None => {}
            }
        }
        if kind.is_none() && in_block {
            if is_prose(line) {
                // An author box's bio ("Ruta Deshpande is a seasoned …") opens
                // with a name the block listed; other prose ends the block.
                let first = t.split_whitespace().next().unwrap_or("");
                let head: String = t.split_whitespace().take(12).collect::<Vec<_>>().join(" ");
                if block_names.iter().any(|n| n == first) && head.contains(" is a") {
                    kind = Some(FurnitureKind::Byline);
                }
                in_block = false;
            } else {
                kind = Some(FurnitureKind::Related);
                if words(t) <= 4 {
                    if let Some(w) = t.split_whitespace().next() {
                        block_names.push(w.to_string());
                    }
                }
            }
        }
        if kind.is_none() {
            if let Some(at) = comments_start(line) {
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
            "grammar/furniture.txt:3: unknown kind \"bogus\" (expected related, chrome, anywhere, byline, stamp-before, stamp-after or stamp-print)"
        );
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
}
