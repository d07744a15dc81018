"""gunicorn's settings for Resource Hub behind nginx (resource-hub-web.service).

Memory: one worker process idles near 133 MiB and peaks near 142 MiB during a
direct upload (wsgi.py keeps the HEIC codec out); it grows to ~161 MiB once a
search has loaded the Elasticsearch client (bench/README.md, files.py). Its
threads share that.
"""

import os

# nginx on the same machine proxies to this; nothing else should reach it.
bind = "127.0.0.1:8000"
# Two processes per core is plenty: requests wait on PostgreSQL, S3 and
# Elasticsearch, which the threads overlap.
workers = 2 * (os.cpu_count() or 1)
worker_class = "gthread"
threads = 4
# A worker that does not check in for this long is killed and replaced. gthread
# workers check in from their main loop, so a long ZIP download in a thread
# does not count against it.
timeout = 60
# On stop or reload, how long running requests get to finish.
graceful_timeout = 30
# nginx keeps connections to us open (upstream keepalive).
keepalive = 75
# A fresh process now and then keeps memory from creeping.
max_requests = 2000
max_requests_jitter = 200
# nginx sets X-Forwarded-Proto; Django reads it (SECURE_PROXY_SSL_HEADER_ENABLED).
forwarded_allow_ips = "127.0.0.1,::1"
# gunicornc's control socket: in the unit's RuntimeDirectory= (/run/resource-hub-web),
# since gunicorn's default, under $HOME, is read-only to the service; off elsewhere.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"], "gunicorn.ctl")
else:
    control_socket_disable = True
# To the journal, one line per request.
accesslog = "-"
errorlog = "-"
