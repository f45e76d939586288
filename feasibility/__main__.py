"""``python -m feasibility`` runs the CLI."""

from feasibility.cli import main

main()
