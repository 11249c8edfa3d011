"""No import circle among the project's modules, counting imports inside functions.

A circle that holds only because one import sits inside a function breaks start-up the day that
import moves to the top; grimp (import-linter's graph) reads every import statement of a module,
wherever it sits, so such a circle shows here. Migrations are left out (Django loads them).
"""

import tomllib

from django.conf import settings

import grimp

PYPROJECT = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text("utf-8"))
PACKAGES = PYPROJECT["tool"]["importlinter"]["root_packages"]


def import_graph():
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False, cache_dir=None)
    modules = {m for m in graph.modules if ".migrations" not in m}
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in sorted(modules)}


def circles(edges):
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_the_finder_sees_a_circle_through_an_import_inside_a_function():
    edges = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": {"a.x"}}
    assert circles(edges) == [["a.x", "a.y", "a.z"]]


def test_no_module_imports_itself_back_through_others():
    assert circles(import_graph()) == []
