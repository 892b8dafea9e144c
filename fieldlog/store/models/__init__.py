"""Every table of FieldLog; importing this package registers them all on Base.metadata."""

from fieldlog.store.models.attachment import Attachment, AttachmentFile
from fieldlog.store.models.base import META_COLUMNS, Base, LocalState, Replicated
from fieldlog.store.models.bureau import (
    BureauTeam,
    LeadAssignment,
    OrgIdentity,
    RecordTeam,
    SameOrg,
)
from fieldlog.store.models.draft import Draft
from fieldlog.store.models.history import FieldChange
from fieldlog.store.models.org import Contact, OrgAlias, Organization, OrgTag
from fieldlog.store.models.sync_state import (
    AppliedPackage,
    DuplicateCandidate,
    SyncConflict,
    SyncPeer,
)
from fieldlog.store.models.team import CatalogItem, Chain, ChainLink, Member, Team, WorkGroup
from fieldlog.store.models.work import (
    CoordinationMatter,
    FundsTranche,
    Project,
    StageEvent,
    Target,
    Visit,
    VisitContact,
    VisitVisitor,
)

#: Replicated tables in an order where references point backwards (for dumps and merges).
REPLICATED_MODELS: tuple[type[Replicated], ...] = (
    Team,
    CatalogItem,
    Chain,
    ChainLink,
    WorkGroup,
    Member,
    Organization,
    OrgTag,
    OrgAlias,
    Contact,
    Project,
    Visit,
    VisitVisitor,
    VisitContact,
    StageEvent,
    FundsTranche,
    Target,
    CoordinationMatter,
    LeadAssignment,
    Attachment,
)

__all__ = [
    "META_COLUMNS",
    "REPLICATED_MODELS",
    "AppliedPackage",
    "Attachment",
    "AttachmentFile",
    "Base",
    "BureauTeam",
    "CatalogItem",
    "Chain",
    "ChainLink",
    "Contact",
    "CoordinationMatter",
    "Draft",
    "DuplicateCandidate",
    "FieldChange",
    "FundsTranche",
    "LeadAssignment",
    "LocalState",
    "Member",
    "OrgAlias",
    "OrgIdentity",
    "OrgTag",
    "Organization",
    "Project",
    "RecordTeam",
    "Replicated",
    "SameOrg",
    "StageEvent",
    "SyncConflict",
    "SyncPeer",
    "Target",
    "Team",
    "Visit",
    "VisitContact",
    "VisitVisitor",
    "WorkGroup",
]
