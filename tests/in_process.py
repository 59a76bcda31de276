"""Run a command-line `main(argv)` inside the test process, as a subprocess would report it.

A subprocess per call costs about 2 s of imports (torch, and torch._dynamo when an optimizer is built) before the
command starts; the CLI and benchmark tests make about 30 calls. One test per command still runs the real
`python -m ...` (test_cli.py, test_zeroshot_benchmark.py; the zero-shot run resumes across two processes).
Unlike a subprocess there is no timeout, and what the command leaves in this process (seeds, caches) stays.
"""
import contextlib
import io
import os
import sys
import traceback
import warnings
from types import SimpleNamespace


def run_main(main, argv: list, cwd=None) -> SimpleNamespace:
    """main(argv) with stdout and stderr captured; returncode as Python gives it for SystemExit or an exception."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()

    def show(message, category, filename, lineno, file=None, line=None):   # warnings to the captured stderr
        err.write(warnings.formatwarning(message, category, filename, lineno, line))

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("default")        # each warning once per place, into stderr (pytest would record it)
        warnings.showwarning = show
        try:
            if cwd is not None:
                os.chdir(cwd)
            result = main([str(a) for a in argv])
            returncode = result if isinstance(result, int) else 0
        except SystemExit as stop:              # what the interpreter does with it
            if stop.code is None or isinstance(stop.code, int):
                returncode = stop.code or 0
            else:
                print(stop.code, file=sys.stderr)
                returncode = 1
        except Exception:                       # noqa: BLE001 (an uncaught error: traceback, exit status 1)
            traceback.print_exc()
            returncode = 1
        finally:
            os.chdir(here)
    return SimpleNamespace(returncode=returncode, stdout=out.getvalue(), stderr=err.getvalue())
