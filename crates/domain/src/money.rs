//! Money is integer cents; people read it as "1 234,56 €" and "-3,05 €".

/// Formats cents the French way, with a narrow no-break space between thousands.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let digits = euros.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{rest:02}\u{a0}€")
}

#[cfg(test)]
mod tests {
    use super::format_cents;

    #[test]
    fn amounts_read_the_french_way() {
        assert_eq!(format_cents(350), "3,50\u{a0}€");
        assert_eq!(format_cents(-305), "-3,05\u{a0}€");
        assert_eq!(format_cents(12_345_678), "123\u{202f}456,78\u{a0}€");
        assert_eq!(format_cents(0), "0,00\u{a0}€");
    }
}
