//! Short import names: renames the functions a wasm module imports from its wasm-bindgen glue
//! to short names, in the module's import section and in the glue's import object alike.
//!
//! wasm-bindgen names each import after what it binds plus a 16-digit hash
//! (`__wbg_activeElement_6c30fe7fda33ef51`), and every name is written twice: as the key of the
//! glue's import object and in the module's import section. The hashes do not compress: on the
//! county page's 167 imports they were about 4.7 KB of the gzip download. The names mean
//! nothing to the browser; only the two sides must agree, which this pass keeps (it fails
//! unless every renamed name is the key of exactly one entry of the glue).

use crate::util::{Result, fail};

/// Renames every function `wasm` imports from `glue_module` (e.g. `./shifan_web_bg.js`) to a
/// short name, in `wasm` and in the glue's source `js`; returns the new module and glue.
pub(crate) fn shorten(wasm: &[u8], js: &str, glue_module: &str) -> Result<(Vec<u8>, String)> {
    let (start, end, imports) = import_section(wasm)?;
    let mut body = Vec::new();
    leb(&mut body, imports.len() as u64);
    let mut js = js.to_owned();
    let mut renamed = 0;
    for import in &imports {
        let name = if import.module == glue_module {
            let short = short_name(renamed);
            renamed += 1;
            js = rename_key(&js, &import.name, &short)?;
            short
        } else {
            import.name.clone()
        };
        for text in [import.module.as_str(), name.as_str()] {
            leb(&mut body, text.len() as u64);
            body.extend_from_slice(text.as_bytes());
        }
        body.extend_from_slice(&import.desc);
    }
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&wasm[..start]);
    out.push(IMPORT_SECTION);
    leb(&mut out, body.len() as u64);
    out.extend_from_slice(&body);
    out.extend_from_slice(&wasm[end..]);
    Ok((out, js))
}

/// The id of the import section.
const IMPORT_SECTION: u8 = 2;

/// One entry of the import section: module, name, and its description as written.
struct Import {
    module: String,
    name: String,
    desc: Vec<u8>,
}

/// The import section of `wasm`: where it starts (at its id) and ends, and its entries.
fn import_section(wasm: &[u8]) -> Result<(usize, usize, Vec<Import>)> {
    if wasm.len() < 8 || wasm[..4] != *b"\0asm" {
        return Err(fail!("not a WebAssembly module"));
    }
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)? as usize;
        let end = at
            .checked_add(size)
            .filter(|&e| e <= wasm.len())
            .ok_or_else(|| fail!("section {id} runs past the end of the module"))?;
        if id == IMPORT_SECTION {
            let mut r = at;
            let count = read_leb(wasm, &mut r)?;
            let mut imports = Vec::new();
            for _ in 0..count {
                let module = read_name(wasm, &mut r)?;
                let name = read_name(wasm, &mut r)?;
                let desc_start = r;
                skip_desc(wasm, &mut r)?;
                imports.push(Import {
                    module,
                    name,
                    desc: wasm[desc_start..r].to_vec(),
                });
            }
            if r != end {
                return Err(fail!("the import section has bytes after its entries"));
            }
            return Ok((start, end, imports));
        }
        at = end;
    }
    Err(fail!("the module imports nothing"))
}

/// Steps over an import's description (what kind of thing it imports, and its type).
fn skip_desc(wasm: &[u8], at: &mut usize) -> Result {
    let kind = byte(wasm, at)?;
    match kind {
        // A function or a tag: (tag attribute,) type index.
        0x00 => {
            read_leb(wasm, at)?;
        }
        0x04 => {
            byte(wasm, at)?;
            read_leb(wasm, at)?;
        }
        // A table: element type, then limits.
        0x01 => {
            byte(wasm, at)?;
            skip_limits(wasm, at)?;
        }
        0x02 => skip_limits(wasm, at)?,
        // A global: value type, mutability.
        0x03 => {
            byte(wasm, at)?;
            byte(wasm, at)?;
        }
        other => return Err(fail!("unknown import kind {other:#x}")),
    }
    Ok(())
}

/// Steps over limits: flags (bit 0: a maximum follows), minimum, maximum.
fn skip_limits(wasm: &[u8], at: &mut usize) -> Result {
    let flags = byte(wasm, at)?;
    read_leb(wasm, at)?;
    if flags & 1 != 0 {
        read_leb(wasm, at)?;
    }
    Ok(())
}

fn byte(wasm: &[u8], at: &mut usize) -> Result<u8> {
    let b = *wasm
        .get(*at)
        .ok_or_else(|| fail!("the module ends inside its import section"))?;
    *at += 1;
    Ok(b)
}

