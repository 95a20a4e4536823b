//! Decision records in a directory of records, named as adr-tools and log4brains name them:
//! `NNNN-short-title.md` with the next free number. A new record of an assessment supersedes the
//! latest earlier record of the same assessment in that directory, whose status then says so.
//!
//! Only files meetcheck wrote are ever changed (recognised by the assessment id in their front
//! matter), only regular files, and only by an atomic replacement.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{self, WriteError};
use super::markdown as md;

/// An earlier record of the same assessment that the new one supersedes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earlier {
    pub path: PathBuf,
    pub number: u32,
    pub file_name: String,
}

/// What [`write`] did.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub number: u32,
    pub superseded: Option<Earlier>,
}

/// Records larger than this are not read when looking for an earlier one (no record is).
const READ_LIMIT: u64 = 4 * 1024 * 1024;

/// The number of a record file name: four or more digits, a dash, a name, `.md`.
fn number_of(file_name: &str) -> Option<u32> {
    let stem = file_name.strip_suffix(".md")?;
    let digits = stem.chars().take_while(char::is_ascii_digit).count();
    (digits >= 4 && stem[digits..].starts_with('-')).then(|| stem[..digits].parse().ok())?
}

/// The numbered records in `dir` (regular files only), by number.
fn numbered(dir: &Path) -> io::Result<Vec<(u32, PathBuf)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let Some(number) = entry.file_name().to_str().and_then(number_of) else { continue };
        out.push((number, entry.path()));
    }
    out.sort();
    Ok(out)
}

/// "ADR-0007": how a record is referred to.
pub fn label(number: u32) -> String {
    format!("ADR-{number:04}")
}

/// `0007-short-title.md`.
pub fn file_name(number: u32, slug: &str) -> String {
    format!("{number:04}-{slug}.md")
}

/// The front matter lines of a document (without the `---` fences), if it has one.
fn front_matter(text: &str) -> Option<Vec<&str>> {
    let mut lines = text.lines();
    if lines.next()? != "---" {
        return None;
    }
    let body: Vec<&str> = lines.take_while(|l| *l != "---").collect();
    Some(body)
}

/// The record is one of `assessment`'s and has not been superseded yet.
fn is_current_record_of(text: &str, assessment: &str) -> bool {
    let Some(lines) = front_matter(text) else { return false };
    let id_line = format!("  assessment: {}", md::yaml_string(assessment));
    let ours = lines.contains(&id_line.as_str());
    let superseded = lines.iter().any(|l| l.starts_with("status: \"superseded"));
    ours && !superseded
}

/// The latest record of `assessment` in `dir` that is not superseded yet.
pub fn earlier_record(dir: &Path, assessment: &str) -> io::Result<Option<Earlier>> {
    for (number, path) in numbered(dir)?.into_iter().rev() {
        let Ok(meta) = fs::symlink_metadata(&path) else { continue };
        if !meta.file_type().is_file() || meta.len() > READ_LIMIT {
            continue;
        }
        let Ok(text) = fs::read_to_string(&path) else { continue };
        if is_current_record_of(&text, assessment) {
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            return Ok(Some(Earlier { number, file_name: file_name.unwrap_or_default(), path }));
        }
    }
    Ok(None)
}

