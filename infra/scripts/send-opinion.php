<?php
/*
 * Sends a citizen's opinion to the Đối thoại webhook, signed as the contract asks (Standard Webhooks):
 * HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<exact body bytes>", key = base64-decoded part of the
 * commune's secret after "whsec_". PHP 7.2+ with no extension beyond the defaults (hash, json; no curl), so
 * it drops into a NukeViet module or any portal page as is.
 *
 *   php send-opinion.php SECRET [URL] < opinion.json
 *
 * In a portal: call doithoai_send($secret, $url, $opinionArray) from the form's handler and show the
 * tracking code it returns. Keep $secret in the portal's configuration, never in a page.
 * Set WEBHOOK_ID (environment) to resend the same delivery (a retry): it then has one effect, as a retry must.
 */

/** The three headers of a delivery of $body (the exact bytes that will be sent). */
function doithoai_sign(string $secret, string $webhookId, int $timestamp, string $body): array
{
    $key = strpos($secret, 'whsec_') === 0 ? base64_decode(substr($secret, 6), true) : $secret;
    if ($key === false) {
        throw new InvalidArgumentException('secret: whsec_ followed by base64');
    }
    $mac = base64_encode(hash_hmac('sha256', $webhookId . '.' . $timestamp . '.' . $body, $key, true));
    return [
        'webhook-id' => $webhookId,
        'webhook-timestamp' => (string) $timestamp,
        'webhook-signature' => 'v1,' . $mac,
    ];
}

/**
 * Posts $body (a JSON string, or an array to encode) signed with $secret; returns [HTTP status, decoded answer].
 * 202: new opinion; 200: this webhook-id was already received (same answer); 4xx: see answer['error'].
 */
function doithoai_send(string $secret, string $url, $body, ?string $webhookId = null): array
{
    if (is_array($body)) {
        $body = json_encode($body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }
    $webhookId = $webhookId ?? 'msg_' . bin2hex(random_bytes(12));
    $headers = doithoai_sign($secret, $webhookId, time(), $body); // time(): the real clock, as the server checks
    $lines = ['content-type: application/json'];
    foreach ($headers as $name => $value) {
        $lines[] = $name . ': ' . $value;
    }
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => implode("\r\n", $lines),
        'content' => $body,
        'ignore_errors' => true, // read the answer of a 4xx too
        'timeout' => 15,
    ]]);
    $answer = file_get_contents($url, false, $context);
    $status = 0;
    foreach ($http_response_header ?? [] as $line) {
        if (preg_match('#^HTTP/\S+\s+(\d{3})#', $line, $m)) {
            $status = (int) $m[1]; // the last status line wins (after any redirect)
        }
    }
    return [$status, $answer === false ? null : json_decode($answer, true)];
}

if (PHP_SAPI === 'cli' && realpath($argv[0]) === __FILE__) {
    if ($argc < 2) {
        fwrite(STDERR, "usage: php send-opinion.php SECRET [URL] < opinion.json\n");
        exit(2);
    }
    $url = $argv[2] ?? 'http://localhost:3000/webhooks/demo/opinions';
    $id = getenv('WEBHOOK_ID') ?: null;
    [$status, $answer] = doithoai_send($argv[1], $url, stream_get_contents(STDIN), $id);
    echo json_encode($answer, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\nHTTP ", $status, "\n";
    exit($status >= 200 && $status < 300 ? 0 : 1);
}
