"""The demo's second court, "Pengadilan Agama Contoh", onboarded with add_court as any court would be, so
`make run` shows two courts walled off from each other: each with its own site, pages, groups and review."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from core import roles
from core.onboarding import CourtSpec, add_court

from . import DEMO_PASSWORD

NAME = "Pengadilan Agama Contoh"
SHORT_NAME = "PA Contoh"
HOSTNAME = "pa-contoh.localhost"  # *.localhost resolves to 127.0.0.1 without any set-up
# username -> (role, first name, last name)
USERS = {
    "admin-pa": (roles.ADMIN, "Siti", "Rahmawati"),
    "redaktur-pa": (roles.REDAKTUR, "Ahmad", "Fauzi"),
    "kasubag-pa": (roles.KASUBAG, "Rina", "Marlina"),
    "sekretaris-pa": (roles.SEKRETARIS, "Yusuf", "Hidayat"),
}


def load(port):
    """Onboard the second court (idempotent) and give it demo accounts; returns the Onboarding."""
    onboarding = add_court(CourtSpec(name=NAME, short_name=SHORT_NAME, court_type="PA", hostname=HOSTNAME,
                                     port=port))
    User = get_user_model()
    password = None
    for username, (role, first_name, last_name) in USERS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            password = password or make_password(DEMO_PASSWORD)
            user = User.objects.create(username=username, password=password, first_name=first_name,
                                       last_name=last_name, email=f"{username}@pa-contoh.go.id")
            onboarding.note(username)
        user.groups.add(onboarding.groups[role])
    return onboarding
