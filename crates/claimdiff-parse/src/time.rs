//! Dates and clock times: absolute dates in any order, numeric dates, ranges, weekdays,
//! relative days, years; relative expressions resolve against the publication date.
//!
//! Reading is two steps: [`read`] turns tokens into a [`When`] (what the text says), and
//! [`When::timex`] writes it as a TIMEX value, using the publication date when the text leaves
//! the day to it. Without a publication date a relative expression ("yesterday", "on Monday")
//! keeps only its offset as written (`Time::relative`) and is never compared; with one it also
//! gets a `timex` and keeps the offset. Resolution prefers the past, as news reports do: "on
//! Monday" is the latest Monday on or before the publication date, "7 October" the latest 7
//! October not after it.
//!
//! Values stay in the shapes `claimdiff-align` compares: `YYYY-MM-DD`, `XXXX-MM-DD`, `YYYY-MM`,
//! `YYYY`, `YYYY-Www` (ISO week) and clock times `THH:MM`. Two kinds of expression are kept as
//! several facts on purpose, because align compares points of one precision: a range is its
//! two ends ("from 2014 to 2018" is 2014 and 2018; an interval TIMEX would make every lead
//! with a range look like a different occasion from one with a date), and a date with a clock
//! time is a date and a time ("14th Feb" and "9:30am"), so that dates compare with dates and
//! clock times with clock times. An unresolved weekday has no TIMEX (`XXXX-WXX-5` would be
//! compared, and would contradict the date it falls on).

use jiff::ToSpan;
use jiff::civil::Date;

use crate::document::{Facet, Fact, FactValue, Sentence, Time};
use crate::text::{Token, TokenKind};

fn month(w: &str) -> Option<i8> {
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

/// A weekday name, 1 = Monday; `abbrev` is true for "Mon", "Tues"…
fn weekday(w: &str) -> Option<(i8, bool)> {
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    let d = match w.to_ascii_lowercase().as_str() {
        "monday" => (1, false),
        "tuesday" => (2, false),
        "wednesday" => (3, false),
        "thursday" => (4, false),
        "friday" => (5, false),
        "saturday" => (6, false),
        "sunday" => (7, false),
        "mon" => (1, true),
        "tue" | "tues" => (2, true),
        "wed" => (3, true),
        "thu" | "thur" | "thurs" => (4, true),
        "fri" => (5, true),
        "sat" => (6, true),
        "sun" => (7, true),
        _ => return None,
    };
    Some(d)
}

/// True for month and weekday names, which are never places or people.
pub(crate) fn is_time_word(w: &str) -> bool {
    weekday(w).is_some_and(|(_, abbrev)| !abbrev)
        || month(w).is_some() && !w.eq_ignore_ascii_case("may")
}

/// The publication date of `published` (`YYYY-MM-DD`), if it is one.
pub(crate) fn reference(published: Option<&str>) -> Option<Date> {
    let s = published?.trim();
    let digits = |r: std::ops::Range<usize>| {
        s.get(r)
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    if s.len() != 10 || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    if s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    Date::new(
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    )
    .ok()
}

/// True when `s` is a publication date claimdiff can resolve against: a real `YYYY-MM-DD` day.
#[must_use]
pub fn is_publication_date(s: &str) -> bool {
    reference(Some(s)).is_some()
}

// ---------------------------------------------------------------------------------------------
// What a time expression says

/// Which week a weekday is in, relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// "on Monday": the latest on or before the publication date.
    Bare,
    /// "past Monday": the latest strictly before.
    Past,
    /// "last Monday": in the week before the publication week.
    Last,
    /// "this Monday": in the publication week.
    This,
    /// "next Monday": in the week after.
    Next,
}

impl Which {
    fn word(self) -> Option<&'static str> {
        match self {
            Self::Bare => None,
            Self::Past => Some("past"),
            Self::Last => Some("last"),
            Self::This => Some("this"),
            Self::Next => Some("next"),
        }
    }
}

/// A calendar unit that relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// What a time expression says, before it is written as TIMEX.
#[derive(Debug, Clone, PartialEq, Eq)]
enum When {
    /// A calendar day; no year when the text gives none ("7 October").
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    /// A day of the month alone ("on the 18th"): the latest such day on or before the
    /// publication date.
    MonthDay(i8),
    /// A month; no year when the text gives none ("in October"), or a year counted from the
    /// publication year ("January last year").
    Month { year: Year, month: i8 },
    /// A year.
    Year(i16),
    /// A clock time.
    Clock { hour: i8, minute: i8 },
    /// A weekday ("on Monday", "last Friday").
    Weekday { day: i8, which: Which },
    /// A day counted from the publication date ("yesterday" -1), with a part of the day.
    Days(i32, Option<&'static str>),
    /// The day, week, month or year `n` units from the publication date's ("last week").
    Period(Unit, i32),
    /// A day, month or year some units before the publication date ("two days ago").
    Ago(Unit, i32),
}

/// The year of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    /// Not said ("in October").
    Unknown,
    /// Said ("October 2023").
    Given(i16),
    /// Counted from the publication year ("January last year" -1, "this October" 0).
    Relative(i32),
}

