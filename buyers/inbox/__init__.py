"""The staff's side of "Ask Procure+i": triage, answer, report (admin views in views.py)."""
