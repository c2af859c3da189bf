"""Annotators read knowledge from the object the pipeline hands them: no annotator module keeps a cache.

A module-level cache (an `lru_cache` loader, a `global` the module rebinds, an empty container filled
on first use) outlives the pipeline that filled it: a second pipeline with another knowledge folder, or
another document, would read the first one's state.
"""

from __future__ import annotations

import ast
from pathlib import Path

ANNOTATORS = Path(__file__).resolve().parent.parent / "src" / "communique" / "annotators"
CACHING_DECORATORS = {"cache", "lru_cache"}
# filled once at import by the `@annotator` decorators: a table of names, not a cache of data
REGISTRATIONS = {"registry.py": ["module-level empty container REGISTRY"]}
EMPTY_CONTAINERS = {
    "list", "dict", "set", "defaultdict", "OrderedDict", "WeakKeyDictionary", "WeakValueDictionary"
}


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def _is_empty_container(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.List, ast.Set)) and not value.elts:
        return True
    if isinstance(value, ast.Dict) and not value.keys:
        return True
    return isinstance(value, ast.Call) and _decorator_name(value) in EMPTY_CONTAINERS and not value.args


def module_caches(source: str) -> list[str]:
    """What in a module's source keeps state across calls: caching decorators, `global`
    statements, and module-level empty containers (filled later, so a cache)."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found += [f"@{_decorator_name(d)} on {node.name}" for d in node.decorator_list
                      if _decorator_name(d) in CACHING_DECORATORS]
        elif isinstance(node, ast.Global):
            found.append(f"global {', '.join(node.names)}")
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _is_empty_container(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [f"module-level empty container {ast.unparse(t)}" for t in targets]
    return found


def test_the_check_finds_each_kind_of_module_cache():
    source = (
        "from functools import lru_cache\n_seen: dict = {}\n_rows = list()\n"
        "@lru_cache(maxsize=1)\ndef table():\n    return 1\n"
        "def remember(x):\n    global _last\n    _last = x\n"
    )
    found = module_caches(source)
    assert "@lru_cache on table" in found
    assert "global _last" in found
    assert "module-level empty container _seen" in found
    assert "module-level empty container _rows" in found
    assert module_caches("WORDS = frozenset({'say'})\nPAIRS = {'a': 1}\n") == []


def test_no_annotator_module_keeps_a_cache():
    offenders = {
        str(path.relative_to(ANNOTATORS)): found
        for path in sorted(ANNOTATORS.rglob("*.py"))
        if (found := module_caches(path.read_text(encoding="utf-8")))
        and found != REGISTRATIONS.get(str(path.relative_to(ANNOTATORS)))
    }
    assert offenders == {}, f"annotator modules with a module-level cache: {offenders}"
