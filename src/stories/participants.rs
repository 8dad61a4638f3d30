//! Who and what a passage is about: names, places and organisations, and
//! the numbers that are not dates. The event linker and the neighbour vote
//! match these across articles: two reports that share a participant are
//! about something specific, not only about common words.

use std::ops::Range;

use crate::text::{ceil_boundary, floor_boundary};

/// A word of the text: its byte range, and whether a sentence starts there.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    sentence_start: bool,
}

/// The tokens of `text`: runs of letters and digits, with inner `- . ' ’`
/// kept ("U.S.", "O'Neill", "H1N1", "4,300" as one number) and a trailing
/// full stop dropped. A token opens a sentence when only white space,
/// quotes or brackets lie between it and the text's start, a line break, or
/// a `. ! ?` (bare or followed by a quote).
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut starts_sentence = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // an inner joiner needs an alphanumeric right after it
                let joiner = matches!(d, '-' | '.' | '\'' | '’')
                    || (d == ',' && text[i..end].bytes().all(|b| b.is_ascii_digit()));
                let next_ok = text[j + d.len_utf8()..].chars().next().is_some_and(|e| {
                    if d == ',' {
                        e.is_ascii_digit()
                    } else {
                        e.is_alphanumeric()
                    }
                });
                if joiner && next_ok {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // "U.S." keeps its last stop when it is an abbreviation
                if d == '.' && text[i..end].contains('.') {
                    end = j + 1;
                    it.next();
                }
                break;
            }
            out.push(Token {
                start: i,
                end,
                sentence_start: starts_sentence,
            });
            starts_sentence = false;
        } else if matches!(c, '\n' | '!' | '?') || (c == '.' && !out.is_empty()) {
            starts_sentence = true;
        } else if !(c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' | '-' | '—' | '–'
            ))
        {
            starts_sentence = false;
        }
    }
    out
}

/// Words that may stand capitalised inside a name ("Bank of England",
/// "Prince of Wales").
fn joins_names(w: &str) -> bool {
    matches!(
        w,
        "of" | "de" | "du" | "van" | "von" | "der" | "al" | "bin" | "la" | "le"
    )
}

/// Function words that are capitalised only because they open a title or a
/// quote; never a participant on their own.
fn function_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "and"
            | "but"
            | "or"
            | "in"
            | "on"
            | "at"
            | "of"
            | "for"
            | "to"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "lrb"
            | "rrb"
            | "s"
    )
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A number as matched: digits with the group commas removed; `None` for
/// what is not a plain number ("H1N1" is a name).
fn number(w: &str) -> Option<String> {
    let digits: String = w.chars().filter(|c| *c != ',').collect();
    let plain = digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && !digits.ends_with('.');
    plain.then_some(digits)
}

/// The participants of `text[within]`: capitalised word sequences (names,
/// places, organisations: "World Health Organization", "BP", "Bank of
/// England"), and numbers that are not part of a date or time ("11,000
/// barrels" gives `11000`; "June 11, 2009" gives nothing).
///
/// A capitalised word that opens a sentence counts only when the text
/// elsewhere writes it capitalised inside a sentence ("Obama said …" after
/// "… met Obama"): otherwise it is most likely an ordinary word. The
/// temporal expressions are those the tagger finds ([`crate::tag::tag`]
/// over the whole text), so a month or weekday name is not a participant.
/// Each participant is given once, in text order; names as written with
/// single spaces, numbers without group commas. Positions outside the text
/// or inside a character are moved to the nearest boundaries.
///
/// This reads the whole text (its tokens, dates and known names) on every
/// call; for many windows of one text, make a [`Participants`] once.
///
/// ```
/// use chronology::stories::participants;
/// let t = "Talks failed. The World Health Organization said 1,200 people died in Mexico on June 11, 2009.";
/// assert_eq!(participants(t, 0..t.len()), ["World Health Organization", "1200", "Mexico"]);
/// ```
pub fn participants(text: &str, within: Range<usize>) -> Vec<String> {
    Participants::new(text).within(within)
}

/// One text read once for [`participants`]: its tokens, the spans of its
/// temporal expressions and the capitalised words it uses inside sentences.
#[derive(Debug, Clone)]
pub struct Participants<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Spans of the tagger's mentions, merged, in text order.
    dates: Vec<Range<usize>>,
    /// Capitalised words seen inside a sentence anywhere in the text.
    known: std::collections::HashSet<&'a str>,
}

