//! The text of a key-figure box, formatted for its locale.
//!
//! Key figures are HTML text, not pixels (they stay sharp, selectable, translatable and
//! readable by screen readers), so their "layout" is only the strings; CSS places them.

use crate::format::{Direction, Lang, change};
use crate::model::Figure;

/// One figure, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureView {
    /// The qualifier before the number, as the article writes it (`hơn`).
    pub qualifier: Option<String>,
    /// The number with its scale word: `9.300`, `16,4 triệu`.
    pub number: String,
    /// The unit after the number: `tỉ đồng/năm`.
    pub unit: Option<String>,
    /// Whether the unit is written right after the number, without a space (`31%`).
    pub unit_attached: bool,
    /// The status word shown beside the value (`ước tính`), for an estimate, a forecast or
    /// a preliminary figure.
    pub status: Option<String>,
    /// What the figure counts.
    pub label: String,
    /// The change from an earlier value, if one is given.
    pub change: Option<ChangeView>,
    /// The whole figure in one line, for screen readers and tooltips:
    /// `hơn 9.300 tỉ đồng/năm`.
    pub spoken: String,
}

/// A change from an earlier value, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeView {
    pub direction: Direction,
    /// Whether the change is for the better, when the data has a direction.
    pub improved: Option<bool>,
    /// `×35`, `+20%`, `tăng 2 bậc`.
    pub change: String,
    /// The change and its context in words, for screen readers:
    /// `gấp 35 lần so với 3/2021: hơn 468 nghìn`.
    pub spoken: String,
    /// What it is compared with: `so với 3/2021: hơn 468 nghìn`.
    pub context: String,
}

/// Formats one figure for `lang`. A rank reads `hạng 86/193` (`No. 86/193`): the rank
/// word stands where a qualifier would, `out_of` as a unit attached to the number.
pub fn view(figure: &Figure, lang: Lang) -> FigureView {
    let format = &figure.format;
    let measure = figure.measure;
    let ranks = measure.is_ranks();
    let (qualifier, number, unit) = if ranks {
        let word = match lang {
            Lang::Vi => "hạng",
            Lang::En => "No.",
        };
        (
            Some(figure.qualifier.clone().unwrap_or_else(|| word.to_owned())),
            crate::format::format_fixed(figure.value.low().value(), 0, lang),
            measure.out_of().map(|n| format!("/{n}")),
        )
    } else {
        (
            figure.qualifier.clone(),
            sign(figure, format.value_number(figure.value, lang)),
            format.unit.clone(),
        )
    };
    let unit_attached = unit.as_deref().is_some_and(crate::format::unit_attaches);
    let change = figure.compare.as_ref().map(|c| {
        // Validation refuses a comparison with a range: the value is one number here.
        let ch = change(
            c.style,
            c.value,
            figure.value.low(),
            format,
            measure.better(),
            lang,
        );
        // Validation makes a figure compared with `show: rank` a rank: the measure decides.
        let earlier = crate::format::with_status(
            measure.show(format, c.qualifier.as_deref(), c.value, lang),
            c.status,
            lang,
        );
        let words = lang.words();
        let context = match &c.date {
            Some(d) => format!("{} {}: {earlier}", words.compared_with, d.display(lang)),
            None => format!("{} {earlier}", words.compared_with),
        };
        ChangeView {
            direction: ch.direction,
            improved: ch.improved,
            spoken: crate::format::spoken(&format!("{} {context}", ch.words), lang),
            change: ch.text,
            context,
        }
    });
    let whole = if ranks {
        crate::format::with_qualifier(
            figure.qualifier.as_deref(),
            crate::format::rank_label(figure.value.low(), measure.out_of(), lang),
        )
    } else {
        crate::format::with_qualifier(
            figure.qualifier.as_deref(),
            format.attach_unit(sign(figure, format.value_number(figure.value, lang))),
        )
    };
    let status = figure.value.status().map(|s| s.word(lang).to_owned());
    let whole = crate::format::with_status(whole, figure.value.status(), lang);
    FigureView {
        spoken: crate::format::spoken(&whole, lang),
        status,
        qualifier,
        number,
        unit,
        unit_attached,
        label: figure.label.clone(),
        change,
    }
}

/// A figure that is itself a change (`signed`) shows a `+` before a positive value, as
/// the article prints it: `+16`.
fn sign(figure: &Figure, number: String) -> String {
    if figure.signed && figure.value.low().value() > 0.0 {
        format!("+{number}")
    } else {
        number
    }
}
