//! The portal's printable documents (certificates now, statements later), with krilla
//! and an embedded Unicode font (DejaVu Sans): "Łukasz", "Ștefan" and "Nguyễn" print as
//! written. A document is a list of [`Block`]s laid out on A4 pages ([`layout`]):
//! paragraphs wrap, tables break across pages and repeat their header, and the footer
//! is on every page.

mod layout;
mod render;

pub use layout::{Align, Block};

/// A document to print: its title (in the PDF's metadata), the name of its file, what it
/// says and the line at the bottom of every page.
#[derive(Debug, Clone, PartialEq)]
pub struct Printable {
    pub title: String,
    pub file: String,
    pub blocks: Vec<Block>,
    pub footer: String,
}

impl Printable {
    /// The PDF. CPU work: call it on the blocking pool, never with a connection held.
    pub fn render(&self) -> Result<Vec<u8>, String> {
        let fonts = render::Fonts::load()?;
        let pages = layout::pages(&fonts, &self.blocks, Some(&self.footer));
        render::pdf(&fonts, &self.title, &pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printable(blocks: Vec<Block>) -> Printable {
        Printable {
            title: "Essai".into(),
            file: "essai.pdf".into(),
            blocks,
            footer: "Guichet".into(),
        }
    }

    #[test]
    fn a_long_table_breaks_across_pages_and_repeats_its_header() {
        let fonts = render::Fonts::load().unwrap();
        let rows: Vec<Vec<String>> = (1..=120)
            .map(|n| {
                vec![
                    format!("{n:02}/04/2027"),
                    format!("Repas de midi n° {n}"),
                    "3,50 €".into(),
                ]
            })
            .collect();
        let table = Block::Table {
            widths: vec![1.0, 3.0, 1.0],
            header: vec!["Date".into(), "Libellé".into(), "Débit".into()],
            rows,
            size: 10.0,
        };
        let pages = layout::pages(&fonts, std::slice::from_ref(&table), Some("Guichet"));
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            let texts: Vec<&str> = page
                .iter()
                .filter_map(|m| match m {
                    layout::Mark::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert!(texts.contains(&"Libellé"), "the header on every page");
            assert!(texts.iter().any(|t| t.contains("page")), "numbered footer");
            for mark in page {
                if let layout::Mark::Text { y, .. } = mark {
                    assert!(*y <= layout::PAGE_HEIGHT, "nothing below the page");
                }
            }
        }
        let pdf = printable(vec![table]).render().unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn long_words_and_paragraphs_wrap_within_the_page() {
        let fonts = render::Fonts::load().unwrap();
        let text = format!("{} {}", "Łukasz Ștefan Nguyễn ".repeat(20), "x".repeat(300));
        let lines = layout::wrap(&fonts, &text, 12.0, render::Style::Regular, 483.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                fonts.width(line, 12.0, render::Style::Regular) <= 483.0,
                "{line}"
            );
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }
}
