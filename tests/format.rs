//! Numbers, dates and changes, written as each locale's newsrooms write them.

use factbox::format::{Lang, NBSP, NumberFormat, PartialDate, change, format_auto, format_fixed};
use factbox::spec::{ChangeStyle, Scale};

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
        v(million.with_unit(16_400_000.0, Lang::Vi)),
        "16,4_triệu_tài khoản"
    );
    assert_eq!(
        v(million.with_unit(16_400_000.0, Lang::En)),
        "16.4_million_tài khoản"
    );
    let thousand = nf(Scale::Thousand, None);
    assert_eq!(v(thousand.number(468_000.0, Lang::Vi)), "468_nghìn");
    assert_eq!(v(thousand.number(468_000.0, Lang::En)), "468_thousand");
    let billion = nf(Scale::Billion, Some("đồng"));
    assert_eq!(
        v(billion.as_written(Some("hơn"), 26_700_000_000.0, Lang::Vi)),
        "hơn_26,7_tỉ_đồng"
    );
    let none = nf(Scale::None, Some("tỉ đồng/năm"));
    assert_eq!(
        v(none.as_written(Some("hơn"), 9300.0, Lang::Vi)),
        "hơn_9.300_tỉ đồng/năm"
    );
    let percent = nf(Scale::None, Some("%"));
    assert_eq!(percent.with_unit(31.0, Lang::Vi), "31%");
    assert_eq!(percent.with_unit(85.4, Lang::Vi), "85,4%");
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
        468_000.0,
        16_400_000.0,
        &plain,
        Lang::Vi,
    );
    assert_eq!(c.text, "×35");
    let c = change(ChangeStyle::Ratio, 2.0, 5.0, &plain, Lang::Vi);
    assert_eq!(c.text, "×2,5");
    let c = change(ChangeStyle::Ratio, 2.0, 4.0, &plain, Lang::En);
    assert_eq!(c.text, "×2");
    let c = change(ChangeStyle::Percent, 100.0, 120.0, &plain, Lang::Vi);
    assert_eq!(c.text, "+20%");
    let c = change(ChangeStyle::Percent, 100.0, 95.5, &plain, Lang::En);
    assert_eq!(c.text, "−4.5%");
    let c = change(ChangeStyle::Difference, 8100.0, 9300.0, &plain, Lang::Vi);
    assert_eq!(c.text, "+1.200");
    let c = change(ChangeStyle::Rank, 88.0, 86.0, &plain, Lang::Vi);
    assert_eq!(v(c.text), "tăng_2_bậc");
    let c = change(ChangeStyle::Rank, 88.0, 86.0, &plain, Lang::En);
    assert_eq!(v(c.text), "up_2_places");
    let c = change(ChangeStyle::Rank, 56.0, 57.0, &plain, Lang::En);
    assert_eq!(v(c.text), "down_1_place");
    let c = change(ChangeStyle::Rank, 57.0, 57.0, &plain, Lang::Vi);
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
