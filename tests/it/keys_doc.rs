//! docs/keys.md lists exactly the keys of the program's keys table (the same table the
//! keymap, the footer and help read). After changing the table, regenerate the list with
//! `MUSIC_SEF_WRITE_DOCS=1 cargo test keys_doc`.

const BEGIN: &str = "<!-- keys table: generated from src/tui/keys/table.rs -->\n";
const END: &str = "<!-- end of keys table -->";

#[test]
fn keys_doc_lists_every_row_of_the_keys_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
    let doc = std::fs::read_to_string(path).expect("docs/keys.md");
    let (Some(a), Some(b)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("docs/keys.md has lost its markers {BEGIN:?} … {END:?}");
    };
    let generated = music_sef::tui::keys::markdown();
    let current = &doc[a + BEGIN.len()..b];
    if current != generated {
        if std::env::var_os("MUSIC_SEF_WRITE_DOCS").is_some() {
            let new = format!("{}{BEGIN}{generated}{}", &doc[..a], &doc[b..]);
            std::fs::write(path, new).expect("write docs/keys.md");
            return;
        }
        panic!(
            "docs/keys.md is out of date with the keys table; run MUSIC_SEF_WRITE_DOCS=1 cargo test keys_doc\n--- expected ---\n{generated}"
        );
    }
}
