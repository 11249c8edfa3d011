"""{% cache %} as Django's, except that a timeout of 0 renders the fragment without the cache.

With FRAGMENT_CACHE_SECONDS=0 Django's tag still hashes the key, reads the cache and writes the
fragment with a timeout of 0: two Redis round trips per fragment for nothing in production.
"""

from django import template
from django.template import VariableDoesNotExist
from django.templatetags.cache import CacheNode, do_cache

register = template.Library()


class FragmentCacheNode(CacheNode):
    def render(self, context):
        try:
            off = int(self.expire_time_var.resolve(context)) == 0
        except (TypeError, ValueError, VariableDoesNotExist):
            off = False  # Django's render reports a bad timeout
        return self.nodelist.render(context) if off else super().render(context)


@register.tag("cache")
def fragment_cache(parser, token):
    """{% cache timeout name vary_on… %}…{% endcache %}, Django's syntax."""
    node = do_cache(parser, token)
    return FragmentCacheNode(
        node.nodelist, node.expire_time_var, node.fragment_name, node.vary_on, node.cache_name
    )
