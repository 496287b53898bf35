//! Loads FVC2002-style folders (`<finger>_<impression>.tif`) into templates for the 1:N tools,
//! with an optional cache file so repeated tuning runs skip extraction (delete it when the
//! extractor changes; it is never read unless asked for).

use biometrics::template::wire;
use biometrics::{codec, extract, Template};
use std::path::{Path, PathBuf};

/// One extracted impression.
#[derive(Clone, Debug)]
pub struct Impression {
    /// Index of the folder in the order given.
    pub folder: usize,
    pub finger: u32,
    pub impression: u32,
    pub template: Template,
}

/// `FOLDER[:PPI]` (PPI defaults to 500).
#[allow(dead_code)] // used by `fvc-eval --identify`, not by `dedup-bench`
pub fn parse_folder(arg: &str) -> Result<(PathBuf, u16), String> {
    match arg.rsplit_once(':') {
        Some((p, ppi)) if !ppi.is_empty() && ppi.chars().all(|c| c.is_ascii_digit()) => Ok((
            PathBuf::from(p),
            ppi.parse().map_err(|e| format!("bad ppi in {arg}: {e}"))?,
        )),
        _ => Ok((PathBuf::from(arg), 500)),
    }
}

pub fn load(folders: &[(PathBuf, u16)], cache: Option<&Path>) -> Result<Vec<Impression>, String> {
    if let Some(cache) = cache {
        if let Ok(bytes) = std::fs::read(cache) {
            if let Some(all) = read_cache(&bytes) {
                return Ok(all);
            }
        }
    }
    let mut all = Vec::new();
    for (folder_index, (folder, ppi)) in folders.iter().enumerate() {
        let mut entries: Vec<(u32, u32, PathBuf)> = std::fs::read_dir(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let path = e.path();
                let stem = path.file_stem()?.to_str()?.to_string();
                let (f, i) = stem.split_once('_')?;
                Some((f.parse().ok()?, i.parse().ok()?, path))
            })
            .collect();
        entries.sort();
        if entries.is_empty() {
            return Err(format!("{}: no finger_impression images", folder.display()));
        }
        for (finger, impression, path) in entries {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let image =
                codec::decode(&bytes, *ppi).map_err(|e| format!("{}: {e}", path.display()))?;
            all.push(Impression {
                folder: folder_index,
                finger,
                impression,
                template: extract(&image),
            });
        }
    }
    if let Some(cache) = cache {
        std::fs::write(cache, write_cache(&all))
            .map_err(|e| format!("{}: {e}", cache.display()))?;
    }
    Ok(all)
}

fn write_cache(all: &[Impression]) -> Vec<u8> {
    let mut out = Vec::new();
    for i in all {
        let t = wire::encode(&i.template);
        out.extend_from_slice(&(i.folder as u32).to_le_bytes());
        out.extend_from_slice(&i.finger.to_le_bytes());
        out.extend_from_slice(&i.impression.to_le_bytes());
        out.extend_from_slice(&(t.len() as u32).to_le_bytes());
        out.extend_from_slice(&t);
    }
    out
}

fn read_cache(mut bytes: &[u8]) -> Option<Vec<Impression>> {
    let mut all = Vec::new();
    let word = |b: &mut &[u8]| -> Option<u32> {
        let (w, rest) = b.split_at_checked(4)?;
        *b = rest;
        Some(u32::from_le_bytes(w.try_into().ok()?))
    };
    while !bytes.is_empty() {
        let folder = word(&mut bytes)? as usize;
        let finger = word(&mut bytes)?;
        let impression = word(&mut bytes)?;
        let len = word(&mut bytes)? as usize;
        let (t, rest) = bytes.split_at_checked(len)?;
        bytes = rest;
        all.push(Impression {
            folder,
            finger,
            impression,
            template: wire::decode(t).ok()?,
        });
    }
    Some(all)
}
