//! The packages each `main` package links on one build context, following the imports of
//! its compiled files (GoFiles and CgoFiles, not tests) to packages of the walked tree.
//! Imports outside the tree (other modules, the standard library of a module) embed nothing
//! this report counts and are not followed.

use crate::classify::classify;
use crate::context::BuildContext;
use crate::facts::HeaderOutcome;
use crate::list::{is_package, loader_in, ModeFacts};
use crate::walk::{DirFacts, Module};
use std::collections::{BTreeSet, HashMap};

/// One package as compiled for a context: its name and the tree packages it imports.
#[derive(Clone, Debug, Default)]
struct Node {
    main: bool,
    imports: Vec<usize>,
}

/// The import graph of the walked tree for one context, built lazily from the main packages.
pub struct Graph<'a> {
    dirs: &'a [DirFacts],
    /// The module's build-mode facts: vendor mode loads every package with go/build.
    mode: ModeFacts,
    by_path: HashMap<String, usize>,
    nodes: HashMap<usize, Option<Node>>,
}

impl<'a> Graph<'a> {
    pub fn new(module: &Module, dirs: &'a [DirFacts]) -> Graph<'a> {
        let by_path = dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (module.import_path(&d.rel), i))
            .collect();
        Graph {
            dirs,
            mode: module.mode,
            by_path,
            nodes: HashMap::new(),
        }
    }

    /// Forgets the packages loaded for the previous context.
    pub fn clear(&mut self) {
        self.nodes.clear();
    }

    /// Directories that may hold a `main` package (some Go file says `package main`).
    pub fn main_candidates(&self) -> Vec<usize> {
        (0..self.dirs.len())
            .filter(|&i| {
                self.dirs[i].files.iter().any(|f| {
                    f.is_go()
                        && matches!(&f.header, HeaderOutcome::Read(h) if h.package_name == "main")
                })
            })
            .collect()
    }

    fn node(&mut self, di: usize, ctx: &BuildContext) -> Option<&Node> {
        if !self.nodes.contains_key(&di) {
            let n = self.load(di, ctx);
            self.nodes.insert(di, n);
        }
        self.nodes.get(&di).and_then(Option::as_ref)
    }

    fn load(&self, di: usize, ctx: &BuildContext) -> Option<Node> {
        let d = &self.dirs[di];
        if d.rel.contains('@') || !is_package(d, ctx) {
            return None;
        }
        let loader = loader_in(d, self.mode.decide(ctx.release));
        let pf = classify(&d.files, &d.dir.to_string_lossy(), ctx, loader);
        if pf.error.is_some() {
            return None;
        }
        let mut imports = BTreeSet::new();
        for f in &d.files {
            if !(pf.go_files.contains(&f.name) || pf.cgo_files.contains(&f.name)) {
                continue;
            }
            if let HeaderOutcome::Read(h) = &f.header {
                for imp in &h.imports {
                    if let Some(&t) = self.by_path.get(&imp.path) {
                        if t != di {
                            imports.insert(t);
                        }
                    }
                }
            }
        }
        Some(Node {
            main: pf.name == "main",
            imports: imports.into_iter().collect(),
        })
    }

    /// Whether `di` is a `main` package on `ctx`.
    pub fn is_main(&mut self, di: usize, ctx: &BuildContext) -> bool {
        self.node(di, ctx).is_some_and(|n| n.main)
    }

    /// `di` and every tree package it imports, directly or not, on `ctx`; sorted.
    pub fn closure(&mut self, di: usize, ctx: &BuildContext) -> Vec<usize> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![di];
        while let Some(d) = todo.pop() {
            if !seen.insert(d) {
                continue;
            }
            if let Some(n) = self.node(d, ctx) {
                todo.extend(n.imports.iter().copied().filter(|i| !seen.contains(i)));
            }
        }
        seen.into_iter().collect()
    }
}
