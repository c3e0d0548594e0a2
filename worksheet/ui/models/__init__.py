"""Thin table models over the deal's lists: concessions, fallbacks, listening and offers."""

from worksheet.ui.models.base import Column, KindRole, ListTableModel, ValueRole
from worksheet.ui.models.concessions import ConcessionsModel
from worksheet.ui.models.fallbacks import FallbacksModel
from worksheet.ui.models.interests import InterestsModel
from worksheet.ui.models.objections import ObjectionsModel
from worksheet.ui.models.offers import OffersModel
from worksheet.ui.models.questions import QuestionsModel

__all__ = [
    "Column",
    "ConcessionsModel",
    "FallbacksModel",
    "InterestsModel",
    "KindRole",
    "ListTableModel",
    "ObjectionsModel",
    "OffersModel",
    "QuestionsModel",
    "ValueRole",
]
