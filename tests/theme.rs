//! The colours: WCAG contrast for text (4.5:1) and chart marks (3:1) on the box background,
//! in light and dark; a palette that stays distinguishable for the common colour-vision
//! deficiencies (checked by simulation, not by eye); and the CSS defaults equal to the
//! Rust ones the canvas falls back on.

use factbox::render::Theme;
use plotters::style::RGBColor;

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(c: RGBColor) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn themes() -> [(&'static str, Theme); 2] {
    [("light", Theme::light()), ("dark", Theme::dark())]
}

#[test]
fn text_and_marks_have_enough_contrast() {
    for (name, t) in themes() {
        let bg = t.background;
        for (what, c, min) in [
            ("text", t.text, 4.5),
            ("muted text", t.muted, 4.5),
            ("reference", t.reference, 4.5),
            ("highlight", t.highlight, 3.0),
            ("mark", t.mark, 3.0),
            ("grid (zero line)", t.grid, 3.0),
        ] {
            let r = contrast(c, bg);
            assert!(
                r >= min,
                "{name}: {what} {c:?} has {r:.2}:1 on {bg:?}, needs {min}:1"
            );
        }
        for (i, &c) in t.series.iter().enumerate() {
            let r = contrast(c, bg);
            assert!(
                r >= 3.0,
                "{name}: series colour {i} {c:?} has {r:.2}:1 on {bg:?}"
            );
        }
        // The tooltip is the text colour on a background of the box's background colour.
        assert!(contrast(t.background, t.text) >= 4.5);
    }
}

/// Machado, Oliveira and Fernandes (2009) matrices for full-strength deficiencies, applied
/// in linear RGB.
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

/// CIELAB (D65) of a colour given in linear RGB.
fn lab(rgb: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = rgb.map(|v| v.clamp(0.0, 1.0));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

fn simulate(c: RGBColor, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let v = [linear(c.0), linear(c.1), linear(c.2)];
    [0, 1, 2].map(|row| m[row][0] * v[0] + m[row][1] * v[1] + m[row][2] * v[2])
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn the_palette_stays_distinguishable_under_colour_vision_deficiencies() {
    // Neighbouring parts of a share and series of a line must differ for every reader.
    // A CIE76 difference of 12 is clearly visible side by side; shares also separate parts
    // with a background-coloured gap, and lines carry their names in tooltips and legend.
    const MIN_DELTA_E: f64 = 12.0;
    for (name, t) in themes() {
        let colours: Vec<RGBColor> = t.series.iter().copied().chain([t.highlight]).collect();
        for (sim, m) in &SIMULATIONS {
            for i in 0..colours.len() {
                for j in (i + 1)..colours.len() {
                    let d = delta_e(lab(simulate(colours[i], m)), lab(simulate(colours[j], m)));
                    assert!(
                        d >= MIN_DELTA_E,
                        "{name}, {sim}: colours {i} {:?} and {j} {:?} differ by only ΔE {d:.1}",
                        colours[i],
                        colours[j]
                    );
                }
            }
        }
    }
}

/// Every `#rrggbb` of the `occurrence`-th declaration of `name` in `css` (a
/// `light-dark(var(--factbox-…, #light), var(--factbox-…-dark, #dark))` has two).
fn css_colours(css: &str, name: &str, occurrence: usize) -> Vec<RGBColor> {
    let at = css
        .match_indices(&format!("{name}:"))
        .nth(occurrence)
        .map(|(i, _)| i)
        .expect(name);
    let declaration = css[at..].split(';').next().expect("a declaration");
    declaration
        .match_indices('#')
        .map(|(i, _)| {
            let hex = &declaration[i + 1..i + 7];
            let v = |k: usize| u8::from_str_radix(&hex[k..k + 2], 16).expect("hex");
            RGBColor(v(0), v(2), v(4))
        })
        .collect()
}

#[test]
fn css_defaults_match_the_rust_themes() {
    let css = std::fs::read_to_string("src/web/style.css").expect("stylesheet");
    let (light, dark) = (Theme::light(), Theme::dark());
    let mut names: Vec<(String, RGBColor, RGBColor)> = vec![
        ("--fb-text".into(), light.text, dark.text),
        ("--fb-muted".into(), light.muted, dark.muted),
        ("--fb-grid".into(), light.grid, dark.grid),
        ("--fb-mark".into(), light.mark, dark.mark),
        ("--fb-bg".into(), light.background, dark.background),
        ("--fb-track".into(), light.track, dark.track),
    ];
    for (i, (&l, &d)) in light.series.iter().zip(&dark.series).enumerate() {
        names.push((format!("--fb-s{i}"), l, d));
    }
    for (name, l, d) in names {
        // light-dark() where it is supported; then, for browsers without it, the light
        // values, the dark ones by the system setting, and by the box's attribute.
        assert_eq!(css_colours(&css, &name, 0), vec![l, d], "{name}");
        assert_eq!(css_colours(&css, &name, 1), vec![l], "{name}");
        assert_eq!(css_colours(&css, &name, 2), vec![d], "{name}");
        assert_eq!(css_colours(&css, &name, 3), vec![d], "{name}");
    }
}
