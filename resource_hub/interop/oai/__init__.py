"""OAI-PMH 2.0 data provider (https://www.openarchives.org/OAI/openarchivesprotocol.html).

`views` reads the request and answers, `verbs` holds one function per verb,
`selectors` reads records as an anonymous visitor sees them (and the tombstones
of records once released), `tokens` signs resumption tokens, `formats` holds the
metadata formats as data.
"""
