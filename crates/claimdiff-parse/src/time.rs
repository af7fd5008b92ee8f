//! Dates and clock times: absolute dates in any order, numeric dates, ranges, periods
//! (weeks, weekends, quarters, halves, seasons, fiscal years, decades), weekdays, holidays,
//! relative days and days counted from others, years; relative expressions resolve against
//! the publication date.
//!
//! Reading is two steps: [`read`] turns tokens into a [`When`] (what the text says), or two for
//! a range, and [`When::timex`] writes it as a TIMEX value, using the publication date when the
//! text leaves the day to it. Without a publication date a relative expression ("yesterday",
//! "on Monday") keeps only its offset as written (`Time::relative`) and is never compared; with
//! one it also gets a `timex` and keeps the offset. Resolution prefers the past, as news
//! reports do: "on Monday" is the latest Monday on or before the publication date, "7 October"
//! the latest 7 October not after it, "Christmas" the latest Christmas.
//!
//! Values are TIMEX3: `YYYY-MM-DD`, `XXXX-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www` (ISO week),
//! `YYYY-Www-WE` (its weekend), `YYYY-Qn`, `YYYY-Hn`, `YYYY-SU` (season), `FY2008`, clock
//! times `THH:MM`. A range ("from 2014 to 2018", "next 3 days", "the 1990s") is one fact whose
//! `timex` is its first point and `Time::end` its last, included; [`Time::days`] gives the
//! days either covers, which is how `claimdiff-align` compares them (a range or a week
//! containing a day is compatible with it, and never a conflict). A date with a clock time is
//! a date and a time ("14th Feb" and "9:30am"), so that dates compare with dates and clock
//! times with clock times. An unresolved weekday has no TIMEX (`XXXX-WXX-5` would be compared,
//! and would contradict the date it falls on).
//!
//! Numbers read as dates only where nothing else reads them: not scores ("3-2"), counts ("1900
//! to 2000 people", "two to four"), prices ("at 6.45"), pence ("7p"), codes glued to other
//! numbers ("0800-2015-2016"), "in 50 years" looking back, or "three days from 14 October",
//! which as often means three days starting then.

use arrayvec::ArrayVec;
use jiff::ToSpan;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use std::cell::{Cell, OnceCell, RefCell};
use std::sync::OnceLock;

use crate::document::{Facet, Fact, FactValue, Sentence, Time};
use crate::numbers::{self, NumWord, WordShapes, has_length, number_word};
use crate::text::{Token, TokenKind, push_digits, split_hyphen, strip_possessive};
use crate::vocab::Words;

/// Month names and abbreviations in lower case, 1 = January.
const MONTHS: [(&str, i8); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names in lower case, 1 = Monday, and whether each is an abbreviation.
const WEEKDAYS: [(&str, i8, bool); 17] = [
    ("monday", 1, false),
    ("tuesday", 2, false),
    ("wednesday", 3, false),
    ("thursday", 4, false),
    ("friday", 5, false),
    ("saturday", 6, false),
    ("sunday", 7, false),
    ("mon", 1, true),
    ("tue", 2, true),
    ("tues", 2, true),
    ("wed", 3, true),
    ("thu", 4, true),
    ("thur", 4, true),
    ("thurs", 4, true),
    ("fri", 5, true),
    ("sat", 6, true),
    ("sun", 7, true),
];

/// What a lower-case word can be at the start of a time expression.
#[derive(Debug, Default)]
pub(crate) struct TimeWord {
    /// A month name ([`MONTHS`]).
    month: Option<i8>,
    /// A weekday name ([`WEEKDAYS`]).
    weekday: Option<(i8, bool)>,
    /// A number word ([`number_word`]).
    number: Option<NumWord>,
    /// The first word of a holiday's name ([`HOLIDAYS`]).
    holiday: bool,
    /// A word of [`POINT_LEADS`].
    point_lead: bool,
}

impl TimeWord {
    /// True when `w`, this entry's word as written, perhaps with stops after it, is a month
    /// or weekday name ([`is_time_word`]): a month name may end in stops, a weekday name not,
    /// and "May" is not taken for one.
    pub(crate) fn names(&self, w: &str) -> bool {
        self.weekday
            .is_some_and(|(_, abbrev)| !abbrev && !w.ends_with('.'))
            || self.month.is_some() && !w.eq_ignore_ascii_case("may")
    }

    /// The number word this entry's word is ([`number_word`]).
    pub(crate) fn number(&self) -> Option<NumWord> {
        self.number
    }
}

/// The words of [`time_words`] and a cheap filter before their table.
struct TimeWords {
    /// The shapes of the words of two letters or more.
    shapes: WordShapes,
    /// The shapes of the month and weekday names ([`name_entry`]).
    names: WordShapes,
    /// Every word with what it can be.
    words: FxHashMap<&'static str, TimeWord>,
}

/// The month names, weekday names, number words, [`POINT_LEADS`] and [`OTHER_LEADS`] in one
/// table, built once, so that one lookup per word tells whether it can start an expression
/// ([`starts_word`]) and what month, weekday, number or holiday it names (`Cur::words`).
fn time_words() -> &'static TimeWords {
    static TABLE: OnceLock<TimeWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<&'static str, TimeWord> = FxHashMap::default();
        for w in POINT_LEADS {
            table.entry(w).or_default().point_lead = true;
        }
        for w in OTHER_LEADS {
            table.entry(w).or_default();
        }
        for w in numbers::number_word_list() {
            table.entry(w).or_default().number = number_word(w);
        }
        for (w, m) in MONTHS {
            table.entry(w).or_default().month = Some(m);
        }
        for (w, d, abbrev) in WEEKDAYS {
            table.entry(w).or_default().weekday = Some((d, abbrev));
        }
        for (words, ..) in HOLIDAYS {
            table.entry(words[0]).or_default().holiday = true;
        }
        TimeWords {
            shapes: WordShapes::new(table.keys().copied()),
            names: WordShapes::new(
                MONTHS
                    .iter()
                    .map(|m| m.0)
                    .chain(WEEKDAYS.iter().map(|d| d.0)),
            ),
            words: table,
        }
    })
}

/// The entry of a lower-case word in [`time_words`]. Every word there of two letters or more
/// starts with two ASCII letters, so most words are rejected by those two and their length
/// without hashing ([`WordShapes`]).
pub(crate) fn time_word(w: &str) -> Option<&'static TimeWord> {
    let table = time_words();
    if w.len() >= 2 && !has_length(table.shapes.lengths(w), w.len()) {
        return None;
    }
    table.words.get(w)
}

/// The words that the time readers read written possessive ("Tuesday's vote", "yesterday's
/// attack", "last year's festival"), by their key: weekdays in full, days counted from today,
/// and the units and seasons that follow "last", "this" or "next". Not months: "May's
/// government" is Theresa May's.
const POSSESSIVES: [&str; 15] = [
    "autumn",
    "decade",
    "fortnight",
    "month",
    "quarter",
    "spring",
    "summer",
    "today",
    "tomorrow",
    "tonight",
    "week",
    "weekend",
    "winter",
    "year",
    "yesterday",
];

/// `form` without its "'s" when it is a possessive time word of [`POSSESSIVES`] or a weekday
/// in full, given its [`word_key`](crate::text::word_key) `key`.
pub(crate) fn possessive<'a>(form: &'a str, key: &str) -> Option<&'a str> {
    let stem = strip_possessive(form);
    if stem.len() == form.len() {
        return None;
    }
    let weekday = || time_word(key).is_some_and(|t| t.weekday.is_some_and(|(_, abbrev)| !abbrev));
    (POSSESSIVES.binary_search(&key).is_ok() || weekday()).then_some(stem)
}

fn month(w: &str) -> Option<i8> {
    name_entry(w.trim_end_matches('.'))?.month
}

/// A weekday name, 1 = Monday; `abbrev` is true for "Mon", "Tues"…
fn weekday(w: &str) -> Option<(i8, bool)> {
    name_entry(w)?.weekday
}

/// The entry in [`time_words`] of a month or weekday name as written: 3 to 9 bytes, starting
/// with an ASCII letter (every weekday name does; a word not ASCII has no entry). A word that
/// starts with two letters no such name has, or has no such name's length, is rejected before
/// it is lower-cased and looked up.
fn name_entry(w: &str) -> Option<&'static TimeWord> {
    if !(3..=9).contains(&w.len())
        || !w.starts_with(|c: char| c.is_ascii_alphabetic())
        || time_words().names.excludes(w)
    {
        return None;
    }
    let mut buf = [0; 24];
    time_word(numbers::lower(w, &mut buf))
}

