//! Letting go of the code the window's start ran once.
//!
//! On a machine without a GPU the window draws through Mesa's llvmpipe, and loading it runs
//! libLLVM's static initialisers all over its 100 MB: 54 MiB of its code is resident once the
//! first frame is drawn, about half of the empty window's 124 MiB, and little of it runs again.
//! The start of our own binary (winit, GL, the fonts) leaves another 15 MiB. These pages are
//! unchanged copies of files the kernel holds in its page cache, so dropping them from this
//! process's mappings loses nothing: a page that runs again comes back with a minor fault, from
//! memory, not from disk. Only mappings no one can write and that hold no private copy are
//! dropped, so what comes back is what was there.

/// What one release let go of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Released {
    pub mappings: usize,
    pub bytes: u64,
}

/// One mapping of a file whose resident pages can be dropped and read back unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanMapping {
    pub start: usize,
    pub end: usize,
    pub resident_kib: u64,
}

/// The mappings in a `/proc/<pid>/smaps` text that are a file's pages and nothing else: not
/// writable, no page copied privately (`Anonymous: 0 kB`), not locked, and backed by a file that
/// still exists (not a device, shared memory or a deleted file). Lines it cannot read are
/// skipped, and so is the mapping they belong to.
pub fn clean_file_mappings(smaps: &str) -> Vec<CleanMapping> {
    let mut found = Vec::new();
    let mut current: Option<Candidate> = None;
    for line in smaps.lines() {
        if let Some(header) = mapping_header(line) {
            found.extend(current.take().and_then(Candidate::finish));
            current = Some(header);
        } else if let Some(candidate) = current.as_mut() {
            candidate.read_field(line);
        }
    }
    found.extend(current.and_then(Candidate::finish));
    found
}

struct Candidate {
    start: usize,
    end: usize,
    eligible: bool,
    rss: Option<u64>,
    anonymous: Option<u64>,
    locked: Option<u64>,
}

impl Candidate {
    fn read_field(&mut self, line: &str) {
        let Some((key, value)) = line.split_once(':') else {
            return;
        };
        let slot = match key {
            "Rss" => &mut self.rss,
            "Anonymous" => &mut self.anonymous,
            "Locked" => &mut self.locked,
            _ => return,
        };
        match value
            .trim()
            .strip_suffix("kB")
            .map(|v| v.trim().parse::<u64>())
        {
            Some(Ok(kib)) => *slot = Some(kib),
            _ => self.eligible = false,
        }
    }

    fn finish(self) -> Option<CleanMapping> {
        let clean = self.eligible && self.anonymous == Some(0) && self.locked == Some(0);
        match self.rss {
            Some(resident_kib) if clean && resident_kib > 0 => Some(CleanMapping {
                start: self.start,
                end: self.end,
                resident_kib,
            }),
            _ => None,
        }
    }
}

/// A mapping's first line, `start-end perms offset dev inode path`; None for a field line.
fn mapping_header(line: &str) -> Option<Candidate> {
    let mut fields = line.split_whitespace();
    let (start, end) = fields.next()?.split_once('-')?;
    let start = usize::from_str_radix(start, 16).ok()?;
    let end = usize::from_str_radix(end, 16).ok()?;
    let perms = fields.next()?;
    let (_offset, _dev, _inode) = (fields.next()?, fields.next()?, fields.next()?);
    let path = fields.collect::<Vec<_>>().join(" ");
    let read_only = perms.len() == 4 && perms.as_bytes()[1] == b'-';
    let plain_file = path.starts_with('/')
        && !path.ends_with("(deleted)")
        && !["/dev/", "/proc/", "/sys/"]
            .iter()
            .any(|prefix| path.starts_with(prefix));
    Some(Candidate {
        start,
        end,
        eligible: read_only && plain_file && start < end,
        rss: None,
        anonymous: None,
        locked: None,
    })
}

