//! Canvas charts in the page: measuring text with the canvas, reading the theme from CSS,
//! and drawing a scene sharply at the screen's pixel ratio.

use std::cell::RefCell;

use plotters::prelude::RGBColor;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

use crate::format::Lang;
use crate::layout::{self, Scene};
use crate::model::Body;
use crate::render::{self, Theme};
use crate::text::{Font, Measure};

/// Measures text with a 2D context, in the font family the chart is drawn with.
pub struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    family: String,
    current: RefCell<String>,
}

impl CanvasMeasure {
    pub fn new(ctx: CanvasRenderingContext2d, family: &str) -> CanvasMeasure {
        CanvasMeasure {
            ctx,
            family: family.to_owned(),
            current: RefCell::new(String::new()),
        }
    }
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        let spec = format!(
            "{} {}px {}",
            if font.bold { "bold" } else { "normal" },
            crate::svg::px(font.size),
            self.family
        );
        // Setting the font re-parses it; skip that when it has not changed.
        if *self.current.borrow() != spec {
            self.ctx.set_font(&spec);
            *self.current.borrow_mut() = spec;
        }
        self.ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.0)
    }
}

/// Reads a colour such as `#1a5fb4`, `#fff` or `rgb(26, 95, 180)`.
pub fn parse_color(text: &str) -> Option<RGBColor> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<Vec<u8>>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some(RGBColor(r * 17, g * 17, b * 17)),
            [r1, r0, g1, g0, b1, b0] | [r1, r0, g1, g0, b1, b0, _, _] => {
                Some(RGBColor(r1 * 16 + r0, g1 * 16 + g0, b1 * 16 + b0))
            }
            _ => None,
        };
    }
    let inner = t
        .strip_prefix("rgba(")
        .or_else(|| t.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<u8> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .take(3)
        // Integer parsing (decimals dropped) keeps core's float tables out of the wasm.
        .map(|p| {
            let whole = p.trim().split('.').next().unwrap_or_default();
            whole.parse::<u16>().ok().map(|v| v.min(255) as u8)
        })
        .collect::<Option<Vec<u8>>>()?;
    match parts.as_slice() {
        [r, g, b] => Some(RGBColor(*r, *g, *b)),
        _ => None,
    }
}

/// The theme from the CSS custom properties on `figure` (see `style.css`), falling back to
/// the built-in light theme for anything unreadable.
pub fn theme_of(figure: &Element) -> Theme {
    let mut theme = Theme::light();
    let Some(window) = web_sys::window() else {
        return theme;
    };
    let Some(style) = window.get_computed_style(figure).ok().flatten() else {
        return theme;
    };
    let read = |name: &str| style.get_property_value(name).ok();
    // A variable holding a system colour (`CanvasText`, in forced-colours mode) is read
    // back as that word; the browser says what colour it is as the computed colour of a
    // probe element, made only then.
    let probe: RefCell<Option<HtmlElement>> = RefCell::new(None);
    let system = |name: &str| -> Option<RGBColor> {
        let mut slot = probe.borrow_mut();
        if slot.is_none() {
            let doc = figure.owner_document()?;
            let span: HtmlElement = doc.create_element("span").ok()?.dyn_into().ok()?;
            span.set_hidden(true);
            figure.append_child(&span).ok()?;
            *slot = Some(span);
        }
        let span = slot.as_ref()?;
        span.style()
            .set_property("color", &format!("var({name})"))
            .ok()?;
        let computed = window.get_computed_style(span).ok().flatten()?;
        parse_color(&computed.get_property_value("color").ok()?)
    };
    let set = |slot: &mut RGBColor, name: &str| {
        let value = read(name);
        if let Some(c) = value.as_deref().and_then(parse_color).or_else(|| {
            value
                .filter(|v| !v.trim().is_empty())
                .and_then(|_| system(name))
        }) {
            *slot = c;
        }
    };
    set(&mut theme.text, "--fb-text");
    set(&mut theme.muted, "--fb-muted");
    set(&mut theme.grid, "--fb-grid");
    set(&mut theme.mark, "--fb-mark");
    set(&mut theme.highlight, "--fb-highlight");
    set(&mut theme.reference, "--fb-reference");
    set(&mut theme.track, "--fb-track");
    set(&mut theme.background, "--fb-bg");
    for (i, slot) in theme.series.iter_mut().enumerate() {
        set(slot, &format!("--fb-s{i}"));
    }
    if let Some(span) = probe.into_inner() {
        span.remove();
    }
    if let Some(family) = read("font-family").filter(|f| !f.trim().is_empty()) {
        theme.font_family = family;
    }
    theme
}

