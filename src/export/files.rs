//! Writing exports to disk: never over an existing file unless forced, never over anything that
//! is not a regular file (a directory, a named pipe, a device, a socket) and never through or
//! over a symbolic link; a numbered default name for the wizard so that writing twice keeps both
//! files; and numbered decision records (`NNNN-title.md`) in a directory of records.
//!
//! Exports hold names and e-mail addresses: they are readable by their owner only
//! ([`PRIVATE`]) unless the user asks for another mode.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The mode of an export unless the user asks otherwise: owner read and write.
pub const PRIVATE: u32 = 0o600;

/// What is at a path that an export will not replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occupant {
    Directory,
    /// A named pipe (FIFO).
    Pipe,
    /// A character or block device.
    Device,
    Socket,
    SymbolicLink,
    Other,
}

/// A write that did not happen: which file and why.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and `force` was not given.
    Exists(PathBuf),
    /// Something other than a regular file is at the path; never replaced, even with `force`.
    NotAFile(PathBuf, Occupant),
    Io(PathBuf, io::Error),
}

/// What is at `path` if it is not a regular file (a symbolic link counts as one, wherever it
/// points: writing through it could change a file elsewhere, replacing it would break the link).
fn occupant(meta: &fs::Metadata) -> Option<Occupant> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Some(Occupant::SymbolicLink);
    }
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Occupant::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(Occupant::Pipe);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Occupant::Device);
        }
        if kind.is_socket() {
            return Some(Occupant::Socket);
        }
    }
    Some(Occupant::Other)
}

/// Writes `content` to `path`, readable by the owner only; see [`write_file_with_mode`].
pub fn write_file(path: &Path, content: &str, force: bool) -> Result<(), WriteError> {
    write_file_with_mode(path, content, force, PRIVATE)
}

/// Writes `content` to `path` with the permission bits `mode` (set exactly, the umask does not
/// apply). A path that holds anything but a regular file is refused (see [`Occupant`]). Without
/// `force` an existing file is left alone (checked and created in one step, so two writers
/// cannot both succeed); with `force` a regular file is replaced atomically (a temporary file
/// beside it, synced, then renamed over it: the rename replaces the directory entry, so even a
/// file swapped for a link in the meantime only loses that entry, and nothing the link points
/// to is touched).
pub fn write_file_with_mode(
    path: &Path,
    content: &str,
    force: bool,
    mode: u32,
) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    if let Some(occupant) = existing.as_ref().and_then(occupant) {
        return Err(WriteError::NotAFile(path.to_path_buf(), occupant));
    }
    if existing.is_none() {
        return match create_new(path, content, mode) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(WriteError::Exists(path.to_path_buf()))
            }
            Err(e) => Err(io_err(e)),
        };
    }
    if !force {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    replace(path, content, mode).map_err(io_err)
}

/// Replaces the file at `path` by a new one with `content` and `mode`, atomically.
pub(super) fn replace(path: &Path, content: &str, mode: u32) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // A temporary file is created private (0600); the asked mode is set before it is renamed.
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(content.as_bytes())?;
    set_mode(tmp.as_file(), mode)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `path` with `content` and `mode`; fails on any existing entry, a dangling symbolic
/// link included, and never follows a link.
pub(super) fn create_new(path: &Path, content: &str, mode: u32) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(path)?;
    let written = set_mode(&file, mode)
        .and_then(|()| file.write_all(content.as_bytes()))
        .and_then(|()| file.sync_all());
    if written.is_err() {
        // A half-written export is worse than none: it would block the next attempt.
        let _ = fs::remove_file(path);
    }
    written
}

/// The permission bits of an existing file (what a replacement keeps).
pub(super) fn mode_of(meta: &fs::Metadata) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o777
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        PRIVATE
    }
}

/// Sets the permission bits exactly (the umask applied at creation does not matter).
pub(super) fn set_mode(file: &fs::File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o7777 != mode {
            file.set_permissions(fs::Permissions::from_mode(mode))?;
        }
    }
    let _ = (file, mode);
    Ok(())
}

