"""SPM Posyandu Kalsel: analytics dashboard for the six fields of minimum service standards."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
REFERENSI_DIR = DATA_DIR / "referensi"
