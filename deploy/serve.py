"""Serve Back & Knee through nginx on one machine: several app replicas on loopback, and nginx
in front of them with TLS, compression, security headers and sticky sessions.

    python deploy/serve.py                      # 2 replicas, https://localhost:8443
    python deploy/serve.py --replicas 3 --https-port 443 --http-port 80 \\
        --cert /etc/ssl/clinic.pem --key /etc/ssl/clinic.key --server-name guide.example.org

Without --cert it makes a self-signed certificate (fine on a laptop, not on the internet).
Everything it starts stops with Ctrl-C. The browser tests start the same thing through
`Proxy` (tests/e2e), so what is tested is what a clinic runs. See docs/deploy.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_DIR = Path(__file__).resolve().parent / "nginx"
SHARED_FILES = ("http.conf", "locations.conf", "security-headers.conf")
NGINX_MODULES = Path("/usr/share/nginx/modules")
_NAME = re.compile(r"\$\{(BK_[A-Z_]+)\}")


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill in each ${BK_...} of a template, as the container's envsubst does; nginx's own
    $variables stay as they are. A name with no value is an error, never an empty string."""
    missing = sorted(set(_NAME.findall(template)) - set(values))
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return string.Template(template).safe_substitute(values)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def self_signed(folder: Path, name: str = "localhost") -> tuple[Path, Path]:
    """A self-signed certificate for `name` (and 127.0.0.1), valid for 30 days."""
    cert, key = folder / "tls.crt", folder / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
         "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name},IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@dataclass
class Replica:
    """One app process on a loopback port."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, kill: bool = False) -> None:
        """Stop the process (SIGKILL with kill=True, as a crash would)."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_replica(port: int, logs: Path, env: Mapping[str, str], script: str = "asgi.py") -> Replica:
    """Start the app (asgi.py, which serves app.py; or another script, for a benchmark) on a
    loopback port; every setting but the port and address comes from .streamlit/config.toml
    and the environment."""
    log = logs / f"app-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        f"--server.port={port}", "--server.address=127.0.0.1",
    ]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=dict(env)
        )
    return Replica(port, process, log)


def wait_healthy(
    url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60, poll_s: float = 0.2
) -> None:
    """Poll `url` every `poll_s` until it answers `ok`; fail at once if the process has ended."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (our own loopback)
                if answer.read() == b"ok":
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer; see {log}")
        time.sleep(poll_s)


@dataclass
class Proxy:
    """Replicas and nginx, running. `https` is the address a browser opens."""

    folder: Path
    http_port: int
    https_port: int
    replicas: list[Replica]
    nginx: subprocess.Popen[bytes]
    values: dict[str, str] = field(default_factory=dict)

    @property
    def https(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


def nginx_values(
    folder: Path, http_port: int, https_port: int, ports: list[int], cert: Path, key: Path,
    server_name: str = "_", frame_ancestors: str = "'self'",
) -> dict[str, str]:  # fmt: skip
    """The values for tls.conf.template on this machine."""
    return {
        "BK_NGINX_MODULES": str(NGINX_MODULES),
        "BK_RUN_DIR": str(folder),
        "BK_LOG_DIR": str(folder),
        "BK_HTTP_LISTEN": f"127.0.0.1:{http_port}" if server_name == "_" else str(http_port),
        "BK_HTTPS_LISTEN": f"127.0.0.1:{https_port}" if server_name == "_" else str(https_port),
        "BK_HTTPS_PORT_SUFFIX": "" if https_port == 443 else f":{https_port}",
        "BK_SERVER_NAME": server_name,
        "BK_TLS_CERT": str(cert),
        "BK_TLS_KEY": str(key),
        "BK_FRAME_ANCESTORS": frame_ancestors,
        "BK_UPSTREAM_SERVERS": "\n".join(
            f"        server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;" for port in ports
        ),
    }


def write_nginx_config(folder: Path, values: Mapping[str, str]) -> Path:
    """Render the main file beside copies of the shared includes; return the main file."""
    for name in SHARED_FILES:
        shutil.copy(NGINX_DIR / name, folder / name)
    main = folder / "nginx.conf"
    main.write_text(render((NGINX_DIR / "tls.conf.template").read_text(), values))
    return main


def nginx_test(config: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on a configuration (its answer is on stderr)."""
    return subprocess.run(
        ["nginx", "-t", "-p", str(config.parent), "-c", str(config), "-e", str(config.parent / "error.log")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@contextlib.contextmanager
def serving(
    replicas: int = 2,
    http_port: int | None = None,
    https_port: int | None = None,
    cert: Path | None = None,
    key: Path | None = None,
    server_name: str = "_",
    frame_ancestors: str = "'self'",
    env: Mapping[str, str] | None = None,
    folder: Path | None = None,
    script: str = "asgi.py",
) -> Iterator[Proxy]:
    """Start `replicas` app processes and nginx in front of them; stop them all afterwards."""
    with contextlib.ExitStack() as stack:
        if folder is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="backknee-proxy-")))
        folder.mkdir(parents=True, exist_ok=True)
        if cert is None or key is None:
            cert, key = self_signed(folder)
        # Every replica signs Streamlit's cookies with the same secret.
        app_env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **os.environ, **(env or {})}
        started: list[Replica] = []
        stack.callback(lambda: [replica.stop() for replica in started])
        for _ in range(replicas):
            started.append(start_replica(free_port(), folder, app_env, script))
        for replica in started:
            wait_healthy(f"{replica.url}/_stcore/health", replica.process, replica.log)
        http_port = http_port or free_port()
        https_port = https_port or free_port()
        values = nginx_values(
            folder, http_port, https_port, [r.port for r in started], cert, key, server_name, frame_ancestors
        )
        config = write_nginx_config(folder, values)
        checked = nginx_test(config)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        nginx = subprocess.Popen(
            ["nginx", "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log"),
             "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=(folder / "nginx.out").open("w"), start_new_session=True,
        )  # fmt: skip

        def stop_nginx() -> None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(nginx.pid, signal.SIGTERM)
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(nginx.pid, signal.SIGKILL)
                nginx.wait()  # reaped here, never left behind as a zombie

        stack.callback(stop_nginx)
        proxy = Proxy(folder, http_port, https_port, started, nginx, values)
        wait_until_proxied(proxy)
        yield proxy