/// Drops the resident pages of every clean file mapping of this process (see the module's
/// comment). Elsewhere than on Linux it does nothing.
pub fn release_clean_file_pages() -> std::io::Result<Released> {
    #[cfg(target_os = "linux")]
    {
        let smaps = std::fs::read_to_string("/proc/self/smaps")?;
        let mut released = Released::default();
        for mapping in clean_file_mappings(&smaps) {
            // SAFETY: the range is one whole mapping of this process that no one can write and
            // that holds no private page, so every page dropped reads back from its file as it
            // was; a mapping unmapped since smaps was read makes madvise fail, which is skipped.
            let done = unsafe {
                libc::madvise(
                    mapping.start as *mut libc::c_void,
                    mapping.end - mapping.start,
                    libc::MADV_DONTNEED,
                )
            };
            if done == 0 {
                released.mappings += 1;
                released.bytes += mapping.resident_kib * 1024;
            }
        }
        Ok(released)
    }
    #[cfg(not(target_os = "linux"))]
    {
        Ok(Released::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
5603a0000000-5603a0100000 r-xp 00001000 08:01 131 /usr/lib/libLLVM.so.1
Size:               1024 kB
Rss:                 512 kB
Anonymous:             0 kB
Locked:                0 kB
5603a0100000-5603a0200000 r--p 00101000 08:01 131 /usr/lib/libLLVM.so.1
Rss:                 256 kB
Anonymous:           128 kB
Locked:                0 kB
5603a0200000-5603a0300000 rw-p 00201000 08:01 131 /usr/lib/libLLVM.so.1
Rss:                  64 kB
Anonymous:             0 kB
Locked:                0 kB
7f0000000000-7f0000100000 r--s 00000000 00:05 9 /SYSV00000000 (deleted)
Rss:                  64 kB
Anonymous:             0 kB
Locked:                0 kB
7f0000100000-7f0000200000 r--p 00000000 00:05 10 /dev/dri/renderD128
Rss:                  64 kB
Anonymous:             0 kB
Locked:                0 kB
7f0000200000-7f0000300000 rw-p 00000000 00:00 0 [heap]
Rss:                  64 kB
Anonymous:            64 kB
Locked:                0 kB
7f0000300000-7f0000400000 r--p 00000000 08:01 77 /home/broker/My Fonts/cjk font.otf
Rss:                  32 kB
Anonymous:             0 kB
Locked:                0 kB
7f0000400000-7f0000500000 r-xp 00000000 08:01 78 /usr/lib/locked.so
Rss:                  32 kB
Anonymous:             0 kB
Locked:               32 kB
7f0000500000-7f0000600000 r-xp 00000000 08:01 79 /usr/lib/cold.so
Rss:                   0 kB
Anonymous:             0 kB
Locked:                0 kB
7f0000600000-7f0000700000 r-xp 00000000 08:01 80 /usr/lib/garbled.so
Rss:                  lots
Anonymous:             0 kB
Locked:                0 kB
";

    #[test]
    fn only_unwritten_pages_of_plain_files_are_chosen() {
        assert_eq!(
            clean_file_mappings(SMAPS),
            vec![
                CleanMapping {
                    start: 0x5603a0000000,
                    end: 0x5603a0100000,
                    resident_kib: 512,
                },
                CleanMapping {
                    start: 0x7f0000300000,
                    end: 0x7f0000400000,
                    resident_kib: 32,
                },
            ]
        );
    }

    #[test]
    fn a_mapping_missing_its_fields_is_left_alone() {
        let cut = "7f0000500000-7f0000600000 r-xp 00000000 08:01 79 /usr/lib/cut.so\nRss: 8 kB\n";
        assert!(clean_file_mappings(cut).is_empty());
        assert!(clean_file_mappings("not smaps at all\n").is_empty());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn released_pages_of_a_mapped_file_read_back_unchanged() {
        use std::io::Write;
        let mut file = tempfile::NamedTempFile::new().unwrap();
        let content: Vec<u8> = (0..1 << 20).map(|i: u32| (i % 251) as u8).collect();
        file.write_all(&content).unwrap();
        file.flush().unwrap();
        let len = content.len();
        // SAFETY: a fresh private read-only mapping of a file this test wrote and keeps open.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                std::os::fd::AsRawFd::as_raw_fd(file.as_file()),
                0,
            )
        };
        assert_ne!(ptr, libc::MAP_FAILED);
        // SAFETY: the mapping is `len` bytes long and readable until munmap below.
        let mapped = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
        assert_eq!(mapped, content.as_slice());
        let resident = |smaps: &str| {
            clean_file_mappings(smaps)
                .into_iter()
                .find(|m| m.start == ptr as usize)
                .map_or(0, |m| m.resident_kib)
        };
        let before = std::fs::read_to_string("/proc/self/smaps").unwrap();
        assert!(resident(&before) > 0);
        let released = release_clean_file_pages().unwrap();
        assert!(released.bytes >= resident(&before) * 1024);
        let after = std::fs::read_to_string("/proc/self/smaps").unwrap();
        assert_eq!(resident(&after), 0);
        assert_eq!(mapped, content.as_slice());
        // SAFETY: unmapping the mapping made above, no longer read.
        unsafe { libc::munmap(ptr, len) };
    }
}
