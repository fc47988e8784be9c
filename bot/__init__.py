"""Trợ lý Dịch vụ công: Vietnamese public-service assistant (plain Python core)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
