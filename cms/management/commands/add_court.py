"""manage.py add_court: onboard a court in one step (the same form as the superusers' "Tambah pengadilan")."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.onboarding import AddCourtForm, SiteTaken
from core.onboarding import add_court


class Command(BaseCommand):
    help = ("Menambahkan pengadilan: situs, beranda dan bagian-bagiannya, koleksi, enam grup peran, alur redaksi, "
            "pengaturan, jam kerja, arsip monev dan akun Kasubag PTIP pertama. Aman dijalankan berulang kali.")

    def add_arguments(self, parser):
        parser.add_argument("name", help="Pengadilan Agama Contoh")
        parser.add_argument("--type", dest="court_type", required=True, help="PN, PA, PTUN, PM, PT, PTA, ...")
        parser.add_argument("--domain", required=True, help="pa-contoh.go.id (atau host:port)")
        parser.add_argument("--short-name", default="", help="PA Contoh")
        parser.add_argument("--appellate", default="", help="domain pengadilan tingkat bandingnya")
        parser.add_argument("--kasubag-email", default="")
        parser.add_argument("--kasubag-username", default="")

    def handle(self, *args, **options):
        from cms import court_types

        appellate = None
        if options["appellate"]:
            host, _sep, port = options["appellate"].partition(":")
            appellate = Site.objects.filter(hostname=host, port=int(port) if port.isdigit() else 80).first()
            if appellate is None:
                raise CommandError(_("Pengadilan tingkat banding %(host)s tidak ada.") % {"host": options["appellate"]})
        court_type = court_types.lookup(options["court_type"])
        form = AddCourtForm(data={
            "name": options["name"], "court_type": court_type.code if court_type else options["court_type"],
            "domain": options["domain"], "short_name": options["short_name"],
            "appellate_court": appellate.pk if appellate else "", "kasubag_email": options["kasubag_email"],
            "kasubag_username": options["kasubag_username"],
        })
        if not form.is_valid():
            problems = [f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
                        for field, errors in form.errors.items()]
            raise CommandError("\n".join(problems))
        # Wagtail logs every page it creates and publishes; the summary below is enough here.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            onboarding = add_court(form.spec())
        except SiteTaken as error:
            raise CommandError(_("Domain %(host)s sudah dipakai pengadilan lain.") % {"host": error}) from error
        finally:
            wagtail_logger.setLevel(level)
        if onboarding.made:
            self.stdout.write(self.style.SUCCESS(_("%(court)s ditambahkan:") % {"court": form.spec().name}))
            for line in onboarding.made:
                self.stdout.write(f"  {line}")
        else:
            self.stdout.write(_("%(court)s sudah lengkap; tidak ada yang diubah.") % {"court": form.spec().name})
        if onboarding.invitation_sent:
            self.stdout.write(_("Undangan dikirim ke %(email)s.") % {"email": onboarding.spec.kasubag_email})
