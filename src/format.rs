//! Numbers, dates and changes written the way each locale's newsrooms write them.
//!
//! Vietnamese groups thousands with `.` and writes decimals with `,` (9.300; 26,7), and
//! writes large numbers with words (16,4 triệu; 468 nghìn), not with the browser's compact
//! "16 Tr". Those rules (scale words, units, changes) live here, in plain Rust, and so do the digits
//! themselves, grouping, decimal mark and month names ([`reference`]), the same in the
//! wasm and natively, and the same as the browser's `Intl` writes.

use crate::spec::{Better, BillionWord, ChangeStyle, Scale, Status};

/// The language of a box: its numbers, dates and the widget's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese (`vi-VN`), the default.
    #[default]
    Vi,
    /// English (`en`).
    En,
}

/// The locale codes a document may use, and the language each means.
const LOCALES: &[(&str, Lang)] = &[
    ("vi-VN", Lang::Vi),
    ("vi", Lang::Vi),
    ("en", Lang::En),
    ("en-US", Lang::En),
    ("en-GB", Lang::En),
];

impl Lang {
    /// The language of a locale code such as `vi-VN` or `en` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        LOCALES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
            .map(|&(_, lang)| lang)
    }

    /// Every locale code accepted, for suggestions.
    pub fn codes() -> impl Iterator<Item = &'static str> {
        LOCALES.iter().map(|&(c, _)| c)
    }

    /// The BCP 47 tag to put in the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// `value` limited to `lo..=hi`; when `lo > hi` (a label wider than its room), `hi`.
///
/// Used instead of `f64::clamp`, which panics when `lo > hi` (a panic would stop every
/// box on the page) and whose panic message keeps core's float formatter in the wasm.
pub fn fit(value: f64, lo: f64, hi: f64) -> f64 {
    value.max(lo).min(hi)
}

/// The minus sign used in display (U+2212), which screen readers read as "minus".
pub const MINUS: char = '\u{2212}';
/// A no-break space: it keeps a number with its qualifier, scale word and unit.
pub const NBSP: char = '\u{a0}';

/// Writes a number as JSON would (`9300`, `26.7`), for error messages that tell the
/// journalist what to type.
pub fn format_plain(value: f64) -> String {
    Num::written(value, auto_decimals(value, MAX_WRITTEN_DECIMALS)).plain()
}

/// 10 to the power `places`, by steps (`powi` would bring libm's code into the wasm).
fn pow10(places: u8) -> f64 {
    (0..places).fold(1.0, |f, _| f * 10.0)
}

/// `body` after its qualifier as the article writes it (`hơn 9.300`, `hạng 86`), joined by
/// a no-break space so that the qualifier never ends a line alone.
pub fn with_qualifier(qualifier: Option<&str>, body: String) -> String {
    match qualifier {
        Some(q) => format!("{q}{NBSP}{body}"),
        None => body,
    }
}

/// The fewest decimal places (at most `max`) that show `value` without loss.
pub fn auto_decimals(value: f64, max: u8) -> u8 {
    let mut d = 0u8;
    let mut scaled = value;
    while d < max {
        if (scaled - scaled.round()).abs() < 1e-9 * scaled.abs().max(1.0) {
            return d;
        }
        scaled *= 10.0;
        d += 1;
    }
    max
}

/// Whether a number can be written at all: finite, and below about 3.4e38, beyond which
/// only error messages ever go (they say "too large" plainly).
fn writable(value: f64) -> bool {
    value.is_finite() && value.abs() < 3.0e38
}

/// Writes `value` with `decimals` places, grouped and punctuated for `lang`.
pub fn format_fixed(value: f64, decimals: u8, lang: Lang) -> String {
    if !writable(value) {
        return "–".to_owned();
    }
    reference::fixed(value, decimals, lang)
}

/// The one formatter of numbers and dates, in the wasm and natively, written to give
/// exactly what the browser's `Intl` gives for `vi-VN` and `en-GB` (a browser test compares
/// them on a table of values). The widget once asked `Intl` itself: its first formatter of
/// a page cost 40 to 90 ms of set-up in one task (the locale data), every number a call
/// out of the wasm, and a prerendered box could not be byte for byte the live one.
pub mod reference {
    use super::{Lang, MINUS};

    /// `value` rounded to `decimals` places, as its sign, integer digits and decimal
    /// digits. Integer arithmetic, not core's float formatting (about 15 KB of wasm).
    /// Halves round away from zero on the number's shortest decimal form, as `Intl`
    /// does: 2.675 (stored as 2.67499999…) gives 2.68.
    fn digits(value: f64, decimals: u8) -> (bool, String, String) {
        let d = u32::from(decimals.min(9));
        let f = 10u64.pow(d);
        #[allow(clippy::cast_precision_loss)]
        let exact = value.abs() * f as f64;
        let floor = exact.floor();
        let frac = exact - floor;
        // A few units in the last place: how far a decimal half can be from 0.5 once
        // stored as binary (267.49999999999997 for 2.675 × 100).
        // Capped: above 2^51 every stored value is a whole or half number, exactly.
        let slack = (exact.max(1.0) * 4.0 * f64::EPSILON).min(0.01);
        let scaled = if (frac - 0.5).abs() < slack || frac > 0.5 {
            floor + 1.0
        } else {
            floor
        };
        // 64-bit arithmetic where the number fits, as every number a box shows does (they
        // are at most 1e15, with at most 6 places); a larger one, which only a message
        // saying it is too large writes, by `whole_digits`.
        #[allow(clippy::cast_precision_loss)]
        let (int, frac) = if scaled < u64::MAX as f64 {
            let n = scaled as u64;
            let frac = if d == 0 {
                String::new()
            } else {
                format!("{:0width$}", n % f, width = d as usize)
            };
            ((n / f).to_string(), frac)
        } else {
            let all = whole_digits(scaled);
            let (int, frac) = all.split_at_checked(all.len().saturating_sub(d as usize)).unwrap_or((&all, ""));
            (int.to_owned(), frac.to_owned())
        };
        (value < 0.0 && scaled != 0.0, int, frac)
    }

