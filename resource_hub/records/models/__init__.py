from .base import (
    AccessLevel,
    CreatorRole,
    RecordCreator,
    RecordFile,
    RecordKeyword,
    RecordPage,
    RecordRelation,
    RecordTranslation,
)
from .collections import CuratedCollectionItem, CuratedCollectionPage
from .cooperation import PartyRole, RecordParty
from .types import AchievementPage, TeachingResourcePage

__all__ = [
    "AccessLevel",
    "AchievementPage",
    "CreatorRole",
    "CuratedCollectionItem",
    "CuratedCollectionPage",
    "RecordCreator",
    "RecordFile",
    "PartyRole",
    "RecordKeyword",
    "RecordPage",
    "RecordParty",
    "RecordRelation",
    "RecordTranslation",
    "TeachingResourcePage",
]
