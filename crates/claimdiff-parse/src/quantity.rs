//! Quantities: counts, money, percentages, durations and measures, with hedges and referents.
//!
//! Hand-written: no maintained Rust quantity extractor exists, and news needs the referent
//! (what is counted) and the verb next to each number.

use std::ops::Range;

use crate::document::{Facet, Fact, FactValue, Quantity, Sentence};
use crate::lexicon::{Lexicon, singular};
use crate::text::{Token, TokenKind, is_dash, word_key};

/// A number word's meaning.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NumWord {
    Small(f64),
    Hundred,
    Scale(f64),
}

fn number_word(w: &str) -> Option<NumWord> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if w.len() > 9 || !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    if let Some(i) = SMALL.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(NumWord::Small(i as f64));
    }
    if let Some(i) = TENS.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(NumWord::Small(20.0 + 10.0 * i as f64));
    }
    if w.eq_ignore_ascii_case("dozen") {
        Some(NumWord::Small(12.0))
    } else if w.eq_ignore_ascii_case("hundred") {
        Some(NumWord::Hundred)
    } else {
        scale_word(w).filter(|_| w.len() > 2).map(NumWord::Scale)
    }
}

/// Multipliers written after a number ("million", "m", "bn").
fn scale_word(w: &str) -> Option<f64> {
    if w.len() > 9 {
        return None;
    }
    match w.to_ascii_lowercase().as_str() {
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "billions" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// Parses digits with thousands separators or a decimal point ("1,139", "4.7").
fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') {
        return None;
    }
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    cleaned.parse().ok()
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "£" => Some("GBP"),
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        _ => None,
    }
}

fn currency_code(w: &str) -> Option<&'static str> {
    match w {
        "GBP" => Some("GBP"),
        "USD" => Some("USD"),
        "EUR" => Some("EUR"),
        "JPY" => Some("JPY"),
        "CAD" => Some("CAD"),
        "AUD" => Some("AUD"),
        "CHF" => Some("CHF"),
        "CNY" => Some("CNY"),
        "INR" => Some("INR"),
        _ => None,
    }
}

/// Dollar prefixes such as "US$" and "A$".
fn dollar_prefix(w: &str) -> Option<&'static str> {
    match w {
        "US" => Some("USD"),
        "A" | "AU" => Some("AUD"),
        "C" | "CA" => Some("CAD"),
        "HK" => Some("HKD"),
        "NZ" => Some("NZD"),
        _ => None,
    }
}

fn currency_word(w: &str) -> Option<&'static str> {
    match word_key(w).as_ref() {
        "pound" | "pounds" | "sterling" => Some("GBP"),
        "dollar" | "dollars" => Some("USD"),
        "euro" | "euros" => Some("EUR"),
        "yen" => Some("JPY"),
        "rupees" | "rupee" => Some("INR"),
        "francs" => Some("CHF"),
        _ => None,
    }
}

/// Unit symbols for unit words; the second value says whether it is a time length.
fn unit_word(w: &str) -> Option<&'static str> {
    Some(match word_key(w).as_ref() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" | "mi" => "mi",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeters" => "mm",
        "ft" | "feet" | "foot" => "ft",
        "inch" | "inches" => "in",
        "kg" | "kilogram" | "kilograms" | "kilos" => "kg",
        "g" | "gram" | "grams" => "g",
        "tonne" | "tonnes" | "ton" | "tons" => "t",
        "lb" | "lbs" => "lb",
        "litre" | "litres" | "liters" => "l",
        "gallon" | "gallons" => "gal",
        "hectare" | "hectares" => "ha",
        "acre" | "acres" => "acre",
        "celsius" => "C",
        "fahrenheit" => "F",
        "year" | "years" | "yr" | "yrs" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "minute" | "minutes" | "mins" => "minute",
        "second" | "seconds" | "secs" => "second",
        "percent" => "percent",
        _ => return None,
    })
}

