"""No module of minigliner imports another that imports it back, at module level or inside a function."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "minigliner"


def module_name(path: Path) -> str:
    """minigliner/core/prompt.py -> "core.prompt"; a package's __init__.py -> the package ("core")."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The minigliner modules (dotted, without "minigliner.") that module `name` imports anywhere in it."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("minigliner"):
                target = node.module.removeprefix("minigliner").lstrip(".")
            else:
                continue
            for alias in node.names:  # `from .folders import ours` imports the module folders.ours
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if sub in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("minigliner.") for a in node.names if a.name.startswith("minigliner."))
    return {m for m in found if m in MODULES and m != name}


def test_the_walk_sees_subpackages_and_relative_imports():
    assert "core.prompt" in imports_of("model") and "encoders.sentencepiece" in imports_of("encoders.tokenizers")
    assert "folders.ours" in imports_of("model") and "training.reading" in imports_of("apps.cli")


def test_no_module_reaches_itself_again():
    graph = {m: imports_of(m) for m in MODULES}
    graph[""] = set()   # the package's front door imports everything; nothing imports it back by name
    cycles = []

    def reach(start, node, seen):
        for nxt in graph[node]:
            if nxt == start:
                cycles.append(start)
            elif nxt not in seen:
                seen.add(nxt)
                reach(start, nxt, seen)

    for m in sorted(graph):
        reach(m, m, {m})
    assert not cycles, f"modules that import themselves back through others: {sorted(set(cycles))}"


def test_the_readmes_map_names_every_module():
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    modules = [p.relative_to(root / "minigliner").as_posix() for p in (root / "minigliner").rglob("*.py")
               if p.name not in ("__init__.py", "__main__.py")]
    missing = [m for m in modules if f"| `{m}` |" not in readme]
    assert not missing, f"README's module map lacks {missing}"
