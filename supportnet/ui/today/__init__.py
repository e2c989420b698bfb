"""The Today page: who might like to hear from you, logging a check-in, message ideas."""
