"""Display vocabulary: entity classes and relations, their Arabic names, colours and shapes."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graph.vocab import RASD, SCHEMA


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How one legend group is drawn: Arabic and English name, colour, vis-network shape."""

    key: str
    ar: str
    en: str
    color: str
    shape: str


#: Legend groups, in legend order.  Place, Country, City and AdministrativeArea share one.
GROUPS: tuple[ClassStyle, ...] = (
    ClassStyle("Person", "شخص", "Person", "#1f77b4", "dot"),
    ClassStyle("Organization", "منظمة", "Organization", "#d62728", "square"),
    ClassStyle("Place", "مكان", "Place", "#2ca02c", "triangle"),
    ClassStyle("Platform", "منصة", "Platform", "#9467bd", "diamond"),
    ClassStyle("UnnamedSource", "مصدر غير مسمى", "Unnamed source", "#7f7f7f", "triangleDown"),
    ClassStyle("CreativeWork", "عمل منشور", "Creative work", "#ff7f0e", "star"),
    ClassStyle("Event", "حدث", "Event", "#8c564b", "hexagon"),
)
GROUP_BY_KEY: dict[str, ClassStyle] = {g.key: g for g in GROUPS}

#: Entity classes of the contract, most specific first (a node with several types shows the first).
ENTITY_CLASSES: tuple[tuple[URIRef, str, str, str], ...] = (
    # (class IRI, class key, legend group, Arabic name of the class itself)
    (SCHEMA.Event, "Event", "Event", "حدث"),
    (SCHEMA.Person, "Person", "Person", "شخص"),
    (RASD.UnnamedSource, "UnnamedSource", "UnnamedSource", "مصدر غير مسمى"),
    (RASD.Platform, "Platform", "Platform", "منصة"),
    (SCHEMA.Organization, "Organization", "Organization", "منظمة"),
    (SCHEMA.CreativeWork, "CreativeWork", "CreativeWork", "عمل منشور"),
    (SCHEMA.City, "City", "Place", "مدينة"),
    (SCHEMA.Country, "Country", "Place", "دولة"),
    (SCHEMA.AdministrativeArea, "AdministrativeArea", "Place", "منطقة إدارية"),
    (SCHEMA.Place, "Place", "Place", "مكان"),
)
CLASS_RANK: dict[URIRef, int] = {c[0]: i for i, c in enumerate(ENTITY_CLASSES)}
CLASS_KEY: dict[URIRef, str] = {c[0]: c[1] for c in ENTITY_CLASSES}
CLASS_GROUP: dict[str, str] = {c[1]: c[2] for c in ENTITY_CLASSES}
CLASS_AR: dict[str, str] = {c[1]: c[3] for c in ENTITY_CLASSES}


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """How one relation is labelled: Arabic label, English name, whether it is drawn dashed."""

    key: str
    ar: str
    en: str
    dashes: bool = False


RELATIONS: dict[URIRef, RelationStyle] = {
    RASD.usesPlatform: RelationStyle("usesPlatform", "يستخدم منصة", "uses platform"),
    RASD.actedAgainst: RelationStyle("actedAgainst", "اتخذ إجراءً ضد", "acted against"),
    RASD.affiliatedWith: RelationStyle("affiliatedWith", "منتسب إلى", "affiliated with"),
    RASD.nationality: RelationStyle("nationality", "الجنسية", "nationality"),
    RASD.leaderOf: RelationStyle("leaderOf", "يقود", "leader of"),
    RASD.controls: RelationStyle("controls", "يسيطر على", "controls"),
    RASD.lostControlOf: RelationStyle("lostControlOf", "فقد السيطرة على", "lost control of"),
    RASD.regainedControlOf: RelationStyle(
        "regainedControlOf", "استعاد السيطرة على", "regained control of"
    ),
    RASD.operatesIn: RelationStyle("operatesIn", "ينشط في", "operates in"),
    RASD.partOf: RelationStyle("partOf", "جزء من", "part of"),
    SCHEMA.location: RelationStyle("location", "وقع في", "location"),
    RASD.coMention: RelationStyle("coMention", "ذُكرا معًا", "co-mentioned", dashes=True),
}
#: Pseudo-relations drawn from claims.
CLAIM_ABOUT = RelationStyle("claimAbout", "صرّح عن", "made a claim about")
CLAIM_AUTHOR = RelationStyle("author", "قائل", "claim author")
CLAIM_SUBJECT = RelationStyle("about", "عن", "claim about")

COMMUNITY_COLORS: tuple[str, ...] = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#46f0f0",
    "#f032e6",
    "#bcf60c",
    "#008080",
    "#9a6324",
    "#800000",
    "#808000",
    "#000075",
    "#fabebe",
    "#aaffc3",
    "#ffd8b1",
)
CLAIM_NODE_COLOR = "#bbbbbb"
