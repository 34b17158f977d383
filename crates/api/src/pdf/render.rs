//! Drawing laid-out pages with krilla: the embedded DejaVu Sans (regular and bold,
//! subset into the file) and thin rules.

use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::layout::{Mark, Page, PAGE_HEIGHT, PAGE_WIDTH};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
}

pub struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    pub fn load() -> Result<Fonts, String> {
        let font = |data: &'static [u8]| Font::new(data.into(), 0).ok_or("unreadable font");
        Ok(Fonts {
            regular: font(REGULAR)?,
            bold: font(BOLD)?,
        })
    }

    fn font(&self, style: Style) -> &Font {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// The width of `text` in points: the glyphs' advances (no kerning: enough to wrap
    /// and centre).
    pub fn width(&self, text: &str, size: f32, style: Style) -> f32 {
        let data = match style {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
        };
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            return 0.0;
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }
}

/// The PDF of laid-out `pages`, in French, titled `title`.
pub fn pdf(fonts: &Fonts, title: &str, pages: &[Page]) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("fr".to_string()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("page size")?;
    for marks in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for mark in marks {
            match mark {
                Mark::Text {
                    x,
                    y,
                    text,
                    size,
                    style,
                } => surface.draw_text(
                    Point::from_xy(*x, *y),
                    fonts.font(*style).clone(),
                    *size,
                    text,
                    false,
                    TextDirection::Auto,
                ),
                Mark::Rule { x, y, width } => {
                    let mut path = PathBuilder::new();
                    path.move_to(*x, *y);
                    path.line_to(x + width, *y);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            width: 0.5,
                            ..Default::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}
