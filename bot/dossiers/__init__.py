"""Dossier (hồ sơ) status: gateway protocol, HTTP and SQL implementations, checks."""
