//! The matrix's compact package views. `list::package_view` answers once per class of
//! configurations in a directory; the matrix keeps each answer as indices into one table of
//! the directory's strings ([`Strings`]: its file names first, at their file index, then
//! every other name and text a view holds), so a name shared by twenty classes is stored
//! once. [`PackageRef`] reads a view back: a list by name or by file index, and the whole
//! `ListedPackage` when one is asked for.

use crate::hashing::FastMap as HashMap;
use crate::list::{ListedPackage, PackageError};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// The lists of a `ListedPackage`, in its field order, and the `(name, reason)` pairs of
/// its ignored files as two parallel lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    GoFiles,
    CgoFiles,
    IgnoredGoFiles,
    InvalidGoFiles,
    IgnoredOtherFiles,
    CFiles,
    CxxFiles,
    MFiles,
    HFiles,
    FFiles,
    SFiles,
    SwigFiles,
    SwigCxxFiles,
    SysoFiles,
    EmbedPatterns,
    EmbedFiles,
    TestGoFiles,
    TestEmbedPatterns,
    TestEmbedFiles,
    XTestGoFiles,
    XTestEmbedPatterns,
    XTestEmbedFiles,
    IgnoredReasonFiles,
    IgnoredReasonTexts,
}

/// The lists whose files are compiled (or, for tests, compiled by `go test`), with
/// `go list`'s field names, in the order a file's list is looked up.
pub const COMPILED: [(&str, List); 13] = [
    ("GoFiles", List::GoFiles),
    ("CgoFiles", List::CgoFiles),
    ("TestGoFiles", List::TestGoFiles),
    ("XTestGoFiles", List::XTestGoFiles),
    ("CFiles", List::CFiles),
    ("CXXFiles", List::CxxFiles),
    ("MFiles", List::MFiles),
    ("HFiles", List::HFiles),
    ("FFiles", List::FFiles),
    ("SFiles", List::SFiles),
    ("SwigFiles", List::SwigFiles),
    ("SwigCXXFiles", List::SwigCxxFiles),
    ("SysoFiles", List::SysoFiles),
];

/// A directory's strings, each once, packed in one buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strings {
    text: String,
    /// End offset of each string in `text`.
    ends: Vec<u32>,
}

impl Strings {
    /// The string `id`; empty for an id the table does not hold.
    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(offset(self.text.len()));
        offset(self.ends.len() - 1)
    }

    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// A length or index as a table offset. Tables hold one directory's names, far below 4 GiB.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Builds a directory's [`Strings`], the file names first so that a file's id is its index.
pub struct Interner {
    table: Strings,
    /// The file names are in name order (as the walk sorts them): found by binary search,
    /// with no map entry each.
    sorted_files: bool,
    files: u32,
    ids: HashMap<String, u32>,
}

impl Interner {
    /// A table seeded with the directory's file names, in order.
    pub fn with_files<'a>(names: impl IntoIterator<Item = &'a str>) -> Interner {
        let mut i = Interner {
            table: Strings::default(),
            sorted_files: true,
            files: 0,
            ids: HashMap::default(),
        };
        let mut last: Option<&str> = None;
        for name in names {
            if last.is_some_and(|l| l >= name) {
                i.sorted_files = false;
            }
            last = Some(name);
            i.table.push(name);
        }
        i.files = offset(i.table.len());
        if !i.sorted_files {
            for id in 0..i.files {
                // A later file of the same name wins, as a name → index map built in file
                // order answers.
                i.ids.insert(i.table.get(id).to_string(), id);
            }
        }
        i
    }

    /// The id of `s`, added when new.
    pub fn id(&mut self, s: &str) -> u32 {
        if self.sorted_files {
            let (mut lo, mut hi) = (0u32, self.files);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match self.table.get(mid).cmp(s) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => return mid,
                }
            }
        }
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.table.push(s);
        self.ids.insert(s.to_string(), id);
        id
    }

    /// The finished table.
    pub fn finish(mut self) -> Strings {
        self.table.shrink();
        self.table
    }
}

