import sys

from wadesk.cli import main

sys.exit(main())