/// True for month and weekday names, which are never places or people.
pub(crate) fn is_time_word(w: &str) -> bool {
    name_entry(w.trim_end_matches('.')).is_some_and(|t| t.names(w))
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
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
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
    /// A clock time to the second ("7:56:30 pm").
    ClockSeconds { hour: i8, minute: i8, second: i8 },
    /// A quarter of a year ("Q1 2017", "the first quarter of 2013", "q3").
    Quarter { year: Year, quarter: i8 },
    /// A half of a year ("2019 H2", "the first half of last year").
    Half { year: Year, half: i8 },
    /// An ISO week of a year ("week 31", "the first week of 2015"); week 0 is the last.
    IsoWeek { year: Year, week: i8 },
    /// A weekend: of the publication week `n` weeks on, or, when `None`, the latest one that
    /// has begun by the end of the publication week's Friday ("the weekend").
    Weekend(Option<i32>),
    /// A day some units after (or before, when negative) a day ("3 days after January 12th",
    /// "two weeks from tomorrow").
    Shift { base: Box<When>, unit: Unit, n: i32 },
    /// A weekday with a day of the month ("Monday 21", "Fri 14th"): the latest such day on
    /// or before the publication date.
    WeekdayDay { weekday: i8, day: i8 },
    /// A holiday on `month`/`day`, or Easter plus `day` days when `month` is 0; `which` is
    /// `Last` for the latest before the publication date, `Next` for the first after it, and
    /// `Bare` for the latest on or before it unless the year is given.
    Holiday {
        month: i8,
        day: i8,
        year: Year,
        which: Which,
    },
    /// A fiscal (`F`) or school (`S`) year, whose dates vary by organisation.
    Fiscal { kind: char, year: Year },
    /// A season ("SU", "WI", "SP", "FA") of a year, if known ("this summer", "winter 2019").
    Season { code: &'static str, year: Year },
    /// The `week`th week of a month (0: the last), as the ISO week it is: the week with the
    /// month's first day, and the weeks after it ("the last week of July").
    MonthWeek { month: Box<When>, week: i8 },
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
    /// The nearest before the publication's month ("last February": in a report of December
    /// 2024, February 2024; of February 2024, February 2023).
    Last,
    /// The nearest after the publication's month ("next May").
    Next,
}

/// The year of a part of a year (a quarter, a half) that begins in month `first`: the year
/// given, one counted from the publication year, or that of the latest such part begun by
/// the publication date `r`.
fn part_year(year: Year, first: i8, r: Option<Date>) -> Option<i16> {
    Some(match (year, r) {
        (Year::Given(y), _) => y,
        (Year::Relative(n), Some(r)) => i16::try_from(i32::from(r.year()) + n).ok()?,
        (Year::Unknown, Some(r)) if first <= r.month() => r.year(),
        (Year::Unknown, Some(r)) => r.year() - 1,
        _ => return None,
    })
}

/// The latest valid `month`/`day` not after `r`, or `None` when the day does not exist.
fn latest_day(r: Date, month: i8, day: i8) -> Option<Date> {
    // 29 February is in one year of four.
    (0..8)
        .filter_map(|n| Date::new(r.year() - n, month, day).ok())
        .find(|d| *d <= r)
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

/// Writes `n` at the end of `out` in `width` digits or more, zeros in front, as `{n:0width$}`
/// writes it. The TIMEX values and offsets of a document's time facts are mostly such
/// numbers ("2019", "T09:30", "XXXX-05-07"), written by [`push_digits`]; a negative
/// number, which no reader makes, goes to the formatter.
fn push_padded(out: &mut String, n: impl Into<i64>, width: usize) {
    let n: i64 = n.into();
    match u64::try_from(n) {
        Ok(n) => push_digits(out, n, width),
        Err(_) => {
            use std::fmt::Write;
            // Writing to a string cannot fail.
            let _ = write!(out, "{n:0width$}");
        }
    }
}

/// A day TIMEX, `{year:04}-{month:02}-{day:02}`, written into one string.
fn ymd_of(year: impl Into<i64>, month: i8, day: i8) -> String {
    let mut out = String::with_capacity(10);
    push_padded(&mut out, year, 4);
    out.push('-');
    push_padded(&mut out, month, 2);
    out.push('-');
    push_padded(&mut out, day, 2);
    out
}

fn ymd(d: Date) -> String {
    ymd_of(d.year(), d.month(), d.day())
}

fn ym(year: i16, month: i8) -> String {
    let mut out = String::with_capacity(7);
    push_padded(&mut out, year, 4);
    out.push('-');
    push_padded(&mut out, month, 2);
    out
}

/// Writes a count of days or units from publication at the end of `out`: "0", or with its
/// sign ("+1", "-2"), as the offsets write it.
fn push_signed(out: &mut String, n: i32) {
    match n {
        0 => {}
        1.. => out.push('+'),
        _ => out.push('-'),
    }
    push_padded(out, n.unsigned_abs(), 1);
}

/// A day of a month in a year that is not known: `XXXX-{month:02}-{day:02}`.
fn xmd(month: i8, day: i8) -> String {
    let mut out = String::with_capacity(10);
    out.push_str("XXXX-");
    push_padded(&mut out, month, 2);
    out.push('-');
    push_padded(&mut out, day, 2);
    out
}

/// The quarter TIMEX of the month that starts `d`'s quarter.
fn yq(d: Date) -> String {
    format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// The first day of `r`'s quarter.
fn quarter_start(r: Date) -> Option<Date> {
    Date::new(r.year(), (r.month() - 1) / 3 * 3 + 1, 1).ok()
}

/// The ISO week TIMEX of `d`'s week.
fn yw(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `r` moved by `n` units (a negative `n` goes back).
fn shift(r: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Day => r.checked_add(n.days()),
        Unit::Week => r.checked_add(n.weeks()),
        Unit::Month => r.checked_add(n.months()),
        Unit::Quarter => r.checked_add((3 * n).months()),
        Unit::Year => r.checked_add(n.years()),
    }
    .ok()
}

/// The date of a day TIMEX (`YYYY-MM-DD`).
fn parse_day(timex: &str) -> Option<Date> {
    let b = timex.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Date::new(
        timex[..4].parse().ok()?,
        timex[5..7].parse().ok()?,
        timex[8..].parse().ok()?,
    )
    .ok()
}

/// The days a resolved TIMEX covers: its first day and the day after its last. Years,
/// months, days, ISO weeks and their weekends, quarters and halves; `None` for clock times and
/// values with unknown parts (`XXXX-10-07`).
fn days(timex: &str) -> Option<(Date, Date)> {
    let (year, rest) = timex.split_once('-').unwrap_or((timex, ""));
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = year.parse().ok()?;
    let span = |first: Date, months: i64| Some((first, first.checked_add(months.months()).ok()?));
    if rest.is_empty() {
        return span(Date::new(y, 1, 1).ok()?, 12);
    }
    if let Some(d) = parse_day(timex) {
        return Some((d, d.tomorrow().ok()?));
    }
    let num = |s: &str| s.parse::<i8>().ok();
    if let Some(q) = rest
        .strip_prefix('Q')
        .and_then(num)
        .filter(|q| (1..=4).contains(q))
    {
        return span(Date::new(y, (q - 1) * 3 + 1, 1).ok()?, 3);
    }
    if let Some(h) = rest
        .strip_prefix('H')
        .and_then(num)
        .filter(|h| (1..=2).contains(h))
    {
        return span(Date::new(y, (h - 1) * 6 + 1, 1).ok()?, 6);
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (week, weekend) = match w.strip_suffix("-WE") {
            Some(week) => (week, true),
            None => (w, false),
        };
        let monday = jiff::civil::ISOWeekDate::new(y, num(week)?, jiff::civil::Weekday::Monday)
            .ok()?
            .date();
        return if weekend {
            Some((
                monday.checked_add(5.days()).ok()?,
                monday.checked_add(7.days()).ok()?,
            ))
        } else {
            Some((monday, monday.checked_add(7.days()).ok()?))
        };
    }
    let m = num(rest).filter(|m| rest.len() == 2 && (1..=12).contains(m))?;
    span(Date::new(y, m, 1).ok()?, 1)
}

impl Time {
    /// The days the time covers, when it resolves to days: its first day and the day after
    /// its last, as `YYYY-MM-DD` (`2014` to `2018` covers `2014-01-01` to `2019-01-01`).
    /// `None` for clock times and values with unknown parts (`XXXX-10-07`).
    #[must_use]
    pub fn days(&self) -> Option<(String, String)> {
        let (first, _) = days(self.timex.as_deref()?)?;
        let (_, after) = days(self.end.as_deref().or(self.timex.as_deref())?)?;
        Some((ymd(first), ymd(after)))
    }
}

/// The days a TIMEX covers (see [`Time::days`]), or `None`.
#[must_use]
pub fn timex_days(timex: &str) -> Option<(String, String)> {
    days(timex).map(|(a, b)| (ymd(a), ymd(b)))
}

impl When {
    /// The offset as written, for an expression that needs the publication date.
    fn relative(&self) -> Option<String> {
        Some(match self {
            Self::Day {
                year: None,
                month,
                day,
            } => xmd(*month, *day),
            Self::Month {
                year: Year::Unknown,
                month,
            } => {
                let mut out = String::with_capacity(8);
                out.push_str("month ");
                push_padded(&mut out, *month, 2);
                out
            }
            Self::Month {
                year: Year::Relative(n),
                month,
            } => match n {
                0 => format!("this month {month:02}"),
                n => format!("{n:+} year month {month:02}"),
            },
            Self::Month {
                year: Year::Last,
                month,
            } => format!("last month {month:02}"),
            Self::Month {
                year: Year::Next,
                month,
            } => format!("next month {month:02}"),
            Self::MonthDay(day) => format!("day {day:02}"),
            Self::Weekday { day, which } => {
                let mut out = String::with_capacity(16);
                if let Some(w) = which.word() {
                    out.push_str(w);
                    out.push(' ');
                }
                out.push_str("weekday ");
                push_padded(&mut out, *day, 1);
                out
            }
            Self::Days(n, part) => {
                let mut out = String::with_capacity(16);
                push_signed(&mut out, *n);
                out.push_str(" day");
                if let Some(p) = part {
                    out.push(' ');
                    out.push_str(p);
                }
                out
            }
            Self::Period(unit, n) => {
                let mut out = String::with_capacity(10);
                push_signed(&mut out, *n);
                out.push(' ');
                out.push_str(unit.name());
                out
            }
            Self::Ago(unit, n) => format!("-{n} {} ago", unit.name()),
            Self::Quarter {
                year: Year::Unknown,
                quarter,
            } => format!("quarter {quarter}"),
            Self::Quarter {
                year: Year::Relative(n),
                quarter,
            } => format!("{n:+} year quarter {quarter}"),
            Self::Half {
                year: Year::Unknown,
                half,
            } => format!("half {half}"),
            Self::Half {
                year: Year::Relative(n),
                half,
            } => format!("{n:+} year half {half}"),
            Self::IsoWeek {
                year: Year::Unknown | Year::Relative(0),
                week,
            } => format!("week {week:02}"),
            Self::IsoWeek {
                year: Year::Relative(n),
                week,
            } => format!("{n:+} year week {week:02}"),
            Self::Weekend(None) => "weekend".to_owned(),
            Self::Weekend(Some(n)) => format!("{n:+} weekend"),
            Self::Shift { base, unit, n } => {
                let base = base.relative().or_else(|| base.timex(None))?;
                format!("{n:+} {} from {base}", unit.name())
            }
            Self::WeekdayDay { weekday, day } => format!("weekday {weekday} day {day:02}"),
            Self::Season {
                code,
                year: Year::Relative(n),
            } => format!("{n:+} year {code}"),
            Self::Fiscal {
                kind,
                year: Year::Relative(n),
            } => format!("{n:+} {kind}Y"),
            Self::Holiday {
                month,
                day,
                year: Year::Unknown | Year::Relative(_),
                which,
            } => {
                let name = if *month == 0 {
                    format!("easter {day:+}")
                } else {
                    xmd(*month, *day)
                };
                match which.word() {
                    Some(w) => format!("{w} {name}"),
                    None => name,
                }
            }
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
            } => Some(ymd_of(*y, *month, *day)),
            Self::Day {
                year: None,
                month,
                day,
            } => Some(
                r.and_then(|r| latest_day(r, *month, *day))
                    .map_or_else(|| xmd(*month, *day), ymd),
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
                    (Year::Last, Some((ry, rm))) => {
                        Some(ym(if *month < rm { ry } else { ry - 1 }, *month))
                    }
                    (Year::Next, Some((ry, rm))) => {
                        Some(ym(if *month > rm { ry } else { ry + 1 }, *month))
                    }
                    _ => None,
                }
            }
            Self::Year(y) => {
                let mut out = String::with_capacity(4);
                push_padded(&mut out, *y, 4);
                Some(out)
            }
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
            Self::Clock { hour, minute } => {
                let mut out = String::with_capacity(6);
                out.push('T');
                push_padded(&mut out, *hour, 2);
                out.push(':');
                push_padded(&mut out, *minute, 2);
                Some(out)
            }
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
                    Unit::Quarter => {
                        quarter_start(r).and_then(|q| shift(q, Unit::Quarter, n).map(yq))
                    }
                    Unit::Year => Some(format!("{:04}", i64::from(r.year()) + n)),
                }
            }
            Self::Ago(unit, n) => shift(r?, *unit, -i64::from(*n)).map(ymd),
            Self::ClockSeconds {
                hour,
                minute,
                second,
            } => Some(format!("T{hour:02}:{minute:02}:{second:02}")),
            Self::Quarter { year, quarter } => {
                let y = part_year(*year, (quarter - 1) * 3 + 1, r)?;
                Some(format!("{y:04}-Q{quarter}"))
            }
            Self::Half { year, half } => {
                let y = part_year(*year, (half - 1) * 6 + 1, r)?;
                Some(format!("{y:04}-H{half}"))
            }
            Self::IsoWeek { year, week } => {
                let y = match (*year, r) {
                    (Year::Given(y), _) => y,
                    (Year::Relative(n), Some(r)) => i16::try_from(i32::from(r.year()) + n).ok()?,
                    (Year::Unknown, Some(r)) => r.year(),
                    _ => return None,
                };
                // Week 0: the last ISO week of the year, the one with 28 December in it.
                let w = if *week == 0 {
                    Date::new(y, 12, 28).ok()?.iso_week_date().week()
                } else {
                    *week
                };
                jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday).ok()?;
                Some(format!("{y:04}-W{w:02}"))
            }
            Self::Weekend(n) => {
                let r = r?;
                let n = match n {
                    Some(n) => i64::from(*n),
                    // From Friday on, the weekend ahead; before, the one just gone.
                    None => -i64::from(r.weekday().to_monday_one_offset() < 5),
                };
                Some(format!("{}-WE", yw(r.checked_add((7 * n).days()).ok()?)))
            }
            Self::Shift { base, unit, n } => {
                let t = base.timex(r)?;
                // A month counts from its first day ("the 15th day of next month").
                let day = parse_day(&t).or_else(|| days(&t).map(|(first, _)| first))?;
                shift(day, *unit, i64::from(*n)).map(ymd)
            }
            Self::Holiday {
                month,
                day,
                year,
                which,
            } => {
                let on = |y: i16| holiday_in(y, *month, *day);
                let Some(r) = r else {
                    return match year {
                        Year::Given(y) => on(*y).map(ymd),
                        _ if *month > 0 && *which == Which::Bare => Some(xmd(*month, *day)),
                        _ => None,
                    };
                };
                let near = (-2..=2).filter_map(|n| on(r.year() + n));
                let d = match (*year, which) {
                    (Year::Given(y), _) => on(y),
                    (Year::Relative(n), _) => on(i16::try_from(i32::from(r.year()) + n).ok()?),
                    (_, Which::Next) => near.filter(|d| *d > r).min(),
                    (_, Which::Last | Which::Past) => near.filter(|d| *d < r).max(),
                    _ => near.filter(|d| *d <= r).max(),
                };
                d.map(ymd)
            }
            Self::Season { code, year } => match (*year, r) {
                (Year::Given(y), _) => Some(format!("{y:04}-{code}")),
                (Year::Relative(n), Some(r)) => {
                    Some(format!("{:04}-{code}", i32::from(r.year()) + n))
                }
                (Year::Unknown, _) => Some(format!("XXXX-{code}")),
                _ => None,
            },
            Self::MonthWeek { month, week } => {
                let (first, after) = days(&month.timex(r)?)?;
                let day = if *week == 0 {
                    after.yesterday().ok()?
                } else {
                    first.checked_add((7 * i64::from(week - 1)).days()).ok()?
                };
                Some(yw(day))
            }
            Self::Fiscal { kind, year } => match (*year, r) {
                (Year::Given(y), _) => Some(format!("{kind}Y{y:04}")),
                (Year::Relative(n), Some(r)) => {
                    Some(format!("{kind}Y{:04}", i32::from(r.year()) + n))
                }
                (Year::Unknown, _) => Some(format!("{kind}YXXXX")),
                _ => None,
            },
            Self::WeekdayDay { weekday, day } => {
                let r = r?;
                let this = r.first_of_month();
                (0..120)
                    .filter_map(|n: i64| this.checked_sub(n.months()).ok())
                    .filter_map(|m| Date::new(m.year(), m.month(), *day).ok())
                    .find(|d| *d <= r && d.weekday().to_monday_one_offset() == *weekday)
                    .map(ymd)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading tokens

/// How many of a sentence's points [`Cur::points`] keeps inline.
const INLINE_POINTS: usize = 8;

struct Cur<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Each token's entry in the document's words: its lower-case form and its entry in
    /// [`time_words`], looked up once per distinct word. The readers ask again and again
    /// whether a token is a month, a weekday or a number word.
    words: Words<'a, 'a>,
    /// What [`read_point`] found at each token it read: the readers try the same tokens again
    /// and again (a range's first end is also a point, a bound's point is read after the
    /// bound). A sentence has few such tokens: a short list, searched in turn, kept inline up
    /// to [`INLINE_POINTS`] tokens (a vector grown for each sentence that reads one cost
    /// about 0.3M instructions per parse of `data/pairs`), the rest in `more_points`.
    points: RefCell<ArrayVec<(usize, Option<Found>), INLINE_POINTS>>,
    /// The points of [`Cur::points`] past its first [`INLINE_POINTS`].
    more_points: RefCell<Vec<(usize, Option<Found>)>>,
    /// Whether a token of the sentence is a month name ([`Cur::month`]): the readers of dates
    /// with a month look for none in a sentence without one. Found the first time a reader
    /// asks ([`Cur::has_month`]): most sentences have no date to read.
    months: OnceCell<bool>,
    /// The last [`ordinal`] read, with its token: the readers of "the first quarter of", "the
    /// first week of" and "the 15th day of" each read the same token in turn.
    last_ordinal: Cell<Option<(usize, Option<Ordinal>)>>,
    /// The publication date, for the readers whose expression has its year only from it
    /// ([`months_to_at`]).
    published: Option<Date>,
}

impl<'a> Cur<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        words: Words<'a, 'a>,
        published: Option<Date>,
    ) -> Self {
        Self {
            text,
            tokens,
            words,
            published,
            points: RefCell::new(ArrayVec::new()),
            more_points: RefCell::new(Vec::new()),
            months: OnceCell::new(),
            last_ordinal: Cell::new(None),
        }
    }
    /// True when a token of the sentence is a month name.
    fn has_month(&self) -> bool {
        *self.months.get_or_init(|| {
            self.words
                .iter()
                .any(|e| e.time.is_some_and(|t| t.month.is_some()))
        })
    }
    /// Token `i`'s entry in [`time_words`] by its lower-case form.
    fn word(&self, i: usize) -> Option<&'static TimeWord> {
        self.words.get(i)?.time
    }
    /// Token `i`'s entry in [`time_words`] when the token is ASCII, as [`month`],
    /// [`weekday`] and [`number_word`] read the token as written (they read ASCII only).
    fn ascii_word(&self, i: usize) -> Option<&'static TimeWord> {
        self.word(i).filter(|_| self.raw(i).is_ascii())
    }
    /// Token `i` as a weekday name: `weekday(self.raw(i))`.
    fn weekday(&self, i: usize) -> Option<(i8, bool)> {
        self.ascii_word(i)?.weekday
    }
    /// Token `i` as a number word: `number_word(self.raw(i))`.
    fn number_word(&self, i: usize) -> Option<NumWord> {
        self.ascii_word(i)?.number
    }
    /// Token `i`'s lower-case form as a number word: `number_word(self.lower(i))`.
    fn lower_number_word(&self, i: usize) -> Option<NumWord> {
        self.word(i)?.number
    }
    /// Token `i`'s text, or "" past the end (kept in the document's words: the readers ask
    /// for it often), without its "'s" for a [`possessive`] time word.
    fn raw(&self, i: usize) -> &'a str {
        self.words.time_raw(i)
    }
    /// Token `i` as a word that counts units back from publication: [`ago_units`] of
    /// `self.raw(i)`, looked up once per distinct word (`vocab::Entry::time_units`): the
    /// prefilters ask it after every number and after "a", "an", "in" and "this".
    fn ago_units(&self, i: usize) -> Option<(i32, Unit)> {
        let counted = self.words.get(i).and_then(|e| e.time_units);
        debug_assert_eq!(counted, ago_units(self.raw(i)), "{:?}", self.raw(i));
        counted
    }
    /// Token `i` as a word that counts units: [`units`] of `self.raw(i)`, which is
    /// [`Cur::ago_units`] without decades and centuries (ten and a hundred years).
    fn units(&self, i: usize) -> Option<(i32, Unit)> {
        let counted = self.ago_units(i).filter(|&(n, _)| n <= 2);
        debug_assert_eq!(counted, units(self.raw(i)), "{:?}", self.raw(i));
        counted
    }
    /// Token `i` as a calendar unit: [`unit()`] of `self.raw(i)`, which is [`Cur::units`]
    /// without "fortnight" (two weeks).
    fn unit(&self, i: usize) -> Option<Unit> {
        let one = self.units(i).filter(|&(n, _)| n == 1).map(|(_, u)| u);
        debug_assert_eq!(one, unit(self.raw(i)), "{:?}", self.raw(i));
        one
    }
    /// Token `i`'s text when the token is of kind `kind`.
    fn text_of(&self, i: usize, kind: TokenKind) -> Option<&'a str> {
        (self.tokens.get(i)?.kind == kind).then(|| self.raw(i))
    }
    fn lower(&self, i: usize) -> &'a str {
        self.words.time_lower(i)
    }
    /// Token `i`'s lower-case form, which equals a lower-case word with no letter other than
    /// ASCII ones exactly when [`Cur::is`] matches the token with that word, or "" for a
    /// form that lower-casing changed in length (the Kelvin sign "\u{212A}" becomes "k",
    /// which [`Cur::is`] does not match): a `match` on it tests a list of words faster than
    /// [`Cur::is`] does. (Lower-casing gives ASCII letters, or keeps the length, only by
    /// changing the case of ASCII letters.)
    fn folded(&self, i: usize) -> &'a str {
        let lower = self.lower(i);
        if lower.len() == self.raw(i).len() {
            lower
        } else {
            ""
        }
    }
    fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.raw(i);
        words.iter().any(|k| k.eq_ignore_ascii_case(w))
    }
    fn prev(&self, i: usize) -> &str {
        if i > 0 { self.lower(i - 1) } else { "" }
    }
    /// True when tokens `i` and `i + 1` touch (no space between them).
    fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    /// Token `i` when it is a number of ASCII digits only.
    fn number(&self, i: usize) -> Option<&'a str> {
        self.digits(i).map(|(s, _)| s)
    }
    /// Token `i` when it is a number of ASCII digits only, with its value (see
    /// `vocab::Entry::digits`).
    fn digits(&self, i: usize) -> Option<(&'a str, u64)> {
        let value = self.words.get(i)?.digits?;
        Some((self.raw(i), value))
    }
    fn day(&self, i: usize) -> Option<(i8, usize)> {
        let (s, value) = self.digits(i)?;
        if s.len() > 2 || !(1..=31).contains(&value) {
            return None;
        }
        let d = i8::try_from(value).ok()?;
        // Ordinal suffix glued on: "7th".
        let end = if self.glued(i) && self.is(i + 1, &["st", "nd", "rd", "th"]) {
            i + 2
        } else {
            i + 1
        };
        Some((d, end))
    }
    fn year(&self, i: usize) -> Option<i16> {
        let (s, value) = self.digits(i)?;
        if s.len() != 4 || !(1800..=2100).contains(&value) {
            return None;
        }
        i16::try_from(value).ok()
    }
    /// Month token at `i`, allowing an abbreviation's stop as the next token.
    fn month(&self, i: usize) -> Option<(i8, usize)> {
        let w = self.text_of(i, TokenKind::Word)?;
        let m = self.ascii_word(i)?.month?;
        let abbrev = w.len() <= 4
            && !["may", "june", "july"]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(w));
        let end = if abbrev
            && self.raw(i + 1) == "."
            && self.glued(i)
            && self.tokens.get(i + 2).is_some()
        {
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
        if (self.raw(i) == "," || self.is(i, &["of", "in"]))
            && let Some(y) = self.year(i + 1)
        {
            return Some((y, i + 2));
        }
        if let Some(y) = year_words(self, i) {
            return Some(y);
        }
        // "April of 87".
        let yy: i16 = self
            .number(i + 1)
            .filter(|n| n.len() == 2 && self.is(i, &["of"]))?
            .parse()
            .ok()?;
        Some((if yy < 40 { 2000 + yy } else { 1900 + yy }, i + 2))
    }
}

/// A time expression found at tokens `start..end`: a point, or a range from `when` to
/// `until`.
#[derive(Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    when: When,
    until: Option<When>,
}

fn found(start: usize, end: usize, when: When) -> Option<Found> {
    Some(Found {
        start,
        end,
        when,
        until: None,
    })
}

impl Found {
    /// The TIMEX values of the point, or of the range's two ends.
    fn timex(&self, r: Option<Date>) -> (Option<String>, Option<String>) {
        let Some(until) = &self.until else {
            return (self.when.timex(r), None);
        };
        let (a, b) = years_shared(&self.when, until, r);
        let (ta, tb) = (a.timex(r), b.timex(r));
        // Ends that resolve to days must not run backwards.
        match (ta.as_deref().and_then(days), tb.as_deref().and_then(days)) {
            (Some((x, _)), Some((_, y))) if y <= x => (None, None),
            _ => (ta, tb),
        }
    }
}

/// The (month, day) of a day or month without a year, and its year when it has one.
fn month_day(w: &When) -> Option<((i8, i8), Option<i16>)> {
    match w {
        When::Day { year, month, day } => Some(((*month, *day), *year)),
        When::Month { year, month } => Some((
            (*month, 0),
            match year {
                Year::Given(y) => Some(*y),
                _ => None,
            },
        )),
        _ => None,
    }
}

/// `w` (a day or month) in year `y`.
fn in_year(w: &When, y: i16) -> When {
    match w {
        When::Day { month, day, .. } => When::Day {
            year: Some(y),
            month: *month,
            day: *day,
        },
        When::Month { month, .. } => When::Month {
            year: Year::Given(y),
            month: *month,
        },
        other => other.clone(),
    }
}

/// The two ends of a range with the year one of them gives ("from March to May 2018",
/// "Nov 18 - Dec 19, 2015"), or, when neither gives one, with the first resolved (preferring
/// the past) and the second the first such day after it ("from 10/25 to 01/25").
fn years_shared(a: &When, b: &When, r: Option<Date>) -> (When, When) {
    let Some((kb, yb)) = month_day(b) else {
        return (a.clone(), b.clone());
    };
    // "between now and November 15th": the first such day on or after the first end.
    let Some((ka, ya)) = month_day(a) else {
        let first = a.timex(r).as_deref().and_then(parse_day);
        return match (first, yb) {
            (Some(d), None) => {
                let later = kb < (d.month(), d.day());
                (a.clone(), in_year(b, d.year() + i16::from(later)))
            }
            _ => (a.clone(), b.clone()),
        };
    };
    if matches!(
        a,
        When::Month {
            year: Year::Relative(_) | Year::Last | Year::Next,
            ..
        }
    ) {
        let ya = a.timex(r).and_then(|t| t.get(..4)?.parse().ok());
        return match (ya, yb) {
            (Some(y), None) => (a.clone(), in_year(b, if kb < ka { y + 1 } else { y })),
            _ => (a.clone(), b.clone()),
        };
    }
    match (ya, yb) {
        (None, Some(y)) => (in_year(a, if ka > kb { y - 1 } else { y }), b.clone()),
        (Some(y), None) => (a.clone(), in_year(b, if kb < ka { y + 1 } else { y })),
        (None, None) => match a.timex(r).and_then(|t| t.get(..4)?.parse::<i16>().ok()) {
            Some(y) => (in_year(a, y), in_year(b, if kb < ka { y + 1 } else { y })),
            None => (a.clone(), b.clone()),
        },
        (Some(_), Some(_)) => (a.clone(), b.clone()),
    }
}

/// Extracts the dates and times of one sentence, given its tokens in lower case;
/// `published` resolves relative expressions.
pub(crate) fn extract<'a>(
    text: &'a str,
    s: &'a Sentence,
    words: Words<'a, 'a>,
    published: Option<Date>,
    out: &mut Vec<Fact>,
) {
    let c = Cur::new(text, &s.tokens, words, published);
    let mut i = 0;
    while i < s.tokens.len() {
        let Some(f) = may_start(&c, i)
            .then(|| read(&c, i))
            .flatten()
            .filter(|f| !glued_to_code(&c, f))
        else {
            i += 1;
            continue;
        };
        i = f.end;
        let clock = hour_after_day(&c, &f);
        out.extend(to_fact(&c, &f, published));
        if let Some(g) = clock {
            i = g.end;
            out.extend(to_fact(&c, &g, published));
        }
    }
}

