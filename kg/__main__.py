"""`python -m kg` and the `kg` script: Ctrl-C is handled from the first line on, then the command line runs."""

import sys

from kg.build import interrupt


def main() -> None:
    interrupt.install()
    try:
        from kg.cli import main as cli_main
    except KeyboardInterrupt:  # Ctrl-C while the command line is still loading
        sys.stderr.write(interrupt.message + "\n")
        sys.exit(interrupt.EXIT_CODE)
    cli_main()


if __name__ == "__main__":
    main()