/// The earlier record with its status set to `status` (a YAML value) and `notice` (a Markdown
/// paragraph) placed at the top of its body; `None` if it has no front matter.
pub fn mark_superseded(text: &str, status: &str, notice: &str) -> Option<String> {
    let lines = front_matter(text)?;
    let mut out = String::from("---\n");
    for line in &lines {
        if line.starts_with("status:") {
            out.push_str(&format!("status: {status}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("---\n\n");
    out.push_str(notice.trim_end());
    out.push('\n');
    // Everything after the closing fence, as it was.
    let fence_end = text.match_indices("\n---\n").next().map(|(i, _)| i + 5)?;
    let body = text[fence_end..].trim_start_matches('\n');
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body);
    }
    Some(out)
}

/// How the new record and the mark on the earlier one read.
pub trait Wording {
    /// The new record, numbered `number`, superseding `earlier` if there is one.
    fn record(&self, number: u32, earlier: Option<&Earlier>) -> String;
    /// The YAML status value and the Markdown notice for an earlier record superseded by the
    /// record `number` in `file_name`.
    fn superseded(&self, number: u32, file_name: &str) -> (String, String);
}

/// Writes the next numbered record of `assessment` into `dir` (which must exist) with the
/// permission bits `mode`, and marks the earlier record of the same assessment as superseded by
/// it (keeping that file's own mode).
pub fn write(
    dir: &Path,
    assessment: &str,
    slug: &str,
    wording: &dyn Wording,
    mode: u32,
) -> Result<Written, WriteError> {
    let dir_err = |e| WriteError::Io(dir.to_path_buf(), e);
    let meta = fs::metadata(dir).map_err(dir_err)?;
    if !meta.is_dir() {
        return Err(WriteError::Io(
            dir.to_path_buf(),
            io::Error::new(io::ErrorKind::NotADirectory, "not a directory"),
        ));
    }
    let earlier = earlier_record(dir, assessment).map_err(dir_err)?;
    // Another writer may take a number between the look and the write: then take the next.
    for _ in 0..100 {
        let number = numbered(dir).map_err(dir_err)?.last().map_or(1, |(n, _)| n + 1);
        let name = file_name(number, slug);
        let path = dir.join(&name);
        let content = wording.record(number, earlier.as_ref());
        match files::create_new(&path, &content, mode) {
            Ok(()) => {
                if let Some(e) = &earlier {
                    mark(e, wording.superseded(number, &name))?;
                }
                return Ok(Written { path, number, superseded: earlier });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(WriteError::Io(path, e)),
        }
    }
    Err(WriteError::Io(dir.to_path_buf(), io::Error::other("no free record number")))
}

fn mark(earlier: &Earlier, (status, notice): (String, String)) -> Result<(), WriteError> {
    let path = &earlier.path;
    let io_err = |e| WriteError::Io(path.clone(), e);
    let meta = fs::symlink_metadata(path).map_err(io_err)?;
    if !meta.file_type().is_file() {
        return Ok(());
    }
    let text = fs::read_to_string(path).map_err(io_err)?;
    let Some(marked) = mark_superseded(&text, &status, &notice) else { return Ok(()) };
    files::replace(path, &marked, files::mode_of(&meta)).map_err(io_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;

    impl Wording for Plain {
        fn record(&self, number: u32, earlier: Option<&Earlier>) -> String {
            let supersedes = earlier.map_or("none".into(), |e| e.number.to_string());
            format!(
                "---\nstatus: \"accepted\"\nmeetcheck:\n  assessment: \"a1\"\n---\n\n## R{number} supersedes {supersedes}\n"
            )
        }
        fn superseded(&self, number: u32, file_name: &str) -> (String, String) {
            (format!("\"superseded by ADR-{number:04}\""), format!("Replaced by {file_name}."))
        }
    }

    #[test]
    fn record_names_follow_the_adr_tools_convention() {
        assert_eq!(file_name(7, "video-meetings"), "0007-video-meetings.md");
        assert_eq!(number_of("0012-x.md"), Some(12));
        assert_eq!(number_of("12345-x.md"), Some(12345));
        for name in ["012-x.md", "0012x.md", "0012-x.txt", "README.md", "abcd-x.md"] {
            assert_eq!(number_of(name), None, "{name}");
        }
    }

    #[test]
    fn numbers_continue_after_the_highest_and_supersede_the_earlier_record() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("0003-other-decision.md"), "# Other\n").unwrap();
        fs::write(dir.path().join("README.md"), "x").unwrap();
        let first = write(dir.path(), "a1", "meetings", &Plain, files::PRIVATE).unwrap();
        assert_eq!(first.number, 4);
        assert_eq!(first.path.file_name().unwrap(), "0004-meetings.md");
        assert!(first.superseded.is_none());
        let second = write(dir.path(), "a1", "meetings", &Plain, files::PRIVATE).unwrap();
        assert_eq!(second.number, 5);
        assert_eq!(second.superseded.as_ref().map(|e| e.number), Some(4));
        let old = fs::read_to_string(&first.path).unwrap();
        assert!(old.starts_with("---\nstatus: \"superseded by ADR-0005\"\n"), "{old}");
        assert!(old.contains("---\n\nReplaced by 0005-meetings.md.\n\n## R4 supersedes none\n"));
        let new = fs::read_to_string(&second.path).unwrap();
        assert!(new.contains("## R5 supersedes 4"));
        assert_eq!(
            fs::read_to_string(dir.path().join("0003-other-decision.md")).unwrap(),
            "# Other\n"
        );
        let third = write(dir.path(), "a1", "meetings", &Plain, files::PRIVATE).unwrap();
        assert_eq!(third.superseded.map(|e| e.number), Some(5), "the latest, not a superseded one");
    }

    #[test]
    fn records_of_other_assessments_and_links_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let other = "---\nstatus: \"accepted\"\nmeetcheck:\n  assessment: \"b2\"\n---\n\nx\n";
        fs::write(dir.path().join("0001-b.md"), other).unwrap();
        #[cfg(unix)]
        {
            let target = dir.path().join("elsewhere.txt");
            fs::write(
                &target,
                "---\nstatus: \"accepted\"\nmeetcheck:\n  assessment: \"a1\"\n---\n",
            )
            .unwrap();
            std::os::unix::fs::symlink(&target, dir.path().join("0002-link.md")).unwrap();
        }
        let written = write(dir.path(), "a1", "m", &Plain, files::PRIVATE).unwrap();
        assert!(written.superseded.is_none());
        assert_eq!(fs::read_to_string(dir.path().join("0001-b.md")).unwrap(), other);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("adr");
        match write(&missing, "a1", "m", &Plain, files::PRIVATE) {
            Err(WriteError::Io(p, _)) => assert_eq!(p, missing),
            other => panic!("expected an error, got {other:?}"),
        }
    }
}
