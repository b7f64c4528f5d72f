//! Settings live in the config folder: an old `settings.json` in the data folder is moved
//! there once, and a data folder chosen by `MUSIC_SEF_DATA_DIR` keeps its settings inside it,
//! so no test ever reads or writes the real config folder.

use music_sef::paths::DataDirs;
use music_sef::settings::Settings;

use crate::common;

#[test]
fn settings_in_the_data_folder_move_to_the_config_folder_once() {
    let env = common::env();
    let old = env.dir.path().join("settings.json");
    std::fs::write(&old, r#"{ "hub_email": "music@hub.example.org" }"#).expect("write");
    let loaded = Settings::load(&env.dirs);
    assert_eq!(loaded.hub_email.as_deref(), Some("music@hub.example.org"));
    assert!(loaded.mouse_on());
    let new = env.dirs.settings_file();
    assert_eq!(new, env.dir.path().join("config").join("settings.json"));
    assert!(new.is_file(), "copied to the config folder");
    assert!(!old.exists(), "and moved, not left behind");
    assert_eq!(Settings::load(&env.dirs), loaded);
}

#[test]
fn settings_already_in_the_config_folder_win_over_an_old_file() {
    let env = common::env();
    let mut s = Settings::load(&env.dirs);
    s.hub_email = Some("new@hub.example.org".into());
    s.mouse = Some(false);
    s.save(&env.dirs).expect("save");
    let old = env.dir.path().join("settings.json");
    std::fs::write(&old, r#"{ "hub_email": "old@hub.example.org" }"#).expect("write");
    let loaded = Settings::load(&env.dirs);
    assert_eq!(loaded.hub_email.as_deref(), Some("new@hub.example.org"));
    assert!(!loaded.mouse_on());
}

#[test]
fn a_folder_that_holds_both_is_left_as_it_is() {
    // macOS keeps data and config in one folder: nothing to move.
    let dir = tempfile::tempdir().expect("tempdir");
    let dirs = DataDirs::at(dir.path()).with_config(dir.path());
    assert_eq!(dirs.settings_file(), dirs.old_settings_file());
    std::fs::write(dirs.settings_file(), r#"{ "hub_email": "a@b.org" }"#).expect("write");
    assert_eq!(Settings::load(&dirs).hub_email.as_deref(), Some("a@b.org"));
    assert!(dirs.settings_file().is_file());
}

#[test]
fn the_binary_keeps_settings_inside_the_chosen_data_folder() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let d = common::complete_draft(&env, &qn, "Settings");
    let out = env.dir.path().join("out");
    let old = env.dir.path().join("settings.json");
    std::fs::write(&old, r#"{ "hub_email": "music@hub.example.org" }"#).expect("write");
    common::bin(&env)
        .args(["export", &d.id.to_string(), "--out", &out.to_string_lossy()])
        .assert()
        .success();
    assert!(!old.exists());
    let kept = std::fs::read_to_string(env.dir.path().join("config/settings.json"))
        .expect("settings in <data>/config");
    assert!(kept.contains("music@hub.example.org"), "{kept}");
}
