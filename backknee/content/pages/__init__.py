"""One model per page file in content/pages/; PAGE_MODELS says which checks which."""

from __future__ import annotations

from backknee.content.base import Page
from backknee.content.pages.about import AboutPage
from backknee.content.pages.evidence import EvidencePage
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from backknee.content.pages.plan import PlanPage
from backknee.content.pages.posture import PosturePage
from backknee.content.pages.tips import TipsPage
from backknee.content.pages.urgent import UrgentPage
from backknee.content.pages.weight import WeightPage
from backknee.content.pages.welcome import WelcomePage

PAGE_MODELS: dict[str, type[Page]] = {
    "home": HomePage,
    "urgent": UrgentPage,
    "about": AboutPage,
    "posture": PosturePage,
    "weight": WeightPage,
    "muscles": MusclesPage,
    "tips": TipsPage,
    "exercises": ExercisesPage,
    "plan": PlanPage,
    "evidence": EvidencePage,
    "welcome": WelcomePage,
}
"""Which model checks each file in content/pages/. A new page adds its model here."""
