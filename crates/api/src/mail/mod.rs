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

/// Queues a mail; call inside the transaction of the change it tells about.
pub fn queue(conn: &mut db::Conn, mail: &Mail) -> QueryResult<()> {
    let now = db::now();
    db::outbox::enqueue(
        conn,
        &db::outbox::NewMail {
            recipient: &mail.to,
            subject: &mail.subject,
            body_text: &mail.body,
            created_at: now,
            next_attempt_at: now,
        },
    )
    .map(|_| ())
}
