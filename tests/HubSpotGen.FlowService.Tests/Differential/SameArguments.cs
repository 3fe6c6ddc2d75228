using HubSpotGen.FlowService.Tests.Support;
using Newtonsoft.Json.Linq;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// One set of argument values, turned into each client's own types. Both sides are built from the same
/// constants so that any difference on the wire comes from the clients, never from the test.
/// </summary>
internal static class SameArguments
{
    public static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");
    public static readonly Guid ConnectionSpecId = Guid.Parse(HubSpotConnectionSpec.Id);
    public const string SpecVersion = "1.0";
    public const string AuthSpecName = "Basic Authentication";
    public const string Name = "HubSpot base connection";
    public const string Description = "Connection to the marketing HubSpot account";
    public const string Etag = "\"1400dd53-0000-0200-0000-5f3f23450000\"";
    public const string TablePath = "Hubspot.Contacts";

    /// <summary>Filters with the characters that need escaping: '=', ',', a space and '&amp;'.</summary>
    public static readonly string[] Filters =
        ["connectionSpec.id==" + HubSpotConnectionSpec.Id, "state==enabled", "name==HubSpot base & co", "id==a,b"];

    public const int Limit = 50;
    public const string OrderBy = "-name";
    public const string ContinuationToken = "abcdefghijkLMNOPqrstupWXKYZ+/=";

    private static JObject AuthParams() => new()
    {
        ["clientId"] = FakePlatform.HubSpotClientId,
        ["clientSecret"] = FakePlatform.HubSpotClientSecret,
        ["accessToken"] = FakePlatform.HubSpotAccessToken,
        ["refreshToken"] = FakePlatform.HubSpotRefreshToken,
    };

    public static CreateConnectionRequest OurCreate(string? description = Description) => new()
    {
        Name = Name,
        Description = description,
        Auth = new AuthInfo { SpecName = AuthSpecName, Params = AuthParams().Properties().ToDictionary(p => p.Name, p => (JToken?)p.Value) },
        ConnectionSpec = new SpecReference { Id = ConnectionSpecId, Version = SpecVersion },
    };

    public static Oracle.CreateConnectionRequest TheirCreate(string? description = Description) => new()
    {
        Name = Name,
        Description = description!,
        Auth = new Oracle.AuthInfo { SpecName = AuthSpecName, Params = AuthParams() },
        ConnectionSpec = new Oracle.SpecReference { Id = ConnectionSpecId, Version = SpecVersion },
    };

    /// <summary>(op, path, value) in order; a null value means the operation carries none (remove).</summary>
    public static readonly (string Op, string Path, JToken? Value)[] Patch =
    [
        ("replace", "/auth/params", AuthParams()),
        ("replace", "/name", "HubSpot base connection (renamed)"),
        ("add", "/description", "new description"),
        ("remove", "/description", null),
    ];

    public static IReadOnlyList<PatchOperation> OurPatch() =>
        Patch.Select(p => new PatchOperation { Op = new PatchOperationKind(p.Op), Path = p.Path, Value = p.Value?.DeepClone() }).ToList();

    public static List<Oracle.PatchOperation> TheirPatch() =>
        Patch.Select(p => new Oracle.PatchOperation
        {
            Op = Enum.Parse<Oracle.PatchOperationKind>(p.Op, ignoreCase: true),
            Path = p.Path,
            Value = p.Value?.DeepClone()!,
        }).ToList();
}
