"""Procedure knowledge base: model, loading, validation, store and search."""
