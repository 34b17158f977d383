//! E-mail: messages are queued in the outbox inside the transaction that causes them,
//! and the [`worker`] delivers them through the configured [`transport`].

pub mod templates;
pub mod transport;
pub mod worker;

use diesel::QueryResult;

/// A message to send.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Lines longer than this make mail travel quoted-printable, unreadable as plain text.
const LINE_WIDTH: usize = 76;

/// Wraps every line at [`LINE_WIDTH`] characters, keeping words (and links) whole.
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut width = 0;
        for (j, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            if j > 0 && width + 1 + len > LINE_WIDTH {
                out.push('\n');
                width = 0;
            } else if j > 0 {
                out.push(' ');
                width += 1;
            }
            out.push_str(word);
            width += len;
        }
    }
    out
}

/// How long a reminder mail (login, reset link) is not sent again to the same address:
/// nobody can flood a mailbox, nor keep invalidating a reset link, through the public
/// forms.
pub const REMINDER_COOLDOWN_MINUTES: i64 = 2;

/// How long the mails answering a registration (activation, "vous avez déjà un compte")
/// are not sent again to the same address.
pub const REGISTRATION_COOLDOWN_MINUTES: i64 = 60;

/// Whether the same reminder went to the same address within the cooldown.
pub fn sent_recently(conn: &mut db::Conn, mail: &Mail) -> QueryResult<bool> {
    sent_within(conn, mail, REMINDER_COOLDOWN_MINUTES)
}

/// Whether a mail with the same subject went to the same address within `minutes`.
pub fn sent_within(conn: &mut db::Conn, mail: &Mail, minutes: i64) -> QueryResult<bool> {
    let since = db::now() - chrono::TimeDelta::minutes(minutes);
    db::outbox::recently_queued(conn, &mail.to, &mail.subject, since)
}

thread_local! {
    /// Set when this thread queued mail; [`crate::state::AppState::run`] reads it after
    /// the service returns and wakes the worker.
    static QUEUED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether mail was queued on this thread since the last call; resets it.
pub fn take_queued() -> bool {
    QUEUED.with(|q| q.replace(false))
}

/// Queues a mail; call inside the transaction of the change it tells about.
pub fn queue(conn: &mut db::Conn, mail: &Mail) -> QueryResult<()> {
    QUEUED.with(|q| q.set(true));
    let now = db::now();
    let body = wrap(&mail.body);
    db::outbox::enqueue(
        conn,
        &db::outbox::NewMail {
            recipient: &mail.to,
            subject: &mail.subject,
            body_text: &body,
            created_at: now,
            next_attempt_at: now,
        },
    )
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_lines_are_wrapped_between_words_and_links_stay_whole() {
        let link = format!("https://portail.exemple.fr/activation/{}", "x".repeat(60));
        let text = format!(
            "{}\n\n{link}\nFin.",
            "Votre demande a été enregistrée. ".repeat(5).trim()
        );
        let wrapped = super::wrap(&text);
        assert!(wrapped
            .lines()
            .all(|l| l.chars().count() <= 76 || l == link));
        assert!(wrapped.lines().any(|l| l == link));
        assert_eq!(
            wrapped.replace('\n', " ").split_whitespace().count(),
            text.split_whitespace().count()
        );
    }
}
