//! Small text helpers used to normalise what people type.

/// The ASCII letters a French accented letter stands for ("é" -> "e", "œ" -> "oe").
/// Returns `None` for characters that are neither ASCII nor a known Latin letter.
pub fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'ç' => "c",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'ñ' => "n",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'ÿ' | 'ý' => "y",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

/// Lower case without accents, for comparing what people type ("Éric" and "eric").
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            fold_accent(c)
                .map(str::to_string)
                .unwrap_or_else(|| c.to_string())
        })
        .collect()
}

/// Lower case, accents folded to ASCII, everything but `a-z`, `0-9` and `-` dropped.
/// "Jean Pierre" -> "jeanpierre", "Le Gœuff" -> "legoeuff", "Marie-Hélène" -> "marie-helene".
pub fn slug_part(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else if let Some(folded) = fold_accent(c) {
            out.push_str(folded);
        }
    }
    out.trim_matches('-').to_string()
}

/// True when the text holds a NUL byte or another control character (tab and line
/// breaks excepted, for multi-line fields).
pub fn has_control_chars(input: &str) -> bool {
    input
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

/// True when the text holds a bidirectional override, embedding or isolate (U+202A to
/// U+202E, U+2066 to U+2069): characters that make text display in another order than it
/// reads ("Trojan Source"), never needed in a message to the town hall.
pub fn has_bidi_controls(input: &str) -> bool {
    input
        .chars()
        .any(|c| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_detected_and_plain_rtl_text_is_not() {
        assert!(has_bidi_controls("facture\u{202E}fdp.exe"));
        assert!(has_bidi_controls("a\u{2067}b"));
        assert!(!has_bidi_controls("مرحبا Bonjour"));
    }

    #[test]
    fn slug_part_folds_accents_and_drops_spaces() {
        assert_eq!(slug_part("Jean Pierre"), "jeanpierre");
        assert_eq!(slug_part("  Marie-Hélène "), "marie-helene");
        assert_eq!(slug_part("Le Gœuff"), "legoeuff");
        assert_eq!(slug_part("D'Artagnan"), "dartagnan");
        assert_eq!(slug_part("Ça"), "ca");
    }

    #[test]
    fn control_characters_are_detected() {
        assert!(has_control_chars("a\0b"));
        assert!(!has_control_chars("ligne 1\nligne 2"));
    }
}
