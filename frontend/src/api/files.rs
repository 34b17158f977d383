//! A file the API answers with, and the name its `Content-Disposition` gives it.

use web_sys::Blob;

/// A file answered by the API.
pub struct File {
    pub blob: Blob,
    /// From `Content-Disposition`, when the server names it.
    pub name: Option<String>,
}

/// The file name of a `Content-Disposition` header: `filename*=UTF-8''…` (percent-encoded)
/// when present, else `filename="…"`. Only the last path segment is kept, so a name can
/// never point elsewhere.
pub fn attachment_name(header: &str) -> Option<String> {
    let params: Vec<(String, &str)> = header
        .split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim()))
        .collect();
    let extended = params
        .iter()
        .find(|(k, _)| k == "filename*")
        .and_then(|(_, v)| {
            let (charset, rest) = v.split_once('\'')?;
            let (_, encoded) = rest.split_once('\'')?;
            charset
                .eq_ignore_ascii_case("utf-8")
                .then(|| {
                    percent_encoding::percent_decode_str(encoded)
                        .decode_utf8()
                        .ok()
                })
                .flatten()
                .map(|name| name.into_owned())
        });
    let plain = || {
        params.iter().find(|(k, _)| k == "filename").map(|(_, v)| {
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v)
                .replace("\\\"", "\"")
        })
    };
    let name = extended.or_else(plain)?;
    let name = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    (!name.is_empty() && name != "." && name != "..").then(|| name.to_string())
}
