"""Technician commands: `kiosk search QUERY` over the cached catalogue, `kiosk catalogue-import FILE`."""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

CACHE_NAME = "catalogue.sqlite3"  # kiosk.catalogue.CACHE_NAME; not imported: building the parser stays cheap



def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser("search", help="search the cached catalogue as the kiosk does (code and name per result)")
    search.add_argument("query", help="hanzi, pinyin (shebao / she bao), initials (bdc) or a short name (社保)")
    search.add_argument("--json", action="store_true", help="print JSON (code, name, match) instead of text")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (1-200, default 20)")
    search.add_argument("--catalogue", metavar="PATH", help=f"cache file (default: <data_dir>/{CACHE_NAME})")
    search.set_defaults(func=_search)

    imp = sub.add_parser("catalogue-import", help="fill the catalogue cache from a .json export or a .tsv of items")
    imp.add_argument("file", help="JSON (list of items, or {items, etag}) or TSV with a header row and a name column")
    imp.add_argument("--catalogue", metavar="PATH", help=f"cache file (default: <data_dir>/{CACHE_NAME})")
    imp.add_argument("--replace", action="store_true", help="delete cached items that the file does not list")
    imp.set_defaults(func=_import)


def _path(args: argparse.Namespace) -> Path:
    """--catalogue, else <storage.data_dir>/catalogue.sqlite3 of the configured (or demo) terminal."""
    if args.catalogue:
        return Path(args.catalogue)
    from kiosk.catalogue import default_path
    from kiosk.cli import load_config

    return default_path(load_config(args))


def _search(args: argparse.Namespace) -> int:
    from kiosk.catalogue.store import CatalogueMissing, CatalogueStore

    if not 1 <= args.limit <= 200:
        print(f"--limit must be between 1 and 200, got {args.limit}", file=sys.stderr)
        return 2
    path = _path(args)
    hint = f"run the kiosk online once, or `kiosk catalogue-import FILE --catalogue {path}`"
    try:
        store = CatalogueStore(path, create=False)
    except CatalogueMissing:
        print(f"目录缓存为空 / the catalogue cache {path} does not exist (never synced): {hint}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        print(f"目录缓存无法读取 / the catalogue cache {path} cannot be read ({exc}); the kiosk moves a damaged "
              f"cache aside and syncs again at its next start", file=sys.stderr)
        return 1
    with store:
        if store.is_empty():
            print(f"目录缓存为空 / the catalogue cache {path} holds no items (never synced): {hint}",
                  file=sys.stderr)
            return 1
        hits = store.search(args.query, args.limit)
        if args.json:
            print(json.dumps([{"code": h.code, "name": h.name, "match": h.match} for h in hits],
                             ensure_ascii=False, indent=1))
        else:
            if not store.index_ready:
                print("(search index not built yet: hanzi matches only)", file=sys.stderr)
            for h in hits:
                print(f"{h.code}\t{h.name}\t{h.match}")
            if not hits:
                print(f"no match for {args.query!r} among {len(store)} items", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from kiosk.catalogue.importer import read_items
    from kiosk.catalogue.model import CatalogueDataError
    from kiosk.catalogue.store import CatalogueStore

    path = _path(args)
    try:
        items, etag = read_items(args.file)
        with CatalogueStore(path) as store:
            summary = store.apply_changes(items, etag, full=args.replace)
            total = len(store)
    except CatalogueDataError as exc:
        print(f"import failed, cache unchanged: {exc}", file=sys.stderr)
        return 1
    print(f"{path}: {summary.upserted} items imported, {summary.deleted} deleted, {total} in the cache; "
          f"index built over {summary.index_items} items in {summary.seconds:.1f} s")
    return 0
