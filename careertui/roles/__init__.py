"""O*NET role library: skill and knowledge elements, occupations, their ratings and search."""

from careertui.roles.library import (
    Element,
    JobZone,
    Occupation,
    Rating,
    RoleLibrary,
    RoleMatch,
    load_library,
)

__all__ = ["Element", "JobZone", "Occupation", "Rating", "RoleLibrary", "RoleMatch",
           "load_library"]
