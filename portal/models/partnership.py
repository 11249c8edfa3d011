"""The page presenting the ANI–IMPIC partnership, rendered from organisation records."""

from django.utils.translation import gettext_lazy as _

from core.models import BodyPage

from .organisations import Agreement, Organisation


class PartnershipPage(BodyPage):
    max_count_per_parent = 1
    parent_page_types = ["portal.HomePage", "portal.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partnership page")
        verbose_name_plural = _("partnership pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Ordered by role as the choices list them (initiative first), then by sort order.
        role_rank = {role: rank for rank, role in enumerate(Organisation.Role.values)}
        context["organisations"] = sorted(
            Organisation.objects.all(), key=lambda org: (role_rank[org.role], org.sort_order)
        )
        context["agreements"] = list(Agreement.objects.prefetch_related("parties"))
        return context