thread_local! {
    /// One detached canvas serves every box for measuring text.
    static MEASURE_CTX: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

fn measure_context() -> Result<CanvasRenderingContext2d, JsValue> {
    if let Some(ctx) = MEASURE_CTX.with(|c| c.borrow().clone()) {
        return Ok(ctx);
    }
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    MEASURE_CTX.with(|c| *c.borrow_mut() = Some(ctx.clone()));
    Ok(ctx)
}

/// What a chart was last drawn for; drawing again for the same is skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    width: f64,
    /// CSS pixels on screen per pixel of the layout: 1, or the scale of the prerendered
    /// drawing this chart took over (see `prerender`).
    pub zoom: f64,
    ratio: f64,
    theme: Theme,
    hidden: Vec<bool>,
    active: Option<usize>,
}

/// One drawing of a chart: what to draw, where, and for what.
pub struct DrawRequest<'a> {
    pub canvas: &'a HtmlCanvasElement,
    pub body: &'a Body,
    pub lang: Lang,
    /// The container's width, from the ResizeObserver, so drawing never forces a layout.
    pub width: f64,
    /// The box's cached theme.
    pub theme: &'a Theme,
    /// The line series switched off in the legend.
    pub hidden: &'a [bool],
    /// The mark whose tooltip shows.
    pub active: Option<usize>,
    /// What the chart was last drawn for, and the scene then laid out.
    pub last: Option<(&'a Drawn, &'a Scene)>,
    /// The least device pixel ratio to draw at (3 when printing).
    pub min_ratio: f64,
    /// `Some(width)` while the chart stands in for a prerendered drawing shown `width`
    /// CSS pixels wide: it is then laid out as the drawing was (see `held_layout`) and
    /// scaled as it was, so that taking the box over moves nothing on screen.
    pub held: Option<f64>,
}

/// Lays out and draws a chart on its canvas, sized to its container, unless it was
/// already drawn for the same width, pixel ratio, theme, hidden series and active mark.
/// Returns what it was drawn for and the scene (for hit-testing), or `None` if nothing
/// changed. When only the active mark changed (a tooltip moving), the last scene is drawn
/// again without laying it out again.
pub fn draw_chart(request: DrawRequest<'_>) -> Result<Option<(Drawn, Option<Scene>)>, JsValue> {
    let DrawRequest {
        canvas,
        body,
        lang,
        width,
        theme,
        hidden,
        active,
        last,
        min_ratio,
        held,
    } = request;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let ratio = crate::format::fit(window.device_pixel_ratio().max(min_ratio), 1.0, 4.0);
    let (width, zoom) = match held {
        Some(shown) => {
            let w = crate::prerender::layout_width(shown);
            (w, shown / w)
        }
        None => (width, 1.0),
    };
    let mut theme = theme.clone();
    if held.is_some() {
        crate::prerender::DRAWING_FONT.clone_into(&mut theme.font_family);
    }
    let now = Drawn {
        width,
        zoom,
        ratio,
        theme,
        hidden: hidden.to_vec(),
        active,
    };
    let same_layout = last.filter(|(d, _)| {
        d.width == now.width
            && d.zoom == now.zoom
            && d.ratio == now.ratio
            && d.theme == now.theme
            && d.hidden == now.hidden
    });
    if let Some((d, _)) = same_layout {
        if d.active == now.active {
            return Ok(None);
        }
    }
    let fresh = match same_layout {
        Some(_) => None,
        None => {
            let measure = CanvasMeasure::new(measure_context()?, &now.theme.font_family);
            let scene = match held {
                Some(_) => held_layout(body, width, lang, &measure, hidden),
                None => layout::chart(body, width, lang, &measure, hidden),
            };
            let Some(scene) = scene else {
                return Ok(None);
            };
            Some(scene)
        }
    };
    let Some(scene) = fresh.as_ref().or(same_layout.map(|(_, s)| s)) else {
        return Ok(None);
    };
    size_canvas(canvas, scene, ratio, zoom)?;
    let mut backend = crate::web::backend::Canvas::new(canvas)?;
    render::draw(scene, &now.theme, &mut backend, ratio * zoom, active)
        .map_err(|e| JsValue::from_str(&format!("drawing failed: {e}")))?;
    Ok(Some((now, fresh)))
}

