//! A small PDF writer for the portal's printable documents (certificates): one A4 page of
//! text lines in Helvetica, encoded WinAnsi so that French text needs no embedded font.

/// A line of text at `y` points from the bottom of the page.
pub struct Line {
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub y: f32,
    pub centred: bool,
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 60.0;

/// The WinAnsi byte of a character; `?` for characters it does not have.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        'Œ' => 0x8C,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        'œ' => 0x9C,
        'Ÿ' => 0x9F,
        '\u{202f}' => 0xA0,
        _ => b'?',
    }
}

/// Width of a Helvetica string in points, close enough to centre a title.
fn approximate_width(text: &str, size: f32, bold: bool) -> f32 {
    let per_char = if bold { 0.58 } else { 0.52 };
    text.chars().count() as f32 * size * per_char
}

fn string_literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let byte = win_ansi(c);
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
    out
}

/// Splits `text` into lines of at most `max` characters, between words.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last_mut().expect("one line");
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > max {
            lines.push(word.to_string());
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines
}

/// The PDF file of one page holding `lines`.
pub fn page(title: &str, lines: &[Line]) -> Vec<u8> {
    let mut content = Vec::new();
    for line in lines {
        let font = if line.bold { "F2" } else { "F1" };
        let x = if line.centred {
            ((PAGE_WIDTH - approximate_width(&line.text, line.size, line.bold)) / 2.0).max(MARGIN)
        } else {
            MARGIN
        };
        content.extend_from_slice(
            format!("BT /{font} {} Tf {x:.1} {:.1} Td ", line.size, line.y).as_bytes(),
        );
        content.extend(string_literal(&line.text));
        content.extend_from_slice(b" Tj ET\n");
    }
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(&content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    let mut info = b"<< /Title ".to_vec();
    info.extend(string_literal(title));
    info.extend_from_slice(b" /Producer (Guichet) >>");
    objects.push(info);

    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info {} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            objects.len()
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_encoded_win_ansi_and_parentheses_escaped() {
        assert_eq!(
            string_literal("Né (à) 3,50 €"),
            b"(N\xe9 \\(\xe0\\) 3,50 \x80)".to_vec()
        );
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let pdf = page(
            "Essai",
            &[Line {
                text: "Bonjour".into(),
                size: 12.0,
                bold: false,
                y: 700.0,
                centred: false,
            }],
        );
        // Offsets count bytes: compare raw bytes, never a decoded string.
        let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).to_string();
        let xref_at: usize = tail
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(pdf[xref_at..].starts_with(b"xref"));
        let table = String::from_utf8_lossy(&pdf[xref_at..]).to_string();
        for (i, entry) in table.lines().skip(3).take(7).enumerate() {
            let offset: usize = entry[..10].parse().unwrap();
            assert!(
                pdf[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()),
                "object {}",
                i + 1
            );
        }
    }

    #[test]
    fn long_sentences_wrap_between_words() {
        assert_eq!(
            wrap("un deux trois quatre", 9),
            vec!["un deux", "trois", "quatre"]
        );
    }
}
