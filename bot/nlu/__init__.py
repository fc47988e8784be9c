"""Rasa graph components: thin wrappers over ``bot.text`` and ``bot.knowledge``."""
