//! Numbers, dates and changes, written as each locale's newsrooms write them.

use factbox::format::{
    Lang, NBSP, Num, NumberFormat, PartialDate, auto_decimals, change, format_auto, format_fixed,
    places_to_go, rank_label,
};
use factbox::spec::{Better, ChangeStyle, Scale};

/// A number written with the places of its shortest form (`85.4`: 1).
fn w(value: f64) -> Num {
    Num::written(value, auto_decimals(value, 6))
}

fn nf(scale: Scale, unit: Option<&str>) -> NumberFormat {
    NumberFormat {
        decimals: None,
        scale,
        unit: unit.map(str::to_owned),
        ..NumberFormat::default()
    }
}

/// Shows no-break spaces as `_` so that expectations are readable.
fn v(s: String) -> String {
    s.replace(NBSP, "_")
}

#[test]
fn numbers_in_each_locale() {
    let cases: &[(f64, u8, &str, &str)] = &[
        (9300.0, 0, "9.300", "9,300"),
        (26.7, 1, "26,7", "26.7"),
        (1_400_000.0, 0, "1.400.000", "1,400,000"),
        (0.0, 0, "0", "0"),
        (-1200.5, 1, "−1.200,5", "−1,200.5"),
        (999.0, 0, "999", "999"),
        (1000.0, 0, "1.000", "1,000"),
        (85.4, 1, "85,4", "85.4"),
        (-0.04, 1, "0,0", "0.0"),
    ];
    for &(value, decimals, vi, en) in cases {
        assert_eq!(format_fixed(value, decimals, Lang::Vi), vi, "{value}");
        assert_eq!(format_fixed(value, decimals, Lang::En), en, "{value}");
    }
    assert_eq!(format_auto(16.4, 2, Lang::Vi), "16,4");
    assert_eq!(format_auto(2560.0, 2, Lang::Vi), "2.560");
    assert_eq!(format_auto(1.0 / 3.0, 2, Lang::En), "0.33");
}

#[test]
fn large_numbers_in_words() {
    let million = nf(Scale::Million, Some("tài khoản"));
    assert_eq!(
        v(million.with_unit(w(16_400_000.0), Lang::Vi)),
        "16,4_triệu_tài khoản"
    );
    assert_eq!(
        v(million.with_unit(w(16_400_000.0), Lang::En)),
        "16.4_million_tài khoản"
    );
    let thousand = nf(Scale::Thousand, None);
    assert_eq!(v(thousand.number(w(468_000.0), Lang::Vi)), "468_nghìn");
    assert_eq!(v(thousand.number(w(468_000.0), Lang::En)), "468_thousand");
    let billion = nf(Scale::Billion, Some("đồng"));
    assert_eq!(
        v(billion.as_written(Some("hơn"), w(26_700_000_000.0), Lang::Vi)),
        "hơn_26,7_tỉ_đồng"
    );
    let none = nf(Scale::None, Some("tỉ đồng/năm"));
    assert_eq!(
        v(none.as_written(Some("hơn"), w(9300.0), Lang::Vi)),
        "hơn_9.300_tỉ đồng/năm"
    );
    let percent = nf(Scale::None, Some("%"));
    assert_eq!(percent.with_unit(w(31.0), Lang::Vi), "31%");
    assert_eq!(percent.with_unit(w(85.4), Lang::Vi), "85,4%");
}

#[test]
fn an_earlier_value_gets_a_scale_that_fits_it() {
    assert_eq!(Scale::Million.fitted(16_400_000.0), Scale::Million);
    assert_eq!(Scale::Million.fitted(468_000.0), Scale::Thousand);
    assert_eq!(Scale::Million.fitted(8.0), Scale::None);
    assert_eq!(Scale::Billion.fitted(5_000_000.0), Scale::Million);
    assert_eq!(Scale::None.fitted(5_000_000.0), Scale::None);
}

#[test]
fn dates_with_the_precision_given() {
    let cases = [
        ("2020", "2020", "2020"),
        ("2024-08", "8/2024", "Aug 2024"),
        ("2019-12-09", "9/12/2019", "9 Dec 2019"),
        ("2024-02-29", "29/2/2024", "29 Feb 2024"),
    ];
    for (text, vi, en) in cases {
        let d = PartialDate::parse(text).expect(text);
        assert_eq!(d.display(Lang::Vi), vi);
        assert_eq!(d.display(Lang::En), en);
    }
    for bad in [
        "2023-02-29",
        "2021-13",
        "2021-00",
        "2021-04-31",
        "20",
        "8/2024",
        "2024-8",
        "2024-08-1",
        "",
        "2024-08-01-02",
        "abcd",
    ] {
        assert_eq!(PartialDate::parse(bad), None, "{bad}");
    }
}

