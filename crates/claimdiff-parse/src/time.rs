//! Dates and clock times: absolute dates in any order, weekdays, relative days, years.

use crate::document::{Facet, Fact, FactValue, Sentence, Time};
use crate::text::{Token, TokenKind};

fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if !(3..=9).contains(&w.len())
        || !w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_lowercase())
    {
        return None;
    }
    let w = w.to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday(w: &str) -> Option<u32> {
    if !(6..=9).contains(&w.len()) {
        return None;
    }
    let d = match w.to_ascii_lowercase().as_str() {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some(d)
}

/// True for month and weekday names, which are never places or people.
pub(crate) fn is_time_word(w: &str) -> bool {
    weekday(w).is_some() || month(w).is_some() && !w.eq_ignore_ascii_case("may")
}

struct Cur<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Cur<'_> {
    fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    fn lower(&self, i: usize) -> String {
        self.raw(i).to_lowercase()
    }
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let d: u32 = t.text(self.text).parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        // Ordinal suffix glued on: "7th".
        let next = self.lower(i + 1);
        let glued = self.tokens.get(i + 1).is_some_and(|n| n.start == t.end);
        let end = if glued && matches!(next.as_str(), "st" | "nd" | "rd" | "th") {
            i + 2
        } else {
            i + 1
        };
        Some((d, end))
    }
    fn year(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        let s = t.text(self.text);
        if t.kind != TokenKind::Number || s.len() != 4 {
            return None;
        }
        s.parse().ok().filter(|y| (1800..=2100).contains(y))
    }
    /// Month token at `i`, allowing an abbreviation's stop as the next token.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let m = month(t.text(self.text))?;
        let abbrev = t.text(self.text).len() <= 4
            && !t.text(self.text).eq_ignore_ascii_case("may")
            && !t.text(self.text).eq_ignore_ascii_case("june")
            && !t.text(self.text).eq_ignore_ascii_case("july");
        let end = if abbrev && self.raw(i + 1) == "." {
            i + 2
        } else {
            i + 1
        };
        Some((m, end))
    }
}

/// A time expression found at tokens `start..end`.
struct Found {
    start: usize,
    end: usize,
    time: Time,
}

/// Extracts the dates and times of one sentence.
pub(crate) fn extract(text: &str, s: &Sentence) -> Vec<Fact> {
    let c = Cur {
        text,
        tokens: &s.tokens,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        if let Some(f) = read(&c, i) {
            let mut f = f;
            f.time.dateline = is_dateline(&c, &f);
            let span = c.tokens[f.start].start..c.tokens[f.end - 1].end;
            let raw = text[span.clone()].to_owned();
            let value = f
                .time
                .timex
                .clone()
                .or_else(|| f.time.relative.clone())
                .unwrap_or_default();
            out.push(Fact {
                facet: Facet::Time,
                span,
                raw,
                value,
                detail: FactValue::Time(f.time),
            });
            i = f.end;
        } else {
            i += 1;
        }
    }
    out
}

/// True for a dateline: upper-case place words and a comma before the date at the start of
/// a sentence, and a dash after it.
fn is_dateline(c: &Cur<'_>, f: &Found) -> bool {
    let dash = matches!(c.raw(f.end), "\u{2014}" | "\u{2013}" | "-");
    let before = &c.tokens[..f.start];
    dash && before.len() >= 2
        && c.raw(f.start - 1) == ","
        && before[..before.len() - 1].iter().all(|t| {
            let w = t.text(c.text);
            t.kind != TokenKind::Number && !w.chars().any(char::is_lowercase)
        })
}

fn absolute(timex: String) -> Time {
    Time {
        timex: Some(timex),
        relative: None,
        dateline: false,
    }
}

fn relative(rel: &str) -> Time {
    Time {
        timex: None,
        relative: Some(rel.to_owned()),
        dateline: false,
    }
}

