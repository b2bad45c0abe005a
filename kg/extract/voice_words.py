"""The words of the document's voice (`kg/patterns/voice.json`), loaded once: genres of titles, proxy roles,
first-person pronouns, official sources, plural group nouns, participation cues and office aliases."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.gazetteer import PATTERNS_DIR


@dataclass(frozen=True)
class VoiceWords:
    genres: tuple[str, ...]
    author_preps: frozenset[str]
    title_cut_words: frozenset[str]
    proxy_roles: tuple[str, ...]
    first_singular: frozenset[str]
    first_plural: frozenset[str]
    official_words: tuple[str, ...]
    official_hosts: frozenset[str]
    group_nouns: frozenset[str]
    group_determiners: frozenset[str]
    joint_genres: tuple[str, ...]
    participation_cues: tuple[str, ...]
    office_aliases: dict
    person_group_nouns: frozenset[str]


@lru_cache(maxsize=1)
def voice_words() -> VoiceWords:
    data = json.loads((PATTERNS_DIR / "voice.json").read_text(encoding="utf-8"))
    return VoiceWords(
        genres=tuple(sorted(data["genres"], key=len, reverse=True)),
        author_preps=frozenset(data["author_preps"]),
        title_cut_words=frozenset(data["title_cut_words"]),
        proxy_roles=tuple(data["proxy_roles"]),
        first_singular=frozenset(data["first_singular"]),
        first_plural=frozenset(data["first_plural"]),
        official_words=tuple(data["official_words"]),
        official_hosts=frozenset(data["official_hosts"]),
        group_nouns=frozenset(data["group_nouns"]),
        group_determiners=frozenset(data["group_determiners"]),
        joint_genres=tuple(data["joint_genres"]),
        participation_cues=tuple(data["participation_cues"]),
        office_aliases=dict(data["office_aliases"]),
        person_group_nouns=frozenset(data["person_group_nouns"]),
    )