#[test]
fn changes_as_the_article_states_them() {
    let plain = nf(Scale::None, None);
    let c = change(
        ChangeStyle::Ratio,
        w(468_000.0),
        w(16_400_000.0),
        &plain,
        None,
        Lang::Vi,
    );
    assert_eq!(c.text, "×35");
    let c = change(ChangeStyle::Ratio, w(2.0), w(5.0), &plain, None, Lang::Vi);
    assert_eq!(c.text, "×2,5");
    let c = change(ChangeStyle::Ratio, w(2.0), w(4.0), &plain, None, Lang::En);
    assert_eq!(c.text, "×2");
    let c = change(
        ChangeStyle::Percent,
        w(100.0),
        w(120.0),
        &plain,
        None,
        Lang::Vi,
    );
    assert_eq!(c.text, "+20%");
    let c = change(
        ChangeStyle::Percent,
        w(100.0),
        w(95.5),
        &plain,
        None,
        Lang::En,
    );
    assert_eq!(c.text, "−4.5%");
    let c = change(
        ChangeStyle::Difference,
        w(8100.0),
        w(9300.0),
        &plain,
        None,
        Lang::Vi,
    );
    assert_eq!(c.text, "+1.200");
    let c = change(ChangeStyle::Rank, w(88.0), w(86.0), &plain, None, Lang::Vi);
    assert_eq!(v(c.text), "tăng_2_bậc");
    let c = change(ChangeStyle::Rank, w(88.0), w(86.0), &plain, None, Lang::En);
    assert_eq!(v(c.text), "up_2_places");
    let c = change(ChangeStyle::Rank, w(56.0), w(57.0), &plain, None, Lang::En);
    assert_eq!(v(c.text), "down_1_place");
    let c = change(ChangeStyle::Rank, w(57.0), w(57.0), &plain, None, Lang::Vi);
    assert_eq!(c.text, "giữ nguyên");
}

#[test]
fn locale_codes() {
    assert_eq!(Lang::from_code("vi-VN"), Some(Lang::Vi));
    assert_eq!(Lang::from_code("VI-vn"), Some(Lang::Vi));
    assert_eq!(Lang::from_code("en"), Some(Lang::En));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
}

/// The places a number was written with are the places it is printed with: no default
/// precision rounds `0.8125` to `0,81`, and a written `26.70` keeps its zero.
#[test]
fn numbers_print_as_written() {
    let plain = nf(Scale::None, None);
    let cases: &[(f64, u8, &str, &str)] = &[
        (0.8125, 4, "0,8125", "0.8125"),
        (26.7, 2, "26,70", "26.70"),
        (9300.0, 0, "9.300", "9,300"),
        (0.000_125, 6, "0,000125", "0.000125"),
        (-3.5, 1, "−3,5", "−3.5"),
        (1_234_567.891, 3, "1.234.567,891", "1,234,567.891"),
    ];
    for &(value, places, vi, en) in cases {
        let n = Num::written(value, places);
        assert_eq!(plain.number(n, Lang::Vi), vi, "{value}");
        assert_eq!(plain.number(n, Lang::En), en, "{value}");
        assert!(!plain.rounds(n));
    }
    // `decimals` rounds on request, and says so: the tooltip form adds the full number.
    let two = NumberFormat {
        decimals: Some(2),
        ..plain.clone()
    };
    let n = Num::written(0.8125, 4);
    assert_eq!(two.number(n, Lang::Vi), "0,81");
    assert!(two.rounds(n));
    assert_eq!(two.exact(None, n, Lang::Vi), "0,81 (0,8125)");
    assert_eq!(plain.exact(None, n, Lang::Vi), "0,8125");
}

