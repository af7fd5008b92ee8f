//! Quantities: counts, money, percentages, durations and measures, with hedges and referents.
//!
//! Hand-written: no maintained Rust quantity extractor exists, and news needs the referent
//! (what is counted) and the verb next to each number. [`crate::numbers`] reads the numbers;
//! this module reads what surrounds them (currency signs, codes and names, units, ranges,
//! hedges as intervals) and tells a quantity from a year, a clock time, an ordinal or a name.

use std::ops::Range;
use std::sync::OnceLock;

use arrayvec::ArrayVec;
use rustc_hash::FxHashMap;

use crate::document::{Facet, Fact, FactValue, Quantity, Sentence};
use crate::lexicon::{Lexicon, singular};
use crate::numbers::{
    self, Cursor, DigitToken, Num, ShapedMap, WordShapes, leading_number_parts, list_pieces, lower,
    scale_after, word_chain_pieces,
};
use crate::text::{TokenKind, before_dash, is_dash, push_digits, split_hyphen};
use crate::vocab::Words;

// ---------------------------------------------------------------------------------------------
// Money

/// Currency signs, written before an amount ("£5") or after it ("10 €").
fn currency_symbol(s: &str) -> Option<&'static str> {
    // Every sign but "$" starts with a byte that is not ASCII: most tokens are told by their
    // first byte, not compared with each sign.
    match s.as_bytes().first()? {
        b'$' => return (s.len() == 1).then_some("USD"),
        b if b.is_ascii() => return None,
        _ => {}
    }
    Some(match s {
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₴" => "UAH",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₿" => "BTC",
        "฿" => "THB",
        _ => return None,
    })
}

/// The spellings [`currency_code`] reads, each with its code, sorted by spelling for a
/// binary search.
const CURRENCY_CODES: [(&str, &str); 37] = [
    ("AUD", "AUD"),
    ("BRL", "BRL"),
    ("BTC", "BTC"),
    ("CAD", "CAD"),
    ("CHF", "CHF"),
    ("CNY", "CNY"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("HKD", "HKD"),
    ("ILS", "ILS"),
    ("INR", "INR"),
    ("JPY", "JPY"),
    ("KRW", "KRW"),
    ("MXN", "MXN"),
    ("NZD", "NZD"),
    ("RMB", "CNY"),
    ("RUB", "RUB"),
    ("SGD", "SGD"),
    ("TRY", "TRY"),
    ("USD", "USD"),
    ("XBT", "BTC"),
    ("ZAR", "ZAR"),
    ("aud", "AUD"),
    ("btc", "BTC"),
    ("cad", "CAD"),
    ("chf", "CHF"),
    ("cny", "CNY"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("hkd", "HKD"),
    ("inr", "INR"),
    ("jpy", "JPY"),
    ("mxn", "MXN"),
    ("nzd", "NZD"),
    ("rmb", "CNY"),
    ("sgd", "SGD"),
    ("usd", "USD"),
];

/// ISO 4217 codes read in capitals ("USD 5", "5 USD"), and the few also read in lower case
/// next to an amount ("20 usd", "40 rmb"); "try" or "rub" in lower case are words.
fn currency_code(w: &str) -> Option<&'static str> {
    if w.len() != 3 {
        return None;
    }
    let at = CURRENCY_CODES
        .binary_search_by(|(spelling, _)| spelling.cmp(&w))
        .ok()?;
    Some(CURRENCY_CODES[at].1)
}

/// Codes with a million prefix, as in financial reports: "30 MUSD", "MAUD 60".
fn million_code(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('M')?;
    if rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_uppercase()) {
        currency_code(rest)
    } else {
        None
    }
}

/// Prefixes of a dollar sign ("US$", "hk $", "C$", "Mex$"). Single letters only count glued
/// to the sign ("A$"), except the lower-case "c $" of wire copy; "a $5 fine" is no Australian.
fn dollar_prefix(w: &str, glued: bool) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    let code = match lower(w, &mut buf) {
        "us" | "usd" => "USD",
        "a" | "au" | "aud" => "AUD",
        "c" | "ca" | "cad" => "CAD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "mex" | "mx" | "mxn" => "MXN",
        "r" => "BRL",
        "nt" => "TWD",
        _ => return None,
    };
    (w.len() > 1 || glued || w == "c").then_some(code)
}

/// Currency names after an amount, with the factor to the main unit ("cents" are 0.01).
fn currency_noun(w: &str) -> Option<(&'static str, f64)> {
    match w {
        "元" => Some(("CNY", 1.0)),
        "ரூ" => Some(("LKR", 1.0)),
        _ => lower_currency_noun(lower(w, &mut [0; 24])),
    }
}

/// Currency names after an amount in lower case, with their code and the factor to the main
/// unit ("cents" are 0.01), for [`lower_currency_noun`].
const CURRENCY_NOUNS: &[(&str, f64, &[&str])] = &[
    ("USD", 1.0, &["dollar", "dollars", "bucks"]),
    ("GBP", 1.0, &["pound", "pounds", "sterling", "quid"]),
    ("EUR", 1.0, &["euro", "euros"]),
    ("JPY", 1.0, &["yen"]),
    ("CNY", 1.0, &["yuan", "renminbi", "kuai"]),
    ("INR", 1.0, &["rupee", "rupees"]),
    ("CHF", 1.0, &["franc", "francs"]),
    ("ESP", 1.0, &["peseta", "pesetas"]),
    ("FIM", 1.0, &["markka", "markkaa"]),
    ("NLG", 1.0, &["guilder", "guilders"]),
    ("TRY", 1.0, &["lira", "lire"]),
    ("BTC", 1.0, &["bitcoin", "bitcoins"]),
    ("BTC", 1e-8, &["satoshi", "satoshis"]),
    ("RUB", 1.0, &["rouble", "roubles", "ruble", "rubles"]),
    ("ILS", 1.0, &["shekel", "shekels"]),
    ("NGN", 1.0, &["naira"]),
    ("THB", 1.0, &["baht"]),
    ("MYR", 1.0, &["ringgit"]),
    ("IDR", 1.0, &["rupiah"]),
    ("PLN", 1.0, &["zloty", "zlotys"]),
    ("AED", 1.0, &["dirham", "dirhams"]),
    ("SAR", 1.0, &["riyal", "riyals"]),
    ("USD", 0.01, &["cent", "cents"]),
    ("GBP", 0.01, &["pence", "penny", "pennies"]),
    ("JPY", 0.01, &["sen"]),
];

/// [`currency_noun`] of an ASCII word in lower case.
fn lower_currency_noun(w: &str) -> Option<(&'static str, f64)> {
    currency_words().nouns.get(w).copied()
}

/// [`CURRENCY_NOUNS`] and [`CURRENCY_ADJECTIVES`] by word, behind their shapes: most words
/// after a number are neither.
struct CurrencyWords {
    nouns: ShapedMap<&'static str, (&'static str, f64)>,
    adjectives: ShapedMap<&'static str, (&'static str, &'static str)>,
}

/// The currency words, built once.
fn currency_words() -> &'static CurrencyWords {
    static TABLE: OnceLock<CurrencyWords> = OnceLock::new();
    TABLE.get_or_init(|| CurrencyWords {
        nouns: CURRENCY_NOUNS
            .iter()
            .flat_map(|&(code, factor, words)| words.iter().map(move |&w| (w, (code, factor))))
            .collect(),
        adjectives: CURRENCY_ADJECTIVES
            .iter()
            .flat_map(|&(base, code, words)| words.iter().map(move |&w| (w, (base, code))))
            .collect(),
    })
}

/// True for the subunit names ("cents", "pence").
fn is_subunit(w: &str) -> bool {
    currency_noun(w).is_some_and(|(_, f)| (f - 0.01).abs() < 1e-12)
}

/// Nationality words in lower case that name a currency's country: the default code of the
/// noun after the adjective, and the code the two name. "australian dollars" is AUD; "pesos"
/// only count with an adjective. Read by [`currency_adjective`].
const CURRENCY_ADJECTIVES: &[(&str, &str, &[&str])] = &[
    ("USD", "USD", &["us", "u.s", "u.s.", "american"]),
    ("USD", "AUD", &["australian"]),
    ("USD", "CAD", &["canadian"]),
    ("USD", "SGD", &["singapore"]),
    ("USD", "TWD", &["taiwan", "taiwanese"]),
    ("CHF", "CHF", &["swiss"]),
    ("CHF", "FRF", &["french"]),
    ("CHF", "BEF", &["belgian"]),
    ("TRY", "TRY", &["turkish"]),
    ("TRY", "ITL", &["italian"]),
    ("CNY", "CNY", &["chinese"]),
    ("JPY", "JPY", &["japanese"]),
    ("INR", "INR", &["indian"]),
    ("INR", "PKR", &["pakistani"]),
    ("INR", "NPR", &["nepalese"]),
    ("GBP", "GBP", &["british"]),
    ("GBP", "EGP", &["egyptian"]),
    ("FIM", "FIM", &["finnish"]),
    ("NLG", "NLG", &["dutch"]),
    ("ESP", "ESP", &["spanish"]),
    ("RUB", "RUB", &["russian"]),
    ("peso", "MXN", &["mexican"]),
    ("peso", "ARS", &["argentine", "argentinian"]),
    ("peso", "PHP", &["philippine"]),
    ("peso", "CLP", &["chilean"]),
    ("peso", "COP", &["colombian"]),
];

/// The default code of the noun after a nationality word in lower case, and the code the two
/// name ([`CURRENCY_ADJECTIVES`]).
fn currency_adjective(w: &str) -> Option<(&'static str, &'static str)> {
    currency_words().adjectives.get(w).copied()
}

/// Two-word country names before a currency name ("hong kong dollars").
const CURRENCY_COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("hong", "kong", "USD", "HKD"),
    ("new", "zealand", "USD", "NZD"),
    ("sri", "lankan", "INR", "LKR"),
    ("south", "african", "rand", "ZAR"),
    ("united", "states", "USD", "USD"),
];

/// A currency name at `j` after an amount, with an optional nationality before it
/// ("australian dollars", "hong kong dollars", "us dollar"): code, factor, tokens used.
/// `first` is token `j` as [`Cursor::ascii_lower`] gives it, which the caller has.
fn currency_name_at(c: &Cursor<'_>, j: usize, first: &str) -> Option<(&'static str, f64, usize)> {
    // The words in lower case as the document's words keep them; the two names that are not
    // ASCII ("元", "ரூ") as written.
    let noun_in = |k: usize, lower: &str| -> Option<(&'static str, f64)> {
        c.word(k)?;
        match lower {
            "" => currency_noun(c.raw(k)),
            "peso" | "pesos" => Some(("peso", 1.0)),
            "rand" => Some(("rand", 1.0)),
            w => lower_currency_noun(w),
        }
    };
    let noun = |k: usize| noun_in(k, c.ascii_lower(k));
    // "u.s. dollars": the tokens "u", ".", "s", "."
    if first == "u" && c.raw(j + 1) == "." && c.is(j + 2, "s") {
        let k = if c.raw(j + 3) == "." { j + 4 } else { j + 3 };
        if let Some(("USD", f)) = noun(k) {
            return Some(("USD", f, k + 1 - j));
        }
    }
    for (a, b, base, code) in CURRENCY_COUNTRIES {
        if first == *a
            && c.is(j + 1, b)
            && let Some((n, f)) = noun(j + 2)
            && n == *base
        {
            return Some((code, f, 3));
        }
    }
    if let Some((base, code)) = currency_adjective(first)
        && let Some((n, f)) = noun(j + 1)
        && n == base
    {
        return Some((code, f, 2));
    }
    match noun_in(j, first)? {
        ("peso" | "rand", _) => None,
        (code, f) => Some((code, f, 1)),
    }
}

