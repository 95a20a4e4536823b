//! Writing exports to disk: never over an existing file unless forced, never over a link or
//! anything but a regular file, and a numbered default name for the wizard so that writing twice
//! keeps both files.
//!
//! Exports hold names and e-mail addresses: they are readable by their owner only
//! ([`PRIVATE`]) unless the user asks for another mode.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The mode of an export unless the user asks otherwise: owner read and write.
pub const PRIVATE: u32 = 0o600;

/// A write that did not happen: which file and why.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and `force` was not given.
    Exists(PathBuf),
    /// A symbolic link, directory, FIFO or device is in the way: never replaced, even with
    /// `force`.
    NotRegular(PathBuf),
    Io(PathBuf, io::Error),
}

/// Writes `content` to `path`, readable by the owner only. Without `force` an existing file is
/// left alone (checked and created in one step, so two writers cannot both succeed); with
/// `force` it is replaced atomically (a temporary file beside it, synced, then renamed over it).
pub fn write_file(path: &Path, content: &str, force: bool) -> Result<(), WriteError> {
    write_file_with_mode(path, content, force, PRIVATE)
}

/// [`write_file`] with the given permission bits (e.g. `0o644` to share the file), set exactly
/// (the umask does not apply).
pub fn write_file_with_mode(
    path: &Path,
    content: &str,
    force: bool,
    mode: u32,
) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    if !force {
        return match create_new(path, content, mode) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(WriteError::Exists(path.to_path_buf()))
            }
            Err(e) => Err(io_err(e)),
        };
    }
    if path.symlink_metadata().is_ok_and(|m| !m.file_type().is_file()) {
        return Err(WriteError::NotRegular(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // A temporary file is created private (0600); the asked mode is set before it is renamed.
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err)?;
    tmp.write_all(content.as_bytes()).map_err(io_err)?;
    set_mode(tmp.as_file(), mode).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

fn create_new(path: &Path, content: &str, mode: u32) -> io::Result<()> {
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
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Sets the permission bits exactly (the umask applied at creation does not matter).
fn set_mode(file: &std::fs::File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o7777 != mode {
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
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

    #[cfg(unix)]
    #[test]
    fn links_and_special_files_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.md");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(write_file(&link, "x", true), Err(WriteError::NotRegular(_))));
        assert!(matches!(write_file(&link, "x", false), Err(WriteError::Exists(_))));
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).unwrap();
        assert!(write_file(&dangling, "x", false).is_err());
        assert!(!dir.path().join("nowhere.md").exists(), "a link is never followed");
        assert!(matches!(write_file(dir.path(), "x", true), Err(WriteError::NotRegular(_))));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    }

    #[test]
    fn a_missing_directory_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("r.md");
        assert!(matches!(write_file(&path, "x", false), Err(WriteError::Io(p, _)) if p == path));
        assert!(write_numbered(&dir.path().join("missing"), "a", "x").is_err());
    }
}
