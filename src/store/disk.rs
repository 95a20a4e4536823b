//! File-system steps of a save: private directory and files, atomic replacement with a backup
//! made before the rename, moving damaged files aside, advisory locks.
//!
//! Order of a save (there is never a moment without `NAME.ron`):
//! temp file in the same directory → write, flush, fsync → link the current file to
//! `NAME.ron.bak` (via a staging name, renamed over the old backup) → rename the temp file over
//! `NAME.ron` → fsync the directory.

use std::fs::{self, File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Creates the directory (and missing parents) readable by the owner only.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Opens a new file for writing, failing if it exists; owner read/write only.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Reads a file; `None` if it does not exist.
pub fn read_if_exists(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A fingerprint of file contents, to notice that someone else changed the file.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// What to do with the file being replaced, just before the rename.
pub enum Previous {
    /// There is none (a new assessment): never replace a file that appeared meanwhile.
    None,
    /// It loads: keep it as the backup.
    KeepAsBackup,
    /// It does not load: keep it under a name that is never reused; the backup stays as it is.
    MoveAside { stamp: String },
}

/// Replaces `path` with `bytes` atomically. Returns where a damaged previous file was put.
pub fn replace(path: &Path, bytes: &[u8], previous: Previous) -> io::Result<Option<PathBuf>> {
    let dir = parent(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name(path)))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    let mut aside = None;
    match previous {
        Previous::None => {
            temp.persist_noclobber(path).map_err(|e| e.error)?;
        }
        Previous::KeepAsBackup => {
            refresh_backup(path, &backup_path(path))?;
            temp.persist(path).map_err(|e| e.error)?;
        }
        Previous::MoveAside { stamp } => {
            aside = Some(keep_aside(path, &stamp)?);
            temp.persist(path).map_err(|e| e.error)?;
        }
    }
    sync_dir(dir)?;
    Ok(aside)
}

/// `NAME.ron.bak` beside `NAME.ron`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// The lock file of an assessment: `.NAME.ron.lock` (hidden, never listed).
pub fn lock_path(path: &Path) -> PathBuf {
    parent(path).join(format!(".{}.lock", file_name(path)))
}

/// Makes `backup` a copy of `main` without a moment where `backup` is missing or half written:
/// hard link (or copy) to a staging name, then rename over the old backup.
fn refresh_backup(main: &Path, backup: &Path) -> io::Result<()> {
    let staging = parent(main).join(format!(".{}.bak-staging", file_name(main)));
    match fs::remove_file(&staging) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if fs::hard_link(main, &staging).is_err() {
        copy_private(main, &staging)?;
    }
    fs::rename(&staging, backup)
}

/// Keeps `main` as `NAME.ron.unreadable-STAMP` (with `-2`, `-3` … if taken); never overwrites.
fn keep_aside(main: &Path, stamp: &str) -> io::Result<PathBuf> {
    for n in 1u32.. {
        let suffix = if n == 1 {
            format!(".unreadable-{stamp}")
        } else {
            format!(".unreadable-{stamp}-{n}")
        };
        let candidate = sibling(main, &suffix);
        let linked = fs::hard_link(main, &candidate);
        match linked {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => match copy_private(main, &candidate) {
                Ok(()) => return Ok(candidate),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            },
        }
    }
    unreachable!("u32 names run out")
}

/// Copies into a new private file and fsyncs it (for file systems without hard links).
fn copy_private(from: &Path, to: &Path) -> io::Result<()> {
    let bytes = fs::read(from)?;
    let mut file = create_private_file(to)?;
    file.write_all(&bytes)?;
    file.sync_all()
}

/// Makes a rename durable: fsync the directory that holds the entry.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    let _ = dir;
    Ok(())
}

/// Removes temp files a killed save left behind for `path` (call only while holding its lock).
pub fn remove_stale_temps(path: &Path) {
    let prefix = format!(".{}.", file_name(path));
    let Ok(entries) = fs::read_dir(parent(path)) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && (name.ends_with(".tmp") || name.ends_with(".bak-staging")) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Tries to take the advisory lock of `path`: `Ok(None)` when another process holds it.
pub fn try_lock(path: &Path) -> io::Result<Option<File>> {
    let lock = lock_path(path);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(&lock)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => Ok(Some(file)),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Writes a copy that must not be lost into a new private file, fsynced.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = create_private_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_keeps_the_previous_file_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        replace(&path, b"one", Previous::None).unwrap();
        replace(&path, b"two", Previous::KeepAsBackup).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "no temp or staging files left: {names:?}");
    }

    #[test]
    fn a_new_file_never_replaces_one_that_appeared() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"someone else's").unwrap();
        assert!(replace(&path, b"mine", Previous::None).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"someone else's");
    }

    #[test]
    fn damaged_files_are_moved_aside_under_fresh_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"broken 1").unwrap();
        fs::write(backup_path(&path), b"good").unwrap();
        let stamp = || Previous::MoveAside { stamp: "20261129T100000Z".into() };
        let first = replace(&path, b"new 1", stamp()).unwrap().unwrap();
        fs::write(&path, b"broken 2").unwrap();
        let second = replace(&path, b"new 2", stamp()).unwrap().unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read(&first).unwrap(), b"broken 1");
        assert_eq!(fs::read(&second).unwrap(), b"broken 2");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"good", "backup untouched");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_directory_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let saves = dir.path().join("x/saves");
        create_private_dir(&saves).unwrap();
        let path = saves.join("a.ron");
        replace(&path, b"one", Previous::None).unwrap();
        replace(&path, b"two", Previous::KeepAsBackup).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&saves), 0o700);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&backup_path(&path)), 0o600);
    }

    #[test]
    fn a_second_lock_on_the_same_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let first = try_lock(&path).unwrap();
        assert!(first.is_some());
        assert!(try_lock(&path).unwrap().is_none());
        drop(first);
        assert!(try_lock(&path).unwrap().is_some());
    }
}
