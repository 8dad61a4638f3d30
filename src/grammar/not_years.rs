//! `grammar/not_years.txt`: the words next to a four-digit number that make
//! it a count, a price, a code or a clock time, never a year.

use super::lexicon::{parse_file, Lexicon, LexiconError};

/// What a word of `grammar/not_years.txt` says of the number next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotYear {
    /// Right before the number: a count, a price, a number of a thing.
    Before,
    /// Right after the number: a unit of measure.
    After,
    /// Right after a four-digit clock time (`hhmm`).
    Clock,
    /// Before a range of two numbers with no "from"/"between": an estimate.
    About,
}

/// The words of `grammar/not_years.txt`, by where they stand.
#[derive(Debug)]
pub struct NotYears {
    /// The words after a number (units and clock words), longest first.
    pub after: Lexicon<NotYear>,
    /// The words before a number (lower case, single spaces).
    pub before: Vec<String>,
    /// The estimate words before a range of two numbers.
    pub about: Vec<String>,
    /// What joins the two ends of a range of numbers.
    pub joins: Vec<String>,
    /// The eras after a number.
    pub eras: Vec<String>,
    /// What opens a clock time given again in another zone.
    pub brackets: Vec<String>,
    /// The half of the day after a clock time ("00:36 am"): read by
    /// `page::furniture` in the stamps of readers' comments.
    pub meridiem: Vec<String>,
}

/// Read `grammar/not_years.txt` (`file` is its name for errors).
pub fn load(file: &str, text: &str) -> Result<NotYears, LexiconError> {
    let mut after = Vec::new();
    let (mut before, mut about) = (Vec::new(), Vec::new());
    let (mut joins, mut eras, mut brackets, mut meridiem) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (s, v, line) in parse_file(file, text)? {
        let s = s.to_lowercase();
        match v.as_str() {
            "BEFORE" => before.push(s),
            "ABOUT" => about.push(s),
            "JOIN" => joins.push(s),
            "ERA" => eras.push(s),
            "BRACKET" => brackets.push(s),
            "MERIDIEM" => meridiem.push(s),
            "AFTER" => after.push((s, NotYear::After)),
            "CLOCK" => after.push((s, NotYear::Clock)),
            _ => {
                return Err(LexiconError::at(
                    file,
                    line,
                    format!("bad value {v:?}: BEFORE, AFTER, CLOCK, ABOUT, JOIN, ERA, BRACKET or MERIDIEM"),
                ))
            }
        }
    }
    Ok(NotYears {
        after: Lexicon::new(after),
        before,
        about,
        joins,
        eras,
        brackets,
        meridiem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_kind_names_its_line() {
        let e = load("x.txt", "# FORMAT: words | kind\npage | BEFORE\nkm | UNIT\n").expect_err("bad kind");
        assert!(e.to_string().contains("x.txt:3"), "{e}");
        let ok = load("x.txt", "# FORMAT: words | kind\nMore than | BEFORE\nkm | AFTER\n").expect("loads");
        assert_eq!(ok.before, ["more than"]);
        assert_eq!(ok.after.longest("km away"), Some((2, &NotYear::After)));
    }
}
