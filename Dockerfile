# Guichet: the portal (API + SPA) in one image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN rustup target add wasm32-unknown-unknown
COPY . .
RUN cargo xtask build-spa \
 && cargo build --release --package api --bin guichet

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* && useradd --system --home /data guichet \
 && mkdir -p /data && chown guichet /data
COPY --from=build /src/target/release/guichet /usr/local/bin/guichet
COPY --from=build /src/frontend/dist /app/dist
USER guichet
ENV GUICHET_ADDR=0.0.0.0:8080 GUICHET_DATA_DIR=/data GUICHET_SPA_DIR=/app/dist GUICHET_LOG_FORMAT=json
EXPOSE 8080
VOLUME /data
CMD ["guichet"]
