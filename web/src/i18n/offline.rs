//! The single-file edition's strings ([`crate::single_file`]), one table per language like
//! the rest of [`crate::i18n`]: only the full build, which the single file carries, has them.

use shifan_rules::Lang;

/// The strings of the single-file edition in one language.
#[derive(Debug)]
pub struct OfflineTexts {
    /// Where the drafts are kept when the page is opened from disk (start page).
    pub where_kept: &'static str,
    /// Save the open draft to a file (top bar).
    pub save_to_file: &'static str,
    /// What saving to a file gives (the button's title).
    pub save_to_file_hint: &'static str,
    /// Not saved to a file from this page yet.
    pub never_saved_to_file: &'static str,
    /// Saved to a file at `{}`.
    pub saved_to_file_at: &'static str,
    /// Saved to a file at `{}`, changed since.
    pub changed_since_file: &'static str,
}

/// The table of `lang`.
pub fn offline_texts(lang: Lang) -> &'static OfflineTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Chinese, the default.
pub static ZH: OfflineTexts = OfflineTexts {
    where_kept: "本页是从本机打开的单文件版：草稿只暂存在本浏览器中，换浏览器、移动或改名本文件、清理浏览器数据后都可能看不到。请随时点击“保存到文件”，把草稿存为本机文件；下次用“打开文件…”即可继续填写。",
    save_to_file: "保存到文件",
    save_to_file_hint: "把草稿存为本机文件（可用“打开文件…”继续填写）。本浏览器中的暂存并不可靠。",
    never_saved_to_file: "尚未保存到文件",
    saved_to_file_at: "已保存到文件 {}",
    changed_since_file: "{} 保存到文件后又有改动",
};

/// English.
pub static EN: OfflineTexts = OfflineTexts {
    where_kept: "This is the single-file edition, opened from this computer: the draft is only kept for the moment in this browser, and another browser, moving or renaming this file, or clearing the browser's data can lose it. Use “Save to file” often to keep the draft as a file on this computer; “Open file…” continues it next time.",
    save_to_file: "Save to file",
    save_to_file_hint: "Keep the draft as a file on this computer (“Open file…” continues it). What this browser keeps is not reliable.",
    never_saved_to_file: "Not saved to a file yet",
    saved_to_file_at: "Saved to a file {}",
    changed_since_file: "Changed since saved to a file {}",
};