/// The latest valid `month`/`day` not after `r`, or `None` when the day does not exist.
fn latest_day(r: Date, month: i8, day: i8) -> Option<Date> {
    let this = Date::new(r.year(), month, day).ok();
    match this {
        Some(d) if d <= r => Some(d),
        _ => Date::new(r.year() - 1, month, day).ok(),
    }
}

/// The Monday of `r`'s week plus `weeks` weeks and `day - 1` days.
fn in_week(r: Date, weeks: i64, day: i8) -> Option<Date> {
    let monday = r
        .checked_sub(i64::from(r.weekday().to_monday_one_offset() - 1).days())
        .ok()?;
    monday
        .checked_add((weeks * 7 + i64::from(day - 1)).days())
        .ok()
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

impl When {
    /// The offset as written, for an expression that needs the publication date.
    fn relative(&self) -> Option<String> {
        Some(match self {
            Self::Day {
                year: None,
                month,
                day,
            } => format!("XXXX-{month:02}-{day:02}"),
            Self::Month {
                year: Year::Unknown,
                month,
            } => format!("month {month:02}"),
            Self::Month {
                year: Year::Relative(n),
                month,
            } => match n {
                0 => format!("this month {month:02}"),
                n => format!("{n:+} year month {month:02}"),
            },
            Self::MonthDay(day) => format!("day {day:02}"),
            Self::Weekday { day, which } => match which.word() {
                Some(w) => format!("{w} weekday {day}"),
                None => format!("weekday {day}"),
            },
            Self::Days(n, part) => {
                let n = if *n == 0 {
                    "0".to_owned()
                } else {
                    format!("{n:+}")
                };
                match part {
                    Some(p) => format!("{n} day {p}"),
                    None => format!("{n} day"),
                }
            }
            Self::Period(unit, n) => {
                let n = if *n == 0 {
                    "0".to_owned()
                } else {
                    format!("{n:+}")
                };
                format!("{n} {}", unit.name())
            }
            Self::Ago(unit, n) => format!("-{n} {} ago", unit.name()),
            _ => return None,
        })
    }

    /// The TIMEX value against the publication date `r`; `None` when it needs one and there is
    /// none.
    fn timex(&self, r: Option<Date>) -> Option<String> {
        match self {
            Self::Day {
                year: Some(y),
                month,
                day,
            } => Some(format!("{y:04}-{month:02}-{day:02}")),
            Self::Day {
                year: None,
                month,
                day,
            } => Some(
                r.and_then(|r| latest_day(r, *month, *day))
                    .map_or_else(|| format!("XXXX-{month:02}-{day:02}"), ymd),
            ),
            Self::Month { year, month } => {
                let r = r.map(|r| (r.year(), r.month()));
                match (*year, r) {
                    (Year::Given(y), _) => Some(ym(y, *month)),
                    (Year::Unknown, Some((ry, rm))) => {
                        Some(ym(if *month <= rm { ry } else { ry - 1 }, *month))
                    }
                    (Year::Relative(n), Some((ry, _))) => {
                        Some(ym(i16::try_from(i32::from(ry) + n).ok()?, *month))
                    }
                    _ => None,
                }
            }
            Self::Year(y) => Some(format!("{y:04}")),
            Self::MonthDay(day) => {
                let r = r?;
                let this = r.first_of_month();
                // The 31st is not in every month: look back until one has it.
                (0..12)
                    .filter_map(|n: i64| this.checked_sub(n.months()).ok())
                    .filter_map(|m| Date::new(m.year(), m.month(), *day).ok())
                    .find(|d| *d <= r)
                    .map(ymd)
            }
            Self::Clock { hour, minute } => Some(format!("T{hour:02}:{minute:02}")),
            Self::Weekday { day, which } => {
                let r = r?;
                let today = r.weekday().to_monday_one_offset();
                let d = match which {
                    Which::Bare => r.checked_sub(i64::from((today - day).rem_euclid(7)).days()),
                    Which::Past => {
                        r.checked_sub(i64::from((today - day - 1).rem_euclid(7) + 1).days())
                    }
                    Which::Last => return in_week(r, -1, *day).map(ymd),
                    Which::This => return in_week(r, 0, *day).map(ymd),
                    Which::Next => return in_week(r, 1, *day).map(ymd),
                };
                d.ok().map(ymd)
            }
            Self::Days(n, _) => r?.checked_add(i64::from(*n).days()).ok().map(ymd),
            Self::Period(unit, n) => {
                let r = r?;
                let n = i64::from(*n);
                match unit {
                    Unit::Day => r.checked_add(n.days()).ok().map(ymd),
                    Unit::Week => {
                        let w = r.checked_add((n * 7).days()).ok()?.iso_week_date();
                        Some(format!("{:04}-W{:02}", w.year(), w.week()))
                    }
                    Unit::Month => {
                        let d = r.first_of_month().checked_add(n.months()).ok()?;
                        Some(ym(d.year(), d.month()))
                    }
                    Unit::Year => Some(format!("{:04}", i64::from(r.year()) + n)),
                }
            }
            Self::Ago(unit, n) => {
                let r = r?;
                let n = i64::from(*n);
                let d = match unit {
                    Unit::Day => r.checked_sub(n.days()),
                    Unit::Week => r.checked_sub(n.weeks()),
                    Unit::Month => r.checked_sub(n.months()),
                    Unit::Year => r.checked_sub(n.years()),
                };
                d.ok().map(ymd)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading tokens

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
    fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.raw(i);
        words.iter().any(|k| k.eq_ignore_ascii_case(w))
    }
    fn prev(&self, i: usize) -> String {
        if i > 0 {
            self.lower(i - 1)
        } else {
            String::new()
        }
    }
    /// True when tokens `i` and `i + 1` touch (no space between them).
    fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    fn number(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        let s = t.text(self.text);
        (t.kind == TokenKind::Number && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
    }
    fn day(&self, i: usize) -> Option<(i8, usize)> {
        let s = self.number(i)?;
        if s.len() > 2 {
            return None;
        }
        let d: i8 = s.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        // Ordinal suffix glued on: "7th".
        let end = if self.glued(i) && self.is(i + 1, &["st", "nd", "rd", "th"]) {
            i + 2
        } else {
            i + 1
        };
        Some((d, end))
    }
    fn year(&self, i: usize) -> Option<i16> {
        let s = self.number(i)?;
        if s.len() != 4 {
            return None;
        }
        s.parse().ok().filter(|y| (1800..=2100).contains(y))
    }
    /// Month token at `i`, allowing an abbreviation's stop as the next token.
    fn month(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(self.text);
        let m = month(w)?;
        let abbrev = w.len() <= 4
            && !["may", "june", "july"]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(w));
        let end = if abbrev && self.raw(i + 1) == "." && self.glued(i) {
            i + 2
        } else {
            i + 1
        };
        Some((m, end))
    }
    /// A year after a date: "2023", ", 2023", "of 2023", "in 2023".
    fn year_after(&self, i: usize) -> Option<(i16, usize)> {
        if let Some(y) = self.year(i) {
            return Some((y, i + 1));
        }
        if self.raw(i) == "," || self.is(i, &["of", "in"]) {
            return self.year(i + 1).map(|y| (y, i + 2));
        }
        None
    }
}

/// A time expression found at tokens `start..end`.
struct Found {
    start: usize,
    end: usize,
    when: When,
}

fn found(start: usize, end: usize, when: When) -> Option<Found> {
    Some(Found { start, end, when })
}

/// Extracts the dates and times of one sentence; `published` resolves relative expressions.
pub(crate) fn extract(text: &str, s: &Sentence, published: Option<Date>) -> Vec<Fact> {
    let c = Cur {
        text,
        tokens: &s.tokens,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        let Some(f) = read(&c, i) else {
            i += 1;
            continue;
        };
        let timex = f.when.timex(published);
        let relative = f.when.relative();
        // Nothing to say: a relative expression that needs a date is still kept as written.
        if timex.is_none() && relative.is_none() {
            i = f.end;
            continue;
        }
        let time = Time {
            // An unresolved day-month keeps its `XXXX` TIMEX and needs no offset.
            relative: relative.filter(|r| timex.as_ref() != Some(r)),
            timex,
            dateline: is_dateline(&c, &f),
        };
        let span = c.tokens[f.start].start..c.tokens[f.end - 1].end;
        let raw = text[span.clone()].to_owned();
        let value = time
            .timex
            .clone()
            .or_else(|| time.relative.clone())
            .unwrap_or_default();
        out.push(Fact {
            facet: Facet::Time,
            span,
            raw,
            value,
            detail: FactValue::Time(time),
        });
        i = f.end;
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

/// Words before a date that bound it ("after 2018", "since August"); the suite keeps them in
/// the span, and so does claimdiff: the value is the date they bound.
const BOUNDS: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "till",
    "starting",
    "beginning",
];

/// Words of degree before a month or year ("mid-November", "early 2019") kept in the span.
const DEGREES: &[&str] = &["early", "late", "mid"];

fn read(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "later than 2020", "as late as tomorrow", "no later than 6 May".
    let three = c.is(i, &["as"]) && c.is(i + 1, &["late", "early"]) && c.is(i + 2, &["as"])
        || c.is(i, &["no"]) && c.is(i + 1, &["later", "earlier"]) && c.is(i + 2, &["than"]);
    let words = if three {
        3
    } else if c.is(i, &["later", "earlier"]) && c.is(i + 1, &["than"]) {
        2
    } else {
        usize::from(c.is(i, BOUNDS))
    };
    if words > 0 {
        let next = if c.is(i + words, &["on", "in"]) {
            i + words + 1
        } else {
            i + words
        };
        // "since this August": the point may start with its own qualifier.
        let point = read_point(c, next)
            .filter(|f| f.start == next)
            .or_else(|| read_point(c, next + 1).filter(|f| f.start == next));
        if let Some(f) = point {
            return Some(or_later(c, Found { start: i, ..f }));
        }
    }
    read_point(c, i).map(|f| or_later(c, f))
}

/// "2018 or later", "1/1/2016 and after": the bound after a date is kept in its span.
fn or_later(c: &Cur<'_>, mut f: Found) -> Found {
    if c.is(f.end, &["or", "and"])
        && c.is(
            f.end + 1,
            &["later", "after", "earlier", "before", "greater"],
        )
        && matches!(
            f.when,
            When::Day { .. } | When::Month { .. } | When::Year(_)
        )
        && read_point(c, f.end + 2).is_none()
    {
        f.end += 2;
    }
    f
}

/// One date, time or relative expression starting at `i` (or just before it, for a qualifier
/// such as "last").
fn read_point(c: &Cur<'_>, i: usize) -> Option<Found> {
    // Degree words: "mid-November", "early 2019".
    let w = c.raw(i);
    if let Some(rest) = w
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("mid-"))
        .map(|_| &w[4..])
        && let Some(m) = month(rest)
    {
        return found(
            i,
            i + 1,
            When::Month {
                year: Year::Unknown,
                month: m,
            },
        )
        .map(|f| with_year(c, f));
    }
    if c.is(i, DEGREES)
        && let Some(f) = read_point(c, i + 1)
            .filter(|f| f.start == i + 1 && matches!(f.when, When::Month { .. } | When::Year(_)))
    {
        return found(i, f.end, f.when);
    }
    if let Some(f) = date_at(c, i) {
        return Some(f);
    }
    if let Some(f) = clock_at(c, i) {
        return Some(f);
    }
    if let Some(f) = year_at(c, i) {
        return Some(f);
    }
    if let Some(f) = weekday_at(c, i) {
        return Some(f);
    }
    relative_at(c, i)
}

/// "January last year", "October 2023": a year after a month.
fn with_year(c: &Cur<'_>, mut f: Found) -> Found {
    if let When::Month {
        year: Year::Unknown,
        month,
    } = f.when
    {
        if let Some((y, e)) = c.year_after(f.end) {
            f.when = When::Month {
                year: Year::Given(y),
                month,
            };
            f.end = e;
        } else if c.is(f.end, &["last", "this", "next"]) && c.is(f.end + 1, &["year"]) {
            let n = match c.lower(f.end).as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            f.when = When::Month {
                year: Year::Relative(n),
                month,
            };
            f.end += 2;
        }
    }
    f
}

/// Calendar dates in words and digits.
fn date_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "7 October [2023]", "7th of October", "15 April of 1987", "fourth of July"; not "$12
    // December 27".
    if i >= c.tokens.len() {
        // Callers look ahead ("Monday 4 March"); past the end there is no date.
        return None;
    }
    let money = i > 0 && c.tokens[i - 1].kind == TokenKind::Symbol;
    if let Some((d, e)) = c.day(i).or_else(|| day_words(c, i)).filter(|_| !money) {
        let e2 = if c.is(e, &["of"]) { e + 1 } else { e };
        if let Some((m, me)) = c.month(e2) {
            let (year, end) = match c.year_after(me) {
                Some((y, end)) => (Some(y), end),
                None => (None, me),
            };
            return found(
                i,
                end,
                When::Day {
                    year,
                    month: m,
                    day: d,
                },
            );
        }
    }
    // "October 7[, 2023]", "Oct. 7", "Oct/7", "July 4th of 1995", "October 2023", "October".
    if let Some((m, me)) = c.month(i) {
        let slash = c.raw(me) == "/" && c.glued(me - 1) && c.glued(me);
        let day_at = if slash { me + 1 } else { me };
        if let Some((d, de)) = c
            .day(day_at)
            .or_else(|| day_words(c, day_at).filter(|_| !slash))
            && !c.is(de, &["am", "pm", "a.m", "p.m", "%"])
        {
            let (year, end) = match c.year_after(de) {
                Some((y, end)) => (Some(y), end),
                None => (None, de),
            };
            return found(
                i,
                end,
                When::Day {
                    year,
                    month: m,
                    day: d,
                },
            );
        }
        let is_may = c.is(i, &["may"]);
        let prev = c.prev(i);
        let month_alone = When::Month {
            year: Year::Unknown,
            month: m,
        };
        if let Some((y, e)) = c.year_after(me).filter(|_| !c.is(me, &["of"])) {
            return found(
                i,
                e,
                When::Month {
                    year: Year::Given(y),
                    month: m,
                },
            );
        }
        if matches!(prev.as_str(), "last" | "next" | "this") && !is_may {
            let n = match prev.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return found(
                i - 1,
                me,
                When::Month {
                    year: Year::Relative(n),
                    month: m,
                },
            );
        }
        let after_word = matches!(
            prev.as_str(),
            "in" | "since"
                | "until"
                | "till"
                | "early"
                | "late"
                | "mid"
                | "after"
                | "before"
                | "during"
                | "through"
                | "to"
                | "from"
                | "and"
                | "between"
        );
        // A bare month name: full names only, not "May" or "March" (also verbs and nouns), and
        // not a first name ("June Smith").
        let full = c.raw(i).len() > 4 || c.is(i, &["june", "july"]);
        let bare = full
            && !is_may
            && !c.is(i, &["march"])
            && !c.raw(i + 1).starts_with(|ch: char| ch.is_uppercase())
            && !matches!(prev.as_str(), "a" | "an" | "the");
        // "May" only after a word that leaves no doubt ("since May", "mid May"), or
        // capitalised after "in".
        let may_ok = matches!(
            prev.as_str(),
            "since" | "until" | "till" | "early" | "late" | "mid" | "after" | "before" | "during"
        ) || prev == "in" && c.raw(i).starts_with('M');
        if (after_word && (!is_may || may_ok)) || bare {
            return Some(with_year(
                c,
                Found {
                    start: i,
                    end: me,
                    when: month_alone,
                },
            ));
        }
    }
    // "on the 18th.": a day of the month alone, only after "on the" and before a stop or
    // comma ("on the 18th floor" is a floor).
    if c.is(i, &["the"])
        && c.prev(i) == "on"
        && let Some((d, e)) = c.day(i + 1).filter(|&(_, e)| e == i + 3)
        && matches!(c.raw(e), "" | "." | "," | "!" | "?" | ";")
    {
        return found(i, e, When::MonthDay(d));
    }
    numeric_date_at(c, i)
}

/// A day of the month in ordinal words: "fourth", "twenty second", "thirty-first".
fn day_words(c: &Cur<'_>, i: usize) -> Option<(i8, usize)> {
    const ORDINALS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let ordinal = |w: &str| {
        ORDINALS
            .iter()
            .position(|o| o.eq_ignore_ascii_case(w))
            .and_then(|p| i8::try_from(p + 1).ok())
    };
    let w = c.lower(i);
    if let Some(n) = ordinal(&w) {
        return Some((n, i + 1));
    }
    match w.as_str() {
        "twentieth" => return Some((20, i + 1)),
        "thirtieth" => return Some((30, i + 1)),
        _ => {}
    }
    // "twenty second", "twenty-second", "thirty first".
    let (tens, rest, end) = match w.split_once('-') {
        Some((t, r)) => (t.to_owned(), r.to_owned(), i + 1),
        None => (w.clone(), c.lower(i + 1), i + 2),
    };
    let tens = match tens.as_str() {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let d = tens + ordinal(&rest)?;
    (d <= 31).then_some((d, end))
}

/// Dates in digits: "2020-07-01", "20200701", "5/3/18", "22/04", "2015-03".
fn numeric_date_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let first = c.number(i)?;
    // "20200701".
    if first.len() == 8 {
        let (y, m, d) = (
            first[..4].parse::<i16>().ok()?,
            first[4..6].parse::<i8>().ok()?,
            first[6..].parse::<i8>().ok()?,
        );
        if (1900..=2100).contains(&y) && Date::new(y, m, d).is_ok() {
            return found(
                i,
                i + 1,
                When::Day {
                    year: Some(y),
                    month: m,
                    day: d,
                },
            );
        }
        return None;
    }
    let sep = c.raw(i + 1);
    if !matches!(sep, "/" | "-") || !c.glued(i) || !c.glued(i + 1) {
        return None;
    }
    let second = c.number(i + 2)?;
    let third = (c.raw(i + 3) == sep && c.glued(i + 2) && c.glued(i + 3))
        .then(|| c.number(i + 4))
        .flatten();
    // A number glued on after the date is not a date ("1/2/3/4").
    let end = if third.is_some() { i + 5 } else { i + 3 };
    if c.glued(end - 1)
        && matches!(c.raw(end), "/" | "-" | "." | ":")
        && c.number(end + 1).is_some()
    {
        return None;
    }
    let num = |s: &str| s.parse::<i16>().ok();
    if first.len() == 4 {
        let y = c.year(i)?;
        let m = i8::try_from(num(second)?).ok()?;
        if let Some(third) = third {
            // "2020-07-01", "2019/08/01".
            let d = i8::try_from(num(third)?).ok()?;
            Date::new(y, m, d).ok()?;
            return found(
                i,
                end,
                When::Day {
                    year: Some(y),
                    month: m,
                    day: d,
                },
            );
        }
        // "2015-03": a month only with a leading zero or one digit, so that a season
        // ("2010-11") is not read as November.
        if sep == "-" && (1..=12).contains(&m) && (second.len() == 1 || second.starts_with('0')) {
            return found(
                i,
                end,
                When::Month {
                    year: Year::Given(y),
                    month: m,
                },
            );
        }
        return None;
    }
    if first.len() > 2 || second.len() > 2 {
        return None;
    }
    let (a, b) = (num(first)?, num(second)?);
    // Month first, as American style guides and the suite write them, unless the first part
    // cannot be a month ("22/04").
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    let (m, d) = (i8::try_from(m).ok()?, i8::try_from(d).ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let year = match third {
        Some(t) if t.len() == 4 => Some(num(t)?),
        Some(t) if t.len() == 2 => {
            let yy = num(t)?;
            Some(if yy < 50 { 2000 + yy } else { 1900 + yy })
        }
        Some(_) => return None,
        None => None,
    };
    // Without a year, "3/4" is as likely a fraction or a score: only after a word that
    // introduces a date, and never with a dash ("3-4").
    if year.is_none() {
        let prev = c.prev(i);
        let dated = matches!(
            prev.as_str(),
            "on" | "from"
                | "to"
                | "until"
                | "till"
                | "since"
                | "by"
                | "before"
                | "after"
                | "between"
                | "and"
        ) || i > 0 && weekday(c.raw(i - 1)).is_some();
        if sep != "/" || !dated || (a == 24 && b == 7) {
            return None;
        }
    }
    found(
        i,
        end,
        When::Day {
            year,
            month: m,
            day: d,
        },
    )
}

/// Clock times: "10:30am", "10.30am", "3pm", "15:00", "4 p.m.", "noon".
fn clock_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if c.is(i, &["noon", "midday"]) {
        return found(
            i,
            i + 1,
            When::Clock {
                hour: 12,
                minute: 0,
            },
        );
    }
    if c.is(i, &["midnight"]) {
        return found(i, i + 1, When::Clock { hour: 0, minute: 0 });
    }
    let t = c.tokens.get(i).filter(|t| t.kind == TokenKind::Number)?;
    let s = t.text(c.text);
    let next = c.lower(i + 1);
    let ampm = match next.as_str() {
        "am" | "a.m" => Some(0),
        "pm" | "p.m" => Some(12),
        "a" | "p" if c.raw(i + 2) == "." && c.is(i + 3, &["m"]) => {
            Some(if next == "a" { 0 } else { 12 })
        }
        _ => None,
    };
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?),
        Some(_) => return None,
        None if s.len() <= 2 => (s.parse::<i8>().ok()?, 0),
        None => return None,
    };
    let oclock = ampm.is_none() && c.is(i + 1, &["o'clock", "o\u{2019}clock"]);
    let clock = s.contains(':') || ampm.is_some() || oclock;
    if !(clock && h <= 24 && m < 60 && (ampm.is_none() || (1..=12).contains(&h))) {
        return None;
    }
    let hour = match ampm {
        Some(add) => (h % 12) + add,
        None => h,
    };
    let mut end = i + 1;
    if oclock {
        end = i + 2;
    }
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
    found(i, end, When::Clock { hour, minute: m })
}

