"""The social app's models, taken over from the publishers app.

Only the migration state is created here: the tables were created by publishers 0001-0004 and are
renamed to social_* by publishers 0005, which also relabels their content types, so the rows and the
permissions groups hold stay.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('publishers', '0004_social_account_avatar'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SocialAccount',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('platform', models.CharField(choices=[('facebook', 'Facebook'), ('instagram', 'Instagram'), ('x', 'X'), ('telegram', 'Telegram'), ('threads', 'Threads')], max_length=20, verbose_name='platform')),
                        ('name', models.CharField(max_length=200, verbose_name='nama kanal')),
                        ('external_id', models.CharField(help_text='ID halaman Facebook, akun Instagram, pengguna X atau kanal Telegram.', max_length=100, verbose_name='ID di platform')),
                        ('handle', models.CharField(blank=True, max_length=200, verbose_name='nama akun')),
                        ('avatar_url', models.URLField(blank=True, editable=False, max_length=1000, verbose_name='foto profil')),
                        ('credentials_encrypted', models.TextField(blank=True, editable=False)),
                        ('token_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='token berlaku sampai')),
                        ('active', models.BooleanField(default=True, help_text='Kanal nonaktif tidak menerima kiriman baru.', verbose_name='aktif')),
                        ('needs_reconnect', models.BooleanField(default=False, verbose_name='perlu disambungkan ulang')),
                        ('last_error', models.TextField(blank=True, verbose_name='masalah terakhir')),
                        ('last_checked_at', models.DateTimeField(blank=True, null=True, verbose_name='terakhir diperiksa')),
                        ('expiry_warned_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('paused_until', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('connected_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='disambungkan pada')),
                        ('connected_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='disambungkan oleh')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='social_accounts', to='wagtailcore.site', verbose_name='situs pengadilan')),
                    ],
                    options={
                        'verbose_name': 'kanal media sosial',
                        'verbose_name_plural': 'kanal media sosial',
                        'ordering': ['site', 'platform', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='SocialDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('page_title', models.CharField(max_length=255, verbose_name='judul konten')),
                        ('page_url', models.URLField(blank=True, max_length=500, verbose_name='alamat konten')),
                        ('platform', models.CharField(choices=[('facebook', 'Facebook'), ('instagram', 'Instagram'), ('x', 'X'), ('telegram', 'Telegram'), ('threads', 'Threads')], max_length=20, verbose_name='platform')),
                        ('account_name', models.CharField(max_length=200, verbose_name='nama kanal')),
                        ('round', models.PositiveSmallIntegerField(default=1, verbose_name='putaran')),
                        ('text', models.TextField(verbose_name='teks')),
                        ('crop', models.CharField(blank=True, max_length=20)),
                        ('status', models.CharField(choices=[('pending', 'menunggu'), ('sending', 'sedang dikirim'), ('in_flight', 'sedang dikirim'), ('sent', 'terkirim'), ('failed', 'gagal'), ('needs_check', 'perlu dicek'), ('cancelled', 'dibatalkan'), ('removed', 'dihapus dari platform')], default='pending', max_length=20, verbose_name='status')),
                        ('attempts', models.PositiveIntegerField(default=0, verbose_name='percobaan')),
                        ('failures_in_row', models.PositiveIntegerField(default=0, editable=False)),
                        ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='percobaan berikutnya')),
                        ('claimed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('in_flight_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('claim_token', models.UUIDField(blank=True, editable=False, null=True)),
                        ('prepared', models.JSONField(blank=True, default=dict, editable=False)),
                        ('platform_post_id', models.CharField(blank=True, max_length=100, verbose_name='ID kiriman')),
                        ('permalink', models.URLField(blank=True, max_length=500, verbose_name='tautan kiriman')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='terkirim pada')),
                        ('error_message', models.TextField(blank=True, verbose_name='alasan')),
                        ('error_detail', models.TextField(blank=True, verbose_name='pesan platform')),
                        ('metrics', models.JSONField(blank=True, default=dict, verbose_name='metrik')),
                        ('metrics_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dibuat')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('account', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='deliveries', to='social.socialaccount', verbose_name='kanal')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                        ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='social_deliveries', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='konten')),
                        ('revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
                        ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site', verbose_name='situs pengadilan')),
                    ],
                    options={
                        'verbose_name': 'kiriman media sosial',
                        'verbose_name_plural': 'kiriman media sosial',
                        'ordering': ['-created_at', 'platform'],
                        'permissions': [('retry_socialdelivery', 'Dapat mengulang atau membatalkan kiriman media sosial')],
                    },
                ),
                migrations.CreateModel(
                    name='DeliveryAttempt',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='waktu')),
                        ('outcome', models.CharField(choices=[('sent', 'terkirim'), ('retry', 'akan dicoba lagi'), ('failed', 'gagal'), ('unsure', 'belum pasti'), ('confirmed', 'dipastikan terkirim'), ('not_posted', 'dipastikan belum terkirim'), ('needs_check', 'perlu dicek'), ('manual', 'tindakan pengguna'), ('removed', 'dihapus')], max_length=20, verbose_name='hasil')),
                        ('message', models.TextField(blank=True, verbose_name='keterangan')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('delivery', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='log', to='social.socialdelivery')),
                    ],
                    options={
                        'verbose_name': 'riwayat kiriman',
                        'verbose_name_plural': 'riwayat kiriman',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='socialaccount',
                    constraint=models.UniqueConstraint(fields=('site', 'platform', 'external_id'), name='unique_social_account'),
                ),
                migrations.AddIndex(
                    model_name='socialdelivery',
                    index=models.Index(fields=['status', 'next_attempt_at'], name='delivery_due'),
                ),
                migrations.AddConstraint(
                    model_name='socialdelivery',
                    constraint=models.UniqueConstraint(fields=('page', 'account', 'round'), name='unique_delivery_per_round'),
                ),
            ],
            database_operations=[],
        ),
    ]
