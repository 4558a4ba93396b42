"""mailbot: the email side of UDI's international coordination (IM 2011-013)."""