/// False when no reader can find an expression at token `i`, a cheap test that spares them most
/// words: the word must start an expression ([`starts_word`]) and, if it is an article or a
/// preposition that mostly starts none, be followed by a word that can continue one. "The",
/// "on" and "in" start only what they start as a point ([`may_start_point`]), and "in" also a
/// count of units ("in two weeks"). The readers read on from "a" and "an" only through a word
/// [`starts_word`] accepts, except "a month ago", "a week from tomorrow" ([`relative_at`],
/// [`shift_at`]), whose next word is one of [`ago_units`]; from "this" only through such a
/// word, a unit, a part of the day or "working" ("this working week"); from "from" and
/// "between" only through the first end of a range, which must start at the next token. "As"
/// starts only "as late as" and "as early as", "more" only "more than two weeks before today",
/// "no" only "no later than" and "no earlier than", and a hedge only a clock time after it
/// ("around 1pm"); a number word goes on as a number does ([`number_may_start`]) or before
/// "thousand" or "hundred" (a year in words).
fn may_start(c: &Cur<'_>, i: usize) -> bool {
    if !starts_word(c, i) {
        return false;
    }
    if c.tokens[i].kind == TokenKind::Number {
        let may = number_may_start(c, i);
        debug_assert!(
            may || read(c, i).is_none(),
            "the number prefilter skipped an expression at {:?} {:?}",
            c.raw(i),
            c.raw(i + 1)
        );
        return may;
    }
    let next = i + 1;
    let follows = match c.lower(i) {
        "the" => the_leads(c, i),
        "on" => on_weekday_of(c, i),
        "a" | "an" => c.ago_units(next).is_some() || starts_word(c, next),
        // "in two weeks", "in a couple of weeks" ([`in_units_at`]), "in the morning".
        "in" => c.units(next + 1).is_some() || c.is(next, &["couple"]) || in_the_part_of_day(c, i),
        // A range's first end comes next ("from May to June", "between 2019 and 2021").
        "from" | "between" => may_start(c, next),
        // "this week", "this May", "this morning", "this working week".
        "this" => {
            starts_word(c, next)
                || c.ago_units(next).is_some()
                || c.is(
                    next,
                    &["morning", "afternoon", "evening", "night", "working"],
                )
        }
        "as" => c.is(next, &["late", "early"]),
        "no" => c.is(next, &["later", "earlier"]),
        // "more than two weeks", "more than a couple of weeks" ([`shift_at`], [`count_units`]):
        // a count of one word, then its unit.
        "more" => {
            c.is(next, &["than"])
                && (c.units(next + 2).is_some() || c.is(next + 1, &["couple", "more"]))
        }
        // A hedge before a clock time ("around 1pm"), read at the next token.
        "about" | "around" | "circa" | "approximately" => may_start(c, next),
        // A number word goes on as a number does ("two weeks ago", "first of May"), or is a
        // year in words ("two thousand and fifteen", "nineteen hundred").
        _ if c.word(i).is_some_and(|e| e.number.is_some()) => {
            number_may_start(c, i) || c.is(next, &["thousand", "hundred"])
        }
        _ => return true,
    };
    debug_assert!(
        follows || read(c, i).is_none(),
        "the prefilter skipped an expression at {:?} {:?}",
        c.raw(i),
        c.raw(i + 1)
    );
    follows
}

/// False when the number at token `i` starts no expression: most numbers in news count
/// things ("27 people", "£4.7m", "4.5 million"). One may start an expression when it is a
/// year, a clock time ("10:20", "10.30") or a date in stops ("10.1.2018"), touches the next
/// token ("3pm", "7th", "1990s", "10/1"; not "%", "m", "bn", "k", a comma, semicolon or
/// closing bracket), ends the sentence, or is followed by a symbol or stop other than a comma
/// or the end of a clause, or by a word that can go on with a number in one: a time word
/// ([`starts_word`]) other than a [`scale_word`], a unit of time, a word of the clock, of a
/// range or of a day ("of" in "7th of October").
fn number_may_start(c: &Cur<'_>, i: usize) -> bool {
    let n = i + 1;
    let w = c.raw(i);
    // One pass over the digits before the two tests with a colon or a stop.
    let marked = || w.bytes().any(|b| matches!(b, b':' | b'.'));
    if c.year(i).is_some()
        || c.glued(i) && !c.is(n, &["%", "m", "bn", "k", ",", ";", ")"])
        || marked() && (w.contains(':') || clock_or_date_digits(w))
    {
        return true;
    }
    match c.tokens.get(n).map(|t| t.kind) {
        None => true,
        Some(TokenKind::Word) => {
            starts_word(c, n) && !scale_word(c, n)
                || c.ago_units(n).is_some()
                || matches!(
                    c.folded(n),
                    "a" | "after"
                        | "ago"
                        | "am"
                        | "and"
                        | "before"
                        | "earlier"
                        | "from"
                        | "h"
                        | "hr"
                        | "hrs"
                        | "in"
                        | "later"
                        | "min"
                        | "mins"
                        | "o'clock"
                        | "oclock"
                        | "of"
                        | "or"
                        | "p"
                        | "pm"
                        | "thru"
                        | "through"
                        | "till"
                        | "to"
                        | "until"
                        | "o\u{2019}clock"
                )
        }
        Some(_) => !matches!(c.raw(n), "," | "." | ";" | ")" | "%" | "!" | "?"),
    }
}

/// True for digits written as a clock time with a stop ("10.30": one or two digits, a stop,
/// two digits) or with more stops, as a date ("10.1.2018"), not for a decimal ("4.7",
/// "12.5").
fn clock_or_date_digits(w: &str) -> bool {
    match w.split_once('.') {
        Some((hour, minutes)) if !minutes.contains('.') => hour.len() <= 2 && minutes.len() == 2,
        Some(_) => true,
        None => false,
    }
}

/// True when token `i` is "hundred", "thousand", "million", "dozen" or another number word
/// that counts in scores ([`NumWord::Hundred`], [`NumWord::Scale`], [`NumWord::Dozen`]): no
/// reader reads one first, nor after a number ("4.5 million").
fn scale_word(c: &Cur<'_>, i: usize) -> bool {
    c.word(i).and_then(|e| e.number).is_some_and(|n| {
        matches!(
            n,
            NumWord::Hundred { .. } | NumWord::Scale { .. } | NumWord::Dozen
        )
    })
}

/// False when token `i` starts no expression whatever follows. Every reader starts with a
/// number or with a word of [`POINT_LEADS`] or [`OTHER_LEADS`], a month or weekday name or a
/// number word (ordinals included), whole or before a hyphen ("mid-May", "jan-feb",
/// "twenty-first"); punctuation and symbols start none. The readers match words by ASCII case, by
/// `text::lower` or through `month`, `weekday` and `number_word`, which read ASCII only: for
/// an ASCII word these agree with its `lower` form, and a word that is not ASCII can match
/// only through its `lower` form, so testing that form is enough.
fn starts_word(c: &Cur<'_>, i: usize) -> bool {
    match c.tokens.get(i).map(|t| t.kind) {
        Some(TokenKind::Number) => true,
        // The word was looked up once, in the document's words.
        Some(TokenKind::Word) => c.words.get(i).is_some_and(|e| e.time_lead),
        Some(TokenKind::Punct | TokenKind::Symbol) | None => false,
    }
}

/// [`starts_word`] for a word, given in lower case, that is not in [`time_words`] itself: a
/// word whose part before its first hyphen is ("mid-may", "twenty-first"). (A month read with
/// its stop, "Jan.", is two tokens: a word never holds a stop.)
pub(crate) fn starts_word_form(w: &str) -> bool {
    split_hyphen(w).is_some_and(|(head, _)| time_word(head).is_some())
}

/// The words other than month, weekday and number words and [`POINT_LEADS`] that a time
/// expression can start with, in lower case: qualifiers, prepositions and bounds that start
/// ranges, shifts and bounded points ("between", "about", "until", "no later than").
const OTHER_LEADS: [&str; 24] = [
    "a",
    "about",
    "after",
    "an",
    "approximately",
    "around",
    "as",
    "before",
    "between",
    "circa",
    "couple",
    "date",
    "from",
    "in",
    "more",
    "no",
    "now",
    "on",
    "since",
    "starting",
    "till",
    "until",
    "upcoming",
    "within",
];

/// The fact of an expression; `None` for a relative expression that says nothing without
/// the publication date and has no offset either.
fn to_fact(c: &Cur<'_>, f: &Found, published: Option<Date>) -> Option<Fact> {
    let (timex, end) = f.timex(published);
    // A range keeps the offsets of both ends ("+1 day/+2 week from 0 day" for "the next
    // fortnight"), as its value keeps both dates: its start alone would make "the next three
    // days" and "the next two weeks" read alike.
    let relative = match (f.when.relative(), f.until.as_ref().and_then(When::relative)) {
        (Some(a), Some(b)) => Some(format!("{a}/{b}")),
        (a, _) => a,
    };
    if timex.is_none() && relative.is_none() {
        return None;
    }
    let time = Time {
        // An unresolved day-month keeps its `XXXX` TIMEX and needs no offset.
        relative: relative.filter(|r| timex.as_ref() != Some(r)),
        timex,
        end,
        dateline: is_dateline(c, f),
    };
    // A possessive last word ends the span before its "'s" ("last year" of "last year's").
    let last = f.end - 1;
    let cut = c.words.raw(last).len() - c.raw(last).len();
    let span = c.tokens[f.start].start..c.tokens[last].end - cut;
    let raw = c.text[span.clone()].to_owned();
    let value = match (&time.timex, &time.end) {
        (Some(a), Some(b)) => format!("{a}/{b}"),
        _ => time
            .timex
            .clone()
            .or_else(|| time.relative.clone())
            .unwrap_or_default(),
    };
    Some(Fact {
        facet: Facet::Time,
        span,
        raw,
        value,
        detail: FactValue::Time(time),
    })
}

/// A clock time in words right after a day: "nine thirty", "nine a m", "one thirty p m"
/// ("March eighteenth nine thirty").
fn word_clock(c: &Cur<'_>, k: usize) -> Option<Found> {
    if c.tokens.get(k)?.kind != TokenKind::Word {
        return None;
    }
    let h = small_number(c, k).filter(|h| (1..=12).contains(h))?;
    let (m, e) = match number_words(c, k + 1) {
        Some((m, e)) if (10..60).contains(&m) => (i8::try_from(m).ok()?, e),
        _ => (0, k + 1),
    };
    let (hour, end) = match (c.lower(e), c.lower(e + 1)) {
        ("a", "m") => (h % 12, e + 2),
        ("p", "m") => (h % 12 + 12, e + 2),
        _ => match am_pm(c, e) {
            Some((add, end)) => (h % 12 + add, end),
            None if m > 0 => (h, e),
            None => return None,
        },
    };
    found(k, end, When::Clock { hour, minute: m })
}

/// An hour written bare after a day ("Sat at 5", "Monday at 2.30", "Friday the 26th around
/// 4", "today at 9a"): a clock time there, though "at 5" alone is not one.
fn hour_after_day(c: &Cur<'_>, f: &Found) -> Option<Found> {
    let day = matches!(
        f.when,
        When::Day { .. }
            | When::Weekday { .. }
            | When::WeekdayDay { .. }
            | When::Days(..)
            | When::Holiday { .. }
    ) && f.until.is_none();
    let k = f.end;
    if day && let Some(g) = word_clock(c, k) {
        return Some(g);
    }
    if !day || !c.is(k, &["at", "around"]) || clock_at(c, k + 1).is_some() {
        return None;
    }
    let hour = c.text_of(k + 1, TokenKind::Number)?;
    let (h, m) = match hour.split_once('.') {
        Some((h, m)) if m.len() == 2 => (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?),
        Some(_) => return None,
        None => (hour.parse::<i8>().ok()?, 0),
    };
    if !(1..=12).contains(&h) || m >= 60 {
        return None;
    }
    // "9a", "9p": a letter for the half of the day.
    // "tonight at 8", "last night around 7": the evening hour.
    let evening = matches!(f.when, When::Days(_, Some("night" | "evening")));
    let (hour, end) = match c.lower(k + 2) {
        "a" if c.glued(k + 1) => (h % 12, k + 3),
        "p" if c.glued(k + 1) => (h % 12 + 12, k + 3),
        _ if evening && (5..12).contains(&h) => (h + 12, k + 2),
        _ => (h, k + 2),
    };
    // Only at the end of a clause: "at 5 locations" counts places.
    let clause_end =
        |e: usize| e >= c.tokens.len() || matches!(c.raw(e), "," | "." | ";" | "?" | "!" | ")");
    clause_end(end).then(|| Found {
        start: k + 1,
        end,
        when: When::Clock { hour, minute: m },
        until: None,
    })
}

/// True when an expression is part of a longer code: glued to a number or word before or
/// after it, directly or through a joiner ("+86 138-2010-2015", "82-2100", "~3am3ioY").
fn glued_to_code(c: &Cur<'_>, f: &Found) -> bool {
    let joiner = |k: usize| matches!(c.raw(k), "-" | "/" | "~" | "." | ":" | "_");
    let code = |k: usize| {
        c.tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, TokenKind::Number | TokenKind::Word))
    };
    let number = |k: usize| c.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let before = f.start > 0
        && c.glued(f.start - 1)
        && (code(f.start - 1)
            || joiner(f.start - 1) && f.start >= 2 && c.glued(f.start - 2) && number(f.start - 2));
    let after =
        c.glued(f.end - 1) && (code(f.end) || joiner(f.end) && c.glued(f.end) && number(f.end + 1));
    before || after
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

/// Words of degree before a month or year ("mid-November", "early 2019") kept in the span.
const DEGREES: &[&str] = &["early", "late", "mid"];

fn read(c: &Cur<'_>, i: usize) -> Option<Found> {
    if let Some(f) = years_span_at(c, i)
        .or_else(|| months_to_at(c, i))
        .or_else(|| range_at(c, i))
        .or_else(|| counted_at(c, i))
    {
        return Some(f);
    }
    // "later than 2020", "as late as tomorrow", "no later than 6 May", and the words before a
    // date that bound it ("after 2018", "since August"); the suite keeps them in the span, and
    // so does claimdiff: the value is the date they bound.
    let words = match c.folded(i) {
        "as" if c.is(i + 1, &["late", "early"]) && c.is(i + 2, &["as"]) => 3,
        "no" if c.is(i + 1, &["later", "earlier"]) && c.is(i + 2, &["than"]) => 3,
        "later" | "earlier" if c.is(i + 1, &["than"]) => 2,
        "after" | "before" | "since" | "until" | "till" | "starting" | "beginning" => 1,
        _ => 0,
    };
    if words > 0 {
        let next = if c.is(i + words, &["on", "in"])
            || c.is(i + words, &["the"]) && c.is(i + words + 1, &["year"])
        {
            i + words + 1
        } else {
            i + words
        };
        // "since this August": the point may start with its own qualifier, which only a month
        // read after "last", "this" or "next" does ([`month_date_at`]): the other points
        // start where they are read, and are not read for it.
        let qualified = month_qualifier(c.lower(next)).is_some();
        debug_assert!(
            qualified || read_point(c, next + 1).is_none_or(|f| f.start != next),
            "the qualifier prefilter skipped a point at {:?} {:?}",
            c.raw(next),
            c.raw(next + 1)
        );
        let point = read_point(c, next)
            .filter(|f| f.start == next)
            .or_else(|| {
                qualified
                    .then(|| read_point(c, next + 1))
                    .flatten()
                    .filter(|f| f.start == next)
            })
            // "since the end of 1989".
            .or_else(|| {
                c.is(next, &["the"])
                    .then(|| read_point(c, next + 1))
                    .flatten()
                    .filter(|f| f.start == next + 1)
                    .map(|f| Found { start: next, ..f })
            });
        if let Some(f) = point {
            return Some(or_later(c, Found { start: i, ..f }));
        }
    }
    read_point(c, i).map(|f| or_later(c, f))
}

/// "the year to March", "the 12 months to June 2024", "the three months to May", "the year
/// to 31 March", "the quarter ended Sept. 27": the months that end with the month or day
/// named, as a range (how statistics offices and company results date a figure; read as the
/// named month or day alone, "the year to March" would seem to say the same as "in March").
/// Two to twelve months; "the" must come first ("from this year to March" is no such
/// period). The period is over: without a year, it ends on the latest such month or day on
/// or before publication (a range of months is otherwise counted from its first), and without
/// either it stays unresolved.
fn months_to_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if !c.is(i, &["the"]) {
        return None;
    }
    let (n, k) = match c.lower(i + 1) {
        "year" => (12, i + 2),
        "quarter" => (3, i + 2),
        _ => {
            let n = count(c, i + 1).filter(|n| (2..=12).contains(n))?;
            (n, i + 3)
        }
    };
    if k == i + 3 && !c.is(i + 2, &["months"]) || !c.is(k, &["to", "ended", "ending"]) {
        return None;
    }
    // "March", "March 31", "31 March", "31st March".
    let (last, day, e) = match c.month(k + 1) {
        Some((m, e)) => match c.day(e) {
            Some((d, e)) => (m, Some(d), e),
            None => (m, None, e),
        },
        None => {
            let (d, e) = c.day(k + 1)?;
            let (m, e) = c.month(e)?;
            (m, Some(d), e)
        }
    };
    let (year, end) = match c.year_after(e) {
        Some((y, e)) => (Some(y), e),
        None => (
            c.published.map(|r| {
                let on_or_before = (last, day.unwrap_or(1)) <= (r.month(), r.day());
                if on_or_before { r.year() } else { r.year() - 1 }
            }),
            e,
        ),
    };
    let span = i8::try_from(n).ok()?;
    let (when, until) = match day {
        // `n` months back from the day after: the year to 31 March starts on 1 April, the six
        // months to 30 June on 1 January.
        Some(d) => {
            // Without a year, a leap year reckons the days (the 29th of February too).
            let y = year.unwrap_or(2000);
            let last_day = Date::new(y, last, d).ok()?;
            let first_day = last_day
                .checked_add(1.day())
                .and_then(|f| f.checked_sub(i64::from(span).months()))
                .ok()?;
            let day_of = |date: Date| When::Day {
                year: year.map(|_| date.year()),
                month: date.month(),
                day: date.day(),
            };
            (day_of(first_day), day_of(last_day))
        }
        // The month after the one `n` months before: 12 months to June start in July.
        None => {
            let first = (last - span).rem_euclid(12) + 1;
            let years = match year {
                Some(y) => (
                    Year::Given(if first <= last { y } else { y - 1 }),
                    Year::Given(y),
                ),
                None => (Year::Unknown, Year::Unknown),
            };
            (
                When::Month {
                    year: years.0,
                    month: first,
                },
                When::Month {
                    year: years.1,
                    month: last,
                },
            )
        }
    };
    Some(Found {
        start: i,
        end,
        when,
        until: Some(until),
    })
}

/// A year and the last two digits of a later one, joined: "2022-23", "2012\u{2013}13" (a
/// season, a financial year), "2022/23", "2014-18", "1999-00": the years from the first to
/// the second, up to ten years on ("2015-32" is no span). Not a figure: "2022/23" is not 23
/// of anything.
fn years_span_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let first = c.year(i)?;
    let joined = matches!(c.raw(i + 1), "-" | "\u{2013}" | "/") && c.glued(i) && c.glued(i + 1);
    let digits = c.number(i + 2).filter(|d| d.len() == 2 && joined)?;
    let two: i16 = digits.parse().ok()?;
    let mut last = first - first % 100 + two;
    if last <= first {
        last += 100;
    }
    // A longer code goes on after it ("2022-23-01" is a date).
    let code = c.glued(i + 2)
        && (matches!(c.raw(i + 3), "-" | "/")
            || matches!(c.raw(i + 3), "." | ":") && c.glued(i + 3) && c.number(i + 4).is_some());
    if last - first > 10 || code {
        return None;
    }
    found(i, i + 3, When::Year(first)).map(|f| Found {
        until: Some(When::Year(last)),
        ..f
    })
}

/// Words that look ahead in a period ("the next 3 days").
const AHEAD: &[&str] = &["next", "coming", "following", "upcoming"];

/// Words that look back in a period ("the last 3 days").
const BACK: &[&str] = &["last", "past", "previous"];

/// Words before "last" that make it the verb ("expected to last six weeks", "will last three
/// months", "did not last two days"): what follows is a duration, no period.
const LAST_VERB: &[&str] = &[
    "to",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "not",
    "n't",
    "'ll",
    "\u{2019}ll",
];

