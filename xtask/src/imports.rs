//! Short names for the wasm's imports. wasm-bindgen names each JS function the wasm imports
//! after its Rust path plus a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), from a module
//! named after the glue file, and writes each name twice: in the wasm's import section and as a
//! key of the glue's import object. Hashes do not compress, so the bundle carries them at full
//! weight. This renames them all (`a`, `b`, … `aa`, …) in both places at once, and fails rather
//! than ship a glue and a wasm that disagree. The custom sections go too (0.2 KiB).

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::{Parser, Payload};

/// The glue's import object and the import section, with short names.
pub fn shorten(glue: &str, wasm: &[u8]) -> Result<(String, Vec<u8>), String> {
    let mut glue = glue.to_owned();
    let mut module = wasm_encoder::Module::new();
    let mut modules_renamed: Vec<String> = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("reading the wasm: {e}"))?;
        if let Payload::ImportSection(reader) = &payload {
            let mut section = wasm_encoder::ImportSection::new();
            for (index, import) in reader.clone().into_imports().enumerate() {
                let import = import.map_err(|e| format!("reading the imports: {e}"))?;
                let name = short_name(index);
                rename_key(&mut glue, import.name, &name)?;
                if glue.contains(import.name) {
                    return Err(format!(
                        "the glue uses {:?} other than as its import key",
                        import.name
                    ));
                }
                if !modules_renamed.iter().any(|m| m == import.module) {
                    rename_key(&mut glue, &format!("\"{}\"", import.module), "m")?;
                    modules_renamed.push(import.module.to_owned());
                }
                if modules_renamed.len() > 1 {
                    return Err("the wasm imports from more than one module".into());
                }
                let ty = RoundtripReencoder
                    .entity_type(import.ty)
                    .map_err(|e| format!("re-encoding an import: {e:?}"))?;
                section.import("m", &name, ty);
            }
            module.section(&section);
        } else if let Payload::CustomSection(_) = &payload {
            // The toolchain's producers and target features: nothing reads them at run time.
            continue;
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&wasm_encoder::RawSection {
                id,
                data: &wasm[range.start as usize..range.end as usize],
            });
        }
    }
    let wasm = module.finish();
    wasmparser::validate(&wasm).map_err(|e| format!("the renamed wasm is not valid: {e}"))?;
    Ok((glue, wasm))
}

/// `a`…`z`, then `aa`, `ab`…: valid as JS keys and wasm names, and as short as they come.
fn short_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'a' + (index % 26) as u8);
        index /= 26;
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Renames the one key `old` of the glue's import object (`old: function(…`, or the module's
/// `"…": import0`) to `new`; fails unless there is exactly one.
fn rename_key(glue: &mut String, old: &str, new: &str) -> Result<(), String> {
    let key = format!(" {old}: ");
    match glue.matches(&key).count() {
        1 => {
            *glue = glue.replacen(&key, &format!(" {new}: "), 1);
            Ok(())
        }
        n => Err(format!(
            "the glue has {n} import keys {old:?}, expected 1: has wasm-bindgen's output changed?"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_and_short() {
        let names: Vec<String> = (0..800).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[25], "z");
        assert_eq!(names[26], "aa");
        assert_eq!(names[27], "ab");
        assert_eq!(names[26 + 26 * 26], "aaa");
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn imports_are_renamed_in_the_wasm_and_the_glue_alike() {
        let wasm = wat_module();
        let glue = "const import0 = {\n __proto__: null,\n f_0123456789abcdef: function(a) {},\n g_fedcba9876543210: function() {},\n};\nconst imports = {\n __proto__: null,\n \"./x_bg.js\": import0,\n};";
        let (glue, wasm) = shorten(glue, &wasm).unwrap();
        assert!(glue.contains(" a: function(a)") && glue.contains(" b: function()"));
        assert!(glue.contains(" m: import0"));
        assert!(!glue.contains("0123456789abcdef") && !glue.contains("x_bg.js"));
        let names: Vec<(String, String)> = Parser::new(0)
            .parse_all(&wasm)
            .filter_map(|p| match p.unwrap() {
                Payload::ImportSection(r) => Some(
                    r.into_imports()
                        .map(|i| {
                            let i = i.unwrap();
                            (i.module.to_owned(), i.name.to_owned())
                        })
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(names, [("m".into(), "a".into()), ("m".into(), "b".into())]);
        let custom = Parser::new(0)
            .parse_all(&wasm)
            .filter(|p| matches!(p, Ok(Payload::CustomSection(_))))
            .count();
        assert_eq!(custom, 0, "the producers section is dropped");
    }

    #[test]
    fn a_glue_that_does_not_match_the_wasm_is_refused() {
        let glue = "const import0 = { other_name: function() {} };";
        assert!(shorten(glue, &wat_module()).is_err());
    }

    /// A module importing two functions from "./x_bg.js", with a function that calls the first.
    fn wat_module() -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([wasm_encoder::ValType::I32], []);
        types.ty().function([], []);
        module.section(&types);
        let mut imports = wasm_encoder::ImportSection::new();
        imports.import(
            "./x_bg.js",
            "f_0123456789abcdef",
            wasm_encoder::EntityType::Function(0),
        );
        imports.import(
            "./x_bg.js",
            "g_fedcba9876543210",
            wasm_encoder::EntityType::Function(1),
        );
        module.section(&imports);
        let mut functions = wasm_encoder::FunctionSection::new();
        functions.function(1);
        module.section(&functions);
        let mut code = wasm_encoder::CodeSection::new();
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().i32_const(7).call(0).end();
        code.function(&body);
        module.section(&code);
        module.section(&wasm_encoder::CustomSection {
            name: "producers".into(),
            data: b"\x00".as_slice().into(),
        });
        module.finish()
    }
}
