//! `cargo xtask serve`: a small static file server for `web/dist/` (std::net only).
//!
//! It answers GET and HEAD, maps directories to their `index.html`, sends the right
//! Content-Type (browsers only stream-compile `.wasm` served as `application/wasm`),
//! sends `Cache-Control: no-cache`, and refuses paths that leave the served directory.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use crate::util::{Result, fail};

/// Serves `root` on `127.0.0.1:port` until the process is stopped.
pub(crate) fn serve(root: &Path, port: u16) -> Result {
    let root = root
        .canonicalize()
        .map_err(|e| fail!("{}: {e}", root.display()))?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| fail!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr()?;
    println!(
        "serving {} at http://{addr}/  (Ctrl-C to stop)\n  county self-assessment  http://{addr}/\n  city review             http://{addr}/review.html\n  training                http://{addr}/training.html",
        root.display()
    );
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.clone();
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &root) {
                eprintln!("serve: {e}");
            }
        });
    }
    Ok(())
}

/// Content-Type for a file name, by extension.
pub(crate) fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Maps a request target (`/a/b.js?x`) to a file under `root`, or `None` if it must be refused.
pub(crate) fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut out = root.to_path_buf();
    for comp in Path::new(&decoded).components() {
        match comp {
            Component::RootDir | Component::CurDir => {}
            Component::Normal(c) => out.push(c),
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    // Refuse symlinks that lead out of the root, too.
    let real = out.canonicalize().ok()?;
    real.starts_with(root).then_some(real)
}

/// Decodes `%XX` escapes; `None` for malformed escapes, NUL bytes or non-UTF-8 results.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    if out.contains(&0) {
        return None;
    }
    String::from_utf8(out).ok()
}

fn handle(stream: TcpStream, root: &Path) -> Result {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    (&mut reader).take(8192).read_line(&mut request_line)?;
    // Drain the headers; we need none of them.
    let mut header = String::new();
    loop {
        header.clear();
        let n = (&mut reader).take(8192).read_line(&mut header)?;
        if n == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    let head = method == "HEAD";
    if method != "GET" && !head {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed\n",
            head,
            &[("Allow", "GET, HEAD")],
        );
    }
    match resolve(root, target) {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => {
                println!("{method} {target} -> 200 ({} bytes)", body.len());
                respond(&mut out, "200 OK", content_type(&file), &body, head, &[])
            }
            Err(_) => not_found(&mut out, method, target, head),
        },
        None => not_found(&mut out, method, target, head),
    }
}

fn not_found(out: &mut TcpStream, method: &str, target: &str, head: bool) -> Result {
    println!("{method} {target} -> 404");
    respond(
        out,
        "404 Not Found",
        "text/plain; charset=utf-8",
        b"not found\n",
        head,
        &[],
    )
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head: bool,
    extra: &[(&str, &str)],
) -> Result {
    let mut msg = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        msg.push_str(&format!("{k}: {v}\r\n"));
    }
    msg.push_str("\r\n");
    out.write_all(msg.as_bytes())?;
    if !head {
        out.write_all(body)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(dir.join("sub/a b.js"), "1").unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn resolves_and_refuses() {
        let root = site();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/index.html?v=1"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(&root, "/sub/a%20b.js"),
            Some(root.join("sub/a b.js"))
        );
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/sub/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&root, "/%00"), None);
        assert_eq!(resolve(&root, "/%zz"), None);
        assert_eq!(resolve(&root, "http://x/"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("a.js")), "text/javascript");
        assert_eq!(
            content_type(Path::new("a.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.css")), "text/css");
        assert_eq!(content_type(Path::new("a.json")), "application/json");
    }
}
