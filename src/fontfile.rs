//! Text widths from font files, for `factbox render --font FILE` and the npm module's
//! `prerender({ font })`: the drawings of a snippet laid out with the site's own font
//! rather than Arial's metrics, so that labels fit as the reader's browser draws them.
//! With the `editor` feature (natively, and in the editors' wasm, never the readers').

use std::collections::HashMap;

use crate::text::{Estimate, Font, Measure};

/// The advance widths of one face, in ems, by character.
struct Face {
    widths: HashMap<char, f64>,
    bold: bool,
}

/// Widths from the faces given (a regular and a bold, if both are); a character no face
/// has is measured as Arial's (the browser will draw it in a fallback font).
pub struct FontMetrics {
    faces: Vec<Face>,
    /// The family name of the first face, for the drawings' CSS.
    pub family: String,
}

impl FontMetrics {
    /// Reads the faces of `files`; the message names a file that is not a font.
    pub fn load(files: &[impl AsRef<std::path::Path>]) -> Result<FontMetrics, String> {
        let mut fonts = Vec::new();
        for file in files {
            let file = file.as_ref();
            let data = std::fs::read(file)
                .map_err(|e| format!("{}: cannot read the font: {e}", file.display()))?;
            fonts.push((file.display().to_string(), data));
        }
        FontMetrics::from_bytes(&fonts)
    }

    /// Reads the faces of `fonts` (a name for messages, and the file's bytes).
    pub fn from_bytes(fonts: &[(String, Vec<u8>)]) -> Result<FontMetrics, String> {
        let mut faces = Vec::new();
        let mut family = None;
        for (name, data) in fonts {
            let face = ttf_parser::Face::parse(data, 0)
                .map_err(|e| format!("{name}: not a TrueType or OpenType font ({e})"))?;
            let em = f64::from(face.units_per_em());
            let mut widths = HashMap::new();
            if let Some(cmap) = face.tables().cmap {
                for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                    sub.codepoints(|cp| {
                        let Some(c) = char::from_u32(cp) else { return };
                        if let Some(advance) =
                            sub.glyph_index(cp).and_then(|g| face.glyph_hor_advance(g))
                        {
                            widths.entry(c).or_insert(f64::from(advance) / em);
                        }
                    });
                }
            }
            if family.is_none() {
                family = face
                    .names()
                    .into_iter()
                    .filter(|n| {
                        n.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
                            || n.name_id == ttf_parser::name_id::FAMILY
                    })
                    .find_map(|n| n.to_string());
            }
            faces.push(Face {
                widths,
                bold: face.is_bold() || face.weight().to_number() >= 600,
            });
        }
        let family = family.ok_or_else(|| "the font has no family name".to_owned())?;
        Ok(FontMetrics { faces, family })
    }

    /// The CSS font-family list: the font first, then the fonts the layout's estimate is
    /// made for, for a reader who does not have it.
    pub fn css_family(&self) -> String {
        let name = self.family.replace('"', "");
        format!("\"{name}\", {}", crate::prerender::DRAWING_FONT)
    }

    /// How drawings are made with this font: measured by it, `family` (its
    /// [`FontMetrics::css_family`]) as their font.
    pub fn drawing<'a>(&'a self, family: &'a str) -> crate::prerender::Drawing<'a> {
        crate::prerender::Drawing {
            measure: self,
            family,
        }
    }
}

impl Measure for FontMetrics {
    fn width(&self, text: &str, font: Font) -> f64 {
        // The face of the weight asked for, else the first; a regular face stands in for
        // a bold one a little wider (synthetic bold).
        let (face, widen) = match self.faces.iter().find(|f| f.bold == font.bold) {
            Some(f) => (f, 1.0),
            None => match self.faces.first() {
                Some(f) => (f, if font.bold { 1.05 } else { 1.0 }),
                None => return Estimate.width(text, font),
            },
        };
        text.chars()
            .map(|c| match face.widths.get(&c) {
                Some(w) => w * font.size * widen,
                None => Estimate.width(c.encode_utf8(&mut [0; 4]), font),
            })
            .sum()
    }
}
