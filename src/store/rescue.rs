//! Emergency copies that nobody could be told about (the terminal was gone): a note in the data
//! directory that holds the saves directory, reported by the next start and then removed.
//!
//! The note is one path per line, appended, private, never followed through a link.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Store, disk};

/// The note's file name in the data directory.
pub const NOTE_FILE: &str = "meetcheck-rescued.txt";
/// More than enough for many paths; a larger file is not a note of ours.
const MAX_NOTE: u64 = 64 * 1024;

/// The directory that holds the saves directory (the platform data directory by default).
pub fn data_dir(store: &Store) -> PathBuf {
    match store.dir().parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Where the note lives.
pub fn note_path(store: &Store) -> PathBuf {
    data_dir(store).join(NOTE_FILE)
}

/// Records that an emergency copy was written to `copy`.
pub fn leave_note(store: &Store, copy: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(note_path(store))?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("the note is not a regular file"));
    }
    writeln!(file, "{}", copy.display())?;
    file.sync_all()
}

/// The emergency copies noted since the last start (that still exist).
pub fn noted(store: &Store) -> Vec<PathBuf> {
    let Ok(bytes) = disk::read_regular(&note_path(store), MAX_NOTE) else { return Vec::new() };
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(PathBuf::from)
        .filter(|path| path.exists())
        .collect()
}

/// Removes the note once it has been reported.
pub fn clear_note(store: &Store) {
    let path = note_path(store);
    if path.symlink_metadata().is_ok_and(|m| m.is_file()) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_kept_until_cleared_and_name_only_existing_copies() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("saves"));
        assert!(noted(&store).is_empty());
        let copy = dir.path().join("meetcheck-rescue-x.ron");
        std::fs::write(&copy, "x").unwrap();
        leave_note(&store, &copy).unwrap();
        leave_note(&store, &dir.path().join("gone.ron")).unwrap();
        assert_eq!(noted(&store), vec![copy]);
        clear_note(&store);
        assert!(noted(&store).is_empty());
        assert!(!note_path(&store).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_note_that_is_a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("saves"));
        let target = dir.path().join("elsewhere.txt");
        std::os::unix::fs::symlink(&target, note_path(&store)).unwrap();
        assert!(leave_note(&store, Path::new("/x.ron")).is_err());
        assert!(!target.exists());
    }
}