    /// The decimal digits of `n`, a whole number from 2^64 to 2^128 held in an `f64`: its
    /// 32-bit limbs divided by 10^9 at a time, in 64-bit steps. (128-bit integers would do
    /// it in two lines, with 2.2 kB of library code in every reader's wasm for numbers no
    /// box shows.) The limbs are exact: `n` has at most 53 significant bits, so each
    /// remainder below a power of two is a float too.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn whole_digits(n: f64) -> String {
        const UNITS: [f64; 4] = [79_228_162_514_264_337_593_543_950_336.0, 18_446_744_073_709_551_616.0, 4_294_967_296.0, 1.0];
        const GROUP: u64 = 1_000_000_000;
        let mut limbs = [0u64; 4];
        let mut rest = n.min(3.4e38);
        for (limb, unit) in limbs.iter_mut().zip(UNITS) {
            let l = (rest / unit).floor();
            *limb = l as u64;
            rest -= l * unit;
        }
        // Groups of nine digits, the lowest first.
        let mut groups = Vec::new();
        while limbs.iter().any(|&l| l != 0) {
            let mut r = 0;
            for limb in &mut limbs {
                let now = (r << 32) | *limb;
                *limb = now / GROUP;
                r = now % GROUP;
            }
            groups.push(r);
        }
        let mut out = groups.pop().unwrap_or(0).to_string();
        for g in groups.iter().rev() {
            out.push_str(&format!("{g:09}"));
        }
        out
    }

    /// `value` as JSON writes it, with `decimals` places.
    pub fn plain(value: f64, decimals: u8) -> String {
        let (negative, int, frac) = digits(value, decimals);
        let sign = if negative { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    }

    /// `value` with `decimals` places, grouped and punctuated for `lang`.
    pub fn fixed(value: f64, decimals: u8, lang: Lang) -> String {
        let (negative, int_part, frac_part) = digits(value, decimals);
        let (group, decimal) = match lang {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        };
        let mut out = String::with_capacity(int_part.len() + frac_part.len() + 6);
        if negative {
            out.push(MINUS);
        }
        let count = int_part.len();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (count - i) % 3 == 0 {
                out.push(group);
            }
            out.push(ch);
        }
        if !frac_part.is_empty() {
            out.push(decimal);
            out.push_str(&frac_part);
        }
        out
    }

    /// A month (`8/2024`, `Aug 2024`) or a day (`9/12/2019`, `9 Dec 2019`).
    pub fn date(year: i32, month: u8, day: Option<u8>, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let name = MONTHS
            .get(usize::from(month.saturating_sub(1)))
            .copied()
            .unwrap_or("");
        match (day, lang) {
            (None, Lang::Vi) => format!("{month}/{year}"),
            (Some(d), Lang::Vi) => format!("{d}/{month}/{year}"),
            (None, Lang::En) => format!("{name} {year}"),
            (Some(d), Lang::En) => format!("{d} {name} {year}"),
        }
    }
}

/// A moment as a reader reads it under a live box: `07:05 7/12/2026` (Vietnamese) or
/// `07:05, 7 Dec 2026`, at `offset` minutes from UTC (the reader's clock, or the
/// newsroom's for a prerendered box). `ms`: milliseconds since 1970 (JavaScript's
/// `Date.now()`).
pub fn clock(ms: f64, offset: i32, lang: Lang) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let minutes = (ms / 60_000.0).floor() as i64 + i64::from(offset);
    let days = minutes.div_euclid(1440);
    let of_day = minutes.rem_euclid(1440);
    let (hour, minute) = (of_day / 60, of_day % 60);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = reference::date(
        i32::try_from(year).unwrap_or(0),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).ok(),
        lang,
    );
    match lang {
        Lang::Vi => format!("{hour:02}:{minute:02} {date}"),
        Lang::En => format!("{hour:02}:{minute:02}, {date}"),
    }
}

/// Writes `value` with as many decimals as it has (up to `max`), for `lang`.
pub fn format_auto(value: f64, max: u8, lang: Lang) -> String {
    format_fixed(value, auto_decimals(value, max), lang)
}

impl Scale {
    /// The factor this scale divides by.
    pub fn factor(self) -> f64 {
        match self {
            Scale::None => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
        }
    }

