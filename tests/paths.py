"""Where the suite finds the repository, its test data, the demo corpus and ../shared."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DEMO = ROOT / "demo"
ARTIFACTS = ROOT / "artifacts"
SHARED = ROOT.parent / "shared"
