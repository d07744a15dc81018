"""E-mail notifications and the signed-in person's account: header menu, landing, settings.

Built on the desk (it reads the desk's review queue and membership rows) and
on Wagtail's workflow: it subscribes to Wagtail's workflow signals and to the
desk's membership signals, so neither the records app nor the desk imports it.
"""
