//! Phone numbers as people type them in France: "06 06 06 06 06", "06.06.06.06.06",
//! "+33 6 06 06 06 06". Stored and shown as "06 06 06 06 06" (French numbers) or as
//! "+<digits>" (others).

/// Normalises a phone number, or says why it is not one.
pub fn normalise(input: &str) -> Result<String, &'static str> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("required");
    }
    if !trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || " .-()+".contains(c))
        || trimmed.chars().skip(1).any(|c| c == '+')
    {
        return Err("invalid_phone");
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits
        .strip_prefix("33")
        .filter(|_| trimmed.starts_with('+'))
    {
        format!("0{rest}")
    } else if trimmed.starts_with('+') {
        return if (8..=15).contains(&digits.len()) {
            Ok(format!("+{digits}"))
        } else {
            Err("invalid_phone")
        };
    } else {
        digits
    };
    if national.len() != 10 || !national.starts_with('0') {
        return Err("invalid_phone");
    }
    let pairs: Vec<&str> = (0..5).map(|i| &national[i * 2..i * 2 + 2]).collect();
    Ok(pairs.join(" "))
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn french_numbers_are_written_in_pairs() {
        assert_eq!(normalise("06.06.06.06.06").unwrap(), "06 06 06 06 06");
        assert_eq!(normalise("+33 6 12 34 56 78").unwrap(), "06 12 34 56 78");
        assert_eq!(normalise("0321000000").unwrap(), "03 21 00 00 00");
        assert_eq!(normalise("+32 2 123 45 67").unwrap(), "+3221234567");
    }

    #[test]
    fn non_numbers_are_refused() {
        for bad in ["06 06", "appelez-moi", "12345678901", "06+0606060606"] {
            assert_eq!(normalise(bad), Err("invalid_phone"), "{bad}");
        }
    }
}