const HEDGES: [(&str, Hedge); 27] = [
    ("at least", Hedge::AtLeast),
    ("more than", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("upwards of", Hedge::AtLeast),
    ("in excess of", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("up to", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("fewer than", Hedge::AtMost),
    ("less than", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("below", Hedge::AtMost),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("approximately", Hedge::About),
    ("roughly", Hedge::About),
    ("some", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("approx", Hedge::About),
    ("circa", Hedge::About),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    AtLeast,
    AtMost,
    Nearly,
    About,
}

/// Relative tolerance of "about" and "nearly".
const ABOUT: f64 = 0.1;

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    start: usize,
    end: usize,
    words: bool,
}

struct Cursor<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Cursor<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
    }
    fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    fn lower(&self, i: usize) -> String {
        self.raw(i).to_lowercase()
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.raw(i).eq_ignore_ascii_case(s)
    }
    /// True when no white space separates tokens `i` and `i + 1`.
    fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Reads a number (digits or words) starting at token `i`.
    fn number(&self, i: usize) -> Option<Num> {
        let t = self.tokens.get(i)?;
        if t.kind == TokenKind::Number {
            let value = parse_digits(t.text(self.text))?;
            return Some(Num {
                value,
                start: i,
                end: i + 1,
                words: false,
            });
        }
        self.number_words(i)
    }

    fn number_words(&self, i: usize) -> Option<Num> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut j = i;
        let mut any = false;
        while let Some(w) = self.word(j) {
            let parts: Vec<&str> = w.split(is_dash).collect();
            let all_num = parts.iter().all(|p| number_word(p).is_some());
            if !all_num {
                break;
            }
            for p in parts {
                match number_word(p)? {
                    NumWord::Small(v) => current += v,
                    NumWord::Hundred => current = current.max(1.0) * 100.0,
                    NumWord::Scale(s) => {
                        if !any && current == 0.0 {
                            return None;
                        }
                        total += current.max(1.0) * s;
                        current = 0.0;
                    }
                }
            }
            any = true;
            j += 1;
            if self.is(j, "and")
                && self
                    .word(j + 1)
                    .and_then(number_word)
                    .is_some_and(|n| matches!(n, NumWord::Small(_)))
                && current >= 100.0
            {
                j += 1;
            }
        }
        if !any {
            // "a dozen", "a hundred", "a million".
            if self.is(i, "a")
                && let Some(NumWord::Hundred | NumWord::Small(12.0) | NumWord::Scale(_)) =
                    self.word(i + 1).and_then(number_word)
            {
                let v = match self.word(i + 1).and_then(number_word)? {
                    NumWord::Hundred => 100.0,
                    NumWord::Scale(s) => s,
                    NumWord::Small(v) => v,
                };
                return Some(Num {
                    value: v,
                    start: i,
                    end: i + 2,
                    words: true,
                });
            }
            return None;
        }
        Some(Num {
            value: total + current,
            start: i,
            end: j,
            words: true,
        })
    }
}

/// Extracts the quantities of one sentence, skipping tokens inside `taken` (dates and times).
pub(crate) fn extract(
    text: &str,
    s: &Sentence,
    lex: &Lexicon,
    taken: &[Range<usize>],
) -> Vec<Fact> {
    let c = Cursor {
        text,
        tokens: &s.tokens,
    };
    let inside = |i: usize| {
        let t = &s.tokens[i];
        taken.iter().any(|r| t.start < r.end && r.start < t.end)
    };
    let mut facts: Vec<Fact> = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        if inside(i) {
            i += 1;
            continue;
        }
        match read_quantity(&c, i, lex) {
            Some(q) if !(q.start..q.end).any(inside) => {
                let prev_end = facts.last().map_or(0, |f| f.span.end);
                let mut fact = build_fact(&c, s, lex, &q);
                if let FactValue::Quantity(qty) = &mut fact.detail {
                    let opens_paren =
                        q.start > 0 && c.raw(q.start - 1) == "(" && c.raw(q.end) == ")";
                    // "£330 million ($417 million)", "107.2F (41.8C)": the same amount in
                    // another unit of the same kind.
                    let converts = facts.last().and_then(Fact::quantity).is_some_and(|p| {
                        p.unit.is_some()
                            && qty.unit.is_some()
                            && p.unit != qty.unit
                            && same_kind(p.unit.as_deref(), qty.unit.as_deref())
                    });
                    let near = s.tokens[q.start].start.saturating_sub(prev_end) <= 2;
                    if opens_paren && converts && near {
                        qty.conversion = true;
                    }
                }
                facts.push(fact);
                i = q.end;
            }
            _ => i += 1,
        }
    }
    facts
}

