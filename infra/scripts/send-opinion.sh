#!/usr/bin/env bash
# Sends a citizen's opinion to the Đối thoại webhook the way a commune website must: Standard Webhooks
# headers and an HMAC-SHA256 signature of "<webhook-id>.<webhook-timestamp>.<exact body bytes>".
#
#   infra/scripts/send-opinion.sh SECRET [URL] < opinion.json
#
# SECRET is the commune's webhook secret (whsec_<base64>); URL defaults to the local runtime's demo commune.
# Set WEBHOOK_ID to resend the same delivery (a retry); a new id is made otherwise.
set -euo pipefail
secret="${1:?usage: send-opinion.sh SECRET [URL] < body.json}"
url="${2:-http://localhost:3000/webhooks/demo/opinions}"
content_type="${CONTENT_TYPE:-application/json}"

body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT
cat > "$body_file"                                  # the exact bytes that are signed and sent

id="${WEBHOOK_ID:-msg_$(date +%s)_$RANDOM$RANDOM}"
ts="$(date +%s)"
if [[ "$secret" == whsec_* ]]; then
  key_hex="$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
else
  key_hex="$(printf '%s' "$secret" | od -An -v -tx1 | tr -d ' \n')"
fi
signature="$( { printf '%s.%s.' "$id" "$ts"; cat "$body_file"; } \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64 )"

curl -sS -X POST "$url" \
  -H "content-type: $content_type" \
  -H "webhook-id: $id" \
  -H "webhook-timestamp: $ts" \
  -H "webhook-signature: v1,$signature" \
  --data-binary "@$body_file" \
  -w '\nHTTP %{http_code}\n'
