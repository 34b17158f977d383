//! Where mail goes: `.eml` files a person can open (development default) or SMTP.

use std::path::PathBuf;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailTransportKind, Settings, SmtpTls};

pub enum Transport {
    Files(PathBuf),
    Smtp(Box<AsyncSmtpTransport<Tokio1Executor>>),
}

pub struct Sender {
    from: Mailbox,
    transport: Transport,
}

impl Sender {
    pub fn from_settings(settings: &Settings) -> Result<Sender, String> {
        let from_text = settings.mail.from.clone().unwrap_or_else(|| {
            format!(
                "{} <ne-pas-repondre@guichet.localhost>",
                settings.commune.name()
            )
        });
        let from: Mailbox = from_text
            .parse()
            .map_err(|e| format!("invalid GUICHET_MAIL_FROM `{from_text}`: {e}"))?;
        let mail = &settings.mail;
        let transport = match mail.transport {
            MailTransportKind::File => Transport::Files(settings.mail_dir()),
            MailTransportKind::Smtp => {
                let host = mail.smtp_host.as_str();
                let mut builder = match mail.smtp_tls {
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                    SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                        .map_err(|e| e.to_string())?,
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                        .map_err(|e| e.to_string())?,
                }
                .port(mail.smtp_port);
                if let (Some(user), Some(password)) = (&mail.smtp_username, &mail.smtp_password) {
                    builder = builder.credentials(Credentials::new(
                        user.clone(),
                        password.expose().to_string(),
                    ));
                }
                Transport::Smtp(Box::new(builder.build()))
            }
        };
        Ok(Sender { from, transport })
    }

    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Files(dir) => format!("files in {}", dir.display()),
            Transport::Smtp(_) => "smtp".into(),
        }
    }

    pub async fn send(&self, id: i64, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("invalid recipient: {e}"))?;
        let body = match &self.transport {
            // Files are for people to read: plain 8bit UTF-8, links on one line (valid MIME
            // up to 998 characters a line; our lines are wrapped at 76 but for links).
            Transport::Files(_) => Body::dangerous_pre_encoded(
                body.replace("\r\n", "\n")
                    .replace('\n', "\r\n")
                    .into_bytes(),
                ContentTransferEncoding::EightBit,
            ),
            // Relays get what any server accepts: lettre picks quoted-printable or base64.
            Transport::Smtp(_) => Body::new(body.to_string()),
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(body),
            )
            .map_err(|e| e.to_string())?;
        match &self.transport {
            Transport::Files(dir) => {
                let name = format!("{}-{id:06}.eml", chrono::Utc::now().format("%Y%m%d-%H%M%S"));
                let (dir, content) = (dir.clone(), message.formatted());
                tokio::task::spawn_blocking(move || {
                    crate::private_files::create_dir(&dir)?;
                    crate::private_files::write_new(&dir.join(name), &content)
                })
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())
            }
            // The server's reply may quote the recipient: keep only its status code.
            Transport::Smtp(smtp) => {
                smtp.send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| match e.status() {
                        Some(code) => format!("SMTP server answered {code}"),
                        None if e.is_timeout() => "SMTP server timed out".into(),
                        None => "SMTP connection failed".into(),
                    })
            }
        }
    }
}