/// The layout of a chart standing in for its prerendered drawing: the drawing's own (with
/// estimated text widths), so that the take-over is invisible; unless a text of it, in the
/// real font, would stick out of the canvas and be cut, and the layout with real widths
/// has the same height (so nothing moves).
fn held_layout(
    body: &Body,
    width: f64,
    lang: Lang,
    measure: &CanvasMeasure,
    hidden: &[bool],
) -> Option<Scene> {
    let drawn = layout::chart(body, width, lang, &crate::text::Estimate, hidden)?;
    let cut = drawn.texts().any(|t| {
        let w = measure.width(&t.text, t.font);
        let left = match t.anchor {
            layout::Anchor::Start => t.x,
            layout::Anchor::Middle => t.x - w / 2.0,
            layout::Anchor::End => t.x - w,
        };
        left < 0.0 || left + w > drawn.width
    });
    if cut {
        let measured = layout::chart(body, width, lang, measure, hidden)?;
        if measured.height.round() == drawn.height.round() {
            return Some(measured);
        }
    }
    Some(drawn)
}

/// Gives the canvas `ratio` backing pixels per CSS pixel, so it is sharp on HiDPI screens,
/// and the scene's size times `zoom` on screen (a prerendered drawing's size, whose
/// `viewBox` is the scene's size rounded).
fn size_canvas(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    ratio: f64,
    zoom: f64,
) -> Result<(), JsValue> {
    let css_w = scene.width.round() * zoom;
    let css_h = scene.height.round() * zoom;
    // Setting the size also clears the canvas, which a redraw wants.
    canvas.set_width((css_w * ratio).round() as u32);
    canvas.set_height((css_h * ratio).round() as u32);
    let style = canvas.unchecked_ref::<HtmlElement>().style();
    style.set_property("width", &format!("{}px", crate::svg::px_fine(css_w)))?;
    style.set_property("height", &format!("{}px", crate::svg::px_fine(css_h)))?;
    Ok(())
}

/// The whole box drawn as a PNG at twice its width on screen (sharp when shared or
/// printed), in the theme it has now, as a `data:` URL.
pub fn card_png(b: &crate::model::FactBox, figure: &Element) -> Result<String, JsValue> {
    const SCALE: f64 = 2.0;
    let theme = theme_of(figure);
    let measure = CanvasMeasure::new(measure_context()?, &theme.font_family);
    let width = f64::from(figure.client_width()).max(layout::MIN_WIDTH);
    let scene = layout::card::card(b, width, &measure);
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width((scene.width * SCALE).round() as u32);
    canvas.set_height((scene.height * SCALE).round() as u32);
    let mut backend = crate::web::backend::Canvas::new(&canvas)?;
    render::draw(&scene, &theme, &mut backend, SCALE, None)
        .map_err(|e| JsValue::from_str(&format!("drawing failed: {e}")))?;
    canvas.to_data_url()
}
