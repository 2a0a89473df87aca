//! A plotters [`DrawingBackend`] that writes SVG text: the prerendered charts of
//! [`crate::prerender`] and the `factbox render` images are the very [`Scene`]s the canvas
//! draws, through the same [`crate::render::draw`].
//!
//! Colours are written in one of two ways ([`Colors`]):
//! - [`Colors::Classes`]: each paint becomes a class (`f-text` to fill, `s-s0` to stroke)
//!   that the stylesheet maps to the box's `--fb-*` custom properties, so a prerendered
//!   chart follows light, dark, brand colours and forced colours through the same CSS as the
//!   live box. (Presentation attributes cannot hold `var()`, and `style=""` attributes are
//!   refused by a strict CSP.) The drawing is done with [`Theme::tokens`], whose colours
//!   name paints rather than colours.
//! - [`Colors::Literal`]: `#rrggbb` from a real theme, for a standalone `.svg` file and its
//!   PNG (no stylesheet there).
//!
//! Plotters' own `plotters-svg` formats every number with Rust's float printer and writes
//! no classes; this writer keeps the wasm small (integers and tenths only) and is the one
//! place that knows the SVG a box is made of.

use plotters::style::RGBColor;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use crate::layout::Scene;
use crate::render::{Theme, draw};

/// How an SVG says its colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colors {
    /// As classes mapped to CSS custom properties by the stylesheet.
    Classes,
    /// As literal colours.
    Literal,
}

/// The paints, in the order of their token colours (see [`Theme::tokens`]): the class
/// suffix each is written with, and the CSS custom property the stylesheet maps it to
/// (see [`paint_rules`]).
const PAINTS: [(&str, &str); 14] = [
    ("text", "--fb-text"),
    ("muted", "--fb-muted"),
    ("grid", "--fb-grid"),
    ("mark", "--fb-mark"),
    ("hl", "--fb-highlight"),
    ("ref", "--fb-reference"),
    ("track", "--fb-track"),
    ("bg", "--fb-bg"),
    ("s0", "--fb-s0"),
    ("s1", "--fb-s1"),
    ("s2", "--fb-s2"),
    ("s3", "--fb-s3"),
    ("s4", "--fb-s4"),
    ("s5", "--fb-s5"),
];

/// The red channel of every token colour: no theme colour of ours has it with blue < 14
/// and green 0, and tokens never reach a screen.
const TOKEN_RED: u8 = 0xfb;

impl Theme {
    /// A theme whose colours stand for paints (`rgb(251, 0, k)` for the `k`-th of
    /// [`PAINTS`]), for drawing with [`Colors::Classes`].
    pub fn tokens() -> Theme {
        let token = |k: u8| RGBColor(TOKEN_RED, 0, k);
        Theme {
            text: token(0),
            muted: token(1),
            grid: token(2),
            mark: token(3),
            highlight: token(4),
            reference: token(5),
            track: token(6),
            background: token(7),
            series: (8..14).map(token).collect(),
            font_family: String::new(),
        }
    }
}

/// The class suffix of a token colour, if it is one.
fn token_name(c: BackendColor) -> Option<&'static str> {
    let (r, g, b) = c.rgb;
    if r != TOKEN_RED || g != 0 {
        return None;
    }
    PAINTS.get(usize::from(b)).map(|(name, _)| *name)
}

/// The CSS that gives the paint classes their colours: `.f-text{fill:var(--fb-text)}`…
pub fn paint_rules() -> String {
    let mut css = String::new();
    for (name, property) in PAINTS {
        css.push_str(&format!(
            ".f-{name}{{fill:var({property})}}.s-{name}{{stroke:var({property})}}"
        ));
    }
    css
}

/// Where the alphabetic baseline stands in a line's em box, from its top, in ems: Arial's
/// and Liberation Sans's ascent, as browsers place the em box.
const EM_ASCENT: f64 = 0.8;

/// From a text's anchor point (top, middle or bottom of its em box, in pixels) to its
/// alphabetic baseline. Both the canvas and the SVG writer place text on that baseline:
/// the one point every browser and resvg agree on for every font (SVG's
/// `dominant-baseline` keywords and the canvas's `textBaseline` top and middle follow each
/// font's own metrics, differently), so a drawing and its canvas match to the pixel.
pub fn baseline_shift(v: VPos, size: f64) -> f64 {
    match v {
        VPos::Top => EM_ASCENT * size,
        VPos::Center => (EM_ASCENT - 0.5) * size,
        VPos::Bottom => -(1.0 - EM_ASCENT) * size,
    }
}

