//! Small hooks that connect the reducer to the browser: the store, autosave, keyboard, other
//! tabs, and the city review's and training mode's own (the full build's).

#[cfg(feature = "full")]
mod use_annual_autosave;
mod use_autosave;
mod use_debounced_save;
mod use_keyboard;
mod use_modes;
#[cfg(feature = "full")]
mod use_province_autosave;
#[cfg(feature = "full")]
mod use_review_autosave;
mod use_store;
mod use_tab_guard;

#[cfg(feature = "full")]
pub use use_annual_autosave::use_annual_autosave;
pub use use_autosave::use_autosave;
pub use use_debounced_save::AUTOSAVE_DELAY_MS;
pub use use_keyboard::{STATUS_KEYS, key_action, use_keyboard};
pub use use_modes::use_modes;
#[cfg(feature = "full")]
pub use use_province_autosave::use_province_autosave;
#[cfg(feature = "full")]
pub use use_review_autosave::use_review_autosave;
pub use use_store::{boot, use_listing, use_outbox};
pub use use_tab_guard::{announce_write, use_tab_guard};
