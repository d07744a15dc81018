"""Endpoints that read across apps (records with search, institutions, collections, vocabularies).

An app's own endpoints live beside its services (search/api.py,
files/api.py); these need more than one app, so they sit above them all.
"""
