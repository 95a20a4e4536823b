//! Writing exports to disk: never over an existing file unless forced, and a numbered default
//! name for the wizard so that writing twice keeps both files.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A write that did not happen: which file and why.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and `force` was not given.
    Exists(PathBuf),
    Io(PathBuf, io::Error),
}

/// Writes `content` to `path`. Without `force` an existing file is left alone (checked and
/// created in one step, so two writers cannot both succeed); with `force` it is replaced
/// atomically (a temporary file beside it, synced, then renamed over it).
pub fn write_file(path: &Path, content: &str, force: bool) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    if !force {
        return match create_new(path, content) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(WriteError::Exists(path.to_path_buf()))
            }
            Err(e) => Err(io_err(e)),
        };
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err)?;
    tmp.write_all(content.as_bytes()).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

fn create_new(path: &Path, content: &str) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file.write_all(content.as_bytes()).and_then(|()| file.sync_all());
    if written.is_err() {
        // A half-written export is worse than none: it would block the next attempt.
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Writes `content` into `dir` as `<stem>.md`, or `<stem>-2.md`, `<stem>-3.md` … when taken;
/// returns the path written. Never overwrites.
pub fn write_numbered(dir: &Path, stem: &str, content: &str) -> io::Result<PathBuf> {
    for n in 1u32.. {
        let name = if n == 1 { format!("{stem}.md") } else { format!("{stem}-{n}.md") };
        let path = dir.join(name);
        match create_new(&path, content) {
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

    #[test]
    fn a_missing_directory_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("r.md");
        assert!(matches!(write_file(&path, "x", false), Err(WriteError::Io(p, _)) if p == path));
        assert!(write_numbered(&dir.path().join("missing"), "a", "x").is_err());
    }
}
