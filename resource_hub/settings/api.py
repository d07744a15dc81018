"""The REST API (resource_hub/api): rate limits."""

from .environment import env_str

# "<count>/<s|m|h|d>" per window; empty turns a limit off. Counted in the
# database (api.RateWindow), so every web process shares the counts.
API_THROTTLE_ANONYMOUS = env_str("API_THROTTLE_ANONYMOUS", "120/m")
API_THROTTLE_USER = env_str("API_THROTTLE_USER", "600/m")
