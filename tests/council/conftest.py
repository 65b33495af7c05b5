import io

import pytest
from django.core.management import call_command

from .oparl_server import OParlServer


@pytest.fixture
def oparl():
    """A synthetic OParl 1.1 system on a local HTTP server (see ``oparl_server``)."""
    with OParlServer() as server:
        yield server


@pytest.fixture
def sync(oparl):
    """Run ``manage.py sync_council --system <local server>``; returns its output."""

    def run(*args: str) -> str:
        out = io.StringIO()
        call_command("sync_council", "--system", oparl.system_url, *args, stdout=out)
        return out.getvalue()

    return run
