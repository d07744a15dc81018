"""E-mail (notifications, resource_hub/notifications): SMTP from the environment.

Development prints e-mails on the console (dev.py), the tests keep them in
Django's outbox (test.py); everything else sends through EMAIL_HOST.
"""

from .environment import env_bool, env_int, env_str

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS, usually on port 465
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS, usually on 587
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)  # seconds: a hung server fails the task, not a page
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Resource Hub <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