    /// The word written after a scaled number.
    pub fn word(self, lang: Lang, billion: BillionWord) -> Option<&'static str> {
        match (self, lang) {
            (Scale::None, _) => None,
            (Scale::Thousand, Lang::Vi) => Some("nghìn"),
            (Scale::Million, Lang::Vi) => Some("triệu"),
            (Scale::Billion, Lang::Vi) => Some(match billion {
                BillionWord::Ti => "tỉ",
                BillionWord::Ty => "tỷ",
            }),
            (Scale::Thousand, Lang::En) => Some("thousand"),
            (Scale::Million, Lang::En) => Some("million"),
            (Scale::Billion, Lang::En) => Some("billion"),
        }
    }

    /// The scale to write `value` with when a figure uses `self`: the same, unless `value` is
    /// below it, then the largest word scale that fits (so an earlier 468000 next to
    /// "16,4 triệu" reads "468 nghìn", not "0,47 triệu").
    pub fn fitted(self, value: f64) -> Scale {
        if self == Scale::None || value.abs() >= self.factor() {
            return self;
        }
        [Scale::Million, Scale::Thousand]
            .into_iter()
            .find(|s| s.factor() < self.factor() && value.abs() >= s.factor())
            .unwrap_or(Scale::None)
    }

    /// The scale that writes every number up to `max_abs` most shortly, for axis ticks.
    pub fn for_axis(max_abs: f64) -> Scale {
        if max_abs >= 1e9 {
            Scale::Billion
        } else if max_abs >= 1e6 {
            Scale::Million
        } else {
            Scale::None
        }
    }
}

/// A number from the document, with the decimal places it was written with, so that it
/// is printed as written: `0.8125` shows as `0,8125` and `26.70` as `26,70`, never rounded
/// to a default precision. Built by validation, which has checked that the value is finite
/// and within [`crate::model::MAX_ABS_VALUE`], and that it has at most
/// [`MAX_WRITTEN_DECIMALS`] places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    value: f64,
    decimals: u8,
    /// A number factbox computed (a difference, a sum), not one the journalist wrote:
    /// under a scale word it may be rounded to [`COMPUTED_SCALED_DECIMALS`] places.
    computed: bool,
}

/// The most decimal places a number in a document may be written with (and the most
/// `decimals` may ask for): beyond that, a number is spreadsheet noise such as
/// `0.30000000000000004`, not a published figure.
pub const MAX_WRITTEN_DECIMALS: u8 = 6;
/// The most significant digits a number may be written with: a double holds 15 exactly.
pub const MAX_WRITTEN_DIGITS: u32 = 15;
/// Places a number that factbox computed keeps after a scale word: `+15,93 triệu`.
pub const COMPUTED_SCALED_DECIMALS: u8 = 2;
/// Places a written number may have after a scale word without `decimals`: more, and the
/// box refuses it rather than round it silently (see [`NumberFormat::scale_rounds`]).
pub const SCALED_DECIMALS: u8 = 2;

impl Num {
    /// A number as written, with `decimals` places (at most [`MAX_WRITTEN_DECIMALS`]).
    pub fn written(value: f64, decimals: u8) -> Num {
        Num {
            value,
            decimals: decimals.min(MAX_WRITTEN_DECIMALS),
            computed: false,
        }
    }

    /// A whole number as written: a rank or a count.
    pub fn whole(value: u32) -> Num {
        Num::written(f64::from(value), 0)
    }

    /// A number factbox computed from written ones, exact to `decimals` places (the most
    /// its operands have): the value is rounded to them, which removes binary dust such as
    /// `0.19999999999999998` for `0.3 - 0.1`.
    pub fn computed(value: f64, decimals: u8) -> Num {
        let d = decimals.min(MAX_WRITTEN_DECIMALS);
        let factor = pow10(d);
        Num {
            value: (value * factor).round() / factor,
            decimals: d,
            computed: true,
        }
    }

    /// The value.
    pub fn value(self) -> f64 {
        self.value
    }

    /// The decimal places it was written with.
    pub fn decimals(self) -> u8 {
        self.decimals
    }

    /// The number as JSON writes it, with its written places: `26.70`, `16400000`; for
    /// CSV files and messages.
    pub fn plain(self) -> String {
        if !writable(self.value) {
            return "–".to_owned();
        }
        reference::plain(self.value, self.decimals)
    }
}

/// The words news writes for each [`Status`], the first of each language being the one a
/// box shows. One table for the box's words, the reader's hint for a status typed in
/// Vietnamese into the JSON, and the studio's reading of a pasted cell.
const STATUS_WORDS: &[(Status, &[&str], &[&str])] = &[
    (
        Status::Estimate,
        &["ước tính", "ước đạt", "ước"],
        &["estimate", "estimated", "est."],
    ),
    (
        Status::Forecast,
        &["dự báo", "dự kiến", "dự đoán"],
        &["forecast", "projected", "projection"],
    ),
    (Status::Preliminary, &["sơ bộ"], &["preliminary", "prelim."]),
];

impl Status {
    fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        STATUS_WORDS
            .iter()
            .find(|(s, _, _)| *s == self)
            .map_or((&[][..], &[][..]), |(_, vi, en)| (*vi, *en))
    }

    /// The word a box shows beside such a value: `ước tính`, `forecast`.
    pub fn word(self, lang: Lang) -> &'static str {
        let (vi, en) = self.words();
        let list = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        list.first().copied().unwrap_or("")
    }

    /// The JSON name of the status: `estimate`.
    pub fn name(self) -> &'static str {
        self.words().1.first().copied().unwrap_or("")
    }

    /// The status a word of either language means (`ước tính`, `dự kiến`, `Projected`),
    /// surrounding brackets and the case of ASCII letters ignored (Unicode case tables
    /// would cost every reader 7 KB of wasm for a hint in a message).
    pub fn from_word(word: &str) -> Option<Status> {
        let w = word
            .trim()
            .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '*'))
            .trim()
            .to_ascii_lowercase();
        STATUS_WORDS
            .iter()
            .find(|(_, vi, en)| vi.contains(&w.as_str()) || en.contains(&w.as_str()))
            .map(|(s, _, _)| *s)
    }

    /// Every word of either language with its status, longest first (so that `ước tính`
    /// is found before `ước`), for readers of typed text.
    pub fn written_forms() -> Vec<(&'static str, Status)> {
        let mut all: Vec<(&'static str, Status)> = STATUS_WORDS
            .iter()
            .flat_map(|(s, vi, en)| vi.iter().chain(en.iter()).map(move |w| (*w, *s)))
            .collect();
        crate::sort::sort_by_key(&mut all, |(w, _)| -(w.chars().count() as f64));
        all
    }
}