/// Periods and days counted in units ([`period_at`], [`shift_at`], [`in_units_at`]), tried
/// only where one can start: at "within", "more", "in" or a word of [`AHEAD`] or [`BACK`],
/// or at a count (a number, a number word, "a", "an") that goes on as one does: before its
/// unit ("two weeks before", [`shift_at`]) or a word of [`AHEAD`] or [`BACK`] ("two more
/// weeks", [`period_at`]); "couple" reads its unit after "of" ([`count_units`]). Most numbers
/// that reach the readers are years, days and clock times.
fn counted_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let read = || {
        period_at(c, i)
            .or_else(|| shift_at(c, i))
            .or_else(|| in_units_at(c, i))
    };
    let lead = c.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
        || c.lower_number_word(i).is_some();
    let counts_on = || c.units(i + 1).is_some() || c.is(i + 1, AHEAD) || c.is(i + 1, BACK);
    let may_start = match c.folded(i) {
        "within" | "more" | "in" => true,
        w if AHEAD.contains(&w) || BACK.contains(&w) => true,
        "couple" => lead,
        "a" | "an" => counts_on(),
        _ => lead && counts_on(),
    };
    prefiltered(c, i, may_start, "count", read)
}

/// `read` at token `i` when a prefilter's answer `may` lets it through; otherwise nothing,
/// with a debug assertion that `read` would indeed have found nothing there (`what` names the
/// prefilter in its message). Every prefilter that spares a reader goes through here.
fn prefiltered(
    c: &Cur<'_>,
    i: usize,
    may: bool,
    what: &str,
    read: impl Fn() -> Option<Found>,
) -> Option<Found> {
    if !may {
        debug_assert!(
            read().is_none(),
            "the {what} prefilter skipped an expression at {:?}",
            c.raw(i)
        );
        return None;
    }
    read()
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
    let seen = |points: &[(usize, Option<Found>)]| {
        points
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, f)| f.clone())
    };
    if let Some(f) = seen(&c.points.borrow()).or_else(|| seen(&c.more_points.borrow())) {
        return f;
    }
    let f = read_point_uncached(c, i);
    if let Err(full) = c.points.borrow_mut().try_push((i, f.clone())) {
        c.more_points.borrow_mut().push(full.element());
    }
    f
}

/// [`read_point`] without the memo.
fn read_point_uncached(c: &Cur<'_>, i: usize) -> Option<Found> {
    prefiltered(c, i, may_start_point(c, i), "point", || {
        if is_name(c, i) {
            let f = name_readers(c, i);
            debug_assert!(
                f == read_point_readers(c, i),
                "the name readers read otherwise at {:?} {:?}",
                c.raw(i),
                c.raw(i + 1)
            );
            return f;
        }
        read_point_readers(c, i)
    })
}

/// True when token `i` is a month or weekday name (not also a number word), the words that
/// most often start a point: the readers that [`name_readers`] leaves out start with a
/// number, a number word, a qualifier ("last", "this", "the") or a word of their own
/// ("week", "quarter", "summer", "Christmas"), and find nothing at one.
fn is_name(c: &Cur<'_>, i: usize) -> bool {
    c.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && c.word(i)
            .is_some_and(|e| (e.month.is_some() || e.weekday.is_some()) && e.number.is_none())
}

/// [`read_point_readers`] at a month or weekday name ([`is_name`]): those of its readers that
/// can find an expression there, in its order ("Monday of next week", "Friday-Jun-15",
/// "May 7", "Tuesday").
fn name_readers(c: &Cur<'_>, i: usize) -> Option<Found> {
    week_day_at(c, i)
        .or_else(|| date_at(c, i))
        .or_else(|| weekday_at(c, i))
}

/// False when no point reader can find an expression at token `i`, a cheap test that spares
/// them the prepositions and articles that [`starts_word`] lets through to the range and bound
/// readers ("from", "after", "in"), and the punctuation and symbols that the range readers look
/// at next ("$12", "(", ","): every point starts with a number or a word. Numbers go to the
/// readers; a word does when it is a month, weekday or number word (not "hundred", "million",
/// "dozen"), has a hyphen or touches the next token (a compound date, "mid-May",
/// "twenty-first"), is one of [`POINT_LEADS`] ("the" only where [`the_leads`], "year" only
/// before "to" or a year, "school" and "calendar" only before "year", "new" only before "year"
/// or "year's", "early" and "late" only before a point or a part of the day), or is "in the"
/// before a part of the day ("in the morning at 7"), "on" before a weekday and "of" ("on Monday
/// of next week"), "a"/"an" before a unit and "ago" ("a week ago", the one point that starts
/// with them; "a year" alone is a count, read by [`counted_at`] if anything) or "about",
/// "around", "circa", "approximately" before a point (a clock time).
fn may_start_point(c: &Cur<'_>, i: usize) -> bool {
    match c.tokens.get(i).map(|t| t.kind) {
        Some(TokenKind::Word) => {}
        Some(TokenKind::Number) => return true,
        Some(TokenKind::Punct | TokenKind::Symbol) | None => return false,
    }
    // The readers read number words up to "ninety" and ordinals, never "hundred", "million"
    // or "dozen" first.
    let entry = c.word(i);
    if entry.is_some_and(|e| {
        e.month.is_some() || e.weekday.is_some() || e.number.is_some() && !scale_word(c, i)
    }) || c.raw(i).contains('-')
        || c.glued(i)
    {
        return true;
    }
    // Every word tested below is in [`time_words`]: a word that is not starts no point.
    let Some(e) = entry else {
        return false;
    };
    match c.lower(i) {
        "in" => in_the_part_of_day(c, i),
        "the" => the_leads(c, i),
        "on" => on_weekday_of(c, i),
        "a" | "an" => c.ago_units(i + 1).is_some() && c.is(i + 2, &["ago"]),
        // "year 2008" ([`year_at`]), "year to date" ([`within_period_at`]); not "a year
        // earlier" or "last year".
        "year" => c.is(i + 1, &["to"]) || c.year(i + 1).is_some(),
        // "school year", "calendar year" ([`fiscal_at`]).
        "school" | "calendar" => c.is(i + 1, &["year"]),
        // "New Year's Day", "New Year's Eve" ([`HOLIDAYS`]).
        "new" => c.is(i + 1, &["year", "year's"]),
        // "early 2019", "late May": a degree before a point ([`DEGREES`]); "early morning at
        // 8" ([`clock_at`]).
        "early" | "late" => {
            may_start_point(c, i + 1) || c.is(i + 1, &["morning", "afternoon", "evening", "night"])
        }
        // A hedge before a clock time ("around 1pm"), which must start at the next token.
        "about" | "around" | "circa" | "approximately" => may_start_point(c, i + 1),
        _ => e.point_lead,
    }
}

/// True when "the" at token `i` goes on as an expression that starts with it does: "the day
/// before yesterday", or before a word that can lead ([`starts_word`], tested first: most
/// words after "the" cannot) and is a number, a number word or ordinal ("the 9th of May",
/// "the first quarter", "the three months to June", "the twenty-first") or a word of
/// [`THE_NEXT`] ("the last week of July", "the year to March", "the end of 2008"). Other time
/// words after it start their own expression, read at the next token ("the past week", "the
/// summer").
fn the_leads(c: &Cur<'_>, i: usize) -> bool {
    let next = i + 1;
    c.is(next, &["day"])
        || starts_word(c, next)
            && (c
                .tokens
                .get(next)
                .is_some_and(|t| t.kind == TokenKind::Number)
                || c.word(next).is_some_and(|e| e.number.is_some())
                || c.raw(next).contains('-')
                || c.is(next, THE_NEXT))
}

/// The words other than numbers and "day" that an expression starting with "the" goes on
/// with: a week or weekend ([`week_at`]), "last" or "final" ([`first_units_at`],
/// [`week_at`]), a period that ends in a month ([`months_to_at`]) and the words that place a
/// point inside a period ([`within_period_at`], after "the" in [`range_end`]).
const THE_NEXT: &[&str] = &[
    "week",
    "weekend",
    "last",
    "final",
    "year",
    "quarter",
    "eoy",
    "end",
    "beginning",
    "start",
    "middle",
    "earlier",
    "later",
];

/// True when "in" at token `i` goes on with "the" and a part of the day ("in the morning").
fn in_the_part_of_day(c: &Cur<'_>, i: usize) -> bool {
    c.is(i + 1, &["the"]) && c.is(i + 2, &["morning", "afternoon", "evening"])
}

/// True when "on" at token `i` goes on with a weekday and "of" ("on Monday of next week").
fn on_weekday_of(c: &Cur<'_>, i: usize) -> bool {
    c.word(i + 1).is_some_and(|e| e.weekday.is_some()) && c.is(i + 2, &["of"])
}

/// The words other than month, weekday and number words that start a point expression, in
/// lower case (each point reader's first word; see [`may_start_point`], which finds them
/// through [`TimeWord::point_lead`]).
const POINT_LEADS: [&str; 56] = [
    "autumn",
    "beginning",
    "boxing",
    "calendar",
    "christmas",
    "coming",
    "current",
    "cy",
    "earlier",
    "early",
    "earth",
    "easter",
    "end",
    "eoy",
    "fall",
    "fiscal",
    "following",
    "fy",
    "good",
    "h",
    "halloween",
    "independence",
    "last",
    "late",
    "later",
    "mid",
    "midday",
    "middle",
    "midnight",
    "new",
    "next",
    "noon",
    "noonish",
    "past",
    "previous",
    "q",
    "saint",
    "school",
    "spring",
    "st",
    "start",
    "summer",
    "sy",
    "the",
    "this",
    "tmrw",
    "today",
    "tomorrow",
    "tonight",
    "valentine's",
    "w",
    "week",
    "weekend",
    "winter",
    "year",
    "yesterday",
];

/// The point readers in turn, from token `i` ([`read_point_uncached`] after its prefilter).
fn read_point_readers(c: &Cur<'_>, i: usize) -> Option<Found> {
    // The readers that start with a word (a qualifier, a period, holiday or weekday name)
    // find nothing at a number, punctuation or a symbol, and are not tried there.
    let word = c.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
    let by_word = |read: fn(&Cur<'_>, usize) -> Option<Found>| if word { read(c, i) } else { None };
    // Degree words: "mid-November", "mid-2025", "early 2019".
    let w = c.raw(i);
    if word
        && let Some(rest) = w
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("mid-"))
            .map(|_| &w[4..])
    {
        if let Some(m) = month(rest) {
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
        if let Some(y) = rest
            .parse::<i16>()
            .ok()
            .filter(|y| rest.len() == 4 && (1800..=2100).contains(y))
        {
            return found(i, i + 1, When::Year(y));
        }
    }
    // "early 2000s" keeps the decade's range.
    if word
        && c.is(i, DEGREES)
        && let Some(f) = read_point(c, i + 1)
            .filter(|f| f.start == i + 1 && matches!(f.when, When::Month { .. } | When::Year(_)))
    {
        return Some(Found { start: i, ..f });
    }
    if let Some(f) = by_word(first_units_at)
        .or_else(|| by_word(within_period_at))
        .or_else(|| nth_of_at(c, i))
        .or_else(|| by_word(fiscal_at))
        .or_else(|| by_word(season_at))
        .or_else(|| by_word(holiday_at))
        .or_else(|| by_word(week_day_at))
        .or_else(|| week_at(c, i))
        .or_else(|| quarter_at(c, i))
        .or_else(|| decade_at(c, i))
    {
        return Some(f);
    }
    if let Some(f) = date_at(c, i) {
        return Some(f);
    }
    if let Some(f) = prefiltered(c, i, clock_may_start(c, i), "clock", || clock_at(c, i)) {
        return Some(f);
    }
    if let Some(f) = year_at(c, i) {
        return Some(f);
    }
    if let Some(f) = by_word(weekday_at) {
        return Some(f);
    }
    relative_at(c, i)
}

/// False when [`clock_at`] finds nothing at token `i` because it is a word that no clock time
/// starts with: most words that reach the point readers are months, weekdays and qualifiers
/// ("last", "this"). A clock time starts with a number, an hour or minute count in words
/// ("seven p.m.", "ten past 9"), "half" or "quarter" ("half past seven"), a word of noon or
/// midnight, "early" or "late" ("early morning at 8:00"), "in" ("in the morning at 7") or a
/// hedge ("around 1pm"). The test reads the lower-case form, which matches wherever
/// `clock_at`'s ASCII comparisons do.
fn clock_may_start(c: &Cur<'_>, i: usize) -> bool {
    c.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Word)
        || c.lower_number_word(i).is_some()
        || matches!(
            c.lower(i),
            "around"
                | "about"
                | "circa"
                | "approximately"
                | "noon"
                | "midday"
                | "noonish"
                | "midnight"
                | "mid"
                | "early"
                | "late"
                | "in"
                | "half"
                | "quarter"
        )
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
            let n = match c.lower(f.end) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            f.when = When::Month {
                year: Year::Relative(n),
                month,
            };
            f.end += 2;
        } else if let Some(y) = listed_year(c, f.end) {
            f.when = When::Month {
                year: Year::Given(y),
                month,
            };
        }
    }
    f
}

/// The year that "last", "this" or "next" (in lower case) gives the month after it ("last
/// February", "this May", "next June").
fn month_qualifier(w: &str) -> Option<Year> {
    match w {
        "last" => Some(Year::Last),
        "this" => Some(Year::Relative(0)),
        "next" => Some(Year::Next),
        _ => None,
    }
}

/// The year written after the last of a list of months that goes on at token `k` ("November
/// and December 2020", "March, April and May 2019"): the year of every month of the list.
fn listed_year(c: &Cur<'_>, mut k: usize) -> Option<i16> {
    for _ in 0..12 {
        let joined = c.raw(k) == "," || c.is(k, &["and", "or"]);
        if !joined {
            return None;
        }
        k += 1;
        if c.is(k, &["and", "or"]) {
            k += 1;
        }
        let (_, e) = c.month(k)?;
        if let Some((y, _)) = c.year_after(e) {
            return Some(y);
        }
        k = e;
    }
    None
}

/// Calendar dates in words and digits.
fn date_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "7 October [2023]", "7th of October", "15 April of 1987", "fourth of July"; not "$12
    // December 27".
    if i >= c.tokens.len() {
        // Callers look ahead ("Monday 4 March"); past the end there is no date.
        return None;
    }
    if let Some(f) = compound_date_at(c, i) {
        return Some(f);
    }
    // A sentence without a month name has no date with one.
    if let Some(f) = prefiltered(c, i, c.has_month(), "month", || month_date_at(c, i)) {
        return Some(f);
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
    numeric_date_at(c, i, false)
}

/// The dates of [`date_at`] with a month name: "7 October", "the 9th of May", "October 7",
/// "October 2023", "since May".
fn month_date_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let money = i > 0 && c.tokens[i - 1].kind == TokenKind::Symbol;
    // "the 9th of May": the article is part of the date.
    let lead = if c.is(i, &["the"]) { i + 1 } else { i };
    if let Some((d, e)) = c
        .day(lead)
        .or_else(|| day_words(c, lead))
        .or_else(|| {
            // "twenty five January", "fifteen August".
            let (n, e) = number_words(c, lead).filter(|&(n, _)| (10..=31).contains(&n))?;
            Some((i8::try_from(n).ok()?, e))
        })
        .filter(|_| !money)
    {
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
        // "June the 28th", "October, 1st": only with an ordinal.
        let spaced = c.is(me, &["the"]) || c.raw(me) == ",";
        let day_at = if slash || spaced { me + 1 } else { me };
        if let Some((d, de)) = c
            .day(day_at)
            .filter(|&(_, e)| !spaced || e == day_at + 2)
            .or_else(|| day_words(c, day_at).filter(|_| !slash))
            .or_else(|| cardinal_day(c, day_at).filter(|_| !slash && !spaced))
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
        // "may" in lower case after "last" or "next" is the verb ("the next may be worse").
        let is_may = c.raw(i) == "may";
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
        if let Some(year) = month_qualifier(prev).filter(|_| !is_may) {
            return found(i - 1, me, When::Month { year, month: m });
        }
        let after_word = matches!(
            prev,
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
            && !matches!(prev, "a" | "an" | "the");
        // "May" only after a word that leaves no doubt ("since May", "mid May"), or
        // capitalised after "in".
        let may_ok = matches!(
            prev,
            "since" | "until" | "till" | "early" | "late" | "mid" | "after" | "before" | "during"
        ) || prev == "in" && c.raw(i).starts_with('M');
        if (after_word && (!is_may || may_ok)) || bare {
            return found(i, me, month_alone).map(|f| with_year(c, f));
        }
    }
    None
}

/// A number from 1 to 99 in words: "six", "fifteen", "ninety six", "thirty-two".
fn number_words(c: &Cur<'_>, i: usize) -> Option<(i16, usize)> {
    let (first, rest) = match split_hyphen(c.raw(i)) {
        Some((a, b)) => (number_word(a), Some(b)),
        None => (c.number_word(i), None),
    };
    let n = match first? {
        NumWord::Unit(v) | NumWord::Teen(v) | NumWord::Tens(v) => v as i16,
        _ => return None,
    };
    if n < 20 {
        return Some((n, i + 1));
    }
    match rest {
        Some(r) => Some((n + number_word(r).and_then(unit_value)?, i + 1)),
        None => match c.number_word(i + 1).and_then(unit_value) {
            Some(u) => Some((n + u, i + 2)),
            None => Some((n, i + 1)),
        },
    }
}

/// "one" … "nine" as a number.
fn unit_value(n: NumWord) -> Option<i16> {
    match n {
        NumWord::Unit(v) => Some(v as i16),
        _ => None,
    }
}

/// A year in words after a date: "nineteen ninety six", "two thousand and fifteen",
/// "seventeen hundred thirty three".
fn year_words(c: &Cur<'_>, i: usize) -> Option<(i16, usize)> {
    let (head, e) = number_words(c, i)?;
    let rest = |k: usize| {
        let k = if c.is(k, &["and"]) { k + 1 } else { k };
        number_words(c, k)
    };
    if head == 2 && c.is(e, &["thousand"]) {
        return match rest(e + 1) {
            Some((n, end)) => Some((2000 + n, end)),
            None => Some((2000, e + 1)),
        };
    }
    if !(10..=20).contains(&head) {
        return None;
    }
    if c.is(e, &["hundred"]) {
        let (n, end) = rest(e + 1).unwrap_or((0, e + 1));
        return Some((head * 100 + n, end));
    }
    let (n, end) = number_words(c, e).filter(|&(n, _)| n >= 10)?;
    Some((head * 100 + n, end))
}

/// A day of the month in two cardinal words after a month: "twenty nine", "thirty-one".
fn cardinal_day(c: &Cur<'_>, i: usize) -> Option<(i8, usize)> {
    let (tens, unit, end) = match split_hyphen(c.raw(i)) {
        Some((t, r)) => (number_word(t), number_word(r), i + 1),
        None => (c.number_word(i), c.number_word(i + 1), i + 2),
    };
    let tens: i8 = match tens? {
        NumWord::Tens(20.0) => 20,
        NumWord::Tens(30.0) => 30,
        _ => return None,
    };
    let day = tens + i8::try_from(unit.and_then(unit_value)?).ok()?;
    (day <= 31).then_some((day, end))
}

