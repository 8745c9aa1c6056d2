"""`python -m secatalog.cli`: the same as the `secatalog` command."""

from .app import main

main()
