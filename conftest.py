"""How `make test` shares the suite between workers (pytest-xdist, `-n auto --dist loadfile`).

One file per worker at a time: a notebook's cells run in order in one kernel, and a test module's fixtures are built
once. The task tests and notebook 09 (with its solutions) count as one file, tests first: the notebook loads the
model that the task tests train and save in runs/tasks.
"""
TASKS = {"tests/test_tasks.py", "notebooks/09_multitask_and_self_training.ipynb",
         "notebooks/solutions/09_multitask_and_self_training_solutions.ipynb"}


def pytest_xdist_make_scheduler(config, log):
    """--dist loadfile, with the files of TASKS as one."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::")[0]
            return "tasks" if path in TASKS else path

    return ByFile(config, log)