/// Years after a preposition ("in 2019", "since 2011"), before a comma or stop, "the 1990s",
/// "year 2008".
fn year_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if c.is(i, &["year"])
        && let Some(y) = c.year(i + 1)
    {
        return found(i, i + 2, When::Year(y));
    }
    let y = c.year(i)?;
    // "the 2010-11 season", "2012/13": a span of two years that is not a range of dates;
    // "2014-2018" is two years.
    let dash = |j: usize| matches!(c.raw(j), "-" | "/" | "\u{2013}" | "~");
    if dash(i + 1) && c.number(i + 2).is_some() && c.year(i + 2).is_none_or(|z| z <= y) {
        return None;
    }
    let after_year = i >= 2 && dash(i - 1) && c.year(i - 2).is_some_and(|x| x < y);
    let prev = c.prev(i);
    let next = c.lower(i + 1);
    let is_count = matches!(
        next.as_str(),
        "people" | "homes" | "residents" | "workers" | "%"
    );
    let after_word = matches!(
        prev.as_str(),
        "in" | "since"
            | "of"
            | "until"
            | "till"
            | "by"
            | "from"
            | "during"
            | "the"
            | "before"
            | "after"
            | "to"
            | "through"
            | "and"
            | "between"
            | "early"
            | "late"
            | "mid"
    );
    let alone = c.tokens.len() == 1;
    if !is_count
        && (after_word || after_year || next == "," || next == "." || next.is_empty() || alone)
    {
        return found(i, i + 1, When::Year(y));
    }
    None
}

