"""Usage statistics counted the COUNTER Release 5.1 way.

`recording.record_event` on the request path (one INSERT), the rules in
`counting.py`, the daily rows made by `aggregation.py` (task in `tasks.py`,
command `stats_aggregate`), and the figures people see in `selectors.py`.
"""
