// Sends a citizen's opinion to the Đối thoại webhook, signed as the contract asks (Standard Webhooks):
// HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<exact body bytes>", key = the base64-decoded part of the
// commune's secret after "whsec_". Only the base class library (System.Net.Http, System.Security.Cryptography).
//
//   dotnet run -- SECRET [URL] < opinion.json
//
// In a portal (ASP.NET, SharePoint, DNN): copy DoiThoaiWebhook into the site and call SendAsync from the
// form's handler; keep the secret in the site's configuration. WEBHOOK_ID (environment) resends a delivery.
using System.Security.Cryptography;
using System.Text;

public static class DoiThoaiWebhook
{
    /// <summary>The three headers of a delivery of <paramref name="body"/> (the exact bytes sent).</summary>
    public static IReadOnlyDictionary<string, string> Sign(string secret, string webhookId, long timestamp, byte[] body)
    {
        byte[] key = secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? Convert.FromBase64String(secret.Substring(6))
            : Encoding.UTF8.GetBytes(secret);
        byte[] prefix = Encoding.UTF8.GetBytes(webhookId + "." + timestamp + ".");
        byte[] signed = new byte[prefix.Length + body.Length];
        Buffer.BlockCopy(prefix, 0, signed, 0, prefix.Length);
        Buffer.BlockCopy(body, 0, signed, prefix.Length, body.Length);
        using var hmac = new HMACSHA256(key);
        return new Dictionary<string, string>
        {
            ["webhook-id"] = webhookId,
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = "v1," + Convert.ToBase64String(hmac.ComputeHash(signed)),
        };
    }

    /// <summary>Posts the JSON body signed now (real time, as the server checks); returns status and answer.</summary>
    public static async Task<(int Status, string Answer)> SendAsync(HttpClient http, string secret, string url,
        byte[] body, string? webhookId = null)
    {
        string id = webhookId ?? "msg_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var h in Sign(secret, id, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body))
        {
            request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: dotnet run -- SECRET [URL] < opinion.json");
            return 2;
        }
        string url = args.Length > 1 ? args[1] : "http://localhost:3000/webhooks/demo/opinions";
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        await stdin.CopyToAsync(buffer);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var (status, answer) = await DoiThoaiWebhook.SendAsync(http, args[0], url, buffer.ToArray(),
            Environment.GetEnvironmentVariable("WEBHOOK_ID"));
        Console.OutputEncoding = Encoding.UTF8;
        Console.WriteLine(answer);
        Console.WriteLine("HTTP " + status);
        return status is >= 200 and < 300 ? 0 : 1;
    }
}
