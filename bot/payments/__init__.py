"""Official online-payment links: the one allow-list and its policy."""
