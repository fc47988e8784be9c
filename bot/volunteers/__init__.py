"""Đề án 5299 support: assistance log and reports, unanswered questions, call-backs."""
