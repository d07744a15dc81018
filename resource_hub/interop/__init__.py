"""Exchange with other systems: the OAI-PMH data provider at /oai (issue 13)."""
