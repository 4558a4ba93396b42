"""Where the files shipped with mailbot (templates, example config, forum registry) live."""
import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]
_INSTALLED = Path(sys.prefix) / "share" / "mailbot"


def shipped(name: str) -> Path:
    """Return the path of a shipped folder or file such as ``templates`` or ``config/fora.toml``.

    A source checkout (also an editable install) is looked at first, then the ``share/mailbot``
    folder a wheel install puts them in. Raises FileNotFoundError when neither has it.
    """
    for root in (_CHECKOUT, _INSTALLED):
        candidate = root / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"shipped file not found: {name} (looked in {_CHECKOUT} and {_INSTALLED})")


def languages() -> tuple[str, ...]:
    """The languages mailbot writes mail in: the folders of the shipped ``templates`` that hold a
    ``labels.toml``, bokmål (the default) first, e.g. ``("nb", "en")``."""
    found = sorted(path.parent.name for path in shipped("templates").glob("*/labels.toml"))
    return tuple(sorted(found, key=lambda language: language != "nb"))