/// Dates written as one run of parts joined by "-" or "/" with a month name: "05-aug-2016",
/// "2019/aug/01", "sep-23-2020", "23/sep/2020", "dec-2018", "Friday-Jun-15".
fn compound_date_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if i > 0 && c.glued(i - 1) || c.tokens.get(i)?.kind == TokenKind::Punct {
        return None;
    }
    let joins = |k: usize| matches!(c.raw(k), "-" | "/");
    // A token on its own (most): one part unless it has a "-" or "/" in it.
    if !c.glued(i) && !joins(i) && !c.words.raw(i).bytes().any(|b| matches!(b, b'-' | b'/')) {
        return None;
    }
    let mut j = i;
    while c.glued(j)
        && c.tokens
            .get(j + 1)
            .is_some_and(|t| t.kind != TokenKind::Symbol)
    {
        let next = &c.tokens[j + 1];
        if next.kind == TokenKind::Punct && !joins(j + 1) {
            break;
        }
        j += 1;
    }
    if joins(j) {
        j -= 1;
    }
    let text = &c.text[c.tokens.get(i)?.start..c.tokens.get(j)?.end];
    // Two parts at least: test before allocating.
    if !text.bytes().any(|b| matches!(b, b'-' | b'/')) {
        return None;
    }
    let mut parts: Vec<&str> = text.split(['-', '/']).collect();
    if parts.len() > 1 && weekday(parts[0]).is_some() {
        parts.remove(0);
    }
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let (mut m, mut y, mut d) = (None, None, None);
    for p in &parts {
        if let Some(mm) = month(p).filter(|_| m.is_none()) {
            m = Some(mm);
        } else if p.len() == 4 && y.is_none() {
            y = Some(
                p.parse::<i16>()
                    .ok()
                    .filter(|y| (1800..=2100).contains(y))?,
            );
        } else if p.len() <= 2 && d.is_none() {
            d = Some(p.parse::<i8>().ok().filter(|d| (1..=31).contains(d))?);
        } else {
            return None;
        }
    }
    let month = m?;
    let when = match (y, d) {
        (y, Some(day)) => When::Day {
            year: y,
            month,
            day,
        },
        (Some(y), None) => When::Month {
            year: Year::Given(y),
            month,
        },
        (None, None) => return None,
    };
    found(i, j + 1, when)
}

/// A day of the month in ordinal words: "fourth", "twenty second", "thirty-first".
fn day_words(c: &Cur<'_>, i: usize) -> Option<(i8, usize)> {
    // "twenty second", "twenty-second", "thirty first".
    let (head, rest, end) = match split_hyphen(c.lower(i)) {
        Some((t, r)) => (number_word(t), Some(r), i + 1),
        None => (c.lower_number_word(i), None, i + 2),
    };
    let d = match head? {
        NumWord::Ordinal {
            den,
            class: numbers::OrdClass::Unit | numbers::OrdClass::Tens,
            plural: false,
        } if rest.is_none() && (den <= 20.0 || den == 30.0) => return Some((den as i8, i + 1)),
        NumWord::Tens(tens) if tens <= 30.0 => {
            let unit = match rest {
                Some(r) => number_word(r),
                None => c.lower_number_word(i + 1),
            };
            tens as i8 + small_ordinal(unit?)?
        }
        _ => return None,
    };
    (d <= 31).then_some((d, end))
}

/// "first" … "nineteenth" as a number.
fn small_ordinal(n: NumWord) -> Option<i8> {
    match n {
        NumWord::Ordinal {
            den,
            class: numbers::OrdClass::Unit | numbers::OrdClass::Tens,
            plural: false,
        } if den < 20.0 => Some(den as i8),
        _ => None,
    }
}

/// Dates in digits: "2020-07-01", "20200701", "5/3/18", "22/04", "2015-03", "23.04.2022".
/// `dated` is true where a date is expected (the end of a range), so that a date without a
/// year needs no word before it.
fn numeric_date_at(c: &Cur<'_>, i: usize, dated: bool) -> Option<Found> {
    // "23.04.2022": day, month and a four-digit year with stops (one token); two digits each,
    // as versions ("1.2.2020") are not written.
    if let Some(t) = c.text_of(i, TokenKind::Number)
        // Ten bytes: test before allocating.
        && t.len() == 10
        && let [d, m, y] = t.split('.').collect::<Vec<_>>().as_slice()
        && y.len() == 4
        && d.len() == 2
        && m.len() == 2
    {
        let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        Date::new(y, m, d).ok()?;
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
    // A number glued on after the date is not a date ("1/2/3/4"), unless a date follows a
    // dash ("10/1/2018-10/7/2018").
    let end = if third.is_some() { i + 5 } else { i + 3 };
    if c.glued(end - 1)
        && matches!(c.raw(end), "/" | "-" | "." | ":")
        && c.number(end + 1).is_some()
        && !(c.raw(end) == "-" && numeric_date_at(c, end + 1, true).is_some())
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
            Some(if yy < 40 { 2000 + yy } else { 1900 + yy })
        }
        Some(_) => return None,
        None => None,
    };
    // Without a year, "3/4" is as likely a fraction or a score: only after a word that
    // introduces a date, and never with a dash ("3-4").
    if year.is_none() {
        let prev = c.prev(i);
        let dated = matches!(
            prev,
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
        ) || i > 0 && c.weekday(i - 1).is_some()
            || dated
            // "on 11/20, 11/22 or 11/25": the next of a list of dates.
            || matches!(prev, "," | "or")
                && i >= 4
                && c.raw(i - 3) == "/"
                && c.number(i - 2).is_some();
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

/// An hour or minute count in words or digits, up to 59: "seven", "20", "fifteen".
fn small_number(c: &Cur<'_>, i: usize) -> Option<i8> {
    if let Some((_, value)) = c.digits(i) {
        return i8::try_from(value).ok().filter(|n| (0..60).contains(n));
    }
    // A number word up to "fifty" (numbers::number_word, which also reads "nought").
    let n = match c.lower_number_word(i)? {
        NumWord::Zero => 0.0,
        NumWord::Unit(v) | NumWord::Teen(v) => v,
        NumWord::Tens(v) if v <= 50.0 => v,
        _ => return None,
    };
    Some(n as i8)
}

/// "am"/"pm" at `i` in its spellings ("pm", "p.m.", "p . m ."): hours to add and the index
/// after it.
fn am_pm(c: &Cur<'_>, i: usize) -> Option<(i8, usize)> {
    let w = c.lower(i);
    let add = match w {
        "am" | "a.m" | "a" => 0,
        "pm" | "p.m" | "p" => 12,
        _ => return None,
    };
    let mut end = i + 1;
    if w.len() == 1 {
        if !(c.raw(i + 1) == "." && c.is(i + 2, &["m"])) {
            return None;
        }
        end = i + 3;
    }
    // A final stop belongs to "a.m." (and to "pm." when the sentence goes on after it).
    if c.raw(end) == "."
        && (w.len() == 1 && (c.glued(end - 1) || !c.glued(i))
            || c.glued(end - 1) && c.tokens.get(end + 1).is_some())
    {
        end += 1;
    }
    Some((add, end))
}

/// Parts of the day after a clock time, and the hours they add to an hour up to 12.
fn part_of_day(c: &Cur<'_>, i: usize) -> Option<(i8, usize)> {
    if c.is(i, &["at"]) && c.is(i + 1, &["night"]) {
        return Some((12, i + 2));
    }
    if !(c.is(i, &["in"]) && c.is(i + 1, &["the"])) {
        return None;
    }
    let add = match c.lower(i + 2) {
        "morning" => 0,
        "afternoon" | "evening" => 12,
        _ => return None,
    };
    Some((add, i + 3))
}

/// `hour` (1 to 12) with `add` hours for the afternoon, as a 24-hour clock; midnight and noon
/// stay.
fn with_half(hour: i8, add: i8) -> i8 {
    match (hour, add) {
        (12, 0) => 0,
        (12, _) => 12,
        (h, a) => h + a,
    }
}

/// Clock times: "10:30am", "10.30am", "3pm", "15:00", "4 p.m.", "7:56:30 pm", "1140 a.m.",
/// "noon", "half past seven", "ten past 9 in the evening", "one in the morning", "in the
/// afternoon at 7"; "around 1pm" keeps its hedge.
fn clock_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if c.is(i, &["around", "about", "circa", "approximately"]) {
        let f = clock_at(c, i + 1).filter(|f| f.start == i + 1)?;
        return found(i, f.end, f.when);
    }
    let at = |end: usize, hour: i8, minute: i8| found(i, end, When::Clock { hour, minute });
    if c.is(i, &["noon", "midday", "noonish"]) {
        return at(i + 1, 12, 0);
    }
    if c.raw(i) == "12" && c.is(i + 1, &["noon"]) {
        return at(i + 2, 12, 0);
    }
    if c.is(i, &["midnight"]) || c.is(i, &["mid"]) && c.is(i + 1, &["night"]) {
        return at(if c.is(i, &["mid"]) { i + 2 } else { i + 1 }, 0, 0);
    }
    // "early morning at 8:00", "late evening at 10:00": the part of the day, then the time.
    let part = |k: usize| match c.lower(k) {
        "morning" => Some(0),
        "afternoon" | "evening" | "night" => Some(12),
        _ => None,
    };
    if c.is(i, &["early", "late"])
        && let Some(add) = part(i + 1)
        && c.is(i + 2, &["at"])
        && let Some(f) = clock_at(c, i + 3).filter(|f| f.start == i + 3)
    {
        let when = match f.when {
            When::Clock { hour, minute } if hour < 12 => When::Clock {
                hour: hour + add,
                minute,
            },
            other => other,
        };
        return found(i, f.end, when);
    }
    // "in the morning at 7", "in the afternoon 9 o'clock".
    if let Some((add, k)) = part_of_day(c, i).filter(|_| c.is(i, &["in"])) {
        let j = if c.is(k, &["at"]) { k + 1 } else { k };
        let h = small_number(c, j).filter(|h| (1..=12).contains(h))?;
        let end = if c.is(j + 1, &["o'clock", "o\u{2019}clock", "oclock"]) {
            j + 2
        } else {
            j + 1
        };
        return at(end, with_half(h, add), 0);
    }
    // "half past seven", "20 min past eight", "ten past 9 in the evening".
    let (minutes, k) = match c.lower(i) {
        "half" => (Some(30), i + 1),
        "quarter" => (Some(15), i + 1),
        _ => match small_number(c, i) {
            Some(m) if c.is(i + 1, &["min", "mins", "minutes"]) => (Some(m), i + 2),
            Some(m) => (Some(m), i + 1),
            None => (None, i),
        },
    };
    // "to" also joins numbers ("two to four people"): only "quarter/half to", or with "at"
    // before it.
    let to_ok = c.is(i, &["quarter", "half"]) || c.is(i.wrapping_sub(1), &["at"]);
    if let Some(m) = minutes.filter(|m| (1..60).contains(m))
        && (c.is(k, &["past"]) || c.is(k, &["to"]) && to_ok)
        && let Some(h) = small_number(c, k + 1).filter(|h| (1..=12).contains(h))
    {
        let (h, m) = if c.is(k, &["to"]) {
            (if h == 1 { 12 } else { h - 1 }, 60 - m)
        } else {
            (h, m)
        };
        let mut end = k + 2;
        if c.is(end, &["o'clock", "o\u{2019}clock", "oclock"]) {
            end += 1;
        }
        let (add, end) = part_of_day(c, end).unwrap_or((0, end));
        return at(end, with_half(h, add), m);
    }
    // "one in the morning", "five in the afternoon".
    if let Some(h) = small_number(c, i).filter(|h| (1..=12).contains(h))
        && c.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && let Some((add, end)) = part_of_day(c, i + 1)
    {
        return at(end, with_half(h, add), 0);
    }
    // "seven p.m.".
    if let Some(h) = small_number(c, i).filter(|h| (1..=12).contains(h))
        && c.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && let Some((add, end)) = am_pm(c, i + 1)
    {
        return at(end, with_half(h, add), 0);
    }
    let s = c.text_of(i, TokenKind::Number)?;
    // "9.am": a stop glued between the hour and "am".
    let (ampm, after) = if c.raw(i + 1) == "." && c.glued(i) && c.glued(i + 1) {
        match am_pm(c, i + 2) {
            Some((add, end)) if c.lower(i + 2).len() == 2 => (Some(add), end),
            _ => (None, i + 1),
        }
    } else if c.glued(i)
        && c.is(i + 1, &["a", "p"])
        && s.contains(':')
        && !(c.glued(i + 1) && c.tokens[i + 2].kind != TokenKind::Punct)
    {
        // "9:00a", "8:45p".
        (Some(if c.is(i + 1, &["a"]) { 0 } else { 12 }), i + 2)
    } else {
        match am_pm(c, i + 1) {
            Some((add, end)) => (Some(add), end),
            None => (None, i + 1),
        }
    };
    // The first four parts, which tell one, two, three and more apart.
    let mut split = s.split([':', '.']);
    let parts = [split.next(), split.next(), split.next(), split.next()];
    let num = |p: &str| p.parse::<i8>().ok();
    let (h, m, sec) = match parts {
        [Some(h), Some(m), None, _] if m.len() == 2 => (num(h)?, num(m)?, None),
        [Some(h), Some(m), Some(sec), None]
            if m.len() == 2 && sec.len() == 2 && s.contains(':') =>
        {
            (num(h)?, num(m)?, Some(num(sec)?))
        }
        [Some(_), Some(_), ..] => return None,
        // "1140 a.m.": hours and minutes run together, only with am/pm.
        [Some(hm), None, ..] if (3..=4).contains(&hm.len()) && ampm.is_some() => {
            (num(&hm[..hm.len() - 2])?, num(&hm[hm.len() - 2..])?, None)
        }
        [Some(h), None, ..] if h.len() <= 2 => (num(h)?, 0, None),
        _ => return None,
    };
    let oclock = ampm.is_none() && c.is(i + 1, &["o'clock", "o\u{2019}clock", "oclock"]);
    let ish = ampm.is_none() && c.glued(i) && c.is(i + 1, &["ish"]) && h <= 12;
    let clock = s.contains(':') || ampm.is_some() || oclock || ish;
    let hour_ok = match ampm {
        Some(_) => (1..=12).contains(&h),
        None => h <= 24,
    };
    if !(clock && hour_ok && m < 60 && sec.is_none_or(|x| x < 60)) {
        return None;
    }
    let hour = match ampm {
        Some(add) => (h % 12) + add,
        None => h,
    };
    let mut end = if oclock || ish { i + 2 } else { after };
    // "8:00 early morning", "10:00 late evening".
    let mut hour = hour;
    if c.is(end, &["early", "late"])
        && let Some(add) = part(end + 1)
    {
        if ampm.is_none() && hour < 12 {
            hour += add;
        }
        end += 2;
    }
    match sec {
        Some(second) => found(
            i,
            end,
            When::ClockSeconds {
                hour,
                minute: m,
                second,
            },
        ),
        None => at(end, hour, m),
    }
}

/// Years after a preposition ("in 2019", "since 2011"), before a comma or stop, "the 1990s",
/// "year 2008".
fn year_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if c.is(i, &["year"])
        && let Some(y) = c.year(i + 1)
    {
        return found(i, i + 2, When::Year(y));
    }
    // "in nineteen ninety six", "in two thousand and fifteen": a year in words after a
    // preposition, at the end of a clause.
    if c.is(i.wrapping_sub(1), &["in", "since", "until"])
        && let Some((y, e)) = year_words(c, i)
        && e > i + 1
        && !c.raw(e).starts_with(|ch: char| ch.is_alphanumeric())
    {
        return found(i, e, When::Year(y));
    }
    let y = c.year(i)?;
    // "the 2010-11 season", "2012/13": a span of years ([`years_span_at`]), not the first year
    // alone; "2014-2018" is two years.
    let dash = |j: usize| matches!(c.raw(j), "-" | "/" | "\u{2013}" | "~");
    if dash(i + 1) && c.number(i + 2).is_some() && c.year(i + 2).is_none_or(|z| z <= y) {
        return None;
    }
    let after_year = i >= 2 && dash(i - 1) && c.year(i - 2).is_some_and(|x| x < y);
    // "32 - 2015": a number, a dash and a number are not a year.
    if i >= 2 && dash(i - 1) && c.number(i - 2).is_some() && !after_year {
        return None;
    }
    let prev = c.prev(i);
    let next = c.lower(i + 1);
    // "1900 to 2000 people": a range of counts.
    let counted =
        |k: usize| c.number(k).is_some() && c.raw(k + 1).starts_with(|ch: char| ch.is_lowercase());
    let is_count = matches!(next, "people" | "homes" | "residents" | "workers" | "%")
        || matches!(next, "to" | "-" | "and") && counted(i + 2);
    let after_word = matches!(
        prev,
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
    // "2018 or later".
    // "in 2017 April": a month name after the year, not "May" or "March".
    if let Some((m, e)) = c
        .month(i + 1)
        .filter(|_| c.raw(i + 1).len() > 4 || c.is(i + 1, &["june", "july"]))
        && !c.is(i + 1, &["march"])
        && !c.raw(e).starts_with(|ch: char| ch.is_alphanumeric())
    {
        return found(
            i,
            e,
            When::Month {
                year: Year::Given(y),
                month: m,
            },
        );
    }
    let bounded = next == "or" && c.is(i + 2, &["later", "earlier", "after", "before"]);
    if bounded {
        return found(i, i + 1, When::Year(y)).map(|f| or_later(c, f));
    }
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
    let (which, skip) = match c.lower(i) {
        "last" | "previous" => (Which::Last, 1),
        "past" => (Which::Past, 1),
        "this" if c.is(i + 1, &["past"]) => (Which::Past, 2),
        "this" if c.is(i + 1, &["coming", "upcoming"]) => (Which::This, 2),
        "this" => (Which::This, 1),
        "next" | "following" | "coming" => (Which::Next, 1),
        _ => (Which::Bare, 0),
    };
    let w = i + skip;
    let (day, abbrev) = c.weekday(w)?;
    // An abbreviation ("Sat", "Wed" are also verbs) only capitalised or before a date.
    let dated = || {
        let j = if c.raw(w + 1) == "," { w + 2 } else { w + 1 };
        date_at(c, j)
            .filter(|f| f.start == j && matches!(f.when, When::Day { .. }))
            .or_else(|| month_dot_day(c, j))
    };
    let then_date = dated();
    // "Monday 21", "Fri 14th", "Tuesday the eleventh": a day of the month after the weekday;
    // a number without a suffix only at the end of a clause ("Monday 21 people…" counts).
    let day_after = || {
        let k = if c.is(w + 1, &["the"]) { w + 2 } else { w + 1 };
        let clause_end = |e: usize| {
            e >= c.tokens.len()
                || matches!(c.raw(e), "," | "." | ";" | "?" | "!")
                || c.is(e, &["at"])
        };
        ordinal(c, k)
            .or_else(|| c.day(k).filter(|&(_, e)| k == w + 1 && clause_end(e)))
            .filter(|&(_, e)| c.month(e).is_none() && which == Which::Bare)
    };
    let then_day = if then_date.is_none() {
        day_after()
    } else {
        None
    };
    if abbrev
        && then_date.is_none()
        && then_day.is_none()
        && !c.raw(w).starts_with(|ch: char| ch.is_uppercase())
    {
        return None;
    }
    // "Monday 4 March", "Tue May 9": the date says the day.
    if let Some(f) = then_date {
        return found(i, f.end, f.when);
    }
    if let Some((d, e)) = then_day {
        return found(
            i,
            e,
            When::WeekdayDay {
                weekday: day,
                day: d,
            },
        );
    }
    found(i, w + 1, When::Weekday { day, which })
}

