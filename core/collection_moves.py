"""`collection_moved`, sent after a collection moves in the tree, in the admin or in code.

Wagtail sends post_page_move for pages, but a collection moves through treebeard's
`MP_Node.move` (the admin's Edit view calls it when the parent changes), which sends nothing
and saves no row: without this signal, a collection moved under a restricted one keeps its
documents in listings, feeds and search until something else changes.
"""

from django.dispatch import Signal

from wagtail.models import Collection

# Sent with instance=the collection, read again with its new path.
collection_moved = Signal()


def send_after_move():
    """Wraps Collection.move once (ready() may run twice in tests) to send the signal."""
    original = Collection.move
    if getattr(original, "sends_collection_moved", False):
        return

    def move(self, target, pos=None):
        result = original(self, target, pos)
        collection_moved.send(sender=Collection, instance=Collection.objects.get(pk=self.pk))
        return result

    move.sends_collection_moved = True
    Collection.move = move
