"""Every notebook is committed executed and ends with an agreement cell that checks the module it names.

The agreement cell starts with a line `# agreement: minigliner.<module>[, minigliner.<module> ...]`;
for each named module the cell must import it and use at least one of its public names, and the
cell must assert (assert, torch.testing.assert_close, ...). nbval runs the cells themselves.
"""
import ast
import importlib
import importlib.util
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((Path(__file__).parents[1] / "notebooks" / "solutions").glob("[0-9][0-9]_*_solutions.ipynb"))
EXPECTED = {  # notebook number -> modules its agreement cell must cover
    "00": {"model"}, "01": {"core.prompt"}, "02": {"encoders.bert"}, "03": {"core.spans"},
    "04": {"core.spans", "core.layers"}, "05": {"core.spans", "core.losses"}, "06": {"core.decoding"},
    "07": {"training.loop"}, "08": {"variants.token_head"}, "09": {"apps.tasks", "training.self_training"},
    "10": {"variants.fusion", "variants.label_encoder"},
    "11": {"encoders.deberta", "folders.gliner", "encoders.backbone"},
    "12": {"apps.evaluate"}, "13": {"variants.factorized", "core.spans"},
    "14": {"model", "training.targets", "training.loop"},
}
MARKER = re.compile(r"^# agreement: (.+)$", re.M)


def imported_modules(tree) -> set[str]:
    """Modules an AST imports: `import a.b`, `from a.b import c` (a.b, and a.b.c when c is a module)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_concept_notebooks_exist():
    assert {p.name[:2] for p in NOTEBOOKS} >= set(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_has_exercises_and_an_executed_solutions_notebook(path):
    text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown")
    assert re.search(r"Exercises", text), f"{path.name} has no exercises"
    solutions = path.parent / "solutions" / f"{path.stem}_solutions.ipynb"
    assert solutions in SOLUTIONS, f"{path.name}: no {solutions.relative_to(path.parents[1])}"
    asked = len(re.findall(r"^\d+\. ", text[text.rindex("Exercises"):], re.M))
    headed = {int(n) for n in re.findall(r"^## (\d+) · ", "\n".join(
        "".join(c["source"]) for c in json.loads(solutions.read_text())["cells"] if c["cell_type"] == "markdown"), re.M)}
    assert headed >= set(range(1, asked + 1)), f"{solutions.name} answers {sorted(headed)} of exercises 1-{asked}"


@pytest.mark.parametrize("path", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.name)
def test_notebook_is_executed(path):
    cells = code_cells(json.loads(path.read_text()))
    assert cells and all(c.get("execution_count") for c in cells), "commit notebooks executed"
    assert any(c.get("outputs") for c in cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_agreement_cell_covers_its_modules(path):
    cells = code_cells(json.loads(path.read_text()))
    marked = [c for c in cells if MARKER.search("".join(c["source"]))]
    assert marked, f"{path.name}: no '# agreement: minigliner.<module>' cell"
    source = "".join(marked[-1]["source"])
    named = {m.strip().removeprefix("minigliner.") for m in MARKER.search(source).group(1).split(",")}
    assert named >= EXPECTED.get(path.name[:2], set()), f"{path.name}: must cover {EXPECTED[path.name[:2]]}"
    tree = ast.parse(source)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    modules = imported_modules(tree)
    for module in named:
        mod = importlib.import_module(f"minigliner.{module}")
        public = {k for k in vars(mod) if not k.startswith("_")}
        assert f"minigliner.{module}" in modules, f"{path.name}: the agreement cell does not import minigliner.{module}"
        assert (used | imported) & public, f"{path.name}: the agreement cell uses nothing from minigliner.{module}"
    asserts = [n for n in ast.walk(tree) if isinstance(n, ast.Assert)] + [
        n for n in ast.walk(tree) if isinstance(n, ast.Call) and "assert" in ast.unparse(n.func)]
    assert asserts, f"{path.name}: the agreement cell asserts nothing"


@pytest.mark.parametrize("path", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.name)
def test_every_minigliner_import_of_a_notebook_resolves(path):
    """Checked without running the notebook: a moved or renamed module fails here before nbval."""
    for cell in code_cells(json.loads(path.read_text())):
        source = "\n".join(l for l in "".join(cell["source"]).splitlines() if not l.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("minigliner"):
                        importlib.import_module(a.name)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("minigliner"):
                mod = importlib.import_module(node.module)
                for a in node.names:
                    assert hasattr(mod, a.name) or importlib.util.find_spec(f"{node.module}.{a.name}"), \
                        f"{path.name}: from {node.module} import {a.name}"


def test_the_previous_notebooks_file_copies_its_notebooks_cells_exactly():
    """notebooks/previous_notebooks.py gathers pieces for later notebooks; each must still be its notebook's code."""
    text = (NOTEBOOKS[0].parent / "previous_notebooks.py").read_text()
    blocks = re.findall(r"^# from (\S+\.ipynb)\n(.*?)(?=\n# from |\n# =|\Z)", text, re.S | re.M)
    assert len(blocks) > 30
    sources = {}
    for name, code in blocks:
        if name not in sources:
            cells = code_cells(json.loads((NOTEBOOKS[0].parent / name).read_text()))
            sources[name] = "\n".join("".join(c["source"]) for c in cells)
        assert code.strip() in sources[name], f"{name} no longer has: {code.strip().splitlines()[0]}"