/// "the 15th day of next month", "twenty third day of September", "the third month of 2021",
/// "the 9th month of next year".
fn nth_of_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let k = if c.is(i, &["the"]) { i + 1 } else { i };
    let (n, e) = ordinal(c, k)?;
    if !c.is(e + 1, &["of"]) {
        return None;
    }
    if c.is(e, &["month"]) && n <= 12 {
        let (year, end) = of_year(c, e + 1)?;
        return found(i, end, When::Month { year, month: n });
    }
    if !c.is(e, &["day"]) {
        return None;
    }
    let j = e + 2;
    if let Some((m, end)) = c.month(j) {
        let f = found(
            i,
            end,
            When::Day {
                year: None,
                month: m,
                day: n,
            },
        )?;
        return Some(with_day_year(c, f));
    }
    let months = match c.lower(j) {
        "next" => 1,
        "last" | "previous" => -1,
        "this" | "the" => 0,
        _ => return None,
    };
    if !c.is(j + 1, &["month"]) {
        return None;
    }
    found(
        i,
        j + 2,
        When::Shift {
            base: Box::new(When::Period(Unit::Month, months)),
            unit: Unit::Day,
            n: i32::from(n) - 1,
        },
    )
}

/// A year after a day and month ("the 15th day of June 2020").
fn with_day_year(c: &Cur<'_>, mut f: Found) -> Found {
    if let When::Day {
        year: None,
        month,
        day,
    } = f.when
        && let Some((y, e)) = c.year_after(f.end)
    {
        f.when = When::Day {
            year: Some(y),
            month,
            day,
        };
        f.end = e;
    }
    f
}

/// A month and day after a weekday written with a stop or a dash: "Friday 7.6", "Friday 7-6".
fn month_dot_day(c: &Cur<'_>, j: usize) -> Option<Found> {
    let t = c.text_of(j, TokenKind::Number)?;
    let (m, d, end) = match t.split_once('.') {
        Some((m, d)) => (m, d, j + 1),
        None if c.raw(j + 1) == "-" && c.glued(j) && c.glued(j + 1) => (t, c.number(j + 2)?, j + 3),
        None => return None,
    };
    if m.len() > 2 || d.len() > 2 || c.glued(end - 1) && c.number(end + 1).is_some() {
        return None;
    }
    let (month, day) = (m.parse::<i8>().ok()?, d.parse::<i8>().ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    found(
        j,
        end,
        When::Day {
            year: None,
            month,
            day,
        },
    )
}

/// A number of units in words or digits ("two", "a", "3").
fn count(c: &Cur<'_>, i: usize) -> Option<i32> {
    if let Some(s) = c.number(i) {
        return s.parse().ok().filter(|n| (1..=100).contains(n));
    }
    let n = match c.lower(i) {
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
        _ => return small_number(c, i).map(i32::from).filter(|n| *n > 0),
    };
    Some(n)
}

/// A calendar unit in the singular or plural ("day", "Weeks").
fn unit(w: &str) -> Option<Unit> {
    // Trailing "s" trimmed in either case, as after lower-casing; a longer word is none.
    let w = w.trim_end_matches(['s', 'S']);
    if w.len() > "quarter".len() {
        return None;
    }
    Some(match numbers::lower(w, &mut [0; 24]) {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        _ => return None,
    })
}

/// A word that counts calendar units, and how many of the unit one of it is: a [`unit()`]
/// (one) or "fortnight" (two weeks), singular or plural. A fortnight is only ever counted
/// ("a fortnight ago", "the past fortnight"), never a calendar period of its own.
fn units(w: &str) -> Option<(i32, Unit)> {
    if let Some(u) = unit(w) {
        return Some((1, u));
    }
    w.trim_end_matches(['s', 'S'])
        .eq_ignore_ascii_case("fortnight")
        .then_some((2, Unit::Week))
}

/// [`units`], and decades and centuries as years, which are counted only back from
/// publication ("two decades ago"): "the next two decades" are calendar decades to some
/// readers and the twenty years ahead to others, so no period is read from them.
fn ago_units(w: &str) -> Option<(i32, Unit)> {
    units(w).or_else(|| {
        let one = w.trim_end_matches(['s', 'S']);
        if one.eq_ignore_ascii_case("decade") {
            Some((10, Unit::Year))
        } else if one.eq_ignore_ascii_case("century") || w.eq_ignore_ascii_case("centuries") {
            Some((100, Unit::Year))
        } else {
            None
        }
    })
}

/// [`ago_units`] of a word as written, for the document's words (`vocab::Entry::time_units`):
/// every such word starts with "da", "we", "mo", "qu", "ye", "fo", "de" or "ce" in either
/// case ("days", "Weeks", "fortnight", "decades", "century"), a test that turns most words
/// away before [`ago_units`] lower-cases them.
pub(crate) fn word_units(w: &str) -> Option<(i32, Unit)> {
    let head = match w.as_bytes() {
        [a, b, ..] => [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
        _ => return None,
    };
    if !matches!(
        &head,
        b"da" | b"we" | b"mo" | b"qu" | b"ye" | b"fo" | b"de" | b"ce"
    ) {
        debug_assert!(ago_units(w).is_none(), "{w:?}");
        return None;
    }
    ago_units(w)
}

/// Relative days, weeks, months, years and quarters.
fn relative_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "two days ago", "a fortnight ago".
    if let Some(n) = count(c, i)
        && let Some((m, u)) = c.ago_units(i + 1)
        && c.is(i + 2, &["ago"])
    {
        return found(i, i + 3, When::Ago(u, n * m));
    }
    // Only a handful of words start the rest: test before allocating (by the folded form,
    // which matches a list of words faster than [`Cur::is`]).
    if !matches!(
        c.folded(i),
        "last"
            | "this"
            | "next"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tmrw"
            | "tonight"
            | "earlier"
            | "later"
            | "previous"
            | "past"
            | "following"
            | "coming"
            | "current"
            | "the"
    ) {
        return None;
    }
    let w = c.lower(i);
    // "earlier this year", "later this month".
    if matches!(w, "earlier" | "later")
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
    let step = match w {
        "last" | "previous" | "past" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "following" | "coming" => Some(1),
        _ => None,
    };
    if let Some(n) = step {
        let second = c.lower(i + 1);
        let part = match (w, second) {
            ("last", "night") => Some(When::Days(-1, Some("night"))),
            ("this", "morning" | "afternoon" | "evening") => Some(When::Days(
                0,
                Some(match second {
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
        if let Some(u) = unit(second).filter(|u| *u != Unit::Day && !second.ends_with('s')) {
            return found(i, i + 2, When::Period(u, n));
        }
        // "this working week", "next workweek".
        if second == "workweek" {
            return found(i, i + 2, When::Period(Unit::Week, n));
        }
        if matches!(second, "working" | "work") && c.is(i + 2, &["week"]) {
            return found(i, i + 3, When::Period(Unit::Week, n));
        }
        return None;
    }
    let days = match w {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" | "tmrw" => 1,
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

// ---------------------------------------------------------------------------------------------
// Ranges, periods and shifts

/// One end of a range: a point, a year on its own ("2014" in "2014-2018"), "now", or, when
/// `bare` is allowed, a day of the month alone ("17th" in "April 9th through 17th"), which is
/// returned as [`When::MonthDay`] and takes its month from the other end.
fn range_end(c: &Cur<'_>, j: usize, after_date: bool, bare: bool) -> Option<Found> {
    if after_date && let Some(f) = numeric_date_at(c, j, true) {
        return Some(f);
    }
    if let Some(f) = read_point(c, j).filter(|f| f.start == j) {
        return Some(f);
    }
    // "to the end of 2008", "to the start of 2008".
    if c.is(j, &["the"])
        && let Some(f) = within_period_at(c, j + 1).filter(|f| f.start == j + 1)
    {
        return Some(Found { start: j, ..f });
    }
    if let Some(y) = c.year(j) {
        return found(j, j + 1, When::Year(y));
    }
    if c.is(j, &["now"]) || c.is(j, &["date"]) && c.is(j.wrapping_sub(1), &["to"]) {
        return found(j, j + 1, When::Days(0, None));
    }
    if c.is(j, &["current"]) && c.is(j + 1, &["date"]) {
        return found(j, j + 2, When::Days(0, None));
    }
    // "from this May to …".
    if bare
        && let Some(year) = month_qualifier(c.lower(j))
        && let Some((month, e)) = c.month(j + 1)
    {
        return found(j, e, When::Month { year, month });
    }
    // "from May to September": any month name after "from", "to" or "and", or capitalised.
    let capital = c.raw(j).starts_with(|ch: char| ch.is_uppercase());
    if (bare || capital)
        && let Some((m, e)) = c.month(j)
    {
        let month = When::Month {
            year: Year::Unknown,
            month: m,
        };
        return found(j, e, month).map(|f| with_year(c, f));
    }
    if !bare {
        return None;
    }
    let k = if c.is(j, &["the"]) { j + 1 } else { j };
    let (d, e) = c.day(k).or_else(|| day_words(c, k))?;
    found(j, e, When::MonthDay(d))
}

/// Words that join the two ends of a range; "and" only after "between".
fn range_joiner(c: &Cur<'_>, k: usize, between: bool) -> Option<usize> {
    let joins = c.is(k, &["to", "till", "until", "through", "thru"])
        || matches!(c.raw(k), "-" | "\u{2013}" | "~")
        || between && c.is(k, &["and"]);
    joins.then_some(k + 1)
}

/// True for a point that can end a range: a calendar point or a day counted from the
/// publication date, not a clock time.
fn range_kind(w: &When) -> bool {
    !matches!(
        w,
        When::Clock { .. } | When::ClockSeconds { .. } | When::Ago(..) | When::Weekend(_)
    )
}

/// True for calendar points written out in full (a range of them needs no "from").
fn absolute(w: &When) -> bool {
    matches!(
        w,
        When::Day { .. }
            | When::Month { .. }
            | When::Year(_)
            | When::Quarter { .. }
            | When::Half { .. }
            | When::MonthDay(_)
    )
}

/// "from 2014 to 2018", "between August and October", "Nov 18 - Dec 19, 2015",
/// "April 9th through 17th", "10/1/2018-10/7/2018", "jan-feb 2017": one fact from the first
/// point to the last.
fn range_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let (between, j) = match c.lower(i) {
        "from" => (false, i + 1),
        "between" => (true, i + 1),
        _ => (false, i),
    };
    let prefixed = j > i;
    // "10/1-11/7": a date in digits before a dash and another.
    let numeric = numeric_date_at(c, j, true)
        .filter(|f| c.raw(f.end) == "-" && numeric_date_at(c, f.end + 1, true).is_some());
    let first = match numeric.or_else(|| months_compound(c, j)) {
        Some(f) => f,
        None => range_end(c, j, prefixed, prefixed)?,
    };
    if first.until.is_some() {
        return Some(Found { start: i, ..first });
    }
    let after = range_joiner(c, first.end, between)?;
    let dated = matches!(first.when, When::Day { .. });
    let second = range_end(c, after, dated, true)?;
    if second.until.is_some() || !range_kind(&first.when) || !range_kind(&second.when) {
        return None;
    }
    let dash = !c.is(
        first.end,
        &["to", "till", "until", "through", "thru", "and"],
    );
    // Without "from" or "between", both ends are dates as written, or the range runs to today
    // ("2019/aug/01 to today").
    let today = !dash && matches!(second.when, When::Days(0, None));
    if !prefixed && !(absolute(&first.when) && (absolute(&second.when) || today)) {
        return None;
    }
    if dash && !(absolute(&first.when) && absolute(&second.when)) {
        return None;
    }
    let (a, b) = match (first.when, second.when) {
        (When::MonthDay(_), When::MonthDay(_)) => return None,
        (When::Day { year, month, day }, When::MonthDay(d)) if d > day => (
            When::Day { year, month, day },
            When::Day {
                year,
                month,
                day: d,
            },
        ),
        (When::MonthDay(d), When::Day { year, month, day }) if d < day => (
            When::Day {
                year,
                month,
                day: d,
            },
            When::Day { year, month, day },
        ),
        (When::MonthDay(_), _) | (_, When::MonthDay(_)) => return None,
        // "from next Monday to Friday": the second weekday in the first's week.
        (
            When::Weekday { day, which },
            When::Weekday {
                day: d2,
                which: Which::Bare,
            },
        ) => (
            When::Weekday { day, which },
            When::Weekday { day: d2, which },
        ),
        (a, b) => (a, b),
    };
    // A year bare on both ends: "1900 to 2000 people" counts people.
    if !prefixed
        && matches!(a, When::Year(_))
        && c.raw(second.end).starts_with(|ch: char| ch.is_lowercase())
        && !c.is(
            second.end,
            &["and", "in", "on", "when", "while", "but", "as", "for"],
        )
    {
        return None;
    }
    // "from 5/1-5/7, 2020", "from April to June in 2017": a year after the range.
    let (b, end) = match month_day(&b) {
        Some((_, None)) => match c.year_after(second.end) {
            Some((y, e)) => (in_year(&b, y), e),
            None => (b, second.end),
        },
        _ => (b, second.end),
    };
    Some(Found {
        start: i,
        end,
        when: a,
        until: Some(b),
    })
}

/// Months joined in one word ("jan-feb", "nov-feb 5th, 2017", "june-august 1992"), read as a
/// range.
fn months_compound(c: &Cur<'_>, i: usize) -> Option<Found> {
    let (a, b) = split_hyphen(c.text_of(i, TokenKind::Word)?)?;
    let (ma, mb) = (month(a)?, month(b)?);
    let (second, end) = match c.day(i + 1) {
        Some((d, e)) => (
            When::Day {
                year: None,
                month: mb,
                day: d,
            },
            e,
        ),
        None => (
            When::Month {
                year: Year::Unknown,
                month: mb,
            },
            i + 1,
        ),
    };
    let (second, end) = match c.year_after(end) {
        Some((y, e)) => (in_year(&second, y), e),
        None => (second, end),
    };
    Some(Found {
        start: i,
        end,
        when: When::Month {
            year: Year::Unknown,
            month: ma,
        },
        until: Some(second),
    })
}

/// A count of units after a qualifier: "3 days", "couple weeks", "two quarters", "a
/// fortnight" (two weeks).
fn count_units(c: &Cur<'_>, i: usize) -> Option<(i32, Unit, usize)> {
    let (n, k) = if c.is(i, &["couple"]) {
        (2, if c.is(i + 1, &["of"]) { i + 2 } else { i + 1 })
    } else {
        (count(c, i)?, i + 1)
    };
    let (m, u) = c.units(k)?;
    Some((n * m, u, k + 1))
}

/// Periods counted from the publication date: "next 3 days", "the last three months", "5
/// upcoming years", "within the next 10 months", "the past fortnight" (two weeks, the one unit
/// counted without a number). Forward periods start the day after publication; backward ones
/// end on it.
fn period_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let within = c.is(i, &["within"]);
    let q = if within {
        let k = if c.is(i + 1, &["the"]) { i + 2 } else { i + 1 };
        if !c.is(k, AHEAD) && count(c, k).is_none() {
            return None;
        }
        k
    } else {
        i
    };
    let (ahead, n, u, end) = if within && !c.is(q, AHEAD) {
        let (n, u, end) = count_units(c, q)?;
        (true, n, u, end)
    } else if c.is(q, AHEAD) || c.is(q, BACK) {
        // "is expected to last six weeks", "could last two weeks": the verb, a duration.
        if c.is(q, &["last"]) && c.is(q.wrapping_sub(1), LAST_VERB) {
            return None;
        }
        let (n, u, end) = count_units(c, q + 1).or_else(|| {
            c.is(q + 1, &["fortnight"])
                .then_some((2, Unit::Week, q + 2))
        })?;
        (c.is(q, AHEAD), n, u, end)
    } else {
        let n = count(c, q)?;
        if !(c.is(q + 1, AHEAD) || c.is(q + 1, BACK)) || n > 1 && !c.raw(q + 2).ends_with('s') {
            return None;
        }
        let (m, u) = c.units(q + 2)?;
        (c.is(q + 1, AHEAD), n * m, u, q + 3)
    };
    // Quarters count whole quarters: "the last 2 quarters" are the two before this one.
    if u == Unit::Quarter {
        let (first, last) = if ahead { (1, n) } else { (-n, -1) };
        return Some(Found {
            start: i,
            end,
            when: When::Period(u, first),
            until: Some(When::Period(u, last)),
        });
    }
    let today = When::Days(0, None);
    let shifted = |n: i32| When::Shift {
        base: Box::new(today.clone()),
        unit: u,
        n,
    };
    let (first, last) = match (within, ahead) {
        (true, _) => (today.clone(), shifted(n)),
        (false, true) => (When::Days(1, None), shifted(n)),
        (false, false) => (shifted(-n), today.clone()),
    };
    Some(Found {
        start: i,
        end,
        when: first,
        until: Some(last),
    })
}

/// A day some units from another: "3 days after January 12th", "two weeks from tomorrow",
/// "2 weeks before May 13 1999", "three weeks from now".
fn shift_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "more than 2 weeks before today": the bound is the day counted.
    if c.is(i, &["more"]) && c.is(i + 1, &["than"]) {
        let f = shift_at(c, i + 2)?;
        return Some(Found { start: i, ..f });
    }
    let (n, u, k) = count_units(c, i)?;
    let sign = match c.lower(k) {
        "from" | "after" => 1,
        "before" => -1,
        _ => return None,
    };
    // "three days from 14 October" is as often three days starting then: "from" counts only
    // from today ("two weeks from tomorrow", "3 days from now").
    let from_today = c.is(k + 1, &["now", "today", "tomorrow", "tmrw", "yesterday"]);
    if c.is(k, &["from"]) && (!from_today || c.is(i.wrapping_sub(1), &["for"])) {
        return None;
    }
    let (base, end) = if c.is(k + 1, &["now"]) {
        (When::Days(0, None), k + 2)
    } else {
        let f = read_point(c, k + 1).filter(|f| f.start == k + 1 && f.until.is_none())?;
        if !matches!(
            f.when,
            When::Day { .. }
                | When::Days(..)
                | When::Weekday { .. }
                | When::Shift { .. }
                | When::Holiday { .. }
        ) {
            return None;
        }
        (f.when, f.end)
    };
    found(
        i,
        end,
        When::Shift {
            base: Box::new(base),
            unit: u,
            n: sign * n,
        },
    )
}

/// An ordinal's value and the token after it ([`ordinal`]).
type Ordinal = (i8, usize);

/// An ordinal in digits or words, 1 to 31: "3rd", "first", "twenty second".
fn ordinal(c: &Cur<'_>, i: usize) -> Option<Ordinal> {
    if let Some((at, read)) = c.last_ordinal.get()
        && at == i
    {
        return read;
    }
    let read = c
        .day(i)
        .filter(|&(_, e)| e == i + 2)
        .or_else(|| day_words(c, i));
    c.last_ordinal.set(Some((i, read)));
    read
}

/// A year after "of": "of 2015", "of last year", "of the year" (the publication year).
fn of_year(c: &Cur<'_>, i: usize) -> Option<(Year, usize)> {
    if !c.is(i, &["of"]) {
        return None;
    }
    if let Some(y) = c.year(i + 1) {
        return Some((Year::Given(y), i + 2));
    }
    let n = match c.lower(i + 1) {
        "last" | "previous" => -1,
        "this" | "the" => 0,
        "next" => 1,
        _ => return None,
    };
    c.is(i + 2, &["year"]).then_some((Year::Relative(n), i + 3))
}

/// "in 2 weeks", "in two years": a day counted from the publication date, only in a
/// sentence about the future ("will", "'ll", "shall"); "the highest in two years" looks back.
fn in_units_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    if !c.is(i, &["in"]) {
        return None;
    }
    let (n, u, end) = count_units(c, i + 1)?;
    let future = (0..i)
        .map(|k| c.lower(k))
        .any(|w| matches!(w, "will" | "shall") || w.ends_with("'ll") || w.ends_with("\u{2019}ll"));
    if !future
        || u == Unit::Quarter
        || c.is(end, &["since", "of", "time", "from", "after", "before"])
    {
        return None;
    }
    found(
        i,
        end,
        When::Shift {
            base: Box::new(When::Days(0, None)),
            unit: u,
            n,
        },
    )
}

/// Seasons: "this summer", "last winter", "summer 2019", "the summer of 2019", "the whole
/// summer". "Fall" only with a qualifier; it is also a verb.
fn season_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let (n, k) = match c.lower(i) {
        "this" => (Some(0), i + 1),
        "last" | "past" => (Some(-1), i + 1),
        "next" | "coming" => (Some(1), i + 1),
        _ => (None, i),
    };
    let code = match c.lower(k) {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" => "FA",
        "fall" if n.is_some() => "FA",
        "winter" => "WI",
        _ => return None,
    };
    // "summer 2019", "the summer of 2019".
    let of = usize::from(c.is(k + 1, &["of"]) && c.year(k + 2).is_some());
    let (year, end) = match (n, c.year(k + 1 + of)) {
        (Some(n), _) => (Year::Relative(n), k + 1),
        (None, Some(y)) => (Year::Given(y), k + 2 + of),
        (None, None) => (Year::Unknown, k + 1),
    };
    found(i, end, When::Season { code, year })
}

/// Fiscal, school and calendar years: "fiscal year 2008" (`FY2008`), "last fiscal year",
/// "sy18" (`SY2018`), "calendar year 2008" and "cy18" (2008, 2018).
fn fiscal_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let (n, k) = match c.lower(i) {
        "this" | "current" => (Some(0), i + 1),
        "last" | "previous" => (Some(-1), i + 1),
        "next" => (Some(1), i + 1),
        _ => (None, i),
    };
    let (kind, after) = match c.lower(k) {
        "fiscal" if c.is(k + 1, &["year"]) => ('F', k + 2),
        // "fiscal 2025", as company results write it.
        "fiscal" if c.year(k + 1).is_some() => ('F', k + 1),
        "school" if c.is(k + 1, &["year"]) => ('S', k + 2),
        "calendar" if c.is(k + 1, &["year"]) => ('C', k + 2),
        "fy" => ('F', k + 1),
        "sy" => ('S', k + 1),
        "cy" => ('C', k + 1),
        _ => return None,
    };
    // "sy18": two digits glued on.
    let two = c
        .number(after)
        .filter(|d| d.len() == 2 && c.glued(after - 1) && after == k + 1)
        .and_then(|d| d.parse::<i16>().ok())
        .map(|yy| 2000 + yy);
    let (year, end) = match (n, c.year(after).or(two)) {
        (None, Some(y)) => (Year::Given(y), after + 1),
        (Some(n), None) => (Year::Relative(n), after),
        (None, None) if after == k + 2 && kind != 'C' => (Year::Unknown, after),
        _ => return None,
    };
    let when = match (kind, year) {
        ('C', Year::Given(y)) => When::Year(y),
        ('C', Year::Relative(n)) => When::Period(Unit::Year, n),
        (_, year) => When::Fiscal { kind, year },
    };
    found(i, end, when)
}

/// Quarters and halves: "Q1 2017", "2017-q1", "q3", "the first quarter of 2013", "2019 H2".
fn quarter_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "q1", "h2": a letter glued to a digit.
    let letter = |k: usize| -> Option<(char, i8)> {
        let l = match c.text_of(k, TokenKind::Word)? {
            "q" | "Q" => 'Q',
            "h" | "H" => 'H',
            _ => return None,
        };
        let n: i8 = c.number(k + 1).filter(|_| c.glued(k))?.parse().ok()?;
        let max = if l == 'Q' { 4 } else { 2 };
        // Not part of a longer code ("Q2X"): a space, a stop or a comma after it, or a year.
        let free = !c.glued(k + 1)
            || matches!(c.raw(k + 2), "." | "," | ";" | ":" | ")" | "!" | "?")
            || c.raw(k + 2) == "-" && c.year(k + 3).is_some();
        ((1..=max).contains(&n) && free).then_some((l, n))
    };
    let make = |l: char, n: i8, year: Year| match (l, year) {
        // "H1" alone may be a visa or a code: a half only with its year.
        ('H', Year::Given(_)) => Some(When::Half { year, half: n }),
        ('H', _) => None,
        (_, year) => Some(When::Quarter { year, quarter: n }),
    };
    // "2017-q1", "2019 h2".
    if let Some(y) = c.year(i) {
        let k = if c.raw(i + 1) == "-" && c.glued(i) {
            i + 2
        } else {
            i + 1
        };
        let (l, n) = letter(k)?;
        return found(i, k + 2, make(l, n, Year::Given(y))?);
    }
    if let Some((l, n)) = letter(i) {
        // "q3 2019", "q1-2019", "q1 of 2017".
        let k = if c.raw(i + 2) == "-" && c.glued(i + 1) {
            i + 3
        } else {
            i + 2
        };
        if let Some(y) = c.year(k) {
            return found(i, k + 1, make(l, n, Year::Given(y))?);
        }
        if let Some((year, e)) = of_year(c, i + 2) {
            return found(i, e, make(l, n, year)?);
        }
        return found(i, i + 2, make(l, n, Year::Unknown)?);
    }
    // "the first quarter of 2013", "the second half of last year".
    let k = if c.is(i, &["the"]) { i + 1 } else { i };
    let (n, e) = ordinal(c, k).filter(|&(n, _)| (1..=4).contains(&n))?;
    let (year, end) = of_year(c, e + 1)?;
    match c.lower(e) {
        "quarter" => found(i, end, When::Quarter { year, quarter: n }),
        "half" if n <= 2 => found(i, end, When::Half { year, half: n }),
        _ => None,
    }
}

/// Weeks: "week 31", "week 3 of 2027", "the first week of 2015", "the last week of 2016",
/// "the week after next", "the week of April 10th", weekends.
fn week_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let k = if c.is(i, &["the"]) { i + 1 } else { i };
    // "week 31", "week 27 of last year".
    if c.is(i, &["week"])
        && let Some(n) = c.number(k + 1).and_then(|n| n.parse::<i8>().ok())
        && (1..=53).contains(&n)
    {
        let (year, end) = of_year(c, k + 2).unwrap_or((Year::Unknown, k + 2));
        if c.is(end, &["of"]) {
            return None;
        }
        return found(i, end, When::IsoWeek { year, week: n });
    }
    // "the first week of 2015", "the last week of 2016".
    let nth = if c.is(k, &["last"]) {
        Some((0, k + 1))
    } else {
        ordinal(c, k).filter(|&(n, _)| (1..=5).contains(&n))
    };
    if let Some((n, e)) = nth
        && c.is(e, &["week"])
    {
        if let Some((year, end)) = of_year(c, e + 1) {
            return found(i, end, When::IsoWeek { year, week: n });
        }
        // "the last week of July", "the first week of Jan 2015", "the last week of this month".
        if c.is(e + 1, &["of"])
            && let Some(f) = read_point(c, e + 2).filter(|f| {
                f.start == e + 2
                    && f.until.is_none()
                    && matches!(f.when, When::Month { .. } | When::Period(Unit::Month, _))
            })
        {
            let month = Box::new(f.when);
            return found(i, f.end, When::MonthWeek { month, week: n });
        }
    }
    if c.is(k, &["week"]) {
        // "the week after next".
        if c.is(k + 1, &["after"]) && c.is(k + 2, &["next"]) {
            return found(i, k + 3, When::Period(Unit::Week, 2));
        }
        // "the week of April 10th", "the week beginning February 4": the day it starts.
        let j = match c.lower(k + 1) {
            "of" | "commencing" => k + 2,
            "beginning" | "starting" if c.is(k + 2, &["on"]) => k + 3,
            "beginning" | "starting" => k + 2,
            _ => return None,
        };
        let f = date_at(c, j).filter(|f| f.start == j && matches!(f.when, When::Day { .. }))?;
        return found(i, f.end, f.when);
    }
    // "w/c Feb 4".
    if c.is(i, &["w"]) && c.raw(i + 1) == "/" && c.is(i + 2, &["c"]) {
        let f =
            date_at(c, i + 3).filter(|f| f.start == i + 3 && matches!(f.when, When::Day { .. }))?;
        return found(i, f.end, f.when);
    }
    // Weekends.
    let (n, k) = match c.lower(i) {
        "this" => (Some(0), i + 1),
        "last" | "past" | "previous" => (Some(-1), i + 1),
        "next" | "coming" | "following" => (Some(1), i + 1),
        "the" => (None, i + 1),
        _ => (None, i),
    };
    c.is(k, &["weekend"])
        .then(|| found(i, k + 1, When::Weekend(n)))
        .flatten()
}