/// `text` followed by the status of its value, if any: `36 tỷ USD (ước tính)`.
pub fn with_status(text: String, status: Option<Status>, lang: Lang) -> String {
    match status {
        Some(s) => format!("{text} ({})", s.word(lang)),
        None => text,
    }
}

/// A value a reader sees: one number or a range, each end as written, and whether it is a
/// measurement, an estimate, a forecast or preliminary. A range's `low` is below its
/// `high` (the only constructor checks it), so layout never re-checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    low: Num,
    high: Option<Num>,
    status: Option<Status>,
}

impl Value {
    /// One number.
    pub fn one(n: Num) -> Value {
        Value {
            low: n,
            high: None,
            status: None,
        }
    }

    /// A range; `None` unless `low` is below `high`.
    pub fn range(low: Num, high: Num) -> Option<Value> {
        (low.value < high.value).then_some(Value {
            low,
            high: Some(high),
            status: None,
        })
    }

    /// The same value with its status.
    pub fn with(self, status: Option<Status>) -> Value {
        Value { status, ..self }
    }

    /// The number, or a range's lower end.
    pub fn low(self) -> Num {
        self.low
    }

    /// The number, or a range's upper end.
    pub fn high(self) -> Num {
        self.high.unwrap_or(self.low)
    }

    /// The number when the value is one; `None` for a range.
    pub fn single(self) -> Option<Num> {
        match self.high {
            None => Some(self.low),
            Some(_) => None,
        }
    }

    /// Whether the value is a range.
    pub fn is_range(self) -> bool {
        self.high.is_some()
    }

    /// The status, `None` for a measurement.
    pub fn status(self) -> Option<Status> {
        self.status
    }

    /// Where the value sits for ordering (sorting bars): a range's middle. Never shown.
    pub fn middle(self) -> f64 {
        (self.low.value + self.high().value) / 2.0
    }
}

/// How one kind of number is written: decimals, scale word and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFormat {
    /// Fixed decimal places, or `None` for the places each number was written with.
    pub decimals: Option<u8>,
    /// The scale word (`triệu`), if any.
    pub scale: Scale,
    /// The unit written after the number and scale word.
    pub unit: Option<String>,
    /// How Vietnamese spells the billion of [`Scale::Billion`]: the document's choice.
    pub billion: BillionWord,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat {
            decimals: None,
            scale: Scale::None,
            unit: None,
            billion: BillionWord::Ti,
        }
    }
}

/// Units that attach to the number without a space (31%).
pub fn unit_attaches(unit: &str) -> bool {
    unit.starts_with(['%', '‰', '°', '/'])
}

impl Scale {
    /// The power of ten this scale divides by.
    fn exponent(self) -> u8 {
        match self {
            Scale::None => 0,
            Scale::Thousand => 3,
            Scale::Million => 6,
            Scale::Billion => 9,
        }
    }
}

impl NumberFormat {
    /// The scale a number is written with: the format's, or a smaller one that fits it (an
    /// earlier 468000 next to "16,4 triệu" reads "468 nghìn", not "0,47 triệu").
    fn scale_for(&self, n: Num) -> Scale {
        self.scale.fitted(n.value)
    }