def wait_until_proxied(proxy: Proxy, seconds: float = 30) -> None:
    """Wait until nginx answers the health check through TLS, and has logged it: nginx writes
    a request's log line just after the answer, so a test that counts the log's lines from
    here on would otherwise count this check too, now and then."""
    import ssl

    unchecked = ssl.create_default_context()
    unchecked.check_hostname = False
    unchecked.verify_mode = ssl.CERT_NONE  # our own self-signed certificate, on loopback
    log = proxy.folder / "access.log"
    checked = '"GET /_stcore/health" 200'

    def logged_checks() -> int:  # the folder, and so the log, may be an earlier run's
        return log.read_text().count(checked) if log.exists() else 0

    already = logged_checks()
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{proxy.https}/_stcore/health", timeout=2, context=unchecked) as r:  # noqa: S310
                if r.read() == b"ok":
                    break
        except OSError:
            pass
        if proxy.nginx.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"nginx did not answer; see {proxy.folder / 'error.log'}")
        time.sleep(0.2)
    while logged_checks() <= already:
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx answered but logged nothing in {log}")
        time.sleep(0.2)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--https-port", type=int, default=8443)
    parser.add_argument("--cert", type=Path)
    parser.add_argument("--key", type=Path)
    parser.add_argument("--server-name", default="_", help="the public name; '_' listens on loopback only")
    parser.add_argument("--frame-ancestors", default="'self'", help="who may show the app in a frame")
    args = parser.parse_args()
    # A service manager (systemd, `kill`) stops us with SIGTERM: stop like Ctrl-C, so the
    # replicas and nginx (each in its own process session) are stopped too, not left running.
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    with serving(
        args.replicas, args.http_port, args.https_port, args.cert, args.key, args.server_name,
        args.frame_ancestors, folder=ROOT / ".serve",
    ) as proxy:  # fmt: skip
        print(f"Back & Knee: {proxy.https} ({len(proxy.replicas)} replicas; logs in {proxy.folder})")
        with contextlib.suppress(KeyboardInterrupt):
            while proxy.nginx.poll() is None and all(r.process.poll() is None for r in proxy.replicas):
                time.sleep(1)
        print("Stopping.")


if __name__ == "__main__":
    main()
