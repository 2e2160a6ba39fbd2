"""The webhooks app's models, taken over from the publishers app.

Only the migration state is created here: the tables were created by publishers 0003 and are
renamed to webhooks_* by publishers 0005, which also relabels their content types.
"""

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('publishers', '0004_social_account_avatar'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='WebhookEndpoint',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='nama')),
                        ('url', models.URLField(help_text='Alamat http(s) yang menerima POST JSON.', max_length=500, verbose_name='alamat URL')),
                        ('secret_encrypted', models.TextField(blank=True, editable=False)),
                        ('on_published', models.BooleanField(default=True, verbose_name='saat konten diterbitkan')),
                        ('on_unpublished', models.BooleanField(default=True, verbose_name='saat konten ditarik')),
                        ('active', models.BooleanField(default=True, help_text='Webhook nonaktif tidak menerima kiriman baru.', verbose_name='aktif')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dibuat')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='situs pengadilan')),
                    ],
                    options={
                        'verbose_name': 'webhook',
                        'verbose_name_plural': 'webhook',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='WebhookDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('delivery_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='ID kiriman')),
                        ('event', models.CharField(choices=[('page.published', 'konten diterbitkan'), ('page.unpublished', 'konten ditarik')], max_length=40, verbose_name='peristiwa')),
                        ('page_title', models.CharField(max_length=255, verbose_name='judul konten')),
                        ('payload', models.JSONField(default=dict, editable=False)),
                        ('status', models.CharField(choices=[('pending', 'menunggu'), ('sending', 'sedang dikirim'), ('sent', 'terkirim'), ('failed', 'gagal')], default='pending', max_length=20, verbose_name='status')),
                        ('attempts', models.PositiveIntegerField(default=0, verbose_name='percobaan')),
                        ('failures_in_row', models.PositiveIntegerField(default=0, editable=False)),
                        ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='percobaan berikutnya')),
                        ('claim_token', models.UUIDField(blank=True, editable=False, null=True)),
                        ('claimed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('response_code', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='kode jawaban')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='terkirim pada')),
                        ('error_message', models.TextField(blank=True, verbose_name='alasan')),
                        ('error_detail', models.TextField(blank=True, verbose_name='jawaban penerima')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dibuat')),
                        ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('endpoint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='webhooks.webhookendpoint', verbose_name='webhook')),
                    ],
                    options={
                        'verbose_name': 'kiriman webhook',
                        'verbose_name_plural': 'kiriman webhook',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='webhook_delivery_due')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
