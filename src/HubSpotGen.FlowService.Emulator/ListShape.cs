using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What one list route lets a client filter and sort on. A field is a dotted path into the entity as the list
/// answers it; a path that crosses an array (<c>sourceConnectionIds</c>,
/// <c>inheritedAttributes.sourceConnections.connectionSpec.id</c>) matches when any element does.
/// </summary>
internal sealed record ListShape(string Route, string[] TextFields, string[] OrderFields)
{
    /// <summary>Every list also filters and sorts on these, as epoch-millisecond numbers.</summary>
    public static readonly string[] TimeFields = ["createdAt", "updatedAt"];

    private static readonly string[] CommonOrder = ["name", "description", "state", "id", "createdAt", "updatedAt"];

    public static readonly ListShape Connections = new(
        "/connections", ["id", "name", "description", "connectionSpec.id", "state"], CommonOrder);

    public static readonly ListShape SourceConnections = new(
        "/sourceConnections", ["id", "name", "description", "connectionSpec.id", "baseConnectionId", "state", "params.path"], CommonOrder);

    public static readonly ListShape TargetConnections = new(
        "/targetConnections", ["id", "name", "description", "connectionSpec.id", "state", "params.dataSetId"], CommonOrder);

    public static readonly ListShape Flows = new(
        "/flows",
        [
            "id", "name", "description", "flowSpec.id", "state", "sourceConnectionIds", "targetConnectionIds",
            "inheritedAttributes.sourceConnections.connectionSpec.id", "inheritedAttributes.targetConnections.connectionSpec.id",
        ],
        CommonOrder);

    public static readonly ListShape Runs = new(
        "/runs", ["id", "flowId", "metrics.statusSummary.status"], ["id", "createdAt", "updatedAt"]);

    public static readonly ListShape FlowSpecs = new("/flowSpecs", ["id", "name"], ["id", "name"]);

    public static readonly ListShape ConnectionSpecs = new("/connectionSpecs", ["id", "name"], ["id", "name"]);

    public bool IsTimeField(string field) => Array.IndexOf(TimeFields, field) >= 0;

    public bool IsFilterField(string field) => Array.IndexOf(TextFields, field) >= 0 || IsTimeField(field);

    public string FilterFieldList => string.Join(", ", TextFields.Concat(TimeFields));

    public string OrderFieldList => string.Join(", ", OrderFields);

    /// <summary>The values at <paramref name="field"/>, flattening arrays on the way; empty when the entity lacks it.</summary>
    public static List<JToken> Values(JToken entity, string field)
    {
        var current = new List<JToken> { entity };
        foreach (var segment in field.Split('.'))
        {
            var next = new List<JToken>();
            foreach (var token in current)
            {
                var child = token[segment];
                if (child is JArray array)
                {
                    next.AddRange(array.Where(item => item.Type != JTokenType.Null));
                }
                else if (child is not null && child.Type != JTokenType.Null)
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        return current;
    }
}