/// What `list::package_view` answered for one class, as ids into the directory's [`Strings`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassView {
    dir: u32,
    import_path: u32,
    name: u32,
    binary_only: bool,
    incomplete: bool,
    /// Every non-empty list's ids, back to back in [`List`] order.
    ids: Box<[u32]>,
    /// Per non-empty list, in [`List`] order: the list and where its ids end in `ids`.
    spans: Box<[(List, u32)]>,
    error: Option<Box<PackageError>>,
}

impl ClassView {
    /// Keeps `p` as ids, adding its strings to `strings`.
    pub fn new(mut p: ListedPackage, strings: &mut Interner) -> ClassView {
        let (mut reason_files, mut reason_texts): (Vec<String>, Vec<String>) =
            std::mem::take(&mut p.ignored_reasons).into_iter().unzip();
        let mut lists = Vec::from(file_lists(&mut p));
        lists.push((List::IgnoredReasonFiles, &mut reason_files));
        lists.push((List::IgnoredReasonTexts, &mut reason_texts));
        let mut ids = Vec::with_capacity(lists.iter().map(|(_, l)| l.len()).sum());
        let mut spans = Vec::new();
        for (list, names) in lists {
            if names.is_empty() {
                continue;
            }
            ids.extend(names.iter().map(|s| strings.id(s)));
            spans.push((list, offset(ids.len())));
        }
        ClassView {
            dir: strings.id(&p.dir),
            import_path: strings.id(&p.import_path),
            name: strings.id(&p.name),
            binary_only: p.binary_only,
            incomplete: p.incomplete,
            ids: ids.into_boxed_slice(),
            spans: spans.into_boxed_slice(),
            error: p.error.map(Box::new),
        }
    }

    /// Drops every list but `keep` (the name, the error and the flags stay).
    pub fn retain(&mut self, keep: &[List]) {
        let mut ids = Vec::new();
        let mut spans = Vec::new();
        for &(list, _) in self.spans.iter() {
            if keep.contains(&list) {
                ids.extend_from_slice(self.ids(list));
                spans.push((list, offset(ids.len())));
            }
        }
        self.ids = ids.into_boxed_slice();
        self.spans = spans.into_boxed_slice();
    }

    /// The ids of one list: for a file list, the index of each file among the directory's
    /// files (a name that is none of them has an id at or past their count).
    pub fn ids(&self, list: List) -> &[u32] {
        let Ok(k) = self.spans.binary_search_by(|(l, _)| l.cmp(&list)) else {
            return &[];
        };
        let start = k.checked_sub(1).map_or(0, |j| self.spans[j].1 as usize);
        self.ids.get(start..self.spans[k].1 as usize).unwrap_or(&[])
    }
}

/// A class's view read through its directory's strings.
#[derive(Clone, Copy, Debug)]
pub struct PackageRef<'a> {
    pub view: &'a ClassView,
    pub strings: &'a Strings,
}

impl<'a> PackageRef<'a> {
    /// The ids of one list: for a file list, the index of each file among the directory's
    /// files (a name that is none of them has an id at or past their count).
    pub fn ids(&self, list: List) -> &'a [u32] {
        self.view.ids(list)
    }

    /// One list's names.
    pub fn names(&self, list: List) -> impl Iterator<Item = &'a str> + 'a {
        let strings = self.strings;
        self.ids(list).iter().map(move |&id| strings.get(id))
    }

    pub fn is_empty(&self, list: List) -> bool {
        self.ids(list).is_empty()
    }

    pub fn len(&self, list: List) -> usize {
        self.ids(list).len()
    }

    /// Whether the list holds the file with this id (its index among the directory's files).
    pub fn has(&self, list: List, id: u32) -> bool {
        self.ids(list).contains(&id)
    }

    /// The package name.
    pub fn name(&self) -> &'a str {
        self.strings.get(self.view.name)
    }

    pub fn error(&self) -> Option<&'a PackageError> {
        self.view.error.as_deref()
    }

    /// The whole `go list` view, as `list::package_view` built it.
    pub fn to_listed(&self) -> ListedPackage {
        let v = self.view;
        let mut p = ListedPackage {
            dir: self.strings.get(v.dir).to_string(),
            import_path: self.strings.get(v.import_path).to_string(),
            name: self.name().to_string(),
            binary_only: v.binary_only,
            incomplete: v.incomplete,
            error: v.error.as_deref().cloned(),
            ignored_reasons: self
                .names(List::IgnoredReasonFiles)
                .zip(self.names(List::IgnoredReasonTexts))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ..ListedPackage::default()
        };
        for (list, names) in file_lists(&mut p) {
            *names = self.names(list).map(str::to_string).collect();
        }
        p
    }
}