    /// The places that write `n` exactly under `scale`: as written without a scale word;
    /// with one, as many as the scaled number needs (16400000 in millions: 1).
    ///
    /// Worked out on the written digits as a whole number (exact for the 15 significant
    /// digits a number may have), not with a float tolerance, which loses the last digit of
    /// large numbers: 2142135088 in thousands is 2.142.135,088 nghìn.
    // The cast is exact: the whole number of its written digits is integral, and below
    // 2^64 (checked).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn exact_places(n: Num, scale: Scale) -> u8 {
        if scale == Scale::None {
            return n.decimals;
        }
        let digits = (n.value.abs() * pow10(n.decimals)).round();
        let mut places = n.decimals + scale.exponent();
        if digits == 0.0 {
            return 0;
        }
        // Past 2^64 only a computed number with more digits than a float holds: its last
        // digits are the float's, not the number's, so none is taken for a zero.
        #[allow(clippy::cast_precision_loss)]
        if digits >= u64::MAX as f64 {
            return places;
        }
        let mut digits = digits as u64;
        while places > 0 && digits % 10 == 0 {
            digits /= 10;
            places -= 1;
        }
        places
    }

    /// The places `n` is shown with: `decimals` when the journalist set it, else exact
    /// (a computed number under a scale word: at most [`COMPUTED_SCALED_DECIMALS`]).
    fn places(&self, n: Num, scale: Scale) -> u8 {
        match self.decimals {
            Some(d) => d,
            None if n.computed && scale != Scale::None => {
                Self::exact_places(n, scale).min(COMPUTED_SCALED_DECIMALS)
            }
            None => Self::exact_places(n, scale),
        }
    }

    /// The places a written number would need after its scale word, when that is more than
    /// [`SCALED_DECIMALS`] and `decimals` is not set: validation refuses such a number
    /// (`16431234` in millions would be `16,431234 triệu`) rather than round it unasked.
    pub fn scale_rounds(&self, n: Num) -> Option<u8> {
        let scale = self.scale_for(n);
        let exact = Self::exact_places(n, scale);
        (self.decimals.is_none() && scale != Scale::None && exact > SCALED_DECIMALS)
            .then_some(exact)
    }

    /// The number alone, scaled, with its scale word but no unit: `16,4 triệu`.
    pub fn number(&self, n: Num, lang: Lang) -> String {
        let scale = self.scale_for(n);
        let digits = format_fixed(n.value / scale.factor(), self.places(n, scale), lang);
        self.with_word(digits, scale, lang)
    }

    /// `digits` followed by the word of `scale`, if any: `16,4 triệu`.
    fn with_word(&self, digits: String, scale: Scale, lang: Lang) -> String {
        match scale.word(lang, self.billion) {
            Some(word) => format!("{digits}{NBSP}{word}"),
            None => digits,
        }
    }

    /// A number factbox made up (an axis tick), written with this format's scale word and
    /// as many places as it has, up to 2: `5 triệu`, `2,5`.
    pub fn tick(&self, value: f64, lang: Lang) -> String {
        let digits = format_auto(value / self.scale.factor(), 2, lang);
        self.with_word(digits, self.scale, lang)
    }

    /// Whether the number as shown drops digits it was written with: only when the
    /// journalist asked for fewer `decimals`. Tooltips and data tables then add the full
    /// number ([`NumberFormat::in_full`]).
    pub fn rounds(&self, n: Num) -> bool {
        let scale = self.scale_for(n);
        !n.computed && self.places(n, scale) < Self::exact_places(n, scale)
    }

    /// The number with its unit: `9.300 tỉ đồng/năm`, `31%`.
    pub fn with_unit(&self, n: Num, lang: Lang) -> String {
        self.attach_unit(self.number(n, lang))
    }

    /// `number` followed by the unit, attached (`31%`) or after a no-break space.
    pub fn attach_unit(&self, number: String) -> String {
        match self.unit.as_deref() {
            Some(unit) if unit_attaches(unit) => format!("{number}{unit}"),
            Some(unit) => format!("{number}{NBSP}{unit}"),
            None => number,
        }
    }

    /// The number with its qualifier and unit, as the article writes it: `hơn 9.300 tỉ đồng`.
    pub fn as_written(&self, qualifier: Option<&str>, n: Num, lang: Lang) -> String {
        with_qualifier(qualifier, self.with_unit(n, lang))
    }

    /// The number unscaled, with every place it was written with, and its unit:
    /// `16.431.234 tài khoản`, `0,8125`.
    pub fn in_full(&self, n: Num, lang: Lang) -> String {
        self.attach_unit(format_fixed(n.value, n.decimals, lang))
    }

    /// [`NumberFormat::as_written`], followed by the number in full when the shown one is
    /// rounded (`hơn 16,43 triệu (16.431.234)`): for tooltips and data tables, which must
    /// give the value as written.
    pub fn exact(&self, qualifier: Option<&str>, n: Num, lang: Lang) -> String {
        let shown = self.as_written(qualifier, n, lang);
        if self.rounds(n) {
            format!("{shown} ({})", format_fixed(n.value, n.decimals, lang))
        } else {
            shown
        }
    }
}

impl NumberFormat {
    /// A value's number with its scale word: `36`, a range `13–14` or `90–200 tỷ` (both ends
    /// under the upper end's scale word, each with its own written places). A range with a
    /// negative end is joined with words (`−5 đến 3`), where a dash would read as a minus.
    pub fn value_number(&self, v: Value, lang: Lang) -> String {
        let Some(high) = v.high else {
            return self.number(v.low, lang);
        };
        let scale = self.scale_for(high);
        let end = |n: Num| format_fixed(n.value / scale.factor(), self.places(n, scale), lang);
        let joiner = if v.low.value < 0.0 || high.value < 0.0 {
            match lang {
                Lang::Vi => " đến ",
                Lang::En => " to ",
            }
        } else {
            "–"
        };
        self.with_word(format!("{}{joiner}{}", end(v.low), end(high)), scale, lang)
    }

    /// A value with its unit: `13–14%`, `36 tỷ USD`.
    pub fn value_with_unit(&self, v: Value, lang: Lang) -> String {
        self.attach_unit(self.value_number(v, lang))
    }

    /// A value as the article writes it, qualifier and unit: `khoảng 13–14%`.
    pub fn value_as_written(&self, qualifier: Option<&str>, v: Value, lang: Lang) -> String {
        with_qualifier(qualifier, self.value_with_unit(v, lang))
    }

    /// [`NumberFormat::value_as_written`], in full where the label rounds a number (see
    /// [`NumberFormat::exact`]), for tooltips and data tables.
    pub fn value_exact(&self, qualifier: Option<&str>, v: Value, lang: Lang) -> String {
        match v.single() {
            Some(n) => self.exact(qualifier, n, lang),
            None => {
                let shown = self.value_as_written(qualifier, v, lang);
                if self.rounds(v.low) || self.rounds(v.high()) {
                    let full = format!(
                        "{}–{}",
                        format_fixed(v.low.value, v.low.decimals, lang),
                        format_fixed(v.high().value, v.high().decimals, lang)
                    );
                    format!("{shown} ({full})")
                } else {
                    shown
                }
            }
        }
    }

