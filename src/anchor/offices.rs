//! Terms of office (`grammar/offices.txt`): an office holder named with the
//! title ("the prime minister, Gordon Brown", "Gordon Brown, the prime
//! minister") dates the text to the term, a cue of kind `office` (issue 13).
//! "Former", "ex-" or "late" before the title says the term is over: no cue.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::days::{day, Day};
use crate::grammar::lexicon::LexiconError;

const FILE: &str = "grammar/offices.txt";
const TEXT: &str = include_str!("../../grammar/offices.txt");

/// One term of office.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Term {
    pub(super) from: Day,
    pub(super) to: Day,
    pub(super) titles: Vec<String>,
    pub(super) name: String,
}

/// Terms by the last word of the holder's name.
type Lexicon = HashMap<String, Vec<Term>>;

fn parse(text: &str) -> Result<Lexicon, LexiconError> {
    let mut lex: Lexicon = HashMap::new();
    for (n, l) in crate::grammar::data_lines(text) {
        let parts: Vec<&str> = l.split(" | ").map(str::trim).collect();
        let bad = || LexiconError::at(FILE, n, "expected `FROM TO | TITLE[/TITLE...] | NAME`");
        let [days, titles, name] = parts.as_slice() else {
            return Err(bad());
        };
        let mut d = days.split_whitespace().map(crate::ingest::parse_day);
        let (Some(Some(from)), Some(Some(to))) = (d.next(), d.next()) else {
            return Err(bad());
        };
        let last = name.split_whitespace().last().ok_or_else(bad)?.to_string();
        // names are matched only from a capital (terms_in skips other words)
        if !last.chars().next().is_some_and(char::is_uppercase) {
            return Err(LexiconError::at(FILE, n, "a name's last word starts with a capital"));
        }
        let titles: Vec<String> = titles.split('/').map(|t| t.trim().to_lowercase()).collect();
        let terms = lex.entry(last).or_default();
        // a second term of the same office: the span from the first to the
        // last (one cue; the text does not say which term)
        match terms.iter_mut().find(|t| t.name == *name && t.titles == titles) {
            Some(t) => {
                t.from = t.from.min(day(from));
                t.to = t.to.max(day(to));
            }
            None => terms.push(Term {
                from: day(from),
                to: day(to),
                titles,
                name: name.to_string(),
            }),
        }
    }
    Ok(lex)
}

fn lexicon() -> Result<&'static Lexicon, &'static LexiconError> {
    static L: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
    L.get_or_init(|| parse(TEXT)).as_ref()
}

/// Load `grammar/offices.txt` (once) and check it.
pub fn check_offices() -> Result<(), LexiconError> {
    lexicon().map(|_| ()).map_err(Clone::clone)
}

/// The terms of office `text` names with their titles, with the byte span
/// of each name.
pub(super) fn terms_in(text: &str, base: usize) -> Vec<(std::ops::Range<usize>, &'static Term)> {
    let Ok(lex) = lexicon() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = 0;
    for w in text.split_inclusive(|c: char| !c.is_alphanumeric() && c != '-') {
        let start = at;
        at += w.len();
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-');
        // every name's last word starts with a capital (checked when read)
        if !core.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let Some(terms) = lex.get(core) else { continue };
        let end = start + core.len();
        for t in terms {
            let Some(name_start) = end.checked_sub(t.name.len()) else {
                continue;
            };
            if text.get(name_start..end) != Some(t.name.as_str()) {
                continue;
            }
            if titled(text, name_start, end, &t.titles) {
                out.push((base + name_start..base + end, t));
                break;
            }
        }
    }
    out
}

/// Whether a title stands right before the name ("prime minister Gordon
/// Brown", "the prime minister, Gordon Brown") or right after it ("Gordon
/// Brown, the prime minister"), and no "former", "ex-" or "late" before it.
fn titled(text: &str, start: usize, end: usize, titles: &[String]) -> bool {
    let lo = crate::text::floor_boundary(text, start.saturating_sub(48));
    let before = text.get(lo..start).unwrap_or("").to_lowercase();
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let hi = crate::text::floor_boundary(text, (end + 48).min(text.len()));
    let after = text.get(end..hi).unwrap_or("").to_lowercase();
    let after = after.trim_start().trim_start_matches(',').trim_start();
    let after = after.strip_prefix("the ").unwrap_or(after);
    titles.iter().any(|t| {
        let pre = before.ends_with(t.as_str()) && {
            let head = &before[..before.len() - t.len()];
            let last = head.split_whitespace().last().unwrap_or("");
            !matches!(
                last,
                "former" | "late" | "then" | "ex" | "ex-" | "future" | "next" | "deputy" | "vice"
            ) && !head.ends_with("ex-")
        };
        let post = after.starts_with(t.as_str());
        pre || post
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads() {
        assert_eq!(check_offices(), Ok(()));
    }

    #[test]
    fn a_title_before_or_after_the_name_dates_it_and_former_does_not() {
        for text in [
            "The prime minister, Gordon Brown, said the talks would go on.",
            "Speaking in Leeds, Gordon Brown, the prime minister, promised more.",
            "a letter from Prime Minister Gordon Brown arrived",
        ] {
            let found = terms_in(text, 0);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].1.name, "Gordon Brown");
            assert!(found[0].1.titles.contains(&"prime minister".to_string()));
        }
        for text in [
            "The former prime minister Gordon Brown spoke in Kirkcaldy.",
            "Gordon Brown visited a school.",
        ] {
            assert!(
                terms_in(text, 0)
                    .iter()
                    .all(|t| !t.1.titles.contains(&"prime minister".to_string())),
                "{text}"
            );
        }
    }
}
