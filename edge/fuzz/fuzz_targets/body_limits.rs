//! Fuzz target: reading a body under a ceiling (`Bounded`, what every handler's body read does
//! with the stream), with any `Content-Length` and any chunking. Input, as text
//! lines: the ceiling; the `Content-Length` value (`-` for none); then one chunk per line.
#![no_main]

use edge_fuzz::parse::ceiling::Bounded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let Some(Ok(limit)) = lines.next().map(|l| l.trim().parse::<usize>()) else {
        return;
    };
    // Small ceilings, so that the fuzzer meets the boundary with short inputs.
    let limit = limit % 4096;
    let header = lines.next().filter(|l| *l != "-");
    let chunks: Vec<&[u8]> = lines.map(str::as_bytes).collect();
    let total: usize = chunks.iter().map(|c| c.len()).sum();
    let declared = header.and_then(|h| h.trim().parse::<usize>().ok());

    let read = Bounded::new(header, limit).and_then(|mut body| {
        for chunk in &chunks {
            body.push(chunk)?;
        }
        Ok(body.into_bytes())
    });
    match read {
        Ok(body) => {
            assert!(body.len() <= limit, "a body over the ceiling was accepted");
            assert_eq!(body, chunks.concat(), "the body read is not the body sent");
            assert!(declared.is_none_or(|n| n <= limit));
        }
        // Refused: only a body, or a declared length, over the ceiling.
        Err(_) => assert!(total > limit || declared.is_some_and(|n| n > limit)),
    }
});
