"""The domain's Swedish labels, made known to the translation catalogue.

`domain/` stays free of Django, so its labels (statuses, roles, the assessment scale) are
Swedish strings; they are the message ids. Templates show them with
`{% translate value.label %}`, which looks the string up in the catalogue at run time.
A test checks that every domain label is listed here.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

DOMAIN_LABELS = (
    # domain.workflow.Status
    gettext_noop("Utkast"),
    gettext_noop("Klarmarkerad"),
    gettext_noop("Godkänd"),
    # domain.workflow.Role
    gettext_noop("Läsare"),
    gettext_noop("Skribent"),
    gettext_noop("Granskare"),
    gettext_noop("Administratör"),
    # domain.model.Assessment
    gettext_noop("Uppnåtts"),
    gettext_noop("Delvis uppnåtts"),
    gettext_noop("Ej uppnåtts"),
    # domain.model.TermOutlook
    gettext_noop("Förväntas leda till önskad förflyttning"),
    gettext_noop("Förväntas inte leda till önskad förflyttning"),
    # domain.model.AssignmentStatus
    gettext_noop("Ej påbörjat"),
    gettext_noop("Pågår"),
    gettext_noop("Genomfört"),
    gettext_noop("Återrapporterat"),
    # domain.model.PeriodKind
    gettext_noop("Delårsrapport"),
    gettext_noop("Årsanalys"),
)