/// A quantity found at tokens `start..end` (hedge included).
#[derive(Debug)]
struct Found {
    start: usize,
    end: usize,
    value: f64,
    high_value: Option<f64>,
    unit: Option<&'static str>,
    hedge: Option<(String, Hedge)>,
    num_start: usize,
    num_end: usize,
}

fn read_quantity(c: &Cursor<'_>, i: usize, lex: &Lexicon) -> Option<Found> {
    // Currency before the number: "£", "US$", "USD".
    let (mut unit, num_at) = if let Some(code) = currency_symbol(c.raw(i)) {
        (Some(code), i + 1)
    } else if c.raw(i + 1) == "$" && c.glued(i) && dollar_prefix(c.raw(i)).is_some() {
        (dollar_prefix(c.raw(i)), i + 2)
    } else if let Some(code) = currency_code(c.raw(i)) {
        (Some(code), i + 1)
    } else {
        (None, i)
    };
    let ratio = ratio(c, i);
    if let Some(found) = ratio {
        return Some(found);
    }
    if let Some(found) = fraction(c, i) {
        return Some(found);
    }
    if unit.is_none()
        && let Some(found) = hyphenated_unit(c, i)
    {
        return Some(found);
    }
    let num = c.number(num_at)?;
    if !is_quantity_context(c, &num, unit.is_some(), lex) {
        return None;
    }
    let mut value = num.value;
    let mut j = num.end;
    // Scale: "330million", "4.7m", "1.2 billion".
    if let Some(scale) = c.word(j).and_then(scale_word) {
        let glued_only = c.raw(j).len() <= 2;
        if !glued_only || c.glued(j - 1) {
            value *= scale;
            j += 1;
        }
    }
    let mut high_value = None;
    // Ranges: "2-5", "between 2 and 5", "2 to 5".
    if (c.raw(j) == "-"
        || c.raw(j) == "\u{2013}"
        || c.is(j, "to")
        || (c.is(j, "and") && c.is(num.start.wrapping_sub(1), "between")))
        && c.tokens.get(j + 1).is_some_and(|t| {
            t.kind == TokenKind::Number || currency_symbol(t.text(c.text)).is_some()
        })
    {
        let k = if currency_symbol(c.raw(j + 1)).is_some() {
            j + 2
        } else {
            j + 1
        };
        if let Some(hi) = c.number(k) {
            let mut hv = hi.value;
            let mut e = hi.end;
            if let Some(scale) = c.word(e).and_then(scale_word) {
                hv *= scale;
                e += 1;
            } else if value != num.value {
                hv *= value / num.value;
            }
            // "2012–13" is a season, not a range.
            let season = !num.words && c.raw(num.start).len() == 4 && c.raw(k).len() == 2;
            if season {
                return None;
            }
            if hv > value {
                high_value = Some(hv);
                j = e;
            }
        }
    }
    // Units after the number.
    if unit.is_none() {
        if c.raw(j) == "%" {
            unit = Some("percent");
            j += 1;
        } else if c.is(j, "per") && c.is(j + 1, "cent") {
            unit = Some("percent");
            j += 2;
        } else if c.raw(j) == "°" {
            let u = match c.raw(j + 1) {
                "C" => Some("C"),
                "F" => Some("F"),
                _ => None,
            };
            unit = u.or(Some("C"));
            j += if u.is_some() { 2 } else { 1 };
        } else if c.is(j, "degrees") {
            unit = match c.lower(j + 1).as_str() {
                "celsius" | "c" => Some("C"),
                "fahrenheit" | "f" => Some("F"),
                _ => None,
            };
            if unit.is_some() {
                j += 2;
            }
        } else if let Some(code) = c.word(j).and_then(currency_word) {
            unit = Some(code);
            j += 1;
        } else if let Some(code) = currency_code(c.raw(j)) {
            unit = Some(code);
            j += 1;
        } else if c
            .word(j)
            .is_some_and(|w| matches!(w, "km" | "kilometres" | "kilometers"))
            && c.raw(j + 1) == "/"
            && c.is(j + 2, "h")
        {
            unit = Some("km/h");
            j += 3;
        } else if c.raw(j) == "-" && c.glued(j - 1) && c.word(j + 1).and_then(unit_word).is_some() {
            unit = c.word(j + 1).and_then(unit_word);
            j += 2;
        } else if let Some(u) = c.word(j).and_then(unit_word) {
            unit = Some(u);
            j += 1;
            if c.is(j, "per") && c.is(j + 1, "hour") {
                unit = Some(if u == "km" { "km/h" } else { "mph" });
                j += 2;
            }
        } else if c
            .word(j)
            .is_some_and(|w| w.eq_ignore_ascii_case("m") && c.glued(j - 1))
        {
            unit = Some("m");
            j += 1;
        } else if c
            .word(j)
            .is_some_and(|w| w.eq_ignore_ascii_case("c") || w.eq_ignore_ascii_case("f"))
            && c.glued(j - 1)
        {
            unit = Some(if c.is(j, "c") { "C" } else { "F" });
            j += 1;
        }
        // Hyphenated words: "seven-year", "10-mile" are read by `number_words` only when every
        // part is a number word, so handle "seven-year" here.
    }
    if let Some(code) = unit
        && code.len() == 3
        && code.chars().all(|ch| ch.is_ascii_uppercase())
        && c.word(j).and_then(scale_word).is_some()
    {
        // "$1.2 bn" after a currency symbol.
        if let Some(scale) = c.word(j).and_then(scale_word) {
            value *= scale;
            if let Some(h) = high_value.as_mut() {
                *h *= scale;
            }
            j += 1;
        }
    }
    // "magnitude 6.4", "6.4-magnitude".
    if unit.is_none() {
        if num.start > 0 && c.is(num.start - 1, "magnitude") {
            unit = Some("magnitude");
        } else if c.raw(j) == "-" && c.is(j + 1, "magnitude") {
            unit = Some("magnitude");
            j += 2;
        }
    }
    let (start, mut hedge) = hedge_before(c, i);
    // Hedges after the number: "30 grams or more", "65 and over".
    if hedge.is_none() {
        let after = format!("{} {}", c.lower(j), c.lower(j + 1));
        let h = match after.as_str() {
            "or more" | "or over" | "and over" | "or above" => Some(Hedge::AtLeast),
            "or less" | "or fewer" | "or under" => Some(Hedge::AtMost),
            _ => None,
        };
        if let Some(h) = h {
            hedge = Some((format!("{} {}", c.raw(j), c.raw(j + 1)), h));
            j += 2;
        }
    }
    Some(Found {
        start,
        end: j,
        value,
        high_value,
        unit,
        hedge,
        num_start: num.start,
        num_end: num.end,
    })
}