    /// The unit of a difference between two values of this format: two percentages differ
    /// by percentage points, not by a percentage ("còn thiếu 7 điểm phần trăm").
    pub fn difference(&self, lang: Lang) -> NumberFormat {
        let points = match lang {
            Lang::Vi => "điểm phần trăm",
            Lang::En => "percentage points",
        };
        match self.unit.as_deref() {
            Some("%") => NumberFormat {
                unit: Some(points.to_owned()),
                ..self.clone()
            },
            _ => self.clone(),
        }
    }
}

/// A calendar date with the precision the journalist gave: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl PartialDate {
    /// Reads `2024`, `2024-08` or `2024-08-31`; `None` if malformed or not a real date.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let mut number = |len: usize| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().ok().map(Some)
                }
                Some(_) => None,
            }
        };
        let month = number(2)?;
        let day = if month.is_some() { number(2)? } else { None };
        if parts.next().is_some() {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(PartialDate { year, month, day })
    }

    /// A date written the Vietnamese way, day first (`17/9/2024`, `17-9-2024`,
    /// `17.9.2024`) or month and year (`9/2024`), if it is a real date: what a journalist
    /// who wrote it meant, for the message that says how JSON writes it.
    pub fn from_day_month_year(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
        let number = |p: &str, max_len: usize| {
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let iso = match parts.as_slice() {
            [d, m, y] if y.len() == 4 => {
                format!("{y}-{:02}-{:02}", number(m, 2)?, number(d, 2)?)
            }
            [m, y] if y.len() == 4 => format!("{y}-{:02}", number(m, 2)?),
            _ => return None,
        };
        PartialDate::parse(&iso)
    }

    /// Days from 1970-01-01 to the start of this date's year, month or day: dates are
    /// placed on a time axis by this number, so uneven gaps keep their true length.
    pub fn day_number(&self) -> f64 {
        // Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar.
        let (m, d) = (
            i64::from(self.month.unwrap_or(1)),
            i64::from(self.day.unwrap_or(1)),
        );
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) as f64
    }

    /// The day number (as [`PartialDate::day_number`]) of the last day of this date's
    /// year, month or day.
    pub fn last_day(&self) -> f64 {
        let next = match (self.month, self.day) {
            (_, Some(_)) => return self.day_number(),
            (Some(12), None) => PartialDate::year_start(self.year + 1),
            (Some(m), None) => PartialDate::month_start(self.year, m + 1),
            (None, _) => PartialDate::year_start(self.year + 1),
        };
        next.day_number() - 1.0
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Whether the date says only a year (`2019`), not a month or day within it.
    pub fn is_year(&self) -> bool {
        self.month.is_none()
    }

    /// The first day of `year`.
    pub fn year_start(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// The first day of a month.
    pub fn month_start(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month.clamp(1, 12)),
            day: None,
        }
    }

    /// The date as written in the JSON and in CSV files: `2024`, `2024-08`, `2024-08-31`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The date as a reader of `lang` expects it: `8/2024`, `9/12/2019`; `Aug 2024`,
    /// `9 Dec 2019`.
    pub fn display(&self, lang: Lang) -> String {
        let Some(month) = self.month else {
            return self.year.to_string();
        };
        reference::date(self.year, month, self.day, lang)
    }
}

/// `text` as a screen reader should get it: thousands not grouped ("9300", which every
/// speech engine reads as one number, where "9.300" may be read as "nine point three
/// hundred" by an engine that does not know the locale), and units with a slash read as
/// "per" ("tỉ đồng mỗi năm").
pub fn spoken(text: &str, lang: Lang) -> String {
    read_aloud(text, lang, true)
}

/// `text` with thousands not grouped, as in [`spoken`], but slashes kept: for texts that
/// mix numbers with the journalist's labels ("A/B" there is not a unit).
pub fn ungrouped(text: &str, lang: Lang) -> String {
    read_aloud(text, lang, false)
}

fn read_aloud(text: &str, lang: Lang, per: bool) -> String {
    let group = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let digit_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        let grouping = c == group
            && i > 0
            && digit_at(i - 1)
            && (1..=3).all(|k| digit_at(i + k))
            && !digit_at(i + 4);
        if grouping {
            continue;
        }
        if per && c == '/' && !(i > 0 && digit_at(i - 1) && digit_at(i + 1)) {
            out.push_str(match lang {
                Lang::Vi => " mỗi ",
                Lang::En => " per ",
            });
            continue;
        }
        out.push(c);
    }
    out
}

/// Which way a figure moved, shown by an arrow and words, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    /// The arrow shown before the change.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "▲",
            Direction::Down => "▼",
            Direction::Same => "■",
        }
    }
}

/// A change from an earlier value, written out: `×35`, `+20%`, `+2 bậc`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Which way it moved (for ranks, up means a better, smaller rank).
    pub direction: Direction,
    /// The change itself, e.g. `×35` or `+2 bậc`.
    pub text: String,
    /// The change in words, for screen readers: `tăng gấp 35 lần`, `up 20%`.
    pub words: String,
    /// Whether it is for the better, when the data has a direction (ranks always do).
    pub improved: Option<bool>,
}

