"""Personal-data protection (Nghị định 13/2023/NĐ-CP): redaction before logs and storage."""