/// Weekdays, qualified or not, and a date written after them ("Tue May 9", "Friday 7/6").
fn weekday_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // Qualifiers: "last", "this past", "next", "this coming".
    let (which, skip) = match c.lower(i).as_str() {
        "last" | "previous" => (Which::Last, 1),
        "past" => (Which::Past, 1),
        "this" if c.is(i + 1, &["past"]) => (Which::Past, 2),
        "this" if c.is(i + 1, &["coming", "upcoming"]) => (Which::This, 2),
        "this" => (Which::This, 1),
        "next" | "following" | "coming" => (Which::Next, 1),
        _ => (Which::Bare, 0),
    };
    let w = i + skip;
    let (day, abbrev) = weekday(c.raw(w))?;
    // An abbreviation ("Sat", "Wed" are also verbs) only capitalised or before a date.
    let dated = || {
        let j = if c.raw(w + 1) == "," { w + 2 } else { w + 1 };
        date_at(c, j).filter(|f| f.start == j && matches!(f.when, When::Day { .. }))
    };
    let then_date = dated();
    if abbrev && then_date.is_none() && !c.raw(w).starts_with(|ch: char| ch.is_uppercase()) {
        return None;
    }
    // "Monday 4 March", "Tue May 9": the date says the day.
    if let Some(f) = then_date {
        return found(i, f.end, f.when);
    }
    found(i, w + 1, When::Weekday { day, which })
}

