using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The requests answered, oldest first. It is bounded, so that an emulator left running for days does not
/// grow without end: past <see cref="Capacity"/> the oldest entries go.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    private const string ClientSecretParameter = "client_secret";

    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _entries = new();

    public void Add(EmulatorRequest request, string rawQuery, int? status)
    {
        var entry = new RecordedRequest(request.Method, request.Path, MaskSecrets(rawQuery), status);
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public JArray ToJson()
    {
        var entries = new JArray();
        foreach (var entry in Snapshot())
        {
            entries.Add(new JObject
            {
                ["method"] = entry.Method,
                ["path"] = entry.Path,
                ["query"] = entry.Query,
                ["status"] = entry.Status,
            });
        }

        return entries;
    }

    /// <summary>IMS takes its client secret in the query string too; the log keeps that it was sent, not what.</summary>
    private static string MaskSecrets(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (!query.Contains(ClientSecretParameter, StringComparison.OrdinalIgnoreCase))
        {
            return query;
        }

        var parts = query.Split('&');
        for (var index = 0; index < parts.Length; index++)
        {
            var equals = parts[index].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parts[index] : parts[index][..equals];
            if (string.Equals(Uri.UnescapeDataString(name.Replace('+', ' ')), ClientSecretParameter, StringComparison.OrdinalIgnoreCase))
            {
                parts[index] = name + "=" + SecretMasking.Mask;
            }
        }

        return string.Join("&", parts);
    }
}