impl<'a> Participants<'a> {
    /// Read `text` (tokens, tagged dates, known names): linear in its length.
    pub fn new(text: &'a str) -> Participants<'a> {
        let toks = tokens(text);
        let mut dates: Vec<Range<usize>> = Vec::new();
        let mut spans: Vec<Range<usize>> = crate::tag::tag(text, 0..text.len())
            .into_iter()
            .map(|m| m.start..m.end)
            .collect();
        spans.sort_unstable_by_key(|r| (r.start, r.end));
        for r in spans {
            match dates.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => dates.push(r),
            }
        }
        let known = toks
            .iter()
            .filter(|t| !t.sentence_start)
            .map(|t| &text[t.start..t.end])
            .filter(|w| capitalised(w))
            .collect();
        Participants {
            text,
            toks,
            dates,
            known,
        }
    }

    /// Does the token lie (partly) in a temporal expression?
    fn in_date(&self, t: &Token) -> bool {
        let k = self.dates.partition_point(|r| r.end <= t.start);
        self.dates.get(k).is_some_and(|r| r.start < t.end)
    }

    /// The participants of `text[within]`, as [`participants`] gives them.
    pub fn within(&self, within: Range<usize>) -> Vec<String> {
        let text = self.text;
        let toks = &self.toks;
        let from = ceil_boundary(text, within.start);
        let to = floor_boundary(text, within.end).max(from);
        let mut out: Vec<String> = Vec::new();
        let push = |s: String, out: &mut Vec<String>| {
            if !out.contains(&s) {
                out.push(s);
            }
        };
        let mut k = toks.partition_point(|t| t.start < from);
        while k < toks.len() && toks[k].end <= to {
            let t = toks[k];
            let w = &text[t.start..t.end];
            if self.in_date(&t) {
                k += 1;
                continue;
            }
            if let Some(n) = number(w) {
                push(n, &mut out);
                k += 1;
                continue;
            }
            let opens = capitalised(w) && !function_word(w) && (!t.sentence_start || self.known.contains(w));
            if !opens {
                k += 1;
                continue;
            }
            let last = self.name_end(k, to);
            let name: Vec<&str> = toks[k..=last].iter().map(|t| &text[t.start..t.end]).collect();
            push(name.join(" "), &mut out);
            k = last + 1;
        }
        out
    }

    /// The last token of the name that starts at token `k`: capitalised
    /// words on one line with single spaces, and "of" between two of them.
    fn name_end(&self, k: usize, to: usize) -> usize {
        let (text, toks) = (self.text, &self.toks);
        let mut last = k;
        let mut j = k + 1;
        while j < toks.len() && toks[j].end <= to && !toks[j].sentence_start {
            let gap = &text[toks[j - 1].end..toks[j].start];
            if !gap.chars().all(|c| c == ' ') || self.in_date(&toks[j]) {
                break;
            }
            let wj = &text[toks[j].start..toks[j].end];
            if capitalised(wj) && !function_word(wj) && number(wj).is_none() {
                last = j;
                j += 1;
            } else if joins_names(wj)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.end <= to && capitalised(&text[n.start..n.end]))
            {
                j += 1;
            } else {
                break;
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &str) -> Vec<String> {
        participants(t, 0..t.len())
    }

    #[test]
    fn names_places_and_organisations() {
        assert_eq!(
            all("Officials from BP met the Bank of England in London."),
            ["BP", "Bank of England", "London"]
        );
        assert_eq!(all("He flew to the U.S. and met O'Neill."), ["U.S.", "O'Neill"]);
        assert_eq!(all("Cases of H1N1 rose."), ["H1N1"]);
    }

    #[test]
    fn a_sentence_start_counts_only_when_known() {
        assert_eq!(all("Officials met. Protesters left."), Vec::<String>::new());
        assert_eq!(all("Obama spoke. Later, aides said Obama left."), ["Obama"]);
        assert_eq!(all("\"Nobody knows,\" he said."), Vec::<String>::new());
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert_eq!(all("It leaked 5,000 barrels a day."), ["5000"]);
        assert_eq!(all("On March 3, 2010 it leaked 2.5 million gallons."), ["2.5"]);
        // (the tagger reads "from 297 to 1051" as years, issue 12: not ours to decide)
        assert_eq!(all("from 297 to 4,051 cases on Tuesday"), ["297", "4051"]);
    }

    #[test]
    fn the_window_and_bad_positions() {
        let t = "Paris said no. Berlin said yes to Madrid.";
        let second = t.find("Berlin").unwrap_or(0);
        assert_eq!(participants(t, second..t.len()), ["Madrid"]);
        assert!(participants(t, 100..200).is_empty());
        assert!(participants("é Zürich", 1..9).len() <= 1);
        assert!(participants("", 0..0).is_empty());
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 5..2;
        assert_eq!(participants(t, backwards), Vec::<String>::new());
    }
}
