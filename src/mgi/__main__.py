"""``python -m mgi`` runs the ``mgi`` command."""

import sys

from mgi.cli import main

sys.exit(main())
