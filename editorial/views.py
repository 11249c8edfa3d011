"""The editors' reports: translation parity and document downloads."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.csv_export import csv_response

from . import parity
from .downloads import top_documents
from .forms import PeriodForm


class ReportMixin(WagtailAdminTemplateMixin):
    """A report's breadcrumbs end with its own title, as Wagtail's reports do."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class TranslationParityView(ReportMixin, TemplateView):
    template_name = "editorial/translation_parity.html"
    page_title = _("Translation parity")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = list(Locale.objects.all())
        source = next(loc for loc in locales if loc.language_code == settings.LANGUAGE_CODE)
        context.update(
            untranslated_pages=parity.untranslated_pages(locales),
            outdated_pages=list(parity.outdated_translations(source)),
            incomplete_models=parity.incomplete_records(),
        )
        return context


class DocumentDownloadsView(ReportMixin, TemplateView):
    template_name = "editorial/document_downloads.html"
    page_title = _("Document downloads")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("editorial.view_documentdownload"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = PeriodForm(request.GET)  # every field is optional: no parameters, last 30 days
        period = form.cleaned_data if form.is_valid() else None
        rows = top_documents(period["start"], period["end"], period["top"]) if period else []
        if period and request.GET.get("export") == "csv":
            return self.csv(period, rows)
        context = self.get_context_data(form=form, period=period, rows=bars(rows))
        return self.render_to_response(context)

    def csv(self, period, rows):
        filename = f"downloads-{period['start']:%Y%m%d}-{period['end']:%Y%m%d}.csv"
        header = [_("Document"), _("Title (PT)"), _("Title (EN)"), _("Downloads")]
        data = [
            [row["document_id"], row["document__title_pt"], row["document__title_en"], row["total"]]
            for row in rows
        ]
        return csv_response(filename, header, data)


def bars(rows):
    """Each row with its bar's length in percent of the largest count, for the SVG chart."""
    largest = max((row["total"] for row in rows), default=0) or 1
    return [{**row, "percent": round(100 * row["total"] / largest, 1)} for row in rows]
