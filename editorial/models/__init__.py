"""Editorial review (SOP B & C): workflow tasks, Mutu Baku time standards, court calendar, step timings."""

from .calendar import Holiday, WorkingHours  # noqa: F401
from .standards import MutuBaku  # noqa: F401
from .tasks import KoreksiRedakturTask, PersetujuanKasubagTask  # noqa: F401
from .timing import StepRecord  # noqa: F401
