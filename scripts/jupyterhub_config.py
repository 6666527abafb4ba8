# JupyterHub configuration of the demo class (`make hub`; started by scripts/run_hub.py, which sets the
# QEDN_HUB_* variables below). A real deployment changes three things, see
# docs/instructors/running_a_class.md: its own authenticator (the university's login, e.g. an OAuth
# or LDAP authenticator, instead of one shared password), its own spawner (SystemdSpawner,
# DockerSpawner or KubeSpawner, one OS user or container per student with memory and CPU limits,
# instead of every student's server running as the hub's own user) and TLS (https on a public name,
# via ssl_cert/ssl_key or a reverse proxy, instead of plain http on the loopback interface).
import os
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

env = os.environ
state = Path(env["QEDN_HUB_STATE"])
bin_dir = Path(env["QEDN_HUB_BIN"])

# Network: the public proxy on QEDN_HUB_IP:QEDN_HUB_PORT; the hub's API and the proxy's API on free
# loopback ports (several hubs may run on one machine, e.g. the tests).
c.JupyterHub.bind_url = f"http://{env.get('QEDN_HUB_IP', '127.0.0.1')}:{env['QEDN_HUB_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{env['QEDN_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['QEDN_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [env["QEDN_HUB_PROXY"]]  # from npm, in .hub/node_modules
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True

# Demo authentication: any user name, one shared password (JupyterHub's SharedPasswordAuthenticator).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env["QEDN_HUB_PASSWORD"]
c.Authenticator.allow_all = True

# Demo spawning: each student's single-user server is a local process (as the hub's own OS user) with
# its own home folder under QEDN_HUB_HOMES; the course environment is .hub/venv.
c.JupyterHub.spawner_class = "simple"  # jupyterhub.spawner.SimpleLocalProcessSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(Path(env["QEDN_HUB_HOMES"]) / "{username}")
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {
    # one BLAS thread per kernel: many kernels share the machine's cores (docs/DESIGN_NOTES.md)
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
}
args = [
    "--LabApp.news_url=",  # no news or update checks: nothing leaves the machine
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
]
if env.get("QEDN_HUB_EXPOSE_APP"):  # the tests drive JupyterLab through window.jupyterapp
    args.append("--LabApp.expose_app_in_browser=True")
if os.geteuid() == 0:  # containers and CI run as root
    args.append("--ServerApp.allow_root=True")
c.Spawner.args = args
