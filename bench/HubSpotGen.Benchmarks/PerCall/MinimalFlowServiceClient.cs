using System.Text;
using Newtonsoft.Json;

namespace HubSpotGen.Benchmarks.PerCall;

/// <summary>
/// What a careful person writes by hand for the two calls: HttpClient, Newtonsoft.Json, plain DTOs, the
/// same request on the wire (Accept and Content-Type application/json) and no error mapping beyond a
/// status check. It is the floor the generated client is measured against.
/// </summary>
internal sealed class MinimalFlowServiceClient(HttpClient httpClient)
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    private readonly string _baseUrl = httpClient.BaseAddress!.AbsoluteUri.TrimEnd('/');

    public async Task<EntityReferenceDto> CreateConnectionAsync(CreateConnectionDto body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _baseUrl + "/connections");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = new StringContent(JsonConvert.SerializeObject(body, Settings), Encoding.UTF8, "application/json");
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync<EntityReferenceDto>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConnectionListDto> GetConnectionAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + "/connections/" + connectionId.ToString("D"));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync<ConnectionListDto>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var json = new JsonTextReader(reader);
        return Serializer.Deserialize<T>(json) ?? throw new InvalidOperationException("The response had no body.");
    }
}

public sealed class CreateConnectionDto
{
    [JsonProperty("name")] public required string Name { get; init; }
    [JsonProperty("description")] public string? Description { get; init; }
    [JsonProperty("auth")] public required AuthDto Auth { get; init; }
    [JsonProperty("connectionSpec")] public required SpecReferenceDto ConnectionSpec { get; init; }
}

public sealed class AuthDto
{
    [JsonProperty("specName")] public required string SpecName { get; init; }
    [JsonProperty("params")] public required Dictionary<string, string> Params { get; init; }
}

public sealed class SpecReferenceDto
{
    [JsonProperty("id")] public Guid Id { get; init; }
    [JsonProperty("version")] public string? Version { get; init; }
}

public sealed class EntityReferenceDto
{
    [JsonProperty("id")] public Guid Id { get; init; }
    [JsonProperty("etag")] public string? Etag { get; init; }
}

public sealed class ConnectionListDto
{
    [JsonProperty("items")] public List<ConnectionDto>? Items { get; init; }
}

public sealed class ConnectionDto
{
    [JsonProperty("id")] public Guid Id { get; init; }
    [JsonProperty("createdAt")] public long? CreatedAt { get; init; }
    [JsonProperty("updatedAt")] public long? UpdatedAt { get; init; }
    [JsonProperty("createdBy")] public string? CreatedBy { get; init; }
    [JsonProperty("updatedBy")] public string? UpdatedBy { get; init; }
    [JsonProperty("createdClient")] public string? CreatedClient { get; init; }
    [JsonProperty("updatedClient")] public string? UpdatedClient { get; init; }
    [JsonProperty("sandboxId")] public string? SandboxId { get; init; }
    [JsonProperty("sandboxName")] public string? SandboxName { get; init; }
    [JsonProperty("imsOrgId")] public string? ImsOrgId { get; init; }
    [JsonProperty("name")] public string? Name { get; init; }
    [JsonProperty("description")] public string? Description { get; init; }
    [JsonProperty("connectionSpec")] public SpecReferenceDto? ConnectionSpec { get; init; }
    [JsonProperty("state")] public string? State { get; init; }
    [JsonProperty("auth")] public AuthDto? Auth { get; init; }
    [JsonProperty("version")] public string? Version { get; init; }
    [JsonProperty("etag")] public string? Etag { get; init; }
}