/// A scale word shows exactly the written number (16400000 → 16,4 triệu), and tells when
/// it cannot in two places (validation then refuses it without `decimals`).
#[test]
fn scale_words_keep_the_written_digits() {
    let million = nf(Scale::Million, None);
    assert_eq!(v(million.number(w(16_400_000.0), Lang::Vi)), "16,4_triệu");
    assert_eq!(million.scale_rounds(w(16_400_000.0)), None);
    assert_eq!(million.scale_rounds(w(16_431_234.0)), Some(6));
    // A smaller value fits a smaller word: 468000 is 468 nghìn, exactly.
    assert_eq!(v(million.number(w(468_000.0), Lang::Vi)), "468_nghìn");
    assert_eq!(million.scale_rounds(w(468_000.0)), None);
    let computed = Num::computed(15_932_123.0, 0);
    assert_eq!(v(million.number(computed, Lang::Vi)), "15,93_triệu");
}

/// Ranks read as ranks, in both languages.
#[test]
fn ranks_read_as_ranks() {
    assert_eq!(v(rank_label(Num::whole(86), None, Lang::Vi)), "hạng_86");
    assert_eq!(
        v(rank_label(Num::whole(86), Some(193), Lang::Vi)),
        "hạng_86/193"
    );
    assert_eq!(v(rank_label(Num::whole(86), None, Lang::En)), "No._86");
    assert_eq!(
        v(rank_label(Num::whole(86), Some(193), Lang::En)),
        "No._86_of_193"
    );
    assert_eq!(v(places_to_go(16, Lang::Vi)), "còn cách_16_bậc");
    assert_eq!(v(places_to_go(16, Lang::En)), "16_places to go");
    assert_eq!(v(places_to_go(1, Lang::En)), "1_place to go");
}

/// With a direction, a change says whether it is for the better: for lower-is-better
/// data a fall is an improvement.
#[test]
fn changes_are_judged_by_the_data_direction() {
    let plain = nf(Scale::None, Some("%"));
    let fall = change(
        ChangeStyle::Difference,
        w(5.5),
        w(4.0),
        &plain,
        Some(Better::Lower),
        Lang::Vi,
    );
    assert_eq!(fall.text, "−1,5\u{a0}điểm phần trăm (tốt hơn)");
    assert_eq!(fall.improved, Some(true));
    let rise = change(
        ChangeStyle::Difference,
        w(5.5),
        w(6.0),
        &plain,
        Some(Better::Lower),
        Lang::En,
    );
    assert_eq!(rise.text, "+0.5\u{a0}percentage points (worse)");
    assert_eq!(rise.improved, Some(false));
    let neutral = change(
        ChangeStyle::Difference,
        w(5.5),
        w(6.0),
        &plain,
        None,
        Lang::En,
    );
    assert_eq!(neutral.text, "+0.5\u{a0}percentage points");
    assert_eq!(neutral.improved, None);
    // 0.3 - 0.1 is 0.19999999999999998 in binary; written with one place, it is 0.2.
    let dust = change(
        ChangeStyle::Difference,
        w(0.1),
        w(0.3),
        &nf(Scale::None, None),
        None,
        Lang::En,
    );
    assert_eq!(dust.text, "+0.2");
}

/// A deadline given as a year ends with that year.
#[test]
fn a_date_is_a_period() {
    let year = PartialDate::parse("2020").expect("year");
    let june = PartialDate::parse("2020-06").expect("month");
    let december = PartialDate::parse("2020-12").expect("month");
    let new_year = PartialDate::parse("2021-01-01").expect("day");
    assert!(june.last_day() < year.last_day());
    assert_eq!(december.last_day(), year.last_day());
    assert_eq!(new_year.last_day(), year.last_day() + 1.0);
}

#[test]
fn numbers_past_two_to_the_64_are_written_digit_for_digit() {
    // Only messages write them ("the number … is too large to show"), from 64-bit steps
    // rather than 128-bit division: every digit as Rust's own exact formatting has it.
    use factbox::format::reference::plain;
    for v in [1.8446744073709552e19, 1e20, 123_456_789_012_345_680_000_000.0, 2f64.powi(100), 3.0e38, 1.7e38] {
        assert_eq!(plain(v, 0), format!("{v:.0}"), "{v:e}");
    }
    // With places, of the number times 10^places as a float (exact for these two).
    for v in [2f64.powi(64), 2f64.powi(100)] {
        assert_eq!(plain(-v, 3), format!("{:.3}", -v), "{v:e}");
    }
    // Below it, as before.
    assert_eq!(plain(18_446_744_073_709_550_000.0, 0), format!("{:.0}", 18_446_744_073_709_550_000.0f64));
    assert_eq!(plain(2.675, 2), "2.68");
}
