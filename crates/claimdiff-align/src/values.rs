//! Value compatibility: numbers as intervals in base units, dates at their precision, names
//! fuzzily, places by owner and named place.

use claimdiff_parse::{Location, Quantity, Time, timex_days};

/// A unit's dimension and its factor to the dimension's base unit.
fn dimension(unit: Option<&str>) -> (&str, f64, f64) {
    // (dimension, factor, offset) so that base = value * factor + offset.
    match unit {
        None => ("count", 1.0, 0.0),
        Some("km") => ("length", 1000.0, 0.0),
        Some("mi") => ("length", 1609.344, 0.0),
        Some("m") => ("length", 1.0, 0.0),
        Some("cm") => ("length", 0.01, 0.0),
        Some("mm") => ("length", 0.001, 0.0),
        Some("ft") => ("length", 0.3048, 0.0),
        Some("in") => ("length", 0.0254, 0.0),
        Some("dm") => ("length", 0.1, 0.0),
        Some("yd") => ("length", 0.9144, 0.0),
        Some("mph") => ("speed", 1.609_344, 0.0),
        Some("km/h") => ("speed", 1.0, 0.0),
        Some("m/s") => ("speed", 3.6, 0.0),
        Some("kg") => ("mass", 1.0, 0.0),
        Some("g") => ("mass", 0.001, 0.0),
        Some("mg") => ("mass", 1e-6, 0.0),
        Some("t") => ("mass", 1000.0, 0.0),
        Some("lb") => ("mass", 0.453_592, 0.0),
        Some("oz") => ("mass", 0.028_349_5, 0.0),
        Some("C") => ("temperature", 1.0, 0.0),
        Some("F") => ("temperature", 5.0 / 9.0, -32.0 * 5.0 / 9.0),
        Some("K") => ("temperature", 1.0, -273.15),
        Some("l") => ("volume", 1.0, 0.0),
        Some("ml") => ("volume", 0.001, 0.0),
        Some("gal") => ("volume", 3.785, 0.0),
        Some("pt") => ("volume", 0.568, 0.0),
        Some("bbl") => ("volume", 158.987, 0.0),
        Some("m2") => ("area", 1.0, 0.0),
        Some("ft2") => ("area", 0.092_903, 0.0),
        Some("km2") => ("area", 1e6, 0.0),
        Some("mi2") => ("area", 2_589_988.0, 0.0),
        Some("ha") => ("area", 10_000.0, 0.0),
        Some("acre") => ("area", 4046.86, 0.0),
        Some("century") => ("duration", 36_525.0, 0.0),
        Some("decade") => ("duration", 3652.5, 0.0),
        Some("year") => ("duration", 365.25, 0.0),
        Some("month") => ("duration", 30.44, 0.0),
        Some("week") => ("duration", 7.0, 0.0),
        Some("day") => ("duration", 1.0, 0.0),
        Some("hour") => ("duration", 1.0 / 24.0, 0.0),
        Some("minute") => ("duration", 1.0 / 1440.0, 0.0),
        Some("second") => ("duration", 1.0 / 86400.0, 0.0),
        Some("percent") => ("percent", 1.0, 0.0),
        Some(code) => (code, 1.0, 0.0),
    }
}

/// The dimension name of a quantity ("count", "length", "GBP").
pub(crate) fn dimension_of(q: &Quantity) -> &str {
    dimension(q.unit.as_deref()).0
}

/// True when two quantities measure the same dimension (money only within one currency).
pub(crate) fn same_dimension(a: &Quantity, b: &Quantity) -> bool {
    dimension_of(a) == dimension_of(b)
}

/// A quantity's stated value in its dimension's base unit.
pub(crate) fn base_value(q: &Quantity) -> f64 {
    let (_, factor, offset) = dimension(q.unit.as_deref());
    q.value * factor + offset
}

