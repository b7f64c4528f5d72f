//! F4: the mouse taken by the view (clicks, the wheel) or left to the terminal, so text can
//! be selected and copied as in any other program. Switched at once and remembered in the
//! settings for next time.

use super::action::{Flash, Reply};
use super::terminal;
use crate::paths::DataDirs;
use crate::settings::Settings;

/// Switch the mouse and say what that means; a choice that could not be saved still holds
/// for now.
pub fn toggle(dirs: &DataDirs) -> Reply {
    let on = !terminal::mouse_on();
    if let Err(e) = terminal::set_mouse(on) {
        return Reply::Flash(Flash::warn(format!("Could not switch the mouse: {e}")));
    }
    let mut settings = Settings::load(dirs);
    settings.mouse = (!on).then_some(false);
    let text = if on {
        "Mouse on: click and scroll here; Shift-drag selects text. F4 turns it off."
    } else {
        "Mouse off: drag to select and copy text as usual. F4 turns it back on."
    };
    match settings.save(dirs) {
        Ok(()) => Reply::Flash(Flash::info(text)),
        Err(e) => Reply::Flash(Flash::warn(format!(
            "{text} (Not remembered for next time: {e}.)"
        ))),
    }
}
