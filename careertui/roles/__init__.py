"""O*NET role library: skill and knowledge elements, occupations and their ratings."""

from careertui.roles.library import (
    Element,
    JobZone,
    Occupation,
    Rating,
    RoleLibrary,
    load_library,
)

__all__ = ["Element", "JobZone", "Occupation", "Rating", "RoleLibrary", "load_library"]
