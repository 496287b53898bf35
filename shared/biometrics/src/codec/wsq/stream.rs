//! Walks the WSQ marker stream: header segments, then entropy-coded blocks into quantized coefficients.

use super::bits::Bits;
use super::bytes::Bytes;
use super::huffman::Huffman;
use super::subbands::Region;
use super::tables::{self, Filters, Frame, Quantization};
use crate::codec::limits::check_dimensions;
use crate::codec::DecodeError;

const SOI: u8 = 0xa0;
const EOI: u8 = 0xa1;
const SOF: u8 = 0xa2;
const SOB: u8 = 0xa3;
const DTT: u8 = 0xa4;
const DQT: u8 = 0xa5;
const DHT: u8 = 0xa6;
const DRT: u8 = 0xa7;
const COM: u8 = 0xa8;
const MAX_TABLES: usize = 8;

/// Everything the stream carries, still quantized.
pub(super) struct Parsed {
    pub frame: Frame,
    pub filters: Filters,
    pub quantization: Quantization,
    /// Quantized coefficients of the transmitted subbands, in subband then raster order.
    pub coefficients: Vec<i32>,
    pub ppi: Option<u16>,
}

#[derive(Default)]
struct Tables {
    filters: Option<Filters>,
    quantization: Option<Quantization>,
    huffman: [Option<Huffman>; MAX_TABLES],
    ppi: Option<u16>,
}

impl Tables {
    /// Parses a table or comment segment; returns false if `marker` is not one.
    fn read(&mut self, marker: u8, b: &mut Bytes) -> Result<bool, DecodeError> {
        match marker {
            DTT => self.filters = Some(tables::transform(b)?),
            DQT => self.quantization = Some(tables::quantization(b)?),
            DHT => self.read_huffman(b)?,
            COM => {
                if let Some(ppi) = tables::comment_ppi(b)? {
                    self.ppi = Some(ppi);
                }
            }
            DRT => return Err(DecodeError::Unsupported("restart intervals")),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A DHT segment holds one or more tables, each an id, 16 length counts and the values.
    fn read_huffman(&mut self, b: &mut Bytes) -> Result<(), DecodeError> {
        let length = usize::from(b.u16()?);
        let end = b
            .pos
            .checked_add(
                length
                    .checked_sub(2)
                    .ok_or(DecodeError::Malformed("DHT length"))?,
            )
            .ok_or(DecodeError::Truncated)?;
        if end > b.data().len() {
            return Err(DecodeError::Truncated);
        }
        while b.pos < end {
            let id = usize::from(b.u8()?);
            if id >= MAX_TABLES {
                return Err(DecodeError::Malformed("Huffman table id"));
            }
            let mut counts = [0u8; 16];
            counts.copy_from_slice(b.take(16)?);
            let total = counts.iter().map(|&c| usize::from(c)).sum();
            let values = b.take(total)?.to_vec();
            self.huffman[id] = Some(Huffman::new(&counts, values)?);
        }
        if b.pos != end {
            return Err(DecodeError::Malformed("DHT length"));
        }
        Ok(())
    }
}

pub(super) fn parse(
    data: &[u8],
    subbands: impl Fn(&Frame) -> Vec<Region>,
) -> Result<Parsed, DecodeError> {
    let mut b = Bytes::new(data);
    if b.marker()? != SOI {
        return Err(DecodeError::UnknownFormat);
    }
    let mut tables = Tables::default();
    let frame = loop {
        match b.marker()? {
            SOF => break tables::frame(&mut b)?,
            m => {
                if !tables.read(m, &mut b)? {
                    return Err(DecodeError::Malformed("unexpected marker before frame"));
                }
            }
        }
    };
    // Bound memory before anything is sized by the frame.
    check_dimensions(frame.width, frame.height)?;
    let regions = subbands(&frame);

    let mut coefficients: Vec<i32> = Vec::new();
    let mut capacity = None;
    let mut blocks = 0;
    loop {
        match b.marker()? {
            EOI => break,
            SOB => {
                let q = tables
                    .quantization
                    .as_ref()
                    .ok_or(DecodeError::Malformed("block before quantization table"))?;
                // The coefficient count is fixed by the first quantization table in force.
                let limit = *capacity.get_or_insert_with(|| transmitted(q, &regions));
                let _length = b.u16()?;
                let id = usize::from(b.u8()?);
                let table = tables.huffman.get(id).and_then(Option::as_ref).ok_or(
                    DecodeError::Malformed("block uses an undefined Huffman table"),
                )?;
                b.pos = decode_block(data, b.pos, table, &mut coefficients, limit)?;
                blocks += 1;
            }
            m => {
                if !tables.read(m, &mut b)? {
                    return Err(DecodeError::Malformed("unexpected marker"));
                }
            }
        }
    }
    if blocks == 0 {
        return Err(DecodeError::Malformed("no coded blocks"));
    }
    Ok(Parsed {
        frame,
        filters: tables
            .filters
            .ok_or(DecodeError::Malformed("no transform table"))?,
        quantization: tables
            .quantization
            .ok_or(DecodeError::Malformed("no quantization table"))?,
        coefficients,
        ppi: tables.ppi,
    })
}

/// How many coefficients the coded subbands hold: the most the stream may deliver.
pub(super) fn transmitted(q: &Quantization, regions: &[Region]) -> usize {
    regions
        .iter()
        .zip(q.q.iter())
        .filter(|(_, &q)| q != 0.0)
        .map(|(r, _)| r.len())
        .sum()
}

/// Decodes one block's symbols until its closing marker; returns where that marker starts.
fn decode_block(
    data: &[u8],
    start: usize,
    table: &Huffman,
    out: &mut Vec<i32>,
    limit: usize,
) -> Result<usize, DecodeError> {
    let mut bits = Bits::new(data, start);
    let push = |out: &mut Vec<i32>, value: i32, count: usize| {
        if count > limit - out.len() {
            return Err(DecodeError::Malformed("more coefficients than subbands"));
        }
        out.extend(std::iter::repeat_n(value, count));
        Ok(())
    };
    while let Some(symbol) = table.decode(&mut bits)? {
        match symbol {
            1..=100 => push(out, 0, usize::from(symbol))?,
            101 => push(out, bits.bits(8)? as i32, 1)?,
            102 => push(out, -(bits.bits(8)? as i32), 1)?,
            103 => push(out, bits.bits(16)? as i32, 1)?,
            104 => push(out, -(bits.bits(16)? as i32), 1)?,
            105 => push(out, 0, bits.bits(8)? as usize)?,
            106 => push(out, 0, bits.bits(16)? as usize)?,
            107..=254 => push(out, i32::from(symbol) - 180, 1)?,
            0 | 255 => return Err(DecodeError::Malformed("invalid coefficient symbol")),
        }
    }
    Ok(bits.position())
}
