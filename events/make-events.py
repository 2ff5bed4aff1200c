#!/usr/bin/env python3
"""Writes the sample API Gateway HTTP API (payload 2.0) events in this folder.

The webhook events are signed (Standard Webhooks) with the test secret below at a fixed timestamp; the
handler tests run with a clock fixed at that instant. Run again after changing a route: python3 make-events.py
"""
import base64, hashlib, hmac, json, urllib.parse

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"   # the Standard Webhooks documentation's example key
TIMESTAMP = 1763773200                              # 2025-11-22T01:00:00Z
COMMUNE = "demo"

def sign(msg_id, body: bytes):
    key = base64.b64decode(SECRET[len("whsec_"):])
    mac = hmac.new(key, f"{msg_id}.{TIMESTAMP}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()

def event(method, path_template, path_params=None, body=None, b64=False, headers=None, claims=None, query=None):
    path = path_template
    for k, v in (path_params or {}).items():
        path = path.replace("{" + k + "}", v)
    route = f"{method} {path_template}"
    ctx = {"accountId": "000000000000", "apiId": "local", "domainName": "localhost", "domainPrefix": "localhost",
           "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                    "userAgent": "curl/8.0"},
           "requestId": "req-" + hashlib.sha1(route.encode()).hexdigest()[:12], "routeKey": route,
           "stage": "$default", "time": "22/Nov/2025:01:00:00 +0000", "timeEpoch": TIMESTAMP * 1000}
    if claims is not None:
        ctx["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    e = {"version": "2.0", "routeKey": route, "rawPath": path,
         "rawQueryString": urllib.parse.urlencode(query or {}),
         "headers": {"host": "localhost", **(headers or {})}, "requestContext": ctx,
         "pathParameters": path_params, "isBase64Encoded": b64}
    if query:
        e["queryStringParameters"] = query
    if body is not None:
        e["body"] = base64.b64encode(body).decode() if b64 else body.decode()
    return e

def staff(role, agency=None, commune=COMMUNE):
    c = {"sub": f"local-{role}", "name": f"Cán bộ {role}", "commune": commune, "roles": f"[{role}]",
         "iss": "doithoai-local", "aud": "doithoai"}
    if agency:
        c["agency"] = agency
    return c

def write(name, e):
    with open(name + ".json", "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=2)
        f.write("\n")

# the version of the privacy notice the website showed (vn.doithoai.core.privacy.PrivacyNotice.current().version())
NOTICE = "2026-01.375f862faf09"
opinion = {"content": "Đường liên thôn Nà Pàn xuống cấp, đề nghị xã sửa chữa trước mùa mưa.",
           "field": "infrastructure", "name": "Hoàng Văn Dũng", "email": "dung.hv@example.vn",
           "phone": "0912 345 678", "village": "Thôn Nà Pàn", "consentToPublish": False,
           "consent": True, "privacyNotice": NOTICE}
body = json.dumps(opinion, ensure_ascii=False).encode()
write("webhook-json", event("POST", "/webhooks/{commune}/opinions", {"commune": COMMUNE}, body, headers={
    "content-type": "application/json", "webhook-id": "msg_2Kq1dT9xYzJSON",
    "webhook-timestamp": str(TIMESTAMP), "webhook-signature": sign("msg_2Kq1dT9xYzJSON", body)}))
form = urllib.parse.urlencode({"content": "Xin hỏi thời hạn cấp giấy chứng nhận quyền sử dụng đất tại Trung tâm "
                               "Phục vụ hành chính công.", "field": "land", "name": "Lý Thị Mai",
                               "phone": "0987654321", "consentToPublish": "on"}).encode()
write("webhook-form-base64", event("POST", "/webhooks/{commune}/opinions", {"commune": COMMUNE}, form, b64=True,
      headers={"content-type": "application/x-www-form-urlencoded; charset=UTF-8", "webhook-id": "msg_2Kq1dT9xYzFORM",
               "webhook-timestamp": str(TIMESTAMP), "webhook-signature": sign("msg_2Kq1dT9xYzFORM", form)}))
# ---- the citizens' side: the commune's page, the hosted form (no proof of work here: kept for a clerk) ----
write("public-commune-page", event("GET", "/public/{commune}", {"commune": COMMUNE}, headers={"accept": "text/html"}))
write("public-form-page", event("GET", "/public/{commune}/gui-y-kien", {"commune": COMMUNE},
      headers={"accept": "text/html"}))
write("public-form-script", event("GET", "/public/{commune}/pow.js", {"commune": COMMUNE}))
write("public-lookup", event("GET", "/public/{commune}/tra-cuu", {"commune": COMMUNE}, query={"ma": "DT-0000-0000"}))
write("public-poster", event("GET", "/public/{commune}/plans/{planId}/poster", {"commune": COMMUNE, "planId": "PLAN_ID"},
      headers={"accept": "text/html"}))
hosted = urllib.parse.urlencode({"token": "hW9v0c2Rk3mT4pQx5sLz8aBn", "content": "Đề nghị sửa cầu tràn thôn Khòn Pá "
                                 "trước mùa mưa.", "field": "infrastructure", "name": "Hà Văn Sơn",
                                 "phone": "0912 000 111", "consent": "true", "privacyNotice": NOTICE,
                                 "dt_web": ""}).encode()
write("public-form-submit", event("POST", "/public/{commune}/opinions", {"commune": COMMUNE}, hosted, b64=True,
      headers={"content-type": "application/x-www-form-urlencoded; charset=UTF-8", "accept": "text/html"}))
write("webhook-bad-signature", event("POST", "/webhooks/{commune}/opinions", {"commune": COMMUNE}, body, headers={
    "content-type": "application/json", "webhook-id": "msg_2Kq1dT9xYzBAD", "webhook-timestamp": str(TIMESTAMP),
    "webhook-signature": "v1," + base64.b64encode(b"\0" * 32).decode()}))
write("public-status", event("GET", "/public/{commune}/opinions/{trackingCode}",
      {"commune": COMMUNE, "trackingCode": "DT-0000-0000"}))
write("public-privacy", event("GET", "/public/{commune}/privacy", {"commune": COMMUNE}, headers={"accept": "text/html"}))

plan = {"year": 2025, "issuer": "party-committee", "number": "12-KH/ĐU",
        "title": "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2025",
        "hosts": [{"position": "Bí thư Đảng ủy, Chủ tịch HĐND xã"}, {"position": "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"}],
        "audience": "Nhân dân các thôn", "villages": ["Thôn Nà Pàn", "Thôn Bản Chắt"],
        "form": "Hội nghị đối thoại tại nhà văn hóa thôn", "period": "Quý IV năm 2025",
        "meetings": [{"id": "m1", "date": "2025-11-20", "venue": "Nhà văn hóa thôn Nà Pàn", "villages": ["Thôn Nà Pàn"]}],
        "participants": ["Ủy ban MTTQ xã", "Văn phòng HĐND và UBND xã"],
        "tasks": [{"unit": "Ủy ban MTTQ xã", "owner": "front", "description": "Tổng hợp ý kiến của Nhân dân",
                   "due": "2025-11-10"}],
        "distribution": ["Văn phòng Tỉnh ủy", "Lưu Văn phòng Đảng ủy"],
        "legalBasis": ["Quyết định số 320-QĐ/TU ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn"],
        "profile": "lang-son-320"}
j = lambda o: json.dumps(o, ensure_ascii=False).encode()
office = staff("office")
# ---- a citizen's data requests through the office (the contact of the webhook sample above) ----
for kind in ["export", "erase"]:
    write("privacy-" + kind, event("POST", "/privacy/requests", None, j({"kind": kind, "contact": "dung.hv@example.vn",
          "reason": "Đơn đề nghị của công dân nộp tại Văn phòng ngày 05/01/2026"}),
          headers={"content-type": "application/json"}, claims=office))
write("privacy-settings", event("GET", "/privacy/settings", None, claims=office))
write("privacy-settings-update", event("PUT", "/privacy/settings", None, j({"retentionMonths": 36}),
      headers={"content-type": "application/json"}, claims=office))
write("plans-create", event("POST", "/plans", None, j(plan), headers={"content-type": "application/json"}, claims=office))
write("plans-list", event("GET", "/plans", None, claims=office, query={"year": "2025"}))
write("plans-get", event("GET", "/plans/{planId}", {"planId": "PLAN_ID"}, claims=office))
write("plans-update", event("PUT", "/plans/{planId}", {"planId": "PLAN_ID"}, j({**plan, "number": "13-KH/ĐU"}),
      headers={"content-type": "application/json"}, claims=office))
write("plans-announce", event("POST", "/plans/{planId}/announce", {"planId": "PLAN_ID"}, j({}), claims=office))
write("plans-reschedule", event("POST", "/plans/{planId}/reschedule", {"planId": "PLAN_ID"},
      j({"meetingId": "m1", "date": "2025-11-27", "reason": "Trùng lịch họp của Huyện ủy"}), claims=office))
write("plans-date-meeting", event("PUT", "/plans/{planId}/meetings/{meetingId}", {"planId": "PLAN_ID", "meetingId": "m1"},
      j({"date": "2025-11-28", "venue": "Hội trường UBND xã", "reason": "Hội trường thôn đang sửa chữa"}),
      headers={"content-type": "application/json"}, claims=office))
write("plans-hold", event("POST", "/plans/{planId}/hold", {"planId": "PLAN_ID"}, j({}), claims=office))
write("plans-complete-deadline", event("POST", "/plans/{planId}/deadlines/complete", {"planId": "PLAN_ID"},
      j({"meetingId": "m1", "rule": "meeting.notice", "note": "Thông báo đã niêm yết tại nhà văn hóa thôn"}),
      claims=office))
write("plans-cancel", event("POST", "/plans/{planId}/cancel", {"planId": "PLAN_ID"},
      j({"reason": "Thay thế bằng kế hoạch khác"}), claims=office))

write("opinions-enter", event("POST", "/opinions", None, j({"channel": "meeting-card", "field": "environment",
      "content": "Bãi rác tự phát cạnh suối Bản Chắt gây ô nhiễm.", "raisers": [{"name": "Nông Văn Thắng",
      "email": "thang.nv@example.vn", "village": "Thôn Bản Chắt"}]}), claims=office))
write("opinions-compiled", event("POST", "/opinions/compiled", None, j({"organisation": "Ủy ban MTTQ xã",
      "channel": "front", "items": [{"content": "Đề nghị lắp đèn chiếu sáng đường trục thôn.", "field":
      "infrastructure", "count": 14}, {"content": "Chậm chi trả trợ cấp người cao tuổi.", "field": "social-policy",
      "count": 3}]}), claims=staff("front")))
write("opinions-list", event("GET", "/opinions", None, claims=office, query={"status": "received"}))
write("opinions-get", event("GET", "/opinions/{opinionId}", {"opinionId": "OPINION_ID"}, claims=office))
write("opinions-triage-accept", event("POST", "/opinions/{opinionId}/triage", {"opinionId": "OPINION_ID"},
      j({"decision": "accept"}), claims=office))
write("opinions-triage-redirect", event("POST", "/opinions/{opinionId}/triage", {"opinionId": "OPINION_ID"},
      j({"decision": "redirect", "kind": "complaint"}), claims=office))
write("opinions-merge", event("POST", "/opinions/{opinionId}/merge", {"opinionId": "OPINION_ID"},
      j({"into": "TARGET_ID"}), claims=office))
write("opinions-forward", event("POST", "/opinions/{opinionId}/forward", {"opinionId": "OPINION_ID"},
      j({"body": "Sở Giao thông vận tải tỉnh Lạng Sơn", "note": "Quốc lộ thuộc thẩm quyền của tỉnh"}), claims=office))
write("opinions-refuse", event("POST", "/opinions/{opinionId}/refuse", {"opinionId": "OPINION_ID"},
      j({"reason": "settled-matter", "note": "Đã trả lời tại Văn bản số 15/UBND ngày 02/3/2025"}), claims=office))
write("opinions-assign", event("POST", "/opinions/{opinionId}/assign", {"opinionId": "OPINION_ID"},
      j({"agency": "phong-kinh-te"}), claims=office))
write("opinions-answer", event("POST", "/opinions/{opinionId}/answer", {"opinionId": "OPINION_ID"},
      j({"text": "Xã đã đưa tuyến đường vào kế hoạch sửa chữa quý I/2026.", "mode": "written", "evidence":
         [{"name": "Công văn số 21/UBND-KT", "url": "https://demo.example.vn/vb/21-ubnd-kt.pdf"}]}),
      claims=staff("agency", agency="phong-kinh-te")))
write("opinions-extend", event("POST", "/opinions/{opinionId}/extend", {"opinionId": "OPINION_ID"},
      j({"until": "2026-01-05", "reason": "Cần khảo sát hiện trạng cùng đơn vị tư vấn"}),
      claims=staff("agency", agency="phong-kinh-te")))
write("opinions-close", event("POST", "/opinions/{opinionId}/close", {"opinionId": "OPINION_ID"}, j({}), claims=office))

commune = {"id": "thien-hoa", "name": "Xã Thiên Hòa", "province": "Lạng Sơn", "profile": "lang-son-320",
           "officeEmail": "vanphong@thienhoa.example.vn", "frontEmail": "mttq@thienhoa.example.vn",
           "agencies": [{"id": "phong-kinh-te", "name": "Phòng Kinh tế", "email": "kinhte@thienhoa.example.vn"}]}
platform = {"sub": "local-platform", "name": "Quản trị hệ thống", "commune": "*", "roles": "[admin]"}
write("communes-register", event("POST", "/communes", None, j(commune), claims=platform))
write("session-current", event("GET", "/session", None, claims=office))
write("session-sign-out", event("DELETE", "/session"))
write("communes-get", event("GET", "/communes/{communeId}", {"communeId": "thien-hoa"}, claims=staff("admin", commune="thien-hoa")))
write("communes-update", event("PUT", "/communes/{communeId}", {"communeId": "thien-hoa"},
      j({**commune, "hostEmail": "chutich@thienhoa.example.vn"}), claims=staff("admin", commune="thien-hoa")))
write("communes-rotate-secret", event("POST", "/communes/{communeId}/webhook-secrets", {"communeId": "thien-hoa"},
      j({"overlapHours": 48}), claims=staff("admin", commune="thien-hoa")))

# ---- deadlines in motion: the functions that are not behind the HTTP API ----
def ddb_record(name, pk, sk, new_doc=None, old_doc=None, seq="100000000000000000001", extra_new=None):
    def image(doc, extra):
        if doc is None and not extra:
            return None
        img = {"pk": {"S": pk}, "sk": {"S": sk}}
        if doc is not None:
            img["doc"] = {"S": json.dumps(doc, ensure_ascii=False)}
        for k, v in (extra or {}).items():
            img[k] = v
        return img
    d = {"ApproximateCreationDateTime": TIMESTAMP, "Keys": {"pk": {"S": pk}, "sk": {"S": sk}},
         "SequenceNumber": seq, "SizeBytes": 512, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    n, o = image(new_doc, extra_new), image(old_doc, None)
    if n: d["NewImage"] = n
    if o: d["OldImage"] = o
    return {"eventID": "evt-" + seq[-4:], "eventName": name, "eventVersion": "1.1", "eventSource": "aws:dynamodb",
            "awsRegion": "ap-southeast-1", "dynamodb": d,
            "eventSourceARN": "arn:aws:dynamodb:ap-southeast-1:000000000000:table/doithoai-prod/stream/2025-11-22T01:00:00.000"}

steps = [{"name": "reminder-1", "kind": "REMINDER", "at": "2025-12-24T01:00:00Z", "to": ["OWNER_HEAD"], "cc": []},
         {"name": "due", "kind": "DUE", "at": "2025-12-29T01:00:00Z", "to": ["OWNER_HEAD"], "cc": []},
         {"name": "escalation-1", "kind": "ESCALATION", "at": "2025-12-30T01:00:00Z", "to": ["OWNER_HEAD"], "cc": ["OFFICE"]}]
deadline = {"planId": "OP", "meetingId": "o_sample", "rule": "answer", "title": "Trả lời ý kiến, kiến nghị của Nhân dân",
            "owner": "agency", "due": "2025-12-29", "dueAt": "2025-12-29T01:00:00Z", "calendarVersion": "vn-2026-11-22.1",
            "version": 3, "commune": COMMUNE, "subject": "DT-AAAA-BBBB (Hạ tầng, giao thông)", "agencyId": "phong-kinh-te",
            "steps": steps}
mail = {"id": "mail#o_sample#ack#v1#dung.hv@example.vn", "commune": COMMUNE, "to": "dung.hv@example.vn", "cc": [],
        "subject": "[Xã Demo] Đã tiếp nhận ý kiến của ông/bà – mã DT-AAAA-BBBB", "text": "Kính gửi ông/bà,",
        "html": None, "kind": "opinion.ack", "createdAt": "2025-11-22T01:00:00Z"}
write("relay-stream", {"Records": [
    ddb_record("INSERT", "MAIL#" + mail["id"], "MAIL", mail, seq="100000000000000000001"),
    ddb_record("MODIFY", "C#" + COMMUNE, "DL#OP#o_sample#answer", deadline, {**deadline, "version": 2},
               seq="100000000000000000002"),
    ddb_record("INSERT", "TRACK#demo#DT-AAAA-BBBB", "TRACK", None, seq="100000000000000000003",
               extra_new={"opinionId": {"S": "o_sample"}})]})

def bus(detail_type, detail, source="doithoai"):
    return {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": detail_type,
            "source": source, "account": "000000000000", "time": "2025-11-22T01:00:00Z", "region": "ap-southeast-1",
            "resources": [], "detail": detail}
write("schedules-deadline-changed", bus("DeadlineChanged", {"version": 1, "commune": COMMUNE,
      "deadlineId": "OP#o_sample#answer", "change": "moved", "before": {**deadline, "version": 2},
      "after": deadline}))
write("redate-commune-rederive", bus("CommuneRederive", {"version": 1, "commune": COMMUNE,
      "changeId": "calendar-1763773200000", "reason": "calendar"}))
write("deadlines-fire", {"commune": COMMUNE, "deadline": "OP#o_sample#answer", "step": "reminder-1", "version": 3})
write("mailer-mail-queued", bus("MailQueued", {"version": 1, "mailId": mail["id"], "commune": COMMUNE,
      "kind": "opinion.ack"}))
write("mailer-ses-bounce", bus("Email Bounced", {"eventType": "Bounce", "bounce": {"bounceType": "Permanent",
      "bounceSubType": "General", "bouncedRecipients": [{"emailAddress": "khong-ton-tai@example.vn"}]},
      "mail": {"messageId": "0100018c-local"}}, source="aws.ses"))
write("mailer-sweep", {"sweep": "outbox"})
write("reconcile-commune", bus("CommuneReconcile", {"version": 1, "commune": COMMUNE, "workId": "2025-11-24"}))
write("reconcile-daily", {"version": "0", "id": "b1f3", "detail-type": "Scheduled Event", "source": "aws.scheduler",
      "account": "000000000000", "time": "2025-11-24T00:00:00Z", "region": "ap-southeast-1", "resources": [],
      "detail": {}})

# ---- calendar: a newly announced swap (platform admin), a commune's year ----
write("calendar-override", event("POST", "/calendar/overrides", None, j({"date": "2026-11-23", "type": "day-off",
      "reason": "Nghỉ hoán đổi dịp Ngày Văn hóa Việt Nam", "source": "Thông báo số …/TB-BNV (ví dụ)"}),
      claims=platform))
write("calendar-year", event("GET", "/calendar/{year}", {"year": "2026"}, claims=office))

# ---- rules: the platform admin confirms an unconfirmed source after checking the text; it escalates from then ----
write("rules-confirm", event("POST", "/rules/{instrumentId}/confirm", {"instrumentId": "qdi-11-2019"},
      j({"source": "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị, đối chiếu văn bản gốc (ví dụ)"}),
      claims=platform))
# ---- the platform admin's monthly usage statement of every commune ----
write("usage-statement", event("GET", "/usage", None, claims=platform, query={"month": "2025-11"}))

# ---- the meeting and the conclusion notice ----
host = staff("host")
write("conclusions-record", event("POST", "/plans/{planId}/meetings/{meetingId}/record",
      {"planId": "PLAN_ID", "meetingId": "m1"}, j({"attendees": 126, "organisations": ["Ủy ban MTTQ xã",
      "Hội Nông dân xã"], "villages": ["Thôn Nà Pàn"], "chair": "Bí thư Đảng ủy xã", "secretary": "Hoàng Thị Lan",
      "speakers": [{"name": "Ông Nông Văn Thắng", "role": "Nhân dân thôn Bản Chắt", "opinion": "OPINION_ID"}],
      "raised": [{"opinion": "OPINION_ID", "answeredAtMeeting": True,
                  "answer": "Xã bố trí kinh phí dọn bãi rác trong tháng 12."}],
      "summary": "Hội nghị nghe báo cáo tình hình kinh tế - xã hội và 12 lượt ý kiến của Nhân dân."}), claims=office))
write("conclusions-draft", event("POST", "/plans/{planId}/meetings/{meetingId}/conclusion",
      {"planId": "PLAN_ID", "meetingId": "m1"}, j({}), claims=office))
write("conclusions-of-plan", event("GET", "/plans/{planId}/conclusions", {"planId": "PLAN_ID"}, claims=office))
write("conclusions-get", event("GET", "/conclusions/{conclusionId}", {"conclusionId": "CONCLUSION_ID"}, claims=office))
write("conclusions-edit", event("PUT", "/conclusions/{conclusionId}", {"conclusionId": "CONCLUSION_ID"},
      j({"signerName": "Vy Xuân Tình", "closing": "Giao Văn phòng Đảng ủy theo dõi, đôn đốc, báo cáo kết quả."}),
      claims=office))
write("conclusions-redact", event("POST", "/conclusions/{conclusionId}/redactions", {"conclusionId": "CONCLUSION_ID"},
      j({"phrase": "Bản Chắt"}), claims=office))
write("conclusions-approve", event("POST", "/conclusions/{conclusionId}/approve", {"conclusionId": "CONCLUSION_ID"},
      j({}), claims=host))
write("conclusions-publish", event("POST", "/conclusions/{conclusionId}/publish", {"conclusionId": "CONCLUSION_ID"},
      j({"date": "2025-12-01"}), claims=office))
write("conclusions-correct", event("POST", "/conclusions/{conclusionId}/correct", {"conclusionId": "CONCLUSION_ID"},
      j({}), claims=office))
write("conclusions-document", event("GET", "/conclusions/{conclusionId}/document", {"conclusionId": "CONCLUSION_ID"},
      claims=office))
# ---- follow-up: the results report, its sending, the carry-over into a new plan ----
write("followup-report", event("GET", "/plans/{planId}/report", {"planId": "PLAN_ID"}, claims=office))
write("followup-send-report", event("POST", "/plans/{planId}/report", {"planId": "PLAN_ID"},
      j({"date": "2025-12-20"}), claims=office))
write("followup-reports", event("GET", "/plans/{planId}/reports", {"planId": "PLAN_ID"}, claims=office))
write("followup-carry-over", event("POST", "/plans/{planId}/carry-over", {"planId": "TARGET_PLAN"},
      j({"from": "PLAN_ID"}), claims=office))
write("followup-statistics", event("GET", "/plans/{planId}/statistics", {"planId": "PLAN_ID"}, claims=office))
write("followup-year-statistics", event("GET", "/statistics/{year}", {"year": "2025"}, claims=office))
write("followup-export-xlsx", event("GET", "/plans/{planId}/exports/{table}", {"planId": "PLAN_ID",
      "table": "assignments"}, claims=office, query={"format": "xlsx"}))
write("followup-meeting-calendar", event("GET", "/plans/{planId}/meetings/{meetingId}/calendar",
      {"planId": "PLAN_ID", "meetingId": "m1"}, claims=office))
write("followup-document-minutes-docx", event("GET", "/plans/{planId}/documents/{kind}", {"planId": "PLAN_ID",
      "kind": "minutes"}, claims=office, query={"format": "docx", "meeting": "m1"}))
write("public-conclusions-feed", event("GET", "/public/{commune}/conclusions", {"commune": COMMUNE}))
write("public-conclusion-page", event("GET", "/public/{commune}/conclusions/{conclusionId}",
      {"commune": COMMUNE, "conclusionId": "CONCLUSION_ID"}))