/// "seven-year", "ten-mile": a number word joined to a unit by a hyphen.
fn hyphenated_unit(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let w = c.word(i)?;
    let parts: Vec<&str> = w.split(is_dash).collect();
    let unit_at = parts.iter().position(|p| unit_word(p).is_some())?;
    if unit_at == 0 || !parts[..unit_at].iter().all(|p| number_word(p).is_some()) {
        return None;
    }
    let value =
        parts[..unit_at]
            .iter()
            .filter_map(|p| number_word(p))
            .fold(0.0, |acc, n| match n {
                NumWord::Small(v) => acc + v,
                NumWord::Hundred => acc.max(1.0) * 100.0,
                NumWord::Scale(s) => acc.max(1.0) * s,
            });
    let (start, hedge) = hedge_before(c, i);
    Some(Found {
        start,
        end: i + 1,
        value,
        high_value: None,
        unit: unit_word(parts[unit_at]),
        hedge,
        num_start: i,
        num_end: i + 1,
    })
}

/// "one in 10", "1 in 5" as a percentage.
fn ratio(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let a = c.number(i)?;
    if !c.is(a.end, "in") {
        return None;
    }
    let b = c.number(a.end + 1)?;
    if b.value == 0.0 || a.value >= b.value {
        return None;
    }
    let (start, hedge) = hedge_before(c, i);
    Some(Found {
        start,
        end: b.end,
        value: round2(100.0 * a.value / b.value),
        high_value: None,
        unit: Some("percent"),
        hedge,
        num_start: a.start,
        num_end: b.end,
    })
}

