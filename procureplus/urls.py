from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from documents import file_serving
from ops import health
from portal import seo
from portal.api import api_router
from search import views as search_views

urlpatterns = [
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("", include(health)),  # /healthz, /readyz: outside the language prefix
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # Wagtail's reports with formula-safe CSV/XLSX exports, before Wagtail's own addresses.
    path("admin/reports/", include("core.admin_reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    # Wagtail serves document files here (restricted ones private to caches, in front of
    # Wagtail's own address of the same name); the library's pages live under /<lang>/.
    re_path(r"^documents/(\d+)/(.*)$", file_serving.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # The newsletter's List-Unsubscribe address: one for every language, as mail clients POST.
    path("newsletter/", include("buyers.urls")),
]

urlpatterns += i18n_patterns(
    path("feeds/", include("documents.urls")),
    path("feeds/", include("casestudies.urls")),
    path(pgettext_lazy("URL", "search/"), search_views.search_view, name="search"),
    path(pgettext_lazy("URL", "search/suggest/"), search_views.suggest_view, name="search_suggest"),
    path("", include(routing)),  # pages found through the cache, before Wagtail's own address
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"  # 503 while the database is unreachable
