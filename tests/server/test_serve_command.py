"""``newsfuse serve`` as a command: help, lazy imports, and the message when the extra is missing.

The command actually serving is covered by test_page.py, which starts it in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsfuse.cli import main


def test_serve_is_listed_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--host" in out and "--port" in out and "127.0.0.1" in out


def test_help_does_not_import_the_server() -> None:
    code = "import sys; from newsfuse.cli import build_parser; build_parser(); print(sorted({'fastapi', 'uvicorn', 'onnxruntime'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # importing it now raises ImportError
    assert main(["serve", "--port", "1"]) == 1
    err = capsys.readouterr().err
    assert "uvicorn is not installed" in err and "pip install 'newsfuse[server]'" in err


def test_bad_settings_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--time-limit", "0"]) == 1
    assert "time_limit" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_a_port_out_of_range_is_one_clear_line(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15.7: ``serve --port 99999`` ended in an OverflowError traceback from bind()."""
    assert main(["serve", "--port", port]) == 1
    assert capsys.readouterr().err == f"newsfuse: error: --port {port}: not a TCP port (0 to 65535)\n"


def test_help_says_the_api_docs_are_served_offline(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15.19: the help said Swagger UI loads 'from a CDN'; its assets come with the extra."""
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "CDN" not in out.replace("no CDN", "")
    assert "/docs (Swagger UI) and /redoc (ReDoc), served by this server (no CDN)" in out
