"""Insights: the user's own check-in history added up, for gentle charts (no Qt, no
matplotlib): connection over time, support coverage, who lifts the mood, each flexible
plan's rhythm, and a plain sentence for each."""