/// The unit of the last written digit of a value: 0.1 for 107.2, 10 for 50, 1 for 9.
fn written_precision(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 {
        return 1.0;
    }
    if v.fract() != 0.0 {
        let decimals = (1..=6)
            .find(|d| ((v * 10f64.powi(*d)).round() - v * 10f64.powi(*d)).abs() < 1e-6)
            .unwrap_or(6);
        return 10f64.powi(-decimals);
    }
    let mut p = 1.0;
    while (v / (p * 10.0)).fract() == 0.0 && p < 1e12 {
        p *= 10.0;
    }
    p
}

/// True when two quantities are the same score or tally, or neither is one. A score is a
/// pair, either way round: "3-1" and "1-3" are one result told from each side.
pub(crate) fn same_tally(a: &Quantity, b: &Quantity) -> bool {
    let pair = |q: &Quantity| {
        q.against
            .map(|x| (q.value.max(x).to_bits(), q.value.min(x).to_bits()))
    };
    pair(a) == pair(b)
}

/// The interval a quantity allows, in base units, widened by the rounding its notation implies.
/// `other` is the quantity it is compared with.
fn interval(q: &Quantity, other: &Quantity) -> (f64, f64) {
    let (_, factor, offset) = dimension(q.unit.as_deref());
    let to_base = |v: f64| v * factor + offset;
    let precision = written_precision(q.value);
    // A converted figure may have been rounded at the precision it is written with: "107.2F"
    // to a tenth, "50 km" to ten, "nine miles" to one. In one unit, a whole number may round
    // a figure with decimals ("67%" / "two-thirds", "41C" / "41.3C"), by half a unit at most.
    let rounded =
        q.unit != other.unit || precision <= 1.0 && precision > written_precision(other.value);
    let slack = if rounded { precision / 2.0 } else { 0.0 };
    let low = q.low.map_or(f64::NEG_INFINITY, |l| to_base(l - slack));
    let high = q.high.map_or(f64::INFINITY, |h| to_base(h + slack));
    (low.min(high), high.max(low))
}

/// True when two quantities of one dimension can both be right. Two different caps ("up to
/// 214,000 flights" / "as many as 241,000") cannot: each states the limit.
pub(crate) fn quantities_compatible(a: &Quantity, b: &Quantity) -> bool {
    if !same_dimension(a, b) || !same_tally(a, b) {
        return false;
    }
    if a.against.is_some() {
        return true;
    }
    let cap = |q: &Quantity| q.low.is_none() && q.high.is_some();
    if cap(a)
        && cap(b)
        && (base_value(a) - base_value(b)).abs()
            > 0.01 * base_value(a).abs().max(base_value(b).abs())
    {
        return false;
    }
    let (la, ha) = interval(a, b);
    let (lb, hb) = interval(b, a);
    let eps = 1e-9 * a.value.abs().max(b.value.abs()).max(1.0);
    if la <= hb + eps && lb <= ha + eps {
        return true;
    }
    // Rounding: "nearly 20,000" vs "19,800"; exact figures within 1% when one is round.
    let (va, vb) = (a.value, b.value);
    let round = |v: f64| {
        v != 0.0
            && (v / 10f64.powi((v.abs().log10().floor() as i32 - 1).max(0))).fract() == 0.0
            && v.abs() >= 1000.0
    };
    let rel = (va - vb).abs() / va.abs().max(vb.abs()).max(1.0);
    a.unit == b.unit
        && (round(va) || round(vb))
        && rel <= 0.01
        && (a.hedge.is_some() || b.hedge.is_some())
}

/// The value a time is compared by: its TIMEX, or `first/last` for a range ("2014/2018").
pub(crate) fn time_key(t: &Time) -> Option<String> {
    let timex = t.timex.as_deref()?;
    Some(match &t.end {
        Some(end) => format!("{timex}/{end}"),
        None => timex.to_owned(),
    })
}

/// The days a time key covers, first day and the day after the last, when it resolves to days.
fn key_days(key: &str) -> Option<(String, String)> {
    match key.split_once('/') {
        Some((a, b)) => Some((timex_days(a)?.0, timex_days(b)?.1)),
        None => timex_days(key),
    }
}

/// True for the key of a clock time (`T10:30`), which never compares with a date.
pub(crate) fn is_clock(key: &str) -> bool {
    key.starts_with('T')
}

