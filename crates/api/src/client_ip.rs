//! The client's IP address, for rate limits and login throttling: the TCP peer, or —
//! behind a reverse proxy named in the configuration (`GUICHET_CLIENT_IP_HEADER`) — the
//! address that proxy writes in its header. For `X-Forwarded-For` we take the rightmost
//! entry, the one our own proxy appended: entries to its left come from the client and
//! can be anything.

use std::future::{ready, Ready};
use std::net::{IpAddr, Ipv4Addr};

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// From the request head, as the configuration says.
    pub fn of(head: &actix_web::dev::RequestHead, header: Option<&str>) -> ClientIp {
        let from_header = header.and_then(|name| {
            head.headers
                .get_all(name)
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|entry| entry.trim().parse::<IpAddr>().ok())
                .last()
        });
        let peer = head.peer_addr.map(|a| a.ip());
        ClientIp(
            from_header
                .or(peer)
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        )
    }
}

impl std::fmt::Display for ClientIp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl FromRequest for ClientIp {
    type Error = ApiError;
    type Future = Ready<Result<ClientIp, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let header = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.settings.client_ip_header.clone());
        ready(Ok(ClientIp::of(req.head(), header.as_deref())))
    }
}
