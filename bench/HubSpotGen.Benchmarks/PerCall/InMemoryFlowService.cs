using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HubSpotGen.Benchmarks.PerCall;

/// <summary>
/// The transport at the end of each client's pipeline: answers in memory, with no sockets, the way Flow
/// Service answers, as Adobe documents it. POST /connections gets 201 with {id, etag} and a
/// Location; GET /connections/{id} gets 200 with the documented {items:[connection]} envelope. Every call
/// gets a new response (the caller disposes it); only the body bytes are shared.
/// </summary>
internal sealed class InMemoryFlowService : HttpMessageHandler
{
    public static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");
    public static readonly Guid CreatedId = Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129");
    public const string CreatedEtag = "\"d403848a-0000-0200-0000-5e978f7b0000\"";
    public const string ConnectionEtag = "\"6802064a-0000-0200-0000-6387c6b90000\"";

    private static readonly byte[] CreatedBody = Encoding.UTF8.GetBytes(
        "{\"id\":\"2fce94c1-9a93-4971-8e94-c19a93097129\",\"etag\":\"\\\"d403848a-0000-0200-0000-5e978f7b0000\\\"\"}");

    private static readonly byte[] ConnectionBody = Encoding.UTF8.GetBytes("""
        {
          "items": [{
            "id": "69f188b6-af07-4587-8061-e94d34637b41",
            "createdAt": 1668637963851, "updatedAt": 1668637963851,
            "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "updatedBy": "28AF22BA5DE6B0B40A494036@AdobeID",
            "createdClient": "exc_app", "updatedClient": "exc_app",
            "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "sandboxName": "prod",
            "imsOrgId": "5C1328435BF324E90A49402A@AdobeOrg",
            "name": "HubSpot base connection", "description": "optional text",
            "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" },
            "state": "enabled",
            "auth": { "specName": "Basic Authentication", "params": { "clientId": "{CLIENT_ID}", "clientSecret": "{CLIENT_SECRET}", "accessToken": "{ACCESS_TOKEN}", "refreshToken": "{REFRESH_TOKEN}" } },
            "version": "\"6802064a-0000-0200-0000-6387c6b90000\"",
            "etag": "\"6802064a-0000-0200-0000-6387c6b90000\""
          }]
        }
        """);

    private static readonly Uri CreatedLocation = new("https://platform.adobe.io/data/foundation/flowservice/connections/2fce94c1-9a93-4971-8e94-c19a93097129");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A real transport writes the body out; reading it here makes a client that serializes lazily pay
        // what it would pay on the wire. For the string bodies all three clients send this completes at once.
        if (request.Content is { } content)
        {
            var copy = content.CopyToAsync(Stream.Null, cancellationToken);
            if (!copy.IsCompletedSuccessfully)
            {
                return RespondAfter(copy, request);
            }
        }

        return Task.FromResult(Respond(request));
    }

    private static async Task<HttpResponseMessage> RespondAfter(Task copy, HttpRequestMessage request)
    {
        await copy.ConfigureAwait(false);
        return Respond(request);
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path.EndsWith("/connections", StringComparison.Ordinal))
        {
            var created = Json(HttpStatusCode.Created, CreatedBody, request);
            created.Headers.Location = CreatedLocation;
            return created;
        }

        if (request.Method == HttpMethod.Get && path.Contains("/connections/", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, ConnectionBody, request);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, byte[] body, HttpRequestMessage request)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
