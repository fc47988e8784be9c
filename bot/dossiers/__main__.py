"""Dossier command line.

    python -m bot.dossiers seed     # (re)create the demo dossiers in the built-in store
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import List, Optional

from bot.dossiers.demo import DEMO_PHONE, demo_dossiers
from bot.dossiers.sql import SqlDossierGateway
from bot.settings import Settings


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dossiers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["seed"])
    parser.parse_args(argv)
    settings = Settings.from_env()
    if settings.dossier_api_url:
        print("DOSSIER_API_URL is set: the provincial system is used, nothing to seed.")
        return 0
    dossiers = demo_dossiers(dt.datetime.now(dt.timezone.utc))
    SqlDossierGateway(settings.dossier_db_url).upsert(dossiers)
    print(f"{len(dossiers)} demo dossiers (phone ending {DEMO_PHONE[-4:]}):")
    for dossier in dossiers:
        print(f"  {dossier.code}  {dossier.status:<26} {dossier.procedure_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