/// The name lists of a `ListedPackage`, each with its [`List`], in [`List`] order.
fn file_lists(p: &mut ListedPackage) -> [(List, &mut Vec<String>); 22] {
    [
        (List::GoFiles, &mut p.go_files),
        (List::CgoFiles, &mut p.cgo_files),
        (List::IgnoredGoFiles, &mut p.ignored_go_files),
        (List::InvalidGoFiles, &mut p.invalid_go_files),
        (List::IgnoredOtherFiles, &mut p.ignored_other_files),
        (List::CFiles, &mut p.c_files),
        (List::CxxFiles, &mut p.cxx_files),
        (List::MFiles, &mut p.m_files),
        (List::HFiles, &mut p.h_files),
        (List::FFiles, &mut p.f_files),
        (List::SFiles, &mut p.s_files),
        (List::SwigFiles, &mut p.swig_files),
        (List::SwigCxxFiles, &mut p.swig_cxx_files),
        (List::SysoFiles, &mut p.syso_files),
        (List::EmbedPatterns, &mut p.embed_patterns),
        (List::EmbedFiles, &mut p.embed_files),
        (List::TestGoFiles, &mut p.test_go_files),
        (List::TestEmbedPatterns, &mut p.test_embed_patterns),
        (List::TestEmbedFiles, &mut p.test_embed_files),
        (List::XTestGoFiles, &mut p.xtest_go_files),
        (List::XTestEmbedPatterns, &mut p.xtest_embed_patterns),
        (List::XTestEmbedFiles, &mut p.xtest_embed_files),
    ]
}