/// True when "pounds" near token `k` weigh rather than pay: a weight word in the sentence or
/// a verb of losing or gaining weight just before the number.
fn weight_context(c: &Cursor<'_>, k: usize) -> bool {
    const BEFORE: [&str; 12] = [
        "lose", "lost", "losing", "drop", "dropped", "gain", "gained", "gaining", "shed", "weigh",
        "weighs", "weighed",
    ];
    if (k.saturating_sub(3)..k).any(|p| c.is_any(p, &BEFORE)) {
        return true;
    }
    // The kind first: the sentence's numbers and punctuation are not lower-cased.
    (0..c.len()).any(|p| {
        c.kind(p) == Some(TokenKind::Word) && {
            let w = c.ascii_lower(p);
            w.starts_with("weigh")
                || w.starts_with("heav")
                || matches!(
                    w,
                    "lighter"
                        | "baby"
                        | "babies"
                        | "ton"
                        | "tons"
                        | "tonne"
                        | "tonnes"
                        | "kg"
                        | "kilograms"
                        | "ounces"
                        | "oz"
                        | "lb"
                        | "lbs"
                )
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Units

/// Unit symbols of unit words in lower case, as compared by `claimdiff-align` ([`unit_word`]).
const UNIT_WORDS: &[(&str, &[&str])] = &[
    (
        "km",
        &[
            "km",
            "kms",
            "kilometre",
            "kilometres",
            "kilometer",
            "kilometers",
        ],
    ),
    ("mi", &["mile", "miles", "mi"]),
    ("m", &["metre", "metres", "meter", "meters"]),
    (
        "cm",
        &[
            "cm",
            "centimetre",
            "centimetres",
            "centimeter",
            "centimeters",
        ],
    ),
    (
        "mm",
        &[
            "mm",
            "millimetre",
            "millimetres",
            "millimeter",
            "millimeters",
        ],
    ),
    (
        "dm",
        &["dm", "decimetre", "decimetres", "decimeter", "decimeters"],
    ),
    (
        "pm",
        &["picometre", "picometres", "picometer", "picometers"],
    ),
    ("ft", &["ft", "feet", "foot"]),
    ("in", &["inch", "inches"]),
    ("yd", &["yard", "yards", "yd", "yds"]),
    (
        "kg",
        &[
            "kg",
            "kgs",
            "kilogram",
            "kilograms",
            "kilogramme",
            "kilogrammes",
            "kilo",
            "kilos",
        ],
    ),
    ("g", &["g", "gram", "grams", "gramme", "grammes"]),
    (
        "mg",
        &[
            "mg",
            "milligram",
            "milligrams",
            "milligramme",
            "milligrammes",
        ],
    ),
    (
        "µg",
        &[
            "mcg",
            "microgram",
            "micrograms",
            "microgramme",
            "microgrammes",
        ],
    ),
    ("t", &["tonne", "tonnes", "ton", "tons"]),
    ("lb", &["lb", "lbs"]),
    ("oz", &["ounce", "ounces", "oz"]),
    ("dr", &["dram", "drams", "drachma", "drachmas"]),
    ("l", &["litre", "litres", "liter", "liters"]),
    (
        "ml",
        &[
            "ml",
            "millilitre",
            "millilitres",
            "milliliter",
            "milliliters",
        ],
    ),
    ("gal", &["gallon", "gallons", "gal"]),
    ("bbl", &["barrel", "barrels", "bbl"]),
    ("cup", &["cup", "cups"]),
    ("tbsp", &["tablespoon", "tablespoons", "tbsp"]),
    ("tsp", &["teaspoon", "teaspoons", "tsp"]),
    ("pt", &["pint", "pints"]),
    ("ha", &["hectare", "hectares", "ha"]),
    ("acre", &["acre", "acres"]),
    ("C", &["celsius", "celcius", "centigrade", "centigrate"]),
    ("F", &["fahrenheit", "farenheit", "fahrenheight"]),
    ("K", &["kelvin"]),
    ("deg", &["degree", "degrees", "deg"]),
    ("rad", &["radian", "radians", "rad"]),
    ("turn", &["turn", "turns"]),
    ("bit", &["bit", "bits"]),
    ("byte", &["byte", "bytes"]),
    ("century", &["century", "centuries"]),
    ("decade", &["decade", "decades"]),
    ("year", &["year", "years", "yr", "yrs", "yo"]),
    ("month", &["month", "months"]),
    ("week", &["week", "weeks"]),
    ("day", &["day", "days"]),
    ("hour", &["hour", "hours", "hr", "hrs"]),
    ("minute", &["minute", "minutes", "mins"]),
    ("second", &["second", "seconds", "secs"]),
    ("km/h", &["kph", "kmh", "kmph"]),
    ("mph", &["mph"]),
    ("percent", &["percent", "percents", "percentage", "pct"]),
    ("pp", &["percentage-point", "percentage-points"]),
];

/// Spellings [`unit_word`] reads as written, before the table: "5G" is a network, not grams.
const WRITTEN_UNITS: [(&str, Option<&str>); 11] = [
    ("G", None),
    ("μg", Some("µg")),
    ("µg", Some("µg")),
    ("MB", Some("MB")),
    ("GB", Some("GB")),
    ("TB", Some("TB")),
    ("KB", Some("KB")),
    ("kB", Some("KB")),
    ("Mb", Some("Mbit")),
    ("mb", Some("Mbit")),
    ("Gb", Some("Gbit")),
];

/// Words other than units and currency names that start a unit after a number ("per cent",
/// "square metres", "cubic feet", "metric tons"), read by [`unit_after_inner`].
const UNIT_LEADS: [&str; 8] = [
    "per", "square", "sq", "cubic", "cu", "metric", "short", "long",
];

/// [`UNIT_WORDS`] by word, with their shapes: most words are rejected by the shapes.
struct UnitWords {
    shapes: WordShapes,
    symbols: FxHashMap<&'static str, &'static str>,
    /// The shapes of every word that a unit or currency written after a number, apart from
    /// it, starts with: units, currency names, nationalities and codes, [`UNIT_LEADS`].
    after: WordShapes,
}

/// The unit words, built once.
fn unit_words() -> &'static UnitWords {
    static TABLE: OnceLock<UnitWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let symbols: FxHashMap<&'static str, &'static str> = UNIT_WORDS
            .iter()
            .flat_map(|&(symbol, words)| words.iter().map(move |&w| (w, symbol)))
            .collect();
        // Codes with a million prefix ("MUSD"), in lower case as the shapes ignore case.
        let million: Vec<String> = CURRENCY_CODES
            .iter()
            .map(|(spelling, _)| format!("m{spelling}"))
            .collect();
        let after = WordShapes::new(
            symbols
                .keys()
                .copied()
                .chain(WRITTEN_UNITS.iter().map(|(w, _)| *w))
                .chain(
                    CURRENCY_NOUNS
                        .iter()
                        .flat_map(|(_, _, words)| words.iter().copied()),
                )
                .chain(
                    CURRENCY_ADJECTIVES
                        .iter()
                        .flat_map(|(_, _, words)| words.iter().copied()),
                )
                .chain(CURRENCY_COUNTRIES.iter().map(|(first, ..)| *first))
                .chain(CURRENCY_CODES.iter().map(|(spelling, _)| *spelling))
                .chain(million.iter().map(String::as_str))
                .chain(UNIT_LEADS),
        );
        UnitWords {
            shapes: WordShapes::new(symbols.keys().copied()),
            symbols,
            after,
        }
    })
}

/// Unit symbols of unit words (case-insensitive), as compared by `claimdiff-align`.
fn unit_word(w: &str) -> Option<&'static str> {
    if let Some(&(_, unit)) = WRITTEN_UNITS.iter().find(|(written, _)| *written == w) {
        return unit;
    }
    let table = unit_words();
    let mut buf = [0u8; 24];
    if table.shapes.excludes(w) {
        debug_assert!(!table.symbols.contains_key(lower(w, &mut buf)), "{w}");
        return None;
    }
    match *table.symbols.get(lower(w, &mut buf))? {
        // A capitalised "Cup" is no unit.
        "cup" if crate::text::is_capitalized(w) => None,
        unit => Some(unit),
    }
}

/// Unit symbols that stand glued to digits but are words apart ("5l", "100t").
fn glued_unit(w: &str) -> Option<&'static str> {
    match w {
        "l" | "L" => Some("l"),
        "t" => Some("t"),
        // "3.7in": glued, inches; apart, "in" is the preposition.
        "in" => Some("in"),
        _ => None,
    }
}

/// Speeds: a length per time ("miles per hour", "km/h", "50 centimeters/millisecond").
fn speed(length: &str, time: &str) -> Option<&'static str> {
    Some(match (length, time) {
        ("mi", "hour") => "mph",
        ("km", "hour") => "km/h",
        ("m", "second") => "m/s",
        ("km", "second") => "km/s",
        ("m", "ms") => "m/ms",
        ("cm", "ms") => "cm/ms",
        ("km", "ms") => "km/ms",
        _ => return None,
    })
}

/// Time words after "per" or a slash in a speed ("h", "hr", "hour").
fn time_unit(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    match lower(w, &mut buf) {
        "h" | "hr" | "hour" => Some("hour"),
        "s" | "sec" | "second" => Some("second"),
        "ms" | "millisecond" => Some("ms"),
        _ => None,
    }
}

/// What a length unit becomes squared or cubed ("square metres", "km2", "cubic feet").
fn power_of(length: &str, power: u8) -> Option<&'static str> {
    Some(match (length, power) {
        ("m", 2) => "m2",
        ("km", 2) => "km2",
        ("cm", 2) => "cm2",
        ("ft", 2) => "ft2",
        ("mi", 2) => "mi2",
        ("m", 3) => "m3",
        ("cm", 3) => "cm3",
        ("ft", 3) => "ft3",
        ("km", 3) => "km3",
        _ => return None,
    })
}

/// Words after "m" that make it metres ("1.8m tall").
fn is_measure_word(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "tall"
            | "long"
            | "high"
            | "deep"
            | "wide"
            | "away"
            | "thick"
            | "above"
            | "below"
            | "across"
            | "underground"
            | "underwater"
            | "x"
    )
}

/// The kind of a unit ("length", "money", …) for conversions written in brackets.
pub(crate) fn kind_of(u: &str) -> &'static str {
    match u {
        "km" | "mi" | "m" | "cm" | "mm" | "dm" | "ft" | "in" | "yd" | "pm" => "length",
        "mph" | "km/h" | "m/s" => "speed",
        "kg" | "g" | "mg" | "µg" | "t" | "lb" | "oz" => "mass",
        "C" | "F" | "K" => "temperature",
        "l" | "ml" | "gal" | "bbl" | "pt" => "volume",
        "ha" | "acre" | "m2" | "km2" | "ft2" | "mi2" => "area",
        code if is_money(code) => "money",
        _ => "other",
    }
}

/// True for an ISO 4217 code.
pub(crate) fn is_money(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// True when two units measure the same kind of thing (two currencies, two lengths, …), so
/// that one may be a conversion of the other.
fn same_kind(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if kind_of(x) == kind_of(y) && kind_of(x) != "other")
}

/// True for the units of time lengths.
pub(crate) fn is_duration(unit: &str) -> bool {
    matches!(
        unit,
        "century" | "decade" | "year" | "month" | "week" | "day" | "hour" | "minute" | "second"
    )
}

/// The unit of "degrees" with no scale: a temperature in the scale the article names
/// elsewhere ("40C on Monday … 41 degrees on Tuesday"), otherwise `deg`, which compares only
/// with other bare degrees. Guessing a scale would turn "104 degrees" (Fahrenheit) against
/// "40C" into a false conflict.
fn bare_degrees(c: &Cursor<'_>, at: usize) -> &'static str {
    if !temperature_context(c) {
        return "deg";
    }
    // The article around the sentence, at most 16 KB either side, so that many bare degrees
    // in a long text still cost linear time.
    const NEAR: usize = 16 * 1024;
    let lo = at.saturating_sub(NEAR);
    let hi = (at + NEAR).min(c.text.len());
    match named_scales(&c.text.as_bytes()[lo..hi]) {
        (true, false) => "F",
        (false, true) => "C",
        _ => "deg",
    }
}

/// Whether text names Fahrenheit and Celsius ("104F", "°C", "Celsius").
fn named_scales(bytes: &[u8]) -> (bool, bool) {
    let has = |needles: &[&str]| {
        needles.iter().any(|n| {
            bytes
                .windows(n.len())
                .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        })
    };
    // "40C", "104F": a scale letter glued to digits and ending the word.
    let glued = |scale: u8| {
        bytes
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == scale && !w[2].is_ascii_alphanumeric())
            || (bytes.len() >= 2
                && bytes[bytes.len() - 2].is_ascii_digit()
                && bytes[bytes.len() - 1] == scale)
    };
    let f = has(&["fahrenheit", "°f"]) || glued(b'F');
    let cel = has(&["celsius", "centigrade", "°c"]) || glued(b'C');
    (f, cel)
}

/// Words that may follow a temperature glued to its scale ("30C on Monday"); a noun after
/// makes a name ("the 13F filing").
const AFTER_TEMPERATURE: [&str; 29] = [
    "on",
    "in",
    "at",
    "and",
    "or",
    "to",
    "by",
    "for",
    "from",
    "with",
    "while",
    "as",
    "than",
    "was",
    "is",
    "were",
    "are",
    "has",
    "had",
    "will",
    "yesterday",
    "today",
    "last",
    "this",
    "during",
    "after",
    "before",
    "since",
    "until",
];