/// "two-thirds", "three quarters", "half of" as a percentage.
fn fraction(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let w = c.word(i)?;
    // Only a number word can start a fraction: cheap test before any allocation.
    number_word(w.split(is_dash).next().unwrap_or(w))?;
    let w = w.to_lowercase();
    let parts: Vec<&str> = w.split(is_dash).collect();
    let (num, den) = match parts.as_slice() {
        [n, d] => (*n, *d),
        [n] if c.word(i + 1).is_some() => (*n, ""),
        _ => return None,
    };
    let den_word = if den.is_empty() {
        c.lower(i + 1)
    } else {
        den.to_owned()
    };
    let denom = match den_word.as_str() {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        _ => return None,
    };
    let n = match number_word(num)? {
        NumWord::Small(v) if v > 0.0 => v,
        _ => return None,
    };
    if n >= denom {
        return None;
    }
    let end = if den.is_empty() { i + 2 } else { i + 1 };
    let (start, hedge) = hedge_before(c, i);
    Some(Found {
        start,
        end,
        value: round2(100.0 * n / denom),
        high_value: None,
        unit: Some("percent"),
        hedge,
        num_start: i,
        num_end: end,
    })
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Rejects numbers that are not quantities: clock times, years, ordinals, "No 10", "one" as a
/// pronoun.
fn is_quantity_context(c: &Cursor<'_>, num: &Num, money: bool, lex: &Lexicon) -> bool {
    let first = c.raw(num.start);
    let next = c.lower(num.end);
    let prev = if num.start == 0 {
        String::new()
    } else {
        c.lower(num.start - 1)
    };
    if matches!(
        next.as_str(),
        "am" | "pm" | "a.m" | "p.m" | "st" | "nd" | "rd" | "th" | "o'clock"
    ) {
        return false;
    }
    if !num.words && first.contains('.') && (next == "am" || next == "pm") {
        return false;
    }
    if money {
        return true;
    }
    // Years: four digits, no separator, not followed by a scale or unit.
    let is_year_shape = !num.words
        && first.len() == 4
        && (1800.0..=2100.0).contains(&num.value)
        && !first.contains([',', '.']);
    if is_year_shape && scale_word(&next).is_none() && unit_word(&next).is_none() && next != "%" {
        return false;
    }
    // The second half of "2012–13".
    if num.start >= 2
        && c.glued(num.start - 1)
        && c.glued(num.start - 2)
        && c.raw(num.start - 1).chars().all(is_dash)
        && c.tokens[num.start - 2].kind == TokenKind::Number
    {
        return false;
    }
    // Numbers used as names: "No 10", "Article 5", "Route 66".
    if num.start > 0 {
        let p = c.raw(num.start - 1);
        let p = p.trim_end_matches('.');
        if matches!(
            p.to_lowercase().as_str(),
            "no" | "number"
                | "article"
                | "section"
                | "chapter"
                | "route"
                | "flight"
                | "platform"
                | "gate"
                | "terminal"
                | "room"
                | "category"
                | "level"
                | "grade"
                | "page"
                | "clause"
                | "rule"
                | "form"
                | "version"
                | "season"
                | "week"
                | "day"
                | "round"
                | "stage"
                | "junction"
                | "bus"
                | "line"
                | "ward"
                | "unit"
                | "block"
                | "floor"
                | "apollo"
                | "covid"
        ) && crate::text::is_capitalized(c.raw(num.start - 1))
        {
            return false;
        }
    }
    // "one" as a pronoun or article: "one of", "no one", "the one".
    if num.words && num.value == 1.0 && num.end == num.start + 1 {
        let follows_noun = c.word(num.end).is_some_and(|w| {
            !lex.is_stopword(w)
                && !w.eq_ignore_ascii_case("in")
                && w.chars().all(|ch| ch.is_lowercase() || is_dash(ch))
        });
        if !follows_noun
            || matches!(
                prev.as_str(),
                "no" | "the"
                    | "every"
                    | "any"
                    | "each"
                    | "this"
                    | "that"
                    | "which"
                    | "someone"
                    | "anyone"
            )
        {
            return false;
        }
    }
    true
}

/// Looks for a hedge ending just before token `i`; returns the quantity's first token.
fn hedge_before(c: &Cursor<'_>, i: usize) -> (usize, Option<(String, Hedge)>) {
    for (phrase, hedge) in HEDGES {
        let n = phrase.split(' ').count();
        if i < n {
            continue;
        }
        let words: Vec<String> = (i - n..i).map(|k| c.lower(k)).collect();
        if words.join(" ") == phrase {
            let written: Vec<&str> = (i - n..i).map(|k| c.raw(k)).collect();
            return (i - n, Some((written.join(" "), hedge)));
        }
    }
    if i >= 1 && c.is(i - 1, "between") {
        return (i - 1, Some(("between".to_owned(), Hedge::About)));
    }
    (i, None)
}

fn build_fact(c: &Cursor<'_>, s: &Sentence, lex: &Lexicon, q: &Found) -> Fact {
    let (mut low, mut high) = (Some(q.value), Some(q.high_value.unwrap_or(q.value)));
    let mut hedge_word = q.hedge.as_ref().map(|(w, _)| w.clone());
    match q.hedge.as_ref().map(|(_, h)| *h) {
        _ if q.high_value.is_some() && hedge_word.is_none() => {
            hedge_word = Some("range".to_owned());
        }
        Some(Hedge::AtLeast) => {
            // "over seven years" spans a period rather than hedging it.
            if !(q.unit.is_some_and(is_duration) && c.is(q.start, "over")) {
                high = None;
            } else {
                hedge_word = None;
            }
        }
        Some(Hedge::AtMost) => low = None,
        Some(Hedge::Nearly) => low = Some(q.value * (1.0 - ABOUT)),
        Some(Hedge::About) => {
            low = Some(q.value * (1.0 - ABOUT));
            high = Some(q.value * (1.0 + ABOUT));
        }
        None => {}
    }
    let start_tok = if hedge_word.is_some() {
        q.start
    } else {
        q.num_start.min(q.start.max(currency_start(c, q)))
    };
    let span = c.tokens[start_tok].start..c.tokens[q.end - 1].end;
    let raw = c.text[span.clone()].to_owned();
    let referent = referent(c, q, lex);
    let event = event_near(c, s, q, lex);
    let unit = q.unit.map(str::to_owned);
    let value = display(q.value, q.high_value, unit.as_deref(), low, high);
    Fact {
        facet: Facet::Quantity,
        span,
        raw,
        value,
        detail: FactValue::Quantity(Quantity {
            value: q.value,
            low,
            high,
            unit,
            hedge: hedge_word,
            referent,
            event,
            conversion: false,
        }),
    }
}

/// First token of the quantity without its hedge (the currency sign, if any).
fn currency_start(c: &Cursor<'_>, q: &Found) -> usize {
    let mut k = q.num_start;
    while k > q.start {
        let r = c.raw(k - 1);
        if currency_symbol(r).is_some() || currency_code(r).is_some() || dollar_prefix(r).is_some()
        {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// True when two units measure the same kind of thing (two currencies, two lengths, …), so
/// that one may be a conversion of the other.
fn same_kind(a: Option<&str>, b: Option<&str>) -> bool {
    let kind = |u: &str| match u {
        "km" | "mi" | "m" | "cm" | "mm" | "ft" | "in" => "length",
        "mph" | "km/h" => "speed",
        "kg" | "g" | "t" | "lb" => "mass",
        "C" | "F" => "temperature",
        "l" | "gal" => "volume",
        "ha" | "acre" => "area",
        code if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) => "money",
        _ => "other",
    };
    matches!((a, b), (Some(x), Some(y)) if kind(x) == kind(y) && kind(x) != "other")
}

pub(crate) fn is_duration(unit: &str) -> bool {
    matches!(
        unit,
        "year" | "month" | "week" | "day" | "hour" | "minute" | "second"
    )
}

/// Formats a number without trailing zeros.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn display(
    value: f64,
    high_value: Option<f64>,
    unit: Option<&str>,
    low: Option<f64>,
    high: Option<f64>,
) -> String {
    let number = match high_value {
        Some(h) => format!("{}-{}", fmt_num(value), fmt_num(h)),
        None => fmt_num(value),
    };
    let body = match unit {
        Some(u) if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) => {
            format!("{u} {number}")
        }
        Some("percent") => format!("{number}%"),
        Some(u) => format!("{number} {u}"),
        None => number,
    };
    let prefix = match (low, high) {
        _ if high_value.is_some() => "",
        (Some(l), Some(h)) if (h - l).abs() < f64::EPSILON => "",
        (Some(_), None) => "≥ ",
        (None, Some(_)) => "≤ ",
        (Some(l), Some(h)) if (h - value).abs() < f64::EPSILON && l < value => "≲ ",
        (Some(_), Some(_)) => "≈ ",
        (None, None) => "",
    };
    format!("{prefix}{body}")
}

/// Words that end a referent phrase.
fn ends_referent(w: &str, lex: &Lexicon) -> bool {
    let k = word_key(w);
    lex.is_stopword(&k)
        || k.ends_with("ly")
        || matches!(
            k.as_ref(),
            "worth" | "valued" | "including" | "amid" | "across" | "since" | "per" | "a" | "an"
        )
        || (lex.event(&k).is_some() && (k.ends_with("ed") || k.ends_with("ing")))
}

/// What the quantity counts: the words after it ("seven aid workers"), or before it
/// ("waiting lists of more than 7million").
fn referent(c: &Cursor<'_>, q: &Found, lex: &Lexicon) -> Option<String> {
    let mut j = q.end;
    if c.is(j, "of") && (q.unit.is_some() || c.word(j + 1).is_some()) {
        j += 1;
        if matches!(
            c.lower(j).as_str(),
            "the" | "a" | "an" | "their" | "its" | "his" | "her"
        ) {
            j += 1;
        }
    }
    let mut words = Vec::new();
    while words.len() < 3 {
        match c.word(j) {
            Some(w) if !ends_referent(w, lex) && scale_word(w).is_none() => {
                words.push(word_key(w).into_owned());
                j += 1;
            }
            _ => break,
        }
    }
    // A hyphenated unit word carries its own noun ("seven-year deal" keeps "deal").
    if words.is_empty() {
        // Look back: skip the hedge and linking words.
        let mut k = q.start;
        while k > 0
            && matches!(
                c.lower(k - 1).as_str(),
                "of" | "worth"
                    | "at"
                    | "by"
                    | "to"
                    | "valued"
                    | "totalling"
                    | "totaling"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "reached"
                    | "hit"
                    | "rose"
                    | "fell"
            )
        {
            k -= 1;
        }
        let mut back = Vec::new();
        while back.len() < 2 && k > 0 {
            match c.word(k - 1) {
                Some(w) if !ends_referent(w, lex) && number_word(w).is_none() => {
                    back.push(word_key(w).into_owned());
                    k -= 1;
                }
                _ => break,
            }
        }
        back.reverse();
        words = back;
    }
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    words[last] = singular(&words[last]);
    Some(words.join(" "))
}

/// The event type of the verb nearest the number, within a few tokens.
fn event_near(c: &Cursor<'_>, s: &Sentence, q: &Found, lex: &Lexicon) -> Option<String> {
    const WINDOW: usize = 8;
    let lo = q.start.saturating_sub(WINDOW);
    let hi = (q.end + WINDOW).min(s.tokens.len());
    (lo..hi)
        .filter(|&k| k < q.num_start || k >= q.num_end)
        .filter_map(|k| {
            c.word(k)
                .and_then(|w| lex.event(w))
                .map(|e| (k.abs_diff(q.num_start), e))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, e)| e.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Source;
    use crate::parse;

    fn quantities(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::embedded();
        let doc = parse(Source::default(), text, &lex);
        doc.sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter(|f| f.facet == Facet::Quantity)
            .map(|f| (f.raw.clone(), f.value.clone()))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = quantities(text);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn money_in_many_notations() {
        check(
            "A £330million contract.",
            &[("£330million", "GBP 330000000")],
        );
        check(
            "It is worth up to £330 million ($417 million).",
            &[
                ("up to £330 million", "≤ GBP 330000000"),
                ("$417 million", "USD 417000000"),
            ],
        );
        check("A fine of £4.7m was paid.", &[("£4.7m", "GBP 4700000")]);
        check(
            "A fine of 4.7 million pounds was paid.",
            &[("4.7 million pounds", "GBP 4700000")],
        );
        check("It raised US$1.2bn.", &[("US$1.2bn", "USD 1200000000")]);
    }

    #[test]
    fn counts_hedges_and_words() {
        check("It killed seven aid workers.", &[("seven", "7")]);
        check(
            "At least 1,139 people died.",
            &[("At least 1,139", "≥ 1139")],
        );
        check(
            "Nearly 20,000 people were killed.",
            &[("Nearly 20,000", "≲ 20000")],
        );
        check(
            "Waiting lists of more than 7million grew.",
            &[("more than 7million", "≥ 7000000")],
        );
        check("Twenty-five homes burned.", &[("Twenty-five", "25")]);
        check(
            "Between 20 and 30 people came.",
            &[("Between 20 and 30", "20-30")],
        );
    }

    #[test]
    fn units_and_durations() {
        check("The seven-year deal.", &[("seven-year", "7 year")]);
        check("It runs over seven years.", &[("seven years", "7 year")]);
        check(
            "Winds of 90mph and 145 km/h.",
            &[("90mph", "90 mph"), ("145 km/h", "145 km/h")],
        );
        check(
            "About 67% agreed, one in 10 refused.",
            &[("About 67%", "≈ 67%"), ("one in 10", "10%")],
        );
        check("Two-thirds agreed.", &[("Two-thirds", "66.67%")]);
        check("It was 30C.", &[("30C", "30 C")]);
        check(
            "It hit 107.2F (41.8C).",
            &[("107.2F", "107.2 F"), ("41.8C", "41.8 C")],
        );
        check(
            "Eat 30 grams or more daily.",
            &[("30 grams or more", "≥ 30 g")],
        );
        check(
            "A magnitude 6.4 quake and a 6.4-magnitude quake.",
            &[("6.4", "6.4 magnitude"), ("6.4-magnitude", "6.4 magnitude")],
        );
    }

    #[test]
    fn things_that_are_not_quantities() {
        check("In 2019 at 10:30am at No 10, one of them left.", &[]);
        check("The 2012–13 season ended at 2.15pm.", &[]);
        check("On 7 October 2023 it began.", &[]);
    }

    #[test]
    fn referents_and_events() {
        let lex = Lexicon::embedded();
        let doc = parse(
            Source::default(),
            "Israeli forces killed seven aid workers in a strike.",
            &lex,
        );
        let q = doc.sentences[0]
            .facts
            .iter()
            .find_map(Fact::quantity)
            .unwrap();
        assert_eq!(q.referent.as_deref(), Some("aid worker"));
        assert_eq!(q.event.as_deref(), Some("kill"));
    }
}
