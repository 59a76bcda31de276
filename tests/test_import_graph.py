"""No module of minigliner imports another that imports it back, at module level or inside a function."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "minigliner"


def imports_of(path: Path) -> set[str]:
    """The minigliner modules a file imports anywhere in it (relative or absolute)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 or (node.module or "").startswith("minigliner"):
                base = (node.module or "").removeprefix("minigliner").lstrip(".")
                if base:
                    names.add(base.split(".")[0])
                else:  # from . import x
                    names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("minigliner."))
    return names


def test_no_module_reaches_itself_again():
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph = {m: imports_of(PACKAGE / f"{m}.py") & modules - {m} for m in modules}
    graph["__init__"] = set()   # the package's front door imports everything; nothing imports it back by name
    cycles = []

    def reach(start, node, seen):
        for nxt in graph[node]:
            if nxt == start:
                cycles.append(start)
            elif nxt not in seen:
                seen.add(nxt)
                reach(start, nxt, seen)

    for m in sorted(modules):
        reach(m, m, {m})
    assert not cycles, f"modules that import themselves back through others: {sorted(set(cycles))}"