/// True when two time keys can name the same time: their days overlap (an interval containing
/// a date is compatible with it), or, when the year is unknown, they are equal where both are
/// specified. Clock times and dates never contradict each other, nor do values this cannot
/// read.
pub(crate) fn timex_compatible(a: &str, b: &str) -> bool {
    if is_clock(a) != is_clock(b) {
        return true;
    }
    if let (Some((fa, la)), Some((fb, lb))) = (key_days(a), key_days(b)) {
        return fa < lb && fb < la;
    }
    let plain = |t: &str| {
        !t.contains('/')
            && t.split('-')
                .all(|p| p.bytes().all(|c| c.is_ascii_digit() || c == b'X') || is_clock(p))
    };
    if !plain(a) || !plain(b) {
        return true;
    }
    let pa: Vec<&str> = a.split('-').collect();
    let pb: Vec<&str> = b.split('-').collect();
    pa.iter()
        .zip(&pb)
        .all(|(x, y)| x == y || x.contains('X') || y.contains('X'))
}

/// True when two time keys agree: compatible, and either of one precision or both calendar
/// dates of at least a month ("2024-03" and "2024-03-05"); two ranges agree when they cover
/// the same days. A range or a week containing a day is compatible with it but is no evidence
/// that the two are the same time.
pub(crate) fn timex_agree(a: &str, b: &str) -> bool {
    let calendar =
        |t: &str| t.len() >= 7 && grain(t).is_some_and(|g| matches!(g, "day" | "month" | "year"));
    let ranges = a.contains('/') && b.contains('/');
    if ranges {
        return a == b || key_days(a).is_some_and(|d| key_days(b) == Some(d));
    }
    timex_compatible(a, b) && (timex_comparable(a, b) || calendar(a) && calendar(b))
}

/// The precision of a time key: clock (with or without seconds), day, month, year, ISO week,
/// quarter, half; `None` for ranges and weekends, which are never compared as different.
fn grain(t: &str) -> Option<&'static str> {
    if t.contains('/') {
        return None;
    }
    if is_clock(t) {
        return Some(if t.len() > 6 { "clock:s" } else { "clock" });
    }
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    let parts: Vec<&str> = t.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit() || b == b'X') => Some("year"),
        [_, p] if p.starts_with('W') => Some("week"),
        [_, p] if p.starts_with('Q') => Some("quarter"),
        [_, p] if p.starts_with('H') => Some("half"),
        [_, p] if p.len() == 2 && digits(p) => Some("month"),
        [_, m, d] if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => Some("day"),
        _ => None,
    }
}

/// True when the two time keys are of the same precision (both days, both months, both clock
/// times…), so that a difference is a real difference and not vagueness.
pub(crate) fn timex_comparable(a: &str, b: &str) -> bool {
    grain(a).is_some_and(|g| grain(b) == Some(g))
}

/// Normalised name for comparison: lower case, no leading "the".
pub(crate) fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .trim()
        .to_owned()
}

/// True when two names refer to the same actor: equal, one a word-prefix or surname of the
/// other, or nearly identical spelling (Jaro-Winkler).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    same_key(&name_key(a), &name_key(b))
}

/// [`same_name`] for names already normalised by [`name_key`].
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // "Carmen Oduya" inside "Lieutenant Carmen Oduya of Brightwater", "Bloggs" in "Jo Bloggs".
    if contains_words(long, short) {
        return true;
    }
    // Jaro-Winkler is at most 0.6 x Jaro + 0.4, and Jaro at most (2 + s/l) / 3 for lengths s
    // <= l: below 0.95 whenever s/l < 0.75, so such pairs need no scoring.
    let (s, l) = (short.chars().count(), long.chars().count());
    4 * s >= 3 * l && strsim::jaro_winkler(a, b) >= 0.95
}