/// Writes `content` into `dir` as `<stem>.md`, or `<stem>-2.md`, `<stem>-3.md` … when taken;
/// returns the path written. Never overwrites; readable by the owner only.
pub fn write_numbered(dir: &Path, stem: &str, content: &str) -> io::Result<PathBuf> {
    for n in 1u32.. {
        let name = if n == 1 { format!("{stem}.md") } else { format!("{stem}-{n}.md") };
        let path = dir.join(name);
        match create_new(&path, content, PRIVATE) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("u32 file numbers exhausted")
}

/// A file-name part from a title: lower case ASCII letters, digits and dashes (German umlauts
/// spelled out), at most 60 characters; `fallback` when nothing is left.
pub fn slug(title: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(spelled);
    }
    let mut collapsed = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if collapsed.len() + part.len() + 1 > 60 {
            break;
        }
        if !collapsed.is_empty() {
            collapsed.push('-');
        }
        collapsed.push_str(part);
    }
    if collapsed.is_empty() { fallback.to_string() } else { collapsed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Videokonferenzen für die Schulsozialarbeit", "x"),
            "videokonferenzen-fuer-die-schulsozialarbeit"
        );
        assert_eq!(slug("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(slug("<script>|#", "assessment"), "script");
        assert_eq!(slug("—", "assessment"), "assessment");
        assert!(slug(&"wort ".repeat(40), "x").len() <= 60);
    }

    #[test]
    fn existing_files_are_kept_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_file(&path, "one\n", false).unwrap();
        match write_file(&path, "two\n", false) {
            Err(WriteError::Exists(p)) => assert_eq!(p, path),
            other => panic!("expected Exists, got {other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\n");
        write_file(&path, "three\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three\n");
    }

    #[cfg(unix)]
    #[test]
    fn exports_are_private_unless_another_mode_is_asked_for() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let path = dir.path().join("r.md");
        write_file(&path, "x", false).unwrap();
        assert_eq!(mode(&path), 0o600);
        write_file(&path, "y", true).unwrap();
        assert_eq!(mode(&path), 0o600);
        write_file_with_mode(&path, "z", true, 0o644).unwrap();
        assert_eq!(mode(&path), 0o644);
        let shared = dir.path().join("s.md");
        write_file_with_mode(&shared, "x", false, 0o640).unwrap();
        assert_eq!(mode(&shared), 0o640);
        let numbered = write_numbered(dir.path(), "a", "1").unwrap();
        assert_eq!(mode(&numbered), 0o600);
    }

    #[test]
    fn directories_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        for force in [false, true] {
            match write_file(dir.path(), "x", force) {
                Err(WriteError::NotAFile(_, Occupant::Directory)) => {}
                other => panic!("expected a refusal, got {other:?}"),
            }
        }
        assert!(dir.path().is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_neither_followed_nor_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.md");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        for path in [&link, &dangling] {
            for force in [false, true] {
                match write_file(path, "x", force) {
                    Err(WriteError::NotAFile(_, Occupant::SymbolicLink)) => {}
                    other => panic!("expected a refusal, got {other:?}"),
                }
                assert!(std::fs::symlink_metadata(path).unwrap().file_type().is_symlink());
            }
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert!(!dir.path().join("nowhere").exists(), "nothing written through the link");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_never_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        for force in [false, true] {
            match write_file(null, "x", force) {
                Err(WriteError::NotAFile(_, Occupant::Device)) => {}
                other => panic!("expected a refusal, got {other:?}"),
            }
        }
    }

    #[test]
    fn numbered_writes_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_numbered(dir.path(), "a", "1").unwrap();
        let second = write_numbered(dir.path(), "a", "2").unwrap();
        let third = write_numbered(dir.path(), "a", "3").unwrap();
        assert_eq!(first.file_name().unwrap(), "a.md");
        assert_eq!(second.file_name().unwrap(), "a-2.md");
        assert_eq!(third.file_name().unwrap(), "a-3.md");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "1");
    }

    #[test]
    fn a_missing_directory_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("r.md");
        assert!(matches!(write_file(&path, "x", false), Err(WriteError::Io(p, _)) if p == path));
        assert!(write_numbered(&dir.path().join("missing"), "a", "x").is_err());
    }
}
