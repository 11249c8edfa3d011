"""The case studies' taxonomy in fixtures/taxonomy.toml: procedure types and sectors."""

from casestudies.models import ProcedureType, Sector


def load(loader):
    data = loader.read("taxonomy.toml")
    loader.load_keyed(ProcedureType, data.get("procedure_type", []))
    loader.load_keyed(Sector, data.get("sector", []))
