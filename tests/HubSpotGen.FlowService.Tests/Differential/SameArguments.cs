using HubSpotGen.FlowService.Models;
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

    public static readonly Guid SourceConnectionId = Guid.Parse("246d052c-da4a-494a-937f-a0d17b1c6cf5");
    public static readonly Guid TargetConnectionId = Guid.Parse("7c96c827-3ffd-460c-a573-e9558f72f263");
    public static readonly Guid FlowSpecId = Guid.Parse("14518937-270c-4525-bdec-c2ba7cce3860");
    public static readonly Guid DataLakeSpecId = Guid.Parse("c604ff05-7f1a-43c0-8e18-33bf874cb11c");
    public static readonly Guid FlowId = Guid.Parse("993f908f-3342-4d9c-9f3c-5aa9a189ca1a");
    public static readonly Guid RunId = Guid.Parse("0d4a5e8e-2f6c-4b7e-9d21-1c5f3a6b8e90");
    public const string SchemaId = "https://ns.adobe.com/testorg/schemas/0f6d8e7a2c1b4e9f";
    public const string SchemaVersion = "application/vnd.adobe.xed-full+json;version=1";
    public const string DataSetId = "5f3c3cedb2805c194ff0b69a";
    public const string MappingId = "bf5286a9c1ad4266baca76ba3adc9366";
    public const long StartTime = 1625040887;

    /// <summary>The flow spec filter with its quotes, which both clients must escape.</summary>
    public static readonly string[] FlowSpecFilters = ["name==\"CRMToAEP\""];

    public static readonly string[] RunFilters = ["flowId==" + FlowId];

    public static CreateSourceConnectionRequest OurSourceConnection() => new()
    {
        Name = "HubSpot contacts",
        Description = Description,
        BaseConnectionId = ConnectionId,
        Data = new SourceConnectionData { Format = "tabular" },
        Params = new SourceConnectionParams { Path = TablePath },
        ConnectionSpec = new SpecReference { Id = ConnectionSpecId, Version = SpecVersion },
    };

    public static Oracle.CreateSourceConnectionRequest TheirSourceConnection() => new()
    {
        Name = "HubSpot contacts",
        Description = Description,
        BaseConnectionId = ConnectionId,
        Data = new Oracle.SourceConnectionData { Format = "tabular" },
        Params = new Oracle.SourceConnectionParams { Path = TablePath },
        ConnectionSpec = new Oracle.SpecReference { Id = ConnectionSpecId, Version = SpecVersion },
    };

    public static CreateTargetConnectionRequest OurTargetConnection() => new()
    {
        Name = "Contacts dataset",
        Description = Description,
        Data = new TargetConnectionData { Format = "parquet_xdm", Schema = new XdmSchemaReference { Id = SchemaId, Version = SchemaVersion } },
        Params = new TargetConnectionParams { DataSetId = DataSetId },
        ConnectionSpec = new SpecReference { Id = DataLakeSpecId, Version = SpecVersion },
    };

    public static Oracle.CreateTargetConnectionRequest TheirTargetConnection() => new()
    {
        Name = "Contacts dataset",
        Description = Description,
        Data = new Oracle.TargetConnectionData { Format = "parquet_xdm", Schema = new Oracle.XdmSchemaReference { Id = SchemaId, Version = SchemaVersion } },
        Params = new Oracle.TargetConnectionParams { DataSetId = DataSetId },
        ConnectionSpec = new Oracle.SpecReference { Id = DataLakeSpecId, Version = SpecVersion },
    };

    /// <summary>
    /// One Mapping transformation, and a schedule with every member: NSwag's value-type members cannot be absent,
    /// so a value left out on our side (a Copy transformation's mappingVersion, once's interval) would be a 0 on its side.
    /// </summary>
    public static CreateFlowRequest OurFlow() => new()
    {
        Name = Name,
        Description = Description,
        FlowSpec = new SpecReference { Id = FlowSpecId, Version = SpecVersion },
        SourceConnectionIds = [SourceConnectionId],
        TargetConnectionIds = [TargetConnectionId],
        Transformations = [new Transformation { Name = "Mapping", Params = new TransformationParams { MappingId = MappingId, MappingVersion = 0 } }],
        ScheduleParams = new ScheduleParams { StartTime = StartTime, Frequency = new ScheduleFrequency("minute"), Interval = 15, Backfill = true },
    };

    public static Oracle.CreateFlowRequest TheirFlow() => new()
    {
        Name = Name,
        Description = Description,
        FlowSpec = new Oracle.SpecReference { Id = FlowSpecId, Version = SpecVersion },
        SourceConnectionIds = [SourceConnectionId],
        TargetConnectionIds = [TargetConnectionId],
        Transformations = [new Oracle.Transformation { Name = "Mapping", Params = new Oracle.TransformationParams { MappingId = MappingId, MappingVersion = 0 } }],
        ScheduleParams = new Oracle.ScheduleParams { StartTime = StartTime, Frequency = Oracle.ScheduleFrequency.Minute, Interval = 15, Backfill = true },
    };

    public static readonly (string Op, string Path, JToken? Value)[] FlowPatch =
    [
        ("replace", "/scheduleParams/frequency", "hour"),
        ("replace", "/scheduleParams/interval", 2),
        ("replace", "/transformations/1", new JObject { ["name"] = "Mapping", ["params"] = new JObject { ["mappingId"] = MappingId, ["mappingVersion"] = 1 } }),
        ("remove", "/scheduleParams/backfill", null),
    ];

    public static IReadOnlyList<PatchOperation> OurFlowPatch() =>
        FlowPatch.Select(p => new PatchOperation { Op = new PatchOperationKind(p.Op), Path = p.Path, Value = p.Value?.DeepClone() }).ToList();

    public static List<Oracle.PatchOperation> TheirFlowPatch() =>
        FlowPatch.Select(p => new Oracle.PatchOperation
        {
            Op = Enum.Parse<Oracle.PatchOperationKind>(p.Op, ignoreCase: true),
            Path = p.Path,
            Value = p.Value?.DeepClone()!,
        }).ToList();

    public static CreateRunRequest OurRun() => new()
    {
        FlowId = FlowId,
        Params = new RunParams { WindowStartTime = StartTime, WindowEndTime = StartTime + 3600, DeltaColumn = new DeltaColumn { Name = "Added_At" } },
    };

    public static Oracle.CreateRunRequest TheirRun() => new()
    {
        FlowId = FlowId,
        Params = new Oracle.RunParams { WindowStartTime = StartTime, WindowEndTime = StartTime + 3600, DeltaColumn = new Oracle.DeltaColumn { Name = "Added_At" } },
    };
}