/// Decades and centuries: "the 1990s", "1990 s", "the 21st century", as a range of years.
fn decade_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let range = |start: usize, end: usize, first: i16, span: i16| {
        Some(Found {
            start,
            end,
            when: When::Year(first),
            until: Some(When::Year(first + span - 1)),
        })
    };
    if let Some(y) = c.year(i).filter(|y| y % 10 == 0)
        && c.is(i + 1, &["s"])
    {
        return range(i, i + 2, y, 10);
    }
    let (n, e) = c.day(i).filter(|&(_, e)| e == i + 2)?;
    if !c.is(e, &["century"]) || n > 21 {
        return None;
    }
    range(i, e + 1, (i16::from(n) - 1) * 100, 100)
}

/// Words that place a point inside a period and keep its value: "the end of 2008",
/// "beginning of", "the middle of", "later in the year", "earlier this week".
fn within_period_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    // "the end of 2008" is read as "end of 2008", as the suite writes it: "the" starts none.
    let j = match c.lower(i) {
        "eoy" => return found(i, i + 1, When::Period(Unit::Year, 0)),
        "year" if c.is(i + 1, &["to"]) && c.is(i + 2, &["date"]) => {
            return found(i, i + 3, When::Period(Unit::Year, 0));
        }
        "end" | "beginning" | "start" | "middle" if c.is(i + 1, &["of"]) => i + 2,
        "earlier" | "later" if c.is(i + 1, &["in"]) => i + 2,
        "earlier" | "later" if c.is(i + 1, &["previous", "last", "next"]) => i + 1,
        _ => return None,
    };
    // "the end of the year", "end of month": the publication's period.
    let t = if c.is(j, &["the"]) { j + 1 } else { j };
    if let Some(u) = c.unit(t).filter(|_| !c.raw(t).ends_with('s'))
        && u != Unit::Day
        && !c.is(t + 1, &["of"])
    {
        return found(i, t + 1, When::Period(u, 0));
    }
    let point = read_point(c, j).filter(|f| f.start == j && f.until.is_none());
    // "the end of March": a month named alone, capitalised.
    let f = match point {
        Some(f) => f,
        None => {
            let (month, e) = c
                .month(j)
                .filter(|_| c.raw(j).starts_with(|ch: char| ch.is_uppercase()))?;
            let month = When::Month {
                year: Year::Unknown,
                month,
            };
            with_year(c, found(j, e, month)?)
        }
    };
    matches!(
        f.when,
        When::Year(_)
            | When::Month { .. }
            | When::Period(..)
            | When::Quarter { .. }
            | When::IsoWeek { .. }
    )
    .then(|| found(i, f.end, f.when))
    .flatten()
}

/// "the first three months of 2024", "the last four months of last year", "the first 2
/// weeks of 2021", "the first ten days of March", "the last 10 days of March 2020": the first
/// or last units of a year (months; weeks only from its start, as its ISO weeks) or of a
/// month (days), as a range. "the year" is the publication's.
fn first_units_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let k = if c.is(i, &["the"]) { i + 1 } else { i };
    let first = match c.lower(k) {
        "first" => true,
        "last" | "final" => false,
        _ => return None,
    };
    let n = i8::try_from(count(c, k + 1)?).ok()?;
    let u = c
        .unit(k + 2)
        .filter(|_| c.raw(k + 2).ends_with(['s', 'S']))?;
    if !c.is(k + 3, &["of"]) {
        return None;
    }
    let j = k + 4;
    // The year: "2021", "this year", "last year", "the year".
    let year_at = |j: usize| -> Option<(Year, usize)> {
        if let Some(y) = c.year(j) {
            return Some((Year::Given(y), j + 1));
        }
        let n = match c.lower(j) {
            "last" | "previous" => -1,
            "this" | "the" => 0,
            "next" => 1,
            _ => return None,
        };
        c.is(j + 1, &["year"]).then_some((Year::Relative(n), j + 2))
    };
    let (when, until, end) = match u {
        Unit::Month if (1..12).contains(&n) => {
            let (year, end) = year_at(j)?;
            let (a, b) = if first { (1, n) } else { (13 - n, 12) };
            let month = |month| When::Month { year, month };
            (month(a), month(b), end)
        }
        Unit::Week if first && (1..52).contains(&n) => {
            let (year, end) = year_at(j)?;
            let week = |week| When::IsoWeek { year, week };
            (week(1), week(n), end)
        }
        Unit::Day => {
            let (month, e) = c.month(j)?;
            let (year, end) = c.year_after(e).map_or((None, e), |(y, e)| (Some(y), e));
            // The month's length: any year's, but February's needs its year.
            let length = Date::new(year.unwrap_or(2001), month, 1)
                .ok()
                .filter(|_| year.is_some() || month != 2)?
                .days_in_month();
            if !(1..length).contains(&n) {
                return None;
            }
            let (a, b) = if first {
                (1, n)
            } else {
                (length - n + 1, length)
            };
            let day = |day| When::Day { year, month, day };
            (day(a), day(b), end)
        }
        _ => return None,
    };
    Some(Found {
        start: i,
        end,
        when,
        until: Some(until),
    })
}

/// "next week Wednesday", "this week Monday", "previous week - Monday", "Tuesday of next
/// week", "on Monday of the following week".
fn week_day_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let which = |w: &str| match w {
        "next" | "following" => Some(Which::Next),
        "this" | "current" => Some(Which::This),
        "last" | "previous" => Some(Which::Last),
        _ => None,
    };
    if let Some(which) = which(c.lower(i))
        && c.is(i + 1, &["week"])
    {
        let j = if c.is(i + 2, &["on"]) || c.raw(i + 2) == "-" {
            i + 3
        } else {
            i + 2
        };
        let (day, _) = c.weekday(j)?;
        return found(i, j + 1, When::Weekday { day, which });
    }
    let k = if c.is(i, &["on"]) { i + 1 } else { i };
    let (day, _) = c.weekday(k)?;
    if !c.is(k + 1, &["of"]) {
        return None;
    }
    let q = if c.is(k + 2, &["the"]) { k + 3 } else { k + 2 };
    let which = which(c.lower(q))?;
    c.is(q + 1, &["week"])
        .then(|| found(i, q + 2, When::Weekday { day, which }))
        .flatten()
}

// ---------------------------------------------------------------------------------------------
// Holidays

/// Holidays: their words, and their day (month, day), or Easter Sunday (month 0) plus `day`
/// days. Ordered longest first.
const HOLIDAYS: &[(&[&str], i8, i8)] = &[
    (&["new", "year's", "eve"], 12, 31),
    (&["new", "year's", "day"], 1, 1),
    (&["new", "year", "day"], 1, 1),
    (&["st", "patrick's", "day"], 3, 17),
    (&["saint", "patrick's", "day"], 3, 17),
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["boxing", "day"], 12, 26),
    (&["independence", "day"], 7, 4),
    (&["valentine's", "day"], 2, 14),
    (&["earth", "day"], 4, 22),
    (&["saint", "patrick"], 3, 17),
    (&["easter", "monday"], 0, 1),
    (&["easter", "sunday"], 0, 0),
    (&["good", "friday"], 0, -2),
    (&["christmas"], 12, 25),
    (&["halloween"], 10, 31),
    (&["easter"], 0, 0),
];

/// Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e, f) = (b / 4, b % 4, (b + 8) / 25);
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The day of a holiday (month 0: Easter plus `day` days) in year `y`.
fn holiday_in(y: i16, month: i8, day: i8) -> Option<Date> {
    if month == 0 {
        easter(y)?.checked_add(i64::from(day).days()).ok()
    } else {
        Date::new(y, month, day).ok()
    }
}

