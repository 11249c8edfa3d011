from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import health, search_views, seo
from portal.api import api_router

urlpatterns = [
    path("", include(health)),  # /healthz, /readyz: outside the language prefix
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    # Wagtail serves document files here; the library's pages live under /<lang>/.
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("feeds/", include("documents.urls")),
    path(pgettext_lazy("URL", "search/"), search_views.search_view, name="search"),
    path(pgettext_lazy("URL", "search/suggest/"), search_views.suggest_view, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
