"""Rasa SDK action server: one module per feature, coordination only."""
