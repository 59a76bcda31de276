"""python -m minigliner train | predict | evaluate (the command line lives in minigliner.apps.cli)."""
from minigliner.apps.cli import main

if __name__ == "__main__":
    main()