/// A length in tenths of a pixel, as text: `13.5`, `-2`.
pub fn px(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (whole, frac) = (tenths / 10, (tenths % 10).abs());
    let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// An SVG document being written.
pub struct Svg {
    out: String,
    size: (u32, u32),
    colors: Colors,
}

/// Writing into a string cannot fail; the backend's error type says so.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl Svg {
    fn paint(&self, kind: char, c: BackendColor) -> String {
        match (self.colors, token_name(c)) {
            (Colors::Classes, Some(name)) => format!(" class=\"{kind}-{name}\""),
            _ => {
                let (r, g, b) = c.rgb;
                let attr = if kind == 'f' { "fill" } else { "stroke" };
                let alpha = if c.alpha < 1.0 {
                    format!(" {attr}-opacity=\"{}\"", px(c.alpha.clamp(0.0, 1.0)))
                } else {
                    String::new()
                };
                format!(" {attr}=\"#{r:02x}{g:02x}{b:02x}\"{alpha}")
            }
        }
    }

    /// The attributes of a filled shape, or of an outline `style.stroke_width()` wide.
    fn fill_or_stroke<S: BackendStyle>(&self, style: &S, fill: bool) -> String {
        if fill {
            self.paint('f', style.color())
        } else {
            format!(
                " fill=\"none\"{} stroke-width=\"{}\"",
                self.paint('s', style.color()),
                style.stroke_width()
            )
        }
    }

    fn points<I: IntoIterator<Item = BackendCoord>>(path: I) -> String {
        let mut s = String::new();
        for (k, (x, y)) in path.into_iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(&format!("{x},{y}"));
        }
        s
    }
}

impl Svg {
    /// The chart's data marks, after its shapes, for the interaction script
    /// (`www/interact.js`) to read: one hidden `<g class="fb-m">` per mark holding its
    /// emphasis (shown while the mark is active), with its datum's index (`data-i`), the
    /// region that selects it (`data-hit`: x y width height), the point its tooltip points
    /// at (`data-at`) and the tooltip's lines (`data-tip`, one per line). All in the
    /// drawing's own pixels, so the script scales them by the size the drawing is shown at.
    fn marks(&mut self, scene: &Scene, theme: &Theme) {
        for m in &scene.marks {
            let mut tip = String::new();
            for (k, line) in m.tip.iter().enumerate() {
                if k > 0 {
                    tip.push_str("&#10;");
                }
                crate::markup::escape_into(&mut tip, line);
            }
            let r = m.hit;
            self.out.push_str(&format!(
                "<g class=\"fb-m\" data-i=\"{}\" data-hit=\"{} {} {} {}\" data-at=\"{} {}\" data-tip=\"{tip}\">",
                m.index,
                px(r.x),
                px(r.y),
                px(r.w),
                px(r.h),
                px(m.anchor.0),
                px(m.anchor.1)
            ));
            for shape in &m.emphasis {
                let _ = crate::render::draw_shape(shape, theme, self, 1.0);
            }
            self.out.push_str("</g>");
        }
    }
}

impl DrawingBackend for Svg {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let paint = self.paint('f', color);
        self.out.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\"{paint}/>"
        ));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let (w, h) = (x1 - x0, y1 - y0);
        let paint = self.fill_or_stroke(style, fill);
        self.out.push_str(&format!(
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\"{paint}/>"
        ));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let paint = self.paint('s', style.color());
        self.out.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\"{paint} stroke-width=\"{}\" \
             stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
            Svg::points(path),
            style.stroke_width()
        ));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let paint = self.paint('f', style.color());
        self.out.push_str(&format!(
            "<polygon points=\"{}\"{paint}/>",
            Svg::points(vert)
        ));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let paint = self.fill_or_stroke(style, fill);
        self.out.push_str(&format!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"{paint}/>"
        ));
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let y = f64::from(y) + baseline_shift(anchor.v_pos, style.size());
        let align = match anchor.h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        };
        let weight = match style.style() {
            FontStyle::Bold => " font-weight=\"bold\"",
            _ => "",
        };
        let paint = self.paint('f', color);
        let mut escaped = String::new();
        crate::markup::escape_into(&mut escaped, text);
        self.out.push_str(&format!(
            "<text x=\"{x}\" y=\"{}\" font-size=\"{}\"{align}{weight}{paint}>{escaped}</text>",
            px(y),
            px(style.size())
        ));
        Ok(())
    }
}

