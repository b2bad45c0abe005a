"""`python -m kg` runs the command line, like the `kg` script."""

from .cli import main

main()