/// "tăng" / "up" and the like, before a change without its sign.
fn moved(direction: Direction, lang: Lang) -> &'static str {
    match (direction, lang) {
        (Direction::Up, Lang::Vi) => "tăng",
        (Direction::Down, Lang::Vi) => "giảm",
        (Direction::Same, Lang::Vi) => "không đổi",
        (Direction::Up, Lang::En) => "up",
        (Direction::Down, Lang::En) => "down",
        (Direction::Same, Lang::En) => "unchanged",
    }
}

fn signed(value: f64, text: String) -> String {
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The change from `from` to `to` in the given style, judged by `better` when the data
/// has a direction: with `better: lower`, a fall is an improvement and is called so. The
/// `percent` and `ratio` styles need a `from` other than 0 (validation guarantees it).
pub fn change(
    style: ChangeStyle,
    from: Num,
    to: Num,
    number: &NumberFormat,
    better: Option<Better>,
    lang: Lang,
) -> Change {
    let direction_of = |delta: f64| {
        if delta > 0.0 {
            Direction::Up
        } else if delta < 0.0 {
            Direction::Down
        } else {
            Direction::Same
        }
    };
    let places = from.decimals.max(to.decimals);
    let mut change = match style {
        ChangeStyle::Difference => {
            // Two percentages differ by percentage points.
            let number = &number.difference(lang);
            let delta = Num::computed(to.value - from.value, places);
            let direction = direction_of(delta.value);
            let size = Num::computed(delta.value.abs(), places);
            Change {
                direction,
                text: signed(delta.value, number.with_unit(delta, lang)),
                words: format!(
                    "{} {}",
                    moved(direction, lang),
                    number.with_unit(size, lang)
                ),
                improved: None,
            }
        }
        ChangeStyle::Percent => {
            let pct = (to.value / from.value - 1.0) * 100.0;
            let decimals = if pct.abs() >= 10.0 { 0 } else { 1 };
            let pct_text = format_fixed(pct, decimals, lang);
            let abs_text = format_fixed(pct.abs(), decimals, lang);
            let direction = direction_of(pct);
            Change {
                direction,
                text: signed(pct, format!("{}%", pct_text.trim_end_matches([',', '.']))),
                words: format!("{} {abs_text}%", moved(direction, lang)),
                improved: None,
            }
        }
        ChangeStyle::Ratio => {
            let ratio = to.value / from.value;
            let decimals = if ratio >= 10.0 { 0 } else { 1 };
            let mut text = format_fixed(ratio, decimals, lang);
            // ×2,0 reads better as ×2.
            for zero in [",0", ".0"] {
                if let Some(t) = text.strip_suffix(zero) {
                    text = t.to_owned();
                }
            }
            let words = match lang {
                Lang::Vi => format!("gấp {text} lần"),
                Lang::En => format!("{text} times"),
            };
            Change {
                direction: direction_of(ratio - 1.0),
                text: format!("×{text}"),
                words,
                improved: None,
            }
        }
        ChangeStyle::Rank => {
            // A smaller rank is better, so moving from 88 to 86 is "up 2": the words
            // themselves say which way is better, as Vietnamese papers write it.
            let places = from.value - to.value;
            let text = rank_move(places, lang);
            return Change {
                direction: direction_of(places),
                words: text.clone(),
                text,
                improved: (places != 0.0).then_some(places > 0.0),
            };
        }
    };
    // A change of data with a direction says whether it is for the better, in words.
    if let Some(better) = better {
        if change.direction != Direction::Same {
            let up_is_better = better == Better::Higher;
            let improved = (change.direction == Direction::Up) == up_is_better;
            let verdict = lang.words().verdict(improved);
            change.text = format!("{} ({verdict})", change.text);
            change.words = format!("{}, {verdict}", change.words);
            change.improved = Some(improved);
        }
    }
    change
}

/// A move of `places` ranks up (positive) or down, in words: `tăng 2 bậc`, `down 1 place`.
pub fn rank_move(places: f64, lang: Lang) -> String {
    let n = format_auto(places.abs(), 0, lang);
    let unit = |n: &str| if n == "1" { "place" } else { "places" };
    match (places.partial_cmp(&0.0), lang) {
        (Some(std::cmp::Ordering::Greater), Lang::Vi) => format!("tăng{NBSP}{n}{NBSP}bậc"),
        (Some(std::cmp::Ordering::Less), Lang::Vi) => format!("giảm{NBSP}{n}{NBSP}bậc"),
        (_, Lang::Vi) => "giữ nguyên".to_owned(),
        (Some(std::cmp::Ordering::Greater), Lang::En) => format!("up{NBSP}{n}{NBSP}{}", unit(&n)),
        (Some(std::cmp::Ordering::Less), Lang::En) => format!("down{NBSP}{n}{NBSP}{}", unit(&n)),
        (_, Lang::En) => "unchanged".to_owned(),
    }
}

/// How far a rank is from a better target rank, in words: `còn cách 16 bậc`,
/// `16 places to go`.
pub fn places_to_go(places: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("còn cách{NBSP}{places}{NBSP}bậc"),
        Lang::En if places == 1 => format!("1{NBSP}place to go"),
        Lang::En => format!("{places}{NBSP}places to go"),
    }
}

