"""Who sent what: packages applied and the laptops (nodes) they came from, with member names.

A package's encrypted header names its sender's member and relays the names of the other nodes
its sender knows, so the team leader's laptop can put a name on every node in the conflict log.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.models import AppliedPackage, SyncPeer
from fieldlog.sync.changes import Header


def applied_ids(session: Session, package_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these packages were applied here before."""
    query = select(AppliedPackage.package_id).where(AppliedPackage.package_id.in_(package_ids))
    return set(session.execute(query).scalars())


def mark_applied(
    session: Session,
    *,
    package_id: uuid.UUID,
    sender_node: str,
    header: Header,
    rows: int,
    file_name: str,
    now: datetime,
) -> None:
    """Remember a package as applied (a second import of it is skipped)."""
    session.add(
        AppliedPackage(
            package_id=package_id,
            sender_node=sender_node,
            sender_name=header.member,
            made_at=header.made_at,
            applied_at=now,
            rows=rows,
            file_name=file_name[-400:],
        )
    )


def _peer(session: Session, node: str) -> SyncPeer:
    peer = session.get(SyncPeer, node)
    if peer is None:
        peer = SyncPeer(node_id=node, member_name="", last_rows=0, packages=0)
        session.add(peer)
    return peer


def note_sender(
    session: Session,
    *,
    own_node: str,
    sender_node: str,
    package_id: uuid.UUID,
    header: Header,
    rows: int,
    now: datetime,
) -> None:
    """Update the "last received" overview with a package just applied."""
    for node, name in header.nodes.items():
        if node not in (own_node, sender_node) and name:
            relayed = _peer(session, node)
            relayed.member_name = relayed.member_name or name
    if sender_node == own_node:
        return
    peer = _peer(session, sender_node)
    peer.member_name = header.member or peer.member_name
    peer.packages = (peer.packages or 0) + 1
    peer.last_received_at = now
    newer = peer.last_made_at is None or (
        header.made_at is not None and header.made_at >= peer.last_made_at
    )
    if newer:
        peer.last_package_id, peer.last_made_at, peer.last_rows = package_id, header.made_at, rows


def known_names(session: Session) -> dict[str, str]:
    """Member names of the nodes this laptop has heard of (relayed in its packages)."""
    query = select(SyncPeer.node_id, SyncPeer.member_name).where(SyncPeer.member_name != "")
    return dict(session.execute(query).all())
