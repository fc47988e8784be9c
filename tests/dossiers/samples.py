def dossier_json(**overrides):
    data = {
        "code": "000.31.35.H12-251103-0042",
        "procedure_code": "dang-ky-tam-tru",
        "procedure_name": "Đăng ký tạm trú",
        "applicant_name": "Nguyễn Văn An",
        "applicant_phone": "0912345678",
        "status": "processing",
        "received_at": "2025-11-03T08:15:00+07:00",
        "due_at": "2025-11-06T17:00:00+07:00",
        "finished_at": None,
        "agency": "Công an xã Tuy Phước",
        "note": None,
        "fee": {"amount": 7000, "paid": False, "payment_url": "https://dichvucong.gov.vn/p/thanh-toan?ma=1"},
    }
    data.update(overrides)
    return data