fn read(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "7 October [2023]", "7th of October".
    if let Some((d, e)) = c.day(i) {
        let e2 = if c.lower(e) == "of" { e + 1 } else { e };
        if let Some((m, me)) = c.month(e2) {
            let (year, end) = match c.year(me) {
                Some(y) => (format!("{y:04}"), me + 1),
                None => ("XXXX".to_owned(), me),
            };
            return Some(Found {
                start: i,
                end,
                time: absolute(format!("{year}-{m:02}-{d:02}")),
            });
        }
    }
    // "October 7[, 2023]", "Oct. 7", "October 2023".
    if let Some((m, me)) = c.month(i) {
        if let Some((d, de)) = c.day(me) {
            let (year, end) = if c.raw(de) == "," && c.year(de + 1).is_some() {
                (format!("{:04}", c.year(de + 1)?), de + 2)
            } else if let Some(y) = c.year(de) {
                (format!("{y:04}"), de + 1)
            } else {
                ("XXXX".to_owned(), de)
            };
            return Some(Found {
                start: i,
                end,
                time: absolute(format!("{year}-{m:02}-{d:02}")),
            });
        }
        if let Some(y) = c.year(me) {
            return Some(Found {
                start: i,
                end: me + 1,
                time: absolute(format!("{y:04}-{m:02}")),
            });
        }
        let is_may = c.lower(i) == "may";
        let prev = if i > 0 { c.lower(i - 1) } else { String::new() };
        if !is_may
            && matches!(
                prev.as_str(),
                "in" | "last" | "next" | "since" | "until" | "this" | "early" | "late" | "mid"
            )
        {
            let (start, rel) = if matches!(prev.as_str(), "last" | "next" | "this") {
                (i - 1, format!("{prev} month {m:02}"))
            } else {
                (i, format!("month {m:02}"))
            };
            return Some(Found {
                start,
                end: me,
                time: relative(&rel),
            });
        }
    }
    // Clock times: "10:30am", "10.30am", "3pm", "15:00", "4 p.m.".
    if let Some(t) = c.tokens.get(i).filter(|t| t.kind == TokenKind::Number) {
        let s = t.text(c.text);
        let next = c.lower(i + 1);
        let ampm = match next.as_str() {
            "am" | "a.m" => Some(0),
            "pm" | "p.m" => Some(12),
            "a" | "p" if c.raw(i + 2) == "." && matches!(c.lower(i + 3).as_str(), "m") => {
                Some(if next == "a" { 0 } else { 12 })
            }
            _ => None,
        };
        let (h, m) = match s.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            Some(_) => (99, 0),
            None => (s.parse::<u32>().unwrap_or(99), 0),
        };
        let clock = s.contains(':') || ampm.is_some();
        if clock && h <= 24 && m < 60 && (ampm.is_none() || (1..=12).contains(&h)) {
            let hour = match ampm {
                Some(add) => (h % 12) + add,
                None => h,
            };
            let mut end = i + 1;
            if ampm.is_some() {
                end = i + 2;
                if next == "a" || next == "p" {
                    end = i + 4;
                }
                if c.raw(end) == "."
                    && c.tokens
                        .get(end)
                        .is_some_and(|t| t.start == c.tokens[end - 1].end)
                    && c.tokens.get(end + 1).is_some()
                {
                    end += 1;
                }
            }
            return Some(Found {
                start: i,
                end,
                time: absolute(format!("T{hour:02}:{m:02}")),
            });
        }
    }
    // Years after a preposition: "in 2019", "since 2011".
    if let Some(y) = c.year(i) {
        let prev = if i > 0 { c.lower(i - 1) } else { String::new() };
        let next = c.lower(i + 1);
        let is_count = matches!(
            next.as_str(),
            "people" | "homes" | "residents" | "workers" | "%"
        );
        if !is_count
            && (matches!(
                prev.as_str(),
                "in" | "since"
                    | "of"
                    | "until"
                    | "by"
                    | "from"
                    | "during"
                    | "the"
                    | "before"
                    | "after"
            ) || next == ","
                || next == ".")
        {
            return Some(Found {
                start: i,
                end: i + 1,
                time: absolute(format!("{y:04}")),
            });
        }
    }
    // Weekdays: "on Monday", "last Friday".
    if let Some(d) = c.tokens.get(i).and_then(|t| weekday(t.text(c.text))) {
        let prev = if i > 0 { c.lower(i - 1) } else { String::new() };
        let start = if matches!(prev.as_str(), "last" | "next" | "this") {
            i - 1
        } else {
            i
        };
        let rel = if start < i {
            format!("{prev} weekday {d}")
        } else {
            format!("weekday {d}")
        };
        // "Monday 4 March" keeps the date.
        if let Some(f) =
            read(c, i + 1).filter(|f| f.time.timex.as_deref().is_some_and(|t| t.len() == 10))
        {
            return Some(Found {
                start,
                end: f.end,
                time: f.time,
            });
        }
        if c.raw(i + 1) == ","
            && let Some(f) =
                read(c, i + 2).filter(|f| f.time.timex.as_deref().is_some_and(|t| t.len() == 10))
        {
            return Some(Found {
                start,
                end: f.end,
                time: f.time,
            });
        }
        return Some(Found {
            start,
            end: i + 1,
            time: relative(&rel),
        });
    }
    // Relative days.
    // Only a handful of words start a relative expression: test before allocating.
    let w = c.raw(i);
    if ![
        "last",
        "this",
        "next",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ]
    .iter()
    .any(|k| k.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let w = w.to_ascii_lowercase();
    let two = format!("{w} {}", c.lower(i + 1));
    let rel2 = match two.as_str() {
        "last night" => Some("-1 day night"),
        "this morning" => Some("0 day morning"),
        "this afternoon" => Some("0 day afternoon"),
        "this evening" => Some("0 day evening"),
        "last week" => Some("-1 week"),
        "last month" => Some("-1 month"),
        "last year" => Some("-1 year"),
        "next week" => Some("+1 week"),
        "next month" => Some("+1 month"),
        "next year" => Some("+1 year"),
        "this year" => Some("0 year"),
        "this week" => Some("0 week"),
        _ => None,
    };
    if let Some(rel) = rel2 {
        return Some(Found {
            start: i,
            end: i + 2,
            time: relative(rel),
        });
    }
    let rel1 = match w.as_str() {
        "today" => Some("0 day"),
        "yesterday" => Some("-1 day"),
        "tomorrow" => Some("+1 day"),
        "tonight" => Some("0 day night"),
        _ => None,
    };
    rel1.map(|rel| Found {
        start: i,
        end: i + 1,
        time: relative(rel),
    })
}

