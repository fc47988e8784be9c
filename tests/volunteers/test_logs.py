import csv
import datetime as dt

import pytest

from bot.volunteers.callbacks import CallbackStore, ConsentRequired
from bot.volunteers.log import AssistanceLog
from bot.volunteers.report import by_month, by_procedure, write_report
from bot.volunteers.unanswered import UnansweredLog, question_key

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
LABELS = {"title": "t", "sessions": "s", "sessions_axis": "n", "rate": "r"}


def test_unanswered_questions_are_redacted_grouped_and_ranked(tmp_path):
    log = UnansweredLog(f"sqlite:///{tmp_path / 'app.db'}")
    for text in ["Làm giấy phép câu cá?", "lam giay phep cau ca", "LÀM GIẤY PHÉP  CÂU CÁ?", "sdt toi 0912345678 goi lai"]:
        log.record(text, NOW)
    log.record("", NOW)
    rows = log.most_frequent()
    assert [count for _, count, _, _ in rows] == [3, 1]
    assert rows[0][0] == "Làm giấy phép câu cá?"
    assert "0912345678" not in rows[1][0]
    path = tmp_path / "unanswered.csv"
    assert log.export_csv(path) == 2
    assert b"0912345678" not in (tmp_path / "app.db").read_bytes()
    assert list(csv.reader(path.open(encoding="utf-8-sig")))[1][:2] == ["Làm giấy phép câu cá?", "3"]


def test_question_key_ignores_case_diacritics_and_spacing():
    assert question_key("Đổi  BẰNG lái?") == question_key("doi bang lai?")


def scripted_sessions(log):
    plan = [
        ("2026-09-05", "dang-ky-khai-sinh", "TNV-01", 8, "filed_themselves", 5),
        ("2026-09-12", "dang-ky-tam-tru", None, 3, "needed_staff", 3),
        ("2026-10-02", "dang-ky-khai-sinh", "TNV-01", 8, "filed_themselves", 4),
        ("2026-10-09", "cap-lai-the-can-cuoc", "TNV-02", 8, "filed_themselves", None),
        ("2026-10-20", "cap-lai-the-can-cuoc", None, 2, "gave_up", 2),
        ("2026-11-03", "dang-ky-tam-tru", "TNV-02", 8, "filed_themselves", 5),
        ("2026-11-10", "dang-ky-khai-sinh", None, 5, None, None),
    ]
    for day, procedure, volunteer, step, outcome, rating in plan:
        when = dt.datetime.fromisoformat(day + "T09:00:00+07:00")
        session_id = log.start("rest", procedure, volunteer, when)
        for reached in range(1, step + 1):
            log.reached(session_id, reached)
        if outcome:
            log.finish(session_id, outcome)
        if rating:
            log.rate(session_id, rating)


def test_assistance_log_and_report(tmp_path):
    log = AssistanceLog(f"sqlite:///{tmp_path / 'app.db'}")
    scripted_sessions(log)
    sessions = log.all()
    assert len(sessions) == 7 and max(s.furthest_step for s in sessions) == 8
    months = by_month(sessions)
    assert list(months) == ["2026-09", "2026-10", "2026-11"]
    assert months["2026-10"].as_dict()["self_filing_rate"] == round(2 / 3, 3)
    assert list(by_procedure(sessions))[0] == "dang-ky-khai-sinh"
    log.rate_conversation("zalo", 4, dt.datetime.fromisoformat("2026-11-05T10:00:00+07:00"))
    log.rate_conversation("rest", 1, dt.datetime.fromisoformat("2026-11-06T10:00:00+07:00"))
    paths = write_report(sessions, tmp_path / "report", LABELS, log.ratings())
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    assert paths[3].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    header = next(csv.reader(paths[0].open(encoding="utf-8-sig")))
    assert header[:3] == ["month", "sessions", "filed_themselves"]
    ratings = {row["month"]: row for row in csv.DictReader(paths[2].open(encoding="utf-8-sig"))}
    assert ratings["2026-11"]["guided_ratings"] == "1" and ratings["2026-11"]["guided_average"] == "5.0"
    assert ratings["2026-11"]["conversation_ratings"] == "2" and ratings["2026-11"]["conversation_average"] == "2.5"
    assert ratings["2026-11"]["all_average"] == "3.33"


