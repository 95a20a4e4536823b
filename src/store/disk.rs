//! File-system steps of a save: private directory and files, atomic replacement with a backup
//! made before the rename, moving damaged files aside, advisory locks.
//!
//! Order of a save (there is never a moment without `NAME.ron`):
//! temp file in the same directory → write, flush, fsync → link the current file to
//! `NAME.ron.bak` (via a staging name, renamed over the old backup) → rename the temp file over
//! `NAME.ron` → fsync the directory.
//!
//! Hostile directories: only regular files are read, never more than [`MAX_FILE`] bytes, and
//! opening one never blocks (a FIFO named `x.ron` is refused, not waited on). Lock, temporary,
//! backup and kept-aside files are created without following symbolic links, and every file
//! meetcheck writes is readable by its owner only, whatever mode an older file had.

use std::fs::{self, File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The largest file read as a save or a catalogue: far above any real one (a save with a
/// decision snapshot is well under 1 MiB), small enough that a wrong path cannot fill memory.
pub const MAX_FILE: u64 = 16 * 1024 * 1024;

/// What kind of thing stands where a regular file was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    /// A named pipe: reading it would wait for a writer.
    Fifo,
    /// A character or block device (`/dev/zero` never ends).
    Device,
    Socket,
    Other,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    NotRegular(FileKind),
    TooLarge { size: u64, limit: u64 },
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => e.fmt(f),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind:?})"),
            ReadError::TooLarge { size, limit } => {
                write!(f, "{size} bytes, more than the {limit} bytes allowed")
            }
        }
    }
}

/// Reads a regular file of at most `limit` bytes. Anything else (directory, FIFO, device,
/// socket) is refused without reading; opening never blocks.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Look first, so that a device is not even opened; check the opened file again (it may have
    // been swapped in between).
    check_regular(&fs::metadata(path)?, limit)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    check_regular(&metadata, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // A file that grows while it is read still stops at the limit.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// The first `head` bytes of a regular file (checked as [`read_regular`] does) and whether it
/// ends by closing what it opened (its last non-blank byte is `)`): enough to list a save
/// without reading it all. A file that stops early is then read in full for the error.
pub fn read_opening(path: &Path, head: usize) -> Result<(Vec<u8>, bool), ReadError> {
    use std::io::{Seek, SeekFrom};
    check_regular(&fs::metadata(path)?, MAX_FILE)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(path)?;
    let metadata = file.metadata()?;
    check_regular(&metadata, MAX_FILE)?;
    let mut opening = Vec::with_capacity(head);
    (&mut file).take(head as u64).read_to_end(&mut opening)?;
    const TAIL: u64 = 64;
    let mut tail = Vec::with_capacity(TAIL as usize);
    file.seek(SeekFrom::Start(metadata.len().saturating_sub(TAIL)))?;
    file.take(TAIL).read_to_end(&mut tail)?;
    let closed = tail.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b')');
    Ok((opening, closed))
}

fn check_regular(metadata: &fs::Metadata, limit: u64) -> Result<(), ReadError> {
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(kind_of(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { size: metadata.len(), limit });
    }
    Ok(())
}

fn kind_of(file_type: &fs::FileType) -> FileKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return FileKind::Fifo;
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return FileKind::Device;
        }
        if file_type.is_socket() {
            return FileKind::Socket;
        }
    }
    if file_type.is_dir() { FileKind::Directory } else { FileKind::Other }
}

/// `path` itself is a symbolic link (not followed).
pub fn is_link(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
}

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

/// Opens a new file for writing, failing if it exists (or is a link, dangling or not); owner
/// read/write only.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Reads a save; `None` if it does not exist. Only a regular file of at most [`MAX_FILE`].
pub fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>, ReadError> {
    match read_regular(path, MAX_FILE) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Makes a file meetcheck keeps (backup, kept-aside copy) private, through a handle that does
/// not follow links: a hard link shares the mode of the file it was made from.
fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(path)?;
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        if metadata.permissions().mode() & 0o777 != 0o600 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    let _ = path;
    Ok(())
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
    // A link shares the file; if it cannot be made private (someone else's file), copy instead.
    let linked = !is_link(main) && fs::hard_link(main, &staging).is_ok();
    if !linked || make_private(&staging).is_err() {
        let _ = fs::remove_file(&staging);
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
        let linked = if is_link(main) {
            Err(io::Error::other("a link is copied, not linked"))
        } else {
            fs::hard_link(main, &candidate)
        };
        match linked {
            Ok(()) if make_private(&candidate).is_ok() => return Ok(candidate),
            Ok(()) => {
                // Shared with a file we may not change: keep a private copy instead.
                fs::remove_file(&candidate)?;
                copy_private(main, &candidate)?;
                return Ok(candidate);
            }
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
    let bytes = read_regular(from, MAX_FILE).map_err(|e| match e {
        ReadError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })?;
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

/// Tries to take the advisory lock of `path`: `Ok(None)` when another process holds it. A lock
/// file that is a symbolic link is never followed (the open fails; see [`is_link`]), and one
/// that is not a regular file is refused.
pub fn try_lock(path: &Path) -> io::Result<Option<File>> {
    let lock = lock_path(path);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(&lock)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!("{} is not a regular file", lock.display())));
    }
    // A lock held only for a moment (an instance that is just closing the file, or a process
    // between fork and exec that still shares the descriptor) is waited for briefly before the
    // file counts as open elsewhere.
    const ATTEMPTS: u32 = 10;
    for attempt in 1..=ATTEMPTS {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) if attempt < ATTEMPTS => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(Some(file));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
    Ok(None)
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
