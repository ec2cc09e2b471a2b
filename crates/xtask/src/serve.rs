//! `cargo xtask serve`: serves `web/dist/` as a static host would, on a kept HTTP stack
//! (axum with tower-http's `ServeDir`, on tokio's current-thread runtime).
//!
//! What a host of the site must do, and so what this server does:
//! - send each file with its Content-Type (browsers stream-compile `.wasm` only when it is
//!   served as `application/wasm`) and map a directory to its `index.html`;
//! - send the precompressed sibling (`app.css.br`, `app.css.gz`, written by [`crate::dist`])
//!   when the request accepts that encoding, with `Content-Encoding` and `Vary`, so the bytes
//!   on the wire are the ones the budgets count;
//! - answer conditional requests (`Last-Modified`, `If-Modified-Since` → 304), which is what
//!   lets the service worker fill its cache from the browser's HTTP cache on a first visit;
//! - `Cache-Control: no-cache` (always revalidate: a new build is seen at once) and
//!   `X-Content-Type-Options: nosniff`; and refuse paths that leave the served directory.
//!
//! The pages carry their own Content-Security-Policy in a `<meta>` element (a host that serves
//! plain files keeps it), so the server adds none: a second policy would only narrow the first
//! and differ from what a plain static host does.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::util::{Result, fail};

/// Serves `root` on `127.0.0.1:port` until the process is stopped.
pub(crate) fn serve(root: &Path, port: u16) -> Result {
    let root = root
        .canonicalize()
        .map_err(|e| fail!("{}: {e}", root.display()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| fail!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let addr = listener.local_addr()?;
        println!(
            "serving {} at http://{addr}/  (Ctrl-C to stop)\n  county self-assessment  http://{addr}/\n  city review             http://{addr}/review.html\n  training                http://{addr}/training.html\n  annual report           http://{addr}/annual.html\n  province                http://{addr}/province.html",
            root.display()
        );
        axum::serve(listener, router(&root))
            .await
            .map_err(|e| fail!("serve: {e}"))
    })
}