/// A holiday: "Christmas", "last Easter", "Easter 2018", "Independence Day of this year".
fn holiday_at(c: &Cur<'_>, i: usize) -> Option<Found> {
    let which = match c.lower(i) {
        "last" | "previous" => Some(Which::Last),
        "next" | "following" => Some(Which::Next),
        _ => None,
    };
    let k = if which.is_some() { i + 1 } else { i };
    // A holiday's first word is an ASCII word, found by its lower-case form.
    if !c.word(k).is_some_and(|e| e.holiday) {
        return None;
    }
    let (words, month, day) = HOLIDAYS
        .iter()
        .find(|(words, ..)| words.iter().enumerate().all(|(n, w)| c.is(k + n, &[w])))?;
    let end = k + words.len();
    let (year, end) = match c.year(end) {
        Some(y) => (Year::Given(y), end + 1),
        None => match of_year(c, end) {
            Some((y, e)) => (y, e),
            None => (Year::Unknown, end),
        },
    };
    found(
        i,
        end,
        When::Holiday {
            month: *month,
            day: *day,
            year,
            which: which.unwrap_or(Which::Bare),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::{
        MONTHS, POSSESSIVES, WEEKDAYS, is_time_word, month, reference, time_words, weekday,
    };
    use crate::document::{Facet, Source, Time};
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

    /// Every fact of `text`, of any facet, as `(facet, raw, value)`.
    fn every_fact(text: &str) -> Vec<(Facet, String, String)> {
        let lex = Lexicon::embedded();
        parse(Source::default(), text, &lex)
            .sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .map(|f| (f.facet, f.raw.clone(), f.value.clone()))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = facts(text, None);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn possessives_are_sorted_for_their_search() {
        assert!(POSSESSIVES.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn time_word_test_agrees_with_the_weekday_and_month_readers() {
        let mut cases: Vec<String> = Vec::new();
        for w in WEEKDAYS
            .iter()
            .map(|d| d.0)
            .chain(MONTHS.iter().map(|m| m.0))
        {
            let capitalised = w[..1].to_uppercase() + &w[1..];
            for form in [w.to_owned(), w.to_uppercase(), capitalised] {
                cases.extend([format!("{form}."), format!("{form}.."), form]);
            }
        }
        cases.extend(
            [
                "",
                ".",
                "Mays",
                "Juneau",
                "Sundays",
                "\u{212A}",
                "12",
                "M\u{e4}rz",
            ]
            .map(String::from),
        );
        for w in &cases {
            let readers = weekday(w).is_some_and(|(_, abbrev)| !abbrev)
                || month(w).is_some() && !w.eq_ignore_ascii_case("may");
            assert_eq!(is_time_word(w), readers, "{w:?}");
        }
        assert!(is_time_word("Sept.") && is_time_word("Monday") && !is_time_word("Mon"));
        assert!(!is_time_word("May") && !is_time_word("Monday."));
    }

    #[test]
    fn time_words_start_with_two_letters_for_their_filter() {
        for w in time_words().words.keys() {
            let letters = w.bytes().take(2).all(|b| b.is_ascii_lowercase());
            assert!(w.len() < 32 && (w.len() == 1 || letters), "{w}");
        }
    }

    /// Expressions starting with a word the prefilter tests the next word after (its debug
    /// assertion checks every skipped one against the full readers).
    #[test]
    fn prefilter_keeps_expressions_after_articles_and_prepositions() {
        let raws = |text: &str| -> Vec<String> {
            facts(text, Some("2024-05-15"))
                .into_iter()
                .map(|(raw, _)| raw)
                .collect()
        };
        for (text, raw) in [
            (
                "It closed the day before yesterday.",
                "the day before yesterday",
            ),
            ("It closed a month ago.", "a month ago"),
            ("It opens a week from tomorrow.", "a week from tomorrow"),
            ("It closes in the morning at 7.", "in the morning at 7"),
            ("It closed on Monday.", "Monday"),
            ("They will close it in 2 weeks.", "in 2 weeks"),
        ] {
            assert_eq!(raws(text), [raw], "in {text:?}");
        }
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
            &[("the 7th of October 2023", "2023-10-07")],
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
        check(
            "Open 24/7 since the 2010-11 season.",
            &[("2010-11", "2010/2011")],
        );
        check(
            "It was 15:00 on 2020-07-01.",
            &[("15:00", "T15:00"), ("2020-07-01", "2020-07-01")],
        );
        check("Filed on 5/3/18.", &[("5/3/18", "2018-05-03")]);
    }

    #[test]
    fn ranges_are_one_fact_and_bounds_keep_their_words() {
        check(
            "Prices rose from 2014 to 2018.",
            &[("from 2014 to 2018", "2014/2018")],
        );
        check("In 2014-2018.", &[("2014-2018", "2014/2018")]);
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

    /// New date forms against a publication date: `(text, published, raw, value)`, where a
    /// range's value is `first/last`.
    #[test]
    fn last_as_a_verb_is_a_duration_not_a_period() {
        for text in [
            "The hearing is expected to last six weeks.",
            "The trial will last three months.",
            "It did not last two days.",
        ] {
            let got = every_fact(text);
            assert!(
                got.iter().all(|(f, ..)| *f == Facet::Quantity),
                "{text}: {got:?}"
            );
            assert_eq!(got.len(), 1, "{text}: {got:?}");
        }
        check(
            "Sales rose in the last three months.",
            &[("last three months", "-3 month from 0 day/0 day")],
        );
    }

    #[test]
    fn last_and_next_months_are_the_nearest_such_months() {
        let at = |text: &str, published: &str| {
            facts(text, Some(published))
                .into_iter()
                .map(|(_, v)| v)
                .collect::<Vec<_>>()
        };
        let text = "It closed last February and reopens next May.";
        assert_eq!(at(text, "2024-12-10"), ["2024-02", "2025-05"]);
        assert_eq!(at(text, "2024-02-10"), ["2023-02", "2024-05"]);
        assert_eq!(at(text, "2024-06-10"), ["2024-02", "2025-05"]);
        assert!(at("The next may be worse.", "2024-06-10").is_empty());
    }

    #[test]
    fn the_end_of_a_month_is_the_month() {
        let at = |text: &str| facts(text, Some("2024-03-06"));
        assert_eq!(
            at("We will add one more by the end of March."),
            [("end of March".to_owned(), "2024-03".to_owned())]
        );
        assert_eq!(
            at("At the end of March 2023, prices fell."),
            [("end of March 2023".to_owned(), "2023-03".to_owned())]
        );
        assert!(at("The end of may be near.").is_empty());
    }

    #[test]
    fn a_list_of_months_shares_its_last_year() {
        let at = |text: &str| facts(text, Some("2024-03-06"));
        assert_eq!(
            at("Residents wrote in November and December 2020."),
            [
                ("November".to_owned(), "2020-11".to_owned()),
                ("December 2020".to_owned(), "2020-12".to_owned())
            ]
        );
        assert_eq!(
            at("It rained in March, April and May 2019.")
                .into_iter()
                .map(|(_, v)| v)
                .collect::<Vec<_>>(),
            ["2019-03", "2019-04", "2019-05"]
        );
        // A clause of its own between them keeps each month's year.
        assert_eq!(
            at("It was cold in January, and in March 2020 it snowed.")[0].1,
            "2024-01"
        );
    }

    #[test]
    fn decades_and_centuries_ago_count_years() {
        let at = |text: &str| facts(text, Some("2024-03-06"));
        assert_eq!(
            at("Two decades ago it was a farm."),
            [("Two decades ago".to_owned(), "2004-03-06".to_owned())]
        );
        assert_eq!(
            at("A century ago it burned."),
            [("A century ago".to_owned(), "1924-03-06".to_owned())]
        );
        // Ahead, a decade is a calendar decade to some and ten years to others: no period.
        assert!(at("In the next two decades it will grow.").is_empty());
    }

    #[test]
    fn periods_ranges_and_named_days_resolve() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // Ranges: one fact from the first point to the last, years shared.
            (
                "Sales rose from 2014 to 2018.",
                "2024-04-03",
                "from 2014 to 2018",
                "2014/2018",
            ),
            (
                "It ran between 2015 and 2021.",
                "2024-04-03",
                "between 2015 and 2021",
                "2015/2021",
            ),
            ("It ran 2014-2018.", "2024-04-03", "2014-2018", "2014/2018"),
            (
                "Talks ran Nov 18-Dec 19, 2015.",
                "2024-04-03",
                "Nov 18-Dec 19, 2015",
                "2015-11-18/2015-12-19",
            ),
            (
                "Held April 9th through 17th.",
                "2016-11-07",
                "April 9th through 17th",
                "2016-04-09/2016-04-17",
            ),
            (
                "Open from March to May 2018.",
                "2024-04-03",
                "from March to May 2018",
                "2018-03/2018-05",
            ),
            (
                "Sales in jan-feb 2017 fell.",
                "2024-04-03",
                "jan-feb 2017",
                "2017-01/2017-02",
            ),
            (
                "Closed from 10/1/2018-10/7/2018.",
                "2024-04-03",
                "from 10/1/2018-10/7/2018",
                "2018-10-01/2018-10-07",
            ),
            (
                "Shut from 10/25 to 01/25.",
                "2018-10-24",
                "from 10/25 to 01/25",
                "2017-10-25/2018-01-25",
            ),
            (
                "From 2007 to the end of 2008.",
                "2024-04-03",
                "From 2007 to the end of 2008",
                "2007/2008",
            ),
            (
                "Prices in the 1990s rose.",
                "2024-04-03",
                "1990s",
                "1990/1999",
            ),
            (
                "In the 21st century.",
                "2024-04-03",
                "21st century",
                "2000/2099",
            ),
            // Periods counted from publication.
            (
                "Rain over the next 3 days.",
                "2016-11-07",
                "next 3 days",
                "2016-11-08/2016-11-10",
            ),
            (
                "Sales in the last 3 months.",
                "2016-11-07",
                "last 3 months",
                "2016-08-07/2016-11-07",
            ),
            (
                "Growth in the past two quarters.",
                "2019-07-04",
                "past two quarters",
                "2019-Q1/2019-Q2",
            ),
            // Months up to a month or day: over, so they end on or before publication.
            (
                "Sales rose 3% in the year to March.",
                "2024-04-03",
                "the year to March",
                "2023-04/2024-03",
            ),
            (
                "Prices rose 4% in the 12 months to June.",
                "2024-04-03",
                "the 12 months to June",
                "2022-07/2023-06",
            ),
            (
                "Output grew in the three months to May 2024.",
                "2024-11-03",
                "the three months to May 2024",
                "2024-03/2024-05",
            ),
            (
                "Assets fell in the year to 31 March.",
                "2024-11-03",
                "the year to 31 March",
                "2023-04-01/2024-03-31",
            ),
            (
                "Net income rose in the quarter ended Sept. 27.",
                "2024-11-03",
                "the quarter ended Sept. 27",
                "2024-06-28/2024-09-27",
            ),
            (
                "Sales rose in the six months ending June 30.",
                "2024-11-03",
                "the six months ending June 30",
                "2024-01-01/2024-06-30",
            ),
            (
                "Sales fell in the year to 28 February 2023.",
                "2024-11-03",
                "the year to 28 February 2023",
                "2022-03-01/2023-02-28",
            ),
            // The first or last units of a year or month.
            (
                "Sales rose 4% in the first three months of 2024.",
                "2024-11-03",
                "the first three months of 2024",
                "2024-01/2024-03",
            ),
            (
                "Profits fell in the last four months of last year.",
                "2024-11-03",
                "the last four months of last year",
                "2023-09/2023-12",
            ),
            (
                "The first six months of the year were hard.",
                "2024-11-03",
                "The first six months of the year",
                "2024-01/2024-06",
            ),
            (
                "Rooms are booked for the first 2 weeks of 2021.",
                "2024-11-03",
                "the first 2 weeks of 2021",
                "2021-W01/2021-W02",
            ),
            (
                "It rained for the first ten days of March.",
                "2024-11-03",
                "the first ten days of March",
                "2024-03-01/2024-03-10",
            ),
            (
                "Prices fell in the last 10 days of February 2020.",
                "2024-11-03",
                "the last 10 days of February 2020",
                "2020-02-20/2020-02-29",
            ),
            // Seasons and the middle of a year, with their year.
            (
                "It is due in the spring of 2025.",
                "2024-04-03",
                "spring of 2025",
                "2025-SP",
            ),
            (
                "It will open by mid-2025.",
                "2024-04-03",
                "mid-2025",
                "2025",
            ),
            // A year and the last digits of a later one.
            (
                "It rose in the 2022-23 financial year.",
                "2024-04-03",
                "2022-23",
                "2022/2023",
            ),
            ("It rose in 2022/23.", "2024-04-03", "2022/23", "2022/2023"),
            ("It was 1999-00.", "2024-04-03", "1999-00", "1999/2000"),
            // Halves and quarters with their year, given or counted.
            (
                "Sales rose in the first half of 2024.",
                "2024-11-03",
                "the first half of 2024",
                "2024-H1",
            ),
            (
                "Sales rose in the second half of last year.",
                "2024-11-03",
                "the second half of last year",
                "2023-H2",
            ),
            ("Sales rose in Q2.", "2024-04-03", "Q2", "2024-Q2"),
            ("Sales fell in Q4, it said.", "2024-04-03", "Q4", "2023-Q4"),
            // A fortnight is two weeks, counted or not.
            (
                "Cases rose over the past fortnight.",
                "2021-05-17",
                "past fortnight",
                "2021-05-03/2021-05-17",
            ),
            (
                "Flights will run over the next fortnight.",
                "2021-05-17",
                "next fortnight",
                "2021-05-18/2021-05-31",
            ),
            (
                "It closed a fortnight ago.",
                "2021-05-17",
                "a fortnight ago",
                "2021-05-03",
            ),
            (
                "Talks will resume in a fortnight.",
                "2021-05-17",
                "in a fortnight",
                "2021-05-31",
            ),
            (
                "Cases doubled within two fortnights.",
                "2021-05-17",
                "within two fortnights",
                "2021-05-17/2021-06-14",
            ),
            // Weeks, weekends, quarters, halves, seasons, fiscal years.
            ("It is week 31.", "2018-07-02", "week 31", "2018-W31"),
            (
                "The first week of 2015 was cold.",
                "2024-04-03",
                "The first week of 2015",
                "2015-W01",
            ),
            (
                "The last week of July was hot.",
                "2016-11-07",
                "The last week of July",
                "2016-W30",
            ),
            ("Sales in Q1 2017 fell.", "2024-04-03", "Q1 2017", "2017-Q1"),
            ("Sales in 2019 H2 fell.", "2024-04-03", "2019 H2", "2019-H2"),
            (
                "Profits fell last quarter.",
                "2019-07-04",
                "last quarter",
                "2019-Q2",
            ),
            (
                "It rained at the weekend.",
                "2024-04-01",
                "the weekend",
                "2024-W13-WE",
            ),
            (
                "It rains this summer.",
                "2016-11-07",
                "this summer",
                "2016-SU",
            ),
            (
                "It closed in fiscal year 2008.",
                "2024-04-03",
                "fiscal year 2008",
                "FY2008",
            ),
            (
                "Profit fell in fiscal 2025.",
                "2024-04-03",
                "fiscal 2025",
                "FY2025",
            ),
            (
                "The end of the week was busy.",
                "2018-11-29",
                "end of the week",
                "2018-W48",
            ),
            // Days from other days, weekdays with dates, holidays, days of months.
            (
                "Due 3 days after January 12th.",
                "2016-11-07",
                "3 days after January 12th",
                "2016-01-15",
            ),
            (
                "It fell two days before yesterday.",
                "2018-05-31",
                "two days before yesterday",
                "2018-05-28",
            ),
            (
                "It will open in 2 weeks.",
                "2018-03-23",
                "in 2 weeks",
                "2018-04-06",
            ),
            (
                "We met on Fri 14th.",
                "2022-05-01",
                "Fri 14th",
                "2022-01-14",
            ),
            (
                "We met last Easter.",
                "2019-06-12",
                "last Easter",
                "2019-04-21",
            ),
            (
                "We met on Christmas Eve.",
                "2019-08-05",
                "Christmas Eve",
                "2018-12-24",
            ),
            (
                "Back on the 15th day of next month.",
                "2020-07-01",
                "the 15th day of next month",
                "2020-08-15",
            ),
            (
                "Born on 6 April seventeen hundred thirty three.",
                "2019-05-30",
                "6 April seventeen hundred thirty three",
                "1733-04-06",
            ),
            (
                "We met on 2019/aug/01.",
                "2024-04-03",
                "2019/aug/01",
                "2019-08-01",
            ),
            // Clock times.
            (
                "It began at 7:56:30 pm.",
                "2024-04-03",
                "7:56:30 pm",
                "T19:56:30",
            ),
            (
                "It began at half past seven.",
                "2024-04-03",
                "half past seven",
                "T07:30",
            ),
            (
                "It began at 1140 a.m. today.",
                "2024-04-03",
                "1140 a.m.",
                "T11:40",
            ),
            ("It began on Sat at 5.", "2024-04-03", "5", "T05:00"),
            ("It began tonight at 8.", "2024-04-03", "8", "T20:00"),
        ];
        for &(text, published, raw, value) in cases {
            let got = facts(text, Some(published));
            assert!(
                got.iter().any(|(r, v)| r == raw && v == value),
                "{text:?} published {published}: want {raw:?} = {value}, got {got:?}"
            );
        }
    }

    /// Numbers that look like dates or clock times in other contexts stay numbers.
    #[test]
    fn scores_codes_and_counts_are_not_dates() {
        for text in [
            "The club raised 100M and won 73 20 in the final.",
            "Arsenal beat Chelsea 3-2, and it was 2-1 at half-time.",
            "Shares closed at 6.45 and the index rose 9 to 12 points.",
            "There are two to four people here, and 1900 to 2000 people marched.",
            "The worst flooding in 50 years, the highest level in two years.",
            "Call 0800-2015-2016 or +86 138-2010-2015; version 1.2.2020 is out.",
            "It costs 7p a minute; the code is 133-03-03-2020 and ~3am3ioY.",
        ] {
            let got = facts(text, Some("2024-04-03"));
            assert!(got.is_empty(), "{text:?}: {got:?}");
        }
        // "three days from 14 October" is as often three days starting then: the date alone.
        let got = facts("Drivers will strike for three days from 14 October.", None);
        assert_eq!(got, [("14 October".to_owned(), "XXXX-10-14".to_owned())]);
    }

    #[test]
    fn times_cover_days() {
        /// A TIMEX, a range's end, and the days they cover.
        type Case<'a> = (&'a str, Option<&'a str>, Option<(&'a str, &'a str)>);
        let cases: &[Case<'_>] = &[
            ("2016", None, Some(("2016-01-01", "2017-01-01"))),
            ("2016-02", None, Some(("2016-02-01", "2016-03-01"))),
            ("2016-W46", None, Some(("2016-11-14", "2016-11-21"))),
            ("2016-W45-WE", None, Some(("2016-11-12", "2016-11-14"))),
            ("2017-Q1", None, Some(("2017-01-01", "2017-04-01"))),
            ("2019-H2", None, Some(("2019-07-01", "2020-01-01"))),
            ("2014", Some("2018"), Some(("2014-01-01", "2019-01-01"))),
            (
                "2016-11-08",
                Some("2016-11-10"),
                Some(("2016-11-08", "2016-11-11")),
            ),
            ("XXXX-10-07", None, None),
            ("T10:30", None, None),
        ];
        for &(timex, end, want) in cases {
            let t = Time {
                timex: Some(timex.to_owned()),
                end: end.map(str::to_owned),
                relative: None,
                dateline: false,
            };
            let got = t.days();
            let want = want.map(|(a, b)| (a.to_owned(), b.to_owned()));
            assert_eq!(got, want, "{timex} {end:?}");
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

    /// An unresolved range keeps the offsets of both its ends, so that two different periods
    /// from the same day do not read alike.
    #[test]
    fn unresolved_ranges_keep_both_offsets() {
        check(
            "Flights will run over the next fortnight.",
            &[("next fortnight", "+1 day/+2 week from 0 day")],
        );
        check(
            "Flights will run over the next two weeks.",
            &[("next two weeks", "+1 day/+2 week from 0 day")],
        );
        check(
            "Flights will run over the next three days.",
            &[("next three days", "+1 day/+3 day from 0 day")],
        );
        check(
            "It closed from May to July.",
            &[("from May to July", "month 05/month 07")],
        );
        check(
            "Sales rose in the year to March.",
            &[("the year to March", "month 04/month 03")],
        );
        check(
            "Tax rose in the year to 5 April.",
            &[("the year to 5 April", "XXXX-04-06/XXXX-04-05")],
        );
    }

    /// A time word written possessive is read as the word, its span without the "'s"; a
    /// month is not ("May's" is more often Theresa May's).
    #[test]
    fn possessive_days_and_periods_are_times() {
        let cases: &[(&str, &str, &str)] = &[
            ("Tuesday's vote was close.", "Tuesday", "2024-04-02"),
            ("Yesterday's attack killed 12.", "Yesterday", "2024-04-02"),
            ("Last year's festival drew crowds.", "Last year", "2023"),
            (
                "Next week\u{2019}s vote is crucial.",
                "Next week",
                "2024-W15",
            ),
            (
                "Last summer's floods cost millions.",
                "Last summer",
                "2023-SU",
            ),
        ];
        for (text, raw, timex) in cases {
            assert_eq!(
                facts(text, Some("2024-04-03")),
                [((*raw).to_owned(), (*timex).to_owned())],
                "{text}"
            );
        }
        check("May's government fell.", &[]);
        check("The Tues's menu changed.", &[]);
    }

    /// A holiday's name is its date's, not a place or an actor; a degree word before a decade
    /// keeps the decade.
    #[test]
    fn holidays_are_dates_not_names() {
        let got = every_fact("Shops in Leeds opened on Boxing Day and closed on Good Friday.");
        let has = |facet: Facet, raw: &str| got.iter().any(|(f, r, _)| *f == facet && r == raw);
        assert!(has(Facet::Time, "Boxing Day"), "{got:?}");
        assert!(has(Facet::Time, "Good Friday"), "{got:?}");
        assert!(has(Facet::Location, "Leeds"), "{got:?}");
        assert!(
            got.iter().all(|(facet, raw, _)| *facet == Facet::Time
                || !raw.contains("Day") && !raw.contains("Friday")),
            "{got:?}"
        );
        check(
            "It closed in the 1990s and early 2000s.",
            &[("1990s", "1990/1999"), ("early 2000s", "2000/2009")],
        );
    }

    /// Years joined to two digits are a span only up to ten years on, and not inside a
    /// longer code; a span is no figure.
    #[test]
    fn year_spans_are_short_and_not_figures() {
        check("Is this a valid date? 2015-32", &[]);
        check(
            "I'll go back 2020/23/Sep.",
            &[("2020/23/Sep", "2020-09-23")],
        );
        let values: Vec<String> = every_fact("It rose 4% in 2022/23.")
            .into_iter()
            .map(|(_, _, value)| value)
            .collect();
        assert_eq!(values, ["4%", "2022/2023"]);
    }

    /// Only "the" and two to twelve months make a period that ends in a month: a year moved
    /// to March, 14 months to March, are not one.
    #[test]
    fn months_up_to_a_month_need_the_and_a_count() {
        check(
            "It moved from this year to March.",
            &[("from this year to March", "0 year/month 03")],
        );
        check("It took the 14 months to March.", &[("March", "month 03")]);
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
