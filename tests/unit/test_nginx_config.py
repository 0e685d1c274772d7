"""nginx's configuration as the clinic runs it: each template renders to a file `nginx -t`
accepts, the Content-Security-Policy allows exactly Streamlit's own inline script, and a
missing setting is an error rather than an empty string. (The proxy at work, in a browser,
is tests/e2e/test_proxy.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
import streamlit

from deploy.serve import NGINX_DIR, nginx_test, nginx_values, render, self_signed, write_nginx_config

STREAMLIT_PAGE = Path(streamlit.__file__).parent / "static" / "index.html"
HEADERS = (NGINX_DIR / "security-headers.conf").read_text(encoding="utf-8")


def test_the_tls_configuration_passes_nginx_t(tmp_path):
    cert, key = self_signed(tmp_path)
    config = write_nginx_config(tmp_path, nginx_values(tmp_path, 18080, 18443, [18501, 18502], cert, key))
    checked = nginx_test(config)
    assert checked.returncode == 0, checked.stderr


def test_the_configuration_inside_a_pod_passes_nginx_t(tmp_path):
    for name in ("http.conf", "locations.conf", "security-headers.conf"):
        (tmp_path / name).write_text((NGINX_DIR / name).read_text())
    values = {
        "BK_NGINX_MODULES": "/usr/share/nginx/modules",
        "BK_RUN_DIR": str(tmp_path),
        "BK_FRAME_ANCESTORS": "'self' https://www.example-clinic.co.uk",
        "BK_LISTEN": "127.0.0.1:18080",
    }
    config = tmp_path / "nginx.conf"
    config.write_text(render((NGINX_DIR / "behind-ingress.conf.template").read_text(), values))
    checked = nginx_test(config)
    assert checked.returncode == 0, checked.stderr


def test_a_setting_left_out_is_an_error_not_an_empty_string():
    with pytest.raises(KeyError, match="BK_TLS_KEY"):
        render("ssl_certificate ${BK_TLS_CERT}; ssl_certificate_key ${BK_TLS_KEY};", {"BK_TLS_CERT": "a"})


def test_rendering_leaves_nginx_own_variables_alone():
    assert render("return 308 https://$host${BK_X}$request_uri;", {"BK_X": ":8443"}) == (
        "return 308 https://$host:8443$request_uri;"
    )


def test_the_policy_allows_exactly_the_inline_scripts_of_streamlits_own_page():
    """A new Streamlit may change its page's inline script: then the hash in
    security-headers.conf must change with it, or the page logs a violation."""
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", STREAMLIT_PAGE.read_text(), re.S)
    wanted = {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in inline}
    allowed = set(re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", HEADERS))
    assert allowed == wanted, f"security-headers.conf allows {allowed}; Streamlit's page has {wanted}"


def test_the_policy_allows_no_inline_script_and_nothing_from_another_site():
    policy = re.search(r'Content-Security-Policy "([^"]+)"', HEADERS)
    assert policy
    directives = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    for name, sources in directives.items():
        assert "http" not in sources and "*" not in sources, f"{name} allows another site: {sources}"
    assert directives["frame-ancestors"] == "$bk_frame_ancestors", "set by BK_FRAME_ANCESTORS"
    assert directives["object-src"] == "'none'"


def test_every_location_sends_the_security_headers():
    """A location with an add_header of its own drops the ones it inherits: each must include
    them again."""
    locations = (NGINX_DIR / "locations.conf").read_text()
    blocks = re.findall(r"location [^{]+\{(.*?)\n\}", locations, re.S)
    assert len(blocks) >= 4
    for block in blocks:
        if "return 403" in block:
            continue
        assert "include security-headers.conf;" in block, block


@pytest.mark.parametrize("template", ["tls.conf.template", "behind-ingress.conf.template"])
def test_nginx_lets_an_idle_app_connection_go_before_the_app_closes_it(template):
    # Otherwise a request can go down a connection the app is closing; nginx then sends it to
    # another process (proxy_next_upstream), and a browser's session with it.
    import uvicorn  # Streamlit's own server, which leaves its keep-alive time at uvicorn's default

    app_closes_after = uvicorn.Config(app="app:app").timeout_keep_alive
    upstream = re.search(r"upstream backknee \{(.*?)\n    \}", (NGINX_DIR / template).read_text(), re.DOTALL)
    assert upstream, "no upstream block"
    nginx_lets_go_after = re.search(r"keepalive_timeout (\d+)s;", upstream.group(1))
    assert nginx_lets_go_after, "the upstream keeps idle connections for nginx's default 60 s"
    assert int(nginx_lets_go_after.group(1)) < app_closes_after
