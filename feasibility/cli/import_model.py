"""``feasibility import-model``: a catalog overlay entry from a config.json or a .gguf header."""

from __future__ import annotations

import click

from feasibility.cli.options import (
    EXIT_CODES,
    Command,
    InputProblem,
    catalog_option,
    dump_json,
    format_option,
    guard,
    load_catalog,
    output_option,
    write,
)


@click.command("import-model", cls=Command, epilog=EXIT_CODES)
@click.argument("path", type=click.Path(dir_okay=True))
@click.option(
    "--id",
    "model_id",
    help="Catalog id (default: from --hf-repo, else the config's _name_or_path, else the file "
    "name; a file named config.json without a name needs --id).",
)
@click.option("--hf-repo", help="Hugging Face repo, org/name (fills hf_repo and the source).")
@click.option(
    "--license",
    "license_id",
    help="Licence id from the catalog (see 'feasibility licenses'; checked, with a suggestion).",
)
@click.option("--languages", help="Comma-separated ISO 639-1 codes the card lists (en,ko).")
@format_option(
    ["yaml", "json"], "yaml", "yaml: the overlay with FILL IN comments; json: the same entry."
)
@output_option
@catalog_option
@guard
def import_model_cmd(
    path: str,
    model_id: str | None,
    hf_repo: str | None,
    license_id: str | None,
    languages: str | None,
    fmt: str,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """Turn a Hugging Face config.json (or a .gguf file) into a catalog overlay entry.

    Prints YAML to add with '--catalog FILE' to any command. Fields the config cannot tell
    (licence, languages, sources) are marked 'FILL IN' unless given as options. --catalog adds
    overlays whose licences --license may name.

    \b
    Example:
      feasibility import-model config.json --id my-model-1b --hf-repo my-org/My-Model-1B \\
          --license apache-2.0 --languages en,ko -o my-models.yaml
      feasibility check device.yaml --catalog my-models.yaml
    """
    from feasibility.importer import import_model

    cat = load_catalog(catalogs)
    if license_id is not None and license_id not in cat.licenses:
        from feasibility.units import did_you_mean

        raise InputProblem(
            f"--license: unknown licence id {license_id!r}"
            f"{did_you_mean(license_id, cat.licenses)} (list them with 'feasibility licenses'; "
            "a new licence needs a 'licenses:' entry in a --catalog overlay)"
        )
    langs = tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None
    text = import_model(
        path, model_id=model_id, hf_repo=hf_repo, license_id=license_id, languages=langs
    )
    if fmt == "json":
        from feasibility.loader import parse_yaml

        text = dump_json(parse_yaml(text, "<import-model>").data)
    write(text, output)
    if output:
        click.echo(f"wrote {output}; check the entry, then use --catalog {output}", err=True)