/// True when the sentence speaks of temperature (for "13F", which is usually a form name).
fn temperature_context(c: &Cursor<'_>) -> bool {
    (0..c.len()).any(|p| {
        c.word(p).is_some_and(|w| {
            let mut buf = [0u8; 24];
            let w = lower(w, &mut buf);
            w.starts_with("temperat")
                || w.starts_with("thermometer")
                || w.starts_with("heat")
                || w.starts_with("degree")
                || w.starts_with("celsius")
                || w.starts_with("fahrenheit")
                || matches!(w, "hot" | "hotter" | "warm" | "warmer" | "cold" | "colder")
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Hedges

/// How a hedge bounds a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    /// "at least", "more than", "over": no upper bound.
    AtLeast,
    /// "up to", "fewer than", "under": no lower bound.
    AtMost,
    /// "nearly", "almost": up to 10% below.
    Nearly,
    /// "about", "around": 10% either side.
    About,
    /// "equal to", "exactly": the number itself.
    Exact,
}

/// Hedges written before a number, as tokens; the longest match wins ("no less than" before
/// "less than").
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["greater", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["more", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["higher", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["larger", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["bigger", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["less", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["smaller", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["lower", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["equal", "to", "or", "more", "than"], Hedge::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Hedge::AtLeast),
    (&["equal", "to", "or", "higher", "than"], Hedge::AtLeast),
    (&["equal", "to", "or", "less", "than"], Hedge::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Hedge::AtMost),
    (&["equal", "to", "or", "lower", "than"], Hedge::AtMost),
    (&["equal", "to", "or", "smaller", "than"], Hedge::AtMost),
    (&["at", "least", "or", "equal", "to"], Hedge::AtLeast),
    (&["at", "most", "or", "equal", "to"], Hedge::AtMost),
    (&["greater", "or", "equal", "than"], Hedge::AtLeast),
    (&["higher", "or", "equal", "than"], Hedge::AtLeast),
    (&["bigger", "or", "equal", "than"], Hedge::AtLeast),
    (&["larger", "or", "equal", "than"], Hedge::AtLeast),
    (&["more", "or", "equal", "than"], Hedge::AtLeast),
    (&["less", "or", "equal", "than"], Hedge::AtMost),
    (&["smaller", "or", "equal", "than"], Hedge::AtMost),
    (&["lower", "or", "equal", "than"], Hedge::AtMost),
    (&["fewer", "or", "equal", "than"], Hedge::AtMost),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["not", "fewer", "than"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["no", "greater", "than"], Hedge::AtMost),
    (&["in", "excess", "of"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["an", "estimated"], Hedge::About),
    (&["at", "least"], Hedge::AtLeast),
    (&["at", "most"], Hedge::AtMost),
    (&["more", "than"], Hedge::AtLeast),
    (&["greater", "than"], Hedge::AtLeast),
    (&["larger", "than"], Hedge::AtLeast),
    (&["bigger", "than"], Hedge::AtLeast),
    (&["higher", "than"], Hedge::AtLeast),
    (&["upwards", "of"], Hedge::AtLeast),
    (&["up", "to"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::AtMost),
    (&["less", "than"], Hedge::AtMost),
    (&["smaller", "than"], Hedge::AtMost),
    (&["lower", "than"], Hedge::AtMost),
    (&["not", "exceeding"], Hedge::AtMost),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "below"], Hedge::Nearly),
    (&["close", "to"], Hedge::Nearly),
    (&["equal", "to"], Hedge::Exact),
    (&["equals", "to"], Hedge::Exact),
    (&["equaling", "to"], Hedge::Exact),
    (&["equalling", "to"], Hedge::Exact),
    (&[">", "="], Hedge::AtLeast),
    (&["<", "="], Hedge::AtMost),
    (&["over"], Hedge::AtLeast),
    (&["above"], Hedge::AtLeast),
    (&["exceed"], Hedge::AtLeast),
    (&["exceeds"], Hedge::AtLeast),
    (&["exceeded"], Hedge::AtLeast),
    (&["exceeding"], Hedge::AtLeast),
    (&["surpass"], Hedge::AtLeast),
    (&["surpasses"], Hedge::AtLeast),
    (&["surpassed"], Hedge::AtLeast),
    (&["surpassing"], Hedge::AtLeast),
    (&[">"], Hedge::AtLeast),
    (&["≥"], Hedge::AtLeast),
    (&["under"], Hedge::AtMost),
    (&["below"], Hedge::AtMost),
    (&["<"], Hedge::AtMost),
    (&["≤"], Hedge::AtMost),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["some"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["~"], Hedge::About),
    (&["≈"], Hedge::About),
    (&["equals"], Hedge::Exact),
    (&["equaling"], Hedge::Exact),
    (&["equalling"], Hedge::Exact),
    (&["exactly"], Hedge::Exact),
    (&["="], Hedge::Exact),
];

/// Hedges written after a number ("30 grams or more"). The ones ending in "than" only stand
/// when no number follows ("200 or greater than").
const POST_HEDGES: &[(&[&str], Hedge)] = &[
    (&["or", "greater", "than"], Hedge::AtLeast),
    (&["or", "more", "than"], Hedge::AtLeast),
    (&["or", "less", "than"], Hedge::AtMost),
    (&["or", "fewer", "than"], Hedge::AtMost),
    (&["or", "more"], Hedge::AtLeast),
    (&["or", "greater"], Hedge::AtLeast),
    (&["or", "higher"], Hedge::AtLeast),
    (&["or", "larger"], Hedge::AtLeast),
    (&["or", "bigger"], Hedge::AtLeast),
    (&["or", "above"], Hedge::AtLeast),
    (&["or", "over"], Hedge::AtLeast),
    (&["and", "more"], Hedge::AtLeast),
    (&["and", "over"], Hedge::AtLeast),
    (&["and", "above"], Hedge::AtLeast),
    (&["and", "up"], Hedge::AtLeast),
    (&["or", "less"], Hedge::AtMost),
    (&["or", "fewer"], Hedge::AtMost),
    (&["or", "lower"], Hedge::AtMost),
    (&["or", "smaller"], Hedge::AtMost),
    (&["or", "below"], Hedge::AtMost),
    (&["or", "under"], Hedge::AtMost),
    (&["and", "under"], Hedge::AtMost),
    (&["and", "below"], Hedge::AtMost),
];

/// True when the tokens at `at` are `phrase`.
fn matches_at(c: &Cursor<'_>, at: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, w)| c.raw(at + k).eq_ignore_ascii_case(w))
}

/// The last words of the [`HEDGES`] phrases (lower case, as the phrases are written), with
/// the positions in [`HEDGES`] of the phrases ending in each, in the table's order; behind
/// their shapes, which reject most words before a number without hashing. Built once.
fn hedge_ends() -> &'static ShapedMap<&'static str, Vec<usize>> {
    static TABLE: OnceLock<ShapedMap<&'static str, Vec<usize>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut phrases: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (k, (phrase, _)) in HEDGES.iter().enumerate() {
            if let Some(&last) = phrase.last() {
                phrases.entry(last).or_default().push(k);
            }
        }
        phrases.into()
    })
}

/// The hedge ending just before token `i`, not reaching before `floor`: its tokens and kind.
fn hedge_before(c: &Cursor<'_>, i: usize, floor: usize) -> Option<(Range<usize>, Hedge)> {
    // A hedge ends with the word before `i`: only the phrases ending in that word are tried.
    // The phrases are lower case ASCII words and symbols ("≥"): an ASCII word is looked up in
    // lower case (as the document's words keep it), anything else as written, which is how
    // `eq_ignore_ascii_case` matches them. `ascii_lower` tells an ASCII word in one test; the
    // long ones it leaves empty, looked up as written, end no phrase either way.
    let before = c.raw(i.checked_sub(1)?);
    let key = match c.ascii_lower(i - 1) {
        "" => before,
        low => low,
    };
    // The key is the phrases' last word: only the words before it are compared.
    hedge_ends().get(key)?.iter().find_map(|&k| {
        let (phrase, hedge) = HEDGES[k];
        let n = phrase.len();
        (i >= floor + n && matches_at(c, i - n, &phrase[..n - 1])).then(|| (i - n..i, hedge))
    })
}

/// A hedge starting at token `j` after a number; `than` ones only when no number follows.
fn hedge_after(c: &Cursor<'_>, j: usize) -> Option<(Range<usize>, Hedge)> {
    if !c.is_any(j, &["or", "and"]) {
        return None;
    }
    POST_HEDGES.iter().find_map(|(phrase, hedge)| {
        let n = phrase.len();
        let number_follows = starts_number(c, j + n) || starts_number(c, j + n + 1);
        (matches_at(c, j, phrase) && !number_follows).then(|| (j..j + n, *hedge))
    })
}

/// True when token `k` can start a number.
fn starts_number(c: &Cursor<'_>, k: usize) -> bool {
    c.kind(k) == Some(TokenKind::Number) || c.words.get(k).is_some_and(|e| e.number_lead)
}

/// Relative tolerance of "about" and "nearly".
const ABOUT: f64 = 0.1;

/// Verbs of change: "rose from 14 to 31" states two figures, not a range.
fn is_change_verb(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "rose"
            | "risen"
            | "rise"
            | "rises"
            | "rising"
            | "fell"
            | "fallen"
            | "fall"
            | "falls"
            | "falling"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "decrease"
            | "climbed"
            | "jumped"
            | "grew"
            | "grown"
            | "dropped"
            | "declined"
            | "soared"
            | "surged"
            | "slipped"
            | "plunged"
            | "cut"
            | "raised"
            | "lowered"
            | "revised"
            | "up"
            | "down"
            | "went"
            | "moved"
            | "changed"
    )
}

// ---------------------------------------------------------------------------------------------
// Reading

/// How the interval of a quantity is shaped, for display.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Exact,
    Range,
    AtLeast,
    AtMost,
    Nearly,
    About,
    /// A score or tally ("3-1", "seven votes to five"): `value` against `high_value`, of
    /// what it names ("score", "vote").
    Score(&'static str),
}

/// A quantity found at tokens `start..end` (hedge included).
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    value: f64,
    high_value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&'static str>,
    /// The hedge's tokens (written before the number, or after it when none is before).
    hedge: Option<Range<usize>>,
    shape: Shape,
    num_start: usize,
    num_end: usize,
    /// Where to look back for a referent (before "over" in "homes over five years").
    look_back: usize,
}

impl Found {
    /// An exact `value` in `unit`, written with no hedge at tokens `start..end`.
    fn exact(start: usize, end: usize, value: f64, unit: &'static str) -> Self {
        Self {
            start,
            end,
            value,
            high_value: None,
            low: Some(value),
            high: Some(value),
            unit: Some(unit),
            hedge: None,
            shape: Shape::Exact,
            num_start: start,
            num_end: end,
            look_back: start,
        }
    }
}

/// Extracts the quantities of one sentence, skipping tokens inside `taken` (dates and times).
pub(crate) fn extract(
    text: &str,
    s: &Sentence,
    words: Words<'_, '_>,
    lex: &Lexicon,
    taken: &[Range<usize>],
) -> Vec<Fact> {
    let c = Cursor::new(text, &s.tokens, words);
    let urls = url_ranges(text, &s.span);
    let inside = |i: usize| {
        let t = &s.tokens[i];
        taken
            .iter()
            .chain(urls.iter())
            .any(|r| t.start < r.end && r.start < t.end)
    };
    let mut facts: Vec<Fact> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < s.tokens.len() {
        // The cheap test first: most tokens start nothing.
        if !may_start(&c, i) || inside(i) {
            i += 1;
            continue;
        }
        if let Some(pieces) = pieces_at(&c, i) {
            for (span, value) in pieces {
                facts.push(piece_fact(&c, s, i, span, value));
            }
            i += 1;
            floor = i;
            continue;
        }
        if let Some(end) = code_chain(&c, i) {
            i = end;
            floor = end;
            continue;
        }
        if let Some(q) = one_and_a_half(&c, i)
            .or_else(|| tally_at(&c, i))
            .filter(|q| !(q.start..q.end).any(inside))
        {
            facts.push(build_fact(&c, s, &q));
            i = q.end;
            floor = q.end;
            continue;
        }
        match read_quantity(&c, i, lex, floor) {
            Some(q) if !(q.start..q.end).any(inside) && is_finite(&q) => {
                let prev_end = facts.last().map_or(0, |f| f.span.end);
                let mut fact = build_fact(&c, s, &q);
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
                floor = q.end;
            }
            _ => i += 1,
        }
    }
    facts
}

/// True when every number of a quantity is finite ("9^999" is not).
fn is_finite(q: &Found) -> bool {
    [Some(q.value), q.high_value, q.low, q.high]
        .iter()
        .flatten()
        .all(|v| v.is_finite())
}

/// Byte ranges of web addresses in a sentence: numbers in them are not quantities.
fn url_ranges(text: &str, span: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[span.clone()];
    // Most sentences have no address: one scan for the colon of "://" or the stop of "www."
    // tells, where a search for each mark cost more (and a stop is rarer than a "w").
    let bytes = s.as_bytes();
    if !memchr::memchr2_iter(b':', b'.', bytes).any(|at| {
        bytes[at..].starts_with(b"://") || bytes[..at].ends_with(b"www") && bytes[at] == b'.'
    }) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (at, _) in s.match_indices("://").chain(s.match_indices("www.")) {
        let start = s[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let end = s[at..]
            .find(char::is_whitespace)
            .map_or(s.len(), |p| at + p);
        out.push(span.start + start..span.start + end);
    }
    out
}

/// A cheap test: can a quantity start at token `i`? "a" and "an" start one only as a number
/// ("a dozen", "a third", "a million"), whose next token is a number word: `numbers::read`
/// reads a cardinal from "a" only before a hundred, scale or dozen word, and a fraction only
/// with an ordinal word or a cardinal in words after it; as a currency ("A$") they are tested
/// below.
fn may_start(c: &Cursor<'_>, i: usize) -> bool {
    match c.kind(i) {
        Some(TokenKind::Number | TokenKind::Symbol) => true,
        Some(TokenKind::Punct) => {
            let r = c.raw(i);
            // A stop or a dash is read as the point or the sign of a number after it: the
            // stop that ends a sentence starts nothing. The signs and vulgar fractions are
            // "$" or not ASCII: the commas and stops of most punctuation are not looked up.
            (r == "." || r.chars().all(is_dash)) && i + 1 < c.len()
                || (r == "$" || !r.is_ascii())
                    && (currency_symbol(r).is_some() || numbers::vulgar(r).is_some())
        }
        // What the word is on its own was looked up once, in the document's words.
        Some(TokenKind::Word) => c.words.get(i).is_some_and(|e| {
            let w = e.form;
            w.len() <= 24
                && (e.quantity_lead
                    || ((w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
                        && (starts_number(c, i + 1) || and_a_half(c, i + 2)))
                    || c.raw(i + 1) == "$"
                    || (c.raw(i + 1) == "." && w.eq_ignore_ascii_case("u")))
        }),
        None => false,
    }
}

/// True for a word that can start a figure whatever follows it, other than a number word: a
/// currency code ("GBP", "MUSD"), "Rs", or a word of a hedge, sign, share or age ("minus",
/// "half", "per", "aged").
pub(crate) fn word_leads(w: &str) -> bool {
    // Asked once of every distinct word of a document: the words are compared ignoring case,
    // which fails at the length for most, rather than the word lower-cased first.
    const WORDS: [&str; 11] = [
        "minus",
        "negative",
        "half",
        "quarter",
        "age",
        "aged",
        "ages",
        "percent",
        "percents",
        "percentage",
        "per",
    ];
    currency_code(w).is_some()
        || million_code(w).is_some()
        || w == "Rs"
        || WORDS.iter().any(|l| w.eq_ignore_ascii_case(l))
}

/// Numbers run together in one token ("22,24,26,31", "192.168.1.2", "three-nought-four"):
/// each is a count of its own.
fn pieces_at(c: &Cursor<'_>, i: usize) -> Option<Vec<(Range<usize>, f64)>> {
    let raw = c.raw(i);
    let base = c.tokens[i].start;
    match c.kind(i)? {
        TokenKind::Number if c.digit_token(i) == Some(DigitToken::List) => Some(
            list_pieces(raw)
                .map(|(r, v)| (base + r.start..base + r.end, v))
                .collect(),
        ),
        TokenKind::Word if raw.contains(is_dash) => Some(
            word_chain_pieces(raw)?
                .into_iter()
                .map(|(r, v)| (base + r.start..base + r.end, v))
                .collect(),
        ),
        _ => None,
    }
}

/// A plain count for one piece of a run-together token.
fn piece_fact(c: &Cursor<'_>, s: &Sentence, i: usize, span: Range<usize>, value: f64) -> Fact {
    let q = Found {
        start: i,
        end: i + 1,
        value,
        high_value: None,
        low: Some(value),
        high: Some(value),
        unit: None,
        hedge: None,
        shape: Shape::Exact,
        num_start: i,
        num_end: i + 1,
        look_back: i,
    };
    let mut fact = build_fact(c, s, &q);
    fact.raw = c.text[span.clone()].to_owned();
    fact.span = span;
    fact
}

/// The end of a telephone number or code at token `i`: three or more groups of digits joined
/// by hyphens with no space ("800-555-0192", "1-800-555-0199"), or a local number, three
/// digits and four that start with a nought ("555-0192"). Its digits count nothing.
fn code_chain(c: &Cursor<'_>, i: usize) -> Option<usize> {
    let digits = |k: usize| {
        c.kind(k) == Some(TokenKind::Number) && c.raw(k).bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(i) || i > 0 && c.glued(i - 1) && matches!(c.raw(i - 1), "-" | "+") {
        return None;
    }
    let mut k = i;
    let mut groups = 1;
    while c.raw(k + 1) == "-" && c.glued(k) && c.glued(k + 1) && digits(k + 2) {
        k += 2;
        groups += 1;
    }
    let local =
        groups == 2 && c.raw(i).len() == 3 && c.raw(k).len() == 4 && c.raw(k).starts_with('0');
    (groups >= 3 || local).then_some(k + 1)
}

/// True when "and a half" is written at token `k`.
fn and_a_half(c: &Cursor<'_>, k: usize) -> bool {
    c.is(k, "and") && c.is(k + 1, "a") && c.is(k + 2, "half")
}

/// "a day and a half", "a year and a half": one and a half units at token `i` ("a half" was
/// read as 50%; [`may_start`] lets an article through before "… and a half").
fn one_and_a_half(c: &Cursor<'_>, i: usize) -> Option<Found> {
    if !c.is_any(i, &["a", "an"]) || !and_a_half(c, i + 2) {
        return None;
    }
    let unit = c
        .word(i + 1)
        .and_then(unit_word)
        .filter(|u| !matches!(*u, "percent" | "deg"))?;
    Some(Found::exact(i, i + 5, 1.5, unit))
}

/// The unit of a score or tally ([`tally_at`]).
const SCORE: &str = "score";

/// Words before a score or tally that say it is one ("beat Harcourt City 3-1", "voted 9 to
/// 3"), within its clause, and what it is a score of.
const TALLY_BEFORE: [(&str, &str); 35] = [
    ("beat", "score"),
    ("beating", "score"),
    ("beats", "score"),
    ("defeated", "score"),
    ("defeating", "score"),
    ("draw", "score"),
    ("drawing", "score"),
    ("drew", "score"),
    ("edged", "score"),
    ("lead", "score"),
    ("leading", "score"),
    ("leads", "score"),
    ("led", "score"),
    ("lose", "score"),
    ("loses", "score"),
    ("losing", "score"),
    ("lost", "score"),
    ("margin", "vote"),
    ("score", "score"),
    ("scored", "score"),
    ("scoreline", "score"),
    ("thrashed", "score"),
    ("trail", "score"),
    ("trailed", "score"),
    ("trailing", "score"),
    ("vote", "vote"),
    ("voted", "vote"),
    ("votes", "vote"),
    ("win", "score"),
    ("winning", "score"),
    ("wins", "score"),
    ("won", "score"),
    ("majority", "vote"),
    ("outscored", "score"),
    ("outshot", "score"),
];

/// Nouns right after a score or tally that say it is one ("a 2-1 defeat", "an 8-4 vote"),
/// and what it is a score of.
const TALLY_AFTER: [(&str, &str); 16] = [
    ("aggregate", "score"),
    ("decision", "vote"),
    ("defeat", "score"),
    ("draw", "score"),
    ("loss", "score"),
    ("majority", "vote"),
    ("margin", "vote"),
    ("result", "score"),
    ("ruling", "vote"),
    ("scoreline", "score"),
    ("thrashing", "score"),
    ("verdict", "vote"),
    ("victory", "score"),
    ("vote", "vote"),
    ("votes", "vote"),
    ("win", "score"),
];

/// Nouns that a tally written with "to" counts ("seven votes to five", "two goals to one").
const TALLY_NOUNS: [&str; 6] = ["goal", "goals", "point", "points", "vote", "votes"];

/// A score or tally at token `i`: two figures that are one result, not a range or two counts.
/// "3-1", "3\u{2013}1" (whole numbers of up to three digits, joined by a dash with no space)
/// when the second is not above the first ("1-0"; a range rises) or a word of a match or a vote
/// is near ("lost 1-3", "a 1-3 defeat"); "seven votes to five", "by 312 votes to 290", "backed
/// by 41 to 19", "voted 9 to 3", "beat them 31 to 20" (two numbers joined by "to", with a noun
/// of votes, goals or points, after "by" or after a word of a vote or match, and no verb of
/// change: "fell by 300 votes to 2,000" is a change). Not a score: a figure with a unit
/// ("4-5%", "3-4 days"), part of a longer code ("1-800-555", "10-3-2"), a season ("2012-13") or
/// after "from" ("from 2 to 5").
fn tally_at(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let small = |k: usize| {
        let e = c.words.get(k)?;
        let v = e.digits.filter(|_| c.raw(k).len() <= 3)?;
        u32::try_from(v).ok().map(f64::from)
    };
    // What a word of `table` at token `k` says the figures are a score of.
    let tally_of = |table: &[(&str, &'static str)], k: usize| {
        let w = c.words.lower(k);
        table.iter().find(|(t, _)| *t == w).map(|(_, what)| *what)
    };
    // What the words before the first figure, in its clause, say it is a score of.
    let before = || {
        (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&k| !matches!(c.raw(k), "," | ";" | ":" | "." | "(" | ")"))
            .find_map(|k| tally_of(&TALLY_BEFORE, k))
    };
    let noun_after = |k: usize| tally_of(&TALLY_AFTER, k);
    let unit_follows = |k: usize| {
        c.raw(k) == "%"
            || c.word(k)
                .is_some_and(|w| unit_word(w).is_some() || scale_after(w).is_some())
    };
    let joiner = |k: usize| matches!(c.raw(k), "-" | "/" | "." | ":" | ",");
    let chained = |k: usize| c.glued(k) && joiner(k + 1) && c.glued(k + 1);
    let after_from = i > 0 && c.is(i - 1, "from");
    let chain_before = i >= 2 && c.glued(i - 2) && c.glued(i - 1) && joiner(i - 1);
    if after_from || chain_before || (i > 0 && currency_symbol(c.raw(i - 1)).is_some()) {
        return None;
    }
    // "3-1".
    if let (Some(a), true, Some(b)) = (
        small(i),
        matches!(c.raw(i + 1), "-" | "\u{2013}") && c.glued(i) && c.glued(i + 1),
        small(i + 2),
    ) {
        let end = i + 3;
        if chained(i + 2) || unit_follows(end) {
            return None;
        }
        // "24-7" is all day, every day.
        let idiom = (a, b) == (24.0, 7.0);
        let what = noun_after(end)
            .or_else(before)
            .or_else(|| (b <= a && !idiom).then_some("score"))?;
        return Some(tally(i, end, a, b, what));
    }
    // "seven votes to five", "voted 9 to 3": "to" within a few words (tested before the
    // number is read, as this is asked at every number).
    if !(i + 1..i + 5).any(|k| c.is(k, "to")) {
        return None;
    }
    let first = numbers::read(c, i, false).filter(whole_count)?;
    let mut k = first.end;
    let noun = c
        .words
        .get(k)
        .is_some_and(|e| TALLY_NOUNS.contains(&e.lower.as_ref()));
    if noun {
        k += 1;
    }
    if !c.is(k, "to") {
        return None;
    }
    let second = numbers::read(c, k + 1, false).filter(whole_count)?;
    let mut end = second.end;
    if c.words
        .get(end)
        .is_some_and(|e| TALLY_NOUNS.contains(&e.lower.as_ref()))
    {
        end += 1;
    }
    let change = (i.saturating_sub(4)..i).any(|k| c.word(k).is_some_and(is_change_verb));
    if change || unit_follows(end) {
        return None;
    }
    // "backed the plans by 41 to 19": a margin with no verb of change.
    let by = i > 0 && c.is(i - 1, "by");
    let what = if noun {
        let goals = !c.words.lower(first.end).starts_with("vote");
        Some(if goals { "score" } else { "vote" })
    } else if by {
        Some("vote")
    } else {
        before()
    }?;
    Some(tally(i, end, first.value, second.value, what))
}

/// True for a whole number of up to a million written alone (no scale, share or sign).
fn whole_count(n: &Num) -> bool {
    !n.scaled && !n.share && !n.decimal && n.value.fract() == 0.0 && (0.0..=1e6).contains(&n.value)
}

/// A score `a` against `b` at tokens `start..end`, of `what` ("score", "vote").
fn tally(start: usize, end: usize, a: f64, b: f64, what: &'static str) -> Found {
    Found {
        high_value: Some(b),
        shape: Shape::Score(what),
        ..Found::exact(start, end, a, SCORE)
    }
}

/// Reads a quantity at token `i`, joining two one-sided hedges into one interval ("greater
/// than 100 and smaller than 300").
fn read_quantity(c: &Cursor<'_>, i: usize, lex: &Lexicon, floor: usize) -> Option<Found> {
    let f = read_one(c, i, lex, floor)?;
    let open_up = f.low.is_some() && f.high.is_none();
    let open_down = f.low.is_none() && f.high.is_some();
    if !(open_up || open_down) {
        return Some(f);
    }
    let mut k = f.end;
    if c.raw(k) == "," {
        k += 1;
    }
    if c.is_any(k, &["and", "but"]) {
        k += 1;
    }
    let want = if open_up {
        Hedge::AtMost
    } else {
        Hedge::AtLeast
    };
    let second = HEDGES
        .iter()
        .filter(|(_, h)| *h == want)
        .find(|(phrase, _)| matches_at(c, k, phrase))
        .and_then(|(phrase, _)| read_one(c, k + phrase.len(), lex, k));
    let Some(g) = second else {
        return Some(f);
    };
    let (low, high) = if open_up {
        (f.low, g.high)
    } else {
        (g.low, f.high)
    };
    let units_agree = f.unit == g.unit || f.unit.is_none() || g.unit.is_none();
    match (low, high) {
        (Some(l), Some(h)) if l < h && units_agree && g.start == k && g.high != g.low => {
            Some(Found {
                end: g.end,
                low,
                high,
                unit: f.unit.or(g.unit),
                shape: Shape::Range,
                high_value: Some(h),
                value: l,
                ..f
            })
        }
        _ => Some(f),
    }
}

/// The first part of a quantity: currency before the number, and where the number starts.
struct Lead {
    unit: Option<&'static str>,
    factor: f64,
    num_at: usize,
    /// Tokens before the number that belong to the quantity ("age" in "age 87").
    start: usize,
}

/// Currency written before a number: "£", "US$", "us $", "u.s $", "USD", "MAUD", "₿".
fn lead(c: &Cursor<'_>, i: usize) -> Lead {
    let plain = Lead {
        unit: None,
        factor: 1.0,
        num_at: i,
        start: i,
    };
    let money = |unit: &'static str, factor: f64, num_at: usize| Lead {
        unit: Some(unit),
        factor,
        num_at,
        start: i,
    };
    let raw = c.raw(i);
    if let Some(code) = currency_symbol(raw) {
        return money(code, 1.0, i + 1);
    }
    // "u.s $ 100", "U.S. $5".
    if c.is(i, "u") && c.raw(i + 1) == "." && c.is(i + 2, "s") {
        let k = if c.raw(i + 3) == "." { i + 4 } else { i + 3 };
        if c.raw(k) == "$" {
            return money("USD", 1.0, k + 1);
        }
    }
    if c.raw(i + 1) == "$"
        && c.kind(i) == Some(TokenKind::Word)
        && let Some(code) = dollar_prefix(raw, c.glued(i))
    {
        return money(code, 1.0, i + 2);
    }
    if let Some(code) = currency_code(raw)
        && starts_number(c, i + 1)
    {
        return money(code, 1.0, i + 1);
    }
    // "Rs 500", "Rs. 5 crore".
    if raw == "Rs" {
        let k = if c.raw(i + 1) == "." { i + 2 } else { i + 1 };
        if starts_number(c, k) {
            return money("INR", 1.0, k);
        }
    }
    if let Some(code) = million_code(raw)
        && starts_number(c, i + 1)
    {
        return money(code, 1e6, i + 1);
    }
    // "age 87", "aged 40", "the ages of 40 and 69".
    if c.is_any(i, &["age", "aged", "ages"]) {
        let k = if c.is(i + 1, "of") { i + 2 } else { i + 1 };
        if c.kind(k) == Some(TokenKind::Number) {
            return Lead {
                unit: Some("year"),
                factor: 1.0,
                num_at: k,
                start: i,
            };
        }
    }
    plain
}

/// Reads one quantity at token `i` (its hedge found before `i`, not before `floor`).
fn read_one(c: &Cursor<'_>, i: usize, lex: &Lexicon, floor: usize) -> Option<Found> {
    if let Some(found) = percent_of(c, i) {
        return Some(found);
    }
    let lead = lead(c, i);
    // Without a currency the number starts at `i`: read once, for a ratio and the amount.
    let mut plain = None;
    if lead.unit.is_none() {
        plain = numbers::read(c, i, false);
        if let Some(found) = plain.and_then(|a| ratio(c, &a, i, floor)) {
            return Some(found);
        }
        if let Some(found) = hyphenated_unit(c, i, floor) {
            return Some(found);
        }
    }
    // "between 20 and 30", "between the ages of 40 and 69": where "between" is.
    let between_at = match lead.start {
        k if k > 0 && c.is(k - 1, "between") => Some(k - 1),
        k if k > 1 && lead.unit == Some("year") && c.is(k - 1, "the") && c.is(k - 2, "between") => {
            Some(k - 2)
        }
        _ => None,
    };
    let between = between_at.is_some();
    let num = if lead.unit.is_none() && !between {
        plain?
    } else {
        numbers::read(c, lead.num_at, between)?
    };
    let money = lead.unit.is_some_and(is_money);
    let age_lead = lead.unit == Some("year");
    if !is_quantity_context(c, &num, lead.unit.is_some(), lex) {
        return None;
    }
    let mut value = num.value * lead.factor;
    let mut unit = lead.unit;
    let mut j = num.end;
    let mut scaled = num.scaled;
    // Lower-case "m" glued to digits: millions or metres.
    if !scaled && !num.words && c.raw(j) == "m" && c.glued(j - 1) {
        if c.glued(j) && matches!(c.raw(j + 1), "2" | "²" | "3" | "³") {
            // "24703m2".
            unit = Some(if matches!(c.raw(j + 1), "2" | "²") {
                "m2"
            } else {
                "m3"
            });
            j += 2;
        } else {
            match glued_m(c, &num, j, money) {
                Some(true) => {
                    value *= 1e6;
                    scaled = true;
                    j += 1;
                }
                Some(false) => {
                    unit = Some("m");
                    j += 1;
                }
                None => return None,
            }
        }
    }
    // "$1.2 bn", "US$ 1MM": a scale after a currency sign; "£330m-a-year" too (a bare "m"
    // before a hyphen is millions only after a currency sign).
    let glued_million = |w: &str| (w.starts_with("m-") && c.glued(j - 1)).then_some(1e6);
    if money
        && !scaled
        && let Some(s) = c
            .word(j)
            .and_then(|w| scale_after(w).or_else(|| glued_million(w)))
    {
        value *= s;
        scaled = true;
        j += 1;
    }
    // Ranges: "2-5", "between 2 and 5", "2 to 5", "from 10 to 20", "10~20", "5k-20k".
    let mut high_value = None;
    let mut from = None;
    if !scaled
        && !num.words
        && c.glued(j - 1)
        && let Some((s, hv)) = c.word(j).and_then(scaled_range_word)
    {
        value *= s;
        high_value = Some(hv);
        scaled = true;
        j += 1;
    } else if (unit.is_none() || money || age_lead)
        && let Some(r) = range_end(
            c,
            &num,
            lead.start,
            j,
            value,
            scaled,
            between,
            lead.unit.filter(|u| is_money(u)),
        )
    {
        value *= r.low_scale;
        scaled |= r.low_scale != 1.0;
        high_value = Some(r.high);
        j = r.end;
        if lead.start > 0 && c.is(lead.start - 1, "from") {
            from = Some(lead.start - 1);
        }
    }
    // "half a mile", "half an hour".
    if num.article
        && c.is(num.start, "half")
        && c.is_any(j, &["a", "an"])
        && c.word(j + 1)
            .and_then(unit_word)
            .is_some_and(|u| !matches!(u, "percent" | "deg"))
    {
        j += 1;
    }
    // Units after the number.
    let mut cents_ok = money && !scaled;
    // The unit as written after the number, when its value needs no conversion ("18%").
    let mut plain_unit = None;
    if unit.is_none() || age_lead {
        match unit_after(c, &num, j) {
            Some(read) if !age_lead || read.unit == "year" => {
                if read.factor == 1.0 && read.add == 0.0 {
                    plain_unit = Some(read.unit);
                }
                unit = Some(read.unit);
                value = value * read.factor + read.add;
                if let Some(hv) = high_value.as_mut() {
                    *hv *= read.factor;
                }
                cents_ok = is_money(read.unit) && read.factor == 1.0 && !scaled;
                j = read.end;
            }
            Some(_) => {}
            None if num.share && !age_lead => {
                unit = Some("percent");
                value *= 100.0;
            }
            None => {}
        }
        // "$5-10 million", "5-10 million dollars": the scale after the range.
        if unit.is_some_and(is_money)
            && !scaled
            && let Some(s) = c.word(j).and_then(scale_after)
        {
            value *= s;
            if let Some(hv) = high_value.as_mut() {
                *hv *= s;
            }
            cents_ok = false;
            j += 1;
        }
    }
    // "between 18% and 24%", "from 5km to 8km": a range with its unit after both figures.
    if high_value.is_none()
        && let Some(u) = plain_unit.filter(|u| !is_money(u))
        && let Some(r) = range_end(c, &num, lead.start, j, value, scaled, between, None)
        && let Some(hi) = numbers::read(c, j + 1, false).filter(|hi| hi.end == r.end)
        && let Some(read) = unit_after(c, &hi, hi.end)
            .filter(|read| read.unit == u && read.factor == 1.0 && read.add == 0.0)
    {
        high_value = Some(r.high);
        j = read.end;
        if lead.start > 0 && c.is(lead.start - 1, "from") {
            from = Some(lead.start - 1);
        }
    }
    // "three years and a half": half a unit more.
    if high_value.is_none()
        && plain_unit.is_some_and(|u| !is_money(u) && u != "percent")
        && and_a_half(c, j)
    {
        value += 0.5;
        j += 3;
    }
    // A capital letter glued to the digits makes a name: "5G", "3D", "the 13F filing".
    if unit.is_none()
        && j == num.end
        && c.glued(j - 1)
        && c.word(j)
            .is_some_and(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return None;
    }
    // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50".
    if cents_ok
        && value.fract() == 0.0
        && high_value.is_none()
        && let Some((cents, e)) = cents_after(c, j)
    {
        value += cents / 100.0;
        j = e;
    }
    // Negative temperatures written "- 20 degrees fahrenheit".
    let mut start0 = from.unwrap_or(lead.start);
    if matches!(unit, Some("C" | "F" | "K"))
        && num.value > 0.0
        && start0 == num.start
        && num.start >= 1
        && c.raw(num.start - 1) == "-"
        && (num.start < 2 || c.kind(num.start - 2) != Some(TokenKind::Number))
    {
        value = -value;
        start0 = num.start - 1;
    }
    // Ages in apposition: "Kimeli, 26, broke away".
    if unit.is_none() && is_apposed_age(c, &num, j) {
        unit = Some("year");
    }
    // "magnitude 6.4", "6.4-magnitude".
    if unit.is_none() {
        if num.start > 0 && c.is(num.start - 1, "magnitude") {
            unit = Some("magnitude");
        } else if c.raw(j) == "-" && c.glued(j - 1) && c.is(j + 1, "magnitude") {
            unit = Some("magnitude");
            j += 2;
        }
    }
    // Ages: "five years old", "3 years of age".
    let mut age = false;
    if unit.is_some_and(is_duration) {
        if c.is(j, "old") {
            j += 1;
            age = true;
        } else if c.is(j, "of") && c.is(j + 1, "age") {
            j += 2;
            age = true;
        }
    }
    let hedge_pre = if from.is_some() || between {
        None
    } else {
        hedge_before(c, start0, floor)
    };
    // "a third", a bare "half": shares need an object or a hedge ("half of them", "more than
    // half"), not a noun ("a third time", "the second half").
    if num.article && unit == Some("percent") {
        let half = c.is(num.start, "half");
        let object = c.is_any(
            j,
            &["of", "the", "their", "its", "his", "her", "our", "all"],
        ) || !matches!(c.kind(j), Some(TokenKind::Word));
        if !(object || (half && hedge_pre.is_some())) || (half && c.is(j, "past")) {
            return None;
        }
        let after_determiner = num.start > 0
            && c.is_any(
                num.start - 1,
                &[
                    "the", "first", "second", "third", "last", "this", "that", "each", "every",
                    "in", "a",
                ],
            );
        if half && after_determiner {
            return None;
        }
    }
    let mut hedge_tokens = hedge_pre.as_ref().map(|(r, _)| r.clone());
    let mut kind = hedge_pre.as_ref().map(|(_, h)| *h);
    if let Some((r, h)) = hedge_after(c, j) {
        j = r.end;
        if hedge_tokens.is_none() {
            hedge_tokens = Some(r);
        }
        kind = Some(h);
    } else if matches!(kind, Some(Hedge::AtLeast | Hedge::AtMost))
        && c.is(j, "or")
        && c.is(j + 1, "equal")
        && !starts_number(c, j + 2)
        && !(c.is(j + 2, "to") && starts_number(c, j + 3))
    {
        // "less than 5000 or equal (to)".
        j += if c.is(j + 2, "to") { 3 } else { 2 };
    }
    let mut start = hedge_tokens
        .as_ref()
        .filter(|r| r.start < start0)
        .map_or(start0, |r| r.start);
    if let Some(f) = from {
        hedge_tokens = Some(f..f + 1);
    }
    // "over seven years" spans a period rather than hedging it; "over 30 years old" is an age.
    let mut look_back = None;
    if kind == Some(Hedge::AtLeast)
        && !age
        && unit.is_some_and(is_duration)
        && hedge_tokens
            .as_ref()
            .is_some_and(|r| r.len() == 1 && c.is(r.start, "over"))
    {
        look_back = hedge_tokens.as_ref().map(|r| r.start);
        kind = None;
        hedge_tokens = None;
        start = start0;
    }
    if let Some(b) = between_at {
        // "between 20 and 30"; "between 190 km2" with no second figure reads as "about".
        start = b;
        hedge_tokens = Some(start..start + 1);
        if high_value.is_none() {
            kind = Some(Hedge::About);
        }
    }
    let (low, high, shape) = interval(value, high_value, kind);
    Some(Found {
        start,
        end: j,
        value,
        high_value,
        low,
        high,
        unit,
        hedge: hedge_tokens,
        shape,
        num_start: num.start,
        num_end: num.end,
        look_back: look_back.unwrap_or(start),
    })
}

/// True for an age after a name between commas: "Kimeli, 26, broke away" (not "May 17,").
fn is_apposed_age(c: &Cursor<'_>, num: &Num, j: usize) -> bool {
    const CALENDAR: [&str; 19] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    num.start >= 2
        && num.end == num.start + 1
        && !num.words
        && num.value.fract() == 0.0
        && (1.0..=120.0).contains(&num.value)
        && c.raw(num.start - 1) == ","
        && c.raw(j) == ","
        && c.word(num.start - 2).is_some_and(|w| {
            crate::text::is_capitalized(w) && !CALENDAR.iter().any(|m| m.eq_ignore_ascii_case(w))
        })
}

/// The interval and display shape of a value, its range end and its hedge.
fn interval(
    value: f64,
    high_value: Option<f64>,
    hedge: Option<Hedge>,
) -> (Option<f64>, Option<f64>, Shape) {
    let hv = high_value.unwrap_or(value);
    let (low, high, shape) = match hedge {
        None | Some(Hedge::Exact) => (
            Some(value),
            Some(hv),
            if high_value.is_some() {
                Shape::Range
            } else {
                Shape::Exact
            },
        ),
        Some(Hedge::AtLeast) => (Some(value), None, Shape::AtLeast),
        Some(Hedge::AtMost) => (None, Some(hv), Shape::AtMost),
        Some(Hedge::Nearly) => (Some(value * (1.0 - ABOUT)), Some(hv), Shape::Nearly),
        // A range already says how uncertain it is: "about 40-50" is 40 to 50.
        Some(Hedge::About) if high_value.is_some() => (Some(value), Some(hv), Shape::Range),
        Some(Hedge::About) => (
            Some(value * (1.0 - ABOUT)),
            Some(value * (1.0 + ABOUT)),
            Shape::About,
        ),
    };
    // Negative values: keep low below high.
    match (low, high) {
        (Some(l), Some(h)) if l > h => (Some(h), Some(l), shape),
        _ => (low, high, shape),
    }
}

/// Decides what "m" glued to a bare number means: `Some(true)` millions ("1.2m kettles"),
/// `Some(false)` metres ("1.8m tall", "a 10m wave"), `None` when nothing tells.
fn glued_m(c: &Cursor<'_>, num: &Num, j: usize, money: bool) -> Option<bool> {
    if money {
        return Some(true);
    }
    let next = j + 1;
    if c.word(next).is_some_and(is_measure_word) || (c.raw(next) == "-" && c.glued(j)) {
        return Some(false);
    }
    if num.start > 0 && c.is_any(num.start - 1, &["a", "an", "the"]) {
        return Some(false);
    }
    // A stretch of something, or a distance from a place: "90m of the bridge", "200m from
    // the river".
    if c.is(next, "from") || c.is(next, "of") && c.is_any(next + 1, &["the", "its", "their"]) {
        return Some(false);
    }
    if c.word(next).is_some_and(|w| {
        w.chars().all(|ch| ch.is_alphabetic()) && !matches!(w, "is" | "was" | "are" | "were")
    }) {
        return Some(true);
    }
    // Measures come together: "100t and … 48m", "1m is equal to 10 dm".
    let other_measure = (0..c.len()).any(|k| {
        k != j
            && k > 0
            && c.kind(k - 1) == Some(TokenKind::Number)
            && (c
                .word(k)
                .and_then(unit_word)
                .is_some_and(|u| kind_of(u) != "other" && !is_money(u))
                || (c.glued(k - 1) && c.word(k).and_then(glued_unit).is_some()))
    });
    other_measure.then_some(false)
}

/// The rest of a range written in one word after digits: "k-20k" in "5k-20k", "bn-2bn".
/// Returns the scale of the first figure and the second figure.
fn scaled_range_word(w: &str) -> Option<(f64, f64)> {
    let (left, right) = w.split_once(is_dash)?;
    let s1 = scale_after(left).filter(|_| left != "m")?;
    let digits = right.bytes().take_while(u8::is_ascii_digit).count();
    let v: f64 = right[..digits].parse().ok()?;
    let rest = &right[digits..];
    let s2 = if rest.is_empty() {
        s1
    } else {
        scale_after(rest).filter(|_| rest != "m")?
    };
    Some((s1, v * s2))
}

/// The end of a range after a number: "-5", " to 5", " and 5" after "between", "~5".
struct RangeEnd {
    /// Scale for the first figure when only the second wrote it ("2-5 million").
    low_scale: f64,
    /// The second figure, scaled.
    high: f64,
    /// The token after it.
    end: usize,
}

/// Reads the end of a range at token `j` after the number `num` (worth `value` with its scale;
/// `scaled` when it has one). `lead_start` is the quantity's first token (before a currency
/// sign), `currency` its currency.
#[allow(clippy::too_many_arguments)]
fn range_end(
    c: &Cursor<'_>,
    num: &Num,
    lead_start: usize,
    j: usize,
    value: f64,
    scaled: bool,
    between: bool,
    currency: Option<&'static str>,
) -> Option<RangeEnd> {
    let r = c.raw(j);
    let dash = r == "-" || r == "\u{2013}" || r == "~";
    // The spacing is looked at only around a dash.
    let symmetric = || (c.glued(j - 1) && c.glued(j)) || (c.spaced(j - 1) && c.spaced(j));
    let word = c.is_any(j, &["to", "through", "thru"]) || (between && c.is(j, "and"));
    if !((dash && symmetric()) || word) {
        return None;
    }
    // Phone numbers and codes: "+1-222-2222", "222-2222-2222".
    let chain_after = |k: usize| c.glued(k) && matches!(c.raw(k + 1), "-" | "/") && c.glued(k + 1);
    let chain_before = num.start >= 2
        && matches!(c.raw(num.start - 1), "-" | "/")
        && c.glued(num.start - 1)
        && c.glued(num.start - 2)
        && c.kind(num.start - 2) == Some(TokenKind::Number);
    if dash && chain_before {
        return None;
    }
    // "rose from 14 to 31": two figures.
    if lead_start >= 2
        && c.is(lead_start - 1, "from")
        && c.word(lead_start - 2).is_some_and(is_change_verb)
    {
        return None;
    }
    let mut k = j + 1;
    if let Some(sym) = currency_symbol(c.raw(k)) {
        if currency.is_some_and(|u| u != sym) {
            return None;
        }
        k += 1;
    }
    let hi = numbers::read(c, k, false)?;
    if hi.share || hi.value < 0.0 {
        return None;
    }
    let mut e = hi.end;
    // The second figure's own scale: read with it ("10 million"), or after it ("5-10m").
    let mut hi_scale = if hi.scaled {
        c.word(e - 1).and_then(scale_after).unwrap_or(1.0)
    } else {
        1.0
    };
    if !hi.scaled
        && !hi.words
        && let Some(s) = c.word(e).and_then(scale_after)
    {
        let million = c.raw(e) != "m"
            || currency.is_some()
            || (c.glued(e - 1) && glued_m(c, &hi, e, false) == Some(true));
        if million {
            hi_scale = s;
            e += 1;
        }
    }
    let hi_raw = if hi.scaled {
        hi.value / hi_scale
    } else {
        hi.value
    };
    let mut high = hi_raw * hi_scale;
    let mut low_scale = 1.0;
    if hi_scale != 1.0 && !scaled && num.value < hi_raw {
        // "2-5 million": the scale is the first figure's too ("500 to 2 million" is not).
        low_scale = hi_scale;
    } else if hi_scale == 1.0 && scaled && num.value != 0.0 {
        // "£5m-6": the first figure's scale carries over.
        high *= value / num.value;
    }
    // "2012–13" is a season, not a range.
    let season = !num.words && c.raw(num.start).len() == 4 && c.raw(k).len() == 2;
    if season || (dash && chain_after(e - 1)) {
        return None;
    }
    (high > value * low_scale).then_some(RangeEnd {
        low_scale,
        high,
        end: e,
    })
}

/// A unit read after a number.
struct UnitRead {
    /// The unit's symbol.
    unit: &'static str,
    /// Factor to the unit's main form ("cents" are 0.01 dollars).
    factor: f64,
    /// Added after the factor ("5 ft 2 in" adds 2/12 ft).
    add: f64,
    /// The token after the unit.
    end: usize,
}

/// A unit or currency after a number at token `j`.
fn unit_after(c: &Cursor<'_>, num: &Num, j: usize) -> Option<UnitRead> {
    let (unit, factor, end) = unit_after_inner(c, num, j)?;
    let mut read = UnitRead {
        unit,
        factor,
        add: 0.0,
        end,
    };
    // "5 ft 2 in", "5 feet and 2 inches".
    if unit == "ft" {
        let k = if c.is(end, "and") { end + 1 } else { end };
        if let Some(inches) = plain_small(c, k)
            && c.is_any(k + 1, &["in", "inch", "inches"])
        {
            read.add = inches / 12.0;
            read.end = k + 2;
        }
    }
    Some(read)
}

/// The unit reader proper (without the inches of "5 ft 2 in").
fn unit_after_inner(c: &Cursor<'_>, num: &Num, j: usize) -> Option<(&'static str, f64, usize)> {
    // Most tokens after a number start no unit: a word apart from the number is read only when
    // its shape is one of the words that start a unit (letters glued to digits, such as "p"
    // or "C", are read below), and stops, commas and closing marks start none.
    let none = match c.kind(j) {
        Some(TokenKind::Word) => !c.glued(j - 1) && unit_words().after.excludes(c.raw(j)),
        Some(TokenKind::Punct) => {
            matches!(c.raw(j), "," | "." | ";" | ":" | ")" | "?" | "!" | "\"")
        }
        _ => false,
    };
    if none {
        debug_assert!(unit_read(c, num, j).is_none(), "{}", c.raw(j));
        return None;
    }
    unit_read(c, num, j)
}

/// [`unit_after_inner`] for any token.
fn unit_read(c: &Cursor<'_>, num: &Num, j: usize) -> Option<(&'static str, f64, usize)> {
    let raw = c.raw(j);
    if raw.is_empty() {
        return None;
    }
    let glued = c.glued(j - 1);
    if raw == "%" {
        return Some(("percent", 1.0, j + 1));
    }
    // The token in lower case, compared with the words below once fetched.
    let low = c.ascii_lower(j);
    if low == "per" && c.is(j + 1, "cent") {
        return Some(("percent", 1.0, j + 2));
    }
    // Degrees: "30°C", "40 deg celsius", "100.2 degrees farenheit"; bare degrees name no
    // scale.
    if matches!(raw, "°" | "º") || matches!(low, "degree" | "degrees" | "deg") {
        let mut k = j + 1;
        if c.raw(k) == "." && low == "deg" {
            k += 1;
        }
        let scale = match c.raw(k) {
            "C" | "c" => Some("C"),
            "F" | "f" => Some("F"),
            "K" => Some("K"),
            w => unit_word(w).filter(|u| matches!(*u, "C" | "F" | "K")),
        };
        return Some(match scale {
            Some(s) => (s, 1.0, k + 1),
            None => (bare_degrees(c, c.tokens[j].start), 1.0, j + 1),
        });
    }
    // Currency after the amount: "10 €", "100₾", "50 dollar", "10 us dollar", "30 MUSD".
    if let Some(code) = currency_symbol(raw) {
        // "1 $10 bill": a sign glued to the next number is that number's.
        if c.glued(j) && c.kind(j + 1) == Some(TokenKind::Number) {
            return None;
        }
        return Some((code, 1.0, j + 1));
    }
    if let Some(code) = million_code(raw) {
        return Some((code, 1e6, j + 1));
    }
    if let Some(code) = currency_code(raw)
        // "3 USD50": the code belongs to the number glued after it.
        && !(c.glued(j) && c.kind(j + 1) == Some(TokenKind::Number))
    {
        return Some((code, 1.0, j + 1));
    }
    if let Some((code, f, n)) = currency_name_at(c, j, low) {
        let pounds = c.is_any(j + n - 1, &["pound", "pounds"]) && code == "GBP";
        if pounds && weight_context(c, num.start) {
            return Some(("lb", 1.0, j + n));
        }
        return Some((code, f, j + n));
    }
    // Glued letters: "415p" or "6.1p" pence, "11c" cents, "30C" Celsius, "107.2F", "100t", "5l".
    if glued && c.kind(j) == Some(TokenKind::Word) {
        // The letter ends the figure: a space, or a stop, comma or bracket that is not part of
        // "p.m." ("345p." ends a sentence).
        let ends = !c.glued(j)
            || matches!(c.raw(j + 1), "," | ";" | ":" | ")")
            || c.raw(j + 1) == "." && !(c.glued(j + 1) && c.kind(j + 2) == Some(TokenKind::Word));
        match raw {
            "p" if ends => return Some(("GBP", 0.01, j + 1)),
            "c" if ends => return Some(("USD", 0.01, j + 1)),
            "C" | "F" if !(c.glued(j) && c.raw(j + 1) == "/") => {
                // "30C", "107.2F"; not "Boeing 777F", "the 13F filing", "13F be filed".
                let named = num.start > 1
                    && c.word(num.start - 1)
                        .is_some_and(crate::text::is_capitalized);
                let next_ok = c.word(j + 1).is_none() || c.is_any(j + 1, &AFTER_TEMPERATURE);
                if !named && (num.decimal || next_ok || temperature_context(c)) {
                    return Some((if raw == "C" { "C" } else { "F" }, 1.0, j + 1));
                }
                return None;
            }
            _ => {
                if let Some(u) = glued_unit(raw)
                    && !(c.glued(j) && c.kind(j + 1) == Some(TokenKind::Number))
                {
                    return Some((u, 1.0, j + 1));
                }
            }
        }
    }
    // "68-ounce", "12-cent", "90-year-old", "6-foot".
    if raw == "-" && glued && c.glued(j) {
        let w = c.word(j + 1)?;
        let first = before_dash(w);
        if let Some(u) = unit_word(first).filter(|u| *u != "deg") {
            return Some((u, 1.0, j + 2));
        }
        if let Some((code, f)) = currency_noun(first) {
            return Some((code, f, j + 2));
        }
        return None;
    }
    // Units in brackets: "20 (kg)", "20 [kg]".
    if let Some(close) = match raw {
        "(" => Some(")"),
        "[" => Some("]"),
        "{" => Some("}"),
        "<" => Some(">"),
        _ => None,
    } {
        let u = c.word(j + 1).and_then(unit_word)?;
        return (c.raw(j + 2) == close && c.glued(j) && c.glued(j + 1)).then_some((u, 1.0, j + 3));
    }
    // "square metres", "sq km", "cubic feet", "metric tons".
    let mut k = j;
    let power: u8 = if matches!(low, "square" | "sq") {
        k += if c.raw(j + 1) == "." { 2 } else { 1 };
        2
    } else if matches!(low, "cubic" | "cu") {
        k += 1;
        3
    } else {
        if matches!(low, "metric" | "short" | "long")
            && c.word(j + 1).and_then(unit_word) == Some("t")
        {
            k += 1;
        }
        1
    };
    let w = c.word(k)?;
    // "5m-long", "10km-wide": the unit before a dimension's adjective.
    let w = match split_hyphen(w) {
        Some((head, "long" | "high" | "wide" | "deep" | "tall" | "thick")) if c.glued(k - 1) => {
            head
        }
        _ => w,
    };
    let mut u = unit_word(w).or_else(|| (w == "m").then_some("m"))?;
    // "24703 m212", "A4": letters glued to more digits are a code.
    if c.glued(k) && c.kind(k + 1) == Some(TokenKind::Number) && !matches!(c.raw(k + 1), "2" | "3")
    {
        return None;
    }
    if u == "deg" || (u == "percent" && power != 1) {
        return None;
    }
    let mut e = k + 1;
    // "0.25 percentage points": a difference of percentages, not a percentage.
    if u == "percent" && c.is_any(e, &["point", "points"]) {
        return Some(("pp", 1.0, e + 1));
    }
    if power > 1 {
        u = power_of(u, power)?;
    } else if c.glued(k) && matches!(c.raw(e), "2" | "²" | "3" | "³") {
        // "km2", "24703m2", "m³".
        let p = if matches!(c.raw(e), "2" | "²") { 2 } else { 3 };
        if let Some(sq) = power_of(u, p) {
            u = sq;
            e += 1;
        }
    }
    // Speeds: "miles per hour", "miles an hour", "km/h", "km/hr", "centimeters/millisecond".
    if matches!(u, "mi" | "km" | "m" | "cm") {
        let per =
            c.is_any(e, &["per", "an", "a"]) || (c.raw(e) == "/" && c.glued(e - 1) && c.glued(e));
        let per = per.then_some(e + 1);
        if let Some(p) = per
            && let Some(s) = c.word(p).and_then(time_unit).and_then(|t| speed(u, t))
        {
            return Some((s, 1.0, p + 1));
        }
    }
    Some((u, 1.0, e))
}

/// A whole number below 100 at token `k` in digits.
fn plain_small(c: &Cursor<'_>, k: usize) -> Option<f64> {
    if c.kind(k) != Some(TokenKind::Number) {
        return None;
    }
    let v: f64 = c.raw(k).parse().ok()?;
    (v < 100.0 && v.fract() == 0.0).then_some(v)
}

/// Cents after an amount of money: "50 cents", "and forty-five cents", "50" at the end of the
/// amount ("15 dollars 50."). Returns the cents and the next token.
fn cents_after(c: &Cursor<'_>, j: usize) -> Option<(f64, usize)> {
    let k = if c.is(j, "and") { j + 1 } else { j };
    let n = numbers::read(c, k, false)?;
    if n.value <= 0.0 || n.value >= 100.0 || n.value.fract() != 0.0 || n.share || n.scaled {
        return None;
    }
    if c.word(n.end).is_some_and(is_subunit) {
        return Some((n.value, n.end + 1));
    }
    // Without a subunit word the number must end the amount: nothing counted after it.
    let ends = match c.kind(n.end) {
        None => true,
        Some(TokenKind::Punct) => currency_symbol(c.raw(n.end)).is_none(),
        Some(TokenKind::Word) => c.is_any(n.end, &["and", "more", "less", "or"]),
        _ => false,
    };
    ends.then_some((n.value, n.end))
}

/// "percent of 10", "per cent of twenty-two": the unit before the number.
fn percent_of(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let k = if c.is_any(i, &["percent", "percents", "percentage"]) {
        i + 1
    } else if c.is(i, "per") && c.is(i + 1, "cent") {
        i + 2
    } else {
        return None;
    };
    if i > 0 && (c.kind(i - 1) == Some(TokenKind::Number) || starts_number(c, i - 1))
        || !c.is(k, "of")
    {
        return None;
    }
    let n = numbers::read(c, k + 1, false)?;
    Some(Found {
        start: i,
        end: n.end,
        value: n.value,
        high_value: None,
        low: Some(n.value),
        high: Some(n.value),
        unit: Some("percent"),
        hedge: None,
        shape: Shape::Exact,
        num_start: n.start,
        num_end: n.end,
        look_back: i,
    })
}

/// "seven-year", "ten-mile", "one-yen": a number word joined to a unit by a hyphen.
fn hyphenated_unit(c: &Cursor<'_>, i: usize, floor: usize) -> Option<Found> {
    let w = c.word(i)?;
    if !w.contains(is_dash) {
        return None;
    }
    let (value, n) = leading_number_parts(w)?;
    let rest = w.split(is_dash).nth(n)?;
    let (unit, factor) = match unit_word(rest) {
        Some(u) if u != "deg" && u != "percent" => (u, 1.0),
        _ => currency_noun(rest)?,
    };
    let value = value * factor;
    let (hedge, kind) = match hedge_before(c, i, floor) {
        Some((r, h)) => (Some(r), Some(h)),
        None => (None, None),
    };
    let (low, high, shape) = interval(value, None, kind);
    let start = hedge.as_ref().map_or(i, |r| r.start);
    Some(Found {
        start,
        end: i + 1,
        value,
        high_value: None,
        low,
        high,
        unit: Some(unit),
        hedge,
        shape,
        num_start: i,
        num_end: i + 1,
        look_back: start,
    })
}

/// "one in 10", "1 out of 5", "one over three" as a percentage; "2000 over 3" as a number,
/// given the first number `a`, read at token `i`.
fn ratio(c: &Cursor<'_>, a: &Num, i: usize, floor: usize) -> Option<Found> {
    if a.share || a.scaled {
        return None;
    }
    let (k, over) = if c.is(a.end, "in") {
        (a.end + 1, false)
    } else if c.is(a.end, "out") && c.is(a.end + 1, "of") {
        (a.end + 2, false)
    } else if c.is(a.end, "over") {
        (a.end + 1, true)
    } else {
        return None;
    };
    let b = numbers::read(c, k, false)?;
    if b.value <= 0.0 || b.share || b.value.fract() != 0.0 || is_year(c, &b) {
        return None;
    }
    if over {
        // "over" divides only when nothing is counted: "$2000 over 3 years" is a period.
        if c.kind(b.end) == Some(TokenKind::Word) || c.kind(b.end) == Some(TokenKind::Symbol) {
            return None;
        }
    } else if a.value >= b.value
        || a.value < 0.0
        || c.word(b.end)
            .and_then(unit_word)
            .is_some_and(|u| u != "percent")
    {
        // "one in 5 years" is no share.
        return None;
    }
    let share = a.value / b.value;
    let (value, unit) = if share.abs() <= 1.0 {
        (100.0 * share, Some("percent"))
    } else {
        (share, None)
    };
    let (hedge, kind) = match hedge_before(c, i, floor) {
        Some((r, h)) => (Some(r), Some(h)),
        None => (None, None),
    };
    let (low, high, shape) = interval(value, None, kind);
    let start = hedge.as_ref().map_or(i, |r| r.start);
    Some(Found {
        start,
        end: b.end,
        value,
        high_value: None,
        low,
        high,
        unit,
        hedge,
        shape,
        num_start: a.start,
        num_end: b.end,
        look_back: start,
    })
}

/// True for a number shaped like a year: four digits from 1800 to 2100, no separator.
fn is_year(c: &Cursor<'_>, num: &Num) -> bool {
    let first = c.raw(num.start);
    !num.words
        && num.end == num.start + 1
        && first.len() == 4
        && (1800.0..=2100.0).contains(&num.value)
        && first.bytes().all(|b| b.is_ascii_digit())
}

/// Rejects numbers that are not quantities: clock times, years, ordinals, "No 10", codes
/// ("A4", "G7"), "one" as a pronoun.
fn is_quantity_context(c: &Cursor<'_>, num: &Num, money: bool, lex: &Lexicon) -> bool {
    let first = c.raw(num.start);
    let next = c.raw(num.end);
    if c.is_any(
        num.end,
        &[
            "am", "pm", "a.m", "p.m", "st", "nd", "rd", "th", "o'clock", "a.m.", "p.m.",
        ],
    ) {
        return false;
    }
    if !num.words && first.contains('.') && c.is_any(num.end, &["am", "pm"]) {
        return false;
    }
    // Clock times in words: "half past ten", "quarter to nine", "five past six".
    if num.start >= 2
        && (c.is(num.start - 1, "past")
            && (c.is_any(num.start - 2, &["half", "quarter"]) || starts_number(c, num.start - 2))
            || c.is(num.start - 1, "to") && c.is(num.start - 2, "quarter"))
    {
        return false;
    }
    // Decades and plurals of numbers: "the 1990s", "in her 20s".
    if !num.words && c.glued(num.end - 1) && c.is_any(num.end, &["s", "'s", "’s"]) {
        return false;
    }
    if money {
        return true;
    }
    // Codes: a number glued to letters before it ("A4", "G7", "M25").
    if num.start > 0
        && c.glued(num.start - 1)
        && c.kind(num.start - 1) == Some(TokenKind::Word)
        && c.kind(num.start) == Some(TokenKind::Number)
    {
        return false;
    }
    // Years: four digits, no separator, not followed by a scale or unit.
    if is_year(c, num)
        && scale_after(next).is_none()
        && unit_word(next).filter(|u| *u != "deg").is_none()
        && currency_noun(next).is_none()
        && next != "%"
    {
        return false;
    }
    // The second half of "2012–13" or of a score "3-1"; a longer chain ("+1-222-2222") is
    // a run of numbers, each read.
    if num.start >= 2
        && c.glued(num.start - 1)
        && c.glued(num.start - 2)
        && c.raw(num.start - 1).chars().all(is_dash)
        && c.kind(num.start - 2) == Some(TokenKind::Number)
    {
        let a = num.start - 2;
        let chain_before = a > 0 && c.glued(a - 1) && matches!(c.raw(a - 1), "-" | "+" | "/");
        let chain_after = c.glued(num.end - 1) && matches!(c.raw(num.end), "-" | "/");
        if !(chain_before || chain_after) {
            return false;
        }
    }
    // Numbers used as names: "No 10", "No. 10", "Article 5", "Route 66", "Highway 49".
    if num.start > 0 {
        let name_at = if c.raw(num.start - 1) == "." && num.start > 1 {
            num.start - 2
        } else {
            num.start - 1
        };
        let p = c.raw(name_at);
        let p = p.trim_end_matches('.');
        let mut buf = [0u8; 24];
        // The capital first: most words before a number have none.
        if crate::text::is_capitalized(c.raw(name_at))
            && matches!(
                lower(p, &mut buf),
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
                    | "highway"
                    | "hwy"
                    | "interstate"
                    | "channel"
                    | "pier"
                    | "runway"
                    | "berth"
                    | "dock"
                    | "station"
                    | "precinct"
                    | "district"
                    | "building"
                    | "studio"
            )
        {
            return false;
        }
    }
    // A model or index named by a number after a name and an article: "the CozyCore 1500
    // heater", "the Boeing 737", "The FTSE 100 fell" (a count follows no name there: "in
    // Leeds 300 people marched").
    if !num.words && num.start > 0 {
        let names = (0..num.start)
            .rev()
            .take_while(|&k| c.word(k).is_some_and(crate::text::is_capitalized))
            .take(3)
            .count();
        // The name first: most numbers follow none, and the words before it are not looked at.
        let article = || {
            num.start.checked_sub(names + 1).is_some_and(|k| {
                c.is_any(
                    k,
                    &[
                        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
                    ],
                )
            })
        };
        // "the NHS's 42 integrated care systems" counts the owner's.
        let owner = || crate::text::is_possessive(c.raw(num.start - 1));
        if names > 0
            && article()
            && !owner()
            && scale_after(next).is_none()
            && next != "%"
            && c.word(num.end).and_then(unit_word).is_none()
        {
            return false;
        }
    }
    // "one" as a pronoun or article: "one of", "no one", "the one"; not "that one mile".
    let unit_next = || {
        c.word(num.end).is_some_and(|w| {
            unit_word(w).is_some_and(|u| u != "percent") || currency_noun(w).is_some()
        })
    };
    if num.words
        && num.value == 1.0
        && num.end == num.start + 1
        && c.is(num.start, "one")
        && !unit_next()
    {
        let after = c.word(num.end);
        let noun_at = |k: usize| {
            c.word(k).is_some_and(|w| {
                !lex.is_stopword(w)
                    && !w.eq_ignore_ascii_case("in")
                    && w.chars().all(|ch| ch.is_lowercase() || is_dash(ch))
            })
        };
        // "one last time", "one more day": a modifier, then the noun counted.
        let modified = after
            .is_some_and(|w| matches!(w, "last" | "more" | "final" | "extra" | "other"))
            && noun_at(num.end + 1);
        let follows_noun = noun_at(num.end) || modified;
        let prev_word = num.start.checked_sub(1).map_or("", |k| c.raw(k));
        let mut buf = [0u8; 24];
        if !follows_noun
            || matches!(
                lower(prev_word, &mut buf),
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

// ---------------------------------------------------------------------------------------------
// Facts

fn build_fact(c: &Cursor<'_>, s: &Sentence, q: &Found) -> Fact {
    let span = c.tokens[q.start].start..c.tokens[q.end - 1].end;
    let raw = c.text[span.clone()].to_owned();
    let hedge = q
        .hedge
        .as_ref()
        .map(|r| c.text[c.tokens[r.start].start..c.tokens[r.end - 1].end].to_owned())
        .or_else(|| (q.shape == Shape::Range).then(|| "range".to_owned()));
    let referent = referent(c, q);
    let event = event_near(c, s, q);
    let unit = q.unit.map(str::to_owned);
    let (low, high) = rounded_share(q);
    let value = display(q, unit.as_deref());
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
            hedge,
            referent,
            event,
            conversion: false,
            against: q.high_value.filter(|_| matches!(q.shape, Shape::Score(_))),
        }),
    }
}

/// A share that does not end in two decimals ("two-thirds" = 66.666…%) is usually written
/// rounded: its interval spans the roundings to two decimals, so "66.67%" agrees with it.
fn rounded_share(q: &Found) -> (Option<f64>, Option<f64>) {
    let exact = q.shape == Shape::Exact && q.low == q.high;
    let v = q.value * 100.0;
    if exact && q.unit == Some("percent") && (v - v.round()).abs() > 1e-6 {
        return (Some(v.floor() / 100.0), Some(v.ceil() / 100.0));
    }
    (q.low, q.high)
}

/// Writes a number without trailing zeros at the end of `out`.
fn push_num(out: &mut String, v: f64) {
    use std::fmt::Write;
    // Writing to a string cannot fail.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        // A whole number below 1e15 is exact as an integer, whose digits are written here
        // far faster than by the formatter; the sign is the float's, so -0 keeps it.
        if v.is_sign_negative() {
            out.push('-');
        }
        push_digits(out, v.abs() as u64, 1);
        return;
    }
    // Most other figures have four decimals or fewer ("2.5", "3.75", a share rounded to two):
    // `v` is then the float nearest `m / 10^4` for the integer `m` of its ten-thousandths,
    // and below 1e10 it lies within a tenth of a ten-thousandth of that decimal, so `m` is
    // the four decimals the formatter would round it to, and its digits are written here.
    let m = (v * 1e4).round();
    if v.abs() < 1e10 && m / 1e4 == v {
        if v.is_sign_negative() {
            out.push('-');
        }
        let m = m.abs() as u64;
        push_digits(out, m / 10_000, 1);
        out.push('.');
        // Four decimals, leading zeros kept, trailing ones dropped: `v` is no whole number,
        // so one at least is not zero.
        let frac = m % 10_000;
        let decimals = [frac / 1000, frac / 100 % 10, frac / 10 % 10, frac % 10];
        let kept = 4 - decimals.iter().rev().take_while(|&&d| d == 0).count();
        out.extend(decimals[..kept].iter().map(|&d| char::from(b'0' + d as u8)));
        return;
    }
    let start = out.len();
    let _ = write!(out, "{v:.4}");
    // The trailing zeros of the decimals, then the stop if no decimal is left; the integer
    // part ends before the stop, so it keeps its zeros.
    while out.len() > start && out.ends_with('0') {
        out.pop();
    }
    if out.len() > start && out.ends_with('.') {
        out.pop();
    }
}

/// The value as shown in reports: "≥ GBP 330000000", "20-30", "≈ 67%", written into one
/// string.
fn display(q: &Found, unit: Option<&str>) -> String {
    // A share is shown to two decimals of a percent.
    let percent = unit == Some("percent");
    let shown = |v: f64| {
        if percent {
            (v * 100.0).round() / 100.0
        } else {
            v
        }
    };
    let (first, second) = match (q.shape, q.high_value) {
        (Shape::Range, None) => (q.low.unwrap_or(q.value), Some(q.high.unwrap_or(q.value))),
        (_, high) => (q.value, high),
    };
    let prefix = match q.shape {
        Shape::AtLeast => "≥ ",
        Shape::AtMost => "≤ ",
        Shape::Nearly => "≲ ",
        Shape::About => "≈ ",
        Shape::Exact | Shape::Range | Shape::Score(_) => "",
    };
    let mut out = String::with_capacity(32);
    out.push_str(prefix);
    let money = unit.filter(|u| is_money(u));
    if let Some(u) = money {
        out.push_str(u);
        out.push(' ');
    }
    push_num(&mut out, shown(first));
    if let Some(h) = second {
        out.push('-');
        push_num(&mut out, shown(h));
    }
    match unit {
        _ if money.is_some() => {}
        Some("percent") => out.push('%'),
        // "3-1": a score shows its two figures only.
        Some(SCORE) => {}
        Some(u) => {
            out.push(' ');
            out.push_str(u);
        }
        None => {}
    }
    out
}

/// Words that end a referent phrase: token `j`, a word.
fn ends_referent(c: &Cursor<'_>, j: usize) -> bool {
    let k = c.words.key(j);
    // The tests on the word itself first.
    k.ends_with("ly")
        || matches!(
            k,
            "worth"
                | "valued"
                | "including"
                | "amid"
                | "across"
                | "since"
                | "per"
                | "a"
                | "an"
                | "aged"
        )
        || c.words.kinds(j).stopword
        || ((k.ends_with("ed") || k.ends_with("ing"))
            && c.words.get(j).is_some_and(|e| e.event.is_some()))
}

/// True for a past-tense verb form ("suffered", "fought"): regular ones by their ending,
/// common irregular ones by name.
fn past_verb(k: &str) -> bool {
    // The irregular forms as patterns, each compared as a constant, not a table searched.
    (k.len() > 4 && k.ends_with("ed") && !k.ends_with("eed") && k != "hundred")
        || matches!(
            k,
            "began"
                | "broke"
                | "brought"
                | "built"
                | "came"
                | "caught"
                | "drove"
                | "fell"
                | "fled"
                | "flew"
                | "fought"
                | "gave"
                | "got"
                | "grew"
                | "had"
                | "held"
                | "kept"
                | "knew"
                | "led"
                | "left"
                | "lost"
                | "made"
                | "met"
                | "ran"
                | "rose"
                | "sat"
                | "saw"
                | "sent"
                | "spent"
                | "stood"
                | "took"
                | "went"
        )
}

/// What the quantity counts: the words after it ("seven aid workers"), or before it
/// ("waiting lists of more than 7million").
fn referent(c: &Cursor<'_>, q: &Found) -> Option<String> {
    if let Shape::Score(what) = q.shape {
        return Some(what.to_owned());
    }
    // "410 metres deep", "900 feet below ground", "in 400 feet of water": a length measured
    // down is a depth; "27
    // miles up", "10km above the ground": one measured up is an altitude.
    const VERTICAL: [(&[&str], &str); 9] = [
        (&["deep"], "depth"),
        (&["underground"], "depth"),
        (&["below", "ground"], "depth"),
        (&["below", "the", "surface"], "depth"),
        (&["beneath", "the", "surface"], "depth"),
        (&["up"], "altitude"),
        (&["above", "ground"], "altitude"),
        (&["above", "the", "ground"], "altitude"),
        (&["of", "water"], "depth"),
    ];
    if q.unit.is_some_and(|u| kind_of(u) == "length")
        && let Some((_, what)) = VERTICAL
            .iter()
            .find(|(ws, _)| ws.iter().enumerate().all(|(i, w)| c.is(q.end + i, w)))
    {
        return Some((*what).to_owned());
    }
    // "a 62-turbine wind farm", "the 300-passenger ferry": the noun joined to the figure and
    // the thing it describes ("turbine wind farm": a farm, of 62 turbines).
    let joined = q.unit.is_none()
        && c.raw(q.end).chars().all(is_dash)
        && c.glued(q.end - 1)
        && c.glued(q.end)
        && c.word(q.end + 1).is_some();
    let mut j = if joined { q.end + 1 } else { q.end };
    if c.is(j, "of") && (q.unit.is_some() || c.word(j + 1).is_some()) {
        j += 1;
        if c.is_any(j, &["the", "a", "an", "their", "its", "his", "her"]) {
            j += 1;
        }
        // A share of a whole counts what the whole counts ("34 of the 61 seats").
        if c.kind(j) == Some(TokenKind::Number) {
            j += 1;
        }
    }
    // Up to three words, as keys of the document's words; one string is made of them.
    let mut words: ArrayVec<&str, 3> = ArrayVec::new();
    while !words.is_full() {
        match c.word(j) {
            // A verb after the noun ends it ("100 firefighters fought the blaze", "8,450
            // voters casting a ballot").
            Some(w)
                if !words.is_empty()
                    && (past_verb(c.words.key(j))
                        || w.len() > 4
                            && w.ends_with("ing")
                            && c.is_any(
                                j + 1,
                                &["a", "an", "the", "their", "its", "his", "her"],
                            )) =>
            {
                break;
            }
            Some(_) if !ends_referent(c, j) && c.scale_at(j).is_none() => {
                words.push(c.words.key(j));
                j += 1;
            }
            _ => break,
        }
    }
    if words.is_empty() {
        // Look back: skip the hedge and linking words; "to" only after a verb of reaching
        // ("turnout rose to 64%"), not after an object ("sentenced the director of a charity
        // to six years": the charity is not what the years count).
        const REACHING: [&str; 6] = ["rose", "fell", "climbed", "came", "jumped", "dropped"];
        let mut k = q.look_back;
        while k > 0
            && !(c.is(k - 1, "to") && (k < 2 || !c.is_any(k - 2, &REACHING)))
            // The words in lower case as patterns (all ASCII: a word that is not matches none).
            && matches!(
                c.ascii_lower(k - 1),
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
                    | "stood"
                    | "stands"
                    | "came"
                    | "climbed"
            )
        {
            k -= 1;
        }
        // A word that describes the amount rather than what it counts ("an initial £48m",
        // "a further 200") is no referent ("estimated" is read as a hedge before this).
        const AMOUNT: [&str; 11] = [
            "initial",
            "additional",
            "further",
            "extra",
            "whopping",
            "staggering",
            "undisclosed",
            "combined",
            "reported",
            "another",
            "record",
        ];
        if k == q.look_back && k > 0 && c.is_any(k - 1, &AMOUNT) {
            return None;
        }
        let mut back: ArrayVec<&str, 3> = ArrayVec::new();
        while back.len() < 2 && k > 0 && !c.is(k - 1, "to") {
            match c.word(k - 1) {
                Some(w)
                    if !ends_referent(c, k - 1)
                        && c.number_word_at(k - 1).is_none()
                        && unit_word(w).is_none()
                        && currency_noun(w).is_none() =>
                {
                    back.push(c.words.key(k - 1));
                    k -= 1;
                }
                _ => break,
            }
        }
        back.reverse();
        words = back;
    }
    let (last, before) = words.split_last()?;
    let last = singular(last);
    // The string is made at its length: no regrowing as the words go in.
    let mut out =
        String::with_capacity(before.iter().map(|w| w.len() + 1).sum::<usize>() + last.len());
    for w in before {
        out.push_str(w);
        out.push(' ');
    }
    out.push_str(&last);
    Some(out)
}

/// The event type of the verb nearest the number, within a few tokens. A verb that reaches the
/// figure ("turnout rose to 64%", "fell to 12") names how the level came about, not what the
/// figure counts, and is passed over.
fn event_near(c: &Cursor<'_>, s: &Sentence, q: &Found) -> Option<String> {
    const WINDOW: usize = 8;
    // The sentence's event words are known: a sentence with none needs no lookups.
    if s.events.is_empty() {
        return None;
    }
    let lo = q.start.saturating_sub(WINDOW);
    let hi = (q.end + WINDOW).min(s.tokens.len());
    let reaches = |k: usize| k + 2 == q.start && c.is(k + 1, "to");
    let event = |k: usize| {
        (lo <= k && k < hi && (k < q.num_start || k >= q.num_end) && !reaches(k))
            .then(|| c.words.get(k).and_then(|e| e.event))
            .flatten()
    };
    // Outwards from the number, the nearest first and the earlier of two as near, stopping
    // at the first event: the window's words are looked up only as far as that.
    let reach = q
        .num_start
        .saturating_sub(lo)
        .max(hi.saturating_sub(q.num_start));
    (1..=reach)
        .find_map(|d| {
            q.num_start
                .checked_sub(d)
                .and_then(event)
                .or_else(|| event(q.num_start + d))
        })
        .map(str::to_owned)
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

    /// The first quantity of `text`'s first sentence.
    fn first_quantity(text: &str) -> Option<Quantity> {
        let doc = parse(Source::default(), text, &Lexicon::embedded());
        doc.sentences[0]
            .facts
            .iter()
            .find_map(Fact::quantity)
            .cloned()
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = quantities(text);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn currency_codes_are_sorted_for_their_search() {
        assert_eq!(currency_code("USD"), Some("USD"));
        assert_eq!(currency_code("rmb"), Some("CNY"));
        assert_eq!(currency_code("XBT"), Some("BTC"));
        assert_eq!(currency_code("try"), None);
        assert_eq!(currency_code("Usd"), None);
        assert!(CURRENCY_CODES.windows(2).all(|p| p[0].0 < p[1].0));
    }

    #[test]
    fn hedge_phrases_are_lower_case_for_their_lookup() {
        for (phrase, _) in HEDGES {
            for w in *phrase {
                assert!(
                    w.len() <= 24 && !w.bytes().any(|b| b.is_ascii_uppercase()),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn whole_numbers_format_as_floats_do() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            42.0,
            330e6,
            -2.5e9,
            999_999_999_999_999.0,
        ] {
            assert_eq!(fmt_num(v), format!("{v:.0}"));
        }
        assert_eq!(fmt_num(1e15), "1000000000000000");
        assert_eq!(fmt_num(0.125), "0.125");
        assert_eq!(fmt_num(-0.00001), "-0");
        assert_eq!(fmt_num(100.00001), "100");
        assert_eq!(fmt_num(2.5e15), "2500000000000000");
        assert_eq!(fmt_num(f64::INFINITY), "inf");
    }

    #[test]
    fn decimals_format_as_the_formatter_rounds_them() {
        // What the formatter writes, to four decimals, trailing zeros dropped.
        let formatted = |v: f64| {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        let mut values = vec![
            0.5,
            -2.5,
            3.75,
            0.0001,
            -0.0009,
            12.3456,
            66.67,
            9_999_999_999.999_9,
        ];
        for k in 1..20_000 {
            let k = f64::from(k);
            values.extend([k / 10_000.0, k / 3.0, k * 1.1, -k / 7.0, k * 1e5 + 0.05]);
        }
        for v in values {
            assert_eq!(fmt_num(v), formatted(v), "{v:e}");
        }
    }

    /// [`push_num`] into an empty string.
    fn fmt_num(v: f64) -> String {
        let mut s = String::new();
        push_num(&mut s, v);
        s
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
    fn currencies_codes_prefixes_and_subunits() {
        check(
            "It cost 10 € and us $ 150 million, hk $ 10.05 billion and c $ 1.34.",
            &[
                ("10 €", "EUR 10"),
                ("us $ 150 million", "USD 150000000"),
                ("hk $ 10.05 billion", "HKD 10050000000"),
                ("c $ 1.34", "CAD 1.34"),
            ],
        );
        check(
            "They sold 125 million australian dollars of bonds.",
            &[("125 million australian dollars", "AUD 125000000")],
        );
        check(
            "It only cost thirteen dollars and forty-five cents.",
            &[("thirteen dollars and forty-five cents", "USD 13.45")],
        );
        check(
            "An offer of 415p a share and 50 cents more per barrel.",
            &[("415p", "GBP 4.15"), ("50 cents", "USD 0.5")],
        );
        // Pence and cents before a stop or a comma; not "3p.m.".
        check(
            "Shares fell 12p, to 345p.",
            &[("12p", "GBP 0.12"), ("345p", "GBP 3.45")],
        );
        check(
            "The dividend was held at 6.1p a share, up 0.25p.",
            &[("6.1p", "GBP 0.061"), ("0.25p", "GBP 0.0025")],
        );
        check("Analysts forecast 85c.", &[("85c", "USD 0.85")]);
        // "in" glued to its number is inches.
        check(
            "It recorded 94mm (3.7in) of rain, 5 in the morning.",
            &[("94mm", "94 mm"), ("3.7in", "3.7 in"), ("5", "5")],
        );
        // A scale or unit before a hyphen: "£1.2bn-a-year", "£330m-a-year", "5m-long".
        check(
            "A £1.2bn-a-year business signed a £330m-a-year deal for a 5m-long wall.",
            &[
                ("£1.2bn-a-year", "GBP 1200000000"),
                ("£330m-a-year", "GBP 330000000"),
                ("5m-long", "5 m"),
            ],
        );
        // Percentage points are not a percentage.
        check(
            "Rates rose 0.25 percentage points to 5.25%, a 2 percentage-point rise in a year.",
            &[
                ("0.25 percentage points", "0.25 pp"),
                ("5.25%", "5.25%"),
                ("2 percentage-point", "2 pp"),
            ],
        );
        check(
            "The one-yen bid, 30 MUSD, Rs 500 and 100 billion yuan.",
            &[
                ("one-yen", "JPY 1"),
                ("30 MUSD", "USD 30000000"),
                ("Rs 500", "INR 500"),
                ("100 billion yuan", "CNY 100000000000"),
            ],
        );
        check(
            "It costs $5-10 million.",
            &[("$5-10 million", "USD 5000000-10000000")],
        );
        check(
            "It got £2 million and 300 jobs.",
            &[("£2 million", "GBP 2000000"), ("300", "300")],
        );
    }

    #[test]
    fn comparatives_are_intervals() {
        check(
            "His age is no less than thirty.",
            &[("no less than thirty", "≥ 30")],
        );
        check(
            "Find those less than or equal to 100, x>10 and y< = 100.",
            &[
                ("less than or equal to 100", "≤ 100"),
                (">10", "≥ 10"),
                ("< = 100", "≤ 100"),
            ],
        );
        check(
            "It is greater than 100 and smaller than 300.",
            &[("greater than 100 and smaller than 300", "100-300")],
        );
        check(
            "More than 40 and less than 10 apply.",
            &[("More than 40", "≥ 40"), ("less than 10", "≤ 10")],
        );
        check("Scores of 200 or greater.", &[("200 or greater", "≥ 200")]);
    }

    #[test]
    fn ranges_are_the_figures_written() {
        check("Between 20 and 30 came.", &[("Between 20 and 30", "20-30")]);
        check(
            "He is about 40 - 50 years old.",
            &[("about 40 - 50 years old", "40-50 year")],
        );
        check(
            "Prices ranged from 10 to 20 and 10~20 or 5k-20k.",
            &[
                ("from 10 to 20", "10-20"),
                ("10~20", "10-20"),
                ("5k-20k", "5000-20000"),
            ],
        );
        // A change states two figures, not a range.
        check(
            "The toll rose from 14 to 31.",
            &[("14", "14"), ("31", "31")],
        );
        // The unit written after both figures.
        check(
            "They were between 18% and 24% less likely to fall ill.",
            &[("between 18% and 24%", "18-24%")],
        );
        check(
            "Temperatures of 30C to 35C and from 5km to 8km.",
            &[("30C to 35C", "30-35 C"), ("from 5km to 8km", "5-8 km")],
        );
        check(
            "Prices rose from 10% to 12%.",
            &[("10%", "10%"), ("12%", "12%")],
        );
    }

    #[test]
    fn fractions_of_units_are_parts_of_them() {
        check(
            "Fires landed a quarter-mile ahead after a half-hour wait.",
            &[("quarter-mile", "0.25 mi"), ("half-hour", "0.5 hour")],
        );
        check("His half-brother reached the quarter-final.", &[]);
        check(
            "It took a year and a half, then three days and a half.",
            &[
                ("a year and a half", "1.5 year"),
                ("three days and a half", "3.5 day"),
            ],
        );
    }

    #[test]
    fn decades_and_centuries_are_durations() {
        check(
            "She has lived there for nearly three decades.",
            &[("nearly three decades", "≲ 3 decade")],
        );
        check(
            "The church is four centuries old.",
            &[("four centuries old", "4 century")],
        );
    }

    #[test]
    fn scores_and_tallies_are_one_figure_of_two() {
        check(
            "Rovers beat Harcourt City 3-1 on Saturday.",
            &[("3-1", "3-1")],
        );
        check("It finished 2-2.", &[("2-2", "2-2")]);
        check("They lost 1-3 at home.", &[("1-3", "1-3")]);
        check("A 1\u{2013}2 defeat followed.", &[("1\u{2013}2", "1-2")]);
        check(
            "The committee voted by seven votes to five.",
            &[("seven votes to five", "7-5")],
        );
        check("It was approved by 41 to 19.", &[("41 to 19", "41-19")]);
        check(
            "The committee voted 9 to 3 in favour.",
            &[("9 to 3", "9-3")],
        );
        check("Harlow beat Ashby 31 to 20.", &[("31 to 20", "31-20")]);
        let q = first_quantity("Plans were approved in an 8-4 vote.").unwrap();
        assert_eq!(
            (q.value, q.against, q.unit.as_deref(), q.referent.as_deref()),
            (8.0, Some(4.0), Some(SCORE), Some("vote"))
        );
        let q = first_quantity("Ashby won 2-0 at home.").unwrap();
        assert_eq!(q.referent.as_deref(), Some("score"));
        // Ranges, changes, codes, units and idioms are no scores.
        check(
            "Children aged 5-11 were vaccinated.",
            &[("aged 5-11", "5-11 year")],
        );
        check("Rates were cut to 4-5% last year.", &[("4-5%", "4-5%")]);
        check("The toll rose from 2 to 5.", &[("2", "2"), ("5", "5")]);
        check(
            "The majority fell by 300 votes to 2,000.",
            &[("300", "300"), ("2,000", "2000")],
        );
        for text in ["The shop is open 24-7.", "Call 1-800-555-0199 now."] {
            assert!(
                quantities(text).iter().all(|(raw, _)| !raw.contains('-')),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_in_words_digits_and_fractions() {
        check(
            "One hundred and sixty-one, fifty - two and 3 hundred and 21 people.",
            &[
                ("One hundred and sixty-one", "161"),
                ("fifty - two", "52"),
                ("3 hundred and 21", "321"),
            ],
        );
        check(
            "About 816 000 voted; exercises 22,24,26,31.",
            &[
                ("About 816 000", "≈ 816000"),
                ("22", "22"),
                ("24", "24"),
                ("26", "26"),
                ("31", "31"),
            ],
        );
        check(
            "It fell to -5 or minus 5.",
            &[("-5", "-5"), ("minus 5", "-5")],
        );
        check(
            "Three quarters walked a 1/4 mile, then 10 1/2 miles with ½ teaspoon.",
            &[
                ("Three quarters", "75%"),
                ("1/4 mile", "0.25 mi"),
                ("10 1/2 miles", "10.5 mi"),
                ("½ teaspoon", "0.5 tsp"),
            ],
        );
        check(
            "It was five and a half million.",
            &[("five and a half million", "5500000")],
        );
        check(
            "A third of the money and half of the staff.",
            &[("A third", "33.33%"), ("half", "50%")],
        );
    }

    #[test]
    fn measures_temperatures_and_ages() {
        check(
            "It covers 660 square metres, 16,000 metric tons and 500,000 barrels.",
            &[
                ("660 square metres", "660 m2"),
                ("16,000 metric tons", "16000 t"),
                ("500,000 barrels", "500000 bbl"),
            ],
        );
        check(
            "He is 1.8m tall and 5 ft 2 in; 1.2m people watched.",
            &[
                ("1.8m", "1.8 m"),
                ("5 ft 2 in", "5.1667 ft"),
                ("1.2m", "1200000"),
            ],
        );
        check(
            "About 90m of the bridge fell; she lives 200m from the river; 2.3m of voters.",
            &[
                ("About 90m", "≈ 90 m"),
                ("200m", "200 m"),
                ("2.3m", "2300000"),
            ],
        );
        check(
            "It was 40 deg celsius, or - 20 degrees fahrenheit.",
            &[
                ("40 deg celsius", "40 C"),
                ("- 20 degrees fahrenheit", "-20 F"),
            ],
        );
        check("The baby weighed two pounds.", &[("two pounds", "2 lb")]);
        check("He was fined 500 pounds.", &[("500 pounds", "GBP 500")]);
        check(
            "She was five years old; a man aged 40 and Kimeli, 26, ran.",
            &[
                ("five years old", "5 year"),
                ("aged 40", "40 year"),
                ("26", "26 year"),
            ],
        );
        // "over" hedges an age, but spans a period ("over seven years").
        check(
            "He is over 30 years old.",
            &[("over 30 years old", "≥ 30 year")],
        );
        check(
            "Prices rose over seven years.",
            &[("seven years", "7 year")],
        );
    }

    #[test]
    fn bare_degrees_take_the_articles_scale_or_none() {
        check(
            "Temperatures hit 40C on Monday and 41 degrees on Tuesday.",
            &[("40C", "40 C"), ("41 degrees", "41 C")],
        );
        check(
            "Temperatures hit 104 degrees.",
            &[("104 degrees", "104 deg")],
        );
    }

    #[test]
    fn names_codes_and_clock_times_are_not_quantities() {
        check("In the 1990s at No. 10 on the A614 at half past ten.", &[]);
        check("The 13F filing, the Boeing 777F and the 5G network.", &[]);
        check("See https://x.com/a?q=30%25 now.", &[]);
        check(
            "Visit www.example.com/offers/30 with 2 friends.",
            &[("2", "2")],
        );
        check("For a third time in the second half.", &[]);
        check("Rovers won 3-1 in 2012-13.", &[("3-1", "3-1")]);
        check("1m isn't a number.", &[]);
        check(
            "Crews closed Highway 49 and Interstate 5 near Channel 4.",
            &[],
        );
        check(
            "Sales of the CozyCore 1500 heater and the Boeing 737 stopped.",
            &[],
        );
        check(
            "In Leeds 300 people marched as the FTSE 100 fell 2%.",
            &[("300", "300"), ("2%", "2%")],
        );
        check("It serves the NHS's 42 care systems.", &[("42", "42")]);
        // Telephone numbers and codes count nothing.
        check("Call 800-555-0192 or 555-0192; the record is 28-19-5.", &[]);
    }

    #[test]
    fn a_dash_opening_a_line_is_a_bullet_not_a_minus() {
        check("- 3,000 homes lost power.", &[("3,000", "3000")]);
        check("It fell to -5C.", &[("-5C", "-5 C")]);
    }

    #[test]
    fn fahrenheit_glued_before_a_linking_word() {
        check("Phoenix hit 118F on Saturday.", &[("118F", "118 F")]);
        check("It filed a 13F filing.", &[]);
    }

    #[test]
    fn two_thirds_agrees_with_its_rounded_percentage() {
        let q = first_quantity("Two-thirds agreed.").unwrap();
        assert_eq!((q.low, q.high), (Some(66.66), Some(66.67)));
    }

    #[test]
    fn referents_and_events() {
        let q = first_quantity("Israeli forces killed seven aid workers in a strike.").unwrap();
        assert_eq!(q.referent.as_deref(), Some("aid worker"));
        assert_eq!(q.event.as_deref(), Some("kill"));
        let referent = |text: &str| first_quantity(text).and_then(|q| q.referent);
        // A verb ends what is counted; a share counts what its whole counts.
        assert_eq!(
            referent("More than 100 firefighters fought the blaze.").as_deref(),
            Some("firefighter")
        );
        assert_eq!(
            referent("The party won 34 of the 61 seats.").as_deref(),
            Some("seat")
        );
        // A verb in -ing with its object ends it too; an -ing word before a noun does not.
        assert_eq!(
            referent("Some 8,450 registered voters casting a ballot.").as_deref(),
            Some("registered voter")
        );
        assert_eq!(
            referent("About 1,200 visiting fans arrived.").as_deref(),
            Some("visiting fan")
        );
        // What is counted is not looked for across "to" after an object ("sentenced the
        // director of a charity to six years"), only after a verb of reaching.
        assert_eq!(
            referent("A court sentenced the director of a charity to six years.").as_deref(),
            None
        );
        assert_eq!(referent("Turnout rose to 64%.").as_deref(), Some("turnout"));
        assert_eq!(
            referent("The men were cut off nearly 900 feet below ground.").as_deref(),
            Some("depth")
        );
        assert_eq!(
            referent("The stage failed roughly 27 miles up.").as_deref(),
            Some("altitude")
        );
        assert_eq!(
            referent("The yacht sank in roughly 400 feet of water.").as_deref(),
            Some("depth")
        );
        assert_eq!(
            referent("Ministers approved a 62-turbine wind farm.").as_deref(),
            Some("turbine wind farm")
        );
        // A word describing the amount is not what it counts.
        assert_eq!(
            referent("The club signed him for an initial 48 million pounds.").as_deref(),
            None
        );
        assert_eq!(
            referent("The board approved a further £2m.").as_deref(),
            None
        );
        assert_eq!(
            referent("The transfer fee of £52m was a record.").as_deref(),
            Some("transfer fee")
        );
    }

    #[test]
    fn a_verb_reaching_the_figure_is_not_its_event() {
        let event = |text: &str| first_quantity(text).and_then(|q| q.event);
        assert_eq!(event("Turnout rose to 64.1%.").as_deref(), Some("vote"));
        assert_eq!(event("Prices rose by 4%.").as_deref(), Some("rise"));
        assert_eq!(event("Sales fell 12% last year.").as_deref(), Some("fall"));
    }
}