/// `scene` as an SVG document of `width` × `height` CSS pixels, drawn with `theme` (use
/// [`Theme::tokens`] with [`Colors::Classes`]); `attrs` is written into the `<svg>` tag
/// as it is (already escaped).
pub fn scene_svg(scene: &Scene, theme: &Theme, colors: Colors, attrs: &str) -> String {
    let (w, h) = pixels(scene);
    let mut svg = Svg {
        out: String::new(),
        size: (w, h),
        colors,
    };
    // Drawing into a string cannot fail (`Never` has no values).
    let _ = draw(scene, theme, &mut svg, 1.0, None);
    if colors == Colors::Classes {
        svg.marks(scene, theme);
    }
    let font = if colors == Colors::Literal && !theme.font_family.is_empty() {
        let mut f = String::new();
        crate::markup::escape_into(&mut f, &theme.font_family);
        format!(" font-family=\"{f}\"")
    } else {
        String::new()
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\"{font}{attrs}>{}</svg>",
        svg.out
    )
}

/// A drawing's size in whole pixels, as its `<svg>` gives it (`viewBox`, `width`, `height`).
pub fn pixels(scene: &Scene) -> (u32, u32) {
    (scene.width.round() as u32, scene.height.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Paint, Rect, Shape, TextItem};
    use crate::text::Font;

    fn scene() -> Scene {
        Scene {
            width: 100.0,
            height: 40.0,
            shapes: vec![
                Shape::Rect {
                    rect: Rect {
                        x: 0.0,
                        y: 10.0,
                        w: 50.0,
                        h: 8.0,
                    },
                    paint: Paint::Series(2),
                },
                Shape::Text(TextItem::new(
                    "Hà Nội <1>".to_owned(),
                    4.0,
                    30.0,
                    60.0,
                    Font::regular(12.0),
                    crate::layout::Anchor::Start,
                    crate::layout::Baseline::Top,
                    Paint::Muted,
                )),
            ],
            marks: Vec::new(),
        }
    }

    #[test]
    fn classes_name_paints_and_literals_name_colours() {
        let s = scene_svg(&scene(), &Theme::tokens(), Colors::Classes, "");
        assert!(s.contains("class=\"f-s2\""), "{s}");
        assert!(s.contains("class=\"f-muted\""), "{s}");
        assert!(!s.contains("#fb00"), "{s}");
        let s = scene_svg(&scene(), &Theme::light(), Colors::Literal, "");
        assert!(s.contains("fill=\"#e66100\""), "{s}");
        assert!(s.contains("font-family="), "{s}");
    }

    #[test]
    fn marks_carry_their_place_tooltip_and_emphasis_for_the_script() {
        let mut sc = scene();
        sc.marks.push(crate::layout::Mark {
            index: 3,
            hit: Rect {
                x: 0.0,
                y: 8.5,
                w: 50.0,
                h: 12.0,
            },
            tip: vec!["<b>Hà Nội</b>".to_owned(), "2 & 3".to_owned()],
            anchor: (25.0, 10.25),
            emphasis: crate::layout::outline(
                Rect {
                    x: 0.0,
                    y: 10.0,
                    w: 50.0,
                    h: 8.0,
                },
                Paint::Text,
            ),
        });
        let s = scene_svg(&sc, &Theme::tokens(), Colors::Classes, "");
        assert!(
            s.contains(
                "<g class=\"fb-m\" data-i=\"3\" data-hit=\"0 8.5 50 12\" data-at=\"25 10.3\" \
                 data-tip=\"&lt;b&gt;Hà Nội&lt;/b&gt;&#10;2 &amp; 3\"><rect "
            ),
            "{s}"
        );
        // Four sides of the outline, in the text's paint, then the group ends with the svg.
        assert_eq!(s.matches("class=\"f-text\"").count(), 4, "{s}");
        assert!(s.ends_with("</g></svg>"), "{s}");
        // Images (literal colours) have no marks: nobody points at a PNG.
        let image = scene_svg(&sc, &Theme::light(), Colors::Literal, "");
        assert!(!image.contains("fb-m"), "{image}");
    }

    #[test]
    fn text_is_escaped_and_sizes_are_tenths() {
        let s = scene_svg(&scene(), &Theme::light(), Colors::Literal, "");
        assert!(s.contains(">Hà Nội &lt;1&gt;</text>"), "{s}");
        assert!(s.contains("font-size=\"12\""), "{s}");
        assert_eq!(px(13.46), "13.5");
        assert_eq!(px(-0.5), "-0.5");
        assert_eq!(px(-2.0), "-2");
    }

    #[test]
    fn every_paint_has_a_rule() {
        let rules = paint_rules();
        for (name, _) in PAINTS {
            assert!(rules.contains(&format!(".f-{name}{{")), "{name}");
            assert!(rules.contains(&format!(".s-{name}{{")), "{name}");
        }
    }
}
