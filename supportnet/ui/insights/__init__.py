"""The Insights page: gentle charts of the user's own history, each with its sentence, a
table to read instead, and a way to save it."""