/// A number of units in words or digits ("two", "a", "3").
fn count(c: &Cur<'_>, i: usize) -> Option<i32> {
    if let Some(s) = c.number(i) {
        return s.parse().ok().filter(|n| (1..=100).contains(n));
    }
    let n = match c.lower(i).as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    };
    Some(n)
}

fn unit(w: &str) -> Option<Unit> {
    Some(match w.to_ascii_lowercase().trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    })
}

/// Relative days, weeks, months, years and quarters.
fn relative_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "two days ago".
    if let Some(n) = count(c, i)
        && let Some(u) = unit(c.raw(i + 1))
        && c.is(i + 2, &["ago"])
    {
        return found(i, i + 3, When::Ago(u, n));
    }
    // Only a handful of words start the rest: test before allocating.
    if !c.is(
        i,
        &[
            "last",
            "this",
            "next",
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "earlier",
            "later",
            "previous",
            "past",
            "following",
            "coming",
            "current",
            "the",
        ],
    ) {
        return None;
    }
    let w = c.lower(i);
    // "earlier this year", "later this month".
    if matches!(w.as_str(), "earlier" | "later")
        && c.is(i + 1, &["this"])
        && let Some(f) = relative_at(c, i + 1).filter(|f| matches!(f.when, When::Period(..)))
    {
        return found(i, f.end, f.when);
    }
    // "the day before yesterday", "the day after tomorrow".
    if w == "the" {
        if c.is(i + 1, &["day"]) && c.is(i + 2, &["before"]) && c.is(i + 3, &["yesterday"]) {
            return found(i, i + 4, When::Days(-2, None));
        }
        if c.is(i + 1, &["day"]) && c.is(i + 2, &["after"]) && c.is(i + 3, &["tomorrow"]) {
            return found(i, i + 4, When::Days(2, None));
        }
        return None;
    }
    let step = match w.as_str() {
        "last" | "previous" | "past" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "following" | "coming" => Some(1),
        _ => None,
    };
    if let Some(n) = step {
        let second = c.lower(i + 1);
        let part = match (w.as_str(), second.as_str()) {
            ("last", "night") => Some(When::Days(-1, Some("night"))),
            ("this", "morning" | "afternoon" | "evening") => Some(When::Days(
                0,
                Some(match second.as_str() {
                    "morning" => "morning",
                    "afternoon" => "afternoon",
                    _ => "evening",
                }),
            )),
            _ => None,
        };
        if let Some(p) = part {
            return found(i, i + 2, p);
        }
        if let Some(u) = unit(&second).filter(|u| *u != Unit::Day && !second.ends_with('s')) {
            return found(i, i + 2, When::Period(u, n));
        }
        return None;
    }
    let days = match w.as_str() {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        "tonight" => return found(i, i + 1, When::Days(0, Some("night"))),
        _ => return None,
    };
    // "yesterday morning", "tomorrow evening".
    let part = ["morning", "afternoon", "evening", "night"]
        .into_iter()
        .find(|p| c.is(i + 1, &[p]));
    match part {
        Some(p) => found(i, i + 2, When::Days(days, Some(p))),
        None => found(i, i + 1, When::Days(days, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::reference;
    use crate::document::{Facet, Source};
    use crate::{Lexicon, parse};

    /// The time facts of `text` published on `published`, as `(raw, value)`.
    fn facts(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let lex = Lexicon::embedded();
        let source = Source {
            published: published.map(str::to_owned),
            ..Source::default()
        };
        let doc = parse(source, text, &lex);
        doc.sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter(|f| f.facet == Facet::Time)
            .map(|f| (f.raw.clone(), f.value.clone()))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = facts(text, None);
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

    #[test]
    fn numbers_that_are_not_dates() {
        check("The magnitude 7.6 quake lasted 3/4 of a minute.", &[]);
        check("Open 24/7 since the 2010-11 season.", &[]);
        check(
            "It was 15:00 on 2020-07-01.",
            &[("15:00", "T15:00"), ("2020-07-01", "2020-07-01")],
        );
        check("Filed on 5/3/18.", &[("5/3/18", "2018-05-03")]);
    }

    #[test]
    fn ranges_are_their_two_ends_and_bounds_keep_their_words() {
        check(
            "Prices rose from 2014 to 2018.",
            &[("2014", "2014"), ("2018", "2018")],
        );
        check("In 2014-2018.", &[("2014", "2014"), ("2018", "2018")]);
        check("Not after 2018.", &[("after 2018", "2018")]);
        check(
            "Rain until mid-November.",
            &[("until mid-November", "month 11")],
        );
    }

    /// Resolution against a publication date: `(text, published, raw, timex)`.
    #[test]
    fn relative_dates_resolve_against_the_publication_date() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // Plain offsets.
            (
                "It fell yesterday.",
                "2024-04-03",
                "yesterday",
                "2024-04-02",
            ),
            ("It fell today.", "2024-04-03", "today", "2024-04-03"),
            (
                "It fell this morning.",
                "2024-04-03",
                "this morning",
                "2024-04-03",
            ),
            (
                "It fell last night.",
                "2024-04-03",
                "last night",
                "2024-04-02",
            ),
            // New Year: yesterday and last night fall in the year before.
            (
                "It fell yesterday.",
                "2024-01-01",
                "yesterday",
                "2023-12-31",
            ),
            (
                "It fell last night.",
                "2025-01-01",
                "last night",
                "2024-12-31",
            ),
            // Weekdays: the latest on or before publication (2024-04-03 is a Wednesday).
            ("It fell on Monday.", "2024-04-03", "Monday", "2024-04-01"),
            (
                "It fell on Wednesday.",
                "2024-04-03",
                "Wednesday",
                "2024-04-03",
            ),
            ("It fell on Friday.", "2024-04-03", "Friday", "2024-03-29"),
            ("It fell on Sunday.", "2024-01-02", "Sunday", "2023-12-31"),
            (
                "It fell last Friday.",
                "2024-04-03",
                "last Friday",
                "2024-03-29",
            ),
            // Periods.
            ("It fell last week.", "2024-04-03", "last week", "2024-W13"),
            ("It fell last week.", "2024-01-03", "last week", "2023-W52"),
            ("It fell last month.", "2024-01-15", "last month", "2023-12"),
            ("It fell last year.", "2024-01-15", "last year", "2023"),
            ("It fell this year.", "2024-01-15", "this year", "2024"),
            // A day and month without a year: the latest not after publication.
            (
                "It fell on 7 October.",
                "2024-04-03",
                "7 October",
                "2023-10-07",
            ),
            (
                "It fell on 7 October.",
                "2024-10-07",
                "7 October",
                "2024-10-07",
            ),
            (
                "It fell on 28 December.",
                "2024-01-02",
                "28 December",
                "2023-12-28",
            ),
            (
                "It fell on January 1.",
                "2024-01-01",
                "January 1",
                "2024-01-01",
            ),
            (
                "It fell on 2 January.",
                "2024-12-30",
                "2 January",
                "2024-01-02",
            ),
            // A month of a year counted from publication.
            (
                "It fell in January last year.",
                "2024-04-03",
                "January last year",
                "2023-01",
            ),
            ("It fell in October.", "2024-04-03", "October", "2023-10"),
            ("It fell in March.", "2024-04-03", "March", "2024-03"),
            (
                "It fell two days ago.",
                "2024-03-01",
                "two days ago",
                "2024-02-28",
            ),
            (
                "It fell on the 18th.",
                "2024-04-03",
                "the 18th",
                "2024-03-18",
            ),
            ("It fell on the 2nd.", "2024-04-03", "the 2nd", "2024-04-02"),
            (
                "It fell on the 31st.",
                "2024-03-03",
                "the 31st",
                "2024-01-31",
            ),
            // Absolute dates do not move.
            (
                "It fell on 7 October 2019.",
                "2024-04-03",
                "7 October 2019",
                "2019-10-07",
            ),
        ];
        for &(text, published, raw, timex) in cases {
            let got = facts(text, Some(published));
            assert!(
                got.iter().any(|(r, v)| r == raw && v == timex),
                "{text:?} published {published}: want {raw:?} = {timex}, got {got:?}"
            );
        }
    }

    #[test]
    fn resolved_dates_keep_the_offset_as_written() {
        let lex = Lexicon::embedded();
        let source = Source {
            published: Some("2024-04-03".to_owned()),
            ..Source::default()
        };
        let doc = parse(source, "It fell yesterday.", &lex);
        let time = doc.sentences[0]
            .facts
            .iter()
            .find_map(crate::Fact::time)
            .expect("a time");
        assert_eq!(time.timex.as_deref(), Some("2024-04-02"));
        assert_eq!(time.relative.as_deref(), Some("-1 day"));
    }

    #[test]
    fn without_a_publication_date_relative_dates_stay_unresolved() {
        for text in [
            "It fell yesterday.",
            "It fell on Friday.",
            "It fell last week.",
        ] {
            let lex = Lexicon::embedded();
            let doc = parse(Source::default(), text, &lex);
            let time = doc.sentences[0]
                .facts
                .iter()
                .find_map(crate::Fact::time)
                .expect("a time");
            assert_eq!(time.timex, None, "{text}");
            assert!(time.relative.is_some(), "{text}");
        }
    }

    #[test]
    fn publication_dates_are_checked() {
        assert!(reference(Some("2024-02-29")).is_some());
        for bad in [
            "2023-02-29",
            "2024-4-3",
            "yesterday",
            "2024-04-03T10:00",
            "",
        ] {
            assert!(reference(Some(bad)).is_none(), "{bad}");
        }
    }
}
