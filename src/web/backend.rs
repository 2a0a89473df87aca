//! A plotters [`DrawingBackend`] for an HTML canvas.
//!
//! It replaces `plotters-canvas`, which writes every colour's alpha and every font size
//! with Rust's float formatter: that alone brought about 15 KB of core's float-printing
//! code into the wasm every reader downloads. Here colours and sizes are written with
//! integers, and the backend does the same few canvas calls.

use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::svg::px;

/// A canvas's 2D context, drawn on in backing pixels.
pub struct Canvas {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
}

/// A failure of the canvas itself (the page lost it).
#[derive(Debug)]
pub struct CanvasError(pub String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

impl Canvas {
    /// The 2D context of `canvas`, or why there is none.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Canvas, JsValue> {
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("the canvas has no 2d context"))?
            .dyn_into()?;
        Ok(Canvas {
            ctx,
            size: (canvas.width(), canvas.height()),
        })
    }
}

/// `rgb(r,g,b)` or `rgba(r,g,b,0.5)`, with the alpha in hundredths.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let alpha = (crate::format::fit(c.alpha, 0.0, 1.0) * 100.0).round() as u32;
    if alpha >= 100 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},0.{alpha:02})")
    }
}

fn at(p: BackendCoord) -> (f64, f64) {
    (f64::from(p.0), f64::from(p.1))
}

impl Canvas {
    fn stroke_with<S: BackendStyle>(&self, style: &S) {
        self.ctx.set_stroke_style_str(&css_color(style.color()));
        self.ctx.set_line_width(f64::from(style.stroke_width()));
        self.ctx.set_line_join("round");
        self.ctx.set_line_cap("round");
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_fill_style_str(&css_color(color));
        let (x, y) = at(point);
        self.ctx.fill_rect(x, y, 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (x0, y0) = at(upper_left);
        let (x1, y1) = at(bottom_right);
        if fill {
            self.ctx.set_fill_style_str(&css_color(style.color()));
            self.ctx.fill_rect(x0, y0, x1 - x0, y1 - y0);
        } else {
            self.stroke_with(style);
            self.ctx.stroke_rect(x0, y0, x1 - x0, y1 - y0);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.stroke_with(style);
        self.ctx.begin_path();
        for (k, p) in path.into_iter().enumerate() {
            let (x, y) = at(p);
            if k == 0 {
                self.ctx.move_to(x, y)
            } else {
                self.ctx.line_to(x, y)
            }
        }
        self.ctx.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_fill_style_str(&css_color(style.color()));
        self.ctx.begin_path();
        for (k, p) in vert.into_iter().enumerate() {
            let (x, y) = at(p);
            if k == 0 {
                self.ctx.move_to(x, y)
            } else {
                self.ctx.line_to(x, y)
            }
        }
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (x, y) = at(center);
        self.ctx.begin_path();
        self.ctx
            .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU)
            .map_err(|e| {
                DrawingErrorKind::DrawingError(CanvasError(
                    e.as_string()
                        .unwrap_or_else(|| "canvas call failed".to_owned()),
                ))
            })?;
        if fill {
            self.ctx.set_fill_style_str(&css_color(style.color()));
            self.ctx.fill();
        } else {
            self.stroke_with(style);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        // On the alphabetic baseline, as the SVG writer does (see `svg::baseline_shift`).
        let shift = crate::svg::baseline_shift(anchor.v_pos, style.size());
        self.ctx.set_text_baseline("alphabetic");
        self.ctx.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.ctx.set_fill_style_str(&css_color(color));
        let weight = match style.style() {
            FontStyle::Bold => "bold",
            FontStyle::Italic => "italic",
            FontStyle::Oblique => "oblique",
            FontStyle::Normal => "normal",
        };
        self.ctx.set_font(&format!(
            "{weight} {}px {}",
            px(style.size()),
            style.family().as_str()
        ));
        let (x, y) = at(pos);
        self.ctx.fill_text(text, x, y + shift).map_err(|e| {
            DrawingErrorKind::DrawingError(CanvasError(
                e.as_string()
                    .unwrap_or_else(|| "canvas call failed".to_owned()),
            ))
        })
    }
}