/// Written as `ListedPackage` writes itself (the same fields, order and omissions), without
/// building one.
impl Serialize for PackageRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Names<'a>(PackageRef<'a>, List);
        impl Serialize for Names<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.names(self.1))
            }
        }
        // go list's order: the Go file lists, then the other sources (COMPILED's tail, in
        // the same order), then the package's embeds; the test lists come after the error.
        const GO_LISTS: [(&str, List); 5] = [
            ("GoFiles", List::GoFiles),
            ("CgoFiles", List::CgoFiles),
            ("IgnoredGoFiles", List::IgnoredGoFiles),
            ("InvalidGoFiles", List::InvalidGoFiles),
            ("IgnoredOtherFiles", List::IgnoredOtherFiles),
        ];
        const EMBEDS: [(&str, List); 2] = [
            ("EmbedPatterns", List::EmbedPatterns),
            ("EmbedFiles", List::EmbedFiles),
        ];
        let before_error = || GO_LISTS.iter().chain(&COMPILED[4..]).chain(&EMBEDS);
        const AFTER_ERROR: [(&str, List); 6] = [
            ("TestGoFiles", List::TestGoFiles),
            ("TestEmbedPatterns", List::TestEmbedPatterns),
            ("TestEmbedFiles", List::TestEmbedFiles),
            ("XTestGoFiles", List::XTestGoFiles),
            ("XTestEmbedPatterns", List::XTestEmbedPatterns),
            ("XTestEmbedFiles", List::XTestEmbedFiles),
        ];
        let v = self.view;
        let dir = self.strings.get(v.dir);
        let name = self.name();
        let lists = before_error().chain(&AFTER_ERROR);
        let len = 1
            + usize::from(!dir.is_empty())
            + usize::from(!name.is_empty())
            + usize::from(v.binary_only)
            + usize::from(v.incomplete)
            + usize::from(v.error.is_some())
            + lists.filter(|(_, l)| !self.is_empty(*l)).count();
        let mut st = s.serialize_struct("ListedPackage", len)?;
        if !dir.is_empty() {
            st.serialize_field("Dir", dir)?;
        }
        st.serialize_field("ImportPath", self.strings.get(v.import_path))?;
        if !name.is_empty() {
            st.serialize_field("Name", name)?;
        }
        if v.binary_only {
            st.serialize_field("BinaryOnly", &true)?;
        }
        if v.incomplete {
            st.serialize_field("Incomplete", &true)?;
        }
        for &(key, list) in before_error() {
            if !self.is_empty(list) {
                st.serialize_field(key, &Names(*self, list))?;
            }
        }
        if let Some(e) = &v.error {
            st.serialize_field("Error", e)?;
        }
        for (key, list) in AFTER_ERROR {
            if !self.is_empty(list) {
                st.serialize_field(key, &Names(*self, list))?;
            }
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Json {
        fn text(&self) -> String;
    }

    impl<T: Serialize> Json for T {
        fn text(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }

    #[test]
    fn a_view_reads_back_the_package_it_keeps() {
        let p = ListedPackage {
            dir: "/m/p".into(),
            import_path: "m/p".into(),
            name: "p".into(),
            incomplete: true,
            go_files: vec!["a.go".into(), "b_linux.go".into()],
            ignored_go_files: vec!["c_windows.go".into()],
            embed_patterns: vec!["x.txt".into()],
            embed_files: vec!["x.txt".into()],
            xtest_go_files: vec!["a_test.go".into()],
            error: Some(PackageError {
                import_stack: vec!["m/p".into()],
                pos: "a.go:1:1".into(),
                err: "boom".into(),
            }),
            ignored_reasons: vec![("c_windows.go".into(), "file name requires windows".into())],
            ..ListedPackage::default()
        };
        let mut strings = Interner::with_files(["a.go", "a_test.go", "b_linux.go", "c_windows.go"]);
        let view = ClassView::new(p.clone(), &mut strings);
        let strings = strings.finish();
        let r = PackageRef {
            view: &view,
            strings: &strings,
        };
        assert_eq!(r.to_listed(), p);
        let json = |v: &dyn Json| v.text();
        assert_eq!(json(&r), json(&p));
        assert_eq!(r.ids(List::GoFiles), [0, 2]);
        assert!(r.has(List::XTestGoFiles, 1) && !r.has(List::GoFiles, 1));
        assert!(r.is_empty(List::CgoFiles));
        assert_eq!(r.names(List::EmbedFiles).collect::<Vec<_>>(), ["x.txt"]);
        assert_eq!(r.ids(List::EmbedFiles), r.ids(List::EmbedPatterns));
        assert_eq!(strings.get(99), "");
        let mut unsorted = Interner::with_files(["b.go", "a.go", "b.go"]);
        assert_eq!(
            (unsorted.id("a.go"), unsorted.id("b.go"), unsorted.id("c")),
            (1, 2, 3)
        );
        let mut sorted = Interner::with_files(["a.go", "b.go"]);
        assert_eq!(
            (sorted.id("b.go"), sorted.id("x"), sorted.id("x")),
            (1, 2, 2)
        );
        let bare = ListedPackage {
            import_path: "m/q".into(),
            ..ListedPackage::default()
        };
        let mut strings = Interner::with_files([]);
        let view = ClassView::new(bare.clone(), &mut strings);
        let strings = strings.finish();
        let r = PackageRef {
            view: &view,
            strings: &strings,
        };
        assert_eq!(json(&r), json(&bare));
    }
}
