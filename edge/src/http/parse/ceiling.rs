//! A body read under a ceiling, chunk by chunk, whatever its declared length says.

/// The body passed the ceiling (413 `payload_too_large` at the edge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverCeiling;

/// A body being read under a ceiling: `http::body::bytes` feeds it the stream's chunks.
pub struct Bounded {
    body: Vec<u8>,
    limit: usize,
}

impl Bounded {
    /// Refuses a declared `Content-Length` over `limit` before a byte is read. A value that is
    /// not a number declares nothing: the bytes that come are counted all the same.
    pub fn new(content_length: Option<&str>, limit: usize) -> Result<Bounded, OverCeiling> {
        let declared: Option<usize> = content_length.and_then(|v| v.trim().parse().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(OverCeiling);
        }
        Ok(Bounded {
            body: Vec::with_capacity(declared.unwrap_or(0)),
            limit,
        })
    }

    /// Appends the next chunk, or refuses the body as soon as it would pass the ceiling.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), OverCeiling> {
        if self.body.len() + chunk.len() > self.limit {
            return Err(OverCeiling);
        }
        self.body.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.body
    }
}

#[cfg(test)]
mod tests {
    use super::Bounded;

    #[test]
    fn a_body_over_the_ceiling_is_refused_declared_or_not() {
        assert!(Bounded::new(Some(" 11 "), 10).is_err());
        let mut body = Bounded::new(Some("not a number"), 10).unwrap();
        body.push(b"12345").unwrap();
        body.push(b"67890").unwrap();
        assert!(body.push(b"!").is_err());
        assert_eq!(body.into_bytes(), b"1234567890");
    }
}