/// True when `short` occurs in `long` as whole words (between spaces or the ends).
fn contains_words(long: &str, short: &str) -> bool {
    let bytes = long.as_bytes();
    let step = short.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    while let Some(k) = long.get(from..).and_then(|rest| rest.find(short)) {
        let (start, end) = (from + k, from + k + short.len());
        if (start == 0 || bytes[start - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ') {
            return true;
        }
        from = start + step;
    }
    false
}

/// True when an owner is a proper name rather than a description ("the health service").
fn proper(owner: &str) -> bool {
    owner.chars().next().is_some_and(char::is_uppercase)
}

/// How two locations relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceRelation {
    /// They share an owner or a named place.
    Same,
    /// They name different owners, or disjoint places with no owner.
    Different,
    /// Nothing to tell them apart or together.
    Unknown,
}

/// Compares two place phrases.
pub(crate) fn places(a: &Location, b: &Location) -> PlaceRelation {
    match (a.owner.as_deref(), b.owner.as_deref()) {
        (Some(x), Some(y)) if same_name(x, y) => return PlaceRelation::Same,
        (Some(x), Some(y)) if proper(x) && proper(y) => return PlaceRelation::Different,
        _ => {}
    }
    let shared = a
        .places
        .iter()
        .any(|p| b.places.iter().any(|q| same_name(p, q)));
    if shared && (a.owner.is_none() || b.owner.is_none() || a.owner == b.owner) {
        return PlaceRelation::Same;
    }
    // Named places with no owner, under the same head or none: "Kingsway station" vs
    // "Victoria station", "near Sable Point" vs "near Bellmont Beach".
    let unowned = a.owner.is_none() && b.owner.is_none() && a.head == b.head;
    if unowned && !a.places.is_empty() && !b.places.is_empty() && !shared {
        return PlaceRelation::Different;
    }
    PlaceRelation::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(
        value: f64,
        low: Option<f64>,
        high: Option<f64>,
        unit: Option<&str>,
        hedge: Option<&str>,
    ) -> Quantity {
        Quantity {
            value,
            low,
            high,
            unit: unit.map(str::to_owned),
            hedge: hedge.map(str::to_owned),
            referent: None,
            event: None,
            conversion: false,
            against: None,
        }
    }
    fn exact(v: f64, unit: Option<&str>) -> Quantity {
        q(v, Some(v), Some(v), unit, None)
    }

    #[test]
    fn scores_compare_as_pairs_either_way_round() {
        let score = |a: f64, b: f64| Quantity {
            against: Some(b),
            ..exact(a, Some("score"))
        };
        assert!(quantities_compatible(&score(3.0, 1.0), &score(3.0, 1.0)));
        assert!(quantities_compatible(&score(3.0, 1.0), &score(1.0, 3.0)));
        assert!(!quantities_compatible(&score(3.0, 1.0), &score(3.0, 2.0)));
        assert!(!quantities_compatible(
            &score(3.0, 1.0),
            &exact(3.0, Some("score"))
        ));
        assert!(!quantities_compatible(&score(3.0, 1.0), &exact(3.0, None)));
    }

    #[test]
    fn numeric_policy() {
        let cases: &[(Quantity, Quantity, bool, &str)] = &[
            (
                exact(330e6, Some("GBP")),
                q(330e6, None, Some(330e6), Some("GBP"), Some("up to")),
                true,
                "up to includes the value",
            ),
            (exact(7.0, None), exact(7.0, None), true, "equal counts"),
            (
                exact(58.0, None),
                exact(46.0, None),
                false,
                "different counts",
            ),
            (
                q(20000.0, Some(18000.0), Some(20000.0), None, Some("nearly")),
                exact(19800.0, None),
                true,
                "nearly",
            ),
            (
                q(40.0, Some(40.0), None, None, Some("more than")),
                exact(43.0, None),
                true,
                "more than",
            ),
            (
                q(40.0, Some(40.0), None, None, Some("more than")),
                exact(38.0, None),
                false,
                "more than excludes less",
            ),
            (
                q(58.0, Some(58.0), None, None, Some("at least")),
                exact(46.0, None),
                false,
                "regression: an open interval once made every figure compatible",
            ),
            (
                exact(10.0, Some("mi")),
                exact(16.0, Some("km")),
                true,
                "miles vs km",
            ),
            (
                exact(90.0, Some("mph")),
                exact(145.0, Some("km/h")),
                true,
                "mph vs km/h",
            ),
            (
                exact(30.0, Some("C")),
                exact(86.0, Some("F")),
                true,
                "celsius vs fahrenheit",
            ),
            (
                exact(4.7e6, Some("GBP")),
                exact(4.7e6, Some("USD")),
                false,
                "currencies never mix",
            ),
            (
                exact(7.0, Some("year")),
                exact(7.0, Some("year")),
                true,
                "durations",
            ),
        ];
        for (a, b, want, why) in cases {
            assert_eq!(quantities_compatible(a, b), *want, "{why}");
        }
    }

    #[test]
    fn dates_and_names() {
        assert!(timex_compatible("XXXX-10-07", "2023-10-07"));
        assert!(!timex_compatible("XXXX-09-12", "XXXX-09-21"));
        assert!(timex_comparable("XXXX-09-12", "2023-09-21"));
        assert!(!timex_comparable("2023", "2023-09-21"));
        // Periods and ranges contain the days inside them and are not days themselves.
        let cases: &[(&str, &str, bool, bool)] = &[
            ("2016-W46", "2016-11-15", true, false),
            ("2016-W46", "2016-11-22", false, false),
            ("2016-W46", "2016-11", true, false),
            ("2017-Q1", "2017-02", true, false),
            ("2017-Q1", "2017-Q2", false, true),
            ("2014/2018", "2016", true, false),
            ("2014/2018", "2019-03-01", false, false),
            ("2024-03-03/2024-03-07", "2024-03-05", true, false),
            ("2024-W14-WE", "2024-04-06", true, false),
            ("XXXX-10-07", "2016-W40", true, false),
            ("T10:30", "T10:30:15", false, false),
            ("2019", "2020", false, true),
            ("FY2019", "2020", true, false),
            ("2016-SU", "2016-08", true, false),
        ];
        for &(a, b, compatible, comparable) in cases {
            assert_eq!(timex_compatible(a, b), compatible, "{a} ~ {b}");
            assert_eq!(timex_compatible(b, a), compatible, "{b} ~ {a}");
            assert_eq!(timex_comparable(a, b), comparable, "{a} vs {b}");
        }
        assert!(timex_agree("2024-03", "2024-03-05"));
        assert!(!timex_agree("2015/2021", "XXXX-09-21"));
        assert!(!timex_agree("2016-W45", "2016-11-08"));
        assert!(timex_agree("2023-01/2025-03", "2023-01/2025-03"));
        assert!(!timex_agree("2023-01/2025-03", "2023-01/2025-04"));
        let range = Time {
            timex: Some("2014".into()),
            end: Some("2018".into()),
            relative: None,
            dateline: false,
        };
        assert_eq!(time_key(&range).as_deref(), Some("2014/2018"));
        assert!(same_name("Bloggs", "Jo Bloggs"));
        assert!(same_name("Acme", "Acme Technologies UK"));
        assert!(same_name(
            "Carmen Oduya",
            "Lieutenant Carmen Oduya of Brightwater"
        ));
        assert!(!same_name("Harbour Trust", "Acme"));
        // Whole words only, found past an occurrence that is not one.
        assert!(contains_words("xa a a", "a a"));
        assert!(!contains_words("Acmes Ltd", "Acme"));
    }

    #[test]
    fn place_relations() {
        let owned = |o: &str, places: &[&str]| Location {
            head: Some("office".into()),
            owner: Some(o.into()),
            places: places.iter().map(|p| (*p).to_owned()).collect(),
            ..Location::default()
        };
        assert_eq!(
            places(&owned("Harbour Trust", &[]), &owned("Acme", &["London"])),
            PlaceRelation::Different
        );
        assert_eq!(
            places(
                &owned("health service", &["Kingsway", "London"]),
                &owned("Acme", &["London"])
            ),
            PlaceRelation::Unknown
        );
        assert_eq!(
            places(&owned("Acme", &["Leeds"]), &owned("Acme", &["York"])),
            PlaceRelation::Same
        );
        let bare = |p: &str| Location {
            places: vec![p.into()],
            ..Location::default()
        };
        assert_eq!(
            places(&bare("Leeds"), &bare("York")),
            PlaceRelation::Different
        );
    }
}