/// A rank as a label: `hạng 86` (with `out_of`, `hạng 86/193`); in English `No. 86`
/// (`No. 86 of 193`), the form English newsrooms use for a place in a ranking.
pub fn rank_label(rank: Num, out_of: Option<u32>, lang: Lang) -> String {
    let n = format_fixed(rank.value, 0, lang);
    match (lang, out_of) {
        (Lang::Vi, None) => format!("hạng{NBSP}{n}"),
        (Lang::Vi, Some(total)) => format!("hạng{NBSP}{n}/{total}"),
        (Lang::En, None) => format!("No.{NBSP}{n}"),
        (Lang::En, Some(total)) => format!("No.{NBSP}{n}{NBSP}of{NBSP}{total}"),
    }
}

impl Words {
    /// "tốt hơn" or "kém hơn": a change judged by the data's direction.
    pub fn verdict(&self, improved: bool) -> &'static str {
        if improved { self.better } else { self.worse }
    }
}

/// The words the widget itself shows, in each language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub source: &'static str,
    pub as_of: &'static str,
    pub compared_with: &'static str,
    pub error_title: &'static str,
    pub chart: &'static str,
    pub get_data: &'static str,
    pub get_image: &'static str,
    pub retry: &'static str,
    pub better: &'static str,
    pub worse: &'static str,
    /// What readers of a published page see in place of a box that cannot be shown.
    pub unavailable: &'static str,
    /// Under the full messages, for editors: why they see them; followed by what readers
    /// see ([`Words::unavailable`]).
    pub preview_note: &'static str,
    /// After an internal error, to editors: what to do about it.
    pub report: &'static str,
    /// To editors, when the wasm cannot start at all (followed by the browser's reason).
    pub no_start: &'static str,
    /// A table's search field: its label and its placeholder.
    pub search: &'static str,
    pub search_hint: &'static str,
    /// How many of a table's rows are shown: `{n}` and `{total}` are filled in.
    pub rows_shown: &'static str,
    /// How many rows match a search: `{n}` and `{total}` are filled in.
    pub rows_found: &'static str,
    /// The button that shows the next page of rows: `{n}`, how many more.
    pub more_rows: &'static str,
    /// What shows every row where the script has not run: `{n}`, how many rows in all.
    pub all_rows: &'static str,
    /// An empty cell: no figure.
    pub no_figure: &'static str,
    /// A table's sort buttons, for screen readers: `{column}` is the heading.
    pub sort_by: &'static str,
    /// Under a table with heat colours: what they mean.
    pub heat_key: &'static str,
    /// Under a box with live data, when it was read: `{time}` is filled in.
    pub updated: &'static str,
    /// The same, when the last reads failed and the box shows older figures. Short, as
    /// the line it replaces: on a 360 px phone both take one line, so marking a box moves
    /// nothing.
    pub stale: &'static str,
    /// Under a live box whose data could not be read at all: it shows its own figures.
    pub unread: &'static str,
}

impl Lang {
    /// The widget's own words in this language.
    pub fn words(self) -> Words {
        match self {
            Lang::Vi => Words {
                source: "Nguồn",
                as_of: "Số liệu đến",
                compared_with: "so với",
                error_title: "Không hiển thị được hộp số liệu",
                chart: "Biểu đồ",
                get_data: "Tải dữ liệu",
                get_image: "Tải ảnh",
                retry: "Thử lại",
                better: "tốt hơn",
                worse: "kém hơn",
                unavailable: "Hộp số liệu này hiện không hiển thị được.",
                preview_note: "Chi tiết lỗi này chỉ hiện khi xem trước (localhost, data-factbox-debug hoặc ?factbox-debug); độc giả chỉ thấy:",
                report: "Hãy báo lỗi này kèm tệp dữ liệu.",
                no_start: "factbox không khởi động được",
                search: "Tìm trong bảng",
                search_hint: "Tìm, ví dụ: ha noi",
                rows_shown: "Hiển thị {n}/{total} dòng",
                rows_found: "{n}/{total} dòng khớp",
                more_rows: "Xem thêm {n} dòng",
                all_rows: "Xem tất cả {n} dòng",
                no_figure: "không có số liệu",
                sort_by: "Sắp xếp theo {column}",
                heat_key: "Màu ô theo giá trị",
                updated: "Cập nhật lúc {time}",
                stale: "Có thể đã cũ: đọc lần cuối {time}",
                unread: "Có thể đã cũ: chưa đọc được số liệu mới",
            },
            Lang::En => Words {
                source: "Source",
                as_of: "Data as of",
                compared_with: "vs.",
                error_title: "This fact box could not be shown",
                chart: "Chart",
                get_data: "Get the data",
                get_image: "Download image",
                retry: "Try again",
                better: "better",
                worse: "worse",
                unavailable: "This fact box is not available right now.",
                preview_note: "These details show only in a preview (localhost, data-factbox-debug or ?factbox-debug); readers see only:",
                report: "Please report it with the data file.",
                no_start: "factbox failed to start",
                search: "Search the table",
                search_hint: "Search, e.g. hanoi",
                rows_shown: "Showing {n} of {total} rows",
                rows_found: "{n} of {total} rows match",
                more_rows: "Show {n} more",
                all_rows: "Show all {n} rows",
                no_figure: "no figure",
                sort_by: "Sort by {column}",
                heat_key: "Cell colour by value",
                updated: "Updated {time}",
                stale: "May be out of date: read {time}",
                unread: "May be out of date: new figures not read",
            },
        }
    }
}
