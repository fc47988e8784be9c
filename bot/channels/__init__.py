"""Rasa input/output channels (Zalo OA; Messenger on Rasa's connector, made strict)."""
