//! Layout on A4 pages: positioned pieces of text and rules, in points from the page's
//! top-left corner.

use super::render::{Fonts, Style};

pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const FOOTER_SPACE: f32 = 40.0;
const CELL_PADDING: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
}

/// What a document says, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Text that wraps to the page's width.
    Text {
        text: String,
        size: f32,
        bold: bool,
        align: Align,
    },
    /// Empty space, in points.
    Space(f32),
    /// A table: columns as fractions of the page's width, a header row repeated on every
    /// page the table reaches, and rows whose cells wrap.
    Table {
        widths: Vec<f32>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        size: f32,
    },
}

impl Block {
    pub fn text(text: impl Into<String>, size: f32) -> Block {
        Block::Text {
            text: text.into(),
            size,
            bold: false,
            align: Align::Left,
        }
    }

    pub fn title(text: impl Into<String>, size: f32) -> Block {
        Block::Text {
            text: text.into(),
            size,
            bold: true,
            align: Align::Centre,
        }
    }

    pub fn centred(text: impl Into<String>, size: f32) -> Block {
        Block::Text {
            text: text.into(),
            size,
            bold: false,
            align: Align::Centre,
        }
    }
}

/// One thing to draw: text whose baseline starts at (`x`, `y`), or a horizontal rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        style: Style,
    },
    Rule {
        x: f32,
        y: f32,
        width: f32,
    },
}

pub type Page = Vec<Mark>;

fn line_height(size: f32) -> f32 {
    size * 1.4
}

/// Splits `text` into lines no wider than `width`, between words (a word too long for
/// a line is cut).
pub fn wrap(fonts: &Fonts, text: &str, size: f32, style: Style, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts.width(&candidate, size, style) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
            while fonts.width(&line, size, style) > width && line.chars().count() > 1 {
                let cut = (1..line.chars().count())
                    .rev()
                    .map(|n| line.chars().take(n).collect::<String>())
                    .find(|head| fonts.width(head, size, style) <= width)
                    .unwrap_or_else(|| line.chars().take(1).collect());
                let rest: String = line.chars().skip(cut.chars().count()).collect();
                lines.push(cut);
                line = rest;
            }
        }
        lines.push(line);
    }
    lines
}

struct Cursor<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    y: f32,
    footer: Option<&'a str>,
}

impl Cursor<'_> {
    fn bottom(&self) -> f32 {
        PAGE_HEIGHT
            - MARGIN
            - if self.footer.is_some() {
                FOOTER_SPACE
            } else {
                0.0
            }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.pages.last_mut().expect("a page")
    }

    /// Makes room for `height` points, on a new page when this one is full.
    fn room(&mut self, height: f32) -> bool {
        let fresh = self.y <= MARGIN + 0.5;
        if self.y + height > self.bottom() && !fresh {
            self.pages.push(Vec::new());
            self.y = MARGIN;
            return true;
        }
        self.page();
        false
    }

    fn text(&mut self, text: &str, size: f32, style: Style, align: Align) {
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        for line in wrap(self.fonts, text, size, style, width) {
            self.room(line_height(size));
            let x = match align {
                Align::Left => MARGIN,
                Align::Centre => (PAGE_WIDTH - self.fonts.width(&line, size, style)) / 2.0,
            };
            let y = self.y + size;
            self.page().push(Mark::Text {
                x,
                y,
                text: line,
                size,
                style,
            });
            self.y += line_height(size);
        }
    }

    fn row(&mut self, columns: &[(f32, f32)], cells: &[String], size: f32, style: Style) {
        let wrapped: Vec<Vec<String>> = columns
            .iter()
            .enumerate()
            .map(|(i, (_, w))| {
                let text = cells.get(i).map(String::as_str).unwrap_or_default();
                wrap(self.fonts, text, size, style, w - 2.0 * CELL_PADDING)
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * line_height(size) + 2.0 * CELL_PADDING;
        let top = self.y;
        for ((x, _), cell) in columns.iter().zip(&wrapped) {
            for (n, line) in cell.iter().enumerate() {
                let y = top + CELL_PADDING + size + n as f32 * line_height(size);
                self.page().push(Mark::Text {
                    x: x + CELL_PADDING,
                    y,
                    text: line.clone(),
                    size,
                    style,
                });
            }
        }
        self.y += height;
        let y = self.y;
        self.page().push(Mark::Rule {
            x: MARGIN,
            y,
            width: PAGE_WIDTH - 2.0 * MARGIN,
        });
    }

    fn row_height(&self, columns: &[(f32, f32)], cells: &[String], size: f32, style: Style) -> f32 {
        let lines = columns
            .iter()
            .enumerate()
            .map(|(i, (_, w))| {
                let text = cells.get(i).map(String::as_str).unwrap_or_default();
                wrap(self.fonts, text, size, style, w - 2.0 * CELL_PADDING).len()
            })
            .max()
            .unwrap_or(1)
            .max(1);
        lines as f32 * line_height(size) + 2.0 * CELL_PADDING
    }

    fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<String>], size: f32) {
        let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
        let content = PAGE_WIDTH - 2.0 * MARGIN;
        let mut x = MARGIN;
        let columns: Vec<(f32, f32)> = widths
            .iter()
            .map(|w| {
                let width = w / total * content;
                let column = (x, width);
                x += width;
                column
            })
            .collect();
        let header_height = self.row_height(&columns, header, size, Style::Bold);
        let first = rows
            .first()
            .map_or(0.0, |r| self.row_height(&columns, r, size, Style::Regular));
        self.room(header_height + first);
        self.header(&columns, header, size);
        for row in rows {
            let height = self.row_height(&columns, row, size, Style::Regular);
            if self.room(height) {
                self.header(&columns, header, size);
            }
            self.row(&columns, row, size, Style::Regular);
        }
    }

    fn header(&mut self, columns: &[(f32, f32)], header: &[String], size: f32) {
        let y = self.y;
        self.page().push(Mark::Rule {
            x: MARGIN,
            y,
            width: PAGE_WIDTH - 2.0 * MARGIN,
        });
        self.row(columns, header, size, Style::Bold);
    }
}

/// The pages of `blocks`, with `footer` at the bottom of each.
pub fn pages(fonts: &Fonts, blocks: &[Block], footer: Option<&str>) -> Vec<Page> {
    let mut cursor = Cursor {
        fonts,
        pages: vec![Vec::new()],
        y: MARGIN,
        footer,
    };
    for block in blocks {
        match block {
            Block::Text {
                text,
                size,
                bold,
                align,
            } => {
                let style = if *bold { Style::Bold } else { Style::Regular };
                cursor.text(text, *size, style, *align);
            }
            Block::Space(points) => cursor.y += points,
            Block::Table {
                widths,
                header,
                rows,
                size,
            } => cursor.table(widths, header, rows, *size),
        }
    }
    let count = cursor.pages.len();
    let mut pages = cursor.pages;
    if let Some(footer) = footer {
        for (n, page) in pages.iter_mut().enumerate() {
            let text = if count > 1 {
                format!("{footer} – page {} sur {count}", n + 1)
            } else {
                footer.to_string()
            };
            let size = 8.0;
            let x = (PAGE_WIDTH - fonts.width(&text, size, Style::Regular)) / 2.0;
            page.push(Mark::Text {
                x,
                y: PAGE_HEIGHT - MARGIN + 8.0,
                text,
                size,
                style: Style::Regular,
            });
        }
    }
    pages
}
