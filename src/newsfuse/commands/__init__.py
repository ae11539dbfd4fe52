"""CLI subcommands, one module each. Each module defines ``register(subparsers)``, which adds its
parser and sets ``handler``; heavy imports happen inside the handler so ``--help`` stays fast.
``COMMANDS`` lists the modules in the order ``newsfuse --help`` shows them."""

COMMANDS = ("summarize", "inspect", "eval", "batch", "stream", "stories", "serve")
