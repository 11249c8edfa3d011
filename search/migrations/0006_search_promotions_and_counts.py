"""Promoted search results (moderated) and search counts (no personal data)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.WAGTAILDOCS_DOCUMENT_MODEL),
        ('search', '0005_synonym_phrases_and_seed'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('query', models.CharField(help_text='In lower case, spaces collapsed.', max_length=100, verbose_name='query')),
                ('language', models.CharField(choices=[('pt', 'Portuguese'), ('en', 'English')], max_length=5, verbose_name='language')),
                ('day', models.DateField(help_text='The day of the searches, in Lisbon time.', verbose_name='day')),
                ('found', models.BooleanField(verbose_name='found something')),
                ('count', models.PositiveIntegerField(default=0, verbose_name='searches')),
            ],
            options={
                'db_table': 'search_searchcount',
                'verbose_name': 'search count',
                'verbose_name_plural': 'search counts',
                'indexes': [models.Index(fields=['day', 'language'], name='search_sear_day_debdfa_idx')],
                'constraints': [models.UniqueConstraint(fields=('query', 'language', 'day', 'found'), name='one_search_count_per_day')],
            },
        ),
        migrations.CreateModel(
            name='SearchPromotion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('query', models.CharField(help_text='What visitors type; capitals and extra spaces do not matter.', max_length=100, verbose_name='search query')),
                ('language', models.CharField(choices=[('pt', 'Portuguese'), ('en', 'English')], help_text='The language of the search page it applies to.', max_length=5, verbose_name='language')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers are shown first for the same query.', verbose_name='order')),
                ('document', models.ForeignKey(blank=True, help_text='A library document. Choose a page or a document.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAILDOCS_DOCUMENT_MODEL, verbose_name='document')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('page', models.ForeignKey(blank=True, help_text='A page in the same language. Choose a page or a document.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'promoted search result',
                'verbose_name_plural': 'promoted search results',
                'ordering': ['language', 'query', 'sort_order', 'pk'],
            },
        ),
    ]