fn read_name(wasm: &[u8], at: &mut usize) -> Result<String> {
    let len = read_leb(wasm, at)? as usize;
    let bytes = at
        .checked_add(len)
        .and_then(|end| wasm.get(*at..end))
        .ok_or_else(|| fail!("an import's name runs past the end of the module"))?;
    *at += len;
    String::from_utf8(bytes.to_vec()).map_err(|_| fail!("an import's name is not UTF-8"))
}

fn read_leb(wasm: &[u8], at: &mut usize) -> Result<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = byte(wasm, at)?;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(fail!("a number in the module is too long"))
}

fn leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The `i`th short name: `a`…`z`, `A`…`Z`, then two letters and so on. None starts with `_`,
/// so none is the key of the glue's other entries (`__proto__`, `__wbindgen_…`).
fn short_name(mut i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
        if i == 0 {
            break;
        }
        i -= 1;
    }
    String::from_utf8(name).unwrap_or_default()
}

/// `js` with the object key `name` (written `name:`, as a whole word) renamed to `short`; fails
/// unless it is there exactly once.
fn rename_key(js: &str, name: &str, short: &str) -> Result<String> {
    let word =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let key = format!("{name}:");
    let found: Vec<usize> = js
        .match_indices(&key)
        .map(|(at, _)| at)
        .filter(|&at| !word(js[..at].chars().next_back()))
        .collect();
    match found[..] {
        [at] => Ok(format!("{}{short}:{}", &js[..at], &js[at + key.len()..])),
        _ => Err(fail!(
            "the glue has {} entries for the import `{name}`, not one",
            found.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Imports as (module, name).
    type Names<'a> = &'a [(&'a str, &'a str)];

    /// A module importing `names` (functions of type 0 from `module` each) and exporting nothing.
    fn module(imports: &[(&str, &str)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut body = Vec::new();
        leb(&mut body, imports.len() as u64);
        for (module, name) in imports {
            for text in [module, name] {
                leb(&mut body, text.len() as u64);
                body.extend_from_slice(text.as_bytes());
            }
            body.extend_from_slice(&[0x00, 0]);
        }
        m.push(IMPORT_SECTION);
        leb(&mut m, body.len() as u64);
        m.extend_from_slice(&body);
        m
    }

    fn names(wasm: &[u8]) -> Vec<(String, String)> {
        let (_, _, imports) = import_section(wasm).unwrap();
        imports.into_iter().map(|i| (i.module, i.name)).collect()
    }

    /// Renames the glue's imports of `imports`; the result is valid and names what `expected` says.
    fn check(
        imports: &[(&str, &str)],
        js: &str,
        expected: std::result::Result<(Names<'_>, &str), &str>,
    ) {
        let wasm = module(imports);
        match (shorten(&wasm, js, "./g.js"), expected) {
            (Ok((out, out_js)), Ok((names_after, js_after))) => {
                wasmparser::validate(&out).unwrap();
                let want: Vec<(String, String)> = names_after
                    .iter()
                    .map(|(m, n)| (m.to_string(), n.to_string()))
                    .collect();
                assert_eq!(names(&out), want);
                assert_eq!(out_js, js_after);
            }
            (Err(e), Err(message)) => assert!(e.to_string().contains(message), "{e}"),
            (got, want) => panic!("got {:?}, want {want:?}", got.map(|(_, js)| js)),
        }
    }

    #[test]
    fn renames_the_glues_imports_on_both_sides() {
        let long = "__wbg_body_5f971cbc6950ca4f";
        check(
            &[
                ("./g.js", long),
                ("env", "other"),
                ("./g.js", "__wbg_x_0123"),
            ],
            &format!("{{__proto__:null,{long}:function(){{}},__wbg_x_0123:function(){{}}}}"),
            Ok((
                &[("./g.js", "a"), ("env", "other"), ("./g.js", "b")],
                "{__proto__:null,a:function(){},b:function(){}}",
            )),
        );
        // A name that is the tail of another key, or missing from the glue: refused.
        check(
            &[("./g.js", "x")],
            "{__wbg_x:1}",
            Err("0 entries for the import `x`"),
        );
        check(
            &[("./g.js", "x")],
            "{x:1,y:{x:2}}",
            Err("2 entries for the import `x`"),
        );
    }

    #[test]
    fn short_names_are_distinct_and_short() {
        let all: Vec<String> = (0..3000).map(short_name).collect();
        let distinct: std::collections::HashSet<&String> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        assert_eq!((&all[0][..], &all[51][..], &all[52][..]), ("a", "Z", "aa"));
        assert!(all[..2756].iter().all(|n| n.len() <= 2));
    }
}