#[cfg(test)]
mod tests {
    use crate::document::{Facet, Source};
    use crate::{Lexicon, parse};

    fn check(text: &str, expected: &[(&str, &str)]) {
        let lex = Lexicon::embedded();
        let doc = parse(Source::default(), text, &lex);
        let got: Vec<(String, String)> = doc
            .sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter(|f| f.facet == Facet::Time)
            .map(|f| (f.raw.clone(), f.value.clone()))
            .collect();
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn dates_in_any_order_agree() {
        check("It began on 7 October.", &[("7 October", "XXXX-10-07")]);
        check("It began on October 7.", &[("October 7", "XXXX-10-07")]);
        check(
            "It began on Oct. 7, 2023.",
            &[("Oct. 7, 2023", "2023-10-07")],
        );
        check(
            "It began on the 7th of October 2023.",
            &[("7th of October 2023", "2023-10-07")],
        );
    }

    #[test]
    fn times_weekdays_and_relative_days() {
        check(
            "At 10:30am on Monday.",
            &[("10:30am", "T10:30"), ("Monday", "weekday 1")],
        );
        check(
            "Yesterday and last night, this morning.",
            &[
                ("Yesterday", "-1 day"),
                ("last night", "-1 day night"),
                ("this morning", "0 day morning"),
            ],
        );
        check("By 4 p.m. it was over.", &[("4 p.m.", "T16:00")]);
        check("In 2019 it rained.", &[("2019", "2019")]);
        check(
            "HOLMSTADT, Sept. 29 — It rained on 28 September.",
            &[("Sept. 29", "XXXX-09-29"), ("28 September", "XXXX-09-28")],
        );
    }
}
