//! A real SMTP receiver on a loopback port: the server under test delivers its mail here
//! over the SMTP protocol, and tests read what arrived.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

impl ReceivedMail {
    /// The first link in the body that contains `marker` (e.g. `/activation/`).
    pub fn link(&self, marker: &str) -> Option<String> {
        self.body
            .split_whitespace()
            .find(|word| word.starts_with("http") && word.contains(marker))
            .map(str::to_string)
    }

    /// The last path segment of the link containing `marker`: the token.
    pub fn token(&self, marker: &str) -> String {
        let link = self
            .link(marker)
            .unwrap_or_else(|| panic!("no link with {marker} in mail:\n{}", self.body));
        link.rsplit('/').next().unwrap_or_default().to_string()
    }
}

#[derive(Clone)]
pub struct SmtpReceiver {
    pub port: u16,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
    arrived: Arc<Notify>,
}

impl SmtpReceiver {
    pub async fn start() -> SmtpReceiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
        let port = listener.local_addr().expect("smtp addr").port();
        let receiver = SmtpReceiver {
            port,
            mails: Arc::default(),
            arrived: Arc::default(),
        };
        let r = receiver.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let r = r.clone();
                tokio::spawn(async move {
                    let _ = r.session(stream).await;
                });
            }
        });
        receiver
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 guichet-test ESMTP\r\n").await?;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_string();
            let upper = command.to_ascii_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                b"250-guichet-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            } else if upper.starts_with("MAIL FROM:") {
                from = address(&command[10..]);
                to.clear();
                b"250 OK\r\n"
            } else if upper.starts_with("RCPT TO:") {
                to.push(address(&command[8..]));
                b"250 OK\r\n"
            } else if upper == "DATA" {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    let l = line.trim_end_matches(['\r', '\n']);
                    if l == "." {
                        break;
                    }
                    data.push_str(
                        l.strip_prefix('.')
                            .filter(|_| l.starts_with(".."))
                            .unwrap_or(l),
                    );
                    data.push('\n');
                }
                let (subject, body) = parse(&data);
                self.mails.lock().expect("mails").push(ReceivedMail {
                    from: from.clone(),
                    to: to.clone(),
                    subject,
                    body,
                });
                self.arrived.notify_waiters();
                b"250 OK queued\r\n"
            } else if upper == "QUIT" {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                b"250 OK\r\n"
            };
            write.write_all(reply).await?;
        }
    }

    pub fn all(&self) -> Vec<ReceivedMail> {
        self.mails.lock().expect("mails").clone()
    }

    /// Mails received for `to`, oldest first.
    pub fn for_address(&self, to: &str) -> Vec<ReceivedMail> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .collect()
    }

    /// Waits (up to 20 s) for the `nth` (0-based) mail to `to` whose subject contains
    /// `subject`.
    pub async fn wait_for_nth(&self, to: &str, subject: &str, nth: usize) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let notified = self.arrived.notified();
            let found: Vec<ReceivedMail> = self
                .for_address(to)
                .into_iter()
                .filter(|m| m.subject.contains(subject))
                .collect();
            if let Some(mail) = found.get(nth) {
                return mail.clone();
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let got: Vec<String> = self
                    .all()
                    .iter()
                    .map(|m| format!("{:?} {}", m.to, m.subject))
                    .collect();
                panic!("no mail «{subject}» #{nth} for {to}; received: {got:?}");
            }
        }
    }

    pub async fn wait_for(&self, to: &str, subject: &str) -> ReceivedMail {
        self.wait_for_nth(to, subject, 0).await
    }
}

fn address(arg: &str) -> String {
    let arg = arg.trim();
    let inner = arg
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(a, _)| a)
        .unwrap_or(arg);
    inner.to_string()
}

/// Subject (RFC 2047 words decoded) and body of a message.
fn parse(data: &str) -> (String, String) {
    let (headers, body) = data.split_once("\n\n").unwrap_or((data, ""));
    let unfolded = headers.replace("\n ", " ").replace("\n\t", " ");
    let header = |name: &str| {
        unfolded.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
        })
    };
    let subject = header("Subject")
        .map(|s| decode_words(&s))
        .unwrap_or_default();
    let encoding = header("Content-Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "base64" => STANDARD
            .decode(body.split_whitespace().collect::<String>())
            .unwrap_or_default(),
        "quoted-printable" => quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    (
        subject,
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
    )
}

/// Quoted-printable bodies: `=XX` bytes and `=` soft line breaks.
fn quoted_printable(body: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for line in body.lines() {
        let (text, soft) = match line.strip_suffix('=') {
            Some(t) => (t, true),
            None => (line, false),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'=' && i + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) if hex.len() == 2 => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'='),
                }
            } else {
                out.push(bytes[i]);
            }
            i += 1;
        }
        if !soft {
            out.push(b'\n');
        }
    }
    out
}

fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = false;
    for (i, part) in value.split(' ').enumerate() {
        let encoded = part.strip_prefix("=?").and_then(|p| p.strip_suffix("?="));
        // RFC 2047: white space between two encoded words is not part of the text.
        if i > 0 && !(previous_encoded && encoded.is_some()) {
            out.push(' ');
        }
        previous_encoded = encoded.is_some();
        match encoded {
            Some(word) => {
                let mut pieces = word.splitn(3, '?');
                let (_charset, encoding, text) =
                    (pieces.next(), pieces.next(), pieces.next().unwrap_or(""));
                let bytes = match encoding.map(|e| e.to_ascii_lowercase()).as_deref() {
                    Some("b") => STANDARD.decode(text).unwrap_or_default(),
                    _ => q_decode(text),
                };
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
            None => out.push_str(part),
        }
    }
    out
}

fn q_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}
