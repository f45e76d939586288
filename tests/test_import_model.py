"""feasibility import-model: config.json -> overlay entry that check --catalog can recommend."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from feasibility.arch import count_params
from feasibility.catalog import load_catalog
from feasibility.cli import cli

CONFIGS = Path(__file__).parent / "data" / "configs"
ACME = str(CONFIGS / "acme-tiny-1b.json")


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_imported_model_is_recommendable(tmp_path: Path) -> None:
    overlay = tmp_path / "my-models.yaml"
    code, _, err = run(
        "import-model",
        ACME,
        "--id",
        "acme-tiny-1b",
        "--hf-repo",
        "acme/Acme-Tiny-1B-Instruct",
        "--license",
        "apache-2.0",
        "--languages",
        "en,ko",
        "-o",
        str(overlay),
    )
    assert code == 0, err
    cat = load_catalog(str(overlay))
    m = cat.model("acme-tiny-1b")
    assert m.architecture.type == "llama"
    assert (m.architecture.kv_heads, m.architecture.head_dim) == (8, 64)
    assert m.architecture.tied_embeddings is True
    assert m.params == count_params(m.architecture)
    assert m.languages == ("en", "ko")
    device = tmp_path / "device.yaml"
    device.write_text(
        "service: {tasks: [chat], languages: [en, ko], context_tokens: 4096}\n"
        "targets: [{preset: iphone-17-pro}, {preset: galaxy-s26}]\n"
        "constraints: {license: commercial}\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(device), "--catalog", str(overlay), "--format", "json")
    assert code in (0, 3), err
    assert "acme-tiny-1b" in json.loads(out)["feasible_models"]
    # Without the overlay the model is unknown.
    code, out, _ = run("check", str(device), "--format", "json")
    assert "acme-tiny-1b" not in json.loads(out)["feasible_models"]


def test_placeholders_are_marked_and_fail_loudly(tmp_path: Path) -> None:
    code, out, _ = run("import-model", ACME)
    assert code == 0
    assert out.count("FILL IN") >= 5
    doc = yaml.safe_load(out)
    entry = doc["models"][0]
    assert entry["id"] == "acme-tiny-1b-instruct"
    assert entry["languages"] == [] and entry["license"] == "fill-in"
    overlay = tmp_path / "o.yaml"
    overlay.write_text(out, encoding="utf-8")
    code, _, err = run("models", "--catalog", str(overlay))
    assert code == 2 and "unknown license 'fill-in'" in err


def test_multimodal_gemma3_config_reads_text_config() -> None:
    from feasibility.importer import architecture_from_config

    cfg = json.loads((CONFIGS / "gemma3-like.json").read_text(encoding="utf-8"))
    a = architecture_from_config(cfg)
    assert a.type == "gemma3_text" and a.tied_embeddings and a.qk_norm
    assert (a.head_dim, a.kv_heads, a.sliding_window, a.sliding_window_layers) == (256, 1, 512, 22)


@pytest.mark.parametrize(
    ("extra", "check"),
    [
        (
            {"model_type": "qwen2", "sliding_window": 4096, "use_sliding_window": False},
            lambda a: a.qkv_bias and a.sliding_window is None and not a.tied_embeddings,
        ),
        ({"model_type": "phi3"}, lambda a: a.fused_qkv),
        (
            {"model_type": "mistral", "sliding_window": 4096},
            lambda a: a.sliding_window == 4096 and a.sliding_window_layers == a.layers,
        ),
        ({"model_type": "qwen3", "head_dim": 128}, lambda a: a.qk_norm and a.head_dim == 128),
    ],
)
def test_model_type_defaults(extra: dict[str, object], check: object) -> None:
    from feasibility.importer import architecture_from_config

    cfg = json.loads(Path(ACME).read_text(encoding="utf-8"))
    cfg.pop("tie_word_embeddings")
    cfg.pop("num_key_value_heads")
    cfg.update(extra)
    a = architecture_from_config(cfg)
    assert a.kv_heads == a.attention_heads  # default when the config omits it
    assert callable(check) and check(a)


def test_bad_inputs_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "config.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run("import-model", str(bad))
    assert code == 2 and "JSON" in err
    bad.write_text(json.dumps({"model_type": "llama", "hidden_size": 64}), encoding="utf-8")
    code, _, err = run("import-model", str(tmp_path))  # a directory holding config.json
    assert code == 2 and "num_hidden_layers" in err
    code, _, err = run("import-model", ACME, "--languages", "en,xx")
    assert code == 2 and "xx" in err
    gguf_file = tmp_path / "m.gguf"
    gguf_file.write_bytes(b"GGUF")
    monkeypatch.setitem(sys.modules, "gguf", None)  # as if the extra were not installed
    code, _, err = run("import-model", str(gguf_file))
    assert code == 2 and "pip install 'feasibility[gguf]'" in err
    assert "Traceback" not in err
