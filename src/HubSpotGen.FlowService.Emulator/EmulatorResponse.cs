using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>What an endpoint answers, before it becomes WireMock's response message.</summary>
internal sealed class EmulatorResponse
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private readonly List<KeyValuePair<string, string>> _headers = [];

    private EmulatorResponse(int status, JToken? body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    /// <summary>The JSON body; null for an answer without one (204).</summary>
    public JToken? Body { get; }

    public static EmulatorResponse Json(int status, JToken body) => new(status, body);

    public static EmulatorResponse NoContent() => new(204, null);

    public EmulatorResponse WithHeader(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    public IResponseMessage ToWireMock(string requestId)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _headers)
        {
            headers[header.Key] = new WireMockList<string>(header.Value);
        }

        headers["x-request-id"] = new WireMockList<string>(requestId);
        var message = new ResponseMessage { StatusCode = Status, Headers = headers };
        if (Body is not null)
        {
            headers["Content-Type"] = new WireMockList<string>("application/json");
            message.BodyData = new BodyData
            {
                BodyAsString = Body.ToString(Formatting.None),
                DetectedBodyType = BodyType.String,
                Encoding = Utf8,
            };
        }

        return message;
    }
}
