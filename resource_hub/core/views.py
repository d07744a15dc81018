from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@never_cache
@require_GET
def healthz(request):
    """200 while the database and storage answer, 503 otherwise; search may be degraded."""
    status, body = health.overall()
    return JsonResponse(body, status=status)
