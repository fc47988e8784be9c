"""Rasa graph components: thin wrappers over ``bot.text`` and ``bot.knowledge``.

Importing this package (Rasa does when it loads a model that uses our
components) also installs the one Rasa fix in ``bot.rasa_compat``.
"""

from bot.rasa_compat import install as _install_rasa_compat

_install_rasa_compat()