def test_assistance_log_refuses_bad_values(tmp_path):
    log = AssistanceLog(f"sqlite:///{tmp_path / 'app.db'}")
    session_id = log.start("zalo", "dang-ky-khai-sinh", None, NOW)
    with pytest.raises(ValueError):
        log.finish(session_id, "lost")
    with pytest.raises(ValueError):
        log.rate(session_id, 6)
    with pytest.raises(ValueError):
        log.rate_conversation("rest", 0, NOW)


def test_callbacks_need_consent_and_expire(tmp_path):
    store = CallbackStore(f"sqlite:///{tmp_path / 'app.db'}", retention_days=30)
    with pytest.raises(ConsentRequired):
        store.submit("callback", "hỏi về sổ đỏ", "0912345678", consent=False, now=NOW)
    assert store.pending() == []
    old = store.submit("callback", "hỏi về sổ đỏ", "0912345678", consent=True, now=NOW - dt.timedelta(days=31))
    recent = store.submit("complaint", "trễ hẹn", "0987654321", consent=True, now=NOW, subject="000.00.00.H00-251201-0005")
    assert [c.id for c in store.pending()] == [recent]  # submitting purged the expired one
    assert store.purge(NOW + dt.timedelta(days=31)) == 1
    recent = store.submit("complaint", "trễ hẹn", "", consent=True, now=NOW, subject="000.00.00.H00-251201-0005")
    assert not store.delete(recent[:7]) and not store.delete("")  # a reference is 8 characters
    assert store.delete(recent[:8].upper()) and not store.delete(old)
    assert store.pending() == []


def test_cli_report_unanswered_and_retention(tmp_path, monkeypatch, capsys):
    from bot.volunteers.__main__ import main

    monkeypatch.setenv("APP_DB_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("CALLBACK_RETENTION_DAYS", "7")
    scripted_sessions(AssistanceLog(f"sqlite:///{tmp_path / 'app.db'}"))
    UnansweredLog(f"sqlite:///{tmp_path / 'app.db'}").record("cấp phép nuôi chó", NOW)
    store = CallbackStore(f"sqlite:///{tmp_path / 'app.db'}", 7)
    store.submit("callback", "q", "0900000000", consent=True, now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=8))
    assert main(["report", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "sessions_by_month.png").exists()
    assert main(["unanswered", str(tmp_path / "u.csv")]) == 0
    assert main(["purge"]) == 0
    assert "1 requests older than 7 days deleted" in capsys.readouterr().out
    assert main(["delete", "no-such-id"]) == 1


def test_exports_never_hand_a_formula_to_a_spreadsheet(tmp_path):
    store = CallbackStore(f"sqlite:///{tmp_path / 'app.db'}")
    store.submit("complaint", '=HYPERLINK("http://lua-dao.top","bấm")', "+84912345678", consent=True, now=NOW,
                 subject="@SUM(1+1)")
    store.export_csv(tmp_path / "c.csv")
    row = list(csv.reader((tmp_path / "c.csv").open(encoding="utf-8-sig")))[1]
    assert row[3].startswith("'=") and row[4] == "'+84912345678" and row[5] == "'@SUM(1+1)"
    log = UnansweredLog(f"sqlite:///{tmp_path / 'app.db'}")
    log.record("-2+3 la gi", NOW)
    log.export_csv(tmp_path / "u.csv")
    assert list(csv.reader((tmp_path / "u.csv").open(encoding="utf-8-sig")))[1][0].startswith("'-")