/// The site's routes: every path is a file under `root` (or its precompressed sibling).
pub(crate) fn router(root: &Path) -> Router {
    let files = ServeDir::new(root)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::path::PathBuf;

    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;

    use super::*;

    /// A site with an index, a nested file with a space, a wasm file, a secret beside the
    /// root, and precompressed siblings written by `dist::precompress`.
    fn site(name: &str) -> (PathBuf, PathBuf) {
        let base =
            std::env::temp_dir().join(format!("xtask-serve-test-{}-{name}", std::process::id()));
        let root = base.join("site");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(base.join("secret.txt"), "secret").unwrap();
        std::fs::write(root.join("index.html"), "<p>hi</p>".repeat(100)).unwrap();
        std::fs::write(root.join("sub/a b.js"), "export const a = 1;\n".repeat(100)).unwrap();
        std::fs::write(root.join("m.wasm"), b"\0asm\x01\0\0\0").unwrap();
        crate::dist::precompress(&root).unwrap();
        (base, root.canonicalize().unwrap())
    }

    /// Starts the router on a free port in a thread of its own; returns its address.
    fn start(root: &Path) -> SocketAddr {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        let app = router(root);
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        addr
    }

    /// One HTTP/1.1 request; the status, the headers (names lower-cased) and the body.
    fn request(
        addr: SocketAddr,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(addr).unwrap();
        let mut msg = format!("{method} {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (k, v) in headers {
            msg.push_str(&format!("{k}: {v}\r\n"));
        }
        msg.push_str("\r\n");
        stream.write_all(msg.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut body = raw[split + 4..].to_vec();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v == "chunked")
        {
            body = dechunk(&body);
        }
        (status.parse().unwrap(), headers, body)
    }

    /// The body of a chunked response.
    fn dechunk(mut raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let end = raw.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&raw[..end]).unwrap().trim(), 16)
                .unwrap();
            if size == 0 {
                return out;
            }
            out.extend_from_slice(&raw[end + 2..end + 2 + size]);
            raw = &raw[end + 2 + size + 2..];
        }
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// One request and what the server must answer: (method, target, accept-encoding,
    /// status, content-type, content-encoding, the file whose bytes the decoded body is).
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        u16,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );

    fn check(addr: SocketAddr, root: &Path, cases: &[Case]) {
        for &(method, target, accept, status, ctype, encoding, file) in cases {
            let extra: Vec<(&str, &str)> =
                accept.map(|a| ("Accept-Encoding", a)).into_iter().collect();
            let (got, headers, body) = request(addr, method, target, &extra);
            let what = format!("{method} {target} (accept {accept:?})");
            assert_eq!(got, status, "{what}: status");
            if let Some(ctype) = ctype {
                assert_eq!(header(&headers, "content-type"), Some(ctype), "{what}");
            }
            assert_eq!(header(&headers, "content-encoding"), encoding, "{what}");
            if status == 200 {
                assert_eq!(
                    header(&headers, "cache-control"),
                    Some("no-cache"),
                    "{what}"
                );
                assert_eq!(
                    header(&headers, "x-content-type-options"),
                    Some("nosniff"),
                    "{what}"
                );
            }
            if let Some(file) = file {
                let want = std::fs::read(root.join(file)).unwrap();
                let decoded = match encoding {
                    Some("br") => {
                        let mut out = Vec::new();
                        brotli::Decompressor::new(&body[..], 4096)
                            .read_to_end(&mut out)
                            .unwrap();
                        out
                    }
                    Some("gzip") => {
                        let mut out = Vec::new();
                        flate2::read::GzDecoder::new(&body[..])
                            .read_to_end(&mut out)
                            .unwrap();
                        out
                    }
                    _ => body.clone(),
                };
                assert_eq!(decoded, want, "{what}: body");
            }
        }
    }

    #[test]
    fn serves_files_precompressed_and_refuses_escapes() {
        let (base, root) = site("cases");
        let addr = start(&root);
        let html = Some("text/html");
        let js = Some("text/javascript");
        check(
            addr,
            &root,
            &[
                ("GET", "/", None, 200, html, None, Some("index.html")),
                (
                    "GET",
                    "/",
                    Some("br"),
                    200,
                    html,
                    Some("br"),
                    Some("index.html"),
                ),
                (
                    "GET",
                    "/index.html?v=1",
                    Some("gzip"),
                    200,
                    html,
                    Some("gzip"),
                    Some("index.html"),
                ),
                (
                    "GET",
                    "/index.html",
                    Some("gzip, deflate, br"),
                    200,
                    html,
                    Some("br"),
                    Some("index.html"),
                ),
                (
                    "GET",
                    "/sub/a%20b.js",
                    Some("br"),
                    200,
                    js,
                    Some("br"),
                    Some("sub/a b.js"),
                ),
                (
                    "GET",
                    "/m.wasm",
                    None,
                    200,
                    Some("application/wasm"),
                    None,
                    Some("m.wasm"),
                ),
                ("HEAD", "/index.html", None, 200, html, None, None),
                ("GET", "/../secret.txt", None, 404, None, None, None),
                (
                    "GET",
                    "/sub/%2e%2e/%2e%2e/secret.txt",
                    None,
                    404,
                    None,
                    None,
                    None,
                ),
                ("GET", "/missing.js", None, 404, None, None, None),
                ("POST", "/index.html", None, 405, None, None, None),
            ],
        );
        std::fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn answers_conditional_requests() {
        let (base, root) = site("conditional");
        let addr = start(&root);
        let (status, headers, _) = request(addr, "GET", "/index.html", &[]);
        assert_eq!(status, 200);
        let modified = header(&headers, "last-modified")
            .expect("Last-Modified")
            .to_owned();
        let (status, _, body) = request(
            addr,
            "GET",
            "/index.html",
            &[("If-Modified-Since", &modified)],
        );
        assert_eq!(status, 304);
        assert!(body.is_empty());
        std::fs::remove_dir_all(base).unwrap();
    }

    /// Whatever the path (escapes, dots, slashes, percent signs), the server answers, and
    /// nothing but the site's own files is ever sent.
    #[test]
    fn never_serves_outside_the_root() {
        let (base, root) = site("prop");
        let addr = start(&root);
        let site_files: Vec<Vec<u8>> = ["index.html", "sub/a b.js", "m.wasm"]
            .iter()
            .map(|f| std::fs::read(root.join(f)).unwrap())
            .collect();
        let paths = "(/|[.]{1,3}|%2[eEfF]|%5[cC]|%00|%|[a-z ]|sub|secret[.]txt|\\\\){1,12}";
        let mut runner = TestRunner::new(ProptestConfig {
            cases: 64,
            ..ProptestConfig::default()
        });
        let result = runner.run(&paths, |path| {
            let target = format!("/{}", path.replace(' ', "%20"));
            let (status, _, body) = request(addr, "GET", &target, &[]);
            prop_assert!(body != b"secret", "{target} sent the secret");
            if status == 200 {
                prop_assert!(site_files.contains(&body), "{target}: 200 with other bytes");
            }
            Ok(())
        });
        std::fs::remove_dir_all(base).unwrap();
        result.unwrap();
    }
}
