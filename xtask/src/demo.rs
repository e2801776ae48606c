//! `cargo xtask demo`: serves dist/ on 127.0.0.1 so the demo page can be opened in a browser.
//! A few lines of std instead of a web-server crate: it only ever serves local files.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

use crate::dist::dist_dir;

pub fn run(port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("\nDemo page: http://127.0.0.1:{port}/embed-example.html");
    println!("Offline page: http://127.0.0.1:{port}/supervision-widget.html   (Ctrl+C to stop)");
    for stream in listener.incoming().flatten() {
        let _ = serve(stream);
    }
    Ok(())
}

fn serve(mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let name = match path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/')
    {
        "" => "embed-example.html",
        name => name,
    };
    // Only plain file names from dist/: no folders, so no way out of it.
    let file =
        (!name.contains('/') && !name.contains("..")).then(|| fs::read(dist_dir().join(name)).ok());
    match file.flatten() {
        Some(body) => {
            let kind = if name.ends_with(".js") {
                "text/javascript"
            } else {
                "text/html; charset=utf-8"
            };
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
            stream.write_all(&body)
        }
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}
