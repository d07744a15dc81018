"""Running the site: checks of a deployment's services (`manage.py preflight`).

Above every other app (it reads the database, the object store, the search
index, e-mail and the task queue), and nothing imports it.
"""
